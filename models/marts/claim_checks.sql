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
        explanation,
        {{ display_quantity('published_value', 'unit') }}
            as published_display,
        {{ display_interval('published_low', 'published_high', 'unit') }}
            as published_interval_display,
        {{ display_quantity('recomputed_value', 'unit') }}
            as recomputed_display,
        {{ display_interval('recomputed_low', 'recomputed_high', 'unit') }}
            as recomputed_interval_display
    from claims
)

select * from final
