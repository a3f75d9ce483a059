-- Every derived figure with the printed figures it is computed from.
with

inputs as (
    select
        derived_figure_inputs.derived_id,
        list(
            struct_pack(
                figures.figure_id,
                figures.label,
                derived_figure_inputs.role
            )
            order by derived_figure_inputs.role, figures.figure_id
        ) as figures
    from marts.derived_figure_inputs as derived_figure_inputs
    inner join marts.figures as figures
        on derived_figure_inputs.figure_id = figures.figure_id
    group by derived_figure_inputs.derived_id
)

select
    derived_figures.derived_id,
    derived_figures.label,
    derived_figures.unit,
    derived_figures.formula,
    derived_figures.value,
    derived_figures.value_low,
    derived_figures.value_high,
    derived_figures.value_display,
    derived_figures.interval_display,
    coalesce(inputs.figures, []) as figures
from marts.derived_figures as derived_figures
left join inputs
    on derived_figures.derived_id = inputs.derived_id
order by derived_figures.document_id, derived_figures.derived_id
