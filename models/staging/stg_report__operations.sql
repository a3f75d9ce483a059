with

source as (
    select * from {{ ref('report_operations') }}
),

renamed as (
    select
        operation,
        formula,
        description
    from source
)

select * from renamed
