with

source as (
    select * from {{ seed_relation('corpus_document_sources') }}
),

renamed as (
    select
        document_id,
        kind,
        language,
        url,
        publisher,
        cast(published_on as date) as published_on,
        cast(accessed_on as date) as accessed_on,
        cast(data_year as integer) as data_year,
        translates_document_id,
        text_stored = 'true' as text_stored,
        description
    from source
)

select * from renamed
