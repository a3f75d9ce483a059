"""Run dbt as a child process and turn its failures into one readable message.

dbt runs in its own process so that the warehouse file is closed, and every
lock released, the moment it exits: the validation that follows opens the
same file from another process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

OFFLINE_ENV = {
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    "DBT_USE_COLORS": "False",
}


class DbtError(Exception):
    """dbt failed: a model did not build or a test found rows."""


def dbt_environment(root: Path, **variables: str) -> dict[str, str]:
    """This process's environment for dbt in root: offline, the project's profiles, plus
    variables (WECHAT_IMPACT_DEV_PATH, WECHAT_IMPACT_RELEASE_PATH)."""
    return {
        **os.environ,
        **OFFLINE_ENV,
        "DBT_PROFILES_DIR": str(root / "profiles"),
        **variables,
    }


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project's .venv)."""
    return str(Path(sys.executable).with_name("dbt"))


class DbtRun:
    """`dbt <arguments>` running in root; `wait()` raises DbtError naming what failed.

    Started before the input check is done: dbt spends its first seconds importing and
    parsing, so the check runs meanwhile. When the check fails, `stop()` ends dbt and the
    pipeline throws away what it wrote (nothing of a build is published before it passed).
    """

    def __init__(
        self, root: Path, arguments: list[str], env: dict[str, str], target_path: Path
    ) -> None:
        self._run_results = target_path / "run_results.json"
        self._run_results.unlink(missing_ok=True)  # never report a stale failure
        # dbt's log is progress, so it goes to stderr; stdout keeps the one-line summary.
        self._process = subprocess.Popen(
            [dbt_executable(), *arguments, "--target-path", str(target_path)],
            cwd=root,
            env=dbt_environment(root, **env),
            stdout=sys.stderr,
        )

    def wait(self) -> None:
        if self._process.wait() != 0:
            raise DbtError(_failures(self._run_results) or "dbt failed; see above")

    def stop(self) -> None:
        """End dbt if it is still running, and wait until it has."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()


def run_dbt(root: Path, arguments: list[str], env: dict[str, str], target_path: Path) -> None:
    """Run `dbt <arguments>` in root to the end; raise DbtError naming what failed."""
    run = DbtRun(root, arguments, env, target_path)
    try:
        run.wait()
    finally:
        run.stop()


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


def _node_name(unique_id: str) -> str:
    """'test.wechat_impact.unique_figures_figure_id.5c0b' -> 'test unique_figures_figure_id'."""
    kind, _project, name, *rest = unique_id.split(".")
    return f"{kind} {name}.{rest[0]}" if kind == "unit_test" else f"{kind} {name}"


def _first_line(result: dict) -> str:
    message = (result.get("message") or "").strip()
    return message.splitlines()[0] if message else "no message"
