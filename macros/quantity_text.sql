{% macro quantity_text(column_name) -%}
    {#- A quantity as text without trailing zeros: 85.65, 95150000000, 0.
        Cast to the quantity type first so there is always a decimal point
        for the zeros to stop at. trim(trailing ...) is standard SQL; the
        two-argument rtrim takes its arguments in opposite orders in DuckDB
        and Spark. -#}
    trim(
        trailing '.' from trim(
            trailing '0' from {{ decimal_text(to_quantity(column_name)) }}
        )
    )
{%- endmacro %}

{% macro decimal_text(expression) -%}
    {#- A decimal as plain text with all its decimals: 0.0000000000, never
        0E-10. -#}
    {{ return(adapter.dispatch('decimal_text', 'wechat_impact')(expression)) }}
{%- endmacro %}

{% macro default__decimal_text(expression) -%}
    cast({{ expression }} as string)
{%- endmacro %}

{% macro spark__decimal_text(expression) -%}
    {#- Spark's cast to string can print a decimal in scientific notation
        (0E-10); format_number writes every digit, with thousands commas. -#}
    replace(format_number({{ expression }}, 10), ',', '')
{%- endmacro %}
