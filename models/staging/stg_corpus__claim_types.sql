with

source as (
    select * from {{ seed_relation('corpus_claim_types') }}
),

renamed as (
    select
        claim_type,
        description,
        published_role,
        recomputed_side
    from source
)

select * from renamed
