"""Turn a failed dbt test that comes from a seed into the seed's file, row and column.

Most seed rules run before dbt (inputs.py, input_rules.py). What only the built
warehouse can show (a claim whose checked status disagrees with the register of
known discrepancies, a claim or derivation missing from its mart) is tested by
dbt's singular tests. Such a test names the seed row to fix in each failing row,
in four columns: `seed` (the seed's name), `seed_key` and `key_value` (the row
whose seed_key column holds key_value) and `seed_column`, with `problem` in
words. This module reruns the failed test's compiled SQL on the release it ran
against and reports its failing row earliest in its seed file as one line like the input
check's.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from wechat_impact import inputs

SEED_COLUMNS = ("seed", "seed_key", "key_value", "seed_column", "problem")
# Of a failed test's rows, this many are mapped to their seed rows, and the one earliest in its
# seed file is reported: the same row whatever order the test returns its rows in.
LISTED = 20


def explain(root: Path, database: Path, failed_tests: list[tuple[str, str]]) -> list[str]:
    """One line per failed test (name, compiled SQL) whose rows name a seed row."""
    lines: list[str] = []
    if not failed_tests or not database.is_file():
        return lines
    with duckdb.connect(str(database), read_only=True) as connection:
        for name, compiled in failed_tests:
            try:
                found = connection.execute(f"select * from ({compiled}) as failures limit {LISTED}")
            except duckdb.Error:
                continue  # not a test this module can read; dbt's own line stands
            columns = [column[0] for column in found.description]
            if not set(SEED_COLUMNS) <= set(columns):
                continue
            failures = [dict(zip(columns, row, strict=True)) for row in found.fetchall()]
            if not failures:
                continue
            located = [
                (failure, inputs.seed_row(root, *_seed_key(failure)) or 0) for failure in failures
            ]
            failure, file_row = min(located, key=lambda pair: (pair[0]["seed"], pair[1]))
            seed = failure["seed"]
            lines.append(
                f"{inputs.SEEDS_DIR}/{seed}.csv, row {file_row}, column {failure['seed_column']}: "
                f"{failure['problem']} (dbt test {name})"
            )
    return lines


def _seed_key(failure: dict) -> tuple[str, str, str]:
    """The seed, its key column and the key's value that a failing row names."""
    return failure["seed"], failure["seed_key"], failure["key_value"]
