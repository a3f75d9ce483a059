"""Build the warehouse in a scratch copy with this interpreter; compare with another build.

scripts/check-pythons.sh runs it once with the default environment (the reference) and once
with every other supported Python, each in its own environment, to prove the exports do not
depend on the Python version:

    python -m wechat_impact.tools.same_exports DEST                      # build the reference
    python -m wechat_impact.tools.same_exports --reference REF DEST      # build and compare

What is compared: every export the manifest does not mark build-specific, and everything
the build wrote to data/, byte for byte. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import platform
import sys
from pathlib import Path

from wechat_impact import data_folder, pipeline
from wechat_impact.project_files import copy_project


def build(destination: Path) -> Path:
    """Copy the project to destination, build it there; return the project copy."""
    project = copy_project(destination)
    (project / "warehouse").mkdir(exist_ok=True)
    pipeline.build(project)
    return project


def compared_files(project: Path) -> dict[str, Path]:
    """Every file whose bytes must not depend on the interpreter, by a name to report."""
    exports = project / "warehouse" / "exports"
    manifest = json.loads((exports / "manifest.json").read_text(encoding="utf-8"))
    files = {
        f"exports/{entry['file']}": exports / entry["file"]
        for entry in manifest["files"]
        if not entry["build_specific"]
    }
    data = project / data_folder.DATA_DIR
    files.update({f"{data_folder.DATA_DIR}/{path.name}": path for path in data.iterdir()})
    return files


def differences(reference: Path, project: Path) -> list[str]:
    expected, actual = compared_files(reference), compared_files(project)
    problems = [f"{name}: only in the reference build" for name in expected.keys() - actual]
    problems += [f"{name}: not in the reference build" for name in actual.keys() - expected]
    problems += [
        f"{name}: differs from the reference build"
        for name in sorted(expected.keys() & actual)
        if not filecmp.cmp(expected[name], actual[name], shallow=False)
    ]
    return sorted(problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("destination", type=Path, help="where to copy and build the project")
    parser.add_argument("--reference", type=Path, help="a project copy built the same way")
    arguments = parser.parse_args(argv)
    python = f"Python {platform.python_version()} ({sys.executable})"
    try:
        project = build(arguments.destination)
    except pipeline.BuildFailed as error:
        print(f"{python}: the build failed: {error}")
        return 1
    count = len(compared_files(project))
    if arguments.reference is None:
        print(f"{python}: built the reference, {count} files to compare")
        return 0
    problems = differences(arguments.reference, project)
    for problem in problems:
        print(f"{python}: {problem}")
    if problems:
        return 1
    print(f"{python}: all {count} files byte for byte the same as the reference build's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
