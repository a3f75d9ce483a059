-- The claims the figures contradict, within one document or across
-- documents, are exactly the registered discrepancies: a new contradiction,
-- or a registered one that no longer occurs, fails the build. Each failing
-- row names the seed row to fix (seed, seed_key, key_value, seed_column), so
-- the build reports a file, a row and a column (wechat_impact.dbt_failures).
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
),

unregistered as (
    select
        'corpus_claims' as seed,
        'claim_id' as seed_key,
        inconsistent.claim_id as key_value,
        'claim_id' as seed_column,
        'claim ' || inconsistent.claim_id
        || ' is inconsistent, but seeds/corpus_known_discrepancies.csv'
        || ' does not register it; add it there with the reason' as problem
    from inconsistent
    left join register
        on inconsistent.claim_id = register.claim_id
    where register.claim_id is null
),

no_longer_inconsistent as (
    select
        'corpus_known_discrepancies' as seed,
        'claim_id' as seed_key,
        register.claim_id as key_value,
        'claim_id' as seed_column,
        'claim ' || register.claim_id
        || ' is registered as a discrepancy, but it is '
        || coalesce(claim_checks.status, 'not checked')
        || '; remove the row or correct the figures' as problem
    from register
    left join claim_checks
        on register.claim_id = claim_checks.claim_id
    where coalesce(claim_checks.status, '') <> 'inconsistent'
)

select * from unregistered
union all
select * from no_longer_inconsistent
