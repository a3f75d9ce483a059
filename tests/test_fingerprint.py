"""The inputs hash covers exactly what a release is built from (fingerprint.INPUT_PATTERNS):
an edit to any build input changes it, so `make build` rebuilds; an edit to the measuring tools
or the pytest code does not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wechat_impact import fingerprint
from wechat_impact.project_files import ROOT

BUILD_INPUTS = (
    "sources/wechat-2014-impact-article.catalog.yml",
    "seeds/corpus_figures.csv",
    "models/marts/figures.sql",
    "macros/interval_arithmetic.sql",
    "tests/dbt/assert_every_mention_is_counted.sql",
    "dbt_project.yml",
    "profiles/profiles.yml",
    "requirements.lock",
    "src/wechat_impact/pipeline.py",
    "src/wechat_impact/page_assets/page.css",
    "src/wechat_impact/sql/suites/claim_checks.sql",
)
NOT_BUILD_INPUTS = (
    "src/wechat_impact/tools/bench.py",
    "src/wechat_impact/tools/scale.py",
    "src/wechat_impact/tools/synthetic.py",
    "src/wechat_impact/tools/sql/synthetic_sections.sql",
    "tests/test_fingerprint.py",
    "README.md",
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of every file either list names, plus the rest of the package and the dbt parts."""
    for part in ("sources", "seeds", "models", "macros", "tests/dbt", "profiles", "src"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    for name in (*BUILD_INPUTS, *NOT_BUILD_INPUTS):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    return tmp_path


def _append(path: Path) -> None:
    with path.open("ab") as file:
        file.write(b"\n")


@pytest.mark.parametrize("name", BUILD_INPUTS)
def test_an_edit_to_a_build_input_changes_the_hash(project: Path, name: str) -> None:
    before = fingerprint.inputs_sha256(project)
    _append(project / name)
    assert fingerprint.inputs_sha256(project) != before


@pytest.mark.parametrize("name", NOT_BUILD_INPUTS)
def test_an_edit_to_a_tool_or_test_leaves_the_hash(project: Path, name: str) -> None:
    before = fingerprint.inputs_sha256(project)
    _append(project / name)
    assert fingerprint.inputs_sha256(project) == before


def test_compiled_python_is_not_an_input(project: Path) -> None:
    before = fingerprint.inputs_sha256(project)
    cache = project / "src/wechat_impact/__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "pipeline.cpython-311.pyc").write_bytes(b"compiled")
    assert fingerprint.inputs_sha256(project) == before
