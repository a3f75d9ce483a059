-- A view, not a table: it repeats every printed figure of the corpus (a
-- million at scale) for the few rows its readers pick out.
{{ config(materialized='view') }}

-- Everything a check across documents can compare, in one shape: the
-- article's printed figures, the quantities derived from them, and the
-- figures of the cited documents, each with its document and data year.
with

article_figures as (
    select * from {{ ref('int_figures_summarised') }}
),

article_measures as (
    select * from {{ ref('stg_corpus__figure_measures') }}
),

derived_figures as (
    select * from {{ ref('int_derived_figures_computed') }}
),

cited_figures as (
    select * from {{ ref('stg_corpus__cited_figures') }}
),

from_article as (
    select
        article_figures.figure_id as quantity_id,
        'printed' as kind,
        article_figures.document_id,
        article_measures.measure_id,
        article_measures.data_year,
        article_figures.unit,
        article_figures.printed_text,
        article_figures.value,
        article_figures.value_low,
        article_figures.value_high
    from article_figures
    left join article_measures
        on article_figures.figure_id = article_measures.figure_id
),

from_derivations as (
    select
        derived_id as quantity_id,
        'derived' as kind,
        document_id,
        cast(null as string) as measure_id,
        cast(null as integer) as data_year,
        unit,
        label as printed_text,
        value,
        value_low,
        value_high
    from derived_figures
),

from_cited as (
    select
        figure_id as quantity_id,
        'printed' as kind,
        document_id,
        measure_id,
        data_year,
        unit,
        printed_text,
        value,
        value_low,
        value_high
    from cited_figures
),

final as (
    select * from from_article
    union all
    select * from from_derivations
    union all
    select * from from_cited
)

select * from final
