{% macro quantity_text(column_name) -%}
    {#- A quantity as text without trailing zeros: 85.65, 95150000000, 0.
        Cast to the quantity type first so there is always a decimal point
        for the zeros to stop at. -#}
    rtrim(rtrim(cast({{ to_quantity(column_name) }} as varchar), '0'), '.')
{%- endmacro %}
