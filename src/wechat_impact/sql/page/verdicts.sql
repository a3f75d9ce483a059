-- Every figure another document tests, the contradicted first.
select
    verdicts.figure_id,
    verdicts.printed_text,
    verdicts.data_year,
    verdicts.verdict,
    verdicts.corroborating_checks,
    verdicts.contradicting_checks,
    verdicts.explanation,
    documents.publisher,
    measures.label
from marts.figure_verdicts as verdicts
inner join marts.documents as documents
    on verdicts.document_id = documents.document_id
inner join marts.measures as measures
    on verdicts.measure_id = measures.measure_id
where verdicts.verdict <> 'untested'
order by
    verdicts.verdict <> 'contradicted',
    verdicts.data_year,
    verdicts.figure_id
