-- Each claim, within one document or across documents (a growth rate, a
-- multiple, an average growth, a share of a national total, parts of a
-- total, one figure twice), with the status and the gap its intervals
-- imply, recomputed independently of the dbt model (intervals are closed; a
-- comparison with a missing end, which is open, holds), and the register of
-- known discrepancies that marts.claim_checks publishes; kept where anything
-- disagrees (how many, and the first $listed by claim_id).
with

statuses as (
    select
        claim_id,
        status,
        gap,
        known_discrepancy,
        published_low,
        published_high,
        recomputed_low,
        recomputed_high,
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

claims as (
    select
        claim_id,
        status,
        expected_status,
        gap,
        -- The distance across the empty recomputed interval of disagreeing
        -- mentions, else from the one interval's end to the other's.
        case
            when expected_status <> 'inconsistent' then null
            when recomputed_low > recomputed_high
                then recomputed_low - recomputed_high
            when published_low > recomputed_high
                then published_low - recomputed_high
            else recomputed_low - published_high
        end as expected_gap,
        case
            when not known_discrepancy then status
        end as unregistered_status,
        case
            when known_discrepancy then status
        end as registered_status
    from statuses
),

offending_claims as (
    select * from claims
    where
        status is distinct from expected_status
        or gap is distinct from expected_gap
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
