-- Printed and derived figures in one shape, for anything that may refer to
-- either (a breakdown's shares are printed, its remainder is derived).
with

figures as (
    select * from {{ ref('int_figures_summarised') }}
),

derived_figures as (
    select * from {{ ref('int_derived_figures_computed') }}
),

unioned as (
    select
        figure_id as quantity_id,
        'printed' as kind,
        label,
        unit,
        value,
        value_low,
        value_high
    from figures

    union all

    select
        derived_id as quantity_id,
        'derived' as kind,
        label,
        unit,
        value,
        value_low,
        value_high
    from derived_figures
)

select * from unioned
