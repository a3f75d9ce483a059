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

{% macro quotient_interval(numerator, denominator, factor=none) -%}
    {#- factor × numerator / denominator as (value, low, high) expressions,
        from the columns <role>_value, _low and _high of the two roles: the
        low end divides the numerator's low end by the denominator's high
        end, rounded down, the high end the high by the low, rounded up.
        An unbounded denominator leaves 0 as the low end; an unbounded
        numerator or a denominator of 0 leaves no high end; a missing
        denominator (no figure in its role) leaves nothing. -#}
    {%- set scale = (factor ~ ' * ') if factor else '' -%}
    {{ return((
        exact_quotient(scale ~ numerator ~ '_value', denominator ~ '_value'),
        'case when ' ~ denominator ~ '_low is not null then coalesce('
        ~ exact_quotient(
            scale ~ numerator ~ '_low', denominator ~ '_high', 'down'
        ) ~ ', 0) end',
        exact_quotient(
            scale ~ numerator ~ '_high', denominator ~ '_low', 'up'
        ),
    )) }}
{%- endmacro %}

{% macro shifted_interval(interval, shift) -%}
    {#- A (value, low, high) interval with `shift` added to each end. -#}
    {{ return(((
        '(' ~ interval[0] ~ ') + ' ~ shift),
        '(' ~ interval[1] ~ ') + ' ~ shift,
        '(' ~ interval[2] ~ ') + ' ~ shift,
    )) }}
{%- endmacro %}

{% macro average_growth_interval(later, base, years) -%}
    {#- 100 × ((later / base) ^ (1 / years) − 1) as (value, low, high). An
        n-th root is not exact in decimals: double precision, then rounded
        outward (the value to nearest) to the 6th decimal, far below any
        printed digit. -#}
    {%- set ends = [
        ('round', later ~ '_value', base ~ '_value'),
        ('floor', later ~ '_low', base ~ '_high'),
        ('ceil', later ~ '_high', base ~ '_low'),
    ] -%}
    {%- set interval = [] -%}
    {%- for rounding, numerator, denominator in ends -%}
        {%- do interval.append(
            'cast(' ~ rounding ~ '(1000000 * 100 * (power(cast('
            ~ numerator ~ ' as double) / cast(' ~ denominator
            ~ ' as double), 1.0 / (' ~ years ~ ')) - 1)) / 1000000'
            ~ ' as decimal(38, 10))'
        ) -%}
    {%- endfor -%}
    {{ return(interval) }}
{%- endmacro %}

{% macro case_by_claim_type(rules, position) -%}
    {#- The one expression of each claim type's rule (a mapping of claim type
        to (value, low, high)) at `position`: 0 the value, 1 the low end, 2
        the high end. A type without a rule recomputes nothing. -#}
    case claim_type
        {%- for claim_type, side in rules.items() %}
        when '{{ claim_type }}' then {{ side[position] }}
        {%- endfor %}
    end
{%- endmacro %}
