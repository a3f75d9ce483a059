"""The cited documents in the published warehouse: documents, translation checks, checks
across documents with their gaps, figure verdicts and the series, read through the public
marts against hand calculations from the printed digits (exact fractions)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import duckdb
import pytest

pytestmark = pytest.mark.slow

YI = 10**8  # 亿
WAN = 10**4  # 万
TENTH_DECIMAL = Fraction(1, 10**10)


def down(number: Fraction) -> Fraction:
    """Rounded down to the 10th decimal, as a low end is."""
    return math.floor(number / TENTH_DECIMAL) * TENTH_DECIMAL


def up(number: Fraction) -> Fraction:
    return math.ceil(number / TENTH_DECIMAL) * TENTH_DECIMAL


def nearest(number: Fraction) -> Fraction:
    return math.floor(number / TENTH_DECIMAL + Fraction(1, 2)) * TENTH_DECIMAL


def one(connection: duckdb.DuckDBPyConnection, sql: str, *parameters) -> tuple:
    (row,) = connection.execute(sql, list(parameters)).fetchall()
    return row


def fractions(row: tuple) -> tuple:
    return tuple(Fraction(value) if isinstance(value, Decimal) else value for value in row)


def test_documents_cite_every_source_and_store_only_the_article(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    rows = connection.execute(
        "select document_id, kind, text_stored, url, translates_document_id from marts.documents"
    ).fetchall()
    stored = [row for row in rows if row[2]]
    assert [row[:2] for row in stored] == [("wechat_2014_impact_article", "article")]
    assert stored[0][4] == "people_2014_12_31"
    cited = [row for row in rows if not row[2]]
    assert len(cited) == 15
    assert all(url.startswith(("http://", "https://")) for _, _, _, url, _ in cited)
    assert {kind for _, kind, *_ in cited} == {"original", "edition", "official_statistic"}


def test_the_translation_checks_show_the_three_findings(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    differing = {
        mention_id: (values, intervals, qualifiers, measures, stray)
        for mention_id, values, intervals, qualifiers, measures, stray in connection.execute(
            "select mention_id, values_agree, intervals_agree, qualifiers_agree,"
            " measures_agree, has_stray_sign from marts.translation_checks"
            " where what_differs not like 'Nothing%'"
        ).fetchall()
    }
    assert differing == {
        # "up to 10 million 70 thousand people" for 1007万人 with 达到: same value, the
        # article's interval and qualifier are wrong.
        "jobs_driven__3": (True, False, False, True, False),
        # "$4.24%" for 4.24%: the same figure, a stray sign.
        "share_of_china_information_consumption_2013__1": (True, True, True, True, True),
        # The Chinese copies: operators' data traffic (people.com.cn) or data revenue (199it).
        "people_2014_12_31__operator_data_traffic_growth__1": (True, True, True, False, False),
    }
    article_pairs = one(
        connection,
        "select count(*) from marts.translation_checks where relation = 'translation'",
    )
    assert article_pairs == (15,)  # every mention but "more than 600 thousand", unread


def test_the_later_editions_put_2014_data_traffic_at_86_7_billion_not_85_7_percent(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    later_low, later_high = Fraction("1253.5") * YI, Fraction("1254.5") * YI
    # 85.7% of 95.2 billion: [85.65 x 951.5亿, 85.75 x 952.5亿] / 100
    share_low = Fraction("85.65") * Fraction("951.5") * YI / 100
    share_high = Fraction("85.75") * Fraction("952.5") * YI / 100
    printed_low, printed_high = Fraction("866.5") * YI, Fraction("867.5") * YI
    query = (
        "select status, recomputed_low, recomputed_high, gap from marts.claim_checks"
        " where claim_id = ?"
    )
    on_printed = fractions(one(connection, query, "data_traffic_2015_growth_on_printed_2014"))
    assert on_printed == (
        "consistent",
        down(100 * later_low / printed_high) - 100,
        up(100 * later_high / printed_low) - 100,
        None,
    )
    on_share = fractions(one(connection, query, "data_traffic_2015_growth_on_share_of_2014"))
    low = down(100 * later_low / share_high) - 100
    assert on_share == (
        "inconsistent",
        low,
        up(100 * later_high / share_low) - 100,
        low - Fraction("44.75"),
    )
    multiples = fractions(one(connection, query, "data_traffic_2017_multiple_of_share_of_2014"))
    assert multiples[0] == "inconsistent"
    assert multiples[1] == down(Fraction("1910.5") * YI / share_high)
    assert multiples[3] == multiples[1] - Fraction("2.25")


def test_every_gap_is_shown_in_the_checks_unit_and_relative_to_the_published_value(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    query = (
        "select gap, gap_pct_of_published, known_discrepancy, document_count"
        " from marts.claim_checks where claim_id = ?"
    )
    # 1743亿 + 2723亿 is at most 4467亿; the printed total is at least 4474.5亿.
    # 1743亿 + 2723亿 is at most 4467亿; the printed total is at least 4474.5亿: one document's
    # own figures.
    gap, relative, registered, documents = fractions(
        one(connection, query, "total_consumption_2016_parts")
    )
    assert gap == Fraction("7.5") * YI
    assert relative == nearest(100 * Fraction("7.5") / 4475)
    assert registered and documents == 1
    # 1745万 on 1007万 is at most +73.42...%, the printed 73.5% at least 73.45%: tiny.
    # 100 * 1745.5 / 1006.5 = 34910/201.3 = 173.4227521112... rounded up to 10 decimals.
    gap, relative, _, documents = fractions(one(connection, query, "jobs_2015_growth"))
    assert gap == Fraction("73.45") - (up(100 * Fraction("1745.5") / Fraction("1006.5")) - 100)
    assert gap == Fraction("0.0272478887")
    assert relative == nearest(100 * gap / Fraction("73.5")) == Fraction("0.0370719574")
    assert documents == 2  # the 2015 edition's 1745万 against the article's 10.07 million
    # The article's own contradiction: 100 * 86.65 / 95.25 = 34660/381 (rounded down to 10
    # decimals) less the published 85.75, 6.09...% of 85.7: a gap of another order.
    gap, relative, registered, documents = fractions(
        one(connection, query, "data_traffic_share_of_consumption")
    )
    assert gap == down(Fraction(34660, 381)) - Fraction("85.75")
    assert relative == nearest(100 * gap / Fraction("85.7"))
    assert Fraction(6) < relative < Fraction("6.1") and registered and documents == 1
    unregistered = one(
        connection,
        "select count(*) from marts.claim_checks where status = 'inconsistent'"
        " and not known_discrepancy",
    )
    assert unregistered == (0,)


def test_the_2013_national_total_makes_the_share_checkable(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    row = fractions(
        one(
            connection,
            "select status, recomputed_low, recomputed_high from marts.claim_checks"
            " where claim_id = 'share_of_china_2013'",
        )
    )
    # 95.2 billion of 2.2万亿: [951.5亿 / 2.25万亿, 952.5亿 / 2.15万亿] x 100
    assert row == (
        "consistent",
        down(100 * Fraction("951.5") * YI / (Fraction("2.25") * 10**12)),
        up(100 * Fraction("952.5") * YI / (Fraction("2.15") * 10**12)),
    )


def test_the_verdicts_name_the_85_7_percent_and_clear_the_86_7_billion(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    verdicts = {
        figure_id: (verdict, corroborating, contradicting)
        for figure_id, verdict, corroborating, contradicting in connection.execute(
            "select figure_id, verdict, corroborating_checks, contradicting_checks"
            " from marts.figure_verdicts where document_id = 'wechat_2014_impact_article'"
        ).fetchall()
    }
    assert verdicts["data_traffic_share"] == ("contradicted", 0, 3)
    assert verdicts["data_traffic_consumption"] == ("corroborated", 3, 0)
    assert verdicts["information_consumption"] == ("corroborated", 3, 0)


def test_the_series_holds_jobs_and_information_consumption_for_every_edition(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    series = {
        (measure, year): (low, high, agree)
        for measure, year, low, high, agree in connection.execute(
            "select measure_id, data_year, value_low, value_high, documents_agree"
            " from marts.measure_series"
            " where measure_id in ('wechat_jobs', 'wechat_information_consumption')"
        ).fetchall()
    }
    years = range(2014, 2019)
    assert set(series) == {
        (measure, year)
        for measure in ("wechat_jobs", "wechat_information_consumption")
        for year in years
    }
    assert all(agree for _, _, agree in series.values())
    # "More than 22.35 million" and two printings of 22.35 million (2235万): the
    # intersection of [22350000, no upper end] and [22345000, 22355000].
    assert fractions(series["wechat_jobs", 2018][:2]) == (2235 * WAN, Fraction("2235.5") * WAN)
    assert fractions(series["wechat_information_consumption", 2015][:2]) == (
        Fraction("1380.5") * YI,
        Fraction("1381.5") * YI,
    )
