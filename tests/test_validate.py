"""The Great Expectations suites: they pass on a real build, and each one catches a corruption
of its mart with the exact message the pipeline will print.

One dbt build per session; every corruption edits a copy of the built file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import duckdb
import great_expectations.expectations as gxe
import pytest

from conftest import copy_project
from wechat_impact import validate as validate_module
from wechat_impact.suites import Interval, Suite, printed_interval
from wechat_impact.validate import failures_message, validate

DBT = Path(sys.executable).with_name("dbt")


@pytest.mark.parametrize(
    ("printed", "qualifier", "scale", "expected"),
    [
        ("4.24", "exact", 1, ("4.24", "4.235", "4.245")),
        ("85.7", "exact", 1, ("85.7", "85.65", "85.75")),
        ("8.5", "about", 1, ("8.5", "8.4", "8.6")),
        ("70", "exact", 1, ("70", "69.5", "70.5")),
        ("20-25", "range", 1, (None, "20", "25")),
        ("95.2", "exact", 10**9, ("95200000000", "95150000000", "95250000000")),
        ("10.07", "exact", 10**6, ("10070000", "10065000", "10075000")),
        ("600", "more_than", 10**3, ("600000", "600000", None)),
        ("10.07", "up_to", 10**6, ("10070000", None, "10070000")),
    ],
)
def test_printed_interval_comes_from_the_printed_precision(
    printed: str, qualifier: str, scale: int, expected: tuple[str | None, ...]
) -> None:
    exact = Interval(*(None if end is None else Decimal(end) for end in expected))
    assert printed_interval(printed, qualifier, Decimal(scale)) == exact


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One `dbt build` of a copy of the project, into a file the tests only copy."""
    project = copy_project(tmp_path_factory.mktemp("validate") / "project")
    database = project / "warehouse.duckdb"
    environment = {
        **os.environ,
        "DBT_PROFILES_DIR": str(project / "profiles"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        "WECHAT_IMPACT_DEV_PATH": str(database),
    }
    completed = subprocess.run(
        [str(DBT), "build", "--target", "dev"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-4000:]
    # A copy of the .duckdb file alone is the whole warehouse only once dbt checkpointed.
    assert not database.with_name(database.name + ".wal").exists()
    return database


@pytest.fixture
def corrupted(built_warehouse: Path, tmp_path: Path) -> Callable[..., Path]:
    """A copy of the warehouse with the given SQL statements applied."""

    def corrupt(*statements: str) -> Path:
        copy = tmp_path / "corrupted.duckdb"
        shutil.copy(built_warehouse, copy)
        with duckdb.connect(str(copy)) as connection:
            for statement in statements:
                connection.execute(statement)
        return copy

    return corrupt


# (suite, expectation, column) that must be among the results, per suite.
NAMED = {
    "figures": {
        ("expect_column_distinct_values_to_contain_set", "figure_id"),
        ("expect_column_values_to_be_in_set", "value_and_interval"),
        ("expect_column_values_to_be_between", "value"),
        ("expect_column_values_to_be_between", "value_low"),
        ("expect_column_values_to_be_between", "value_high"),
        ("expect_column_values_to_be_between", "shares_of_total_low_sum_pct"),
    },
    "figure_mentions": {
        ("expect_table_row_count_to_be_between", None),
        ("expect_column_pair_values_to_be_equal", "max_value, min_value"),
        ("expect_column_pair_values_a_to_be_greater_than_b", "min_high, max_low"),
    },
    "derived_figures": {
        ("expect_column_pair_values_a_to_be_greater_than_b", "value, value_low"),
        ("expect_column_pair_values_a_to_be_greater_than_b", "value_high, value"),
        ("expect_column_pair_values_a_to_be_greater_than_b", "value_high, value_low"),
    },
    "claim_checks": {
        ("expect_column_values_to_be_in_set", "status"),
        ("expect_column_pair_values_to_be_equal", "status, expected_status"),
        ("expect_column_values_to_be_in_set", "claim_id"),
        ("expect_column_distinct_values_to_contain_set", "claim_id"),
    },
    "consumption_breakdown": {
        ("expect_column_distinct_values_to_contain_set", "total_id"),
        ("expect_column_values_to_be_between", "amount_cny_sum_minus_total_cny"),
        ("expect_column_values_to_be_between", "share_pct_sum_minus_100"),
    },
}
# figures: presence, one interval per published figure (12), three 0-100 bounds, the share sum.
COUNTS = {
    "figures": 17,
    "figure_mentions": 3,
    "derived_figures": 3,
    "claim_checks": 4,
    "consumption_breakdown": 3,
}


@pytest.mark.slow
def test_every_suite_passes_on_the_real_warehouse(built_warehouse: Path) -> None:
    results = validate(built_warehouse)

    assert failures_message(results) is None
    assert all(result.success for result in results)
    for suite, named in NAMED.items():
        ran = [(r.expectation, r.column_name) for r in results if r.suite == suite]
        assert named <= set(ran), suite
        assert len(ran) == COUNTS[suite], suite
    details = {r.details for r in results}
    assert "data_traffic_share printed as 85.7% has value 85.7, interval [85.65, 85.75]" in details
    assert (
        "individual_entrepreneurial_activities printed as more than 600 thousand "
        "has value 600000, interval [600000, null]"
    ) in details


@pytest.mark.slow
def test_data_docs_are_the_only_files_written(
    built_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    validate(built_warehouse, docs_dir=tmp_path / "docs")

    assert [path.name for path in tmp_path.iterdir()] == ["docs"]
    assert (tmp_path / "docs" / "index.html").is_file()
    pages = {page.name for page in (tmp_path / "docs" / "validations").rglob("*.html")}
    assert pages == {f"marts-{suite}.html" for suite in NAMED}


CORRUPTIONS = {
    "a share pushed over 100": (
        ["update marts.figures set value = 185.7 where figure_id = 'data_traffic_share'"],
        'figures: expect_column_values_to_be_in_set on value_and_interval failed, observed {"rows":'
        ' 1, "unexpected": [{"value_and_interval": "value 185.7, interval [85.65, 85.75]",'
        ' "figure_id": "data_traffic_share"}]}; expected data_traffic_share printed as 85.7% has'
        " value 85.7, interval [85.65, 85.75]\n"
        'figures: expect_column_values_to_be_between on value failed, observed {"rows": 6,'
        ' "unexpected": [{"value": "185.7", "figure_id": "data_traffic_share"}]}; expected every'
        " percentage's value lies within 0 to 100",
    ),
    "published shares of one total over 100": (
        ["update marts.figures set value_low = 91.65 where figure_id = 'data_traffic_share'"],
        'figures: expect_column_values_to_be_in_set on value_and_interval failed, observed {"rows":'
        ' 1, "unexpected": [{"value_and_interval": "value 85.7, interval [91.65, 85.75]",'
        ' "figure_id": "data_traffic_share"}]}; expected data_traffic_share printed as 85.7% has'
        " value 85.7, interval [85.65, 85.75]\n"
        "figures: expect_column_values_to_be_between on shares_of_total_low_sum_pct failed,"
        ' observed {"rows": 13, "unexpected": [{"shares_of_total_low_sum_pct": "100.05",'
        ' "figure_id": "data_traffic_share"}, {"shares_of_total_low_sum_pct": "100.05",'
        ' "figure_id": "games_and_public_platform_share"}]}; expected the low ends of the shares'
        " of one total add up to at most 100: data_traffic_share + games_and_public_platform_share"
        " of information_consumption",
    ),
    # One ten-billionth of a yuan: a float cannot hold 95200000000.0000000001, a Decimal can.
    "a breakdown amount that no longer adds up": (
        [
            "update marts.consumption_breakdown set amount_cny = amount_cny + 0.0000000001"
            " where component_id = 'not_broken_down'"
        ],
        "consumption_breakdown: expect_column_values_to_be_between on"
        ' amount_cny_sum_minus_total_cny failed, observed {"rows": 1, "unexpected":'
        ' [{"amount_cny_sum_minus_total_cny": "0.0000000001", "total_id":'
        ' "information_consumption"}]}; expected the components\' amount_cny sum to total_cny'
        " exactly (Decimal, tolerance 0)",
    ),
    "a repeated mention changed": (
        [
            "update marts.figure_mentions set value = 10170000, value_low = 10165000,"
            " value_high = 10175000 where mention_id = 'jobs_driven__2'"
        ],
        "figure_mentions: expect_column_pair_values_to_be_equal on max_value, min_value failed,"
        ' observed {"rows": 2, "unexpected": [{"max_value": "10170000", "figure_id":'
        ' "jobs_driven", "min_value": "10070000"}]}; expected every mention of a figure prints'
        " the same value\n"
        "figure_mentions: expect_column_pair_values_a_to_be_greater_than_b on min_high, max_low"
        ' failed, observed {"rows": 2, "unexpected": [{"min_high": "10075000", "figure_id":'
        ' "jobs_driven", "max_low": "10165000"}]}; expected the intervals of a figure\'s mentions'
        " intersect: highest low end <= lowest high end",
    ),
    "a derived value outside its interval": (
        [
            "update marts.derived_figures set value = value_high + 0.0000000001"
            " where derived_id = 'unexplained_share'"
        ],
        "derived_figures: expect_column_pair_values_a_to_be_greater_than_b on value_high, value"
        ' failed, observed {"rows": 9, "unexpected": [{"value_high": "5.95", "derived_id":'
        ' "unexplained_share", "value": "5.9500000001"}]}; expected every derived value is at'
        " most its interval's high end",
    ),
    "the discrepancy register out of date": (
        [
            "delete from raw.report_known_discrepancies"
            " where claim_id = 'data_traffic_share_of_consumption'",
            "insert into raw.report_known_discrepancies values ('jobs_repeated', 'registered')",
        ],
        'claim_checks: expect_column_values_to_be_in_set on claim_id failed, observed {"rows": 1,'
        ' "unexpected": [{"claim_id": "data_traffic_share_of_consumption"}]}; expected every'
        " inconsistent claim is registered in raw.report_known_discrepancies (an unexpected"
        " claim_id is an undocumented inconsistency)\n"
        "claim_checks: expect_column_distinct_values_to_contain_set on claim_id failed, observed"
        ' {"missing": ["jobs_repeated"]}; expected every discrepancy registered in'
        " raw.report_known_discrepancies still occurs (a missing claim_id is registered but no"
        " longer inconsistent)",
    ),
    "a claim status flipped": (
        ["update marts.claim_checks set status = 'inconsistent' where claim_id = 'jobs_repeated'"],
        "claim_checks: expect_column_pair_values_to_be_equal on status, expected_status failed,"
        ' observed {"rows": 10, "unexpected": [{"status": "inconsistent", "claim_id":'
        ' "jobs_repeated", "expected_status": "consistent"}]}; expected status agrees with the'
        " intervals: unverifiable iff nothing is recomputed, inconsistent iff the published and"
        " recomputed intervals cannot meet (or the recomputed one is empty), consistent"
        " otherwise\n"
        'claim_checks: expect_column_values_to_be_in_set on claim_id failed, observed {"rows": 2,'
        ' "unexpected": [{"claim_id": "jobs_repeated"}]}; expected every inconsistent claim is'
        " registered in raw.report_known_discrepancies (an unexpected claim_id is an undocumented"
        " inconsistency)",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(("statements", "message"), CORRUPTIONS.values(), ids=CORRUPTIONS)
def test_a_corrupted_mart_fails_with_this_message(
    corrupted: Callable[..., Path], statements: list[str], message: str
) -> None:
    assert failures_message(validate(corrupted(*statements))) == message


@pytest.mark.slow
def test_an_expectation_that_raises_inside_gx_is_a_failure(
    built_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = Suite(
        name="figures",
        relation="marts.figures",
        key="figure_id",
        frame=lambda figures: figures,
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
