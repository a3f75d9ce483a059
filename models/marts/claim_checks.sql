with

claims as (
    select * from {{ ref('int_claims_checked') }}
),

known_discrepancies as (
    select * from {{ ref('stg_corpus__known_discrepancies') }}
),

final as (
    select
        claims.claim_id,
        claims.document_id,
        claims.claim_type,
        claims.statement,
        claims.unit,
        claims.published_value,
        claims.published_low,
        claims.published_high,
        claims.recomputed_value,
        claims.recomputed_low,
        claims.recomputed_high,
        claims.status,
        claims.explanation,
        known_discrepancies.claim_id is not null as known_discrepancy,
        known_discrepancies.reason as known_discrepancy_reason
    from claims
    left join known_discrepancies
        on claims.claim_id = known_discrepancies.claim_id
)

select * from final
