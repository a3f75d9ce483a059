with

derived_figures as (
    select * from {{ ref('int_derived_figures_computed') }}
),

final as (
    select
        derived_id,
        document_id,
        label,
        operation,
        formula,
        unit,
        value,
        value_low,
        value_high,
        {{ display_quantity('value', 'unit') }} as value_display,
        {{ display_interval('value_low', 'value_high', 'unit') }}
            as interval_display
    from derived_figures
)

select * from final
