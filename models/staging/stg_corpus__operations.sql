with

source as (
    select * from {{ seed_relation('corpus_operations') }}
),

renamed as (
    select
        operation,
        roles,
        formula,
        description
    from source
)

select * from renamed
