"""A synthetic corpus in the seed format, for running the warehouse at scale.

    python -m wechat_impact.tools.synthetic --documents 10000 --out DIR

writes DIR/seeds (every seed file, same headers, plus _seeds.yml) and DIR/sources (the article
and one small text file per synthetic document), so DIR passes `inputs.check_inputs` as it is.
The article's document and seed rows come first, unchanged, so every check of the published
figures still holds; after them come N synthetic documents of 100 figures each.

A synthetic document is ten sections of ten figures, each the article's relations in
miniature: a total with two printed shares, a part printed beside its share, a part of a whole,
"x%, of which y%", a range and a lower bound; two figures are printed twice, agreeing. The
first --linked-sections sections (default 1) are related: a claim of every claim type, a
derivation of every operation and a breakdown of the total. The others print their figures
without relations, as most of a large corpus would; with 10 every section is related, the
article's own density (some 0.8 claims and 0.7 derivations per figure, 7 seed rows per figure).

Numbers are drawn with an integer hash of the section, so the same N gives byte-identical
files, within limits that keep every rule (percentages at most 100, parts below their wholes,
shares leaving a remainder). Intervals follow the printed precision, as the extractor's do. In
two documents of every hundred (numbers 3 and 7, section 0) one claim is made false on purpose;
those claims, and only those, join the article's in the known-discrepancies register.

Everything is built in DuckDB with set-based SQL over range(N): no Python loop touches a row.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

from wechat_impact import inputs, numbers
from wechat_impact.project_files import ROOT

SECTIONS_PER_DOCUMENT = 10
FIGURES_PER_SECTION = 10
FIGURES_PER_DOCUMENT = SECTIONS_PER_DOCUMENT * FIGURES_PER_SECTION
LINKED_SECTIONS = 1
GENERATOR_MEMORY_LIMIT = "768MB"
SYNTHETIC_SOURCES = "sources/synthetic"

# DuckDB writes each document's text as a one-column, one-row CSV into
# document_id=<id>/text_{i}.txt, {i} being 0 for the one file of a partition. A tab never
# occurs in the text, so nothing is quoted: the file is the text and a newline, and the seeds
# record that path, sha256 and length.
DOCUMENT_FILE = "text_{i}.txt"

SQL = Path(__file__).parent / "sql"
# The corpus, built in this order: each script one or more DuckDB statements in
# sql/synthetic_<step>.sql, reading the sizes as DuckDB variables (see _build_corpus).
#   macros     the hash that draws the numbers
#   sections   one row per section, with the printed digits of its ten figures
#   printings  how each figure of a section is printed, and its interval's width
#   mentions   every printed figure: text, value and interval (a view)
#   placed     the mentions with their character offsets in the document
#   texts      each document's text
#   claims     the claims, derivations and breakdown of one section, and their figures
CORPUS_STEPS = ("macros", "sections", "printings", "mentions", "placed", "texts", "claims")
# The seeds with synthetic rows: sql/synthetic_rows/<seed>.sql selects them, in the seed's
# header order, with a `position` that orders them after the article's. The reference seeds
# (claim types, operations) have none.
SYNTHETIC_ROWS = (
    "corpus_documents",
    "corpus_document_sources",
    "corpus_figures",
    "corpus_figure_mentions",
    "corpus_claims",
    "corpus_claim_figures",
    "corpus_derivations",
    "corpus_derivation_inputs",
    "corpus_breakdown_components",
    "corpus_known_discrepancies",
)


def _sql(name: str) -> str:
    return (SQL / f"{name}.sql").read_text(encoding="utf-8")


def generate(
    documents: int, out: Path, linked_sections: int = LINKED_SECTIONS, source: Path = ROOT
) -> None:
    """Write the article's seeds and sources from `source` plus `documents` synthetic
    documents into out/seeds and out/sources. `out` may be `source` itself."""
    if documents < 1:
        raise ValueError("documents must be at least 1")
    if not 1 <= linked_sections <= SECTIONS_PER_DOCUMENT:
        raise ValueError(f"linked_sections must be 1 to {SECTIONS_PER_DOCUMENT}")
    specs = inputs.load_specs(source)
    # DuckDB would take most of the machine's memory for the sorts and the window; capped, it
    # spills to disk and the generator stays well under the scale run's peak. Its progress bar
    # would go to stdout, where the scale run prints its summary.
    with (
        tempfile.TemporaryDirectory(prefix="wechat-impact-synthetic-") as spill,
        duckdb.connect(
            config={"memory_limit": GENERATOR_MEMORY_LIMIT, "temp_directory": spill}
        ) as connection,
    ):
        connection.execute("set enable_progress_bar = false")
        _generate(connection, specs, documents, out, linked_sections, source)


def _generate(
    connection: duckdb.DuckDBPyConnection,
    specs: list[inputs.SeedSpec],
    documents: int,
    out: Path,
    linked_sections: int,
    source: Path,
) -> None:
    """Read the article's rows, build the corpus, write it. The article's rows are read before
    anything is written because out may be source; row_number() keeps their file order."""
    for spec in specs:
        connection.execute(
            f"""
            create table article_{spec.name} as
            select *, row_number() over () as position
            from read_csv(?, header = true, all_varchar = true, delim = ',', quote = '"',
                escape = '"')
            """,
            [str(source / spec.file)],
        )
    _build_corpus(connection, documents, linked_sections)
    (out / inputs.SEEDS_DIR).mkdir(parents=True, exist_ok=True)
    if out.resolve() != source.resolve():
        shutil.copy2(source / inputs.SEED_SPECS, out / inputs.SEED_SPECS)
        shutil.copytree(source / "sources", out / "sources", dirs_exist_ok=True)
    for spec in specs:
        _write_seed(connection, spec, out / spec.file)
    _write_documents(connection, out / SYNTHETIC_SOURCES)


def _build_corpus(
    connection: duckdb.DuckDBPyConnection, documents: int, linked_sections: int
) -> None:
    """Create the corpus tables. The sizes go in as DuckDB variables, so the SQL files stay
    plain DuckDB SQL that sqlfluff lints."""
    settings = {
        "documents": documents,
        "sections": SECTIONS_PER_DOCUMENT,
        "linked_sections": linked_sections,
        "figures_per_section": FIGURES_PER_SECTION,
        "sources": SYNTHETIC_SOURCES,
        "file": DOCUMENT_FILE.format(i=0),
    }
    for name, value in settings.items():
        connection.execute(f"set variable {name} = ?", [value])
    # How the article prints each qualifier ("about", "more than"), from numbers, its owner.
    words = {name: words for words, name in numbers.QUALIFIER_WORDS.items()}
    connection.execute(
        "set variable qualifier_words = map(?, ?)", [list(words), list(words.values())]
    )
    connection.execute(numbers.QUANTITY_TEXT_SQL)
    for step in CORPUS_STEPS:
        connection.execute(_sql(f"synthetic_{step}"))


def _write_seed(connection: duckdb.DuckDBPyConnection, spec: inputs.SeedSpec, path: Path) -> None:
    """The article's rows as they were, then the synthetic ones, in the header's order."""
    columns = ", ".join(spec.column_names)
    rows = f"select {columns}, 0 as corpus, position from article_{spec.name}"
    if spec.name in SYNTHETIC_ROWS:
        synthetic = _sql(f"synthetic_rows/{spec.name}")
        rows += f" union all select {columns}, 1 as corpus, position from ({synthetic})"
    connection.execute(
        f"copy (select {columns} from ({rows}) order by corpus, position) "
        "to ? (format csv, header true)",
        [str(path)],
    )


def _write_documents(connection: duckdb.DuckDBPyConnection, directory: Path) -> None:
    """One text file per synthetic document, in one partitioned COPY."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    connection.execute(
        "copy (select document_id, text from texts order by document_number) to ? "
        "(format csv, header false, delimiter '\t', partition_by (document_id), "
        f"filename_pattern '{Path(DOCUMENT_FILE).stem}', file_extension 'txt', "
        "overwrite true)",
        [str(directory)],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, required=True, help="synthetic documents")
    parser.add_argument(
        "--out", type=Path, required=True, help="root to write seeds/ and sources/ under"
    )
    add_linked_sections_argument(parser)
    arguments = parser.parse_args(argv)
    try:
        generate(arguments.documents, arguments.out, arguments.linked_sections)
    except ValueError as error:
        parser.error(str(error))
    return 0


def add_linked_sections_argument(parser: argparse.ArgumentParser) -> None:
    """--linked-sections, shared with the scale run."""
    parser.add_argument(
        "--linked-sections",
        type=int,
        default=LINKED_SECTIONS,
        help=f"sections per document whose figures claims and derivations relate "
        f"(1 to {SECTIONS_PER_DOCUMENT}, default {LINKED_SECTIONS}; "
        f"{SECTIONS_PER_DOCUMENT} is the article's density)",
    )


if __name__ == "__main__":
    sys.exit(main())
