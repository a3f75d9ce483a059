"""The published warehouse, read through its public marts, against the article
and against hand calculations written out here."""

from __future__ import annotations

import csv
import hashlib
import math
import re
from decimal import Decimal
from fractions import Fraction

import duckdb
import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

ARTICLE = ROOT / "sources" / "wechat-2014-impact-article.txt"
# The marts hold every document's figures; these tests read the article's.
OF_THE_ARTICLE = "document_id = 'wechat_2014_impact_article'"
CLAIM_TYPES = ROOT / "seeds" / "corpus_claim_types.csv"
# The claims the article states: about its own figures, and its 4.24% against the official
# 2013 total (a check the cited documents' claims repeat); test_sources_warehouse.py has the
# claims of the other documents.
ARTICLE_CLAIMS = "from marts.claim_checks where document_id = 'wechat_2014_impact_article'"
B = 10**9  # a billion yuan
M = 10**6

# Every figure the article prints: (value, low, high) in base units, from
# the printed precision (half a unit of the last significant digit either
# side, a whole unit for "about"; "more than" has no upper end).
PRINTED = {
    "jobs_driven": (10_070_000, 10_065_000, 10_075_000),
    "information_consumption": (Fraction("95.2") * B, Fraction("95.15") * B, Fraction("95.25") * B),
    "share_of_china_information_consumption_2013": (
        Fraction("4.24"),
        Fraction("4.235"),
        Fraction("4.245"),
    ),
    "data_traffic_share": (Fraction("85.7"), Fraction("85.65"), Fraction("85.75")),
    "games_and_public_platform_share": (Fraction("8.5"), Fraction("8.4"), Fraction("8.6")),
    "residents_direct_consumption": (11 * B, Fraction("10.5") * B, Fraction("11.5") * B),
    "public_platform_direct_consumption": (
        Fraction("4.4") * B,
        Fraction("4.35") * B,
        Fraction("4.45") * B,
    ),
    "data_traffic_consumption": (
        Fraction("86.7") * B,
        Fraction("86.65") * B,
        Fraction("86.75") * B,
    ),
    "mobile_operator_count": (3, 3, 3),
    "operator_data_traffic_growth": (None, 20, 25),
    "organisations_with_public_account_share": (70, Fraction("69.5"), Fraction("70.5")),
    "organisations_information_input_share": (53, Fraction("52.5"), Fraction("53.5")),
    "individual_entrepreneurial_activities": (600_000, 600_000, None),
}


def as_fraction(value: Decimal | None) -> Fraction | None:
    return None if value is None else Fraction(value)


def rows(connection: duckdb.DuckDBPyConnection, query: str) -> dict[str, tuple]:
    """First column -> the rest of the row."""
    return {row[0]: row[1:] for row in connection.execute(query).fetchall()}


def test_every_printed_figure_is_there_once(connection: duckdb.DuckDBPyConnection) -> None:
    figures = rows(
        connection,
        f"select figure_id, value, value_low, value_high from marts.figures where {OF_THE_ARTICLE}",
    )
    assert set(figures) == set(PRINTED)
    for figure_id, expected in PRINTED.items():
        got = tuple(as_fraction(value) for value in figures[figure_id])
        assert got == expected, figure_id


def test_no_number_in_the_article_is_left_out(connection: duckdb.DuckDBPyConnection) -> None:
    """Every run of digits in the text lies in a mention, except the years."""
    text = ARTICLE.read_text(encoding="utf-8")
    spans = connection.execute(
        f"select char_start, char_end from marts.figure_mentions where {OF_THE_ARTICLE}"
    ).fetchall()
    years = {"2013", "2014"}
    for match in re.finditer(r"\d+(?:\.\d+)?", text):
        if match.group() in years:
            continue
        assert any(start <= match.start() and match.end() <= end for start, end in spans), (
            f"{match.group()!r} at {match.start()} is in no mention"
        )


def test_each_mention_slices_out_of_the_article(connection: duckdb.DuckDBPyConnection) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    mentions = connection.execute(
        "select printed_text, char_start, char_end, quote, sentence_start, sentence_end "
        f"from marts.figure_mentions where {OF_THE_ARTICLE}"
    ).fetchall()
    assert len(mentions) == 16
    for printed, start, end, quote, sentence_start, sentence_end in mentions:
        assert text[start:end] == printed
        assert text[sentence_start:sentence_end] == quote


def test_repeated_figures_are_one_figure_with_mentions(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    counts = rows(
        connection, f"select figure_id, mention_count from marts.figures where {OF_THE_ARTICLE}"
    )
    assert counts["jobs_driven"] == (3,)
    assert counts["information_consumption"] == (2,)
    assert sum(count for (count,) in counts.values()) == 16


def test_documents_carry_the_sha256_of_the_source(connection: duckdb.DuckDBPyConnection) -> None:
    (sha256, char_count), *others = connection.execute(
        "select sha256, char_count from marts.documents where text_stored"
    ).fetchall()
    raw = ARTICLE.read_bytes()
    assert not others
    assert sha256 == hashlib.sha256(raw).hexdigest()
    assert char_count == len(raw.decode("utf-8"))


T, T_LOW, T_HIGH = PRINTED["information_consumption"]
DATA, DATA_LOW, DATA_HIGH = PRINTED["data_traffic_share"]
GAMES, GAMES_LOW, GAMES_HIGH = PRINTED["games_and_public_platform_share"]

# derived_id: (value, low, high), written out by hand.
DERIVED = {
    "china_information_consumption_2013": (
        T * 100 / Fraction("4.24"),
        T_LOW * 100 / Fraction("4.245"),
        T_HIGH * 100 / Fraction("4.235"),
    ),
    "data_traffic_amount": (T * DATA / 100, T_LOW * DATA_LOW / 100, T_HIGH * DATA_HIGH / 100),
    "games_and_public_platform_amount": (
        T * GAMES / 100,
        T_LOW * GAMES_LOW / 100,
        T_HIGH * GAMES_HIGH / 100,
    ),
    "unexplained_share": (
        100 - DATA - GAMES,
        100 - DATA_HIGH - GAMES_HIGH,
        100 - DATA_LOW - GAMES_LOW,
    ),
    "unexplained_amount": (
        T * (100 - DATA - GAMES) / 100,
        T_LOW * (100 - DATA_HIGH - GAMES_HIGH) / 100,
        T_HIGH * (100 - DATA_LOW - GAMES_LOW) / 100,
    ),
    "public_platform_share_of_direct_consumption": (
        Fraction(100 * Fraction("4.4"), 11),
        100 * Fraction("4.35") / Fraction("11.5"),
        100 * Fraction("4.45") / Fraction("10.5"),
    ),
    "direct_consumption_relative_to_information_consumption": (
        100 * 11 * B / T,
        100 * Fraction("10.5") * B / T_HIGH,
        100 * Fraction("11.5") * B / T_LOW,
    ),
    "data_traffic_consumption_relative_to_information_consumption": (
        100 * Fraction("86.7") * B / T,
        100 * Fraction("86.65") * B / T_HIGH,
        100 * Fraction("86.75") * B / T_LOW,
    ),
    "information_input_share_of_all_organisations": (
        Fraction(70 * 53, 100),
        Fraction("69.5") * Fraction("52.5") / 100,
        Fraction("70.5") * Fraction("53.5") / 100,
    ),
}


# The warehouse keeps 10 decimals: sums and products of printed figures are
# exact; a quotient is exact to the 10th decimal, rounded to nearest for a
# value, down for a low end and up for a high end (an interval never shrinks).
TEN_DECIMALS = Fraction(1, 10**10)
ROUNDINGS = {
    "nearest": lambda units: math.floor(units + Fraction(1, 2)),
    "down": math.floor,
    "up": math.ceil,
}


def stored(exact: Fraction, rounding: str) -> Fraction:
    """What the warehouse stores for an exact quantity."""
    return ROUNDINGS[rounding](exact / TEN_DECIMALS) * TEN_DECIMALS


def test_every_derived_value_equals_the_hand_calculation(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    derived = rows(
        connection, "select derived_id, value, value_low, value_high from marts.derived_figures"
    )
    assert set(derived) == set(DERIVED)
    for derived_id, (value, low, high) in DERIVED.items():
        assert tuple(Fraction(got) for got in derived[derived_id]) == (
            stored(value, "nearest"),
            stored(low, "down"),
            stored(high, "up"),
        ), derived_id


def test_the_2013_total_is_about_2_2_trillion(connection: duckdb.DuckDBPyConnection) -> None:
    (value,) = connection.execute(
        "select value from marts.derived_figures "
        "where derived_id = 'china_information_consumption_2013'"
    ).fetchone()
    assert round(value / 10**12, 3) == Decimal("2.245")


EXPECTED_STATUS = {
    "jobs_repeated": "consistent",
    "information_consumption_repeated": "consistent",
    "share_of_china_2013": "consistent",
    "data_traffic_share_of_consumption": "inconsistent",
    "consumption_shares_within_total": "consistent",
    "public_platform_within_direct_consumption": "consistent",
    "data_traffic_within_information_consumption": "consistent",
    "information_input_of_which": "consistent",
    "operator_growth_range": "unverifiable",
    "entrepreneurial_activities_lower_bound": "unverifiable",
}


def test_claim_statuses(connection: duckdb.DuckDBPyConnection) -> None:
    statuses = rows(connection, f"select claim_id, status {ARTICLE_CLAIMS}")
    assert {claim: status for claim, (status,) in statuses.items()} == EXPECTED_STATUS


def test_each_claim_says_the_unit_of_its_intervals(connection: duckdb.DuckDBPyConnection) -> None:
    units = rows(connection, f"select claim_id, unit {ARTICLE_CLAIMS}")
    assert {claim: unit for claim, (unit,) in units.items()} == {
        "jobs_repeated": "persons",
        "information_consumption_repeated": "CNY",
        "share_of_china_2013": "percent",
        "data_traffic_share_of_consumption": "percent",
        "consumption_shares_within_total": "percent",
        "public_platform_within_direct_consumption": "CNY",
        "data_traffic_within_information_consumption": "CNY",
        "information_input_of_which": "percent",
        "operator_growth_range": "percent",
        "entrepreneurial_activities_lower_bound": "count",
    }


def test_the_data_traffic_contradiction_is_shown_with_its_numbers(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    """85.7% of 95.2 billion is not the 86.7 billion the article also prints."""
    published_low, published_high, recomputed_low, recomputed_high, explanation = (
        connection.execute(
            "select published_low, published_high, recomputed_low, recomputed_high, explanation "
            "from marts.claim_checks where claim_id = 'data_traffic_share_of_consumption'"
        ).fetchone()
    )
    assert (Fraction(published_low), Fraction(published_high)) == (DATA_LOW, DATA_HIGH)
    assert Fraction(recomputed_low) == stored(100 * Fraction("86.65") * B / T_HIGH, "down")
    assert Fraction(recomputed_high) == stored(100 * Fraction("86.75") * B / T_LOW, "up")
    assert recomputed_low > published_high  # no tolerance could close a 5-point gap
    # Written by the display rule: 90.9711... rounded down, 91.1718... up.
    assert explanation.startswith(
        "Published [85.65, 85.75]% and recomputed [90.971, 91.172]% cannot both hold"
    )


def test_the_data_traffic_contradiction_shows_how_big_its_gap_is(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    """The recomputed interval starts at 100 * 86.65 / 95.25 = 34660/381 = 90.97112860892...
    (stored rounded down to 10 decimals), 5.2211286089 percentage points above the published
    85.75; that is 6.0923320991...% of the published 85.7: a gap of 6%, not of rounding."""
    gap, gap_pct, gap_display, gap_pct_display, documents = connection.execute(
        "select gap, gap_pct_of_published, gap_display, gap_pct_of_published_display, "
        "document_count from marts.claim_checks "
        "where claim_id = 'data_traffic_share_of_consumption'"
    ).fetchone()
    low = stored(100 * Fraction("86.65") * B / T_HIGH, "down")
    assert low == Fraction(909711286089, 10**10)
    assert Fraction(gap) == low - DATA_HIGH == Fraction(52211286089, 10**10)
    assert Fraction(gap_pct) == stored(100 * (low - DATA_HIGH) / DATA, "nearest")
    assert round(Fraction(gap_pct), 2) == Fraction("6.09")
    assert (gap_display, gap_pct_display) == ("5.221 percentage points", "6.092%")
    assert documents == 1


def test_only_inconsistent_claims_have_a_gap(connection: duckdb.DuckDBPyConnection) -> None:
    gaps = rows(connection, "select claim_id, gap, status from marts.claim_checks")
    assert {claim for claim, (gap, _) in gaps.items() if gap is not None} == {
        claim for claim, (_, status) in gaps.items() if status == "inconsistent"
    }


JOBS = PRINTED["jobs_driven"]
PLATFORM = PRINTED["public_platform_direct_consumption"]
DIRECT = PRINTED["residents_direct_consumption"]
TRAFFIC = PRINTED["data_traffic_consumption"]
WITH_ACCOUNT = PRINTED["organisations_with_public_account_share"]
INPUT_SHARE = PRINTED["organisations_information_input_share"]
NOTHING = (None, None, None)
# China's 2013 information consumption as MIIT officials put it: 2.2万亿, half a 0.1万亿 each side.
OFFICIAL_TOTAL, OFFICIAL_LOW, OFFICIAL_HIGH = (
    Fraction(2200 * 10**9),
    Fraction(2150 * 10**9),
    Fraction(2250 * 10**9),
)

# claim_id: (published value, low, high), (recomputed value, low, high), by
# hand from the printed figures. The published side is the figures in the
# claim type's published role (summed for the shares of one whole); the
# recomputed side is the one rule of the claim type.
CLAIM_SIDES = {
    # printed three times; "up to" has no lower end and the same upper end,
    # so every mention allows exactly the interval of the first
    "jobs_repeated": (JOBS, (None, JOBS[1], JOBS[2])),
    "information_consumption_repeated": ((T, T_LOW, T_HIGH), (None, T_LOW, T_HIGH)),
    # against the total a cited document prints: 2.2万亿 (达到), so [2.15, 2.25] trillion
    "share_of_china_2013": (
        PRINTED["share_of_china_information_consumption_2013"],
        (
            stored(100 * T / OFFICIAL_TOTAL, "nearest"),
            stored(100 * T_LOW / OFFICIAL_HIGH, "down"),
            stored(100 * T_HIGH / OFFICIAL_LOW, "up"),
        ),
    ),
    "data_traffic_share_of_consumption": (
        (DATA, DATA_LOW, DATA_HIGH),
        (
            stored(100 * TRAFFIC[0] / T, "nearest"),
            stored(100 * TRAFFIC[1] / T_HIGH, "down"),
            stored(100 * TRAFFIC[2] / T_LOW, "up"),
        ),
    ),
    "consumption_shares_within_total": (
        (DATA + GAMES, DATA_LOW + GAMES_LOW, DATA_HIGH + GAMES_HIGH),
        (None, 0, 100),
    ),
    "public_platform_within_direct_consumption": (PLATFORM, (None, 0, DIRECT[2])),
    "data_traffic_within_information_consumption": (TRAFFIC, (None, 0, T_HIGH)),
    "information_input_of_which": (INPUT_SHARE, (None, 0, 100)),
    "operator_growth_range": (PRINTED["operator_data_traffic_growth"], NOTHING),
    "entrepreneurial_activities_lower_bound": (
        PRINTED["individual_entrepreneurial_activities"],
        NOTHING,
    ),
}


# The display rule of macros/display.sql, written out: the scale of the interval's larger end
# (never for percentages), three decimals of it, the low end rounded down and the high end up.
DISPLAY_SCALES = (
    (10**12, " trillion"),
    (10**9, " billion"),
    (10**6, " million"),
    (10**3, " thousand"),
)
UNIT_WORDS = {"CNY": " yuan", "persons": " people", "percent": "%", "count": "", "times": " times"}


def thousandths_text(quantity: Fraction, rounding: str) -> str:
    """quantity to three decimals, rounded down or up, without trailing zeros."""
    thousandths = quantity * 1000
    whole = math.floor(thousandths) if rounding == "down" else math.ceil(thousandths)
    return f"{(Decimal(whole) / 1000).normalize():f}"


def interval_text(low: Fraction | None, high: Fraction | None, unit: str) -> str:
    reference = high if high is not None else low
    scale, word = next(
        (
            (scale, word)
            for scale, word in DISPLAY_SCALES
            if unit != "percent" and abs(reference) >= scale
        ),
        (1, ""),
    )
    low_text = "no lower end" if low is None else thousandths_text(low / scale, "down")
    high_text = "no upper end" if high is None else thousandths_text(high / scale, "up")
    return f"[{low_text}, {high_text}]{word}{UNIT_WORDS[unit]}"


def test_every_claim_check_equals_the_hand_calculation(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    """Both sides of every claim, and the explanation that prints them."""
    with CLAIM_TYPES.open(encoding="utf-8", newline="") as seed:
        recomputed_as = {row["claim_type"]: row["recomputed_side"] for row in csv.DictReader(seed)}
    checks = rows(
        connection,
        "select claim_id, claim_type, published_value, published_low, published_high, "
        "recomputed_value, recomputed_low, recomputed_high, status, explanation, unit "
        + ARTICLE_CLAIMS,
    )
    assert set(checks) == set(CLAIM_SIDES)
    for claim_id, (published, recomputed) in CLAIM_SIDES.items():
        claim_type, *values, status, explanation, unit = checks[claim_id]
        got = tuple(as_fraction(value) for value in values)
        assert got == (*published, *recomputed), claim_id
        assert status == EXPECTED_STATUS[claim_id]
        if status == "unverifiable":
            assert explanation == "The article prints nothing to check this against.", claim_id
            continue
        verdict = "overlap" if status == "consistent" else "cannot both hold"
        assert explanation == (
            f"Published {interval_text(*published[1:], unit)} and recomputed "
            f"{interval_text(*recomputed[1:], unit)} {verdict}; "
            f"recomputed as {recomputed_as[claim_type]}."
        ), claim_id


def test_the_breakdown_adds_up_exactly(connection: duckdb.DuckDBPyConnection) -> None:
    components = connection.execute(
        "select component_id, amount_cny, share_pct, total_cny "
        "from marts.consumption_breakdown order by sort_order"
    ).fetchall()
    assert [row[0] for row in components] == [
        "data_traffic",
        "games_and_public_platform",
        "not_broken_down",
    ]
    assert sum(row[1] for row in components) == components[0][3] == T
    assert sum(row[2] for row in components) == 100
    assert Fraction(components[2][2]) == Fraction("5.8")


def test_claim_figures_name_real_claims_and_figures(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    orphans = connection.execute(
        """
        select claim_figures.claim_id, claim_figures.figure_id
        from marts.claim_figures
        left join marts.claim_checks using (claim_id)
        left join (
            select figure_id from marts.figures
            union all select derived_id from marts.derived_figures
        ) as known using (figure_id)
        where claim_checks.claim_id is null or known.figure_id is null
        """
    ).fetchall()
    assert orphans == []
    # 17 uses of the article's figures, and the official 2013 total a cited document prints
    assert connection.execute(
        "select count(*) from marts.claim_figures where claim_id in "
        f"(select claim_id {ARTICLE_CLAIMS})"
    ).fetchone() == (18,)


# figure_id or derived_id: (value_display, interval_display), written out by hand from the
# rule in macros/display.sql. 95.2 billion / 4.24% = 2245.283 billion; its ends are
# 95.15 / 4.245% = 2241.46 billion (down) and 95.25 / 4.235% = 2249.11 billion (up);
# 70% of 53% = 37.1%, between 69.5% * 52.5% = 36.4875% (down) and 70.5% * 53.5% = 37.7175% (up).
DISPLAYED = {
    "information_consumption": ("95.2 billion yuan", "[95.15, 95.25] billion yuan"),
    "jobs_driven": ("10.07 million people", "[10.065, 10.075] million people"),
    "data_traffic_share": ("85.7%", "[85.65, 85.75]%"),
    "individual_entrepreneurial_activities": ("600 thousand", "[600, no upper end] thousand"),
    "operator_data_traffic_growth": (None, "[20, 25]%"),
    "mobile_operator_count": ("3", "[3, 3]"),
    "china_information_consumption_2013": ("2.245 trillion yuan", "[2.241, 2.25] trillion yuan"),
    "information_input_share_of_all_organisations": ("37.1%", "[36.487, 37.718]%"),
    "data_traffic_amount": ("81.586 billion yuan", "[81.495, 81.677] billion yuan"),
}
SCALE_WORDS = {"trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 10**3}
DISPLAYED_INTERVAL = re.compile(
    r"\[(?P<low>[\d.]+|no lower end), (?P<high>[\d.]+|no upper end)\]"
    r"(?: (?P<scale>trillion|billion|million|thousand))?(?: yuan| people|%| times)?"
)


def test_display_columns_write_figures_as_people_do(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    shown = rows(
        connection,
        "select figure_id, value_display, interval_display from marts.figures "
        "union all select derived_id, value_display, interval_display from marts.derived_figures",
    )
    for key, expected in DISPLAYED.items():
        assert shown[key] == expected, key


def test_every_displayed_interval_contains_the_exact_one(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    """Read back, each written interval holds its exact interval: ends round outward."""
    intervals = connection.execute(
        """
        select interval_display, value_low, value_high from marts.figures
        union all select interval_display, value_low, value_high from marts.figure_mentions
        union all select interval_display, value_low, value_high from marts.derived_figures
        union all
        select published_interval_display, published_low, published_high
        from marts.claim_checks
        union all
        select recomputed_interval_display, recomputed_low, recomputed_high
        from marts.claim_checks where recomputed_low is not null
        union all
        select amount_interval_display, amount_cny_low, amount_cny_high
        from marts.consumption_breakdown
        union all
        select share_interval_display, share_pct_low, share_pct_high
        from marts.consumption_breakdown
        """
    ).fetchall()
    assert len(intervals) > 50
    for text, *ends in intervals:
        low, high = (as_fraction(end) for end in ends)
        match = DISPLAYED_INTERVAL.fullmatch(text)
        assert match, text
        scale = SCALE_WORDS.get(match["scale"], 1)
        if low is not None:
            shown_low = Fraction(match["low"]) * scale
            assert shown_low <= low and low - shown_low < Fraction(scale, 1000), text
        if high is not None:
            shown_high = Fraction(match["high"]) * scale
            assert shown_high >= high and shown_high - high < Fraction(scale, 1000), text


def test_the_article_text_is_in_the_warehouse_and_offsets_count_from_0(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    """DuckDB's substring counts from 1: char_start + 1 cuts out every printed text."""
    (text,) = connection.execute(
        f"select text from marts.documents where {OF_THE_ARTICLE}"
    ).fetchone()
    assert text == ARTICLE.read_bytes().decode("utf-8")
    cut = connection.execute(
        """
        select
            mentions.printed_text,
            substring(
                documents.text,
                mentions.char_start + 1,
                mentions.char_end - mentions.char_start
            )
        from marts.figure_mentions as mentions
        inner join marts.documents as documents
            on mentions.document_id = documents.document_id
        where documents.text_stored
        """
    ).fetchall()
    assert len(cut) == 16
    assert all(printed == cut_out for printed, cut_out in cut)


def test_derived_figure_inputs_are_published(connection: duckdb.DuckDBPyConnection) -> None:
    with open(ROOT / "seeds" / "corpus_derivation_inputs.csv", encoding="utf-8") as file:
        seeded = {
            (row["derived_id"], row["figure_id"], row["role"]) for row in csv.DictReader(file)
        }
    published = connection.execute(
        "select derived_id, figure_id, role from marts.derived_figure_inputs"
    ).fetchall()
    assert len(published) == len(seeded) == 19
    assert set(published) == seeded


def test_the_release_holds_only_the_public_schema(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    """raw, staging and intermediate are dropped from the published file; main is empty."""
    schemas = connection.execute(
        "select schema_name from duckdb_schemas() "
        "where database_name = current_database() order by schema_name"
    ).fetchall()
    assert schemas == [("main",), ("marts",)]
    assert connection.execute(
        "select count(*) from duckdb_tables() where schema_name = 'main'"
    ).fetchone() == (0,)
