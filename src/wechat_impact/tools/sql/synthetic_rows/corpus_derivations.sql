select
    sections.document_id,
    derivation_shapes.operation,
    derivation_shapes.unit,
    sections.section_id || '_' || derivation_shapes.derivation as derived_id,
    'Section ' || sections.section || ': ' || derivation_shapes.label as label,
    sections.section_number * 100 + derivation_shapes.rowid as position
from sections
cross join derivation_shapes
where sections.linked
