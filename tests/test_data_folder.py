"""data/: the public marts as CSV with a Frictionless datapackage.json, committed, equal to
what a fresh build writes, and valid by the `frictionless` library's own checks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from frictionless import validate

from conftest import ROOT, run_cli
from wechat_impact import data_folder, datapackage, exports

DATA = ROOT / data_folder.DATA_DIR


def package(data_dir: Path = DATA) -> dict:
    return json.loads((data_dir / data_folder.DESCRIPTOR).read_text(encoding="utf-8"))


def fields(resource: str) -> dict[str, dict]:
    (found,) = [entry for entry in package()["resources"] if entry["name"] == resource]
    return {field["name"]: field for field in found["schema"]["fields"]}


def test_committed_package_is_valid_by_frictionless() -> None:
    report = validate(DATA / data_folder.DESCRIPTOR)
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "message"])


def test_frictionless_finds_a_figure_that_is_not_a_number(tmp_path: Path) -> None:
    broken = shutil.copytree(DATA, tmp_path / "data")
    figures = broken / "figures.csv"
    header, *rows = figures.read_text(encoding="utf-8").splitlines()
    value = header.split(",").index("value")
    first = rows[0].split(",")
    first[value] = "ninety-five"
    figures.write_text("\n".join([header, ",".join(first), *rows[1:]]) + "\n", encoding="utf-8")
    report = validate(broken / data_folder.DESCRIPTOR)
    errors = report.flatten(["fieldName", "type"])
    assert [error for error in errors if error[1] == "type-error"] == [["value", "type-error"]]


def test_every_resource_carries_keys_sources_licence_and_described_fields() -> None:
    descriptor = package()
    assert descriptor["licenses"] and descriptor["sources"]
    for resource in descriptor["resources"]:
        assert resource["path"] == f"{resource['name']}.csv"
        assert resource["schema"]["primaryKey"], resource["name"]
        assert resource["licenses"] == descriptor["licenses"]
        assert resource["sources"] == descriptor["sources"]
        assert resource["description"], resource["name"]
        for field in resource["schema"]["fields"]:
            assert field["description"].strip(), f"{resource['name']}.{field['name']}"


def test_units_come_from_column_names_or_the_rows_unit_column() -> None:
    breakdown = fields("consumption_breakdown")
    assert breakdown["amount_cny_low"]["unit"] == "CNY (yuan)"
    assert breakdown["share_pct"]["unit"] == "percent points (0 to 100)"
    figures = fields("figures")
    assert figures["value_high"]["unit"] == datapackage.ROW_UNIT
    assert "unit" not in figures["char_start"]
    assert "unit" not in figures["label"]


def test_types_follow_the_contracts() -> None:
    figures = fields("figures")
    assert figures["value"]["type"] == "number"
    assert figures["value"]["description"].endswith(datapackage.DECIMAL_NOTE)
    assert figures["char_start"]["type"] == "integer"
    assert figures["figure_id"]["type"] == "string"
    assert figures["figure_id"]["constraints"] == {"required": True}


def test_a_type_with_no_frictionless_type_names_table_and_column() -> None:
    with pytest.raises(datapackage.PackageError) as raised:
        datapackage.field_for("figures", "seen_at", "TIMESTAMP WITH TIME ZONE", "", True, False)
    assert str(raised.value) == (
        "marts.figures, column seen_at: DuckDB type TIMESTAMP WITH TIME ZONE has no "
        "Frictionless type in wechat_impact.datapackage.FIELD_TYPES; add one"
    )


def exports_with(tmp_path: Path, files: dict[str, str]) -> Path:
    """An exports folder with a package listing `files`, plus one file it does not list."""
    folder = tmp_path / "exports"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "build_info.csv").write_text("not in the package\n", encoding="utf-8")
    resources = [{"name": name.removesuffix(".csv"), "path": name} for name in files]
    (folder / data_folder.DESCRIPTOR).write_text(json.dumps({"resources": resources}))
    return folder


def test_sync_writes_the_package_and_removes_what_it_does_not_list(tmp_path: Path) -> None:
    folder = exports_with(tmp_path, {"a.csv": "x\n1\n", "b.csv": "y\n2\n"})
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.csv").write_text("x\n0\n", encoding="utf-8")
    (data / "old.csv").write_text("gone\n", encoding="utf-8")
    assert data_folder.sync(folder, data) == [
        "data/datapackage.json is missing",
        "data/b.csv is missing",
        "data/a.csv differs from the build's",
        "data/old.csv is not in the build's package",
    ]
    assert sorted(path.name for path in data.iterdir()) == ["a.csv", "b.csv", "datapackage.json"]
    assert (data / "a.csv").read_text(encoding="utf-8") == "x\n1\n"
    assert data_folder.sync(folder, data) == []


@pytest.mark.slow
def test_committed_data_is_what_a_fresh_build_writes(built_project: Path) -> None:
    fresh = built_project / "warehouse" / "exports"
    problems = data_folder.differences(fresh, DATA)
    assert not problems, "; ".join(problems) + f": {data_folder.REGENERATE}"
    assert data_folder.differences(fresh, built_project / data_folder.DATA_DIR) == []


@pytest.mark.slow
def test_the_package_lists_every_public_mart(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        marts = {
            name
            for (name,) in connection.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        }
    listed = {resource["name"] for resource in package()["resources"]}
    assert listed == marts - set(exports.BUILD_SPECIFIC_TABLES)
    assert "figures" in listed


@pytest.mark.slow
def test_a_build_with_nothing_to_do_restores_data(built_project: Path, tmp_path: Path) -> None:
    project = shutil.copytree(built_project, tmp_path / "project", symlinks=True)
    (project / "data" / "figures.csv").unlink()
    completed = run_cli(project, "build")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("warehouse is up to date")
    assert completed.stdout.rstrip().endswith("; updated data/ (1 of its files had changed)")
    assert data_folder.differences(project / "warehouse" / "exports", project / "data") == []
