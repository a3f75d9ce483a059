select
    sections.document_id,
    claim_shapes.claim_type,
    sections.section_id || '_' || claim_shapes.claim as claim_id,
    replace(claim_shapes.statement, '{s}', cast(sections.section as varchar))
        as statement,
    sections.section_number * 100 + claim_shapes.rowid as position
from sections
cross join claim_shapes
where sections.linked
