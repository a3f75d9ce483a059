-- The breakdown's amounts are the derived figures it names, unchanged.
with

breakdown as (
    select * from {{ ref('consumption_breakdown') }}
),

components as (
    select * from {{ ref('stg_corpus__breakdown_components') }}
),

derived_figures as (
    select * from {{ ref('derived_figures') }}
)

select
    breakdown.component_id,
    breakdown.amount_cny,
    derived_figures.value
from breakdown
inner join components
    on breakdown.component_id = components.component_id
left join derived_figures
    on components.amount_id = derived_figures.derived_id
where
    breakdown.amount_cny is distinct from derived_figures.value
    or breakdown.amount_cny_low is distinct from derived_figures.value_low
    or breakdown.amount_cny_high is distinct from derived_figures.value_high
