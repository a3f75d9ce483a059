-- The percentages, of any document, outside 0 to 100: how many there are,
-- and the first $listed of them by figure_id.
with

out_of_range as (
    select
        figure_id,
        value as value_pct,
        value_low as value_low_pct,
        value_high as value_high_pct
    from marts.figures
    where
        unit = 'percent'
        and (
            value not between 0 and 100
            or value_low not between 0 and 100
            or value_high not between 0 and 100
        )
),

out_of_range_count as (
    select count(*) as percentages_out_of_range from out_of_range
),

out_of_range_first as (
    select * from out_of_range
    order by figure_id
    limit $listed
)

select
    out_of_range_count.*,
    out_of_range_first.*
from out_of_range_count
left join out_of_range_first on true
