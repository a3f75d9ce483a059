-- The figures whose translation differs from their counterpart in the original.
select
    checks.mention_id,
    checks.printed_text,
    checks.locator,
    checks.counterpart_printed_text,
    checks.counterpart_qualifying_word,
    checks.counterpart_locator,
    checks.what_differs,
    counterparts.publisher as counterpart_publisher
from marts.translation_checks as checks
inner join marts.documents as counterparts
    on checks.counterpart_document_id = counterparts.document_id
where
    checks.has_stray_sign
    or not (
        checks.values_agree
        and checks.intervals_agree
        and checks.qualifiers_agree
        and checks.measures_agree
    )
order by checks.mention_id
