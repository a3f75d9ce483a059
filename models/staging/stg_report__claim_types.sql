with

source as (
    select * from {{ ref('report_claim_types') }}
),

renamed as (
    select
        claim_type,
        description,
        published_side,
        recomputed_side
    from source
)

select * from renamed
