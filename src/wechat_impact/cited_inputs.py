"""Check the documents the warehouse cites: the rules about meaning that a column type cannot
state.

The documents (seeds/corpus_document_sources.csv) are written by hand from pages read at their
addresses; their figures come from the catalogs in sources/, and ``extract`` holds those to the
parser, their measure, and their document's publication date. Their form (types, references,
accepted values) is checked with every other seed by ``inputs.check_inputs``; this module
checks what the rows mean, after the seeds are loaded:

* an address is http or https, and a document whose text is not stored has one;
* a document marked as stored has its text in seeds/corpus_documents.csv (whose file and
  sha256 ``inputs`` checks);
* no document is about a year after the date it was published (``after_publication``, the
  rule ``extract`` applies to each figure too).

The claims across documents (growth rates, multiples, shares of a national total) are claims
like the article's: input_rules.py checks their figures, roles, units and measures.

Each problem is one line naming the file, the row and the column.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb

DOCUMENTS = "seeds/corpus_document_sources.csv"


def cited_problems(connection: duckdb.DuckDBPyConnection) -> Iterator[str]:
    """One line per problem, in file order."""
    yield from _document_problems(connection)


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
        if after_publication(data_year, published_on):
            yield (
                f"{where}, column data_year: {data_year} is after the document's "
                f"publication on {published_on}"
            )


def after_publication(data_year: str | None, published_on: str | None) -> bool:
    """A figure cannot be about a year that had not begun when it was published."""
    if data_year is None or published_on is None:
        return False
    return int(data_year) > int(published_on[:4])
