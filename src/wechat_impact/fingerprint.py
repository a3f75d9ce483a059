"""A hash of everything a release is built from.

When it equals the published release's, a rebuild would give the same
warehouse, so `make build` says so and stops (FORCE=1 rebuilds anyway).
Only the standard library is imported here: the no-op path must stay fast.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Exactly what a release is built from: the documents, seeds, models, macros, dbt's own tests
# (they stop a bad build), the dbt project and profiles, the package's code and the assets it
# writes into a release (the Data Docs' npm packages by their lock), and the locked versions.
# Not the benchmark, scale and synthetic tools (wechat_impact/tools) nor the pytest code: a
# release does not change when they do.
INPUT_PATTERNS = (
    "sources/**/*",
    "seeds/**/*",
    "models/**/*",
    "macros/**/*",
    "tests/dbt/**/*",
    "src/wechat_impact/**/*",
    "dbt_project.yml",
    "profiles/**/*",
    "requirements.lock",
    "assets/data-docs/package-lock.json",
)
NOT_INPUTS = ("src/wechat_impact/tools",)
GENERATED = ("__pycache__",)


def input_files(root: Path) -> list[Path]:
    """Every input that is not a directory: a pipe or a dangling link among the inputs counts
    too (hashed by name, never read), so the build that refuses it is not skipped."""
    files = {path for pattern in INPUT_PATTERNS for path in root.glob(pattern) if not path.is_dir()}
    return sorted(path for path in files if _is_input(path.relative_to(root)))


def _is_input(relative: Path) -> bool:
    if any(part in GENERATED for part in relative.parts):
        return False
    return not any(relative.is_relative_to(excluded) for excluded in NOT_INPUTS)


def inputs_sha256(root: Path) -> str:
    """sha256 over the relative path and bytes of every input file, in sorted order."""
    digest = hashlib.sha256()
    for path in input_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        content = path.read_bytes() if path.is_file() else b"not a regular file"
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()
