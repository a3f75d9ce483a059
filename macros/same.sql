{% macro same(left, right) -%}
    {#- True when two values are equal or both empty (an open interval end is
        empty): SQL's "is not distinct from", written so every engine and
        the linter's parser read it. -#}
    coalesce({{ left }} = {{ right }}, {{ left }} is null and {{ right }} is null)
{%- endmacro %}
