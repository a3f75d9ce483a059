-- Each claim with the status its intervals imply, recomputed independently
-- of the dbt model (intervals are closed; a comparison with a missing end,
-- which is open, holds), and with the register of known discrepancies that
-- marts.claim_checks publishes; kept where anything disagrees (how many, and
-- the first $listed by claim_id).
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
        end as expected_status,
        case
            when not known_discrepancy then status
        end as unregistered_status,
        case
            when known_discrepancy then status
        end as registered_status
    from marts.claim_checks
),

offending_claims as (
    select * from claims
    where
        status is distinct from expected_status
        or unregistered_status = 'inconsistent'
        or registered_status <> 'inconsistent'
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
