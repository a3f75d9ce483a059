-- Each document is its sentences joined by spaces; offsets are in code points
-- (all ASCII).
create table placed as
with sentences as (
    select
        *,
        coalesce(
            sum(length(sentence) + 1) over (
                partition by document_id order by text_position
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as sentence_start
    from mentions
)

select
    document_number,
    document_id,
    section,
    slot,
    mention_number,
    figure_id,
    mention_id,
    label,
    unit,
    qualifier,
    printed_text,
    value,
    value_low,
    value_high,
    sentence,
    figure_position,
    text_position,
    sentence_start,
    sentence_start + printed_offset as char_start,
    sentence_start + printed_offset + length(printed_text) as char_end,
    sentence_start + length(sentence) as sentence_end
from sentences
