{#- Two of dbt-spark's own macros replaced for this project (dbt looks in the
    root project first for an adapter's implementation of dbt's macros). -#}

{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {#- dbt-spark's version drops the order by (a formula's inputs would come
        in any order); Spark 4 has listagg ... within group as standard SQL
        has it. -#}
    {%- if limit_num -%}
        {{ exceptions.raise_compiler_error('listagg: no limit on Spark') }}
    {%- endif -%}
    listagg({{ measure }}, {{ delimiter_text }})
    {%- if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}

{% macro spark__load_csv_rows(model, agate_table) -%}
    {#- dbt-spark's session method pastes each value between quotes as it is:
        'It''s' in a CSV reaches Spark as 'It's' and Spark reads two literals,
        "Its" (or fails), and an empty cell becomes the text 'None'. Here
        every value is a Spark string literal with backslash escapes, and an
        empty cell is null. The seeds are all text (column_types: string);
        staging casts. -#}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                ({%- for value in row -%}
                    {%- set column = agate_table.column_names[loop.index0] -%}
                    {%- set type = column_override.get(
                        column, adapter.convert_type(agate_table, loop.index0)
                    ) -%}
                    {%- if value is none -%}
                        cast(null as {{ type }})
                    {%- else -%}
                        cast('{{ value | string | replace("\\", "\\\\")
                            | replace("'", "\\'") }}' as {{ type }})
                    {%- endif -%}
                    {%- if not loop.last %}, {% endif -%}
                {%- endfor -%})
                {%- if not loop.last %},{% endif %}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first %}{% do statements.append(sql) %}{% endif -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{%- endmacro %}
