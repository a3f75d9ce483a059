"""Run dbt in this process and turn its failures into one readable message.

The pipeline calls dbt through dbtRunner rather than starting the `dbt` command: the
build then pays for one Python interpreter, not two, and dbt shares what the pipeline
has imported already (DuckDB among it). Two things a child process gave for free are
done by hand: dbt's console log goes to stderr (stdout carries the build's one-line
summary), and dbt-duckdb's connection is closed when dbt returns, so that the
validation worker, another process, can open the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

OFFLINE_ENV = {
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    "DBT_USE_COLORS": "False",
}


class DbtError(Exception):
    """dbt failed: a model did not build or a test found rows.

    failed_tests holds (name, compiled SQL) of each test that found rows, so the caller
    can say which seed row they come from (dbt_failures.py)."""

    def __init__(self, message: str, failed_tests: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.failed_tests = failed_tests or []


def dbt_environment(root: Path, **variables: str) -> dict[str, str]:
    """This process's environment for dbt in root: offline, the project's profiles, plus
    variables (WECHAT_IMPACT_DEV_PATH, WECHAT_IMPACT_RELEASE_PATH). WECHAT_IMPACT_ROOT tells
    the models where the documents' files are (stg_corpus__documents reads their texts)."""
    return {
        **os.environ,
        **OFFLINE_ENV,
        "DBT_PROFILES_DIR": str(root / "profiles"),
        "WECHAT_IMPACT_ROOT": str(root.resolve()),
        **variables,
    }


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project's .venv)."""
    return str(Path(sys.executable).with_name("dbt"))


def run_dbt(root: Path, arguments: list[str], env: dict[str, str], target_path: Path) -> None:
    """Run `dbt <arguments>` on the project in root, in this process, to the end.

    env adds variables for profiles.yml's env_var() for the length of the run. Raises
    DbtError naming each node that failed, or dbt's own error when it stopped before any
    node ran (a compilation error, say)."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    from dbt.cli.main import dbtRunner

    run_results = target_path / "run_results.json"
    run_results.unlink(missing_ok=True)  # never report a stale failure
    command = [*arguments, "--project-dir", str(root), "--target-path", str(target_path)]
    with _environment(dbt_environment(root, **env)), contextlib.redirect_stdout(sys.stderr):
        try:
            result = dbtRunner().invoke(command)
        finally:
            # dbt-duckdb keeps its database open for the next invocation (keep_open, true by
            # default; false would reopen the file for every node, about 1 s more here).
            DuckDBConnectionManager.close_all_connections()
    if isinstance(result.exception, KeyboardInterrupt):
        raise result.exception  # Ctrl-C: dbt cancelled its queries; the caller stops too
    if not result.success:
        raise DbtError(
            _failures(run_results) or str(result.exception or "dbt failed; see above"),
            _failed_tests(result.result),
        )


@contextlib.contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    """os.environ is variables while the block runs, and what it was afterwards."""
    saved = os.environ.copy()
    os.environ.update(variables)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _failures(run_results: Path) -> str | None:
    """One line per failed node, from dbt's run_results.json."""
    if not run_results.exists():
        return None
    results = json.loads(run_results.read_text(encoding="utf-8"))["results"]
    lines = [
        f"dbt {_node_name(result['unique_id'])} {result['status']}: {_first_line(result)}"
        for result in results
        if result["status"] in {"error", "fail"}
    ]
    return "\n".join(lines) or None


def _failed_tests(execution: object) -> list[tuple[str, str]]:
    """(name, compiled SQL) of each test that ran and found rows."""
    return [
        (result.node.name, result.node.compiled_code)
        for result in getattr(execution, "results", None) or []
        if str(result.status) == "fail" and getattr(result.node, "compiled_code", None)
    ]


def _node_name(unique_id: str) -> str:
    """'test.wechat_impact.unique_figures_figure_id.5c0b' -> 'test unique_figures_figure_id'."""
    kind, _project, name, *rest = unique_id.split(".")
    return f"{kind} {name}.{rest[0]}" if kind == "unit_test" else f"{kind} {name}"


def _first_line(result: dict) -> str:
    message = (result.get("message") or "").strip()
    return message.splitlines()[0] if message else "no message"
