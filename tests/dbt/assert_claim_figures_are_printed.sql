-- Every figure a claim uses is printed: a figure of the article
-- (marts.figures) or of a cited document (marts.cited_figures), as the total
-- a share of a national total is checked against.
with

claim_figures as (
    select * from {{ ref('claim_figures') }}
),

printed as (
    select figure_id from {{ ref('figures') }}
    union all
    select figure_id from {{ ref('cited_figures') }}
)

select
    claim_figures.claim_id,
    claim_figures.figure_id,
    claim_figures.role
from claim_figures
where claim_figures.figure_id not in (select printed.figure_id from printed)
