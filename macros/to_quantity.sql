{% macro to_quantity(column_name) -%}
    {#- Every value, low and high in the warehouse has this one type.
        Sums, differences and products of printed figures stay exact
        (85.7 + 8.5 + 5.8 is 100, not 99.99999999999999), and quotients are
        exact to the 10th decimal (exact_quotient): far finer than any printed
        figure. -#}
    cast({{ column_name }} as decimal(38, 10))
{%- endmacro %}
