"""The README's query examples run against a real build and print what it shows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

# A fenced ```sh or ```python block directly followed by the ```text block of its output.
EXAMPLE = re.compile(r"```(sh|python)\n([^`]*)```\n\n```text\n([^`]*)```")
VENV_BIN = Path(sys.executable).parent


def examples() -> list[tuple[str, str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return [match.groups() for match in EXAMPLE.finditer(readme)]


def test_the_readme_has_cli_and_python_examples() -> None:
    languages = [language for language, _code, _output in examples()]
    assert languages.count("sh") >= 2
    assert languages.count("python") >= 1


@pytest.mark.parametrize(("language", "code", "output"), examples())
def test_a_readme_example_prints_what_the_readme_shows(
    built_project: Path, language: str, code: str, output: str
) -> None:
    if language == "sh":
        assert code.startswith(".venv/bin/duckdb -readonly warehouse/wechat_impact.duckdb")
        command = ["sh", "-c", code.replace(".venv/bin/", f"{VENV_BIN}/", 1)]
    else:
        command = [sys.executable, "-c", code]
    completed = subprocess.run(
        command, cwd=built_project, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == output
