-- Every claim with the figures it uses, the gap of an inconsistent one, and
-- whether it compares documents (its figures come from more than one). A
-- check is bound-only when the other figures only bound the claim (its
-- recomputed interval starts at 0 and has no value: "a share lies within 0
-- to 100%", "a part is at most its whole"); such a check can hardly fail, so
-- the page counts it apart from the checks against a value recomputed from
-- other figures.
with

-- A figure of a stored document is listed on the page with its label; a cited
-- document's is named by its printed text.
printed as (
    select
        figures.figure_id,
        case
            when documents.text_stored then figures.label
            else figures.printed_text
        end as label,
        documents.text_stored as listed
    from marts.figures as figures
    inner join marts.documents as documents
        on figures.document_id = documents.document_id
),

per_claim as (
    select
        claim_figures.claim_id,
        list(
            struct_pack(printed.figure_id, printed.label, printed.listed)
            order by printed.figure_id
        ) as figures
    from marts.claim_figures as claim_figures
    inner join printed
        on claim_figures.figure_id = printed.figure_id
    group by claim_figures.claim_id
)

select
    claims.claim_id,
    claims.statement,
    claims.unit,
    claims.status,
    claims.explanation,
    claims.published_value,
    claims.published_low,
    claims.published_high,
    claims.recomputed_value,
    claims.recomputed_low,
    claims.recomputed_high,
    claims.published_display,
    claims.published_interval_display,
    claims.recomputed_display,
    claims.recomputed_interval_display,
    claims.gap_display,
    claims.gap_pct_of_published_display,
    claims.known_discrepancy_reason,
    documents.publisher,
    claims.document_count > 1 as compares_documents,
    coalesce(per_claim.figures, []) as figures,
    coalesce(
        claims.recomputed_value is null and claims.recomputed_low = 0,
        false
    ) as bound_only
from marts.claim_checks as claims
inner join marts.documents as documents
    on claims.document_id = documents.document_id
left join per_claim
    on claims.claim_id = per_claim.claim_id
order by
    case claims.status
        when 'inconsistent' then 0
        when 'consistent' then 1
        else 2
    end,
    claims.claim_id
