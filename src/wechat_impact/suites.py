"""The Great Expectations suites over the finished marts, defined in Python.

Suites live here as code, not in GX's JSON store: a file context writes random ids on every
save (churn in git) and refuses to `add` twice, while these definitions are plain, reviewed
Python that an ephemeral context takes as they are.

Each suite is one DuckDB query over the marts and the expectations GX asserts on its result.
The query does the set work (joins, groups, sums, recomputed statuses) in exact decimal(38, 10)
arithmetic and returns a small frame whatever the size of the marts: one row per figure the
article publishes, one row per broken-down total, and for rules that every row must keep only
the rows that break them (the first LISTED by key, so a failure names them) with their number.
GX then checks those few rows; its pandas path never sees a whole mart, and no expectation
needs a row_condition (pandas `DataFrame.query`, most of the old validation time). No tolerance
is used anywhere: the intervals come from the printed precision, and sums must match to the
last digit.

A leaf module: it imports nothing from this package, only GX.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import great_expectations.expectations as gxe

# The document whose printed figures PUBLISHED_FIGURES are; a corpus holds other documents.
ARTICLE = "wechat_2014_impact_article"
# Rows that break a rule, listed per suite: as many as a GX failure summary shows.
LISTED = 20

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
    normalised text makes equal numbers equal strings whatever their stored scale. `plain_sql`
    is the same in SQL.
    """
    if number is None:
        return "null"
    return format(number.normalize(), "f")


def plain_sql(column: str) -> str:
    """SQL for `plain` of a decimal column: the text DuckDB gives, trailing zeros and a
    trailing point stripped (only after a point: 100 stays 100), 'null' for NULL."""
    text = f"cast({column} as varchar)"
    stripped = f"case when {text} like '%.%' then rtrim(rtrim({text}, '0'), '.') else {text} end"
    return f"coalesce({stripped}, 'null')"


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
    """One GX suite: the query that makes its frame, the column that names a row of the frame
    in failures, and what GX expects of the frame."""

    name: str  # names its results and its Data Docs page; one suite or more per mart
    key: str
    query: str  # DuckDB SQL over the warehouse, with $named parameters
    expectations: tuple[gxe.Expectation, ...]
    parameters: Mapping[str, object] = field(default_factory=dict)


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


def _first_offending(offending: str, key: str, count_column: str) -> str:
    """Two CTEs over the CTE `offending`, whose rows all break a rule: `<offending>_count`, one
    row with their number, and `<offending>_first`, the first LISTED of them by key. They keep a
    frame small however many rows break the rule, and the count still says how many."""
    return f"""
{offending}_count as (
    select count(*) as {count_column} from {offending}
),

{offending}_first as (
    select * from {offending}
    order by {key}
    limit {LISTED}
)"""


# --- figures -------------------------------------------------------------------------------

# One row per published figure the article's document has: its value and interval as text
# beside the text its printed digits give, and for a share of one total the summed low ends
# of that total's shares.
FIGURES_QUERY = f"""
with

published as (
    -- DuckDB's unnest of a list of structs: the reference table is one bound parameter.
    select unnest($published, recursive := true)
),

shares as (
    select unnest($shares, recursive := true)
),

article_figures as (
    select
        figure_id,
        value,
        value_low,
        value_high
    from marts.figures
    where document_id = $article
),

shares_of_totals as (
    select
        shares.total_id,
        sum(article_figures.value_low) as shares_of_total_low_sum_pct
    from shares
    inner join article_figures
        on shares.figure_id = article_figures.figure_id
    group by shares.total_id
)

select
    article_figures.figure_id,
    'value ' || {plain_sql("article_figures.value")}
    || ', interval [' || {plain_sql("article_figures.value_low")}
    || ', ' || {plain_sql("article_figures.value_high")} || ']' as value_and_interval,
    published.printed_value_and_interval,
    shares_of_totals.shares_of_total_low_sum_pct
from published
inner join article_figures
    on published.figure_id = article_figures.figure_id
left join shares
    on published.figure_id = shares.figure_id
left join shares_of_totals
    on shares.total_id = shares_of_totals.total_id
"""


def _figure_expectations() -> tuple[gxe.Expectation, ...]:
    groups = "; ".join(
        f"{' + '.join(parts)} of {total}" for total, parts in SHARES_OF_ONE_TOTAL.items()
    )
    return (
        _is(
            gxe.ExpectColumnDistinctValuesToContainSet,
            f"every published figure is in marts.figures for document {ARTICLE}",
            column="figure_id",
            value_set=[figure.figure_id for figure in PUBLISHED_FIGURES],
        ),
        _equal(
            "value_and_interval",
            "printed_value_and_interval",
            f"every figure {ARTICLE} publishes has, as text, the value and interval its printed"
            " digits give (half a unit of the last digit either side, a whole one for about;"
            " more than and up to have one end, a range its two)",
        ),
        _is(
            gxe.ExpectColumnValuesToBeBetween,
            f"the low ends of the shares of one total add up to at most 100: {groups}",
            column="shares_of_total_low_sum_pct",
            max_value=100,
        ),
    )


FIGURES = Suite(
    "figures",
    "figure_id",
    FIGURES_QUERY,
    _figure_expectations(),
    parameters={
        "article": ARTICLE,
        "published": [
            {"figure_id": figure.figure_id, "printed_value_and_interval": str(figure.interval)}
            for figure in PUBLISHED_FIGURES
        ],
        "shares": [
            {"total_id": total, "figure_id": share}
            for total, shares in SHARES_OF_ONE_TOTAL.items()
            for share in shares
        ],
    },
)


# --- figure_percentages --------------------------------------------------------------------

# The percentages, of any document, outside 0 to 100.
FIGURE_PERCENTAGES_QUERY = f"""
with

out_of_range as (
    select
        figure_id,
        value as value_pct,
        value_low as value_low_pct,
        value_high as value_high_pct
    from marts.figures
    where
        unit = 'percent'
        and (
            value not between 0 and 100
            or value_low not between 0 and 100
            or value_high not between 0 and 100
        )
),
{_first_offending("out_of_range", "figure_id", "percentages_out_of_range")}

select *
from out_of_range_count
left join out_of_range_first on true
"""

FIGURE_PERCENTAGES = Suite(
    "figure_percentages",
    "figure_id",
    FIGURE_PERCENTAGES_QUERY,
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
)


# --- figure_mentions -----------------------------------------------------------------------

# How many figures are printed more than once, and those whose mentions disagree: the spread
# of their values and the intersection of their intervals (highest low end, lowest high end;
# min and max skip a missing end, which is open).
FIGURE_MENTIONS_QUERY = f"""
with

repeated as (
    select
        figure_id,
        count(*) as mentions,
        min(value) as min_value,
        max(value) as max_value,
        max(value_low) as max_low,
        min(value_high) as min_high
    from marts.figure_mentions
    group by figure_id
    having count(*) > 1
),

repeated_count as (
    select count(*) as repeated_figures from repeated
),

disagreeing as (
    select * from repeated
    where max_value <> min_value or min_high < max_low
),
{_first_offending("disagreeing", "figure_id", "disagreeing_figures")}

select *
from repeated_count
cross join disagreeing_count
left join disagreeing_first on true
"""

FIGURE_MENTIONS = Suite(
    "figure_mentions",
    "figure_id",
    FIGURE_MENTIONS_QUERY,
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
)


# --- derived_figures -----------------------------------------------------------------------

DERIVED_FIGURES_QUERY = f"""
with

outside_interval as (
    select
        derived_id,
        value,
        value_low,
        value_high
    from marts.derived_figures
    where value < value_low or value_high < value or value_high < value_low
),
{_first_offending("outside_interval", "derived_id", "derived_figures_outside_interval")}

select *
from outside_interval_count
left join outside_interval_first on true
"""

DERIVED_FIGURES = Suite(
    "derived_figures",
    "derived_id",
    DERIVED_FIGURES_QUERY,
    (
        _at_least("value", "value_low", "every derived value is at least its interval's low end"),
        _at_least("value_high", "value", "every derived value is at most its interval's high end"),
        _at_least("value_high", "value_low", "no derived interval is empty (low end <= high end)"),
        _none_counted(
            "derived_figures_outside_interval",
            "derived_id",
            "no derived value lies outside its interval, and no interval is empty",
        ),
    ),
)


# --- claim_checks --------------------------------------------------------------------------

STATUSES = ("consistent", "inconsistent", "unverifiable")

# Each claim with the status its intervals imply, recomputed independently of the dbt model
# (intervals are closed; a comparison with a missing end, which is open, holds), matched with
# the register of known discrepancies both ways; kept where anything disagrees.
CLAIM_CHECKS_QUERY = f"""
with

register as (
    select distinct claim_id from raw.corpus_known_discrepancies
),

claims as (
    select
        claim_id,
        status,
        case
            when recomputed_low is null and recomputed_high is null
                then 'unverifiable'
            when
                coalesce(recomputed_low <= recomputed_high, true)
                and coalesce(published_low <= published_high, true)
                and coalesce(published_low <= recomputed_high, true)
                and coalesce(recomputed_low <= published_high, true)
                then 'consistent'
            else 'inconsistent'
        end as expected_status
    from marts.claim_checks
),

claims_and_register as (
    select
        coalesce(claims.claim_id, register.claim_id) as claim_id,
        claims.status,
        claims.expected_status,
        case
            when register.claim_id is null then claims.status
        end as unregistered_status,
        case
            when register.claim_id is not null
                then coalesce(claims.status, 'no status')
        end as registered_status
    from claims
    full outer join register
        on claims.claim_id = register.claim_id
),

offending_claims as (
    select * from claims_and_register
    where
        status is distinct from expected_status
        or unregistered_status = 'inconsistent'
        or registered_status <> 'inconsistent'
),
{_first_offending("offending_claims", "claim_id", "offending_claims")}

select *
from offending_claims_count
left join offending_claims_first on true
"""

CLAIM_CHECKS = Suite(
    "claim_checks",
    "claim_id",
    CLAIM_CHECKS_QUERY,
    (
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
            "(or either is empty), consistent otherwise",
        ),
        _is(
            gxe.ExpectColumnValuesToNotBeInSet,
            "every inconsistent claim is registered in raw.corpus_known_discrepancies "
            "(an unregistered inconsistent claim is an undocumented inconsistency)",
            column="unregistered_status",
            value_set=["inconsistent"],
        ),
        _is(
            gxe.ExpectColumnValuesToBeInSet,
            "every discrepancy registered in raw.corpus_known_discrepancies still occurs "
            "(a registered claim that is not inconsistent, or not there, is out of date)",
            column="registered_status",
            value_set=["inconsistent"],
        ),
        _none_counted(
            "offending_claims",
            "claim_id",
            "no claim's status disagrees with its intervals or with the register",
        ),
    ),
)


# --- consumption_breakdown -----------------------------------------------------------------

# One row per total broken down: how far its parts' amounts and shares are from the total and
# from 100, summed exactly in decimal(38, 10).
CONSUMPTION_BREAKDOWN_QUERY = """
select
    total_id,
    sum(amount_cny) - total_cny as amount_cny_sum_minus_total_cny,
    sum(share_pct) - 100 as share_pct_sum_minus_100
from marts.consumption_breakdown
group by total_id, total_cny
"""

CONSUMPTION_BREAKDOWN = Suite(
    "consumption_breakdown",
    "total_id",
    CONSUMPTION_BREAKDOWN_QUERY,
    (
        _is(
            gxe.ExpectColumnDistinctValuesToContainSet,
            "every total whose shares the article prints is broken down",
            column="total_id",
            value_set=list(SHARES_OF_ONE_TOTAL),
        ),
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
    DERIVED_FIGURES,
    CLAIM_CHECKS,
    CONSUMPTION_BREAKDOWN,
)
