"""`make spark-check`: the project built on Apache Spark equals the DuckDB build, cell by cell.

    python -m wechat_impact.tools.spark_check      # from .venv; needs .venv-spark (make does it)

Builds the project twice from scratch under warehouse/spark-check/: the `dev` target into a
DuckDB file with this environment's dbt, and the `spark` target (dbt-spark's session method,
tables, metastore and logs in one folder) with .venv-spark's dbt. Then every mart is compared:
the same marts, the same columns in the same order, the same types (each DuckDB type has one
Spark name: VARCHAR is string, DECIMAL(38,10) is decimal(38,10)), the same rows, every cell
equal, nulls included. dbt's tests passing on Spark is not the proof: they passed while
decimals lost digits.

Spark's side is read from the Parquet files Spark wrote for each table, by DuckDB, which
reads Parquet decimals and strings exactly; the types compared are Spark's own, from the
schema Spark stores in every file's metadata. Differences go to stderr, at most a few rows a
mart, and the exit status is 1; one summary line goes to stdout.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from wechat_impact.dbt_run import dbt_environment
from wechat_impact.project_files import ROOT

WORKDIR = ROOT / "warehouse" / "spark-check"
SPARK_VENV = ROOT / ".venv-spark"
# The key under which Spark keeps a table's schema (as JSON) in each Parquet file it writes.
SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata"
SPARK_TYPE_NAMES = {
    "VARCHAR": "string",
    "INTEGER": "integer",
    "BIGINT": "long",
    "BOOLEAN": "boolean",
    "DOUBLE": "double",
    "DATE": "date",
}
ROWS_SHOWN = 3


class SparkCheckFailed(Exception):
    """A build failed or the two warehouses differ; the message says where."""


def spark_type_name(duckdb_type: str) -> str:
    """The name Spark gives the type DuckDB calls duckdb_type: DECIMAL(38,10) is decimal(38,10)."""
    decimal = re.fullmatch(r"DECIMAL\((\d+),(\d+)\)", duckdb_type)
    if decimal:
        return f"decimal({decimal[1]},{decimal[2]})"
    return SPARK_TYPE_NAMES.get(duckdb_type, f"no Spark type for DuckDB's {duckdb_type}")


def compare_marts(database: Path, spark_schema_dir: Path) -> tuple[list[str], int]:
    """Every difference between the marts in the DuckDB file and Spark's tables of the same
    schema (spark_schema_dir is <spark.sql.warehouse.dir>/marts.db); and the cells compared."""
    differences: list[str] = []
    cells = 0
    with duckdb.connect(str(database), read_only=True) as connection:
        duckdb_marts = [
            name
            for (name,) in connection.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'marts' order by table_name"
            ).fetchall()
        ]
        spark_marts = sorted(path.name for path in spark_schema_dir.iterdir() if path.is_dir())
        for missing in sorted(set(duckdb_marts) - set(spark_marts)):
            differences.append(f"{missing}: in DuckDB's marts, not built on Spark")
        for extra in sorted(set(spark_marts) - set(duckdb_marts)):
            differences.append(f"{extra}: built on Spark, not in DuckDB's marts")
        for mart in duckdb_marts:
            if mart in spark_marts:
                found, compared = _compare_mart(connection, mart, spark_schema_dir / mart)
                differences.extend(found)
                cells += compared
    return differences, cells


def _compare_mart(
    connection: duckdb.DuckDBPyConnection, mart: str, table_dir: Path
) -> tuple[list[str], int]:
    files = str(table_dir / "*.parquet").replace("'", "''")
    duckdb_columns = connection.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'marts' and table_name = ? order by ordinal_position",
        [mart],
    ).fetchall()
    spark_columns = [(field["name"], field["type"]) for field in _spark_schema(connection, files)]
    expected = [(name, spark_type_name(data_type)) for name, data_type in duckdb_columns]
    if expected != spark_columns:
        return [f"{mart}: columns differ\n  DuckDB: {expected}\n  Spark:  {spark_columns}"], 0
    spark_rows = f"(select * from read_parquet('{files}'))"
    differences = []
    for only_in, left, right in (
        ("DuckDB", f"marts.{mart}", spark_rows),
        ("Spark", spark_rows, f"marts.{mart}"),
    ):
        # except all compares whole rows, every cell, null equal to null, duplicates counted.
        rows = connection.execute(f"select * from {left} except all select * from {right}")
        unmatched = rows.fetchall()
        if unmatched:
            shown = "\n".join(f"  {row}" for row in unmatched[:ROWS_SHOWN])
            differences.append(
                f"{mart}: {len(unmatched)} row(s) only in {only_in}'s, e.g.\n{shown}"
            )
    (row_count,) = connection.execute(f"select count(*) from marts.{mart}").fetchone()
    return differences, row_count * len(duckdb_columns)


def _spark_schema(connection: duckdb.DuckDBPyConnection, files: str) -> list[dict]:
    """The table's fields as Spark declared them, from the first file's metadata."""
    row = connection.execute(
        "select value from parquet_kv_metadata(?) where decode(key) = ? limit 1",
        [files, SPARK_SCHEMA_KEY],
    ).fetchone()
    if row is None:
        raise SparkCheckFailed(f"{files}: no Spark schema in the Parquet metadata")
    return json.loads(row[0])["fields"]


def run(workdir: Path = WORKDIR) -> str:
    """Build both warehouses under workdir from scratch, compare them; return the summary.

    Raises SparkCheckFailed when a build fails or any cell differs."""
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    database = workdir / "duckdb.duckdb"
    spark_dir = workdir / "spark"
    started = time.perf_counter()
    _dbt(
        Path(sys.executable).with_name("dbt"),
        ["--target", "dev"],
        workdir / "target-duckdb",
        WECHAT_IMPACT_DEV_PATH=str(database),
    )
    duckdb_done = time.perf_counter()
    _dbt(
        SPARK_VENV / "bin" / "dbt",
        ["--target", "spark"],
        workdir / "target-spark",
        WECHAT_IMPACT_SPARK_DIR=str(spark_dir),
    )
    spark_done = time.perf_counter()
    differences, cells = compare_marts(database, spark_dir / "tables" / "marts.db")
    if differences:
        raise SparkCheckFailed("Spark's marts differ from DuckDB's:\n" + "\n".join(differences))
    return (
        f"spark-check: every mart identical on Spark and DuckDB ({cells} cells); "
        f"dbt build on DuckDB {duckdb_done - started:.1f} s, on Spark "
        f"{spark_done - duckdb_done:.1f} s, compare {time.perf_counter() - spark_done:.1f} s"
    )


def _dbt(executable: Path, target: list[str], target_path: Path, **env: str) -> None:
    """`dbt build` of the checkout with executable, its log to stderr."""
    if not executable.exists():
        raise SparkCheckFailed(f"{executable} is missing; make spark-check installs it")
    command = [str(executable), "build", *target, "--target-path", str(target_path)]
    completed = subprocess.run(
        command, cwd=ROOT, env=dbt_environment(ROOT, **env), stdout=sys.stderr, check=False
    )
    if completed.returncode != 0:
        raise SparkCheckFailed(f"{' '.join(command[1:])} failed (exit {completed.returncode})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=WORKDIR, help="emptied first")
    arguments = parser.parse_args(argv)
    try:
        print(run(arguments.workdir))
    except SparkCheckFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
