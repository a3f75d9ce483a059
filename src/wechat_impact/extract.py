"""Regenerate the figure seeds from the documents' catalogs, so they cannot drift from them.

Every document with figures has a committed catalog in sources/ (``<name>.catalog.yml``): its
``document_id``, its figures (id, measure, data year, label, unit) and its mentions, each
naming the figure it prints and the text exactly as printed. The extractor reads every
catalog, in the order the documents have in seeds/corpus_document_sources.csv, and writes all
their rows into seeds/corpus_figures.csv and seeds/corpus_figure_mentions.csv. Value,
interval and qualifier always come from the one parser (``numbers``):

* a document whose text is stored (``text_stored`` true; the text is ``<name>.txt`` beside
  the catalog) lists every number the finder reports (``numbers.find_numbers``), in document
  order; the text gives offsets, quote, paragraph and sentence, and the locator says
  ``paragraph P, sentence S``;
* a document only cited stores no text: each mention gives its qualifying word (empty when
  none) and a locator a reader can follow (``paragraph 3``, ``headline``), and the printed
  text is read by ``numbers.parse_qualified``; offsets and quote are left empty.

The extractor never guesses: an unknown document or measure, a unit that is not its
measure's, a figure about a year after its document's publication, a number the catalog does
not map, a mention with no number, a printed text that differs or does not parse, stops it
with one line that names the catalog, the figure and the key.

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

from wechat_impact.cited_inputs import after_publication
from wechat_impact.numbers import (
    Found,
    Number,
    NumberError,
    find_numbers,
    parse_qualified,
    plain,
    qualifier_of,
)
from wechat_impact.seed_specs import SpecError, read_yaml

SOURCES = Path("sources")
CATALOG_SUFFIX = ".catalog.yml"
DOCUMENT_SOURCES = Path("seeds/corpus_document_sources.csv")
MEASURES = Path("seeds/corpus_measures.csv")
FIGURES = Path("seeds/corpus_figures.csv")
MENTIONS = Path("seeds/corpus_figure_mentions.csv")
FIGURE_COLUMNS = ("figure_id", "document_id", "measure_id", "data_year", "label", "unit")
MENTION_COLUMNS = (
    "mention_id",
    "figure_id",
    "mention_number",
    "printed_text",
    "qualifying_word",
    "qualifier",
    "value",
    "value_low",
    "value_high",
    "locator",
    "char_start",
    "char_end",
    "sentence_start",
    "sentence_end",
    "quote",
    "paragraph_number",
    "sentence_number",
)
CATALOG_FIGURE_KEYS = ("figure_id", "measure_id", "data_year", "label", "unit")
# A stored text gives where and how a figure is printed; a cited document's catalog says it.
STORED_MENTION_KEYS = ("figure", "printed")
CITED_MENTION_KEYS = ("figure", "printed", "qualifying_word", "locator")

# A stop is '.', '!' or '?' before whitespace or the end; a line's end trims trailing spaces.
_SENTENCE_END = re.compile(r"(?P<stop>[.!?])(?=\s|\Z)|[^\S\n]*(?:\n|\Z)")
# One or more blank lines end a paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class ExtractError(Exception):
    """Why the seeds cannot be extracted, as one line that names the file and the place."""


@dataclass(frozen=True)
class Catalog:
    """The committed mapping from the figures a document prints to what they are."""

    path: Path
    document_id: str
    text_stored: bool
    figures: tuple[dict[str, str], ...]
    mentions: tuple[dict[str, str], ...]

    @property
    def document(self) -> Path:
        """A stored text sits beside its catalog: name.catalog.yml describes name.txt."""
        return self.path.with_name(self.path.name.removesuffix(CATALOG_SUFFIX) + ".txt")

    def where(self, figure_id: str, key: str) -> str:
        """The place a fault is fixed: the catalog, the figure and the key."""
        return f"{self.path}, figure {figure_id}, key {key}"


@dataclass(frozen=True)
class Printing:
    """One mention as the extractor writes it: what is printed and where to read it."""

    figure_id: str
    printed: str
    qualifying_word: str
    number: Number
    locator: str
    cells: tuple[str, ...]  # char_start .. sentence_number; empty where no text is stored


def load_catalog(root: Path, path: Path, documents: dict[str, dict[str, str]]) -> Catalog:
    """Read and shape-check the catalog at root/path (messages name path, relative), so later
    errors can trust its structure."""
    try:
        data = read_yaml(root / path, str(path))
    except SpecError as error:
        raise ExtractError(str(error)) from None
    if not isinstance(data, dict) or not isinstance(data.get("document_id"), str):
        raise ExtractError(f"{path}: needs a text 'document_id', a 'figures' and a 'mentions' list")
    document = documents.get(data["document_id"])
    if document is None:
        raise ExtractError(
            f"{path}, key document_id: {data['document_id']!r} names no document_id in "
            f"{DOCUMENT_SOURCES}"
        )
    stored = document["text_stored"] == "true"
    return Catalog(
        path=path,
        document_id=data["document_id"],
        text_stored=stored,
        figures=_entries(path, data, "figures", CATALOG_FIGURE_KEYS),
        mentions=_entries(
            path, data, "mentions", STORED_MENTION_KEYS if stored else CITED_MENTION_KEYS
        ),
    )


def _catalogs(root: Path, documents: dict[str, dict[str, str]]) -> list[Catalog]:
    """Every catalog in sources/, in the order of its document in corpus_document_sources."""
    found = [
        load_catalog(root, path.relative_to(root), documents)
        for path in sorted((root / SOURCES).glob("*" + CATALOG_SUFFIX))
    ]
    order = {document_id: number for number, document_id in enumerate(documents)}
    described: dict[str, Path] = {}
    for catalog in found:
        if catalog.document_id in described:
            raise ExtractError(
                f"{catalog.path}, key document_id: {catalog.document_id} is described by "
                f"{described[catalog.document_id]} too; one catalog per document"
            )
        described[catalog.document_id] = catalog.path
    return sorted(found, key=lambda catalog: order[catalog.document_id])


def extract(root: Path) -> dict[Path, str]:
    """The seed files (paths relative to ``root``) with the text the catalogs give."""
    documents = _seed_rows(root, DOCUMENT_SOURCES, "document_id")
    measures = _seed_rows(root, MEASURES, "measure_id")
    figure_rows: list[list[str]] = []
    mention_rows: list[list[str]] = []
    seen: dict[str, Path] = {}
    for catalog in _catalogs(root, documents):
        figures = _check_figures(catalog, documents[catalog.document_id], measures)
        for figure_id in figures:
            if figure_id in seen:
                raise ExtractError(
                    f"{catalog.where(figure_id, 'figure_id')}: also a figure of {seen[figure_id]}"
                )
            seen[figure_id] = catalog.path
        printings = (
            _stored_printings(root, catalog) if catalog.text_stored else _cited_printings(catalog)
        )
        _check_mentions(catalog, printings, figures)
        figure_rows.extend(_figure_rows(catalog))
        mention_rows.extend(_mention_rows(printings, figures))
    return {
        FIGURES: _csv(FIGURE_COLUMNS, figure_rows),
        MENTIONS: _csv(MENTION_COLUMNS, mention_rows),
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


def _stored_printings(root: Path, catalog: Catalog) -> list[Printing]:
    """The catalog's mentions found in the stored text, one to one, in document order."""
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
    _match_mentions(catalog, text, found)
    places = sentences(text)
    starts = [place.start for place in places]
    printings = []
    for mention, figure in zip(catalog.mentions, found, strict=True):
        place = places[bisect.bisect_right(starts, figure.start) - 1]
        cells = (figure.start, figure.end, place.start, place.end)
        printings.append(
            Printing(
                figure_id=mention["figure"],
                printed=figure.printed,
                qualifying_word="",
                number=figure.number,
                locator=f"paragraph {place.paragraph_number}, sentence {place.sentence_number}",
                cells=(
                    *(str(cell) for cell in cells),
                    text[place.start : place.end],
                    str(place.paragraph_number),
                    str(place.sentence_number),
                ),
            )
        )
    return printings


def _cited_printings(catalog: Catalog) -> list[Printing]:
    """The catalog's mentions of a document whose text is not stored, read by the parser
    with their qualifying words."""
    printings = []
    for number, mention in enumerate(catalog.mentions, 1):
        where = f"{catalog.path}, mention {number} (figure {mention['figure']}), key"
        try:
            qualifier_of(mention["qualifying_word"])
        except NumberError as error:
            raise ExtractError(f"{where} qualifying_word: {error}") from None
        try:
            parsed = parse_qualified(mention["printed"], mention["qualifying_word"])
        except NumberError as error:
            raise ExtractError(f"{where} printed: {error}") from None
        printings.append(
            Printing(
                figure_id=mention["figure"],
                printed=mention["printed"],
                qualifying_word=mention["qualifying_word"],
                number=parsed,
                locator=mention["locator"],
                cells=("",) * 7,
            )
        )
    return printings


def _match_mentions(catalog: Catalog, text: str, found: list[Found]) -> None:
    """Pair the numbers with the catalog's mentions one to one, in document order."""
    document = catalog.document
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


def _check_figures(
    catalog: Catalog, document: dict[str, str], measures: dict[str, dict[str, str]]
) -> dict[str, dict[str, str]]:
    """The figures by id, each of a defined measure in its unit, about a year that had begun
    when its document was published."""
    figures = {figure["figure_id"]: figure for figure in catalog.figures}
    if len(figures) != len(catalog.figures):
        raise ExtractError(f"{catalog.path}: a figure_id is listed twice")
    published_on = document["published_on"]
    for figure_id, figure in figures.items():
        measure = measures.get(figure["measure_id"])
        if measure is None:
            raise ExtractError(
                f"{catalog.where(figure_id, 'measure_id')}: {figure['measure_id']!r} names no "
                f"measure_id in {MEASURES}"
            )
        if figure["unit"] != measure["unit"]:
            raise ExtractError(
                f"{catalog.where(figure_id, 'unit')}: {figure['unit']} is not its measure's "
                f"unit, {measure['unit']}"
            )
        if not re.fullmatch(r"[0-9]{4}", figure["data_year"]):
            raise ExtractError(
                f"{catalog.where(figure_id, 'data_year')}: {figure['data_year']!r} is not a year"
            )
        if after_publication(figure["data_year"], published_on or None):
            raise ExtractError(
                f"{catalog.where(figure_id, 'data_year')}: {figure['data_year']} is after its "
                f"document's publication on {published_on}"
            )
    return figures


def _check_mentions(
    catalog: Catalog, printings: list[Printing], figures: dict[str, dict[str, str]]
) -> None:
    """Every mention prints a listed figure in its unit; figures are listed in order of their
    first mention."""
    for number, printing in enumerate(printings, 1):
        spec = figures.get(printing.figure_id)
        if spec is None:
            raise ExtractError(
                f"{catalog.path}: mention {number} names {printing.figure_id!r}, not in figures"
            )
        if printing.number.unit not in (None, spec["unit"]):
            raise ExtractError(
                f"{catalog.path}: mention {number} ({printing.printed!r}) is in "
                f"{printing.number.unit}, but {printing.figure_id} is in {spec['unit']}"
            )
    first_appearance = list(dict.fromkeys(printing.figure_id for printing in printings))
    if first_appearance != list(figures):
        raise ExtractError(
            f"{catalog.path}: figures must be listed once each in order of first mention: "
            f"{', '.join(first_appearance)}"
        )


def _figure_rows(catalog: Catalog) -> Iterable[list[str]]:
    """The catalog's figures, with the document that prints them, in seed column order."""
    for figure in catalog.figures:
        row = {**figure, "document_id": catalog.document_id}
        yield [row[column] for column in FIGURE_COLUMNS]


def _mention_rows(
    printings: list[Printing], figures: dict[str, dict[str, str]]
) -> Iterable[list[str]]:
    """One seed row per mention, numbered within its figure."""
    counts = dict.fromkeys(figures, 0)
    for printing in printings:
        counts[printing.figure_id] += 1
        number = printing.number
        yield [
            f"{printing.figure_id}__{counts[printing.figure_id]}",
            printing.figure_id,
            str(counts[printing.figure_id]),
            printing.printed,
            printing.qualifying_word,
            number.qualifier,
            _cell(number.value),
            _cell(number.low),
            _cell(number.high),
            printing.locator,
            *printing.cells,
        ]


def _seed_rows(root: Path, path: Path, key: str) -> dict[str, dict[str, str]]:
    """A seed the catalogs refer to, by its key, in file order (the input check has read it
    before; a file it cannot read stops extraction with one line)."""
    try:
        with open(root / path, encoding="utf-8-sig", newline="") as file:
            return {row[key]: row for row in csv.DictReader(file)}
    except (OSError, UnicodeDecodeError, KeyError, csv.Error) as error:
        raise ExtractError(f"{path}: cannot read it ({error}); restore it from git") from None


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
        f"{relative} differs from the catalogs at line {line}: committed {old!r}, "
        f"extract writes {new!r}; run `wechat-impact extract` to regenerate it"
    )


def _where(text: str, offset: int) -> str:
    """'line L, column C' (both from 1) of a str offset, for messages people act on."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"
