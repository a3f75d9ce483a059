"""spark_check's comparison finds every kind of difference a port to Spark made silently.

No Spark here: the "Spark" tables are Parquet files written by DuckDB with the schema Spark
would store in their metadata. make spark-check runs the real thing.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from wechat_impact.tools.spark_check import SPARK_SCHEMA_KEY, compare_marts, spark_type_name

CLAIMS = """
    select * from (values
        ('a', cast(0.3703703673 as decimal(38, 10)), 'Published [85.65, 85.75]'),
        ('b', cast(null as decimal(38, 10)), 'The article prints nothing')
    ) as claims(claim_id, value, explanation)
"""
SPARK_FIELDS = [("claim_id", "string"), ("value", "decimal(38,10)"), ("explanation", "string")]


def _warehouses(tmp_path: Path, spark_rows: str, fields=SPARK_FIELDS) -> tuple[Path, Path]:
    """A DuckDB file with marts.claims, and a Spark table folder marts.db/claims."""
    database = tmp_path / "duckdb.duckdb"
    schema_dir = tmp_path / "tables" / "marts.db"
    (schema_dir / "claims").mkdir(parents=True)
    spark_schema = json.dumps(
        {"type": "struct", "fields": [{"name": n, "type": t} for n, t in fields]}
    )
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema marts")
        connection.execute(f"create table marts.claims as {CLAIMS}")
        connection.execute(
            f"copy ({spark_rows}) to '{schema_dir / 'claims' / 'part-0.parquet'}' "
            f"(format parquet, kv_metadata {{'{SPARK_SCHEMA_KEY}': '{spark_schema}'}})"
        )
    return database, schema_dir


def test_identical_marts_have_no_difference(tmp_path):
    differences, cells = compare_marts(*_warehouses(tmp_path, CLAIMS))
    assert differences == []
    assert cells == 2 * 3


@pytest.mark.parametrize(
    ("spark_rows", "only_in_spark"),
    [
        # allowPrecisionLoss: the product kept 6 decimals
        (CLAIMS.replace("0.3703703673", "0.3703700000"), "0.3703700000"),
        # an overflow with ANSI off: null instead of the value
        (CLAIMS.replace("cast(0.3703703673 as", "cast(null as"), "None"),
        # text: a decimal printed as 0E-10 in an explanation
        (CLAIMS.replace("[85.65, 85.75]", "[0E-10, 85.75]"), "0E-10"),
        # a formula's inputs in another order
        (CLAIMS.replace("'a'", "'c'"), "'c'"),
    ],
)
def test_a_changed_cell_is_a_difference(tmp_path, spark_rows, only_in_spark):
    differences, _ = compare_marts(*_warehouses(tmp_path, spark_rows))
    assert len(differences) == 2
    assert differences[0].startswith("claims: 1 row(s) only in DuckDB's")
    assert differences[1].startswith("claims: 1 row(s) only in Spark's")
    assert only_in_spark in differences[1]


def test_a_type_spark_chose_differently_is_a_difference(tmp_path):
    fields = [("claim_id", "string"), ("value", "decimal(38,6)"), ("explanation", "string")]
    differences, _ = compare_marts(*_warehouses(tmp_path, CLAIMS, fields))
    assert len(differences) == 1
    assert differences[0].startswith("claims: columns differ")
    assert "decimal(38,6)" in differences[0]


def test_a_mart_missing_on_either_side_is_a_difference(tmp_path):
    database, schema_dir = _warehouses(tmp_path, CLAIMS)
    (schema_dir / "claims").rename(schema_dir / "claim_checks")
    differences, _ = compare_marts(database, schema_dir)
    assert differences == [
        "claims: in DuckDB's marts, not built on Spark",
        "claim_checks: built on Spark, not in DuckDB's marts",
    ]


def test_duckdb_types_have_their_spark_names():
    assert spark_type_name("DECIMAL(38,10)") == "decimal(38,10)"
    assert spark_type_name("VARCHAR") == "string"
    assert spark_type_name("BIGINT") == "long"
    assert spark_type_name("HUGEINT") == "no Spark type for DuckDB's HUGEINT"
