-- One row per derivation with its inputs' values and intervals, by role.
with

inputs as (
    {{ figure_inputs(ref('stg_corpus__derivation_inputs'), 'derived_id') }}
),

pivoted as (
    select
        derived_id,
        {{ role_columns(['part', 'total', 'share', 'sub_share']) }}
    from inputs
    group by derived_id
)

select * from pivoted
