"""Regenerate the figure seeds from the article, so they cannot drift from its text.

How much a figure is, and where it is printed, comes from the text (``numbers.find_numbers``).
What a number *is* cannot be read from the text, so a small committed catalog beside the
document says it: the figures (id, metric, label, period, unit) and, for every number the
finder reports, in document order, the figure it belongs to and its printed text. The
extractor never guesses: a number the catalog does not map, a catalog mention with no number,
a printed text that differs or a unit that contradicts its figure stops it with one line that
names the file and the place.

Offsets are Python str indices (Unicode code points) into the document exactly as stored:
it is read without newline translation. A quote is the sentence that prints the figure: a
sentence never crosses a line break, ends just after '.', '!' or '?' followed by whitespace or
the end of the text, and has its surrounding spaces trimmed, so a line without final
punctuation (the title) is one sentence. A paragraph is a run of lines between blank lines
(the title is paragraph 1); paragraphs are numbered from 1 in the document, sentences from 1
within their paragraph, so (paragraph_number, sentence_number) cites a sentence.
"""

from __future__ import annotations

import bisect
import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from wechat_impact.numbers import Found, NumberError, find_numbers, plain
from wechat_impact.seed_specs import SpecError, read_yaml

CATALOG = Path("sources/wechat-2014-impact-article.catalog.yml")
FIGURES = Path("seeds/corpus_figures.csv")
MENTIONS = Path("seeds/corpus_figure_mentions.csv")
FIGURE_COLUMNS = ("figure_id", "document_id", "metric", "label", "period", "unit")
MENTION_COLUMNS = (
    "mention_id",
    "figure_id",
    "mention_number",
    "printed_text",
    "qualifier",
    "value",
    "value_low",
    "value_high",
    "char_start",
    "char_end",
    "sentence_start",
    "sentence_end",
    "quote",
    "paragraph_number",
    "sentence_number",
)
CATALOG_FIGURE_KEYS = ("figure_id", "metric", "label", "period", "unit")
CATALOG_MENTION_KEYS = ("figure", "printed")

# A stop is '.', '!' or '?' before whitespace or the end; a line's end trims trailing spaces.
_SENTENCE_END = re.compile(r"(?P<stop>[.!?])(?=\s|\Z)|[^\S\n]*(?:\n|\Z)")
# One or more blank lines end a paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class ExtractError(Exception):
    """Why the seeds cannot be extracted, as one line that names the file and the place."""


@dataclass(frozen=True)
class Catalog:
    """The committed mapping from the numbers in a document to the figures they are."""

    path: Path
    document_id: str
    figures: tuple[dict[str, str], ...]
    mentions: tuple[dict[str, str], ...]

    @property
    def document(self) -> Path:
        """The document sits beside its catalog: name.catalog.yml describes name.txt."""
        return self.path.with_name(self.path.name.removesuffix(".catalog.yml") + ".txt")


def load_catalog(root: Path, path: Path) -> Catalog:
    """Read and shape-check the catalog at root/path (messages name path, relative), so later
    errors can trust its structure."""
    try:
        data = read_yaml(root / path, str(path))
    except SpecError as error:
        raise ExtractError(str(error)) from None
    if not isinstance(data, dict) or not isinstance(data.get("document_id"), str):
        raise ExtractError(f"{path}: needs a text 'document_id', a 'figures' and a 'mentions' list")
    return Catalog(
        path=path,
        document_id=data["document_id"],
        figures=_entries(path, data, "figures", CATALOG_FIGURE_KEYS),
        mentions=_entries(path, data, "mentions", CATALOG_MENTION_KEYS),
    )


def extract(root: Path) -> dict[Path, str]:
    """The seed files (paths relative to ``root``) with the text the catalog and document give."""
    catalog = load_catalog(root, CATALOG)
    document = catalog.document
    if not (root / document).is_file():
        raise ExtractError(f"{document}: missing or not a regular file; restore it from git")
    try:
        with open(root / document, encoding="utf-8", newline="") as file:  # raw newlines
            text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ExtractError(f"{document}: cannot read the document: {error}") from None
    try:
        found = find_numbers(text)
    except NumberError as error:
        assert error.offset is not None  # find_numbers always says where
        raise ExtractError(f"{document}, {_where(text, error.offset)}: {error}") from None
    _match_mentions(catalog, document, text, found)
    figures = _check_figures(catalog, found)
    return {
        FIGURES: _csv(FIGURE_COLUMNS, _figure_rows(catalog)),
        MENTIONS: _csv(MENTION_COLUMNS, _mention_rows(catalog, text, found, figures)),
    }


def write(root: Path) -> list[Path]:
    """Write the seeds under ``root``; each file is replaced whole or not at all."""
    outputs = extract(root)
    for relative, content in outputs.items():
        target = root / relative
        partial = target.with_name(target.name + ".partial")
        with open(partial, "w", encoding="utf-8", newline="") as file:
            file.write(content)
        os.replace(partial, target)
    return list(outputs)


def check(root: Path) -> list[str]:
    """One message per committed seed that differs from what ``write`` would write.

    A byte-order mark and CRLF line ends are not differences: spreadsheets add them, and the
    CSV readers (the input check, dbt) read such a file exactly like the one written here.
    """
    problems = []
    for relative, expected in extract(root).items():
        if not (root / relative).is_file():
            problems.append(
                f"{relative} is missing or not a regular file; "
                "run `wechat-impact extract` to write it"
            )
            continue
        raw = (root / relative).read_bytes()
        committed = raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
        if committed != expected:
            problems.append(_first_difference(relative, committed, expected))
    return problems


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in ``text``, in order (the rule is in the module doc)."""
    spans = []
    position = 0
    while True:
        start = len(text) - len(text[position:].lstrip())
        if start == len(text):
            return spans
        end = _SENTENCE_END.search(text, start)
        assert end is not None  # the pattern matches at the end of the text
        spans.append((start, end.end() if end["stop"] else end.start()))
        position = end.end()


@dataclass(frozen=True)
class Sentence:
    """Where a sentence is: its offsets, its paragraph and its number within the paragraph."""

    start: int
    end: int
    paragraph_number: int
    sentence_number: int


def sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with its paragraph and sentence numbers (from 1)."""
    breaks = [match.end() for match in _PARAGRAPH_BREAK.finditer(text)]
    numbered: list[Sentence] = []
    for start, end in sentence_spans(text):
        paragraph = bisect.bisect_right(breaks, start) + 1
        same_paragraph = bool(numbered) and numbered[-1].paragraph_number == paragraph
        number = numbered[-1].sentence_number + 1 if same_paragraph else 1
        numbered.append(Sentence(start, end, paragraph, number))
    return numbered


def _entries(
    path: Path, data: dict[str, object], key: str, fields: Sequence[str]
) -> tuple[dict[str, str], ...]:
    """A catalog list whose entries each have exactly ``fields``, all text."""
    entries = data.get(key)
    if not isinstance(entries, list):
        raise ExtractError(f"{path}: '{key}' must be a list")
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or sorted(entry) != sorted(fields):
            raise ExtractError(
                f"{path}: {key} entry {number} must have exactly these keys: {', '.join(fields)}"
            )
        for field, value in entry.items():
            if not isinstance(value, str):
                raise ExtractError(
                    f"{path}: {key} entry {number}: {field} must be text; quote {value!r}"
                )
    return tuple(entries)


def _match_mentions(catalog: Catalog, document: Path, text: str, found: list[Found]) -> None:
    """Pair the numbers with the catalog's mentions one to one, in document order."""
    for number, (mention, figure) in enumerate(zip(catalog.mentions, found, strict=False), 1):
        if mention["printed"] != figure.printed:
            raise ExtractError(
                f"{catalog.path}: mention {number} is {mention['printed']!r}, but number "
                f"{number} in {document} ({_where(text, figure.start)}) is {figure.printed!r}"
            )
    if len(found) > len(catalog.mentions):
        extra = found[len(catalog.mentions)]
        raise ExtractError(
            f"{document}, {_where(text, extra.start)}: {extra.printed!r} is number "
            f"{len(catalog.mentions) + 1}, but {catalog.path} maps only "
            f"{len(catalog.mentions)}; add it to mentions"
        )
    if len(found) < len(catalog.mentions):
        missing = catalog.mentions[len(found)]
        raise ExtractError(
            f"{catalog.path}: mention {len(found) + 1} ({missing['printed']!r}) has no number "
            f"in {document}, which prints {len(found)}; remove it or fix the text"
        )


def _check_figures(catalog: Catalog, found: list[Found]) -> dict[str, dict[str, str]]:
    """The figures by id, once the catalog's figures and mentions are known to agree."""
    figures = {figure["figure_id"]: figure for figure in catalog.figures}
    if len(figures) != len(catalog.figures):
        raise ExtractError(f"{catalog.path}: a figure_id is listed twice")
    for number, (mention, figure) in enumerate(zip(catalog.mentions, found, strict=True), 1):
        spec = figures.get(mention["figure"])
        if spec is None:
            raise ExtractError(
                f"{catalog.path}: mention {number} names {mention['figure']!r}, not in figures"
            )
        if figure.number.unit not in (None, spec["unit"]):
            raise ExtractError(
                f"{catalog.path}: mention {number} ({figure.printed!r}) is in "
                f"{figure.number.unit}, but {spec['figure_id']} is in {spec['unit']}"
            )
    first_appearance = list(dict.fromkeys(mention["figure"] for mention in catalog.mentions))
    if first_appearance != list(figures):
        raise ExtractError(
            f"{catalog.path}: figures must be listed once each in order of first mention: "
            f"{', '.join(first_appearance)}"
        )
    return figures


def _figure_rows(catalog: Catalog) -> Iterable[list[str]]:
    """The catalog's figures, with the document that prints them, in seed column order."""
    for figure in catalog.figures:
        row = {**figure, "document_id": catalog.document_id}
        yield [row[column] for column in FIGURE_COLUMNS]


def _mention_rows(
    catalog: Catalog, text: str, found: list[Found], figures: dict[str, dict[str, str]]
) -> Iterable[list[str]]:
    """One seed row per number, numbered within its figure, with its sentence."""
    places = sentences(text)
    starts = [place.start for place in places]
    counts = dict.fromkeys(figures, 0)
    for mention, figure in zip(catalog.mentions, found, strict=True):
        figure_id = mention["figure"]
        counts[figure_id] += 1
        place = places[bisect.bisect_right(starts, figure.start) - 1]
        number = figure.number
        yield [
            f"{figure_id}__{counts[figure_id]}",
            figure_id,
            str(counts[figure_id]),
            figure.printed,
            number.qualifier,
            _cell(number.value),
            _cell(number.low),
            _cell(number.high),
            str(figure.start),
            str(figure.end),
            str(place.start),
            str(place.end),
            text[place.start : place.end],
            str(place.paragraph_number),
            str(place.sentence_number),
        ]


def _cell(value: Decimal | None) -> str:
    return "" if value is None else plain(value)


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV exactly as the seeds are committed: UTF-8, '\\n' line ends, minimal quoting."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _first_difference(relative: Path, committed: str, expected: str) -> str:
    """The message for the first line where two different texts part."""
    end = ["(end of file)"]
    pairs = zip(committed.splitlines(True) + end, expected.splitlines(True) + end, strict=False)
    line, (old, new) = next((n, pair) for n, pair in enumerate(pairs, 1) if pair[0] != pair[1])
    return (
        f"{relative} differs from the article at line {line}: committed {old!r}, "
        f"extract writes {new!r}; run `wechat-impact extract` to regenerate it"
    )


def _where(text: str, offset: int) -> str:
    """'line L, column C' (both from 1) of a str offset, for messages people act on."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"
