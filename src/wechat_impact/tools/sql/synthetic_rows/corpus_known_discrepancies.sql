select
    section_id || '_channel_a_share_of_consumption' as claim_id,
    'Made inconsistent on purpose: the printed channel A consumption is '
    || 'twice what its printed share of the printed total allows.' as reason,
    section_number * 2 as position
from sections
where share_claim_broken
union all
select
    section_id || '_service_jobs_within_jobs' as claim_id,
    'Made inconsistent on purpose: the printed service jobs are twice the '
    || 'printed jobs they are part of.' as reason,
    section_number * 2 + 1 as position
from sections
where part_claim_broken
