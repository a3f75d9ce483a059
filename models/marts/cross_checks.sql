with

checks as (
    select * from {{ ref('int_cross_checks_computed') }}
),

final as (
    select
        check_id,
        document_id,
        check_type,
        statement,
        unit,
        published_value,
        published_low,
        published_high,
        recomputed_low,
        recomputed_high,
        recomputed_side,
        status,
        gap,
        {{ percent_of('gap', 'published_value') }} as gap_pct_of_published,
        is_registered,
        reason
    from checks
)

select * from final
