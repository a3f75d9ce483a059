-- One row per claim with the values and intervals of its figures, by role.
with

claim_figures as (
    select * from {{ ref('stg_report__claim_figures') }}
),

figures as (
    select * from {{ ref('int_figures_summarised') }}
),

inputs as (
    select
        claim_figures.claim_id,
        claim_figures.figure_id,
        claim_figures.role,
        figures.value,
        figures.value_low,
        figures.value_high,
        figures.figure_id || ' (' || figures.printed_text || ')' as input_text
    from claim_figures
    inner join figures
        on claim_figures.figure_id = figures.figure_id
),

pivoted as (
    select
        claim_id,
        {{ role_columns(
            ['figure', 'share', 'part', 'total', 'whole', 'sub_share',
             'range', 'bound']
        ) }}
    from inputs
    group by claim_id
)

select * from pivoted
