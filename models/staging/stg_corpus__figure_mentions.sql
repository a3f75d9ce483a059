with

source as (
    select * from {{ seed_relation('corpus_figure_mentions') }}
),

renamed as (
    select
        mention_id,
        figure_id,
        cast(mention_number as integer) as mention_number,
        printed_text,
        qualifying_word,
        qualifier,
        {{ to_quantity('value') }} as value,
        {{ to_quantity('value_low') }} as value_low,
        {{ to_quantity('value_high') }} as value_high,
        locator,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_start as integer) as sentence_start,
        cast(sentence_end as integer) as sentence_end,
        quote,
        cast(paragraph_number as integer) as paragraph_number,
        cast(sentence_number as integer) as sentence_number
    from source
)

select * from renamed
