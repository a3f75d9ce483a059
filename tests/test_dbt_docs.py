"""dbt's documentation: every model and column described, and `make docs` serves it.

The generated catalog (what the warehouse really has) is compared with the
manifest (what the YAML describes), so a column added to a model without a
description fails here.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import run_dbt_dev
from wechat_impact import dbt_run

pytestmark = pytest.mark.slow

# Columns the role_columns macro generates, <role>_<measure>, described once in
# macros/_macros.yml and in each pivot model's description rather than one by one.
PIVOTED = re.compile(r"^[a-z_]+_(count|value|low|high|text)$")
PIVOT_MODELS = {"int_derivation_inputs_pivoted"}


@pytest.fixture(scope="module")
def dbt_docs(built_project: Path) -> Path:
    """`dbt docs generate` against a dev build in the built project copy."""
    database = built_project / "warehouse" / "dev.duckdb"
    run_dbt_dev(built_project, database, "build")
    run_dbt_dev(built_project, database, "docs", "generate")
    return built_project / "target"


def test_every_model_and_column_is_described(dbt_docs: Path) -> None:
    manifest = json.loads((dbt_docs / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((dbt_docs / "catalog.json").read_text(encoding="utf-8"))
    undescribed = []
    for unique_id, node in manifest["nodes"].items():
        if node["resource_type"] not in {"model", "seed"}:
            continue
        if not node["description"].strip():
            undescribed.append(unique_id)
        described = {
            name for name, column in node["columns"].items() if column["description"].strip()
        }
        for column in catalog["nodes"][unique_id]["columns"]:
            if node["name"] in PIVOT_MODELS and PIVOTED.match(column):
                continue
            if column not in described:
                undescribed.append(f"{unique_id}.{column}")
    assert undescribed == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_docs_serves_the_site_on_localhost(dbt_docs: Path, built_project: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [
            *(dbt_run.dbt_executable(), "docs", "serve", "--no-browser"),
            *("--host", "127.0.0.1", "--port", str(port)),
        ],
        cwd=built_project,
        env=dbt_run.dbt_environment(built_project),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline, "dbt docs serve did not answer"
                time.sleep(0.5)
        assert "dbt" in page.lower()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/manifest.json") as response:
            assert "model.wechat_impact.figures" in json.loads(response.read())["nodes"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_makefile_docs_target_runs_those_commands() -> None:
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\ndocs:", 1)[1].split("\n\n", 1)[0]
    assert "dbt docs generate" in target
    assert "dbt docs serve --host 127.0.0.1 --port 8080" in target
