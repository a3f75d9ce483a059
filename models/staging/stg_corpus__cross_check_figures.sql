with

source as (
    select * from {{ seed_relation('corpus_cross_check_figures') }}
),

renamed as (
    select
        check_id,
        quantity_id,
        role
    from source
)

select * from renamed
