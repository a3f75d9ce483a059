"""The number parser on figures as the cited documents print them: Japanese and traditional
scale characters, counter words, multiples, a leading "RMB", and qualifying words printed
apart from the figure. Expected values are worked out by hand from the printed digits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wechat_impact.numbers import Number, NumberError, parse_number, parse_qualified


def number(value: str | None, low: str | None, high: str | None, unit, qualifier) -> Number:
    return Number(*(None if v is None else Decimal(v) for v in (value, low, high)), unit, qualifier)


PRINTED = {
    # 億 is 亿 (10^8): 1254 * 10^8, half of 10^8 either side.
    "1254億元": number("125400000000", "125350000000", "125450000000", "CNY", "exact"),
    # Thousands separators before 億: 4475 * 10^8.
    "4,475億元": number("447500000000", "447450000000", "447550000000", "CNY", "exact"),
    # 萬 is 万 (10^4); 個 and 个 count things and leave the unit to the measure.
    "4618萬個": number("46180000", "46175000", "46185000", None, "exact"),
    "2963万个": number("29630000", "29625000", "29635000", None, "exact"),
    # "22.35 million": the last printed digit is 0.01 million, 10 thousand.
    "22.35 million people": number("22350000", "22345000", "22355000", "persons", "exact"),
    "RMB 240.2 billion": number("240200000000", "240150000000", "240250000000", "CNY", "exact"),
    "2.2倍": number("2.2", "2.15", "2.25", "times", "exact"),
    "2.4 times": number("2.4", "2.35", "2.45", "times", "exact"),
    "4.5万亿元": number("4500000000000", "4450000000000", "4550000000000", "CNY", "exact"),
}

QUALIFIED = {
    # 达到 ("reached") is a point figure, not the article's "up to".
    ("1007万人", "达到"): number("10070000", "10065000", "10075000", "persons", "exact"),
    ("867亿元", "达"): number("86700000000", "86650000000", "86750000000", "CNY", "exact"),
    ("8.5%", "约为"): number("8.5", "8.4", "8.6", "percent", "about"),
    ("126億元", "を超え"): number("12600000000", "12600000000", None, "CNY", "more_than"),
    ("30%", "超过了"): number("30", "30", None, "percent", "more_than"),
    ("22.35 million people", "More than"): number(
        "22350000", "22350000", None, "persons", "more_than"
    ),
    ("26%", "up to"): number("26", None, "26.5", "percent", "up_to"),
    ("20%-25%", ""): number(None, "20", "25", "percent", "range"),
}


@pytest.mark.parametrize(("text", "expected"), PRINTED.items(), ids=list(PRINTED))
def test_reads_figures_as_the_cited_documents_print_them(text: str, expected: Number) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("printed", "word", "expected"),
    [(printed, word, expected) for (printed, word), expected in QUALIFIED.items()],
    ids=[f"{word or 'none'} {printed}" for printed, word in QUALIFIED],
)
def test_the_qualifying_word_sets_the_qualifier(printed: str, word: str, expected) -> None:
    assert parse_qualified(printed, word) == expected


def test_the_qualifier_comes_from_the_word_not_the_figure() -> None:
    with pytest.raises(NumberError) as raised:
        parse_qualified("about 8.5%", "约为")
    assert str(raised.value) == (
        "'about 8.5%' carries its own qualifier; print the figure alone and its qualifying "
        "word apart"
    )


def test_rmb_cannot_name_a_percentage() -> None:
    with pytest.raises(NumberError) as raised:
        parse_number("RMB 5%")
    assert str(raised.value) == "'RMB 5%': 'RMB' names yuan, but the figure is in percent"
