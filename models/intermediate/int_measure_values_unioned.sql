-- Every printed value of a measure, whichever document prints it: one row
-- per figure that has a measure, with its interval.
with

figures as (
    select * from {{ ref('int_figures_summarised') }}
),

final as (
    select
        figure_id,
        document_id,
        measure_id,
        data_year,
        printed_text,
        qualifier,
        value_low,
        value_high
    from figures
    where measure_id is not null
)

select * from final
