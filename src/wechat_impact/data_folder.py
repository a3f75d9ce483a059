"""data/: the published release's datapackage.json and the CSVs it lists, committed.

Every `make build` makes data/ equal to the published release (also when the warehouse was
already up to date), so the one command that regenerates it is `make build`. `make test`
compares the committed data/ with what a fresh build writes. Only the standard library is
imported here: the no-op build calls sync() and must stay fast.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

DATA_DIR = "data"
DESCRIPTOR = "datapackage.json"  # written into every release's exports by datapackage.py
REGENERATE = "run `make build` and commit data/"


def package_files(exports_dir: Path) -> list[str]:
    """datapackage.json and every file its resources name, as names in exports_dir."""
    descriptor = json.loads((exports_dir / DESCRIPTOR).read_text(encoding="utf-8"))
    return [DESCRIPTOR, *(resource["path"] for resource in descriptor["resources"])]


def differences(exports_dir: Path, data_dir: Path) -> list[str]:
    """One line per file in which data_dir is not the package in exports_dir."""
    expected = package_files(exports_dir)
    present = sorted(path.name for path in data_dir.iterdir()) if data_dir.is_dir() else []
    problems = [f"{data_dir.name}/{name} is missing" for name in expected if name not in present]
    problems += [
        f"{data_dir.name}/{name} differs from the build's"
        for name in expected
        if name in present and (data_dir / name).read_bytes() != (exports_dir / name).read_bytes()
    ]
    problems += [
        f"{data_dir.name}/{name} is not in the build's package"
        for name in present
        if name not in expected
    ]
    return problems


def sync(exports_dir: Path, data_dir: Path) -> list[str]:
    """Make data_dir hold exactly the package in exports_dir; return what it changed."""
    changed = differences(exports_dir, data_dir)
    if not changed:
        return []
    expected = package_files(exports_dir)
    data_dir.mkdir(exist_ok=True)
    for path in data_dir.iterdir():
        if path.name in expected:
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    for name in expected:
        shutil.copyfile(exports_dir / name, data_dir / name)
    return changed
