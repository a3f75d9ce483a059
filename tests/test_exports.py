"""Exports of a built release: every mart as Parquet and CSV, a manifest that tells the truth
about them, and files that do not change unless the data does."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from wechat_impact import exports

pytestmark = pytest.mark.slow


def copy_of(warehouse: Path, destination: Path) -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(warehouse, destination)
    return destination


def as_another_build(database: Path) -> Path:
    """What a rebuild from the same inputs changes: new release id and times, and (dbt being
    free to) another physical row order."""
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            """
            update marts.build_info
            set release_id = 'another-release', built_at = built_at + interval 1 hour;
            update marts.validation_results
            set run_id = 'another-release', run_at = run_at + interval 1 hour;
            create or replace table marts.figure_mentions as
            select * from marts.figure_mentions order by mention_id desc;
            """
        )
    return database


@pytest.fixture(scope="module")
def release(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_of(warehouse, tmp_path_factory.mktemp("release") / "release.duckdb")


@pytest.fixture(scope="module")
def exported(release: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out_dir = tmp_path_factory.mktemp("exports")
    return out_dir, exports.write_exports(release, out_dir)


def file_bytes(out_dir: Path, manifest: dict, build_specific: bool) -> dict[str, bytes]:
    return {
        entry["file"]: (out_dir / entry["file"]).read_bytes()
        for entry in manifest["files"]
        if entry["build_specific"] == build_specific
    }


def test_every_mart_is_exported_in_both_formats(exported: tuple[Path, dict], release: Path) -> None:
    out_dir, manifest = exported
    with duckdb.connect(str(release), read_only=True) as connection:
        tables = {
            f"marts.{name}"
            for (name,) in connection.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        }
    assert {"marts.build_info", "marts.validation_results", "marts.figures"} <= tables
    listed = {(entry["table"], entry["format"]) for entry in manifest["files"]}
    assert listed == {
        (table, file_format) for table in tables for file_format in ("parquet", "csv")
    }
    assert sorted(path.name for path in out_dir.iterdir()) == sorted(
        [entry["file"] for entry in manifest["files"]] + ["manifest.json"]
    )


def test_manifest_on_disk_is_the_one_returned(exported: tuple[Path, dict]) -> None:
    out_dir, manifest = exported
    assert json.loads((out_dir / "manifest.json").read_text(encoding="utf-8")) == manifest
    assert (
        {entry["table"] for entry in manifest["files"] if entry["build_specific"]}
        == set(manifest["build_specific_tables"])
        == {"marts.build_info", "marts.validation_results"}
    )


def test_manifest_row_counts_are_the_tables(exported: tuple[Path, dict], release: Path) -> None:
    _, manifest = exported
    with duckdb.connect(str(release), read_only=True) as connection:
        for entry in manifest["files"]:
            (count,) = connection.execute(f"select count(*) from {entry['table']}").fetchone()
            assert entry["rows"] == count, entry["file"]
    assert all(entry["rows"] > 0 for entry in manifest["files"])


def test_manifest_checksums_are_the_files(exported: tuple[Path, dict]) -> None:
    out_dir, manifest = exported
    for entry in manifest["files"]:
        content = (out_dir / entry["file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(content).hexdigest(), entry["file"]
        assert entry["bytes"] == len(content)


def test_parquet_holds_the_tables_rows_exactly(exported: tuple[Path, dict], release: Path) -> None:
    out_dir, manifest = exported
    with duckdb.connect(str(release), read_only=True) as connection:
        for entry in manifest["files"]:
            if entry["format"] != "parquet":
                continue
            parquet = str(out_dir / entry["file"])
            for query in (
                f"select * from {entry['table']} except all select * from read_parquet(?)",
                f"select * from read_parquet(?) except all select * from {entry['table']}",
            ):
                assert connection.execute(query, [parquet]).fetchall() == [], entry["file"]


def test_exports_in_the_manifests_order(exported: tuple[Path, dict]) -> None:
    out_dir, manifest = exported
    with duckdb.connect() as connection:
        for entry in manifest["files"]:
            if entry["format"] != "parquet":
                continue
            columns = ", ".join(f'"{column}"' for column in entry["order_by"])
            in_file, sorted_ = (
                connection.execute(query, [str(out_dir / entry["file"])]).fetchall()
                for query in (
                    "select * from read_parquet(?)",
                    f"select * from read_parquet(?) order by {columns}",
                )
            )
            assert in_file == sorted_, entry["file"]


def test_same_database_gives_identical_files(
    exported: tuple[Path, dict], release: Path, tmp_path: Path
) -> None:
    out_dir, manifest = exported
    again = exports.write_exports(release, tmp_path / "again")
    assert again == manifest
    for build_specific in (False, True):
        assert file_bytes(tmp_path / "again", again, build_specific) == file_bytes(
            out_dir, manifest, build_specific
        )


def test_another_build_changes_only_the_build_specific_files(
    exported: tuple[Path, dict], release: Path, tmp_path: Path
) -> None:
    out_dir, manifest = exported
    rebuilt = as_another_build(copy_of(release, tmp_path / "rebuilt.duckdb"))
    other = exports.write_exports(rebuilt, tmp_path / "other")
    assert file_bytes(tmp_path / "other", other, False) == file_bytes(out_dir, manifest, False)
    changed = {
        (mine["table"], mine["format"])
        for mine, theirs in zip(manifest["files"], other["files"], strict=True)
        if mine["sha256"] != theirs["sha256"]
    }
    assert changed == {
        (table, file_format)
        for table in manifest["build_specific_tables"]
        for file_format in ("parquet", "csv")
    }


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_a_spreadsheet_would_run_is_quoted_in_csv_only(
    warehouse: Path, tmp_path: Path, start: str
) -> None:
    database = copy_of(warehouse, tmp_path / "release.duckdb")
    statement = f'{start}HYPERLINK("http://example.invalid")'
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            "update marts.claim_checks set statement = ? where claim_id = 'jobs_repeated'",
            [statement],
        )
    out_dir = tmp_path / "exports"
    exports.write_exports(database, out_dir)
    with duckdb.connect() as reader:
        query = "select statement, published_low from read_{}(?) where claim_id = 'jobs_repeated'"
        from_csv = reader.execute(query.format("csv"), [str(out_dir / "claim_checks.csv")])
        assert from_csv.fetchone() == (f"'{statement}", 10065000)
        from_parquet = reader.execute(
            query.format("parquet"), [str(out_dir / "claim_checks.parquet")]
        )
        assert from_parquet.fetchone()[0] == statement


def test_text_that_only_contains_a_formula_sign_is_unchanged(exported: tuple[Path, dict]) -> None:
    out_dir, _ = exported
    text = (out_dir / "figure_mentions.csv").read_text(encoding="utf-8")
    assert ",20%-25%," in text  # a minus inside the text is no formula
    assert ",'" not in text
