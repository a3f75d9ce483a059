-- Printed amounts that say what a breakdown component's amount is in
-- another way: the part of a share_of_total claim whose printed share is the
-- component's share of the same total (the article prints 85.7% of the 95.2
-- billion, which is 81.6 billion, and also 86.7 billion).
select
    components.component_id,
    claims.claim_id,
    claims.status,
    figures.figure_id,
    figures.label,
    figures.printed_text,
    figures.value,
    figures.value_low,
    figures.value_high,
    figures.value_display,
    figures.interval_display
from marts.consumption_breakdown as components
inner join marts.claim_figures as shares
    on
        components.share_id = shares.figure_id
        and shares.role = 'share'
inner join marts.claim_figures as totals
    on
        shares.claim_id = totals.claim_id
        and components.total_id = totals.figure_id
        and totals.role = 'total'
inner join marts.claim_figures as parts
    on
        shares.claim_id = parts.claim_id
        and parts.role = 'part'
inner join marts.claim_checks as claims
    on shares.claim_id = claims.claim_id
inner join marts.figures as figures
    on parts.figure_id = figures.figure_id
where figures.unit = 'CNY'
order by components.component_id, figures.figure_id
