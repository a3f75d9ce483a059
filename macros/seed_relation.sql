{% macro seed_relation(seed_name) -%}
    {#- The raw relation of a seed, for a staging model's import CTE.
        Normally that is ref(seed_name): the table `dbt seed` loaded. With the
        var external_seeds_dir set, it is the seed's CSV in that directory,
        read by DuckDB's read_csv as text (the raw layer is all text; staging
        casts), and the seeds are left out of the build
        (`--exclude resource_type:seed`).

        This DuckDB-only piece (the other is exact_quotient's hugeint
        division) is only for the scale run: `dbt seed` goes through agate,
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
        {%- set path = directory ~ '/' ~ seed_name ~ '.csv' -%}
        read_csv('{{ path | replace("'", "''") }}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
    {%- else -%}
        {{ seed }}
    {%- endif -%}
{%- endmacro %}
