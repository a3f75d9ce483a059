with

source as (
    select * from {{ seed_relation('corpus_cited_figures') }}
),

renamed as (
    select
        figure_id,
        document_id,
        measure_id,
        cast(data_year as integer) as data_year,
        printed_text,
        qualifying_word,
        qualifier,
        unit,
        {{ to_quantity('value') }} as value,
        {{ to_quantity('value_low') }} as value_low,
        {{ to_quantity('value_high') }} as value_high,
        locator
    from source
)

select * from renamed
