-- Every document: the stored ones (their file and checksum) and the ones
-- only cited (their address), with what kind of document each is. A full
-- join keeps a stored document that has no row in corpus_document_sources
-- (the scale run's synthetic ones) and a cited one that has no file.
with

stored as (
    select * from {{ ref('stg_corpus__documents') }}
),

sources as (
    select * from {{ ref('stg_corpus__document_sources') }}
),

final as (
    select
        coalesce(stored.document_id, sources.document_id) as document_id,
        stored.title,
        coalesce(sources.publisher, stored.publisher) as publisher,
        coalesce(sources.language, stored.language) as language,
        stored.sha256,
        stored.char_count,
        stored.path,
        stored.author,
        stored.report_title,
        stored.report_publisher,
        stored.report_date,
        sources.kind,
        sources.url,
        sources.published_on,
        sources.accessed_on,
        sources.data_year,
        sources.translates_document_id,
        coalesce(sources.text_stored, stored.document_id is not null)
            as text_stored,
        sources.description,
        stored.text
    from stored
    full outer join sources
        on stored.document_id = sources.document_id
)

select * from final
