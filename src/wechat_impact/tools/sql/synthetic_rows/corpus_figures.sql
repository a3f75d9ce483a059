select
    figure_id,
    document_id,
    metric,
    '2014' as period,
    unit,
    figure_position as position,
    'Section ' || section || ': ' || label as label
from placed
where mention_number = 1
