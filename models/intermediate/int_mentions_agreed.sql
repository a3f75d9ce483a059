-- One row per figure: the interval that every one of its mentions allows.
-- Empty (low above high) when the mentions disagree.
with

mentions as (
    select * from {{ ref('stg_corpus__figure_mentions') }}
),

agreed as (
    select
        figure_id,
        count(*) as mention_count,
        max(coalesce(value_low, 0)) as agreed_low,
        min(value_high) as agreed_high
    from mentions
    group by figure_id
)

select * from agreed
