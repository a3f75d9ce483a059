-- Each claim with the status its intervals imply, recomputed independently
-- of the dbt model (intervals are closed; a comparison with a missing end,
-- which is open, holds); kept where the two disagree (how many, and the
-- first $listed by claim_id). The register of known discrepancies is held to
-- the statuses by a dbt test, which names the seed row to fix.
with

claims as (
    select
        claim_id,
        status,
        case
            when recomputed_low is null and recomputed_high is null
                then 'unverifiable'
            when
                coalesce(recomputed_low <= recomputed_high, true)
                and coalesce(published_low <= published_high, true)
                and coalesce(published_low <= recomputed_high, true)
                and coalesce(recomputed_low <= published_high, true)
                then 'consistent'
            else 'inconsistent'
        end as expected_status
    from marts.claim_checks
),

offending_claims as (
    select * from claims
    where status is distinct from expected_status
),

offending_claims_count as (
    select count(*) as offending_claims from offending_claims
),

offending_claims_first as (
    select * from offending_claims
    order by claim_id
    limit $listed
)

select
    offending_claims_count.*,
    offending_claims_first.*
from offending_claims_count
left join offending_claims_first on true
