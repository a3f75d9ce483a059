with

figures as (
    select * from {{ ref('int_figures_summarised') }}
),

final as (
    select
        figure_id,
        document_id,
        metric,
        label,
        period,
        unit,
        value,
        value_low,
        value_high,
        qualifier,
        printed_text,
        mention_count,
        quote,
        char_start,
        char_end
    from figures
)

select * from final
