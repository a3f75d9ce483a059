{#- Interval arithmetic shared by derivations and claim checks. Inputs are
    never negative; a missing upper end is unbounded. -#}

{% macro exact_quotient(numerator, denominator, rounding='nearest') -%}
    {#- numerator / denominator, exact to the 10th decimal. DuckDB divides
        decimals in double precision (about 16 significant digits, so the
        2013 total implied by 4.24% would be off in its 5th decimal, on
        either side). This divides the operands' integer forms in 128-bit
        integers instead (hugeint and // are DuckDB's: the one place the
        models' arithmetic needs them) and rounds the last decimal down for a
        low end and up for a high end, so an interval always contains the
        exact one, or to nearest for a value. Null when the denominator is 0
        or null. -#}
    {%- set scaled = 'cast(%s * 10000000000 as hugeint)' -%}
    {%- set n = (scaled | format(to_quantity(numerator))) ~ ' * 10000000000' -%}
    {%- set d = scaled | format(to_quantity('nullif(' ~ denominator ~ ', 0)')) -%}
    cast(
        {% if rounding == 'down' -%}
            ({{ n }}) // {{ d }}
        {%- elif rounding == 'up' -%}
            ({{ n }} + {{ d }} - 1) // {{ d }}
        {%- else -%}
            (2 * {{ n }} + {{ d }}) // (2 * {{ d }})
        {%- endif %} as decimal(38, 0)
    ) * 0.0000000001
{%- endmacro %}

{% macro percent_of(part, total, rounding='nearest') -%}
    {{ exact_quotient('100 * ' ~ part, total, rounding) }}
{%- endmacro %}

{% macro percent_of_low(part_low, total_high) -%}
    {#- Dividing by an unbounded total leaves nothing but 0 as the low end. -#}
    coalesce({{ percent_of(part_low, total_high, 'down') }}, 0)
{%- endmacro %}
