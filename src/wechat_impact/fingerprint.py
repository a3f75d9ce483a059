"""A hash of everything a release is built from.

When it equals the published release's, a rebuild would give the same
warehouse, so `make build` says so and stops (FORCE=1 rebuilds anyway).
Only the standard library is imported here: the no-op path must stay fast.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

INPUT_PATTERNS = (
    "sources/**/*",
    "seeds/**/*",
    "models/**/*",
    "macros/**/*",
    "tests/dbt/**/*",
    "src/wechat_impact/**/*.py",
    "dbt_project.yml",
    "profiles/profiles.yml",
    "requirements.lock",
)


def input_files(root: Path) -> list[Path]:
    files = {path for pattern in INPUT_PATTERNS for path in root.glob(pattern) if path.is_file()}
    return sorted(path for path in files if "__pycache__" not in path.parts)


def inputs_sha256(root: Path) -> str:
    """sha256 over the relative path and bytes of every input file, in sorted order."""
    digest = hashlib.sha256()
    for path in input_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
