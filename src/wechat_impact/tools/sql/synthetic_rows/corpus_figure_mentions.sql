select
    mention_id,
    figure_id,
    cast(mention_number as varchar) as mention_number,
    printed_text,
    qualifier,
    value,
    value_low,
    value_high,
    cast(char_start as varchar) as char_start,
    cast(char_end as varchar) as char_end,
    cast(sentence_start as varchar) as sentence_start,
    cast(sentence_end as varchar) as sentence_end,
    sentence as quote,
    figure_position * 2 + mention_number as position
from placed
