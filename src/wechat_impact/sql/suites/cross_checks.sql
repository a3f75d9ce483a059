-- Each check across documents (a growth rate, a multiple, an average
-- growth, a share of a national total, parts of a total, one figure twice)
-- with the status its intervals imply, recomputed independently of the dbt
-- model, and the register of known cross discrepancies that
-- marts.cross_checks publishes; kept where anything disagrees (how many,
-- and the first $listed by check_id).
with

checks as (
    select
        check_id,
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
            when not is_registered then status
        end as unregistered_status,
        case
            when is_registered then status
        end as registered_status
    from marts.cross_checks
),

offending_checks as (
    select * from checks
    where
        status is distinct from expected_status
        or unregistered_status = 'inconsistent'
        or registered_status <> 'inconsistent'
),

offending_checks_count as (
    select count(*) as offending_checks from offending_checks
),

offending_checks_first as (
    select * from offending_checks
    order by check_id
    limit $listed
)

select
    offending_checks_count.*,
    offending_checks_first.*
from offending_checks_count
left join offending_checks_first on true
