with

source as (
    select * from {{ seed_relation('corpus_figure_measures') }}
),

renamed as (
    select
        figure_id,
        measure_id,
        cast(data_year as integer) as data_year
    from source
)

select * from renamed
