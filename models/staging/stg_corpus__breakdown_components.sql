with

source as (
    select * from {{ seed_relation('corpus_breakdown_components') }}
),

renamed as (
    select
        total_id,
        component_id,
        component,
        cast(sort_order as integer) as sort_order,
        share_id,
        amount_id
    from source
)

select * from renamed
