"""Tables the pipeline writes into a release beside dbt's marts, and what it leaves out.

marts.build_info says what a release was built from; marts.validation_results
keeps every expectation's outcome. Both carry catalog comments, like the dbt
marts, so BI tools show what they mean. Once validated, a release keeps only
its public schema: the build's raw, staging and intermediate layers are
dropped, so a BI tool lists what users should query and nothing else (the dev
target, `dbt build` by hand, keeps every layer for dbt users).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

BUILD_INFO_COLUMNS = {
    "release_id": "Identifier of the release (UTC build time and inputs hash).",
    "built_at": "When the release was built (UTC).",
    "git_commit": "The repository commit it was built from; 'unknown' outside git.",
    "git_dirty": "True when the working tree had uncommitted changes.",
    "inputs_sha256": "sha256 over every input: documents, seeds, models, macros, suites, pins.",
    "dbt_version": "dbt-core version.",
    "duckdb_version": "DuckDB version that built the file.",
    "great_expectations_version": "Great Expectations version that validated it.",
}

PUBLIC_SCHEMA = "marts"

VALIDATION_COLUMNS = {
    "run_id": "Identifier of the validation run (the release id).",
    "run_at": "When the validation ran (UTC).",
    "suite": "The expectation suite (one per mart).",
    "expectation": "The expectation type.",
    "column_name": "The column the expectation is about, if any.",
    "success": "Whether the expectation held; an expectation that raised counts as false.",
    "observed_value": "What Great Expectations observed.",
    "details": "What was asserted, in words.",
}


def write_build_info(database: Path, info: dict[str, object]) -> None:
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            """
            create or replace table marts.build_info (
                release_id varchar not null primary key,
                built_at timestamp not null,
                git_commit varchar not null,
                git_dirty boolean not null,
                inputs_sha256 varchar not null,
                dbt_version varchar not null,
                duckdb_version varchar not null,
                great_expectations_version varchar not null
            )
            """
        )
        connection.execute(
            f"insert into marts.build_info values ({', '.join('?' * len(BUILD_INFO_COLUMNS))})",
            [info[name] for name in BUILD_INFO_COLUMNS],
        )
        _comment(connection, "build_info", "What this release was built from.", BUILD_INFO_COLUMNS)


def write_validation_results(database: Path, rows: list[dict[str, object]]) -> None:
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            """
            create or replace table marts.validation_results (
                run_id varchar not null,
                run_at timestamp not null,
                suite varchar not null,
                expectation varchar not null,
                column_name varchar,
                success boolean not null,
                observed_value varchar,
                details varchar
            )
            """
        )
        if rows:  # DuckDB's executemany refuses an empty list
            connection.executemany(
                f"insert into marts.validation_results values "
                f"({', '.join('?' * len(VALIDATION_COLUMNS))})",
                [[row[name] for name in VALIDATION_COLUMNS] for row in rows],
            )
        _comment(
            connection,
            "validation_results",
            "Every Great Expectations result of the validation of this release.",
            VALIDATION_COLUMNS,
        )


def keep_only_public_schema(database: Path) -> list[str]:
    """Drop every schema of the release but the public one (and DuckDB's `main`, which cannot
    be dropped and holds nothing); return the names dropped. No mart reads another schema:
    they are tables, not views."""
    with duckdb.connect(str(database)) as connection:
        schemas = [
            name
            for (name,) in connection.execute(
                """
                select schema_name from duckdb_schemas()
                where database_name = current_database()
                    and not internal and schema_name not in (?, 'main')
                order by schema_name
                """,
                [PUBLIC_SCHEMA],
            ).fetchall()
        ]
        for schema in schemas:
            connection.execute(f"drop schema {_identifier(schema)} cascade")
        connection.execute("checkpoint")
    return schemas


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _comment(
    connection: duckdb.DuckDBPyConnection, table: str, description: str, columns: dict[str, str]
) -> None:
    """COMMENT ON takes no parameters, so the texts (ours, constant) are quoted here."""
    connection.execute(f"comment on table marts.{table} is {_quoted(description)}")
    for name, text in columns.items():
        connection.execute(f"comment on column marts.{table}.{name} is {_quoted(text)}")


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
