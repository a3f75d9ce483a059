-- One row per total broken down: how far its parts' amounts and shares are
-- from the total and from 100, summed exactly in decimal(38, 10).
select
    total_id,
    sum(amount_cny) - total_cny as amount_cny_sum_minus_total_cny,
    sum(share_pct) - 100 as share_pct_sum_minus_100
from marts.consumption_breakdown
group by total_id, total_cny
