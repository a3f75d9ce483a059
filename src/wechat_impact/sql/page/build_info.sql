select
    release_id,
    built_at,
    git_commit,
    git_dirty,
    inputs_sha256,
    dbt_version,
    duckdb_version,
    great_expectations_version
from marts.build_info
order by release_id
