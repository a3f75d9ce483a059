with

derivation_inputs as (
    select * from {{ ref('stg_corpus__derivation_inputs') }}
),

final as (
    select
        derived_id,
        figure_id,
        role
    from derivation_inputs
)

select * from final
