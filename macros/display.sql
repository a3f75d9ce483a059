{#- How the warehouse writes a quantity for people: the one formatter rule.
    A quantity is shown in the largest scale it reaches (trillion, billion,
    million, thousand; percentages are never scaled), rounded to three
    decimals of that scale, without trailing zeros, with its unit's words:
    95200000000 CNY is '95.2 billion yuan', 10070000 persons '10.07 million
    people', 85.7 percent '85.7%', 2.2 times '2.2 times', and a difference
    of two percentages (a gap) in percentage_points '5.221 percentage
    points'. An interval is written in the scale of its larger end,
    '[95.15, 95.25] billion yuan', and its ends are rounded
    outward (the low end down, the high end up), so the written interval
    always contains the exact one. The exact decimal(38, 10) values stay in
    their own columns; these texts are for reading, never for arithmetic. -#}

{% macro display_scales() -%}
    {#- (threshold, factor, word), largest first. -#}
    {{ return([
        ('1000000000000', '0.000000000001', ' trillion'),
        ('1000000000', '0.000000001', ' billion'),
        ('1000000', '0.000001', ' million'),
        ('1000', '0.001', ' thousand'),
    ]) }}
{%- endmacro %}

{% macro display_scaled(column_name, reference, unit, rounding) -%}
    {#- column_name in the scale `reference` reaches, as rounded text, with
        the scale word, but without the unit's words. -#}
    case
        {%- for threshold, factor, word in display_scales() %}
            when
                {{ unit }} not in ('percent', 'percentage_points')
                and abs({{ reference }}) >= {{ threshold }}
                then {{ display_digits(
                    column_name ~ ' * ' ~ factor, rounding
                ) }}
        {%- endfor %}
        else {{ display_digits(column_name, rounding) }}
    end
{%- endmacro %}

{% macro display_scale_word(reference, unit) -%}
    case
        {%- for threshold, factor, word in display_scales() %}
            when
                {{ unit }} not in ('percent', 'percentage_points')
                and abs({{ reference }}) >= {{ threshold }}
                then '{{ word }}'
        {%- endfor %}
        else ''
    end
{%- endmacro %}

{% macro display_digits(column_name, rounding) -%}
    {#- Three decimals, rounded to nearest, down or up, without trailing
        zeros. -#}
    {%- if rounding == 'down' -%}
        {{ quantity_text('floor(' ~ column_name ~ ' * 1000) * 0.001') }}
    {%- elif rounding == 'up' -%}
        {{ quantity_text('ceil(' ~ column_name ~ ' * 1000) * 0.001') }}
    {%- else -%}
        {{ quantity_text('round(' ~ column_name ~ ', 3)') }}
    {%- endif -%}
{%- endmacro %}

{% macro display_unit_words(unit) -%}
    case {{ unit }}
        when 'CNY' then ' yuan'
        when 'persons' then ' people'
        when 'percent' then '%'
        when 'percentage_points' then ' percentage points'
        when 'times' then ' times'
        else ''
    end
{%- endmacro %}

{% macro display_quantity(column_name, unit) -%}
    {#- '95.2 billion yuan'; null when the quantity is null. `unit` is a SQL
        expression: a column such as unit, or a literal such as 'CNY'. -#}
    {{ display_scaled(column_name, column_name, unit, 'nearest') }}
    || {{ display_scale_word(column_name, unit) }}
    || {{ display_unit_words(unit) }}
{%- endmacro %}

{% macro display_interval(low, high, unit) -%}
    {#- '[95.15, 95.25] billion yuan', naming a missing end ('[600, no upper
        end] thousand'); null when both ends are missing. -#}
    {%- set reference = 'coalesce(' ~ high ~ ', ' ~ low ~ ')' -%}
    case
        when {{ low }} is not null or {{ high }} is not null
            then
                '['
                || coalesce(
                    {{ display_scaled(low, reference, unit, 'down') }},
                    'no lower end'
                )
                || ', '
                || coalesce(
                    {{ display_scaled(high, reference, unit, 'up') }},
                    'no upper end'
                )
                || ']'
                || {{ display_scale_word(reference, unit) }}
                || {{ display_unit_words(unit) }}
    end
{%- endmacro %}
