with

source as (
    select * from {{ seed_relation('corpus_known_discrepancies') }}
),

renamed as (
    select
        claim_id,
        reason
    from source
)

select * from renamed
