-- The documents' texts are read here, at build time, by DuckDB's read_text
-- (DuckDB-only: it buys SQL users the text without file access, which the
-- hardened read-only connection forbids). Every document lives under
-- sources/ as a .txt file; the input check has verified each file's sha256
-- and length before dbt runs. Paths are relative to the project root, which
-- the pipeline passes as WECHAT_IMPACT_ROOT (plain dbt runs from the root).
{%- set root = env_var('WECHAT_IMPACT_ROOT', '') -%}
{%- set prefix = root ~ '/' if root else '' -%}
{%- set quoted_prefix = "'" ~ (prefix | replace("'", "''")) ~ "'" -%}
{%- set glob = (prefix ~ 'sources/**/*.txt') | replace("'", "''") -%}
{%- set documents_glob = "'" ~ glob ~ "'" %}
with

source as (
    select * from {{ seed_relation('corpus_documents') }}
),

texts as (
    select
        filename,
        content
    from read_text({{ documents_glob }})
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
        on {{ quoted_prefix }} || source.path = texts.filename
)

select * from renamed
