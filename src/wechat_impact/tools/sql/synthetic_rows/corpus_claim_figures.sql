select
    claim_roles.role,
    sections.section_id || '_' || claim_roles.claim as claim_id,
    sections.section_id || '_' || claim_roles.figure as figure_id,
    sections.section_number * 100 + claim_roles.rowid as position
from sections
cross join claim_roles
where sections.linked
