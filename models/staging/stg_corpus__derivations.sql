with

source as (
    select * from {{ seed_relation('corpus_derivations') }}
),

renamed as (
    select
        derived_id,
        document_id,
        operation,
        unit,
        label
    from source
)

select * from renamed
