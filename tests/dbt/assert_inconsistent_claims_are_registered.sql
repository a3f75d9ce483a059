-- The claims the article's figures contradict are exactly the registered
-- discrepancies: a new contradiction, or a registered one that no longer
-- occurs, fails the build.
with

claim_checks as (
    select * from {{ ref('claim_checks') }}
),

register as (
    select * from {{ ref('stg_corpus__known_discrepancies') }}
),

inconsistent as (
    select claim_id from claim_checks
    where status = 'inconsistent'
)

select
    coalesce(inconsistent.claim_id, register.claim_id) as claim_id,
    case
        when register.claim_id is null
            then 'inconsistent but not in seeds/corpus_known_discrepancies.csv'
        else 'registered as a discrepancy but no longer inconsistent'
    end as problem
from inconsistent
full outer join register
    on inconsistent.claim_id = register.claim_id
where inconsistent.claim_id is null or register.claim_id is null
