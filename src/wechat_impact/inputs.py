"""Check the seeds and source documents before anything is loaded.

dbt-duckdb loads seeds with a positional COPY: a reordered header silently
swaps columns, a latin-1 byte crashes dbt with a traceback, a duplicate id
loads quietly. So every input is checked here first, against the column
specifications in seeds/_seeds.yml (one source of truth for dbt's docs and
for this check), and the first problem stops the build with one line that
names the file, the row and the column.

Rows are counted the way a spreadsheet shows them: row 1 is the header, row 2
the first record (the line number, when no quoted field spans lines). The rows
are checked in DuckDB, set-wise, so the check scales to the million-figure
corpus as well as to the article. The rules about what the rows mean (roles
and units) are in input_rules.py.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import duckdb

from wechat_impact import input_rules
from wechat_impact.cited_inputs import cited_problems
from wechat_impact.project_files import PROJECT_PARTS
from wechat_impact.seed_specs import SEED_SPECS, SEEDS_DIR, SeedSpec, SpecError, load_specs

__all__ = ["SEEDS_DIR", "SEED_SPECS", "InputError", "SeedSpec", "check_inputs", "load_specs"]

UTF8_BOM = b"\xef\xbb\xbf"
# Ids: lowercase letters, digits and underscores, starting with a letter. Two ids can then
# never differ only in case (Some_Claim beside some_claim).
IDENTIFIER_PATTERN = "[a-z][a-z0-9_]*"
# The staging models cast whole numbers to integer and quantities to decimal(38, 10).
INTEGER_MAX = 2**31 - 1
DECIMAL_INTEGER_DIGITS = 28
DECIMAL_SCALE = 10
MAX_LINE_BYTES = 2_000_000  # DuckDB's read_csv max_line_size, which dbt's seed loader shares


class InputError(Exception):
    """A problem in an input file, as one line a user can act on."""


def check_inputs(root: Path) -> None:
    """Raise InputError for the first problem in the seeds or documents."""
    try:
        specs = load_specs(root)
    except SpecError as error:
        raise InputError(str(error)) from None
    _check_seed_files(root, specs)
    connection = duckdb.connect()
    for spec in specs:
        _check_header(root, spec)
        _load(connection, root, spec)
    for problem in _row_problems(connection, specs):
        raise InputError(problem)
    units = tuple(
        dict.fromkeys(
            unit
            for spec in specs
            if spec.name == "corpus_figures"
            for column in spec.columns
            if column.name == "unit"
            for unit in column.accepted_values or ()
        )
    )
    # The figures first, then the claims and derivations that use them.
    for problem in cited_problems(connection):
        raise InputError(problem)
    for problem in input_rules.problems(connection, units):
        raise InputError(problem)
    _check_documents(connection, root)


def seed_row(root: Path, seed: str, column: str, value: str) -> int | None:
    """The row of seeds/<seed>.csv whose column holds value (the first such), counted as the
    input check counts rows; None when no row does. For messages about a seed row found
    after loading (a dbt test), not for checking."""
    connection = duckdb.connect()
    spec = next(spec for spec in load_specs(root) if spec.name == seed)
    _load(connection, root, spec)
    found = connection.execute(
        f"select min(file_row) from {seed} where {column} = ?", [value]
    ).fetchone()
    return found[0] if found else None


def _check_seed_files(root: Path, specs: list[SeedSpec]) -> None:
    """Every seed dbt would load is specified, and each is a regular file.

    A FIFO or a device would block the reader for ever, so nothing else is opened."""
    specified = {spec.file for spec in specs}
    seeds = root / SEEDS_DIR
    for path in sorted(seeds.rglob("*.csv")):
        shown = path.relative_to(root).as_posix()
        if shown not in specified:
            raise InputError(
                f"{shown}: no specification in {SEED_SPECS}, so it would be loaded unchecked; "
                f"describe it there or remove the file"
            )
    for spec in specs:
        path = root / spec.file
        if (path.exists() or path.is_symlink()) and not path.is_file():
            raise InputError(
                f"{spec.file}: not a regular file ({_kind(path)}); "
                "replace it with the CSV file from git"
            )
    for part in PROJECT_PARTS:  # dbt reads models, macros, tests: none may block it either
        base = root / part
        paths = base.rglob("*") if base.is_dir() else [base] if os.path.lexists(base) else []
        for path in sorted(paths):
            if not path.is_dir() and not path.is_file():
                raise InputError(
                    f"{path.relative_to(root).as_posix()}: not a regular file ({_kind(path)}); "
                    "the build reads only regular files: remove it or restore the file from git"
                )


def _kind(path: Path) -> str:
    if path.is_dir():
        return "a directory"
    if path.is_fifo():
        return "a named pipe"
    if not path.exists():
        return "a link to nothing"
    return "a device or socket"


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
        position = next(i for i, (a, b) in enumerate(zip(header, expected, strict=False)) if a != b)
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
        select line, column_name, error_type, error_message
        from rejects_{spec.name}
        order by line
        limit 1
        """
    ).fetchone()
    if reject is not None:
        line, column, error_type, message = reject
        reason = _reject_reason(root / spec.file, spec, line, column, error_type, message)
        raise InputError(f"{spec.file}, row {line}, {reason}")


def _reject_reason(
    path: Path, spec: SeedSpec, line: int, column: str | None, error_type: str, message: str
) -> str:
    """'column C: why' for a row the CSV reader rejected."""
    names = spec.column_names
    if error_type == "TOO MANY COLUMNS":
        return (
            f"column {len(names) + 1} (after the last column, {names[-1]}): the row has more "
            f"fields than the header's {len(names)}; quote a field that contains a comma"
        )
    if error_type == "LINE SIZE OVER MAXIMUM":
        position, length = _longest_field(path, line)
        return (
            f"column {names[min(position, len(names) - 1)]}: the field is {length} characters "
            f"long, over the {MAX_LINE_BYTES} bytes a row may have; is a quote never closed?"
        )
    reasons = {
        "MISSING COLUMNS": "the row ends early; is the file truncated? " + message,
        "INVALID ENCODING": "the bytes are not UTF-8 text; save the file as UTF-8",
        "UNQUOTED VALUE": "a quoted field is never closed; is the file truncated?",
    }
    return f"column {column or names[0]}: {reasons.get(error_type, message)}"


def _longest_field(path: Path, line: int) -> tuple[int, int]:
    """(index, length) of the longest field of the record that starts on line `line`."""
    csv.field_size_limit(2**31 - 1)  # the record is over DuckDB's limit; read it anyway
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as file:
        reader = csv.reader(file)
        for record in reader:
            if reader.line_num >= line:
                lengths = [len(field) for field in record] or [0]
                return lengths.index(max(lengths)), max(lengths)
    return 0, 0


def _row_problems(connection: duckdb.DuckDBPyConnection, specs: list[SeedSpec]) -> Iterator[str]:
    """Yield, seed by seed, the first bad value of the first check that finds one.

    A seed's column and key checks go to DuckDB as one query (a query each cost more than the
    checking did); its domain checks cast values, so each runs alone, after those passed."""
    for spec in specs:
        form_checks = [*_column_checks(spec), *_key_checks(spec)]
        for checks in [form_checks, *([query] for query in _domain_checks(spec.name))]:
            row = connection.execute(_first_problem(checks)).fetchone()
            if row is not None:
                file_row, column, message = row
                yield f"{spec.file}, row {file_row}, column {column}: {message}"
                break


def _first_problem(checks: list[str]) -> str:
    """A query for the first row, in file order, of the first check that has rows; each check
    selects (file_row, column, message)."""
    branches = " union all ".join(
        f"select {number} as check_number, * "
        f"from ({check}) as check_{number} (file_row, column_name, message)"
        for number, check in enumerate(checks)
    )
    return (
        f"select file_row, column_name, message from ({branches}) as checks "
        "order by check_number, file_row limit 1"
    )


def _column_checks(spec: SeedSpec) -> Iterator[str]:
    for column in spec.columns:
        name = column.name
        if column.required:
            yield (
                f"select file_row, '{name}', 'is empty; every row needs a {name}' "
                f"from {spec.name} where {name} is null"
            )
        yield from _type_checks(spec.name, name, column.type)
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


def _type_checks(seed: str, name: str, column_type: str) -> Iterator[str]:
    """The value can be cast the way staging casts it, without loss."""
    where = f"from {seed} where {name} is not null and"
    if column_type == "text":
        # [[:cntrl:]] is U+0000-U+001F and U+007F: a NUL or an escape code is never text.
        yield (
            f"select file_row, '{name}', 'contains the control character U+' "
            f"|| printf('%04X', ord(regexp_extract({name}, '[[:cntrl:]]'))) "
            f"|| '; text columns hold printable text only' "
            f"{where} regexp_matches({name}, '[[:cntrl:]]')"
        )
    if column_type == "identifier":
        yield (
            f"select file_row, '{name}', '''' || {name} || ''' is not an id: ids are "
            f"lowercase letters, digits and underscores, starting with a letter' "
            f"{where} not regexp_full_match({name}, '{IDENTIFIER_PATTERN}')"
        )
    if column_type == "integer":
        yield (
            f"select file_row, '{name}', '''' || {name} || ''' is not a whole number' "
            f"{where} not regexp_full_match({name}, '-?[0-9]+')"
        )
        yield (
            f"select file_row, '{name}', '''' || {name} || ''' is too large for a whole "
            f"number here (at most {INTEGER_MAX})' "
            f"{where} try_cast({name} as integer) is null"
        )
    if column_type == "decimal":
        yield (
            f"select file_row, '{name}', '''' || {name} || ''' is not a number' "
            f"{where} not regexp_full_match({name}, '-?[0-9]+(\\.[0-9]+)?')"
        )
        yield (
            f"select file_row, '{name}', '''' || {name} || ''' is too large for the "
            f"warehouse''s decimal(38, {DECIMAL_SCALE}): at most "
            f"{DECIMAL_INTEGER_DIGITS} digits before the point' "
            f"{where} length(ltrim(split_part(ltrim({name}, '-'), '.', 1), '0')) "
            f"> {DECIMAL_INTEGER_DIGITS}"
        )
        yield (
            f"select file_row, '{name}', '''' || {name} || ''' has more than "
            f"{DECIMAL_SCALE} decimal places; the warehouse''s decimal(38, {DECIMAL_SCALE}) "
            f"would round it' "
            f"{where} length(split_part({name}, '.', 2)) > {DECIMAL_SCALE}"
        )
    if column_type == "date":
        yield (
            f"select file_row, '{name}', '''' || {name} || ''' is not a date (YYYY-MM-DD)' "
            f"{where} (not regexp_full_match({name}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') "
            f"or try_cast({name} as date) is null)"
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
        if not document.exists():
            raise InputError(f"{file}, row {file_row}, column path: {path} does not exist")
        if not document.is_file():
            raise InputError(
                f"{file}, row {file_row}, column path: {path} is not a regular file "
                f"({_kind(document)}); restore the document from git"
            )
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
