with

source as (
    select * from {{ ref('report_derivation_inputs') }}
),

renamed as (
    select
        derived_id,
        figure_id,
        role
    from source
)

select * from renamed
