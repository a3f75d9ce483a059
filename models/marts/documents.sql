with

documents as (
    select * from {{ ref('stg_corpus__documents') }}
),

final as (
    select
        document_id,
        title,
        publisher,
        language,
        sha256,
        char_count,
        path,
        author,
        report_title,
        report_publisher,
        report_date,
        text
    from documents
)

select * from final
