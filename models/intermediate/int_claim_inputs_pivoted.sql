-- One row per claim with the values and intervals of its figures, by role.
with

inputs as (
    {{ figure_inputs(ref('stg_corpus__claim_figures'), 'claim_id') }}
),

pivoted as (
    select
        claim_id,
        {{ role_columns(
            ['figure', 'share', 'part', 'total', 'whole', 'sub_share',
             'range', 'bound']
        ) }}
    from inputs
    group by claim_id
)

select * from pivoted
