"""Check the cited documents and their figures: the rules about meaning that a column type
cannot state.

The seeds of the documents the warehouse cites (seeds/corpus_document_sources.csv,
seeds/corpus_cited_figures.csv) are written by hand from pages read at their addresses. Their
form (types, references, accepted values) is checked with every other seed by
``inputs.check_inputs``; this module checks what the rows mean, after the seeds are loaded:

* every printed figure parses, and the qualifier, unit, value and interval stored beside it
  are what ``numbers.parse_qualified`` reads from it with its qualifying word (one parser
  for the article and the cited documents: the seed cannot drift from the printed text);
* an address is http or https, and a document whose text is not stored has one;
* a document marked as stored has its text in seeds/corpus_documents.csv (whose file and
  sha256 ``inputs`` checks);
* no figure is about a year after the date its document was published;
* a translation pair names a printing that exists (an article mention or a cited figure).

The claims across documents (growth rates, multiples, shares of a national total) are claims
like the article's: input_rules.py checks their figures, roles, units and measures.

Each problem is one line naming the file, the row and the column.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import duckdb

from wechat_impact.numbers import NumberError, parse_qualified, plain, qualifier_of

DOCUMENTS = "seeds/corpus_document_sources.csv"
FIGURES = "seeds/corpus_cited_figures.csv"
PAIRS = "seeds/corpus_translation_pairs.csv"


def cited_problems(connection: duckdb.DuckDBPyConnection) -> Iterator[str]:
    """One line per problem, documents first, then figures, each in file order."""
    yield from _document_problems(connection)
    yield from _figure_problems(connection)
    yield from _pair_problems(connection)


def _pair_problems(connection: duckdb.DuckDBPyConnection) -> Iterator[str]:
    """A pair's first figure is one of the article's mentions or a cited figure."""
    rows = connection.execute(
        """
        select file_row, figure_id
        from corpus_translation_pairs
        where figure_id not in (select mention_id from corpus_figure_mentions)
            and figure_id not in (select figure_id from corpus_cited_figures)
        order by file_row
        """
    ).fetchall()
    for file_row, figure_id in rows:
        yield (
            f"{PAIRS}, row {file_row}, column figure_id: {figure_id!r} names no mention_id in "
            f"seeds/corpus_figure_mentions.csv and no figure_id in {FIGURES}"
        )


def _document_problems(connection: duckdb.DuckDBPyConnection) -> Iterator[str]:
    rows = connection.execute(
        """
        select
            sources.file_row,
            sources.document_id,
            sources.url,
            sources.text_stored,
            sources.published_on,
            sources.data_year,
            stored.document_id is not null as has_text
        from corpus_document_sources as sources
        left join corpus_documents as stored on sources.document_id = stored.document_id
        order by sources.file_row
        """
    ).fetchall()
    for file_row, document_id, url, text_stored, published_on, data_year, has_text in rows:
        where = f"{DOCUMENTS}, row {file_row}"
        if url is not None and not url.lower().startswith(("http://", "https://")):
            yield f"{where}, column url: {url!r} is not an http or https address"
        if url is None and text_stored != "true":
            yield f"{where}, column url: {document_id} is cited, not stored: it needs its address"
        if text_stored == "true" and not has_text:
            yield (
                f"{where}, column text_stored: {document_id} is marked as stored but has no "
                "text in seeds/corpus_documents.csv"
            )
        if _after_publication(data_year, published_on):
            yield (
                f"{where}, column data_year: {data_year} is after the document's "
                f"publication on {published_on}"
            )


def _figure_problems(connection: duckdb.DuckDBPyConnection) -> Iterator[str]:
    rows = connection.execute(
        """
        select
            figures.file_row,
            figures.printed_text,
            coalesce(figures.qualifying_word, '') as qualifying_word,
            figures.qualifier,
            figures.unit,
            figures.value,
            figures.value_low,
            figures.value_high,
            figures.data_year,
            measures.unit as measure_unit,
            sources.published_on
        from corpus_cited_figures as figures
        inner join corpus_measures as measures on figures.measure_id = measures.measure_id
        inner join corpus_document_sources as sources
            on figures.document_id = sources.document_id
        order by figures.file_row
        """
    ).fetchall()
    for row in rows:
        file_row, printed, word, qualifier, unit, value, low, high = row[:8]
        data_year, measure_unit, published_on = row[8:]
        where = f"{FIGURES}, row {file_row}"
        try:
            qualifier_of(word)
        except NumberError as error:
            yield f"{where}, column qualifying_word: {error}"
            continue
        try:
            number = parse_qualified(printed, word)
        except NumberError as error:
            yield f"{where}, column printed_text: {error}"
            continue
        if unit != measure_unit:
            yield f"{where}, column unit: {unit} is not its measure's unit, {measure_unit}"
        elif number.unit not in (None, measure_unit):
            yield (
                f"{where}, column printed_text: {printed!r} is in {number.unit}, "
                f"but its measure is in {measure_unit}"
            )
        read = {
            "qualifier": number.qualifier,
            "value": _text(number.value),
            "value_low": _text(number.low),
            "value_high": _text(number.high),
        }
        stored = {"qualifier": qualifier, "value": value, "value_low": low, "value_high": high}
        reading = f"{printed!r} with {word!r}" if word else repr(printed)
        for column, expected in read.items():
            if not _same(stored[column], expected):
                yield (
                    f"{where}, column {column}: {stored[column] or 'empty'}, but {reading} "
                    f"reads as {expected or 'empty'}; write what the parser reads"
                )
        if _after_publication(data_year, published_on):
            yield (
                f"{where}, column data_year: {data_year} is after its document's "
                f"publication on {published_on}"
            )


def _after_publication(data_year: str | None, published_on: str | None) -> bool:
    """A figure cannot be about a year that had not begun when it was published."""
    if data_year is None or published_on is None:
        return False
    return int(data_year) > int(published_on[:4])


def _text(number: Decimal | None) -> str | None:
    return None if number is None else plain(number)


def _same(stored: str | None, expected: str | None) -> bool:
    """Equal as numbers where both are numbers ('8.50' is 8.5), else as text."""
    if stored is None or expected is None:
        return stored is expected
    try:
        return Decimal(stored) == Decimal(expected)
    except ArithmeticError:
        return stored == expected
