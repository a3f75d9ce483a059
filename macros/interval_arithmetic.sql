{#- Interval arithmetic shared by derivations and claim checks. Inputs are
    never negative; a missing upper end is unbounded. -#}

{% macro percent_of(part, total) -%}
    {{ to_quantity('100 * ' ~ part ~ ' / nullif(' ~ total ~ ', 0)') }}
{%- endmacro %}

{% macro percent_of_low(part_low, total_high) -%}
    {#- Dividing by an unbounded total leaves nothing but 0 as the low end. -#}
    coalesce({{ percent_of(part_low, total_high) }}, 0)
{%- endmacro %}

{% macro interval_text(low, high) -%}
    '[' || coalesce({{ quantity_text(low) }}, 'no lower end')
    || ', ' || coalesce({{ quantity_text(high) }}, 'no upper end') || ']'
{%- endmacro %}
