"""readonly.connect and its CLI form: the marts can be read, nothing else can be done.

Every refusal is matched on DuckDB's reason, not just on an error: a statement that fails
for another reason (a missing file, an extension not installed) would prove nothing.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT
from test_clients import DUCKDB_CLI, MARTS
from wechat_impact import readonly

DOCS = ROOT / "docs" / "connecting.md"
READ_ONLY = "attached in read-only mode"
NO_EXTERNAL_ACCESS = "disabled (by|through) configuration"
LOCKED = "the configuration has been locked"

REFUSED = {
    "insert": ("insert into marts.documents select * from marts.documents", READ_ONLY),
    "update": ("update marts.figures set value = value", READ_ONLY),
    "delete": ("delete from marts.claim_checks", READ_ONLY),
    "create": ("create table marts.scratch (id integer)", READ_ONLY),
    "drop": ("drop table marts.figures", READ_ONLY),
    "copy-to": ("copy marts.figures to '/tmp/x.csv'", NO_EXTERNAL_ACCESS),
    "read-csv": ("select * from read_csv('/etc/passwd')", NO_EXTERNAL_ACCESS),
    "read-text": ("select * from read_text('/etc/passwd')", NO_EXTERNAL_ACCESS),
    "export": ("export database '/tmp/wechat-impact-export'", NO_EXTERNAL_ACCESS),
    "url": ("select * from 'https://example.com/figures.csv'", NO_EXTERNAL_ACCESS),
    "install": ("install httpfs", NO_EXTERNAL_ACCESS),
    "load": ("load httpfs", NO_EXTERNAL_ACCESS),
    "set-external-access": ("set enable_external_access = true", LOCKED),
    "reset-external-access": ("reset enable_external_access", LOCKED),
    "unlock": ("set lock_configuration = false", LOCKED),
    "set-autoload": ("set autoload_known_extensions = true", LOCKED),
    "raise-memory-limit": ("set memory_limit = '16GiB'", LOCKED),
}
# What duckdb_settings() shows for each hardened setting, in its own notation.
SHOWN = {
    "access_mode": "read_only",
    "enable_external_access": "false",
    "autoinstall_known_extensions": "false",
    "autoload_known_extensions": "false",
    "allow_community_extensions": "false",
    "memory_limit": "1.0 GiB",
    "lock_configuration": "true",
}


@pytest.fixture
def hardened(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with readonly.connect(warehouse) as connection:
        yield connection


def run_hardened_cli(warehouse: Path, sql: str) -> subprocess.CompletedProcess[str]:
    """The command line docs/connecting.md gives, with the DuckDB 1.x CLI from the venv."""
    return subprocess.run(
        [*readonly.cli_command(warehouse, str(DUCKDB_CLI)), "-csv", "-c", sql],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_missing_warehouse_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="run `make build`"):
        readonly.connect(tmp_path / "wechat_impact.duckdb")


@pytest.mark.slow
def test_the_settings_are_in_force(hardened: duckdb.DuckDBPyConnection) -> None:
    settings = dict(
        hardened.execute(
            "select name, value from duckdb_settings() where name in "
            f"({', '.join('?' * len(readonly.HARDENED_SETTINGS))})",
            list(readonly.HARDENED_SETTINGS),
        ).fetchall()
    )
    assert settings == SHOWN


@pytest.mark.slow
@pytest.mark.parametrize("mart", MARTS)
def test_every_mart_can_be_read(hardened: duckdb.DuckDBPyConnection, mart: str) -> None:
    cursor = hardened.execute(f"select * from marts.{mart}")
    rows = cursor.fetchall()
    assert [column[0] for column in cursor.description] == MARTS[mart]
    assert rows


@pytest.mark.slow
@pytest.mark.parametrize(("sql", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_refused(hardened: duckdb.DuckDBPyConnection, sql: str, reason: str) -> None:
    with pytest.raises(duckdb.Error, match=reason):
        hardened.execute(sql)


@pytest.mark.slow
def test_temporary_tables_still_work(hardened: duckdb.DuckDBPyConnection) -> None:
    """Scratch work stays possible: temp tables live in memory, not in the warehouse file."""
    hardened.execute("create temp table shares as select figure_id from marts.figures")
    assert hardened.execute("select count(*) from shares").fetchone()[0] > 0


@pytest.mark.slow
def test_files_beside_the_warehouse_are_refused_too(
    hardened: duckdb.DuckDBPyConnection, warehouse: Path
) -> None:
    """DuckDB allows the database file itself, not its directory: the release's manifest."""
    manifest = warehouse.resolve().parent / "manifest.json"
    assert manifest.exists()
    with pytest.raises(duckdb.Error, match=NO_EXTERNAL_ACCESS):
        hardened.execute("select * from read_text(?)", [str(manifest)])


@pytest.mark.slow
def test_attach_is_refused(hardened: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(duckdb.Error, match=NO_EXTERNAL_ACCESS):
        hardened.execute(f"attach '{other}' as other (read_only)")


@pytest.mark.slow
def test_read_only_alone_would_allow_files(warehouse: Path, tmp_path: Path) -> None:
    """Why readonly.connect exists: a plain read-only connection reads and writes files."""
    manifest = warehouse.resolve().parent / "manifest.json"
    exported = tmp_path / "figures.csv"
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        connection.execute("select * from read_text(?)", [str(manifest)]).fetchall()
        connection.execute(f"copy marts.figures to '{exported}'")
    assert exported.exists()


@pytest.mark.slow
def test_the_cli_command_has_the_same_settings(warehouse: Path) -> None:
    completed = run_hardened_cli(
        warehouse,
        "select name, value from duckdb_settings() where name in "
        f"({', '.join(repr(name) for name in readonly.HARDENED_SETTINGS)}) order by name",
    )
    assert completed.returncode == 0, completed.stderr
    rows = completed.stdout.splitlines()[1:]
    assert rows == sorted(f"{name},{value}" for name, value in SHOWN.items())


@pytest.mark.slow
@pytest.mark.parametrize(("sql", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_the_cli_command_refuses(warehouse: Path, sql: str, reason: str) -> None:
    completed = run_hardened_cli(warehouse, sql)
    assert completed.returncode != 0
    assert re.search(reason, completed.stderr), completed.stderr


def test_the_docs_give_the_tested_settings() -> None:
    """docs/connecting.md shows the CLI line and Superset's engine parameters built here."""
    text = DOCS.read_text(encoding="utf-8")
    assert readonly.cli_command_line("warehouse/wechat_impact.duckdb") in text
    assert json.dumps({"connect_args": readonly.sqlalchemy_connect_args()}) in text
    for name in readonly.HARDENED_SETTINGS:
        assert name in text, name
