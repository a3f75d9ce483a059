with

mentions as (
    select * from {{ ref('stg_report__figure_mentions') }}
),

final as (
    select
        mention_id,
        figure_id,
        mention_number,
        printed_text,
        qualifier,
        value,
        value_low,
        value_high,
        char_start,
        char_end,
        sentence_start,
        sentence_end,
        quote
    from mentions
)

select * from final
