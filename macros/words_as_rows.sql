{% macro words_as_rows(column_name) -%}
    {#- One row per space-separated word of column_name, in a select list. -#}
    {{ return(adapter.dispatch('words_as_rows', 'wechat_impact')(column_name)) }}
{%- endmacro %}

{% macro duckdb__words_as_rows(column_name) -%}
    unnest(string_split({{ column_name }}, ' '))
{%- endmacro %}

{% macro spark__words_as_rows(column_name) -%}
    explode(split({{ column_name }}, ' '))
{%- endmacro %}
