-- Every claim reaches marts.claim_checks and every derivation reaches
-- marts.derived_figures: a row that an inner join dropped (a claim with no
-- figures, a derivation with no inputs) fails the build instead of
-- vanishing. Failing rows name the seed row (see
-- assert_inconsistent_claims_are_registered.sql).
with

claims as (
    select * from {{ ref('stg_corpus__claims') }}
),

claim_checks as (
    select * from {{ ref('claim_checks') }}
),

derivations as (
    select * from {{ ref('stg_corpus__derivations') }}
),

derived_figures as (
    select * from {{ ref('derived_figures') }}
),

missing_claims as (
    select
        'corpus_claims' as seed,
        'claim_id' as seed_key,
        claims.claim_id as key_value,
        'claim_id' as seed_column,
        'claim ' || claims.claim_id
        || ' is missing from marts.claim_checks; give it its figures in'
        || ' seeds/corpus_claim_figures.csv' as problem
    from claims
    left join claim_checks
        on claims.claim_id = claim_checks.claim_id
    where claim_checks.claim_id is null
),

missing_derivations as (
    select
        'corpus_derivations' as seed,
        'derived_id' as seed_key,
        derivations.derived_id as key_value,
        'derived_id' as seed_column,
        'derivation ' || derivations.derived_id
        || ' is missing from marts.derived_figures; give it its inputs in'
        || ' seeds/corpus_derivation_inputs.csv' as problem
    from derivations
    left join derived_figures
        on derivations.derived_id = derived_figures.derived_id
    where derived_figures.derived_id is null
)

select * from missing_claims
union all
select * from missing_derivations
