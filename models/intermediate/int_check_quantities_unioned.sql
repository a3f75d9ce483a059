-- A view, not a table: it repeats every printed figure of the corpus (a
-- million at scale) for the few rows its readers pick out.
{{ config(materialized='view') }}

-- Everything a check across documents can compare, in one shape: every
-- document's printed figures and the quantities derived from them, each with
-- its document and data year.
with

figures as (
    select * from {{ ref('int_figures_summarised') }}
),

derived_figures as (
    select * from {{ ref('int_derived_figures_computed') }}
),

from_figures as (
    select
        figure_id as quantity_id,
        'printed' as kind,
        document_id,
        measure_id,
        data_year,
        unit,
        printed_text,
        value,
        value_low,
        value_high
    from figures
),

from_derivations as (
    select
        derived_id as quantity_id,
        'derived' as kind,
        document_id,
        cast(null as string) as measure_id,
        cast(null as integer) as data_year,
        unit,
        label as printed_text,
        value,
        value_low,
        value_high
    from derived_figures
),

final as (
    select * from from_figures
    union all
    select * from from_derivations
)

select * from final
