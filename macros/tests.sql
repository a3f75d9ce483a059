{#- Generic data tests of our own (the dbt hub, and with it dbt_utils, is out
    of reach here). Each returns the rows that break the rule. -#}

{% test unique_combination_of_columns(model, combination_of_columns) %}
    {#- A primary key of several columns: no combination appears twice. -#}
    select
        {{ combination_of_columns | join(', ') }},
        count(*) as occurrences
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1
{% endtest %}

{% test interval_contains_value(model, column_name, low, high) %}
    {#- low <= value <= high wherever the ends exist; an interval is never
        upside down. -#}
    select *
    from {{ model }}
    where
        {{ column_name }} < {{ low }}
        or {{ column_name }} > {{ high }}
        or {{ low }} > {{ high }}
{% endtest %}
