-- Every figure a cited document prints, with where to read it: the
-- document's address, publisher and date, and the paragraph.
with

figures as (
    select * from {{ ref('stg_corpus__cited_figures') }}
),

sources as (
    select * from {{ ref('stg_corpus__document_sources') }}
),

final as (
    select
        figures.figure_id,
        figures.document_id,
        figures.measure_id,
        figures.data_year,
        figures.printed_text,
        figures.qualifying_word,
        figures.qualifier,
        figures.unit,
        figures.value,
        figures.value_low,
        figures.value_high,
        figures.locator,
        sources.kind as document_kind,
        sources.language,
        sources.url,
        sources.publisher,
        sources.published_on
    from figures
    inner join sources
        on figures.document_id = sources.document_id
)

select * from final
