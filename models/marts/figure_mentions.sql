with

mentions as (
    select * from {{ ref('stg_corpus__figure_mentions') }}
),

figures as (
    select * from {{ ref('stg_corpus__figures') }}
),

final as (
    select
        mentions.mention_id,
        mentions.figure_id,
        figures.document_id,
        mentions.mention_number,
        mentions.printed_text,
        mentions.qualifying_word,
        mentions.qualifier,
        mentions.value,
        mentions.value_low,
        mentions.value_high,
        mentions.locator,
        mentions.char_start,
        mentions.char_end,
        mentions.sentence_start,
        mentions.sentence_end,
        mentions.quote,
        mentions.paragraph_number,
        mentions.sentence_number,
        {{ display_quantity('mentions.value', 'figures.unit') }}
            as value_display,
        {{ display_interval(
            'mentions.value_low', 'mentions.value_high', 'figures.unit'
        ) }} as interval_display
    from mentions
    inner join figures
        on mentions.figure_id = figures.figure_id
)

select * from final
