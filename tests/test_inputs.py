"""Bad input is refused with one line naming the file, the row and the column: before dbt sees
it wherever a rule can be checked on the files, and by a dbt test that names the seed row where
only the built warehouse shows it. The build then prints no traceback and leaves the published
release byte for byte as it was."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT, overlay, refusal, release_bytes, run_cli
from wechat_impact import extract
from wechat_impact.inputs import check_inputs, load_specs

CORPUS = ROOT / "tests" / "bad_inputs"
MENTIONS_HEADER = (
    "mention_id,figure_id,mention_number,printed_text,qualifying_word,qualifier,value,value_low,"
    "value_high,locator,char_start,char_end,sentence_start,sentence_end,quote,paragraph_number,"
    "sentence_number"
)
FIGURES_HEADER = "figure_id,document_id,measure_id,data_year,label,unit"

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
    "columns out of order (column 8 must be value_low); "
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
    "'USD' is not one of CNY, persons, percent, count, times",
    "claim_document_unknown": "seeds/corpus_claims.csv, row 26, column document_id: "
    "'ecclab_2016_editon' names no document_id in seeds/corpus_documents.csv or "
    "seeds/corpus_document_sources.csv",
    "claim_names_missing_figure": "seeds/corpus_claim_figures.csv, row 17, column figure_id: "
    "'operator_traffic_growth' names no figure_id in seeds/corpus_figures.csv and no "
    "derived_id in seeds/corpus_derivations.csv",
    "source_changed": "seeds/corpus_documents.csv, row 2, column sha256: "
    "sources/wechat-2014-impact-article.txt has sha256 "
    "cc171cb757f2c2080b25af35c1a49ff0a99820f00051ce3f1fded05919cff0ba, not the recorded "
    "a6504d16be4c5668140bc21bfff348d8197cd6cf9ec8c45c870b257d5a2826e0; "
    "the source must stay byte for byte as published",
    "truncated_csv": "seeds/corpus_figure_mentions.csv, row 12, column value: the row ends "
    "early; is the file truncated? Expected Number of Columns: 17 Found: 6",
    "value_outside_interval": "seeds/corpus_figure_mentions.csv, row 15, column value: "
    "value 63 lies outside its interval [52.5, 53.5]",
    "unknown_operation": "seeds/corpus_derivations.csv, row 10, column operation: "
    "'product' names no operation in seeds/corpus_operations.csv",
    "fractional_offset": "seeds/corpus_figure_mentions.csv, row 14, column char_start: "
    "'2287.5' is not a whole number",
    "breakdown_amount_in_percent": "seeds/corpus_breakdown_components.csv, row 4, column "
    "amount_id: 'unexplained_share' is in percent, but its total 'information_consumption' is "
    "in CNY",
    "breakdown_share_in_yuan": "seeds/corpus_breakdown_components.csv, row 2, column share_id: "
    "'data_traffic_amount' is in CNY, but a component's share must be in percent",
    "catalog_not_yaml": "sources/wechat-2014-impact-article.catalog.yml, line 13, column 1: "
    "expected ',' or ']', but got '?'; the file is not valid YAML",
    "catalog_unit_disagrees": "sources/wechat-2014-impact-article.catalog.yml, figure "
    "jobs_driven, key unit: CNY is not its measure's unit, persons",
    "claim_role_not_of_type": "seeds/corpus_claim_figures.csv, row 2, column role: 'part' is "
    "not a role of claim type repeated_mention, which takes figure",
    "claim_share_in_persons": "seeds/corpus_claim_figures.csv, row 4, column figure_id: "
    "'jobs_driven' is in persons, but role share of claim type share_of_total takes percent",
    "claim_units_differ": "seeds/corpus_claim_figures.csv, row 12, column figure_id: "
    "'jobs_driven' is in persons, but 'public_platform_direct_consumption' (row 11) is in CNY; "
    "the same-unit roles of claim type part_of_whole take one unit",
    "claim_without_figures": "seeds/corpus_claims.csv, row 12, column claim_id: "
    "'jobs_printed_again' has no figure in role figure in seeds/corpus_claim_figures.csv; "
    "claim type repeated_mention needs figure",
    "derivation_role_unfilled": "seeds/corpus_derivations.csv, row 3, column derived_id: "
    "'data_traffic_amount' has no figure in role total in seeds/corpus_derivation_inputs.csv; "
    "operation amount_of_share needs share and total",
    "derivation_share_in_persons": "seeds/corpus_derivation_inputs.csv, row 5, column "
    "figure_id: 'jobs_driven' is in persons, but role share of operation amount_of_share takes "
    "percent",
    "derivation_units_differ": "seeds/corpus_derivation_inputs.csv, row 14, column figure_id: "
    "'jobs_driven' is in persons, but 'public_platform_direct_consumption' (row 13) is in CNY; "
    "the same-unit roles of operation share_of take one unit",
    "derivation_without_inputs": "seeds/corpus_derivations.csv, row 11, column derived_id: "
    "'jobs_share_of_consumption' has no figure in role part in "
    "seeds/corpus_derivation_inputs.csv; operation share_of needs part and total",
    "derived_unit_not_yielded": "seeds/corpus_derivations.csv, row 3, column unit: 'percent', "
    "but operation amount_of_share yields CNY (the unit of its total, "
    "'information_consumption')",
    "escape_in_label": "seeds/corpus_derivations.csv, row 5, column label: contains the "
    "control character U+001B; text columns hold printable text only",
    "id_with_space": "seeds/corpus_derivations.csv, row 5, column derived_id: 'unexplained "
    "share' is not an id: ids are lowercase letters, digits and underscores, starting with a "
    "letter",
    "ids_differ_in_case": "seeds/corpus_claims.csv, row 12, column claim_id: 'Jobs_Repeated' "
    "is not an id: ids are lowercase letters, digits and underscores, starting with a letter",
    "nul_in_statement": "seeds/corpus_claims.csv, row 10, column statement: contains the "
    "control character U+0000; text columns hold printable text only",
    "operation_roles_changed": "seeds/corpus_derivation_inputs.csv, row 14, column role: "
    "'total' is not a role of operation share_of, which takes part share",
    "published_role_undeclared": "seeds/corpus_claim_types.csv, row 4, column published_role: "
    "'total' is not one of its role_units (share:percent)",
    "result_unit_unknown": "seeds/corpus_operations.csv, row 7, column result_unit: '%' is not "
    "one of CNY, persons, percent, count, times or same (the unit of its same roles)",
    "role_unit_unknown": "seeds/corpus_operations.csv, row 2, column role_units: 'total:yuan' "
    "is not role:unit, the unit one of CNY, persons, percent, count, times or same",
    "role_without_unit": "seeds/corpus_operations.csv, row 5, column roles: role total has no "
    "unit in role_units",
    "seed_specs_not_yaml": "seeds/_seeds.yml, line 206, column 4: expected <block end>, but "
    "found '<block mapping start>'; the file is not valid YAML",
    "seed_specs_unknown_type": "seeds/_seeds.yml: seed corpus_breakdown_components, column "
    "sort_order: type 'int' is not one of text, identifier, integer, decimal, date",
    "sort_order_too_large": "seeds/corpus_breakdown_components.csv, row 3, column sort_order: "
    "'20000000000000000000000' is too large for a whole number here (at most 2147483647)",
    "too_many_decimals": "seeds/corpus_figure_mentions.csv, row 6, column value_low: "
    "'4.23500000000001' has more than 10 decimal places; the warehouse's decimal(38, 10) would "
    "round it",
    "too_many_fields": "seeds/corpus_figures.csv, row 2, column 7 (after the last column, "
    "unit): the row has more fields than the header's 6; quote a field that contains a comma",
    "unspecified_seed": "seeds/corpus_notes.csv: no specification in seeds/_seeds.yml, so it "
    "would be loaded unchecked; describe it there or remove the file",
    "value_too_large": "seeds/corpus_figure_mentions.csv, row 3, column value: "
    "'9520000000000000000000000000000' is too large for the warehouse's decimal(38, 10): at "
    "most 28 digits before the point",
}
# Well-formed seeds that only the built warehouse shows to be wrong: dbt's tests refuse them,
# and the build names the seed row (wechat_impact.dbt_failures).
REFUSED_BY_DBT = {
    "discrepancy_for_consistent_claim": "seeds/corpus_known_discrepancies.csv, row 3, "
    "column claim_id: claim jobs_repeated is registered as a discrepancy, but it is "
    "consistent; remove the row or correct the figures "
    "(dbt test assert_inconsistent_claims_are_registered)",
    "register_header_only": "seeds/corpus_claims.csv, row 5, column claim_id: claim "
    "data_traffic_share_of_consumption is inconsistent, but seeds/corpus_known_discrepancies.csv "
    "does not register it; add it there with the reason "
    "(dbt test assert_inconsistent_claims_are_registered)",
}
# Malformed in form only: read exactly like the clean file.
ACCEPTED = ("byte_order_mark", "crlf_line_ends")


def test_the_corpus_is_complete() -> None:
    cases = {path.name for path in CORPUS.iterdir() if path.is_dir()}
    assert cases == set(REJECTED) | set(REFUSED_BY_DBT) | set(ACCEPTED)
    assert len(cases) >= 40


def test_the_committed_inputs_pass(project: Path) -> None:
    check_inputs(project)
    assert extract.check(project) == []


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_bad_input_is_rejected_with_one_clear_line(project: Path, case: str) -> None:
    overlay(project, CORPUS / case)
    assert refusal(project) == REJECTED[case]


@pytest.mark.parametrize("case", sorted(REFUSED_BY_DBT))
def test_what_only_the_warehouse_shows_passes_the_input_check(project: Path, case: str) -> None:
    overlay(project, CORPUS / case)
    assert refusal(project) is None


@pytest.mark.parametrize("case", ACCEPTED)
def test_harmless_variants_are_accepted(project: Path, case: str) -> None:
    overlay(project, CORPUS / case)
    check_inputs(project)


def test_every_seed_file_has_a_specification(project: Path) -> None:
    specified = {spec.file for spec in load_specs(project)}
    on_disk = {f"seeds/{path.name}" for path in (project / "seeds").glob("*.csv")}
    assert specified == on_disk


def replace_with_fifo(project: Path) -> None:
    path = project / "seeds" / "corpus_claims.csv"
    path.unlink()
    os.mkfifo(path)


def replace_with_directory(project: Path) -> None:
    path = project / "seeds" / "corpus_claim_figures.csv"
    path.unlink()
    path.mkdir()


def write_an_overlong_statement(project: Path) -> None:
    """A field over the 2,000,000 bytes DuckDB's CSV reader (and dbt's seed loader) takes."""
    path = project / "seeds" / "corpus_claims.csv"
    with path.open("a", encoding="utf-8") as file:
        file.write(
            f"jobs_everywhere,wechat_2014_impact_article,repeated_mention,{'x' * 2_000_001}\n"
        )


def put_a_fifo_among_the_models(project: Path) -> None:
    os.mkfifo(project / "models" / "staging" / "stg_corpus__notes.sql")


# Bad inputs that are not a seed's text, made by a function, and the exact line for each.
MADE = {
    replace_with_fifo: "seeds/corpus_claims.csv: not a regular file (a named pipe); "
    "replace it with the CSV file from git",
    replace_with_directory: "seeds/corpus_claim_figures.csv: not a regular file (a directory); "
    "replace it with the CSV file from git",
    put_a_fifo_among_the_models: "models/staging/stg_corpus__notes.sql: not a regular file "
    "(a named pipe); the build reads only regular files: remove it or restore the file from git",
    write_an_overlong_statement: "seeds/corpus_claims.csv, row 34, column statement: the field "
    "is 2000001 characters long, over the 2000000 bytes a row may have; is a quote never closed?",
}


@pytest.mark.parametrize("make", MADE, ids=lambda make: make.__name__)
def test_a_bad_seed_file_is_refused_without_reading_it(
    project: Path, make: Callable[[Path], None]
) -> None:
    make(project)
    assert refusal(project) == MADE[make]


def refused_build(project: Path) -> str:
    """Run `wechat-impact build` on a broken copy; the one error line it printed."""
    before = release_bytes(project)
    completed = run_cli(project, "build")
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stderr, completed.stderr
    assert completed.stderr.endswith("\nnothing was published\n"), completed.stderr
    assert release_bytes(project) == before
    return completed.stderr.splitlines()[-2].removeprefix("error: ")


@pytest.fixture
def broken_copy(tmp_path: Path, built_project: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(built_project, project, symlinks=True)
    return project


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted({**REJECTED, **REFUSED_BY_DBT}))
def test_make_build_refuses_bad_input_and_publishes_nothing(broken_copy: Path, case: str) -> None:
    overlay(broken_copy, CORPUS / case)
    assert refused_build(broken_copy) == {**REJECTED, **REFUSED_BY_DBT}[case]


@pytest.mark.slow
@pytest.mark.parametrize("make", MADE, ids=lambda make: make.__name__)
def test_make_build_refuses_a_bad_seed_file_and_publishes_nothing(
    broken_copy: Path, make: Callable[[Path], None]
) -> None:
    make(broken_copy)
    assert refused_build(broken_copy) == MADE[make]


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
