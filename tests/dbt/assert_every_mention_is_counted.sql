-- marts.figures counts each figure's mentions; together they are every row
-- of marts.figure_mentions, numbered 1, 2, ... without gaps.
with

figures as (
    select * from {{ ref('figures') }}
),

mentions as (
    select * from {{ ref('figure_mentions') }}
),

per_figure as (
    select
        figure_id,
        count(*) as mentions_found,
        min(mention_number) as first_number,
        max(mention_number) as last_number
    from mentions
    group by figure_id
)

select
    figures.figure_id,
    figures.mention_count,
    per_figure.mentions_found,
    per_figure.first_number,
    per_figure.last_number
from figures
full outer join per_figure
    on figures.figure_id = per_figure.figure_id
where
    figures.mention_count is distinct from per_figure.mentions_found
    or per_figure.first_number <> 1
    or per_figure.last_number <> per_figure.mentions_found
