with

source as (
    select * from {{ seed_relation('corpus_derivation_inputs') }}
),

renamed as (
    select
        derived_id,
        figure_id,
        role
    from source
)

select * from renamed
