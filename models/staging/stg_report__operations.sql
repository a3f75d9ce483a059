with

source as (
    select * from {{ ref('report_operations') }}
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
