"""Shared fixtures: copies of the project to break, and one real build to read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = (
    "sources",
    "seeds",
    "models",
    "macros",
    "tests/dbt",
    "dbt_project.yml",
    "profiles",
)


def copy_project(destination: Path) -> Path:
    """Copy what a build reads (not .venv, not warehouse/) into destination."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        target = destination / part
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def overlay(project: Path, files: Path) -> None:
    """Put every file under `files` over the same path in `project`."""
    for path in files.rglob("*"):
        if path.is_file():
            (project / path.relative_to(files)).write_bytes(path.read_bytes())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
