-- The checks across documents that the figures contradict are exactly the
-- registered ones: a new contradiction, or a registered one that no longer
-- occurs, fails the build.
with

cross_checks as (
    select * from {{ ref('cross_checks') }}
),

register as (
    select * from {{ ref('stg_corpus__known_cross_discrepancies') }}
),

inconsistent as (
    select check_id from cross_checks
    where status = 'inconsistent'
)

select
    coalesce(inconsistent.check_id, register.check_id) as check_id,
    case
        when register.check_id is null
            then
                'inconsistent but not in '
                || 'seeds/corpus_known_cross_discrepancies.csv'
        else 'registered as a discrepancy but no longer inconsistent'
    end as problem
from inconsistent
full outer join register
    on inconsistent.check_id = register.check_id
where inconsistent.check_id is null or register.check_id is null
