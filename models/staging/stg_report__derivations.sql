with

source as (
    select * from {{ ref('report_derivations') }}
),

renamed as (
    select
        derived_id,
        document_id,
        operation,
        unit,
        label
    from source
)

select * from renamed
