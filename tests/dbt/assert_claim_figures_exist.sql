-- Every figure a claim uses exists: a printed figure of the article
-- or of a cited document (marts.figures), or a figure
-- derived from printed ones (marts.derived_figures).
with

claim_figures as (
    select * from {{ ref('claim_figures') }}
),

known as (
    select figure_id from {{ ref('figures') }}
    union all
    select derived_id from {{ ref('derived_figures') }}
)

select
    claim_figures.claim_id,
    claim_figures.figure_id,
    claim_figures.role
from claim_figures
where claim_figures.figure_id not in (select known.figure_id from known)
