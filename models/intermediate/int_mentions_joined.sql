-- A view, not a table: it repeats every printed figure of the corpus (a
-- million at scale) for the few rows its readers pick out.
{{ config(materialized='view') }}

-- Every place any document prints a figure, with its document and measure,
-- so a printing can be compared with another: the stored article's mentions
-- and the cited documents' alike, each with its locator.
with

mentions as (
    select * from {{ ref('stg_corpus__figure_mentions') }}
),

figures as (
    select * from {{ ref('stg_corpus__figures') }}
),

final as (
    select
        mentions.mention_id as printing_id,
        figures.document_id,
        figures.measure_id,
        mentions.printed_text,
        mentions.qualifying_word,
        mentions.qualifier,
        mentions.value,
        mentions.value_low,
        mentions.value_high,
        mentions.locator
    from mentions
    inner join figures
        on mentions.figure_id = figures.figure_id
)

select * from final
