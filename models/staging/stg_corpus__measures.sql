with

source as (
    select * from {{ seed_relation('corpus_measures') }}
),

renamed as (
    select
        measure_id,
        unit,
        label,
        definition
    from source
)

select * from renamed
