{#- Interval arithmetic shared by derivations and claim checks. Inputs are
    never negative; a missing upper end is unbounded. -#}

{% macro exact_quotient(numerator, denominator, rounding='nearest') -%}
    {#- numerator / denominator, exact to the 10th decimal, rounded down
        for a low end, up for a high end (so an interval always contains the
        exact one) or half up to nearest for a value. Null when the
        denominator is 0 or null. One implementation per engine; both give
        the same digits (make spark-check). -#}
    {{ return(adapter.dispatch('exact_quotient', 'wechat_impact')(
        numerator, denominator, rounding
    )) }}
{%- endmacro %}

{% macro duckdb__exact_quotient(numerator, denominator, rounding) -%}
    {#- DuckDB divides decimals in double precision (about 16 significant digits, so the
        2013 total implied by 4.24% would be off in its 5th decimal, on
        either side). This divides the operands' integer forms in 128-bit
        integers instead (hugeint and // are DuckDB's). A numerator of
        1.7e18 or more overflows hugeint: an error. -#}
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

{% macro spark__exact_quotient(numerator, denominator, rounding) -%}
    {#- Spark has no 128-bit integers. With allowPrecisionLoss off (the
        spark profile) x / y of two decimal(38, 10) is a decimal(38, 18),
        rounded half up; cast to 10 decimals it is less than one unit of the
        10th decimal from the exact quotient q. Exact products with y
        (decimal(38, 20) or (38, 21)) then tell which neighbour on the grid
        of 10 decimals is the one asked for: the largest not above q, the
        smallest not below it, or the nearest, halves up, as DuckDB rounds.
        Each comparison names its type: Spark would compare a decimal(38, 20)
        with a decimal(38, 10) by rounding the first to 10 decimals.
        dbt-spark turns ANSI mode off, so an overflow would be a silent
        null: a quotient of 1e20 or more, or a numerator of 1e17 or more,
        raises an error instead (DuckDB's limits are wider; it never
        returns a wrong digit either). -#}
    {%- set x = to_quantity(numerator) -%}
    {%- set y = to_quantity('nullif(' ~ denominator ~ ', 0)') -%}
    {%- set c = 'cast(' ~ x ~ ' / ' ~ y ~ ' as decimal(38, 10))' -%}
    {%- set unit = '0.0000000001' -%}
    {%- set half = '0.00000000005' -%}
    case
        when {{ x }} is null or {{ y }} is null then null
        when ({{ c }} + {{ half }}) * {{ y }} is null
            then raise_error(
                'exact_quotient: beyond decimal(38, 10) arithmetic on Spark'
            )
        {%- if rounding == 'down' %}
        when {{ c }} * {{ y }} > cast({{ x }} as decimal(38, 20))
            then {{ c }} - {{ unit }}
        {%- elif rounding == 'up' %}
        when {{ c }} * {{ y }} < cast({{ x }} as decimal(38, 20))
            then {{ c }} + {{ unit }}
        {%- else %}
        when ({{ c }} + {{ half }}) * {{ y }} <= cast({{ x }} as decimal(38, 21))
            then {{ c }} + {{ unit }}
        when ({{ c }} - {{ half }}) * {{ y }} > cast({{ x }} as decimal(38, 21))
            then {{ c }} - {{ unit }}
        {%- endif %}
        else {{ c }}
    end
{%- endmacro %}

{% macro percent_of(part, total, rounding='nearest') -%}
    {{ exact_quotient('100 * ' ~ part, total, rounding) }}
{%- endmacro %}

{% macro percent_of_low(part_low, total_high) -%}
    {#- Dividing by an unbounded total leaves nothing but 0 as the low end. -#}
    coalesce({{ percent_of(part_low, total_high, 'down') }}, 0)
{%- endmacro %}
