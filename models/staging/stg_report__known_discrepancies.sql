with

source as (
    select * from {{ seed_relation('report_known_discrepancies') }}
),

renamed as (
    select
        claim_id,
        reason
    from source
)

select * from renamed
