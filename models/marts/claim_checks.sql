with

claims as (
    select * from {{ ref('int_claims_checked') }}
),

final as (
    select
        claim_id,
        document_id,
        claim_type,
        statement,
        unit,
        published_value,
        published_low,
        published_high,
        recomputed_value,
        recomputed_low,
        recomputed_high,
        status,
        explanation
    from claims
)

select * from final
