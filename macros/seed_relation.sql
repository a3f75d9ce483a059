{% macro seed_relation(seed_name) -%}
    {#- The raw relation of a seed, for a staging model's import CTE.
        Normally that is ref(seed_name): the table `dbt seed` loaded. With the
        var external_seeds_dir set, it is the seed's CSV in that directory,
        read as text (the raw layer is all text; staging casts): by DuckDB's
        read_csv in the query, or on Spark by the raw table that
        external_seed_tables made over the file. The seeds are left out of
        the build (`--exclude resource_type:seed`).

        It is only for the scale run: `dbt seed` goes through agate,
        and at a million rows it took 30 s and 1.9 GiB, three times the time
        and the memory of a dbt
        build over read_csv (9.6 s, 615 MiB). The staging views then read
        the files each time they are queried, so the files must stay.

        ref() is called either way, so the DAG (dbt ls, docs) shows staging
        depending on its seed in both modes. The path goes into a SQL string
        literal, with quotes doubled. -#}
    {%- set seed = ref(seed_name) -%}
    {%- set directory = var('external_seeds_dir', none) -%}
    {%- if directory -%}
        {{ adapter.dispatch('external_seed', 'wechat_impact')(
            seed, directory ~ '/' ~ seed_name ~ '.csv'
        ) }}
    {%- else -%}
        {{ seed }}
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__external_seed(seed, path) -%}
    read_csv('{{ path | replace("'", "''") }}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
{%- endmacro %}

{% macro spark__external_seed(seed, path) -%}
    {#- Spark SQL cannot give a CSV's reader options in a query: the raw
        table itself reads the CSV, made by external_seed_tables. -#}
    {{ seed }}
{%- endmacro %}

{% macro external_seed_tables() -%}
    {#- Spark's external-seeds mode, before `dbt build`:
        dbt run-operation external_seed_tables --vars '{external_seeds_dir: ...}'
        makes raw.<seed> a table over the seed's CSV in that directory (all
        text, as DuckDB's read_csv reads it), which the staging models read
        through seed_relation. Spark reads the files at each query, so they
        must stay. -#}
    {%- set directory = var('external_seeds_dir') -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'seed' -%}
        {%- set relation = api.Relation.create(
            schema=node.schema, identifier=node.alias
        ) -%}
        {%- set path = directory ~ '/' ~ node.name ~ '.csv' -%}
        {%- set literal = path | replace('\\', '\\\\') | replace("'", "\\'") -%}
        {%- do run_query('create schema if not exists ' ~ node.schema) -%}
        {%- do run_query('drop table if exists ' ~ relation) -%}
        {%- do run_query(
            'create table ' ~ relation ~ " using csv options (path '"
            ~ literal ~ "', header 'true', quote '\"', escape '\"',"
            ~ " multiLine 'true')"
        ) -%}
    {%- endfor -%}
{%- endmacro %}
