"""Open the published warehouse so that a query can read the marts and do nothing else.

`read_only=True` alone stops writes to the file, but SQL can still read any file on the
machine (`read_csv('/etc/passwd')`), write one (`COPY ... TO`), attach other databases and
install extensions from the internet. Anyone who can type SQL into a notebook, a BI tool or
a shell we hand out should get the warehouse and nothing more, so these settings close that,
and `lock_configuration` comes last so that a `SET` in the session cannot reopen it.

DuckDB's default `memory_limit` is 80% of the machine's memory, and once the configuration is
locked a session could not lower it: one careless query could take the machine. So the limit is
set to 1 GiB before the lock (the marts are a few MiB; the build itself runs within 1 GB).

The same settings for the DuckDB CLI and for SQLAlchemy tools are built here from the one
dict, so docs/connecting.md and the tests cannot drift apart from what `connect` does.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import duckdb

# Order matters for the CLI form: lock_configuration must come last, after the others are set.
HARDENED_SETTINGS: dict[str, str | bool] = {
    "access_mode": "read_only",
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "memory_limit": "1GiB",
    "lock_configuration": True,
}


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot touch other files, extensions or its own settings.

    DuckDB refuses a second connection to the same file with a different configuration in
    one process, so close other connections to `path` first (or open them all this way).
    """
    database = Path(path)
    if not database.exists():
        # DuckDB's own message ("database does not exist") does not say how to get one.
        raise FileNotFoundError(
            f"{database}: no warehouse there; run `make build` to build and publish one"
        )
    return duckdb.connect(str(database), config=dict(HARDENED_SETTINGS))


def session_settings() -> dict[str, str | bool]:
    """The settings that can still be applied once a file is open: all but access_mode,
    which is fixed when the file is opened (`-readonly`, `read_only=True`)."""
    return {name: value for name, value in HARDENED_SETTINGS.items() if name != "access_mode"}


def sqlalchemy_connect_args() -> dict[str, object]:
    """`connect_args` for duckdb-engine (Superset and other SQLAlchemy tools).

    duckdb-engine hands `read_only` and `config` to `duckdb.connect`; read-only is given as
    `read_only`, the form Superset's documentation uses.
    """
    return {"read_only": True, "config": session_settings()}


def lockdown_sql() -> str:
    """SET statements giving an open session the same settings, lock_configuration last."""
    return " ".join(f"SET {name} = {_sql(value)};" for name, value in session_settings().items())


def _sql(value: str | bool) -> str:
    """A setting's value as SET takes it: true/false, or text in double quotes (single ones
    would need escaping in the shell line docs/connecting.md shows)."""
    return str(value).lower() if isinstance(value, bool) else f'"{value}"'


def cli_command(path: str | Path, duckdb_cli: str = "duckdb") -> list[str]:
    """DuckDB CLI arguments for a hardened session on `path`; add `-c SQL` or use stdin.

    `-no-init` skips ~/.duckdbrc, which would otherwise run before the settings are locked.
    `-safe` would be the CLI's own lockdown, but in duckdb-cli 1.5.6 it fails every statement
    ("Cannot change configuration option extension_directories"), so it is not used.
    """
    return [duckdb_cli, "-readonly", "-no-init", "-cmd", lockdown_sql(), str(path)]


def cli_command_line(path: str | Path, duckdb_cli: str = "duckdb") -> str:
    """`cli_command` as one line to paste into a POSIX shell (what docs/connecting.md shows)."""
    return shlex.join(cli_command(path, duckdb_cli))
