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
        label,
        unit,
        value,
        value_low,
        value_high,
        qualifier,
        printed_text,
        qualifying_word,
        locator,
        mention_count,
        quote,
        char_start,
        char_end,
        {{ display_quantity('value', 'unit') }} as value_display,
        {{ display_interval('value_low', 'value_high', 'unit') }}
            as interval_display
    from figures
)

select * from final
