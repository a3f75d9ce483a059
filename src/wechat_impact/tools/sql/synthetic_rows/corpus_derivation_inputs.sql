select
    derivation_roles.role,
    sections.section_id || '_' || derivation_roles.derivation as derived_id,
    sections.section_id || '_' || derivation_roles.figure as figure_id,
    sections.section_number * 100 + derivation_roles.rowid as position
from sections
cross join derivation_roles
where sections.linked
