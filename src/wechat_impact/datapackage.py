"""Describe the public marts as a Frictionless Data Package (datapackage.json).

For people who want the numbers without building anything: the build writes datapackage.json
beside the CSV exports of every release, and data_folder.py copies both into data/, which is
committed. Nothing is written twice: each table's and column's description, type and
nullability and each primary key come from the DuckDB catalog of the release, which dbt filled
from models/marts/_marts__models.yml (descriptions via persist_docs, types and keys via the
contracts). Units follow the naming rule of the marts (`_cny`, `_pct`, `_persons` in a column's
name) or, for `value`-like columns, the row's own `unit` column.

build_info and validation_results are left out: they describe one build (its time and release
id), so committing them would change data/ on every build; they are in warehouse/exports and
in the DuckDB file.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from wechat_impact import exports
from wechat_impact.data_folder import DESCRIPTOR

# The Frictionless field type of each DuckDB type the marts use. A column of any other type
# stops the build, so the package never guesses.
FIELD_TYPES = {
    "VARCHAR": "string",
    "INTEGER": "integer",
    "BIGINT": "integer",
    "BOOLEAN": "boolean",
    "DOUBLE": "number",
    "DATE": "date",
}


class PackageError(Exception):
    """A mart cannot be described faithfully; the message names the table and column."""


# Said once per decimal column: CSV readers that parse numbers as binary floats lose digits.
DECIMAL_NOTE = " Exact decimal, 10 digits after the point: read it as a decimal to keep them all."

# Units in column names (a name part), the marts' naming rule.
NAME_UNITS = {
    "cny": "CNY (yuan)",
    "pct": "percent points (0 to 100)",
    "persons": "persons",
}
ROW_UNIT = "given by this row's `unit` column: CNY (yuan), persons, percent (points) or count"

LICENSES = [
    {
        "name": "MIT",
        "path": "https://opensource.org/licenses/MIT",
        "title": (
            "MIT License, for this project's own work: the intervals, derived figures, claim "
            "checks and the structure of the tables. The quoted text and the printed figures "
            "are their publishers' (see sources), cited here, not licensed by this project."
        ),
    }
]

PACKAGE = {
    "name": "wechat-impact",
    "title": "Figures of the WeChat Social and Economic Impact Research Report (2014)",
    "description": (
        "Every figure a news article printed from the WeChat Social and Economic Impact "
        "Research Report (China Information Economics Society, December 2014), with the "
        "interval its printed precision allows, where it is printed (character offsets into "
        "the article), what the figures imply and whether they add up. Written by `make build` "
        "from the public marts of the DuckDB warehouse; do not edit by hand. Left out: "
        "build_info and validation_results, which describe one build (its time and release "
        "id) and are in the warehouse and its exports."
    ),
    "keywords": ["WeChat", "Tencent", "information consumption", "China", "2014"],
}


def write_descriptor(database: Path, exports_dir: Path, manifest: dict) -> Path:
    """Write datapackage.json for the CSV exports of `database` beside them in exports_dir."""
    with duckdb.connect(str(database), read_only=True) as connection:
        sources = _sources(connection)
        csv_files = {
            entry["table"]: entry
            for entry in manifest["files"]
            if entry["format"] == "csv" and not entry["build_specific"]
        }
        resources = [
            _resource(connection, entry, sources) for _, entry in sorted(csv_files.items())
        ]
    descriptor = {
        **PACKAGE,
        "profile": "tabular-data-package",
        "licenses": LICENSES,
        "sources": sources,
        "resources": resources,
    }
    path = exports_dir / DESCRIPTOR
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _sources(connection: duckdb.DuckDBPyConnection) -> list[dict]:
    rows = connection.execute(
        f"""
        select title, author, publisher, report_title, report_publisher, report_date, path
        from {exports.SCHEMA}.documents order by document_id
        """
    ).fetchall()
    return [
        {
            "title": (
                f'"{title}", a news article by {author}; publisher: {publisher}; on the '
                f"{report_title} ({report_publisher}, {report_date}); kept byte for byte in "
                f"the repository as {path}"
            )
        }
        for title, author, publisher, report_title, report_publisher, report_date, path in rows
    ]


def _resource(connection: duckdb.DuckDBPyConnection, entry: dict, sources: list[dict]) -> dict:
    table = entry["table"].split(".", 1)[1]
    (description,) = connection.execute(
        "select comment from duckdb_tables() where schema_name = ? and table_name = ?",
        [exports.SCHEMA, table],
    ).fetchone()
    columns = connection.execute(
        """
        select column_name, data_type, comment, is_nullable
        from duckdb_columns() where schema_name = ? and table_name = ?
        order by column_index
        """,
        [exports.SCHEMA, table],
    ).fetchall()
    has_unit_column = any(name == "unit" for name, *_ in columns)
    fields = [field_for(table, *column, has_unit_column) for column in columns]
    schema: dict = {"fields": fields}
    key = exports.primary_key(connection, table)
    if key:
        schema["primaryKey"] = key
    return {
        "name": table,
        "path": entry["file"],
        "profile": "tabular-data-resource",
        "description": (description or "").strip(),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": entry["bytes"],
        "hash": f"sha256:{entry['sha256']}",
        "schema": schema,
        "sources": sources,
        "licenses": LICENSES,
    }


def field_for(
    table: str,
    name: str,
    data_type: str,
    description: str | None,
    is_nullable: bool,
    has_unit_column: bool,
) -> dict:
    decimal = data_type.startswith("DECIMAL")
    if not decimal and data_type not in FIELD_TYPES:
        raise PackageError(
            f"marts.{table}, column {name}: DuckDB type {data_type} has no Frictionless type "
            "in wechat_impact.datapackage.FIELD_TYPES; add one"
        )
    field = {
        "name": name,
        "type": "number" if decimal else FIELD_TYPES[data_type],
        "description": (description or "").strip() + (DECIMAL_NOTE if decimal else ""),
    }
    unit = _unit(name, decimal, has_unit_column)
    if unit:
        field["unit"] = unit
    if not is_nullable:
        field["constraints"] = {"required": True}
    return field


def _unit(name: str, decimal: bool, has_unit_column: bool) -> str | None:
    named = [NAME_UNITS[part] for part in name.split("_") if part in NAME_UNITS]
    if named:
        return named[0]
    if decimal and has_unit_column:
        return ROW_UNIT
    return None
