"""The Great Expectations suites over the finished marts, defined in Python.

Suites live here as code, not in GX's JSON store: a file context writes random ids on every
save (churn in git) and refuses to `add` twice, while these definitions are plain, reviewed
Python that an ephemeral context takes as they are.

Each suite validates one frame. Where a check needs a sum, a group or a recomputation, the
suite's `frame` function derives it from the mart in pandas first and GX asserts on the
result: GX's own aggregates (`column.sum`) turn decimals into floats, and the warehouse's
decimal(38, 10) values need 22 significant digits, more than a float has. The marts are read
as Python `Decimal`s, every derived number here is exact, and the expectations compare
`Decimal`s with `Decimal`s or with 0 and 100, which floats hold exactly. No tolerance is used
anywhere: the intervals come from the printed precision, and sums must match to the last digit.

A leaf module: it imports nothing from this package, only GX and pandas.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import great_expectations.expectations as gxe
import numpy as np
import pandas as pd
from great_expectations.expectations.row_conditions import Column

# Expectation parameter: the claim ids registered in seeds/report_known_discrepancies.csv.
REGISTERED_DISCREPANCIES = "registered_discrepancies"

# How many base units (percent points, yuan, persons, items) one printed unit is.
SCALES = {
    "%": Decimal(1),
    "thousand": Decimal(10) ** 3,
    "million people": Decimal(10) ** 6,
    "billion yuan": Decimal(10) ** 9,
}

QUALIFIER_WORDS = {
    "exact": "",
    "about": "about ",
    "more_than": "more than ",
    "up_to": "up to ",
    "range": "",
}


@dataclass(frozen=True)
class Interval:
    """A printed figure's value and the interval its printing allows (None = no such end)."""

    value: Decimal | None
    low: Decimal | None
    high: Decimal | None

    def __str__(self) -> str:
        return f"value {plain(self.value)}, interval [{plain(self.low)}, {plain(self.high)}]"


def plain(number: Decimal | None) -> str:
    """A decimal without trailing zeros or exponent, as the article would print it; null if None.

    The marts store every quantity as decimal(38, 10), so 85.7 arrives as 85.7000000000; the
    normalised text makes equal numbers equal strings whatever their stored scale.
    """
    if number is None or pd.isna(number):
        return "null"
    return format(number.normalize(), "f")


def printed_interval(printed: str, qualifier: str, scale: Decimal = Decimal(1)) -> Interval:
    """The interval a printed number stands for, from its own precision.

    "85.7" is anything that rounds to it: half a unit of its last printed digit either side.
    "about 8.5" is looser, a whole unit either side. "more than 600" has no upper end and
    "up to" no lower one. A range "20-25" is its two ends as printed and has no single value.
    """
    if qualifier == "range":
        low, high = (Decimal(end) * scale for end in printed.split("-"))
        return Interval(None, low, high)
    number = Decimal(printed)
    value = number * scale
    if qualifier == "more_than":
        return Interval(value, value, None)
    if qualifier == "up_to":
        return Interval(value, None, value)
    last_digit_unit = Decimal(1).scaleb(number.as_tuple().exponent) * scale
    spread = {"exact": last_digit_unit / 2, "about": last_digit_unit}[qualifier]
    return Interval(value, value - spread, value + spread)


@dataclass(frozen=True)
class PublishedFigure:
    """A figure as the article prints it, the reference the figures mart is checked against."""

    figure_id: str
    printed: str  # the number's digits as printed, "85.7" or "20-25"
    qualifier: str  # exact, about, more_than, up_to or range
    unit: str  # a key of SCALES

    @property
    def interval(self) -> Interval:
        return printed_interval(self.printed, self.qualifier, SCALES[self.unit])

    @property
    def text(self) -> str:
        separator = "" if self.unit == "%" else " "
        return f"{QUALIFIER_WORDS[self.qualifier]}{self.printed}{separator}{self.unit}"


# The published figures. The article prints the amounts in Chinese grouping ("95 billion 200
# million", "10 million 70 thousand"); written here in decimal form with the same last digit.
PUBLISHED_FIGURES = (
    PublishedFigure("share_of_china_information_consumption_2013", "4.24", "exact", "%"),
    PublishedFigure("data_traffic_share", "85.7", "exact", "%"),
    PublishedFigure("games_and_public_platform_share", "8.5", "about", "%"),
    PublishedFigure("operator_data_traffic_growth", "20-25", "range", "%"),
    PublishedFigure("organisations_with_public_account_share", "70", "exact", "%"),
    PublishedFigure("organisations_information_input_share", "53", "exact", "%"),
    PublishedFigure("information_consumption", "95.2", "exact", "billion yuan"),
    PublishedFigure("residents_direct_consumption", "11", "exact", "billion yuan"),
    PublishedFigure("public_platform_direct_consumption", "4.4", "exact", "billion yuan"),
    PublishedFigure("data_traffic_consumption", "86.7", "exact", "billion yuan"),
    PublishedFigure("jobs_driven", "10.07", "exact", "million people"),
    PublishedFigure("individual_entrepreneurial_activities", "600", "more_than", "thousand"),
)

# Shares the article gives of one total: together they can be at most all of it.
SHARES_OF_ONE_TOTAL = {
    "information_consumption": ("data_traffic_share", "games_and_public_platform_share"),
}


@dataclass(frozen=True)
class Suite:
    """One GX suite: the relation it reads, the frame derived from it, what it expects."""

    name: str
    relation: str  # schema.table read whole from the warehouse
    key: str  # column that names a row of the frame in observed values
    frame: Callable[[pd.DataFrame], pd.DataFrame]
    expectations: tuple[gxe.Expectation, ...]
    parameters: tuple[tuple[str, str], ...] = ()  # (expectation parameter, one-column query)


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


# --- figures -------------------------------------------------------------------------------


def figures_frame(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures mart with each row's value and interval as one exact text, and the summed
    low ends of the shares of one total."""
    intervals = figures[["value", "value_low", "value_high"]].map(plain)
    share_of = {share: total for total, shares in SHARES_OF_ONE_TOTAL.items() for share in shares}
    frame = figures.assign(
        value_and_interval="value "
        + intervals["value"]
        + ", interval ["
        + intervals["value_low"]
        + ", "
        + intervals["value_high"]
        + "]",
        share_of=figures["figure_id"].map(share_of),
    )
    frame["shares_of_total_low_sum_pct"] = frame.groupby("share_of")["value_low"].transform("sum")
    return frame


def _figure_expectations() -> tuple[gxe.Expectation, ...]:
    percent = Column("unit") == "percent"
    presence = _is(
        gxe.ExpectColumnDistinctValuesToContainSet,
        "every published figure is in marts.figures",
        column="figure_id",
        value_set=[figure.figure_id for figure in PUBLISHED_FIGURES],
    )
    printed = tuple(
        _is(
            gxe.ExpectColumnValuesToBeInSet,
            f"{figure.figure_id} printed as {figure.text} has {figure.interval}",
            column="value_and_interval",
            value_set=[str(figure.interval)],
            row_condition=Column("figure_id") == figure.figure_id,
        )
        for figure in PUBLISHED_FIGURES
    )
    within_100 = tuple(
        _is(
            gxe.ExpectColumnValuesToBeBetween,
            f"every percentage's {column} lies within 0 to 100",
            column=column,
            min_value=0,
            max_value=100,
            row_condition=percent,
        )
        for column in ("value", "value_low", "value_high")
    )
    groups = "; ".join(
        f"{' + '.join(parts)} of {total}" for total, parts in SHARES_OF_ONE_TOTAL.items()
    )
    shares = _is(
        gxe.ExpectColumnValuesToBeBetween,
        f"the low ends of the shares of one total add up to at most 100: {groups}",
        column="shares_of_total_low_sum_pct",
        max_value=100,
    )
    return (presence, *printed, *within_100, shares)


# --- figure_mentions -----------------------------------------------------------------------


def repeated_mentions_frame(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per figure printed more than once: the spread of its values and the
    intersection of its intervals (highest low end, lowest high end; a missing end is open)."""
    per_figure = mentions.groupby("figure_id", dropna=False).agg(
        mentions=("mention_id", "size"),
        min_value=("value", "min"),
        max_value=("value", "max"),
        max_low=("value_low", "max"),
        min_high=("value_high", "min"),
    )
    return per_figure[per_figure["mentions"] > 1].reset_index()


FIGURE_MENTION_EXPECTATIONS = (
    _is(
        gxe.ExpectTableRowCountToBeBetween,
        "some figure is printed more than once, so the agreement checks compare something",
        min_value=1,
    ),
    _equal("max_value", "min_value", "every mention of a figure prints the same value"),
    _at_least(
        "min_high",
        "max_low",
        "the intervals of a figure's mentions intersect: highest low end <= lowest high end",
    ),
)


# --- derived_figures -----------------------------------------------------------------------

DERIVED_FIGURE_EXPECTATIONS = (
    _at_least("value", "value_low", "every derived value is at least its interval's low end"),
    _at_least("value_high", "value", "every derived value is at most its interval's high end"),
    _at_least("value_high", "value_low", "no derived interval is empty (low end <= high end)"),
)


# --- claim_checks --------------------------------------------------------------------------

STATUSES = ("consistent", "inconsistent", "unverifiable")


def claim_checks_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """The claim_checks mart with the status its intervals imply, recomputed independently.

    Intervals are closed; a missing end is open (filled with an infinity so that the
    comparisons stay exact decimal comparisons).
    """
    infinity = Decimal("Infinity")
    published_low = claims["published_low"].fillna(-infinity)
    published_high = claims["published_high"].fillna(infinity)
    recomputed_low = claims["recomputed_low"].fillna(-infinity)
    recomputed_high = claims["recomputed_high"].fillna(infinity)
    meet = (
        (recomputed_low <= recomputed_high)
        & (published_low <= published_high)
        & (published_low <= recomputed_high)
        & (recomputed_low <= published_high)
    )
    nothing_recomputed = claims["recomputed_low"].isna() & claims["recomputed_high"].isna()
    expected = np.select(
        [nothing_recomputed, ~meet], ["unverifiable", "inconsistent"], default="consistent"
    )
    return claims.assign(expected_status=expected)


CLAIM_CHECK_EXPECTATIONS = (
    _is(
        gxe.ExpectColumnValuesToBeInSet,
        "every status is one of " + ", ".join(STATUSES),
        column="status",
        value_set=list(STATUSES),
    ),
    _equal(
        "status",
        "expected_status",
        "status agrees with the intervals: unverifiable iff nothing is recomputed, "
        "inconsistent iff the published and recomputed intervals cannot meet "
        "(or the recomputed one is empty), consistent otherwise",
    ),
    _is(
        gxe.ExpectColumnValuesToBeInSet,
        "every inconsistent claim is registered in raw.report_known_discrepancies "
        "(an unexpected claim_id is an undocumented inconsistency)",
        column="claim_id",
        value_set={"$PARAMETER": REGISTERED_DISCREPANCIES},
        row_condition=Column("status") == "inconsistent",
    ),
    _is(
        gxe.ExpectColumnDistinctValuesToContainSet,
        "every discrepancy registered in raw.report_known_discrepancies still occurs "
        "(a missing claim_id is registered but no longer inconsistent)",
        column="claim_id",
        value_set={"$PARAMETER": REGISTERED_DISCREPANCIES},
        row_condition=Column("status") == "inconsistent",
    ),
)


# --- consumption_breakdown -----------------------------------------------------------------


def breakdown_totals_frame(breakdown: pd.DataFrame) -> pd.DataFrame:
    """One row per total broken down: how far its parts' amounts and shares are from the total
    and from 100, summed exactly in Decimal."""
    sums = (
        breakdown.groupby(["total_id", "total_cny"], dropna=False)
        .agg(amount_cny=("amount_cny", "sum"), share_pct=("share_pct", "sum"))
        .reset_index()
    )
    return pd.DataFrame(
        {
            "total_id": sums["total_id"],
            "amount_cny_sum_minus_total_cny": sums["amount_cny"] - sums["total_cny"],
            "share_pct_sum_minus_100": sums["share_pct"] - 100,
        }
    )


CONSUMPTION_BREAKDOWN_EXPECTATIONS = (
    _is(
        gxe.ExpectColumnDistinctValuesToContainSet,
        "every total whose shares the article prints is broken down",
        column="total_id",
        value_set=list(SHARES_OF_ONE_TOTAL),
    ),
    _exactly_zero(
        "amount_cny_sum_minus_total_cny",
        "the components' amount_cny sum to total_cny exactly (Decimal, tolerance 0)",
    ),
    _exactly_zero(
        "share_pct_sum_minus_100",
        "the components' share_pct sum to 100 exactly (Decimal, tolerance 0)",
    ),
)


SUITES = (
    Suite(
        "figures",
        "marts.figures",
        "figure_id",
        figures_frame,
        _figure_expectations(),
    ),
    Suite(
        "figure_mentions",
        "marts.figure_mentions",
        "figure_id",
        repeated_mentions_frame,
        FIGURE_MENTION_EXPECTATIONS,
    ),
    Suite(
        "derived_figures",
        "marts.derived_figures",
        "derived_id",
        lambda derived: derived,
        DERIVED_FIGURE_EXPECTATIONS,
    ),
    Suite(
        "claim_checks",
        "marts.claim_checks",
        "claim_id",
        claim_checks_frame,
        CLAIM_CHECK_EXPECTATIONS,
        parameters=(
            (REGISTERED_DISCREPANCIES, "select claim_id from raw.report_known_discrepancies"),
        ),
    ),
    Suite(
        "consumption_breakdown",
        "marts.consumption_breakdown",
        "total_id",
        breakdown_totals_frame,
        CONSUMPTION_BREAKDOWN_EXPECTATIONS,
    ),
)
