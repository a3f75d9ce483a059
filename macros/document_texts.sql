{% macro document_texts(root) -%}
    {#- A query of (path, content): every .txt file under root's sources/
        folder, read whole at build time, path relative to root
        (sources/<file>) as the documents seed writes it. root is a folder
        name ending in '/', or '' for the current folder. Dispatched, since
        neither engine reads files in standard SQL. -#}
    {{ adapter.dispatch('document_texts', 'wechat_impact')(root) }}
{%- endmacro %}

{% macro duckdb__document_texts(root) -%}
    select
        substring(filename, {{ root | length + 1 }}) as path,
        content
    from read_text('{{ (root ~ "sources/**/*.txt") | replace("'", "''") }}')
{%- endmacro %}

{% macro spark__document_texts(root) -%}
    {#- The binaryFile source names files by URL (file:/...), absolute even
        for a relative folder; the glob reads sources/ and one level below
        it (Hadoop's globs have no **). -#}
    select
        {% if root -%}
            substring(path, {{ ('file:' ~ root) | length + 1 }}) as path,
        {%- else -%}
            regexp_extract(path, 'sources/.*$', 0) as path,
        {%- endif %}
        decode(content, 'UTF-8') as content
    from binaryFile.`{{ root }}sources/{*,*/*}.txt`
{%- endmacro %}
