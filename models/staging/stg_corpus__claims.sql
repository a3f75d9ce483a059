with

source as (
    select * from {{ seed_relation('corpus_claims') }}
),

renamed as (
    select
        claim_id,
        document_id,
        claim_type,
        statement
    from source
)

select * from renamed
