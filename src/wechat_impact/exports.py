"""Export every mart of a release as Parquet and CSV, with a manifest of checksums.

People who do not run DuckDB (a spreadsheet, pandas, R, a BI tool without a DuckDB driver)
get the release as plain files. The manifest lets them check a download and lets two builds be
compared file by file: for the same inputs every export of a dbt mart is byte-identical, because
rows are written in a total order and DuckDB's writers embed no timestamps. The two tables the
pipeline writes itself (build_info, validation_results) carry the build's time and release id,
so the manifest marks them as build-specific and leaves them out of that promise.

A spreadsheet runs a CSV cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
return) as a formula. So, as OWASP recommends against CSV injection, every text cell of a CSV
export that starts with one of them is written with a single quote in front; numbers are left
alone, and Parquet files, which no spreadsheet evaluates, keep the text as it is.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb

SCHEMA = "marts"

# Tables whose content changes with every build (timestamps, release id) even for equal inputs.
BUILD_SPECIFIC_TABLES = ("build_info", "validation_results")

# DuckDB COPY options per export format. Parquet keeps DuckDB's default (Snappy), which every
# Parquet reader supports; its only writer metadata is a constant `created_by` with the version.
FORMATS = {
    "parquet": "format parquet",
    "csv": "format csv, header true",
}
# What makes a spreadsheet read a text cell as a formula (OWASP, "CSV Injection").
FORMULA_START = r"^[=+@\t\r-]"


def write_exports(database: Path, out_dir: Path) -> dict:
    """Write `<table>.parquet`, `<table>.csv` and manifest.json to out_dir; return the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(database), read_only=True) as connection:
        # One thread: the files then do not depend on how many cores the exporting machine has.
        connection.execute("set threads = 1")
        files = [
            _export(connection, table, file_format, out_dir)
            for table in _tables(connection)
            for file_format in FORMATS
        ]
    manifest = {
        "schema": SCHEMA,
        "build_specific_tables": [f"{SCHEMA}.{table}" for table in BUILD_SPECIFIC_TABLES],
        "reproducible": (
            "For the same inputs every file not marked build_specific is byte-identical; "
            "build-specific files carry the build's time and release id."
        ),
        "files": files,
    }
    (out_dir / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return manifest


def _tables(connection: duckdb.DuckDBPyConnection) -> list[str]:
    rows = connection.execute(
        "select table_name from duckdb_tables() where schema_name = ? order by table_name",
        [SCHEMA],
    ).fetchall()
    return [name for (name,) in rows]


def _export(
    connection: duckdb.DuckDBPyConnection, table: str, file_format: str, out_dir: Path
) -> dict:
    """COPY one table to one file in a total row order and describe the file for the manifest."""
    path = out_dir / f"{table}.{file_format}"
    order_by = _sort_columns(connection, table)
    columns = _csv_columns(connection, table) if file_format == "csv" else "*"
    query = (
        f"select {columns} from {_quoted(SCHEMA)}.{_quoted(table)} as source "
        f"order by {', '.join('source.' + _quoted(column) for column in order_by)}"
    )
    target = str(path).replace("'", "''")
    (rows,) = connection.execute(
        f"copy ({query}) to '{target}' ({FORMATS[file_format]})"
    ).fetchone()
    return {
        "file": path.name,
        "table": f"{SCHEMA}.{table}",
        "format": file_format,
        "rows": rows,
        "bytes": path.stat().st_size,
        "sha256": _sha256(path),
        "order_by": order_by,
        "build_specific": table in BUILD_SPECIFIC_TABLES,
    }


def _csv_columns(connection: duckdb.DuckDBPyConnection, table: str) -> str:
    """The select list of a CSV export: a text cell a spreadsheet would run gets a quote."""
    rows = connection.execute(
        "select column_name, data_type from duckdb_columns() "
        "where schema_name = ? and table_name = ? order by column_index",
        [SCHEMA, table],
    ).fetchall()
    return ", ".join(
        _neutralised(f"source.{_quoted(name)}") + f" as {_quoted(name)}"
        if data_type == "VARCHAR"
        else f"source.{_quoted(name)}"
        for name, data_type in rows
    )


def _neutralised(cell: str) -> str:
    quote = "'" * 4  # SQL for a text of one single quote
    return (
        f"case when regexp_matches({cell}, '{FORMULA_START}') "
        f"then {quote} || {cell} else {cell} end"
    )


def primary_key(connection: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The primary key columns of a mart (from its dbt contract), or [] when it has none."""
    (key,) = connection.execute(
        """
        select coalesce(flatten(list(constraint_column_names)), [])
        from duckdb_constraints()
        where schema_name = ? and table_name = ? and constraint_type = 'PRIMARY KEY'
        """,
        [SCHEMA, table],
    ).fetchone()
    return key


def _sort_columns(connection: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Primary key columns first, then every other column: a total order even without a key."""
    key = primary_key(connection, table)
    rows = connection.execute(
        """
        select column_name from duckdb_columns()
        where schema_name = ? and table_name = ?
        order by column_index
        """,
        [SCHEMA, table],
    ).fetchall()
    return key + [name for (name,) in rows if name not in key]


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
