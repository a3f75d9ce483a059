select
    component_id,
    total_id,
    component,
    amount_cny,
    amount_cny_low,
    amount_cny_high,
    share_pct,
    share_pct_low,
    share_pct_high,
    total_cny,
    amount_display,
    amount_interval_display,
    share_display,
    share_interval_display,
    total_display
from marts.consumption_breakdown
order by total_id, sort_order, component_id
