"""What a build reads, for the tools that copy a project to build it elsewhere.

The tests and the benchmark build in scratch copies so they never touch the
checkout's own warehouse/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("sources", "seeds", "models", "macros", "tests/dbt", "dbt_project.yml", "profiles")


def copy_project(destination: Path, root: Path = ROOT) -> Path:
    """Copy what a build reads (not .venv, not warehouse/) from root into destination."""
    for part in PROJECT_PARTS:
        source, target = root / part, destination / part
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination
