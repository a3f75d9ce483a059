{% macro to_quantity(column_name) -%}
    {#- Every value, low and high in the warehouse has this one type.
        Sums, differences and products of printed figures stay exact
        (85.7 + 8.5 + 5.8 is 100, not 99.99999999999999). DuckDB divides
        decimals in double precision, so a quotient is good to about 15
        significant digits and then rounded to 10 decimals: far finer than
        any printed figure, but not exact (the 2013 total implied by 4.24%
        ends ...867.92448 where the exact quotient ends ...867.92453). -#}
    cast({{ column_name }} as decimal(38, 10))
{%- endmacro %}
