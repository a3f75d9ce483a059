"""scripts/bootstrap.sh takes a supported Python (3.11 to 3.13, from requires-python) and
refuses any other in one line before it installs anything."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

BOOTSTRAP = ROOT / "scripts" / "bootstrap.sh"
NEEDED = "Python 3.11, 3.12 or 3.13"  # what requires-python = ">=3.11,<3.14" allows
PYENV_PYTHON_3_10 = Path("/root/.pyenv/versions/3.10.13/bin/python3.10")
# What bootstrap.sh and pythons.sh call besides shell built-ins.
TOOLS = ("sh", "sed", "dirname", "rm", "cat")


def fake_python(directory: Path, name: str, version: str) -> Path:
    """An interpreter that reports `version` and logs every other thing it is asked to do."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(
        "#!/bin/sh\n"
        f'case "$1" in -c) echo {version} ;; *) echo "$*" >> "{directory}/calls.log"; exit 1 ;; '
        "esac\n",
        encoding="utf-8",
    )
    path.chmod(0o755)
    return path


def bare_path(directory: Path) -> str:
    """A PATH with the shell tools and no Python at all."""
    directory.mkdir(parents=True, exist_ok=True)
    for tool in TOOLS:
        (directory / tool).symlink_to(shutil.which(tool))
    return str(directory)


def bootstrap(
    tmp_path: Path, python: str | None, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHON"}
    if python is not None:
        environment["PYTHON"] = python
    if path is not None:
        environment.update(PATH=path, PYENV_ROOT=str(tmp_path / "no-pyenv"))
    return subprocess.run(
        ["sh", str(BOOTSTRAP), str(tmp_path / "venv")],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def assert_refused(completed: subprocess.CompletedProcess[str], tmp_path: Path, line: str) -> None:
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr == line + "\n"
    assert not (tmp_path / "venv").exists()


def test_python_3_10_is_refused_before_anything_is_installed(tmp_path: Path) -> None:
    python = fake_python(tmp_path / "bin", "python3.10", "3.10")
    completed = bootstrap(tmp_path, str(python))
    assert_refused(
        completed, tmp_path, f"error: PYTHON={python} is Python 3.10; the project needs {NEEDED}"
    )
    assert not (tmp_path / "bin" / "calls.log").exists()  # asked its version, nothing else


@pytest.mark.skipif(not PYENV_PYTHON_3_10.exists(), reason=f"{PYENV_PYTHON_3_10} is not present")
def test_a_real_python_3_10_is_refused(tmp_path: Path) -> None:
    completed = bootstrap(tmp_path, str(PYENV_PYTHON_3_10))
    assert_refused(
        completed,
        tmp_path,
        f"error: PYTHON={PYENV_PYTHON_3_10} is Python 3.10; the project needs {NEEDED}",
    )


def test_an_interpreter_that_does_not_run_is_refused(tmp_path: Path) -> None:
    completed = bootstrap(tmp_path, str(tmp_path / "python3.99"))
    assert_refused(
        completed,
        tmp_path,
        f"error: PYTHON={tmp_path / 'python3.99'} does not run; the project needs {NEEDED}",
    )


def test_with_no_supported_python_anywhere_it_says_which_it_needs(tmp_path: Path) -> None:
    path = bare_path(tmp_path / "bin")
    fake_python(tmp_path / "bin", "python3", "3.10")
    completed = bootstrap(tmp_path, None, path)
    assert_refused(
        completed,
        tmp_path,
        f"error: the project needs {NEEDED} and none was found (python3 is Python 3.10); "
        "install one or name it with PYTHON=/path/to/python3.x",
    )


@pytest.mark.parametrize("version", ["3.12", "3.13"])
def test_without_python3_it_takes_a_supported_python3_x(tmp_path: Path, version: str) -> None:
    path = bare_path(tmp_path / "bin")
    fake_python(tmp_path / "bin", "python3", "3.10")
    python = fake_python(tmp_path / "bin", f"python{version}", version)
    completed = bootstrap(tmp_path, None, path)
    assert completed.returncode == 1  # the fake cannot create the venv
    assert f"creating {tmp_path / 'venv'} with {python} (Python {version})" in completed.stderr
    calls = (tmp_path / "bin" / "calls.log").read_text(encoding="utf-8")
    assert calls == f"-m venv {tmp_path / 'venv'}\n"
