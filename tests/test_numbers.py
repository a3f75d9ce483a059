"""The number parser: the article's own figures, its command line, and properties of the way
the article prints numbers (Chinese grouping in English words)."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wechat_impact.numbers import Found, Number, NumberError, find_numbers, parse_number

SCRIPT = Path(sys.executable).with_name("wechat-impact")


def number(value: str | None, low: str | None, high: str | None, unit, qualifier) -> Number:
    """A Number from decimal strings, so expected values are written as the seeds print them."""
    return Number(*(None if v is None else Decimal(v) for v in (value, low, high)), unit, qualifier)


EXAMPLES = {
    # Chinese grouping in English words; trailing zeros of the digits are not significant.
    "95 billion 200 million": number("95200000000", "95150000000", "95250000000", None, "exact"),
    "10 million 70 thousand": number("10070000", "10065000", "10075000", None, "exact"),
    "4 billion 400 million yuan": number("4400000000", "4350000000", "4450000000", "CNY", "exact"),
    "600 thousand": number("600000", "550000", "650000", None, "exact"),
    "11 billion yuan": number("11000000000", "10500000000", "11500000000", "CNY", "exact"),
    "95.2 billion": number("95200000000", "95150000000", "95250000000", None, "exact"),
    # A small count word is an exact count.
    "three": number("3", "3", "3", None, "exact"),
    # Qualifiers.
    "about 8.5%": number("8.5", "8.4", "8.6", "percent", "about"),
    "more than 600 thousand": number("600000", "600000", None, None, "more_than"),
    "up to 10 million 70 thousand people": number("10070000", None, "10075000", "persons", "up_to"),
    # A range states its own ends; "20-25%" shares the unit, "1-2 million" the scale.
    "20%-25%": number(None, "20", "25", "percent", "range"),
    "20-25%": number(None, "20", "25", "percent", "range"),
    "1-2 million": number(None, "1000000", "2000000", None, "range"),
    # Translation debris: "$4.24%" is a percentage, not dollars.
    "$4.24%": number("4.24", "4.235", "4.245", "percent", "exact"),
    # Plain digits: the last printed digit is significant.
    "1,007": number("1007", "1006.5", "1007.5", None, "exact"),
    "0.5%": number("0.5", "0.45", "0.55", "percent", "exact"),
    "70%": number("70", "69.5", "70.5", "percent", "exact"),
    "53%": number("53", "52.5", "53.5", "percent", "exact"),
    "2014 yuan": number("2014", "2013.5", "2014.5", "CNY", "exact"),  # a unit: not a year
    "85.7%": number("85.7", "85.65", "85.75", "percent", "exact"),
    # Chinese, as the report itself prints them.
    "952亿元": number("95200000000", "95150000000", "95250000000", "CNY", "exact"),
    "1007万人": number("10070000", "10065000", "10075000", "persons", "exact"),
    "4.4亿": number("440000000", "435000000", "445000000", None, "exact"),
    "2.2万亿元": number("2200000000000", "2150000000000", "2250000000000", "CNY", "exact"),
    "60万": number("600000", "550000", "650000", None, "exact"),
    # Chinese numerals in characters, through cn2an.
    "一千零七万人": number("10070000", "10065000", "10075000", "persons", "exact"),
    "三": number("3", "3", "3", None, "exact"),
}

NOT_A_NUMBER = (
    '(expected something like "95 billion 200 million yuan", "about 8.5%", "20%-25%", "1007万人")'
)
ERRORS = {
    "abc": f"not a number: 'abc' {NOT_A_NUMBER}",
    "": f"not a number: '' {NOT_A_NUMBER}",
    "8.5% yuan": f"not a number: '8.5% yuan' {NOT_A_NUMBER}",
    "2014": "'2014' is a year: years are periods, not figures",
    "$4.24": "'$4.24' has a dollar sign but no percent: '$' is only read as the translation "
    "debris in '$4.24%'",
    "about three": "'about three': 'about' cannot widen an exact count word",
    "10 thousand 5 million": "'10 thousand 5 million': '5 million' does not fit below the scale "
    "before it (larger scales come first, each part smaller than the one before)",
    "25%-20%": "'25%-20%': the first end of the range is above the second",
    "20%-25 yuan": "'20%-25 yuan': the ends have different units (percent, CNY)",
    "二〇一四": "'二〇一四' is written digit by digit, as Chinese prints years and codes, "
    "not figures",
}


@pytest.mark.parametrize(("text", "expected"), EXAMPLES.items(), ids=list(EXAMPLES))
def test_parses_the_article_examples(text: str, expected: Number) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(("text", "message"), ERRORS.items(), ids=list(ERRORS))
def test_refuses_what_is_not_a_figure(text: str, message: str) -> None:
    with pytest.raises(NumberError) as raised:
        parse_number(text)
    assert str(raised.value) == message


def test_finder_leaves_out_years_and_words_that_are_not_numbers() -> None:
    text = (
        "For the first time, nearly a year after 2013, someone often phoned in 2014; "
        "4G reached 95 billion 200 million yuan."
    )
    assert [found.printed for found in find_numbers(text)] == ["95 billion 200 million yuan"]


def test_finder_reports_spans_qualifiers_and_units() -> None:
    text = "Growth of the Three operators 20%-25%, about 8.5%.\nMore than 600 thousand"
    found = find_numbers(text)
    assert [(f.printed, f.number.qualifier) for f in found] == [
        ("Three", "exact"),
        ("20%-25%", "range"),
        ("about 8.5%", "about"),
        ("More than 600 thousand", "more_than"),
    ]
    assert all(text[f.start : f.end] == f.printed for f in found)


def test_finder_says_where_a_figure_cannot_be_read() -> None:
    with pytest.raises(NumberError) as raised:
        find_numbers("It grew 25%-20% in a year.")
    assert raised.value.offset == len("It grew ")


def run_script(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *arguments], capture_output=True, text=True, encoding="utf-8", check=False
    )


def test_cli_prints_json_without_exponents() -> None:
    result = run_script("parse-number", "95 billion 200 million yuan")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        '{"value": 95200000000, "low": 95150000000, "high": 95250000000, '
        '"unit": "CNY", "qualifier": "exact"}\n'
    )


def test_cli_prints_null_for_a_missing_end() -> None:
    result = run_script("parse-number", "more than 600 thousand")
    assert result.stdout == (
        '{"value": 600000, "low": 600000, "high": null, "unit": null, "qualifier": "more_than"}\n'
    )


def test_cli_refuses_text_that_is_not_a_number() -> None:
    result = run_script("parse-number", "abc")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"error: not a number: 'abc' {NOT_A_NUMBER}\n"


# Properties. The article prints a Chinese figure (952亿) in English groups with scale words,
# larger scales first, groups of 0 left out: "95 billion 200 million".
SCALE_WORDS = (("trillion", 10**12), ("billion", 10**9), ("million", 10**6), ("thousand", 10**3))
QUALIFIERS = (("", "exact"), ("about ", "about"), ("more than ", "more_than"), ("up to ", "up_to"))
UNIT_WORDS = (("", None), (" yuan", "CNY"), (" people", "persons"))
PROSE = ("WeChat", "reached", "the", "report", "said", "jobs", "consumption", "of", "in")


@st.composite
def printed_figures(draw: st.DrawFn) -> tuple[str, Decimal, str | None, str]:
    """(text as the article prints it, value, unit, qualifier)."""
    groups = draw(st.lists(st.integers(0, 999), min_size=4, max_size=4).filter(any))
    amount = " ".join(
        f"{group} {word}" for group, (word, _) in zip(groups, SCALE_WORDS, strict=True) if group
    )
    value = sum(group * scale for group, (_, scale) in zip(groups, SCALE_WORDS, strict=True))
    qualifier_words, qualifier = draw(st.sampled_from(QUALIFIERS))
    unit_words, unit = draw(st.sampled_from(UNIT_WORDS))
    return f"{qualifier_words}{amount}{unit_words}", Decimal(value), unit, qualifier


@st.composite
def printed_digits(draw: st.DrawFn) -> str:
    """Plain digits with a unit, as in '85.7%' or '1,007 yuan'."""
    places = draw(st.integers(0, 3))
    value = draw(st.decimals(min_value=0, max_value=10**7, places=places))
    unit = draw(st.sampled_from(("%", " yuan", " people")))
    return f"{value:,f}{unit}" if draw(st.booleans()) else f"{value:f}{unit}"


@given(printed_figures())
def test_a_figure_printed_the_articles_way_parses_back(figure) -> None:
    text, value, unit, qualifier = figure
    parsed = parse_number(text)
    assert (parsed.value, parsed.unit, parsed.qualifier) == (value, unit, qualifier)


@given(printed_figures(), st.lists(st.sampled_from(PROSE)), st.lists(st.sampled_from(PROSE)))
def test_the_finder_finds_exactly_the_printed_figure(figure, before, after) -> None:
    text = " ".join([*before, figure[0], *after])
    start = len(" ".join(before)) + 1 if before else 0
    assert find_numbers(text) == [
        Found(start, start + len(figure[0]), figure[0], parse_number(figure[0]))
    ]


@given(st.one_of(printed_figures().map(lambda figure: figure[0]), printed_digits()))
def test_the_interval_contains_the_value(text: str) -> None:
    parsed = parse_number(text)
    assert parsed.value is not None
    assert parsed.low is None or parsed.low <= parsed.value
    assert parsed.high is None or parsed.value <= parsed.high
    assert parsed.low is not None or parsed.high is not None


NUMBER_WORDS = re.compile(
    "one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|trillion",
    re.IGNORECASE,
)


@given(
    st.text(alphabet=string.ascii_letters + " .,;:!?'\"()-$%\n" + "元人的微信").filter(
        lambda text: not NUMBER_WORDS.search(text)
    )
)
def test_text_without_a_number_yields_none(text: str) -> None:
    assert find_numbers(text) == []
    with pytest.raises(NumberError):
        parse_number(text)
