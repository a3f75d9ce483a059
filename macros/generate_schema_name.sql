{% macro generate_schema_name(custom_schema_name, node) -%}
    {#- Clean schema names (raw, staging, marts) instead of main_raw. -#}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
