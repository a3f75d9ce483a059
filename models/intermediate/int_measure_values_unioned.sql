-- Every printed value of a measure, from the article and from the cited
-- documents alike: one row per printed figure, with its interval.
with

article_figures as (
    select * from {{ ref('int_figures_summarised') }}
),

article_measures as (
    select * from {{ ref('stg_corpus__figure_measures') }}
),

cited_figures as (
    select * from {{ ref('stg_corpus__cited_figures') }}
),

from_article as (
    select
        article_figures.figure_id,
        article_figures.document_id,
        article_measures.measure_id,
        article_measures.data_year,
        article_figures.printed_text,
        article_figures.qualifier,
        article_figures.value_low,
        article_figures.value_high
    from article_figures
    inner join article_measures
        on article_figures.figure_id = article_measures.figure_id
),

from_cited as (
    select
        figure_id,
        document_id,
        measure_id,
        data_year,
        printed_text,
        qualifier,
        value_low,
        value_high
    from cited_figures
),

final as (
    select * from from_article
    union all
    select * from from_cited
)

select * from final
