with

source as (
    select * from {{ seed_relation('corpus_cross_checks') }}
),

renamed as (
    select
        check_id,
        document_id,
        check_type,
        statement
    from source
)

select * from renamed
