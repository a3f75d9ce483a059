-- How many figures are printed more than once, and those whose mentions
-- disagree (how many, and the first $listed by figure_id): the spread of
-- their values and the intersection of their intervals (highest low end,
-- lowest high end; min and max skip a missing end, which is open).
with

repeated as (
    select
        figure_id,
        count(*) as mentions,
        min(value) as min_value,
        max(value) as max_value,
        max(value_low) as max_low,
        min(value_high) as min_high
    from marts.figure_mentions
    group by figure_id
    having count(*) > 1
),

repeated_count as (
    select count(*) as repeated_figures from repeated
),

disagreeing as (
    select * from repeated
    where max_value <> min_value or min_high < max_low
),

disagreeing_count as (
    select count(*) as disagreeing_figures from disagreeing
),

disagreeing_first as (
    select * from disagreeing
    order by figure_id
    limit $listed
)

select
    repeated_count.*,
    disagreeing_count.*,
    disagreeing_first.*
from repeated_count
cross join disagreeing_count
left join disagreeing_first on true
