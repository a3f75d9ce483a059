select
    mention_id,
    figure_id,
    cast(mention_number as varchar) as mention_number,
    printed_text,
    -- a synthetic text prints its qualifier with the figure, as the article
    null as qualifying_word,
    qualifier,
    value,
    value_low,
    value_high,
    cast(char_start as varchar) as char_start,
    cast(char_end as varchar) as char_end,
    cast(sentence_start as varchar) as sentence_start,
    cast(sentence_end as varchar) as sentence_end,
    sentence as quote,
    -- a synthetic document is one paragraph, one sentence per mention
    '1' as paragraph_number,
    cast(
        row_number() over (
            partition by document_id order by text_position
        ) as varchar
    ) as sentence_number,
    'paragraph 1, sentence ' || cast(
        row_number() over (
            partition by document_id order by text_position
        ) as varchar
    ) as locator,
    figure_position * 2 + mention_number as position
from placed
