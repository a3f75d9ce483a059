with

measures as (
    select * from {{ ref('stg_corpus__measures') }}
),

final as (
    select
        measure_id,
        unit,
        label,
        definition
    from measures
)

select * from final
