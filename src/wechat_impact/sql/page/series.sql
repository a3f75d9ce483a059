-- Each measure printed for more than one data year, a row per year.
with

years as (
    select
        measure_id,
        count(*) as year_count
    from marts.measure_series
    group by measure_id
)

select
    series.measure_id,
    measures.label,
    series.unit,
    series.data_year,
    series.value_low,
    series.value_high,
    series.printed_texts,
    series.document_count,
    series.documents_agree
from marts.measure_series as series
inner join marts.measures as measures
    on series.measure_id = measures.measure_id
inner join years
    on series.measure_id = years.measure_id
where years.year_count > 1
order by measures.label, series.measure_id, series.data_year
