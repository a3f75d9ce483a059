select
    suite,
    success,
    details,
    observed_value
from marts.validation_results
order by
    success,
    suite,
    expectation,
    column_name nulls first,
    details,
    observed_value
