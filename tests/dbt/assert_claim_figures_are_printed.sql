-- Every figure a claim uses is printed (marts.figures): a figure of the
-- article or of a cited document, as the total a share of a national total is
-- checked against.
with

claim_figures as (
    select * from {{ ref('claim_figures') }}
),

printed as (
    select figure_id from {{ ref('figures') }}
)

select
    claim_figures.claim_id,
    claim_figures.figure_id,
    claim_figures.role
from claim_figures
where claim_figures.figure_id not in (select printed.figure_id from printed)
