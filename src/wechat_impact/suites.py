"""The Great Expectations suites over the finished marts, defined in Python.

Suites live here as code, not in GX's JSON store: a file context writes random ids on every
save (churn in git) and refuses to `add` twice, while these definitions are plain, reviewed
Python that an ephemeral context takes as they are.

Each suite is one DuckDB query over the marts (a file in sql/suites/, linted by `make lint`)
and the expectations GX asserts on its result. The query does the set work (joins, groups,
sums, recomputed statuses) in exact decimal(38, 10) arithmetic and returns a small frame
whatever the size of the marts: one row per printed figure of every document, one row per
broken-down total, and for rules that every row must keep only the rows that break them (the
first LISTED by key, so a failure names them) with their number. GX then checks those few
rows; its pandas path never sees a whole mart, and no expectation needs a row_condition
(pandas `DataFrame.query`, most of the old validation time). No tolerance is used anywhere:
the intervals come from the printed precision (numbers.parse_number, the one interval rule),
and sums must match to the last digit.

The suites assert the printed numbers: every document's figures, percentages, repeated
mentions, claim statuses, and sums. Structure (keys, relations, accepted values, an interval
holding its value) is dbt's, and so is the register of known discrepancies against the claim
statuses (a dbt test that names the seed row to fix). The claim_checks suite asserts the
published side of that rule too: marts.claim_checks publishes known_discrepancy, which only
the suite sees after the build.

Imports from this package only numbers (a leaf), besides GX.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import great_expectations.expectations as gxe

from wechat_impact.numbers import NumberError, parse_number, parse_qualified, plain

SQL = Path(__file__).parent / "sql"

# Rows that break a rule, listed per suite: as many as a GX failure summary shows.
LISTED = 20


@dataclass(frozen=True)
class Interval:
    """A printed figure's value and the interval its printing allows (None = no such end)."""

    value: Decimal | None
    low: Decimal | None
    high: Decimal | None

    def __str__(self) -> str:
        value, low, high = (_text(end) for end in (self.value, self.low, self.high))
        return f"value {value}, interval [{low}, {high}]"


def _text(number: Decimal | None) -> str:
    """numbers.plain, and 'null' for a missing end (the figures query writes the same)."""
    return "null" if number is None else plain(number)


def printed_interval(printed_text: str, qualifying_word: str | None) -> Interval:
    """The value and interval a figure's printed words give under the one interval rule: the
    printed text alone where no qualifying word is printed apart (the article prints its
    qualifier in the text), else the two read together, as the extractor reads them."""
    if qualifying_word is None:
        number = parse_number(printed_text)
    else:
        number = parse_qualified(printed_text, qualifying_word)
    return Interval(number.value, number.low, number.high)


def printed_intervals(rows: Sequence[tuple[str, str | None]]) -> Mapping[str, object]:
    """The figures query's $printed: for each (printed_text, qualifying_word) the text of
    printed_interval, or why the printed text cannot be read (which the suite then shows as a
    difference, naming each figure printed so)."""
    printed = []
    for printed_text, qualifying_word in rows:
        try:
            text = str(printed_interval(printed_text, qualifying_word))
        except NumberError as error:
            text = f"unreadable: {error}"
        printed.append(
            {
                "printed_text": printed_text,
                "qualifying_word": qualifying_word,
                "printed_value_and_interval": text,
            }
        )
    return {"printed": printed}


@dataclass(frozen=True)
class Reference:
    """Bound parameters worked out in Python from rows of the marts: the rows of
    sql/suites/<name>.sql, given to `parameters`."""

    name: str
    parameters: Callable[[Sequence[tuple[str, str | None]]], Mapping[str, object]]

    @property
    def query(self) -> str:
        return (SQL / "suites" / f"{self.name}.sql").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Suite:
    """One GX suite: the query that makes its frame, the column that names a row of the frame
    in failures, and what GX expects of the frame."""

    name: str  # names its results and its Data Docs page, and its query: sql/suites/<name>.sql
    key: str
    expectations: tuple[gxe.Expectation, ...]
    parameters: Mapping[str, object] = field(default_factory=dict)
    # More parameters, read from the marts and worked out in Python before the query runs.
    reference: Reference | None = None

    @property
    def query(self) -> str:
        """DuckDB SQL over the warehouse, with $named parameters; run numbers.QUANTITY_TEXT_SQL
        on the connection first, for the macro quantity_text."""
        return (SQL / "suites" / f"{self.name}.sql").read_text(encoding="utf-8")


def _is(expectation: type[gxe.Expectation], details: str, **kwargs: object) -> gxe.Expectation:
    """An expectation that carries its assertion in words, for reports and Data Docs."""
    return expectation(meta={"details": details}, **kwargs)


def _at_least(column_a: str, column_b: str, details: str) -> gxe.Expectation:
    """column_a >= column_b on every row where both are present (a missing end is open)."""
    return _is(
        gxe.ExpectColumnPairValuesAToBeGreaterThanB,
        details,
        column_A=column_a,
        column_B=column_b,
        or_equal=True,
        ignore_row_if="either_value_is_missing",
    )


def _equal(column_a: str, column_b: str, details: str) -> gxe.Expectation:
    """column_a == column_b exactly; one side missing is a difference, both missing is not."""
    return _is(
        gxe.ExpectColumnPairValuesToBeEqual,
        details,
        column_A=column_a,
        column_B=column_b,
        ignore_row_if="both_values_are_missing",
    )


def _exactly_zero(column: str, details: str) -> gxe.Expectation:
    return _is(gxe.ExpectColumnValuesToBeBetween, details, column=column, min_value=0, max_value=0)


def _none_counted(count_column: str, key: str, rule: str) -> gxe.Expectation:
    """The number of rows that break a rule is 0. The frame repeats the number on every row, so
    its maximum is the number: a failure says how many there are in all, while the suite's
    other expectations name the first LISTED, the rows the frame holds."""
    return _is(
        gxe.ExpectColumnMaxToBeBetween,
        f"{rule} (all are counted; the first {LISTED} by {key} are named by the checks above)",
        column=count_column,
        min_value=0,
        max_value=0,
    )


# --- figures -------------------------------------------------------------------------------


FIGURES = Suite(
    "figures",
    "figure_id",
    (
        _equal(
            "value_and_interval",
            "printed_value_and_interval",
            "every printed figure of every document in the marts has, as text, the value and"
            " interval its printed words give (half a unit of the last digit either side, a whole"
            " one for about; more than and up to have one end, a range its two)",
        ),
        _is(
            gxe.ExpectColumnValuesToBeBetween,
            "the low ends of the shares of one total (a parts_of_whole claim's shares) add up to"
            " at most 100",
            column="shares_of_total_low_sum_pct",
            max_value=100,
        ),
        _none_counted(
            "offending_figures",
            "figure_id",
            "no figure differs from its printed words and no shares of one total exceed it",
        ),
    ),
    parameters={"listed": LISTED},
    reference=Reference("printed_texts", printed_intervals),
)


# --- figure_percentages --------------------------------------------------------------------

FIGURE_PERCENTAGES = Suite(
    "figure_percentages",
    "figure_id",
    (
        *(
            _is(
                gxe.ExpectColumnValuesToBeBetween,
                f"every percentage's {column} lies within 0 to 100",
                column=f"{column}_pct",
                min_value=0,
                max_value=100,
            )
            for column in ("value", "value_low", "value_high")
        ),
        _none_counted(
            "percentages_out_of_range", "figure_id", "no percentage lies outside 0 to 100"
        ),
    ),
    parameters={"listed": LISTED},
)


# --- figure_mentions -----------------------------------------------------------------------

FIGURE_MENTIONS = Suite(
    "figure_mentions",
    "figure_id",
    (
        _is(
            gxe.ExpectColumnMinToBeBetween,
            "some figure is printed more than once, so the agreement checks compare something",
            column="repeated_figures",
            min_value=1,
        ),
        _equal("max_value", "min_value", "every mention of a figure prints the same value"),
        _at_least(
            "min_high",
            "max_low",
            "the intervals of a figure's mentions intersect: highest low end <= lowest high end",
        ),
        _none_counted("disagreeing_figures", "figure_id", "no figure's mentions disagree"),
    ),
    parameters={"listed": LISTED},
)


# --- claim_checks --------------------------------------------------------------------------

CLAIM_CHECKS = Suite(
    "claim_checks",
    "claim_id",
    (
        _equal(
            "status",
            "expected_status",
            "every claim (a share, a growth rate, a multiple, an average growth, a total, a "
            "figure printed twice, within one document or across documents) has the status its "
            "intervals imply: unverifiable iff nothing is recomputed, inconsistent iff the "
            "published and recomputed intervals cannot meet (or either is empty), consistent "
            "otherwise",
        ),
        _equal(
            "gap",
            "expected_gap",
            "an inconsistent claim's gap is the distance between its two intervals (across an "
            "empty one), in its unit; no other claim has a gap",
        ),
        _is(
            gxe.ExpectColumnValuesToNotBeInSet,
            "every inconsistent claim is registered with its reason",
            column="unregistered_status",
            value_set=["inconsistent"],
        ),
        _is(
            gxe.ExpectColumnValuesToBeInSet,
            "every registered discrepancy still occurs",
            column="registered_status",
            value_set=["inconsistent"],
        ),
        _none_counted(
            "offending_claims",
            "claim_id",
            "no claim's status or gap disagrees with its intervals or with the register",
        ),
    ),
    parameters={"listed": LISTED},
)


# --- consumption_breakdown -----------------------------------------------------------------

CONSUMPTION_BREAKDOWN = Suite(
    "consumption_breakdown",
    "total_id",
    (
        _exactly_zero(
            "amount_cny_sum_minus_total_cny",
            "the components' amount_cny sum to total_cny exactly (decimal, tolerance 0)",
        ),
        _exactly_zero(
            "share_pct_sum_minus_100",
            "the components' share_pct sum to 100 exactly (decimal, tolerance 0)",
        ),
    ),
)


SUITES = (
    FIGURES,
    FIGURE_PERCENTAGES,
    FIGURE_MENTIONS,
    CLAIM_CHECKS,
    CONSUMPTION_BREAKDOWN,
)
