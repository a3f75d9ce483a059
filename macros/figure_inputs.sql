{% macro figure_inputs(assignments, key, figures=none) -%}
    {#- The rows role_columns pivots: each (key, figure, role) of `assignments`
        (a relation with columns <key>, figure_id and role) with the figure's
        value, interval, unit and "figure_id (printed text)" for formulas.
        `figures` is where the figures are (columns figure_id, value,
        value_low, value_high, unit, printed_text): the article's printed
        figures unless given. Shared by the derivation pivot and the claim
        checks. -#}
    select
        assignments.{{ key }},
        assignments.figure_id,
        assignments.role,
        figures.value,
        figures.value_low,
        figures.value_high,
        figures.unit,
        figures.figure_id || ' (' || figures.printed_text || ')' as input_text
    from {{ assignments }} as assignments
    inner join {{ figures or ref('int_figures_summarised') }} as figures
        on assignments.figure_id = figures.figure_id
{%- endmacro %}
