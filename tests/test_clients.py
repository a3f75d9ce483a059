"""The published warehouse as other clients see it: DuckDB 1.x (what the CLI from PyPI and BI
drivers bundle), SQLAlchemy tools such as Superset, and the descriptions BI tools show."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy
import yaml

from conftest import ROOT
from wechat_impact import readonly, release_tables

pytestmark = pytest.mark.slow

MARTS_YAML = ROOT / "models" / "marts" / "_marts__models.yml"
COMPAT_PYTHON = ROOT / ".venv-compat" / "bin" / "python"
COMPAT_SCRIPT = "scripts/compat-env.sh"
# The DuckDB CLI that requirements.lock installs beside this Python (duckdb-cli, a 1.x release).
DUCKDB_CLI = Path(sys.executable).parent / "duckdb"

# Run by .venv-compat's Python, which has only duckdb: counts the rows of every mart.
COMPAT_READER = """
import json, sys
import duckdb
path, query, config = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
with duckdb.connect(path, config=config) as connection:
    counts = dict(connection.execute(query).fetchall())
print(json.dumps({"version": duckdb.__version__, "counts": counts}))
"""


def documented_marts() -> dict[str, list[str]]:
    """Every public mart and its columns, in order, from what the project promises (the marts'
    YAML and the tables the pipeline writes), not from the warehouse: a missing one fails."""
    models = yaml.safe_load(MARTS_YAML.read_text(encoding="utf-8"))["models"]
    marts = {model["name"]: [column["name"] for column in model["columns"]] for model in models}
    marts["build_info"] = list(release_tables.BUILD_INFO_COLUMNS)
    marts["validation_results"] = list(release_tables.VALIDATION_COLUMNS)
    return marts


MARTS = documented_marts()


def count_rows_sql(marts: list[str]) -> str:
    """One query, portable to DuckDB 1.1 and the CLI: (mart, row_count) for every mart."""
    return " union all ".join(
        f"select '{mart}' as mart, count(*) as row_count from marts.{mart}" for mart in marts
    )


@pytest.fixture(scope="module")
def row_counts(warehouse: Path) -> dict[str, int]:
    """Rows per mart as DuckDB 2.0 reads them: what every other client must agree with."""
    with readonly.connect(warehouse) as connection:
        counts = dict(connection.execute(count_rows_sql(list(MARTS))).fetchall())
    assert all(counts.values()), f"empty marts: {[m for m, n in counts.items() if not n]}"
    return counts


def test_duckdb_1_1_python_reads_every_mart(warehouse: Path, row_counts: dict[str, int]) -> None:
    """BI drivers bundle DuckDB 1.x; the file is written for v1.1 readers (profiles.yml)."""
    if not COMPAT_PYTHON.exists():
        pytest.fail(f"{COMPAT_PYTHON} is missing: create it with `sh {COMPAT_SCRIPT}`")
    completed = subprocess.run(
        [
            str(COMPAT_PYTHON),
            "-c",
            COMPAT_READER,
            str(warehouse),
            count_rows_sql(list(MARTS)),
            json.dumps(readonly.HARDENED_SETTINGS),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    read = json.loads(completed.stdout)
    assert read["version"].startswith("1.1."), f"{COMPAT_PYTHON} has duckdb {read['version']}"
    assert read["counts"] == row_counts


def test_duckdb_cli_reads_every_mart(warehouse: Path, row_counts: dict[str, int]) -> None:
    version = subprocess.run(
        [str(DUCKDB_CLI), "-version"], capture_output=True, text=True, check=True
    ).stdout
    assert version.startswith("v1."), f"{DUCKDB_CLI} is {version}, not a DuckDB 1.x CLI"
    completed = subprocess.run(
        [
            *readonly.cli_command(warehouse, str(DUCKDB_CLI)),
            "-csv",
            "-c",
            count_rows_sql(list(MARTS)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    counts = {
        row["mart"]: int(row["row_count"]) for row in csv.DictReader(io.StringIO(completed.stdout))
    }
    assert counts == row_counts


# duckdb-engine warns that it returns no indexes; Superset gets the same and carries on.
@pytest.mark.filterwarnings("ignore:duckdb-engine doesn't yet support reflection on indices")
@pytest.mark.parametrize(
    "connect_args",
    [{"read_only": True}, readonly.sqlalchemy_connect_args()],
    ids=["superset-read-only", "hardened"],
)
def test_sqlalchemy_reflects_every_mart(
    warehouse: Path, row_counts: dict[str, int], connect_args: dict[str, object]
) -> None:
    """What Superset does when a database is added and a dataset is picked: list schemas,
    tables and columns through the inspector, look up keys and indexes, run a query."""
    engine = sqlalchemy.create_engine(f"duckdb:///{warehouse}", connect_args=connect_args)
    try:
        inspector = sqlalchemy.inspect(engine)
        # duckdb-engine names schemas <database>.<schema>; the database is the file's stem.
        schemas = inspector.get_schema_names()
        assert "wechat_impact.marts" in schemas
        assert set(inspector.get_table_names(schema="marts")) == set(MARTS)
        for mart, columns in MARTS.items():
            reflected = inspector.get_columns(mart, schema="marts")
            assert [column["name"] for column in reflected] == columns, mart
            assert all(column["comment"] for column in reflected), mart
            # These raised "Type with name REGCLASS does not exist" with SQLAlchemy >= 2.0.55.
            inspector.get_pk_constraint(mart, schema="marts")
            inspector.get_foreign_keys(mart, schema="marts")
            inspector.get_indexes(mart, schema="marts")
            assert inspector.get_table_comment(mart, schema="marts")["text"], mart
        figures = sqlalchemy.Table(
            "figures", sqlalchemy.MetaData(), schema="marts", autoload_with=engine
        )
        with engine.connect() as connection:
            count = connection.execute(
                sqlalchemy.select(sqlalchemy.func.count()).select_from(figures)
            ).scalar_one()
        assert count == row_counts["figures"]
    finally:
        # A pooled connection left open would block other configurations in this process.
        engine.dispose()


def test_every_mart_and_column_has_a_comment(warehouse: Path) -> None:
    """BI tools show the catalog's comments as descriptions; dbt's persist_docs and the
    pipeline's own tables write them. Lists everything that lacks one."""
    with readonly.connect(warehouse) as connection:
        tables = dict(
            connection.execute(
                "select table_name, comment from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        )
        columns = {
            (table, column): comment
            for table, column, comment in connection.execute(
                "select table_name, column_name, comment from duckdb_columns() "
                "where schema_name = 'marts'"
            ).fetchall()
        }
    assert set(tables) == set(MARTS)
    assert set(columns) == {(mart, column) for mart, names in MARTS.items() for column in names}
    uncommented = sorted(name for name, text in tables.items() if not (text or "").strip())
    uncommented += sorted(
        f"{table}.{column}" for (table, column), text in columns.items() if not (text or "").strip()
    )
    assert not uncommented, f"no comment in the catalog: {', '.join(uncommented)}"
