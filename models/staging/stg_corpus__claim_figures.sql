with

source as (
    select * from {{ seed_relation('corpus_claim_figures') }}
),

renamed as (
    select
        claim_id,
        figure_id,
        role
    from source
)

select * from renamed
