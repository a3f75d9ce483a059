with

source as (
    select * from {{ seed_relation('corpus_figures') }}
),

renamed as (
    select
        figure_id,
        document_id,
        measure_id,
        cast(data_year as integer) as data_year,
        label,
        unit
    from source
)

select * from renamed
