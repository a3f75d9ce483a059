"""Check the documents the warehouse cites, and the checks across them: the rules about meaning
that a column type cannot state.

The documents (seeds/corpus_document_sources.csv) are written by hand from pages read at their
addresses; their figures come from the catalogs in sources/, and ``extract`` holds those to the
parser, their measure, and their document's publication date. Their form (types, references,
accepted values) is checked with every other seed by ``inputs.check_inputs``; this module
checks what the rows mean, after the seeds are loaded:

* an address is http or https, and a document whose text is not stored has one;
* a document marked as stored has its text in seeds/corpus_documents.csv (whose file and
  sha256 ``inputs`` checks);
* no document is about a year after the date it was published (``after_publication``, the
  rule ``extract`` applies to each figure too);
* a check across documents names quantities that exist, fills exactly its type's roles, and
  the roles its type says measure one thing (a growth's later and earlier figure) do: a
  derived quantity has no measure and is not held to it.

Each problem is one line naming the file, the row and the column.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb

DOCUMENTS = "seeds/corpus_document_sources.csv"
CHECKS = "seeds/corpus_cross_checks.csv"
CHECK_FIGURES = "seeds/corpus_cross_check_figures.csv"


def cited_problems(connection: duckdb.DuckDBPyConnection) -> Iterator[str]:
    """One line per problem, documents first, then checks, each in file order."""
    yield from _document_problems(connection)
    yield from _check_problems(connection)


def _check_problems(connection: duckdb.DuckDBPyConnection) -> Iterator[str]:
    """A check compares quantities that exist, in its type's roles, of comparable measures."""
    connection.execute(
        """
        create or replace temporary view check_quantities as
        select figure_id as quantity_id, measure_id from corpus_figures
        union all select derived_id, null from corpus_derivations
        """
    )
    unknown = connection.execute(
        """
        select file_row, quantity_id from corpus_cross_check_figures
        where quantity_id not in (select quantity_id from check_quantities)
        order by file_row
        """
    ).fetchall()
    for file_row, quantity_id in unknown:
        yield (
            f"{CHECK_FIGURES}, row {file_row}, column quantity_id: {quantity_id!r} names no "
            "figure_id in seeds/corpus_figures.csv and no derived_id in "
            "seeds/corpus_derivations.csv"
        )
    foreign_roles = connection.execute(
        """
        select figures.file_row, figures.role, checks.check_type, types.roles
        from corpus_cross_check_figures as figures
        inner join corpus_cross_checks as checks on figures.check_id = checks.check_id
        inner join corpus_cross_check_types as types on checks.check_type = types.check_type
        where not list_contains(string_split(types.roles, ' '), figures.role)
        order by figures.file_row
        """
    ).fetchall()
    for file_row, role, check_type, roles in foreign_roles:
        yield (
            f"{CHECK_FIGURES}, row {file_row}, column role: a {check_type} check has no "
            f"role {role!r}; its roles are {roles}"
        )
    missing_roles = connection.execute(
        """
        select checks.file_row, checks.check_type, role
        from corpus_cross_checks as checks
        inner join corpus_cross_check_types as types on checks.check_type = types.check_type,
            unnest(string_split(types.roles, ' ')) as needed (role)
        where role not in (
            select figures.role from corpus_cross_check_figures as figures
            where figures.check_id = checks.check_id
        )
        order by checks.file_row, role
        """
    ).fetchall()
    for file_row, check_type, role in missing_roles:
        yield (
            f"{CHECKS}, row {file_row}, column check_id: the {check_type} check has no "
            f"figure in the role {role!r} in {CHECK_FIGURES}"
        )
    mismatched = connection.execute(
        """
        with measured as (
            select figures.file_row, figures.check_id, figures.role, figures.quantity_id,
                quantities.measure_id, types.same_measure
            from corpus_cross_check_figures as figures
            inner join corpus_cross_checks as checks on figures.check_id = checks.check_id
            inner join corpus_cross_check_types as types
                on checks.check_type = types.check_type
            inner join check_quantities as quantities
                on figures.quantity_id = quantities.quantity_id
            where list_contains(string_split(types.same_measure, ' '), figures.role)
                and quantities.measure_id is not null
        )
        select later.file_row, later.quantity_id, later.measure_id, first.quantity_id,
            first.measure_id
        from measured as later
        inner join measured as first
            on later.check_id = first.check_id and first.file_row < later.file_row
        where later.measure_id <> first.measure_id
        order by later.file_row
        """
    ).fetchall()
    for file_row, quantity, measure, other, other_measure in mismatched:
        yield (
            f"{CHECK_FIGURES}, row {file_row}, column quantity_id: {quantity} measures "
            f"{measure}, but {other} in the same check measures {other_measure}; the check "
            "compares one measure"
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
