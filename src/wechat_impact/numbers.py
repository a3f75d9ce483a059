"""Read figures the way the article prints them, and find them in running text.

The article is a machine translation of a Chinese report, so its figures keep Chinese
grouping in English words ("95 billion 200 million" is 952亿), carry qualifiers ("about 8.5%",
"more than 600 thousand", "up to ..."), ranges ("20%-25%") and translation debris ("of $4.24%"
is 4.24 percent, not dollars). A figure is therefore read as an interval, never as a bare float.

The interval rule (the product's convention)
--------------------------------------------
A printed figure has a *precision*: the place value of its last significant digit.

* Written with scale words (hundred, thousand, million, billion, trillion; 万, 亿, 万亿) or in
  Chinese numerals, trailing zeros are not significant: the translation turned 952亿 into
  "95 billion 200 million", so those zeros are the translator's, not the report's.
  "95 billion 200 million" -> 100 million, "10 million 70 thousand" -> 10 thousand,
  "11 billion" -> 1 billion, "4.4亿" -> 10 million, "600 thousand" -> 100 thousand.
* Plain digits: the last printed digit is significant. "70%" -> 1, "85.7%" -> 0.1, "1,007" -> 1.
* A small count word (one .. ten, 一 .. 十) names an exact count: precision 0.

The qualifier then forms the interval from value and precision; ``INTERVALS`` holds this table
as data and is the only place the code applies it:

    exact      [value - precision/2, value + precision/2]
    about      [value - precision,   value + precision]    (a whole unit either side)
    more_than  [value, None]
    up_to      [None, value + precision/2]
    range      [first end, second end], value None        (a range states its own ends)

"about" with an exact count word ("about three") has no width to widen, so it is refused
rather than read as exactly three.

Units: "%"/"percent" -> percent (value in percent points), "yuan"/元 and a leading "RMB" ->
CNY, "people"/人 -> persons, "times"/倍 -> times (a multiple), none -> None. The counter word
个/個 ("2963万个") says only that things are counted: its unit is None, and what is counted
comes from the figure's measure. 億 and 萬 (Japanese and traditional) are 亿 and 万.

Cited sources print a qualifying word apart from the figure (达到 1007万人, 超过60万);
``QUALIFYING_WORDS`` maps each to its qualifier and ``parse_qualified`` applies it. 达到
("reached") states a point figure: exact, never an upper bound.

Years are periods, not figures: a bare four-digit integer from 1900 to 2099 (no scale, unit
or %) is never reported by ``find_numbers`` and refused by ``parse_number``.

What is written by hand, and what cn2an does
--------------------------------------------
cn2an reads Chinese numerals written in characters (一千零七万, 九百五十二亿, 两万, 一万二):
their grammar (零 placeholders, 十 shorthand, 两, colloquial 一万二) is the hard part and cn2an
returns exact integers for them. Everything else is written here by hand, because cn2an's
"smart" mode does not fit printed figures: it returns binary floats for decimals ("4.4"),
truncates fractions of a base unit to an integer ("1.23456万" becomes 12345), rejects digits
before 万亿 ("2.2万亿") and thousands separators ("1,007"), knows no English scale words, and
loses the printed digits that the precision rule needs. Decimals written in characters (三点五)
are not read: cn2an returns them as floats. Digit-by-digit numerals (二〇一四, how Chinese
prints years and codes) are refused.

``find_numbers`` searches digits and English words only. Chinese numeral characters are part
of ordinary words (一起, 统一, 万一), so finding them in running Chinese text would need word
segmentation; ``parse_number`` reads them when it is given one on its own.

All arithmetic is exact decimal arithmetic; a result that would need rounding raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Context, Decimal, Inexact, Rounded, localcontext
from pathlib import Path
from types import MappingProxyType

import cn2an

Bound = Callable[[Decimal, Decimal], Decimal | None]

INTERVALS: Mapping[str, tuple[Bound, Bound]] = MappingProxyType(
    {
        "exact": (
            lambda value, precision: value - precision / 2,
            lambda value, precision: value + precision / 2,
        ),
        "about": (
            lambda value, precision: value - precision,
            lambda value, precision: value + precision,
        ),
        "more_than": (lambda value, precision: value, lambda value, precision: None),
        "up_to": (lambda value, precision: None, lambda value, precision: value + precision / 2),
    }
)
"""Qualifier -> (low, high) as functions of (value, precision): the interval rule, as data."""

QUALIFIER_WORDS: Mapping[str, str] = MappingProxyType(
    {"about": "about", "more than": "more_than", "up to": "up_to"}
)
QUALIFYING_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "": "exact",
        "达到": "exact",  # "reached": a point figure
        "达": "exact",
        "達到": "exact",
        "に達し": "exact",
        "に上り": "exact",
        "约": "about",
        "约为": "about",
        "約": "about",
        "about": "about",
        "超过": "more_than",
        "超过了": "more_than",
        "超": "more_than",
        "を超え": "more_than",
        "more than": "more_than",
        "exceeded": "more_than",
        "up to": "up_to",
    }
)
"""A qualifying word printed apart from its figure -> the qualifier it states."""
_ENGLISH_QUALIFIERS = {qualifier: words for words, qualifier in QUALIFIER_WORDS.items()}
COUNT_WORDS: Mapping[str, int] = MappingProxyType(
    {
        word: number
        for number, word in enumerate(
            ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 1
        )
    }
)
SCALES: Mapping[str, int] = MappingProxyType(
    {
        "hundred": 10**2,
        "thousand": 10**3,
        "hundred thousand": 10**5,
        "million": 10**6,
        "hundred million": 10**8,
        "billion": 10**9,
        "hundred billion": 10**11,
        "trillion": 10**12,
        "万": 10**4,
        "亿": 10**8,
        "万亿": 10**12,
        "萬": 10**4,  # traditional and Japanese forms of 万, 亿, 万亿
        "億": 10**8,
        "萬億": 10**12,
    }
)
UNITS: Mapping[str, str | None] = MappingProxyType(
    {
        "%": "percent",
        "\uff05": "percent",  # fullwidth percent sign
        "percent": "percent",
        "yuan": "CNY",
        "元": "CNY",
        "people": "persons",
        "人": "persons",
        "个": None,  # a counter word ("2963万个"): it counts, the measure says what
        "個": None,
        "倍": "times",  # a multiple: "2.2倍", "2.4 times"
        "times": "times",
    }
)

# Far more digits than any printed figure; Inexact/Rounded make "exact" a checked promise.
_EXACT = Context(prec=60, traps=[Inexact, Rounded])

_GAP = r"[^\S\n]+"  # spaces inside one figure; a figure never crosses a line break
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?![0-9]|[.,][0-9])"
_COUNT = rf"\b(?:{'|'.join(COUNT_WORDS)})\b"
_GROUP = rf"(?:{_DIGITS}|\b(?:{'|'.join(COUNT_WORDS)}|a)\b)"  # "a million" is one million
_EN_SCALE = rf"(?:(?:hundred{_GAP})?(?:thousand|million|billion|trillion)s?|hundreds?)\b"
_ZH_SCALE = "(?:万亿|萬億|亿|億|万|萬)"
_EN_GROUPED = rf"{_GROUP}{_GAP}{_EN_SCALE}(?:{_GAP}{_GROUP}{_GAP}{_EN_SCALE})*"
_ZH_GROUPED = rf"{_DIGITS}{_ZH_SCALE}(?:{_DIGITS}{_ZH_SCALE})*"
_CN_NUMERAL = "[零〇一二两三四五六七八九十百千万亿]+"
_UNIT = rf"(?:%|\uff05|元|人|个|個|倍|{_GAP}(?:yuan|people|percent|times)\b)"
_SIGN = r"(?:[-\u2212](?=[0-9]))"  # hyphen-minus or minus sign


def _expression(amount: str) -> str:
    """The whole grammar of one printed figure, around a given amount pattern."""
    end = rf"{_SIGN}?(?:{amount})(?:{_UNIT})?"
    return rf"""
        (?<![A-Za-z0-9_.])(?<![0-9],)(?<![A-Za-z0-9]-)   # not the tail of a word or number
        (?:(?P<qualifier>\b(?:about|more{_GAP}than|up{_GAP}to)){_GAP})?
        (?P<dollar>\$)?
        (?P<currency>\bRMB{_GAP})?                      # "RMB 240.2 billion" is yuan
        (?P<first>{end})
        (?:[-\u2013~\uff5e至到](?P<second>{end}))?    # hyphen, en dash, tildes
        (?:(?<![A-Za-z0-9_])|(?![A-Za-z0-9_]))          # not glued to a following word
    """


_AMOUNT_IN_TEXT = rf"{_EN_GROUPED}|{_ZH_GROUPED}|{_DIGITS}|{_COUNT}"
_FLAGS = re.IGNORECASE | re.VERBOSE
_FIND = re.compile(_expression(_AMOUNT_IN_TEXT), _FLAGS)
_PARSE = re.compile(_expression(rf"{_AMOUNT_IN_TEXT}|{_CN_NUMERAL}"), _FLAGS)
_END = re.compile(
    rf"(?P<sign>{_SIGN})?(?P<amount>{_AMOUNT_IN_TEXT}|{_CN_NUMERAL})(?P<unit>{_UNIT})?",
    _FLAGS,
)
_TERM = re.compile(rf"(?P<group>{_GROUP})(?:{_GAP})?(?P<scale>{_EN_SCALE}|{_ZH_SCALE})", _FLAGS)
_YEAR = re.compile("(?:19|20)[0-9]{2}")
_EXAMPLES = '"95 billion 200 million yuan", "about 8.5%", "20%-25%", "1007万人"'


class NumberError(ValueError):
    """Text that is not a figure the parser reads; ``offset`` is where, when found in a text."""

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class Number:
    """What a printed figure stands for: a value and the interval the printed text allows."""

    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str | None
    qualifier: str


@dataclass(frozen=True)
class Found:
    """A figure found in a text: ``text[start:end]`` is ``printed``."""

    start: int
    end: int
    printed: str
    number: Number


@dataclass(frozen=True)
class _End:
    """One end of a figure (a range has two): amount, precision, unit."""

    value: Decimal
    precision: Decimal
    scale: Decimal | None  # the largest scale word, which a bare first range end borrows
    unit: str | None
    is_year: bool


def parse_number(text: str) -> Number:
    """Read one printed figure; anything else raises NumberError, never a wrong number."""
    match = _PARSE.fullmatch(text.strip())
    if match is None:
        raise NumberError(f"not a number: {text!r} (expected something like {_EXAMPLES})")
    number = _interpret(match)
    if number is None:
        raise NumberError(f"{text.strip()!r} is a year: years are periods, not figures")
    return number


def parse_qualified(printed: str, qualifying_word: str) -> Number:
    """A figure printed apart from the word that qualifies it: ('1007万人', '达到').

    Cited sources print the qualifying word away from the figure, in Chinese, Japanese or
    English; ``QUALIFYING_WORDS`` says which qualifier each word is, and the interval rule
    then applies as for a figure printed with its English qualifier. 达到 ("reached") and
    its kin state a point figure: exact, not an upper bound.
    """
    qualifier = qualifier_of(qualifying_word)
    number = parse_number(printed)
    if number.qualifier in QUALIFIER_WORDS.values():
        raise NumberError(
            f"{printed!r} carries its own qualifier; print the figure alone and its "
            "qualifying word apart"
        )
    if qualifier == "exact":
        return number
    return parse_number(f"{_ENGLISH_QUALIFIERS[qualifier]} {printed.strip()}")


def qualifier_of(qualifying_word: str) -> str:
    """The qualifier a qualifying word states; case and spacing vary in print."""
    key = " ".join(qualifying_word.lower().split())
    if key not in QUALIFYING_WORDS:
        known = ", ".join(repr(word) for word in QUALIFYING_WORDS if word)
        raise NumberError(f"{qualifying_word!r} is not a qualifying word (known: {known})")
    return QUALIFYING_WORDS[key]


def find_numbers(text: str) -> list[Found]:
    """Every figure printed in ``text``, in order, with its span; years are left out."""
    found = []
    for match in _FIND.finditer(text):
        try:
            number = _interpret(match)
        except NumberError as error:
            raise NumberError(str(error), offset=match.start()) from None
        if number is not None:
            found.append(Found(match.start(), match.end(), match.group(), number))
    return found


def plain(number: Decimal, grouped: bool = False) -> str:
    """A decimal as printed in seeds, JSON and messages: no exponent, no trailing zeros
    (10065000, 4.235); `grouped` puts commas between thousands for a reader (10,065,000).

    The one number formatter: the marts store decimal(38, 10), so 85.7 arrives as
    85.7000000000, and this text makes equal numbers equal strings whatever their scale."""
    with localcontext(_EXACT):
        return format(number.normalize(), ",f" if grouped else "f")


QUANTITY_TEXT_SQL = (Path(__file__).parent / "sql" / "quantity_text.sql").read_text("utf-8")
"""`plain` for plain DuckDB SQL: creates the temporary macro quantity_text(quantity)."""


def _interpret(match: re.Match[str]) -> Number | None:
    """The Number a grammar match stands for, or None for a year (a period, not a figure)."""
    printed = match.group().strip()
    try:
        with localcontext(_EXACT):
            first = _read_end(match["first"], printed)
            second = _read_end(match["second"], printed) if match["second"] else None
            if match["currency"]:
                first = _in_yuan(first, printed)
                second = second and _in_yuan(second, printed)
            if match["dollar"] and "percent" not in (first.unit, second and second.unit):
                raise NumberError(
                    f"{printed!r} has a dollar sign but no percent: '$' is only read as the "
                    "translation debris in '$4.24%'"
                )
            if first.is_year and (second is None or second.is_year):
                return None
            if second is None:
                return _single(first, match["qualifier"], printed)
            return _range(first, second, match["qualifier"], printed)
    except (Inexact, Rounded):
        raise NumberError(f"{printed!r} has too many digits to compute exactly") from None


def _single(end: _End, qualifier_words: str | None, printed: str) -> Number:
    """One printed value: its qualifier turns value and precision into the interval."""
    qualifier = _qualifier(qualifier_words)
    if qualifier == "about" and end.precision == 0:
        raise NumberError(f"{printed!r}: 'about' cannot widen an exact count word")
    low, high = INTERVALS[qualifier]
    return Number(
        value=end.value,
        low=low(end.value, end.precision),
        high=high(end.value, end.precision),
        unit=end.unit,
        qualifier=qualifier,
    )


def _range(first: _End, second: _End, qualifier_words: str | None, printed: str) -> Number:
    """'20%-25%': the printed ends are the interval; the ends share a unit ('20-25%')."""
    if qualifier_words:
        raise NumberError(f"{printed!r}: a range states its own ends and takes no qualifier")
    if first.unit and second.unit and first.unit != second.unit:
        raise NumberError(
            f"{printed!r}: the ends have different units ({first.unit}, {second.unit})"
        )
    low = first.value
    if first.scale is None and second.scale is not None:  # "1-2 million": 1 million to 2 million
        low *= second.scale
    if low > second.value:
        raise NumberError(f"{printed!r}: the first end of the range is above the second")
    return Number(None, low, second.value, first.unit or second.unit, "range")


def _in_yuan(end: _End, printed: str) -> _End:
    """An end after 'RMB': its unit is yuan, whatever unit word it has must agree."""
    if end.unit not in (None, "CNY"):
        raise NumberError(f"{printed!r}: 'RMB' names yuan, but the figure is in {end.unit}")
    return replace(end, unit="CNY", is_year=False)


def _qualifier(words: str | None) -> str:
    """The qualifier's name; case and spacing vary in print ('More  than')."""
    if words is None:
        return "exact"
    return QUALIFIER_WORDS[" ".join(words.lower().split())]


def _read_end(text: str, printed: str) -> _End:
    """Value, precision and unit of one end; ``printed`` (the whole figure) names errors."""
    parts = _END.fullmatch(text)
    if parts is None:  # the figure grammar and _END are built from the same pieces
        raise AssertionError(f"{text!r} matched the figure grammar but not one end of it")
    amount = parts["amount"]
    unit = UNITS[parts["unit"].strip().lower()] if parts["unit"] else None
    sign = -1 if parts["sign"] else 1
    if _TERM.match(amount):
        value, precision, scale = _read_grouped(amount, printed)
    elif amount.lower() in COUNT_WORDS:
        value, precision, scale = Decimal(COUNT_WORDS[amount.lower()]), Decimal(0), None
    elif amount[0] in "0123456789":
        value = Decimal(amount.replace(",", ""))
        precision, scale = Decimal(1).scaleb(value.as_tuple().exponent), None
    else:
        value, precision, scale = _read_chinese_numeral(amount, printed)
    is_year = bool(_YEAR.fullmatch(amount)) and unit is None and sign == 1
    return _End(sign * value, precision, scale, unit, is_year)


def _read_grouped(amount: str, printed: str) -> tuple[Decimal, Decimal, Decimal]:
    """'95 billion 200 million', '4.4亿', '1亿2000万': each group times its scale, larger first."""
    terms = []
    for term in _TERM.finditer(amount):
        group = term["group"].lower()
        count = COUNT_WORDS.get(group, 1 if group == "a" else None)
        number = Decimal(count) if count is not None else Decimal(group.replace(",", ""))
        scale = Decimal(SCALES[" ".join(term["scale"].lower().split()).removesuffix("s")])
        if terms and number * scale >= terms[-1][1]:
            raise NumberError(
                f"{printed!r}: {term.group()!r} does not fit below the scale before it "
                "(larger scales come first, each part smaller than the one before)"
            )
        terms.append((number, scale))
    value = sum((number * scale for number, scale in terms), Decimal(0))
    # Zero has no significant digit; it keeps the smallest scale it was written with.
    precision = _last_significant_place(value) if value else terms[-1][1]
    return value, precision, terms[0][1]


def _read_chinese_numeral(amount: str, printed: str) -> tuple[Decimal, Decimal, None]:
    """一千零七万 and the like, through cn2an; 一 .. 十 alone are exact counts like 'three'."""
    if len(amount) > 1 and not re.search("[十百千万亿]", amount):
        raise NumberError(
            f"{printed!r} is written digit by digit, as Chinese prints years and codes, not figures"
        )
    try:
        value = Decimal(cn2an.cn2an(amount, "normal"))
    except ValueError:  # cn2an explains in Chinese only
        raise NumberError(f"{printed!r} is not a Chinese numeral cn2an reads") from None
    if value <= 10:
        return value, Decimal(0), None
    return value, _last_significant_place(value), None


def _last_significant_place(value: Decimal) -> Decimal:
    """Place value of the last non-zero digit: zeros implied by scale words are not significant."""
    return Decimal(1).scaleb(value.normalize().as_tuple().exponent)
