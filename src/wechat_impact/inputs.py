"""Check the seeds and source documents before anything is loaded.

dbt-duckdb loads seeds with a positional COPY: a reordered header silently
swaps columns, a latin-1 byte crashes dbt with a traceback, a duplicate id
loads quietly. So every input is checked here first, against the column
specifications in seeds/_seeds.yml (one source of truth for dbt's docs and
for this check), and the first problem stops the build with one line that
names the file, the row and the column.

The rows are checked in DuckDB, set-wise, so the check scales to the
million-figure corpus as well as to the article.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import yaml

from wechat_impact.cited_inputs import cited_problems

SEEDS_DIR = "seeds"
SEED_SPECS = "seeds/_seeds.yml"
UTF8_BOM = b"\xef\xbb\xbf"


class InputError(Exception):
    """A problem in an input file, as one line a user can act on."""


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str  # text, integer, decimal or date (YYYY-MM-DD)
    required: bool
    accepted_values: tuple[str, ...] | None
    references: tuple[str, str] | None  # (seed, column)


@dataclass(frozen=True)
class SeedSpec:
    name: str
    columns: tuple[ColumnSpec, ...]
    primary_key: tuple[str, ...]

    @property
    def file(self) -> str:
        return f"{SEEDS_DIR}/{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


def load_specs(root: Path) -> list[SeedSpec]:
    """Read the seed specifications from seeds/_seeds.yml."""
    document = yaml.safe_load((root / SEED_SPECS).read_text(encoding="utf-8"))
    specs = []
    for seed in document["seeds"]:
        columns = []
        for column in seed["columns"]:
            meta = column.get("config", {}).get("meta", {})
            references = meta.get("references")
            columns.append(
                ColumnSpec(
                    name=column["name"],
                    type=meta.get("type", "text"),
                    required=meta.get("required", True),
                    accepted_values=tuple(meta["accepted_values"])
                    if "accepted_values" in meta
                    else None,
                    references=tuple(references.split(".")) if references else None,
                )
            )
        specs.append(
            SeedSpec(
                name=seed["name"],
                columns=tuple(columns),
                primary_key=tuple(seed["config"]["meta"]["primary_key"]),
            )
        )
    return specs


def check_inputs(root: Path) -> None:
    """Raise InputError for the first problem in the seeds or documents."""
    specs = load_specs(root)
    connection = duckdb.connect()
    for spec in specs:
        _check_header(root, spec)
        _load(connection, root, spec)
    for problem in _row_problems(connection, specs):
        raise InputError(problem)
    for problem in cited_problems(connection):
        raise InputError(problem)
    _check_documents(connection, root)


def _check_header(root: Path, spec: SeedSpec) -> None:
    path = root / spec.file
    if not path.exists():
        raise InputError(f"{spec.file}: the file is missing; restore it from git")
    raw = path.read_bytes()
    if not raw.removeprefix(UTF8_BOM).strip():
        raise InputError(
            f"{spec.file}, row 1: the file is empty; it needs the header "
            f"{','.join(spec.column_names)}"
        )
    first_line = raw.removeprefix(UTF8_BOM).splitlines()[0]
    try:
        header = next(csv.reader(io.StringIO(first_line.decode("utf-8"))))
    except UnicodeDecodeError as error:
        raise InputError(
            f"{spec.file}, row 1: the header is not UTF-8 text ({error.reason}); "
            "save the file as UTF-8"
        ) from error
    expected = spec.column_names
    missing = [name for name in expected if name not in header]
    extra = [name for name in header if name not in expected]
    if missing:
        raise InputError(
            f"{spec.file}, row 1, column {missing[0]}: the column is missing; "
            f"the header must be {','.join(expected)}"
        )
    if extra:
        raise InputError(
            f"{spec.file}, row 1, column {extra[0]}: unexpected column; "
            f"the header must be {','.join(expected)}"
        )
    if header != expected:
        position = next(i for i, (a, b) in enumerate(zip(header, expected, strict=True)) if a != b)
        raise InputError(
            f"{spec.file}, row 1, column {header[position]}: columns out of order "
            f"(column {position + 1} must be {expected[position]}); "
            f"the header must be {','.join(expected)}"
        )


def _load(connection: duckdb.DuckDBPyConnection, root: Path, spec: SeedSpec) -> None:
    """Load a seed as text into table <name>, numbering rows as in the file."""
    columns = {name: "varchar" for name in spec.column_names}
    connection.execute(
        f"""
        create table {spec.name} as
        select row_number() over () + 1 as file_row, *
        from read_csv(
            ?, header = true, auto_detect = false, columns = {columns!r},
            delim = ',', quote = '"', escape = '"', store_rejects = true,
            rejects_table = 'rejects_{spec.name}', rejects_scan = 'scans_{spec.name}'
        )
        """,
        [str(root / spec.file)],
    )
    reject = connection.execute(
        f"""
        select line, coalesce(column_name, '?'), error_type, error_message
        from rejects_{spec.name}
        order by line
        limit 1
        """
    ).fetchone()
    if reject is not None:
        line, column, error_type, message = reject
        raise InputError(
            f"{spec.file}, row {line}, column {column}: {_reject_reason(error_type, message)}"
        )


def _reject_reason(error_type: str, message: str) -> str:
    reasons = {
        "MISSING COLUMNS": "the row ends early; is the file truncated? " + message,
        "TOO MANY COLUMNS": "the row has more fields than the header; " + message,
        "INVALID ENCODING": "the bytes are not UTF-8 text; save the file as UTF-8",
        "UNQUOTED VALUE": "a quoted field is never closed; is the file truncated?",
    }
    return reasons.get(error_type, message)


def _row_problems(connection: duckdb.DuckDBPyConnection, specs: list[SeedSpec]) -> Iterator[str]:
    """Yield one message per bad value, in file order."""
    for spec in specs:
        for query in [*_column_checks(spec), *_key_checks(spec), *_domain_checks(spec.name)]:
            row = connection.execute(query + " order by file_row limit 1").fetchone()
            if row is not None:
                file_row, column, message = row
                yield f"{spec.file}, row {file_row}, column {column}: {message}"


def _column_checks(spec: SeedSpec) -> Iterator[str]:
    for column in spec.columns:
        name = column.name
        if column.required:
            yield (
                f"select file_row, '{name}', 'is empty; every row needs a {name}' "
                f"from {spec.name} where {name} is null"
            )
        if column.type == "integer":
            yield (
                f"select file_row, '{name}', '''' || {name} || ''' is not a whole number' "
                f"from {spec.name} where {name} is not null "
                f"and not regexp_full_match({name}, '-?[0-9]+')"
            )
        if column.type == "decimal":
            yield (
                f"select file_row, '{name}', '''' || {name} || ''' is not a number' "
                f"from {spec.name} where {name} is not null "
                f"and try_cast({name} as decimal(38, 10)) is null"
            )
        if column.type == "date":
            yield (
                f"select file_row, '{name}', '''' || {name} || ''' is not a date (YYYY-MM-DD)' "
                f"from {spec.name} where {name} is not null "
                f"and (not regexp_full_match({name}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') "
                f"or try_cast({name} as date) is null)"
            )
        if column.accepted_values:
            allowed = ", ".join(f"'{value}'" for value in column.accepted_values)
            yield (
                f"select file_row, '{name}', '''' || {name} || ''' is not one of "
                f"{', '.join(column.accepted_values)}' "
                f"from {spec.name} where {name} not in ({allowed})"
            )
        if column.references:
            seed, target = column.references
            yield (
                f"select file_row, '{name}', '''' || {name} || ''' names no {target} "
                f"in {SEEDS_DIR}/{seed}.csv' "
                f"from {spec.name} where {name} not in "
                f"(select {target} from {seed} where {target} is not null)"
            )


def _key_checks(spec: SeedSpec) -> Iterator[str]:
    key = ", ".join(spec.primary_key)
    shown = " || ', ' || ".join(f"coalesce({column}, '')" for column in spec.primary_key)
    yield f"""
        select file_row, '{spec.primary_key[-1]}',
            'duplicate {key} ''' || {shown} || ''' (first in row ' || first_row || ')'
        from (
            select *, min(file_row) over (partition by {key}) as first_row
            from {spec.name}
        ) as numbered
        where file_row > first_row
    """


# Rules about meaning rather than form: a seed row can be well-typed and
# still not be a figure the article could print.
_QUANTITY_COLUMNS = ("value", "value_low", "value_high")


def _domain_checks(seed: str) -> Iterator[str]:
    if seed == "corpus_figure_mentions":
        for column in _QUANTITY_COLUMNS:
            quantity = f"cast(mentions.{column} as decimal(38, 10))"
            yield (
                f"select mentions.file_row, '{column}', "
                f"mentions.{column} || ' is negative; amounts, counts and shares never are' "
                f"from corpus_figure_mentions as mentions where {quantity} < 0"
            )
            yield (
                f"select mentions.file_row, '{column}', "
                f"mentions.{column} || ' percent is over 100' "
                f"from corpus_figure_mentions as mentions "
                f"inner join corpus_figures as figures "
                f"on mentions.figure_id = figures.figure_id "
                f"where figures.unit = 'percent' and {quantity} > 100"
            )
        yield (
            "select file_row, 'value_low', 'value_low ' || value_low || ' is above value_high ' "
            "|| value_high from corpus_figure_mentions "
            "where cast(value_low as decimal(38, 10)) > cast(value_high as decimal(38, 10))"
        )
        yield (
            "select file_row, 'value', 'value ' || value || ' lies outside its interval [' "
            "|| coalesce(value_low, '') || ', ' || coalesce(value_high, '') || ']' "
            "from corpus_figure_mentions "
            "where cast(value as decimal(38, 10)) < cast(value_low as decimal(38, 10)) "
            "or cast(value as decimal(38, 10)) > cast(value_high as decimal(38, 10))"
        )
    if seed == "corpus_breakdown_components":
        yield (
            "select file_row, 'share_id', '''' || share_id || ''' names no figure_id in "
            "seeds/corpus_figures.csv and no derived_id in seeds/corpus_derivations.csv' "
            "from corpus_breakdown_components where share_id not in "
            "(select figure_id from corpus_figures "
            "union all select derived_id from corpus_derivations)"
        )


def _check_documents(connection: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Each document file exists and still has the recorded sha256 and length."""
    documents = connection.execute(
        "select file_row, path, sha256, char_count from corpus_documents order by file_row"
    ).fetchall()
    file = f"{SEEDS_DIR}/corpus_documents.csv"
    for file_row, path, sha256, char_count in documents:
        document = root / path
        if not document.is_file():
            raise InputError(f"{file}, row {file_row}, column path: {path} does not exist")
        raw = document.read_bytes()
        actual = hashlib.sha256(raw).hexdigest()
        if actual != sha256:
            raise InputError(
                f"{file}, row {file_row}, column sha256: {path} has sha256 {actual}, "
                f"not the recorded {sha256}; the source must stay byte for byte as published"
            )
        length = len(raw.decode("utf-8"))
        if str(length) != char_count:
            raise InputError(
                f"{file}, row {file_row}, column char_count: {path} has {length} "
                f"characters, not {char_count}"
            )
