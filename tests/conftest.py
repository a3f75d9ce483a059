"""Shared fixtures: copies of the project to break, and one real build to read."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from wechat_impact import dbt_run, extract, project_files
from wechat_impact.inputs import InputError, check_inputs
from wechat_impact.project_files import copy_project

ROOT = project_files.ROOT  # the checkout; test modules import it from here
# The steps of `wechat-impact build`, in order, as its progress lines and summary name them.
BUILD_STEPS = (
    "check inputs",
    "dbt build",
    "validate",
    "exports and page",
    "data docs",
    "publish",
)


def overlay(project: Path, files: Path) -> None:
    """Put every file under `files` over the same path in `project`."""
    for path in files.rglob("*"):
        if path.is_file():
            (project / path.relative_to(files)).write_bytes(path.read_bytes())


def refusal(project: Path) -> str | None:
    """The one line the checks before dbt stop a build with (the input check, then the
    extractor's check of the catalogs against the seeds), or None when they pass."""
    try:
        check_inputs(project)
        drift = extract.check(project)
    except (InputError, extract.ExtractError) as error:
        return str(error)
    return "\n".join(drift) or None


def release_bytes(project: Path) -> dict[str, str]:
    """Every file and link under warehouse/: a file's sha256, a link's target."""
    found = {}
    warehouse = project / "warehouse"
    for path in sorted(warehouse.rglob("*")):
        relative = path.relative_to(warehouse).as_posix()
        if path.is_symlink():
            found[relative] = f"-> {os.readlink(path)}"
        elif path.is_file() and path.name != ".build.lock":
            found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def run_cli(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run `wechat-impact <arguments>` in a project copy, as `make build` does."""
    return subprocess.run(
        [sys.executable, "-m", "wechat_impact", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def dbt_dev(project: Path, database: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Plain `dbt <arguments>` in a project copy, the dev target writing to database."""
    return subprocess.run(
        [dbt_run.dbt_executable(), *arguments],
        cwd=project,
        env=dbt_run.dbt_environment(project, WECHAT_IMPACT_DEV_PATH=str(database)),
        capture_output=True,
        text=True,
        check=False,
    )


def run_dbt_dev(project: Path, database: Path, *arguments: str) -> None:
    """dbt_dev, which must succeed."""
    completed = dbt_dev(project, database, *arguments)
    assert completed.returncode == 0, completed.stdout[-4000:]


def build_copy(destination: Path) -> Path:
    """A project copy in destination with one published release."""
    project = copy_project(destination)
    completed = run_cli(project, "build")
    assert completed.returncode == 0, completed.stderr
    return project


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project copy with a published release, built once per test session."""
    return build_copy(tmp_path_factory.mktemp("built") / "project")


@pytest.fixture(scope="session")
def warehouse(built_project: Path) -> Path:
    return built_project / "warehouse" / "wechat_impact.duckdb"


@pytest.fixture
def connection(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        yield connection
