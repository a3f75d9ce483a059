with

source as (
    select * from {{ seed_relation('corpus_documents') }}
),

renamed as (
    select
        document_id,
        path,
        sha256,
        cast(char_count as integer) as char_count,
        title,
        author,
        publisher,
        report_title,
        report_publisher,
        report_date,
        language
    from source
)

select * from renamed
