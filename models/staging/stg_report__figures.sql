with

source as (
    select * from {{ ref('report_figures') }}
),

renamed as (
    select
        figure_id,
        document_id,
        metric,
        label,
        period,
        unit
    from source
)

select * from renamed
