-- One row per measure and data year: the interval every printed value
-- allows (their intersection: the highest low end and the lowest high end;
-- an open end is no constraint), the documents that print it, and whether
-- they agree (the intersection is not empty).
with

-- every printed figure that has a measure, whichever document prints it
printed as (
    select * from {{ ref('int_figures_summarised') }}
    where measure_id is not null
),

measures as (
    select * from {{ ref('stg_corpus__measures') }}
),

documents_by_year as (
    select distinct
        measure_id,
        data_year,
        document_id
    from printed
),

document_lists as (
    select
        measure_id,
        data_year,
        {{ listagg('document_id', "', '", 'order by document_id') }}
            as document_ids
    from documents_by_year
    group by measure_id, data_year
),

by_year as (
    select
        measure_id,
        data_year,
        max(value_low) as value_low,
        min(value_high) as value_high,
        count(*) as printed_count,
        count(distinct document_id) as document_count,
        {{ listagg(
            'printed_text', "' | '", 'order by document_id, figure_id'
        ) }} as printed_texts
    from printed
    group by measure_id, data_year
),

final as (
    select
        by_year.measure_id,
        by_year.data_year,
        measures.unit,
        by_year.value_low,
        by_year.value_high,
        by_year.printed_count,
        by_year.document_count,
        document_lists.document_ids,
        by_year.printed_texts,
        coalesce(by_year.value_low <= by_year.value_high, true)
            as documents_agree
    from by_year
    inner join measures
        on by_year.measure_id = measures.measure_id
    inner join document_lists
        on
            by_year.measure_id = document_lists.measure_id
            and by_year.data_year = document_lists.data_year
)

select * from final
