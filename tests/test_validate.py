"""The Great Expectations suites: they pass on a real build, and each one catches a corruption
of its mart with the exact message the pipeline will print, also among a corpus of other rows.

One dbt build per session; every corruption edits a copy of the built file.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import duckdb
import great_expectations.expectations as gxe
import pytest

from conftest import copy_project, dbt_dev, run_dbt_dev
from wechat_impact import validate as validate_module
from wechat_impact.numbers import QUANTITY_TEXT_SQL, plain
from wechat_impact.suites import FIGURES, Interval, printed_interval, printed_intervals
from wechat_impact.validate import failures_message, validate


# Hand-calculated: half a unit of the last significant digit either side, a whole unit for
# "about", one end for "more than" and "up to" (the upper end half a unit above the value, as
# the README's table says), a range its two printed ends.
@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("$4.24%", ("4.24", "4.235", "4.245")),
        ("85.7%", ("85.7", "85.65", "85.75")),
        ("about 8.5%", ("8.5", "8.4", "8.6")),
        ("70%", ("70", "69.5", "70.5")),
        ("20%-25%", (None, "20", "25")),
        ("95 billion 200 million", ("95200000000", "95150000000", "95250000000")),
        ("10 million 70 thousand", ("10070000", "10065000", "10075000")),
        ("more than 600 thousand", ("600000", "600000", None)),
        ("up to 10 million 70 thousand people", ("10070000", None, "10075000")),
    ],
)
def test_a_published_figure_has_the_interval_of_its_printed_precision(
    printed: str, expected: tuple[str | None, ...]
) -> None:
    exact = Interval(*(None if end is None else Decimal(end) for end in expected))
    assert printed_interval(printed, None) == exact


# A cited document prints its qualifying word apart: the same rule, applied to both.
@pytest.mark.parametrize(
    ("printed", "word", "expected"),
    [
        ("952亿", "达到", ("95200000000", "95150000000", "95250000000")),
        ("2.2万亿元", "达到", ("2200000000000", "2150000000000", "2250000000000")),
        ("22%", "约", ("22", "21", "23")),
        ("126億元", "を超え", ("12600000000", "12600000000", None)),
        ("1007万人", "", ("10070000", "10065000", "10075000")),
    ],
)
def test_a_cited_figure_has_the_interval_of_its_printed_words(
    printed: str, word: str, expected: tuple[str | None, ...]
) -> None:
    exact = Interval(*(None if end is None else Decimal(end) for end in expected))
    assert printed_interval(printed, word) == exact


def test_an_unreadable_printed_text_is_a_difference_that_names_the_figure() -> None:
    [row] = printed_intervals([("many", None)])["printed"]
    assert row["printed_text"] == "many"
    assert row["printed_value_and_interval"].startswith("unreadable: not a number: 'many'")


QUANTITY_TEXTS = (
    "85.7",
    "100",
    "0",
    "0.0000000001",
    "-0.5",
    "95200000000",
    "2245283018867.9244808192",
    None,
)


@pytest.mark.parametrize("number", QUANTITY_TEXTS)
def test_quantity_text_in_sql_is_plain(number: str | None) -> None:
    """The figures suite renders the marts' decimals in SQL; they must read as `plain` does."""
    decimal = None if number is None else Decimal(number)
    with duckdb.connect() as connection:
        connection.execute(QUANTITY_TEXT_SQL)
        [(text,)] = connection.execute(
            "select quantity_text(number) from (select cast(? as decimal(38, 10)) as number)",
            [decimal],
        ).fetchall()
    assert text == (None if decimal is None else plain(decimal))


def test_quantity_text_keeps_the_zeros_of_a_whole_number() -> None:
    with duckdb.connect() as connection:
        connection.execute(QUANTITY_TEXT_SQL)
        [(text,)] = connection.execute("select quantity_text(100)").fetchall()
    assert text == "100"


@pytest.mark.slow
def test_the_dbt_macro_quantity_text_is_plain(built_warehouse: Path, tmp_path: Path) -> None:
    """The models print quantities with macros/quantity_text.sql, the same rule in dbt."""
    database = edited_copy(built_warehouse, tmp_path / "copy.duckdb")
    numbers = [number for number in QUANTITY_TEXTS if number is not None]
    rows = ", ".join(f"('{number}')" for number in numbers)
    query = (
        "select number_text, {{ quantity_text('number_text') }} as text"
        f" from (values {rows}) as numbers (number_text)"
    )
    completed = dbt_dev(
        built_warehouse.parent,
        database,
        "--quiet",
        "show",
        "--output",
        "json",
        "--limit",
        "-1",
        "--inline",
        query,
        "--target",
        "dev",
    )
    assert completed.returncode == 0, completed.stdout[-4000:]
    shown = json.loads(completed.stdout[completed.stdout.index("{") :])["show"]
    assert {row["number_text"]: row["text"] for row in shown} == {
        number: plain(Decimal(number)) for number in numbers
    }


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One `dbt build` of a copy of the project, into a file the tests only copy."""
    project = copy_project(tmp_path_factory.mktemp("validate") / "project")
    database = project / "warehouse.duckdb"
    run_dbt_dev(project, database, "build", "--target", "dev")
    # A copy of the .duckdb file alone is the whole warehouse only once dbt checkpointed.
    assert not database.with_name(database.name + ".wal").exists()
    return database


@pytest.fixture
def corrupted(built_warehouse: Path, tmp_path: Path) -> Callable[..., Path]:
    """A copy of the warehouse with the given SQL statements applied."""

    def corrupt(*statements: str) -> Path:
        return edited_copy(built_warehouse, tmp_path / "corrupted.duckdb", *statements)

    return corrupt


def edited_copy(database: Path, copy: Path, *statements: str) -> Path:
    """A copy of the database file with the statements applied."""
    shutil.copy(database, copy)
    with duckdb.connect(str(copy)) as connection:
        for statement in statements:
            connection.execute(statement)
    return copy


# (expectation, column) of every result, per suite, in the order the suite defines them.
EXPECTATIONS = {
    "figures": [
        ("expect_column_pair_values_to_be_equal", "value_and_interval, printed_value_and_interval"),
        ("expect_column_values_to_be_between", "shares_of_total_low_sum_pct"),
        ("expect_column_max_to_be_between", "offending_figures"),
    ],
    "figure_percentages": [
        ("expect_column_values_to_be_between", "value_pct"),
        ("expect_column_values_to_be_between", "value_low_pct"),
        ("expect_column_values_to_be_between", "value_high_pct"),
        ("expect_column_max_to_be_between", "percentages_out_of_range"),
    ],
    "figure_mentions": [
        ("expect_column_min_to_be_between", "repeated_figures"),
        ("expect_column_pair_values_to_be_equal", "max_value, min_value"),
        ("expect_column_pair_values_a_to_be_greater_than_b", "min_high, max_low"),
        ("expect_column_max_to_be_between", "disagreeing_figures"),
    ],
    "claim_checks": [
        ("expect_column_pair_values_to_be_equal", "status, expected_status"),
        ("expect_column_pair_values_to_be_equal", "gap, expected_gap"),
        ("expect_column_values_to_not_be_in_set", "unregistered_status"),
        ("expect_column_values_to_be_in_set", "registered_status"),
        ("expect_column_max_to_be_between", "offending_claims"),
    ],
    "consumption_breakdown": [
        ("expect_column_values_to_be_between", "amount_cny_sum_minus_total_cny"),
        ("expect_column_values_to_be_between", "share_pct_sum_minus_100"),
    ],
}


@pytest.mark.slow
def test_every_suite_passes_on_the_real_warehouse(built_warehouse: Path) -> None:
    results = validate(built_warehouse)

    assert failures_message(results) is None
    assert all(result.success for result in results)
    ran = {
        suite: [(r.expectation, r.column_name) for r in results if r.suite == suite]
        for suite in EXPECTATIONS
    }
    assert ran == EXPECTATIONS
    assert len(results) == sum(map(len, EXPECTATIONS.values()))


@pytest.mark.slow
def test_the_figures_frame_reads_each_printed_text_once(built_warehouse: Path) -> None:
    """The printed words of every figure, read in Python by the one interval rule (each
    distinct text once), and the frame over a sound build: no figure differs from them."""
    assert FIGURES.reference is not None
    with duckdb.connect(str(built_warehouse), read_only=True) as connection:
        connection.execute(QUANTITY_TEXT_SQL)
        printed = connection.execute(FIGURES.reference.query).fetchall()
        parameters = FIGURES.reference.parameters(printed)
        rows = connection.execute(
            f"select offending_figures, figure_id from ({FIGURES.query}) as frame",
            {**FIGURES.parameters, **parameters},
        ).fetchall()

    texts = {
        (item["printed_text"], item["qualifying_word"]): item["printed_value_and_interval"]
        for item in parameters["printed"]
    }
    assert len(texts) == len(printed)
    assert texts["85.7%", None] == "value 85.7, interval [85.65, 85.75]"
    assert texts["more than 600 thousand", None] == "value 600000, interval [600000, null]"
    assert texts["20%-25%", None] == "value null, interval [20, 25]"
    # 2.2万亿元 with 达到 apart: a point figure, half a unit of its last digit (0.1万亿) each side.
    assert (
        texts["2.2万亿元", "达到"] == "value 2200000000000, interval [2150000000000, 2250000000000]"
    )
    assert rows == [(0, None)]


@pytest.mark.slow
def test_data_docs_are_the_only_files_written(
    built_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    validate(built_warehouse, docs_dir=tmp_path / "docs")

    assert [path.name for path in tmp_path.iterdir()] == ["docs"]
    assert (tmp_path / "docs" / "index.html").is_file()
    pages = {page.name for page in (tmp_path / "docs" / "validations").rglob("*.html")}
    assert pages == {f"marts-{suite}.html" for suite in EXPECTATIONS}
    # The suites' pages are built before validation (Validator), the rest after: one site.
    suite_pages = {page.name for page in (tmp_path / "docs" / "expectations").glob("*.html")}
    assert suite_pages == {f"{suite}.html" for suite in EXPECTATIONS}
    index = (tmp_path / "docs" / "index.html").read_text(encoding="utf-8")
    for suite in EXPECTATIONS:
        assert f'href="expectations/{suite}.html"' in index
        assert f"validations/{suite}/" in index


PRINTED_DETAILS = (
    "every printed figure of every document in the marts has, as text, the value and interval its"
    " printed words give (half a unit of the last digit either side, a whole one for about; more"
    " than and up to have one end, a range its two)"
)
COUNTED = "(all are counted; the first 20 by {key} are named by the checks above)"
FIGURES_COUNTED = (
    "figures: expect_column_max_to_be_between on offending_figures failed, observed"
    ' {{"observed": {count}}}; expected no figure differs from its printed words and no shares'
    " of one total exceed it " + COUNTED.format(key="figure_id")
)
CLAIMS_COUNTED = (
    "expected no claim's status or gap disagrees with its intervals or with the register "
    + COUNTED.format(key="claim_id")
)
STATUS_RULE = (
    "expected every claim (a share, a growth rate, a multiple, an average growth, a total, a"
    " figure printed twice, within one document or across documents) has the status its"
    " intervals imply: unverifiable iff nothing is recomputed, inconsistent iff the published"
    " and recomputed intervals cannot meet (or either is empty), consistent otherwise"
)

CORRUPTIONS = {
    "a share pushed over 100": (
        ["update marts.figures set value = 185.7 where figure_id = 'data_traffic_share'"],
        "figures: expect_column_pair_values_to_be_equal on value_and_interval,"
        ' printed_value_and_interval failed, observed {"rows": 1, "unexpected":'
        ' [{"value_and_interval": "value 185.7, interval [85.65, 85.75]", "figure_id":'
        ' "data_traffic_share", "printed_value_and_interval": "value 85.7, interval [85.65,'
        f' 85.75]"}}]}}; expected {PRINTED_DETAILS}\n'
        + FIGURES_COUNTED.format(count=1)
        + "\nfigure_percentages: expect_column_values_to_be_between on value_pct failed, observed"
        ' {"rows": 1, "unexpected": [{"value_pct": "185.7", "figure_id": "data_traffic_share"}]};'
        " expected every percentage's value lies within 0 to 100\n"
        "figure_percentages: expect_column_max_to_be_between on percentages_out_of_range failed,"
        " observed"
        ' {"observed": 1}; expected no percentage lies outside 0 to 100 '
        + COUNTED.format(key="figure_id"),
    ),
    "published shares of one total over 100": (
        ["update marts.figures set value_low = 91.65 where figure_id = 'data_traffic_share'"],
        "figures: expect_column_pair_values_to_be_equal on value_and_interval,"
        ' printed_value_and_interval failed, observed {"rows": 2, "unexpected":'
        ' [{"value_and_interval": "value 85.7, interval [91.65, 85.75]", "figure_id":'
        ' "data_traffic_share", "printed_value_and_interval": "value 85.7, interval [85.65,'
        f' 85.75]"}}]}}; expected {PRINTED_DETAILS}\n'
        "figures: expect_column_values_to_be_between on shares_of_total_low_sum_pct failed,"
        ' observed {"rows": 2, "unexpected": [{"shares_of_total_low_sum_pct":'
        ' "100.05", "figure_id": "data_traffic_share"}, {"shares_of_total_low_sum_pct": "100.05",'
        ' "figure_id": "games_and_public_platform_share"}]}; expected the low ends of the shares'
        " of one total (a parts_of_whole claim's shares) add up to at most 100\n"
        + FIGURES_COUNTED.format(count=2),
    ),
    # One ten-billionth of a yuan: a float cannot hold 95200000000.0000000001, a decimal can.
    "a breakdown amount that no longer adds up": (
        [
            "update marts.consumption_breakdown set amount_cny = amount_cny + 0.0000000001"
            " where component_id = 'not_broken_down'"
        ],
        "consumption_breakdown: expect_column_values_to_be_between on"
        ' amount_cny_sum_minus_total_cny failed, observed {"rows": 1, "unexpected":'
        ' [{"amount_cny_sum_minus_total_cny": "0.0000000001", "total_id":'
        ' "information_consumption"}]}; expected the components\' amount_cny sum to total_cny'
        " exactly (decimal, tolerance 0)",
    ),
    "a repeated mention changed": (
        [
            "update marts.figure_mentions set value = 10170000, value_low = 10165000,"
            " value_high = 10175000 where mention_id = 'jobs_driven__2'"
        ],
        "figure_mentions: expect_column_pair_values_to_be_equal on max_value, min_value failed,"
        ' observed {"rows": 1, "unexpected": [{"max_value": "10170000", "figure_id":'
        ' "jobs_driven", "min_value": "10070000"}]}; expected every mention of a figure prints'
        " the same value\n"
        "figure_mentions: expect_column_pair_values_a_to_be_greater_than_b on min_high, max_low"
        ' failed, observed {"rows": 1, "unexpected": [{"min_high": "10075000", "figure_id":'
        ' "jobs_driven", "max_low": "10165000"}]}; expected the intervals of a figure\'s mentions'
        " intersect: highest low end <= lowest high end\n"
        "figure_mentions: expect_column_max_to_be_between on disagreeing_figures failed,"
        ' observed {"observed": 1}; expected no figure\'s mentions disagree '
        + COUNTED.format(key="figure_id"),
    ),
    "a claim status flipped": (
        ["update marts.claim_checks set status = 'inconsistent' where claim_id = 'jobs_repeated'"],
        "claim_checks: expect_column_pair_values_to_be_equal on status, expected_status failed,"
        ' observed {"rows": 1, "unexpected": [{"status": "inconsistent", "claim_id":'
        f' "jobs_repeated", "expected_status": "consistent"}}]}}; {STATUS_RULE}\n'
        "claim_checks: expect_column_values_to_not_be_in_set on unregistered_status failed,"
        ' observed {"rows": 1, "unexpected": [{"unregistered_status": "inconsistent",'
        ' "claim_id": "jobs_repeated"}]}; expected every inconsistent claim is registered with'
        " its reason\n"
        'claim_checks: expect_column_max_to_be_between on offending_claims failed, observed {"'
        f'observed": 1}}; {CLAIMS_COUNTED}',
    ),
    # The article's 6% gap, one unit of the 10th decimal off: 100 * 86.65 / 95.25 rounded down
    # to 10 decimals is 90.9711286089, and 90.9711286089 - 85.75 = 5.2211286089 (written 5.221128609
    # when one unit more, without its trailing zero).
    "a claim's gap off by one unit of its last decimal": (
        [
            "update marts.claim_checks set gap = gap + 0.0000000001"
            " where claim_id = 'data_traffic_share_of_consumption'"
        ],
        "claim_checks: expect_column_pair_values_to_be_equal on gap, expected_gap failed,"
        ' observed {"rows": 1, "unexpected": [{"gap": "5.221128609", "claim_id":'
        ' "data_traffic_share_of_consumption", "expected_gap": "5.2211286089"}]}; expected an'
        " inconsistent claim's gap is the distance between its two intervals (across an empty"
        " one), in its unit; no other claim has a gap\n"
        'claim_checks: expect_column_max_to_be_between on offending_claims failed, observed {"'
        f'observed": 1}}; {CLAIMS_COUNTED}',
    ),
    "a check across documents unregistered": (
        [
            "update marts.claim_checks set known_discrepancy = false"
            " where claim_id = 'jobs_2015_growth'"
        ],
        "claim_checks: expect_column_values_to_not_be_in_set on unregistered_status failed,"
        ' observed {"rows": 1, "unexpected": [{"unregistered_status": "inconsistent",'
        ' "claim_id": "jobs_2015_growth"}]}; expected every inconsistent claim is registered'
        " with its reason\n"
        'claim_checks: expect_column_max_to_be_between on offending_claims failed, observed {"'
        f'observed": 1}}; {CLAIMS_COUNTED}',
    ),
    # A cited document's figure is checked against its own printed words and qualifying word.
    "a cited figure off its printed text": (
        [
            "update marts.figures set value_high = 2300000000000"
            " where figure_id = 'ykgl_miit_2013__china_information_consumption'"
        ],
        "figures: expect_column_pair_values_to_be_equal on value_and_interval,"
        f' printed_value_and_interval failed, observed {{"rows": 1, "unexpected":'
        ' [{"value_and_interval": "value 2200000000000, interval [2150000000000, 2300000000000]",'
        ' "figure_id": "ykgl_miit_2013__china_information_consumption",'
        ' "printed_value_and_interval": "value 2200000000000, interval [2150000000000,'
        f' 2250000000000]"}}]}}; expected {PRINTED_DETAILS}\n' + FIGURES_COUNTED.format(count=1),
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(("statements", "message"), CORRUPTIONS.values(), ids=CORRUPTIONS)
def test_a_corrupted_mart_fails_with_this_message(
    corrupted: Callable[..., Path], statements: list[str], message: str
) -> None:
    assert failures_message(validate(corrupted(*statements))) == message


# What dbt's tests guard, no suite repeats: a corrupted mart fails `dbt test` with the test
# that names the rule (the build stops there, before validation).
DBT_GUARDS = {
    "a derived value outside its interval": (
        [
            "update marts.derived_figures set value = value_high + 0.0000000001"
            " where derived_id = 'unexplained_share'"
        ],
        "derived_figures",
        "interval_contains_value_derived_figures_value__value_high__value_low",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(("statements", "model", "test"), DBT_GUARDS.values(), ids=DBT_GUARDS)
def test_a_corrupted_mart_fails_this_dbt_test(
    built_warehouse: Path, tmp_path: Path, statements: list[str], model: str, test: str
) -> None:
    corrupted = edited_copy(built_warehouse, tmp_path / "corrupted.duckdb", *statements)
    completed = dbt_dev(
        built_warehouse.parent, corrupted, "test", "--select", model, "--target", "dev"
    )
    assert completed.returncode == 1, completed.stdout[-4000:]
    failed = [line for line in completed.stdout.splitlines() if "FAIL " in line]
    assert len(failed) == 1, completed.stdout[-4000:]
    assert f" {test} " in failed[0]


@pytest.mark.slow
def test_an_expectation_that_raises_inside_gx_is_a_failure(
    built_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = dataclasses.replace(
        FIGURES,
        expectations=(
            gxe.ExpectColumnValuesToBeInSet(
                column="no_such_column", value_set=["x"], meta={"details": "a column that is not"}
            ),
        ),
    )
    monkeypatch.setattr(validate_module, "SUITES", (broken,))

    [result] = validate(built_warehouse)

    assert not result.success
    assert failures_message([result]) == (
        "figures: expect_column_values_to_be_in_set on no_such_column failed, observed raised:"
        ' Error: The column "no_such_column" in BatchData does not exist.; expected a column'
        " that is not"
    )


# --- a corpus: the article among many more rows ------------------------------------------

SYNTHETIC_DOCUMENT = "synthetic_document"
SYNTHETIC_ROWS = 200_000


def _synthetic_interval(number: str) -> tuple[str, str, str]:
    """SQL for a valid value and interval of synthetic row `number`: a percentage's worth,
    (number % 100) + 0.5 with half a unit of its last digit either side."""
    value = f"cast({number} % 100 + 0.5 as decimal(38, 10))"
    return value, f"{value} - 0.05", f"{value} + 0.05"


def add_synthetic_rows(database: Path, rows: int) -> None:
    """Put `rows` valid rows for a second document into each of marts.figures (half of them
    percentages), figure_mentions (every figure printed twice, alike), derived_figures and
    claim_checks (consistent, or unverifiable with nothing recomputed): the marts as a corpus
    fills them, made by SQL without dbt."""
    value, low, high = _synthetic_interval("number")
    mention_value, mention_low, mention_high = _synthetic_interval("number // 2")
    numbers = "from range(?) as numbers (number)"
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            "insert into marts.documents (document_id, title, sha256, char_count)"
            " values (?, 'a synthetic corpus', 'synthetic', 0)",
            [SYNTHETIC_DOCUMENT],
        )
        connection.execute(
            "insert into marts.figures (figure_id, document_id, data_year, label, unit,"
            " value, value_low, value_high, qualifier, printed_text, mention_count)"
            f" select 'synthetic_figure_' || number, ?, 2014, 'synthetic',"
            f" case when number % 2 = 0 then 'percent' else 'count' end, {value}, {low}, {high},"
            f" 'exact', cast(number % 100 + 0.5 as varchar), 2 {numbers}",
            [SYNTHETIC_DOCUMENT, rows],
        )
        connection.execute(
            "insert into marts.figure_mentions (mention_id, figure_id, mention_number,"
            " printed_text, qualifier, value, value_low, value_high)"
            " select 'synthetic_mention_' || number, 'synthetic_figure_' || number // 2,"
            f" number % 2 + 1, cast({mention_value} as varchar), 'exact', {mention_value},"
            f" {mention_low}, {mention_high} {numbers}",
            [rows],
        )
        connection.execute(
            "insert into marts.derived_figures (derived_id, document_id, operation, formula,"
            " unit, value, value_low, value_high)"
            " select 'synthetic_derived_' || number, ?, 'share_of', 'synthetic', 'percent',"
            f" {value}, {low}, case when number % 10 <> 0 then {high} end {numbers}",
            [SYNTHETIC_DOCUMENT, rows],
        )
        connection.execute(
            "insert into marts.claim_checks (claim_id, claim_type, published_value,"
            " published_low, published_high, recomputed_low, recomputed_high, status,"
            " known_discrepancy)"
            " select 'synthetic_claim_' || number, 'repeated_mention',"
            f" {value}, {low}, {high},"
            f" case when number % 10 <> 0 then {low} + 0.01 end,"
            f" case when number % 10 <> 0 then {high} + 0.01 end,"
            " case when number % 10 <> 0 then 'consistent' else 'unverifiable' end, false"
            f" {numbers}",
            [rows],
        )


@pytest.fixture(scope="session")
def corpus_warehouse(built_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built warehouse with SYNTHETIC_ROWS more rows in each row-level mart."""
    corpus = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    shutil.copy(built_warehouse, corpus)
    add_synthetic_rows(corpus, SYNTHETIC_ROWS)
    return corpus


@pytest.mark.slow
def test_a_corpus_passes_and_a_corrupted_row_in_it_is_named(
    corpus_warehouse: Path, tmp_path: Path
) -> None:
    with duckdb.connect(str(corpus_warehouse), read_only=True) as connection:
        counts = connection.execute(
            "select (select count(*) from marts.figures), (select count(*) from"
            " marts.figure_mentions), (select count(*) from marts.derived_figures),"
            " (select count(*) from marts.claim_checks)"
        ).fetchall()
    # The article's 13 figures printed 16 times, the cited documents' 89 once each; 32 claims.
    assert counts == [
        (
            13 + 89 + SYNTHETIC_ROWS,
            16 + 89 + SYNTHETIC_ROWS,
            9 + SYNTHETIC_ROWS,
            32 + SYNTHETIC_ROWS,
        )
    ]
    assert failures_message(validate(corpus_warehouse)) is None

    corrupted = edited_copy(
        corpus_warehouse,
        tmp_path / "corrupted.duckdb",
        "update marts.figure_mentions set value = value + 1"
        " where mention_id = 'synthetic_mention_123457'",
    )

    assert failures_message(validate(corrupted)) == (
        "figure_mentions: expect_column_pair_values_to_be_equal on max_value, min_value failed,"
        ' observed {"rows": 1, "unexpected": [{"max_value": "29.5", "figure_id":'
        ' "synthetic_figure_61728", "min_value": "28.5"}]}; expected every mention of a figure'
        " prints the same value\n"
        "figure_mentions: expect_column_max_to_be_between on disagreeing_figures failed,"
        ' observed {"observed": 1}; expected no figure\'s mentions disagree '
        + COUNTED.format(key="figure_id")
    )
