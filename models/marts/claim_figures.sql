with

claim_figures as (
    select * from {{ ref('stg_corpus__claim_figures') }}
),

final as (
    select
        claim_id,
        figure_id,
        role
    from claim_figures
)

select * from final
