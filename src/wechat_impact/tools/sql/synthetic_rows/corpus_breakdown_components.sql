select
    component_shapes.component_name as component,
    cast(component_shapes.sort_order as varchar) as sort_order,
    sections.section_id || '_consumption' as total_id,
    sections.section_id || '_' || component_shapes.component as component_id,
    sections.section_id || '_' || component_shapes.share as share_id,
    sections.section_id || '_' || component_shapes.amount as amount_id,
    sections.section_number * 100 + component_shapes.sort_order as position
from sections
cross join component_shapes
where sections.linked
