-- One row per figure of any document, with its first mention and how often
-- it is printed.
with

figures as (
    select * from {{ ref('stg_corpus__figures') }}
),

mentions as (
    select * from {{ ref('stg_corpus__figure_mentions') }}
),

mention_counts as (
    select
        figure_id,
        count(*) as mention_count
    from mentions
    group by figure_id
),

first_mentions as (
    select * from mentions
    where mention_number = 1
),

final as (
    select
        figures.figure_id,
        figures.document_id,
        figures.measure_id,
        figures.data_year,
        figures.label,
        figures.unit,
        first_mentions.value,
        first_mentions.value_low,
        first_mentions.value_high,
        first_mentions.qualifier,
        first_mentions.printed_text,
        first_mentions.qualifying_word,
        first_mentions.locator,
        mention_counts.mention_count,
        first_mentions.quote,
        first_mentions.char_start,
        first_mentions.char_end
    from figures
    inner join first_mentions
        on figures.figure_id = first_mentions.figure_id
    inner join mention_counts
        on figures.figure_id = mention_counts.figure_id
)

select * from final
