-- One row per derivation with its inputs' values and intervals, by role.
with

derivation_inputs as (
    select * from {{ ref('stg_report__derivation_inputs') }}
),

figures as (
    select * from {{ ref('int_figures_summarised') }}
),

inputs as (
    select
        derivation_inputs.derived_id,
        derivation_inputs.figure_id,
        derivation_inputs.role,
        figures.value,
        figures.value_low,
        figures.value_high,
        figures.figure_id || ' (' || figures.printed_text || ')' as input_text
    from derivation_inputs
    inner join figures
        on derivation_inputs.figure_id = figures.figure_id
),

pivoted as (
    select
        derived_id,
        {{ role_columns(['part', 'total', 'share', 'sub_share']) }}
    from inputs
    group by derived_id
)

select * from pivoted
