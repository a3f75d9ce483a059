"""Bad seed input is refused before dbt sees it, with one line naming file, row and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT, overlay, run_cli
from wechat_impact.inputs import InputError, check_inputs, load_specs

CORPUS = ROOT / "tests" / "bad_inputs"
MENTIONS_HEADER = (
    "mention_id,figure_id,mention_number,printed_text,qualifier,value,value_low,value_high,"
    "char_start,char_end,sentence_start,sentence_end,quote,paragraph_number,sentence_number"
)
FIGURES_HEADER = "figure_id,document_id,metric,label,period,unit"

# Each malformed input in tests/bad_inputs/<case>/ and the exact line the user sees.
REJECTED = {
    "non_numeric_value": "seeds/corpus_figure_mentions.csv, row 7, column value_low: "
    "'eighty-five' is not a number",
    "empty_file": "seeds/corpus_claims.csv, row 1: the file is empty; it needs the header "
    "claim_id,document_id,claim_type,statement",
    "missing_column": "seeds/corpus_figure_mentions.csv, row 1, column qualifier: "
    f"the column is missing; the header must be {MENTIONS_HEADER}",
    "extra_column": "seeds/corpus_figures.csv, row 1, column notes: unexpected column; "
    f"the header must be {FIGURES_HEADER}",
    "reordered_header": "seeds/corpus_figure_mentions.csv, row 1, column value_high: "
    "columns out of order (column 7 must be value_low); "
    f"the header must be {MENTIONS_HEADER}",
    "duplicate_id": "seeds/corpus_figures.csv, row 15, column figure_id: duplicate figure_id "
    "'share_of_china_information_consumption_2013' (first in row 4)",
    "latin1_bytes": "seeds/corpus_claims.csv, row 4, column statement: "
    "the bytes are not UTF-8 text; save the file as UTF-8",
    "percent_over_100": "seeds/corpus_figure_mentions.csv, row 7, column value: "
    "185.7 percent is over 100",
    "negative_amount": "seeds/corpus_figure_mentions.csv, row 9, column value: "
    "-11000000000 is negative; amounts, counts and shares never are",
    "unknown_unit": "seeds/corpus_figures.csv, row 14, column unit: "
    "'USD' is not one of CNY, persons, percent, count",
    "claim_names_missing_figure": "seeds/corpus_claim_figures.csv, row 17, column figure_id: "
    "'operator_traffic_growth' names no figure_id in seeds/corpus_figures.csv",
    "source_changed": "seeds/corpus_documents.csv, row 2, column sha256: "
    "sources/wechat-2014-impact-article.txt has sha256 "
    "cc171cb757f2c2080b25af35c1a49ff0a99820f00051ce3f1fded05919cff0ba, not the recorded "
    "a6504d16be4c5668140bc21bfff348d8197cd6cf9ec8c45c870b257d5a2826e0; "
    "the source must stay byte for byte as published",
    "truncated_csv": "seeds/corpus_figure_mentions.csv, row 12, column value: the row ends "
    "early; is the file truncated? Expected Number of Columns: 15 Found: 5",
    "value_outside_interval": "seeds/corpus_figure_mentions.csv, row 15, column value: "
    "value 63 lies outside its interval [52.5, 53.5]",
    "unknown_operation": "seeds/corpus_derivations.csv, row 10, column operation: "
    "'product' names no operation in seeds/corpus_operations.csv",
    "fractional_offset": "seeds/corpus_figure_mentions.csv, row 14, column char_start: "
    "'2287.5' is not a whole number",
}
# Malformed in form only: read exactly like the clean file.
ACCEPTED = ("byte_order_mark", "crlf_line_ends")


def test_the_corpus_is_complete() -> None:
    cases = {path.name for path in CORPUS.iterdir() if path.is_dir()}
    assert cases == set(REJECTED) | set(ACCEPTED)
    assert len(cases) >= 15


def test_the_committed_inputs_pass(project: Path) -> None:
    check_inputs(project)


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_bad_input_is_rejected_with_one_clear_line(project: Path, case: str) -> None:
    overlay(project, CORPUS / case)
    with pytest.raises(InputError) as raised:
        check_inputs(project)
    assert str(raised.value) == REJECTED[case]


@pytest.mark.parametrize("case", ACCEPTED)
def test_harmless_variants_are_accepted(project: Path, case: str) -> None:
    overlay(project, CORPUS / case)
    check_inputs(project)


def test_every_seed_file_has_a_specification(project: Path) -> None:
    specified = {spec.file for spec in load_specs(project)}
    on_disk = {f"seeds/{path.name}" for path in (project / "seeds").glob("*.csv")}
    assert specified == on_disk


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(REJECTED))
def test_make_build_refuses_bad_input_and_publishes_nothing(
    tmp_path: Path, built_project: Path, case: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(built_project, project, symlinks=True)
    published = (project / "warehouse" / "current").resolve()
    overlay(project, CORPUS / case)
    completed = run_cli(project, "build")
    assert completed.returncode == 1
    assert f"error: {REJECTED[case]}\nnothing was published\n" in completed.stderr
    assert (project / "warehouse" / "current").resolve() == published


@pytest.mark.slow
@pytest.mark.parametrize("case", ACCEPTED)
def test_harmless_variants_build_the_same_warehouse(
    tmp_path: Path, built_project: Path, case: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(built_project, project, symlinks=True)
    database = project / "warehouse" / "wechat_impact.duckdb"
    before = mart_rows(database)
    overlay(project, CORPUS / case)
    completed = run_cli(project, "build")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("published")
    assert mart_rows(database) == before


def mart_rows(database: Path) -> dict[str, list[tuple]]:
    """The rows of the marts a seed variant could change."""
    with duckdb.connect(str(database), read_only=True) as connection:
        return {
            table: connection.execute(f"select * from marts.{table} order by all").fetchall()
            for table in ("figures", "figure_mentions", "claim_checks", "documents")
        }
