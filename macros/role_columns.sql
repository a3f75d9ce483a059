{% macro role_columns(roles) -%}
    {#- Pivot input rows (one per figure and role) into columns per role:
        <role>_count, _value, _low, _high and _text. A role with several
        figures (the shares of a remainder) is summed. Quantities here are
        never negative (the input check refuses it), so a missing lower end
        counts as 0; a missing upper end means none, so any missing upper end
        leaves the sum without one. Expects columns role, value, value_low,
        value_high and input_text. -#}
    {%- for role in roles %}
        count(
            case when role = '{{ role }}' then 1 end
        ) as {{ role }}_count,
        case
            when
                count(case when role = '{{ role }}' then 1 end)
                = count(case when role = '{{ role }}' then value end)
                then sum(case when role = '{{ role }}' then value end)
        end as {{ role }}_value,
        sum(
            case when role = '{{ role }}' then coalesce(value_low, 0) end
        ) as {{ role }}_low,
        case
            when
                count(case when role = '{{ role }}' then 1 end)
                = count(case when role = '{{ role }}' then value_high end)
                then sum(case when role = '{{ role }}' then value_high end)
        end as {{ role }}_high,
        {{ listagg(
            "case when role = '" ~ role ~ "' then input_text end",
            "' + '",
            "order by figure_id"
        ) }} as {{ role }}_text
        {%- if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}
