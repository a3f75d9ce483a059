with

source as (
    select * from {{ ref('report_claim_figures') }}
),

renamed as (
    select
        claim_id,
        figure_id,
        role
    from source
)

select * from renamed
