-- A synthetic figure measures nothing the measures seed defines: no measure,
-- so it stays out of the series; its data year is the article's.
select
    figure_id,
    document_id,
    null as measure_id,
    '2014' as data_year,
    unit,
    figure_position as position,
    'Section ' || section || ': ' || label as label
from placed
where mention_number = 1
