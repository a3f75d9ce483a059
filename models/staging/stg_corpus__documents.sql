-- The stored documents' texts are read here, at build time (document_texts:
-- DuckDB's read_text, Spark's binaryFile): it gives SQL users the text without
-- file access, which the hardened read-only connection forbids. A stored
-- document is a .txt file under sources/; the input check has verified each
-- file's sha256 and length before dbt runs. Paths are relative to the project
-- root, which the pipeline passes as WECHAT_IMPACT_ROOT (plain dbt runs from
-- the root).
{%- set root = env_var('WECHAT_IMPACT_ROOT', '') -%}
{%- set root_dir = root ~ '/' if root else '' %}
with

source as (
    select * from {{ seed_relation('corpus_documents') }}
),

texts as (
    select
        path,
        content
    from ({{ document_texts(root_dir) }}) as files
),

renamed as (
    select
        source.document_id,
        source.path,
        source.sha256,
        cast(source.char_count as integer) as char_count,
        source.title,
        source.author,
        source.publisher,
        source.report_title,
        source.report_publisher,
        source.report_date,
        source.language,
        texts.content as text
    from source
    left join texts
        on source.path = texts.path
)

select * from renamed
