with

source as (
    select * from {{ seed_relation('corpus_figures') }}
),

renamed as (
    select
        figure_id,
        document_id,
        metric,
        label,
        period,
        unit
    from source
)

select * from renamed
