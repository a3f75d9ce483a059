-- A view, not a table: it repeats every printed figure of the corpus (a
-- million at scale) for the few rows its readers pick out.
{{ config(materialized='view') }}

-- Every place any document prints a figure: the article's mentions (located
-- by character offsets) and the cited documents' figures (located by
-- paragraph), with one shape, so a printing can be compared with another.
with

mentions as (
    select * from {{ ref('stg_corpus__figure_mentions') }}
),

article_figures as (
    select * from {{ ref('stg_corpus__figures') }}
),

article_measures as (
    select * from {{ ref('stg_corpus__figure_measures') }}
),

cited_figures as (
    select * from {{ ref('stg_corpus__cited_figures') }}
),

from_article as (
    select
        mentions.mention_id as printing_id,
        article_figures.document_id,
        article_measures.measure_id,
        mentions.printed_text,
        cast(null as string) as qualifying_word,
        mentions.qualifier,
        mentions.value,
        mentions.value_low,
        mentions.value_high,
        'characters ' || cast(mentions.char_start as string)
        || ' to ' || cast(mentions.char_end as string) as locator
    from mentions
    inner join article_figures
        on mentions.figure_id = article_figures.figure_id
    left join article_measures
        on mentions.figure_id = article_measures.figure_id
),

from_cited as (
    select
        figure_id as printing_id,
        document_id,
        measure_id,
        printed_text,
        qualifying_word,
        qualifier,
        value,
        value_low,
        value_high,
        locator
    from cited_figures
),

final as (
    select * from from_article
    union all
    select * from from_cited
)

select * from final
