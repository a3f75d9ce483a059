with

source as (
    select * from {{ ref('report_claims') }}
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
