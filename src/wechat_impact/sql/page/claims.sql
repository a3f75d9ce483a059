-- Every claim with the figures it uses. A check is bound-only when the
-- other figures only bound the claim (its recomputed interval starts at 0
-- and has no value: "a share lies within 0 to 100%", "a part is at most its
-- whole"); such a check can hardly fail, so the page counts it apart from the
-- checks against a value recomputed from other figures.
with

per_claim as (
    select
        claim_figures.claim_id,
        list(
            struct_pack(figures.figure_id, figures.label)
            order by figures.figure_id
        ) as figures
    from marts.claim_figures as claim_figures
    inner join marts.figures as figures
        on claim_figures.figure_id = figures.figure_id
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
    coalesce(per_claim.figures, []) as figures,
    coalesce(
        claims.recomputed_value is null and claims.recomputed_low = 0,
        false
    ) as bound_only
from marts.claim_checks as claims
left join per_claim
    on claims.claim_id = per_claim.claim_id
order by
    case claims.status
        when 'inconsistent' then 0
        when 'consistent' then 1
        else 2
    end,
    claims.claim_id
