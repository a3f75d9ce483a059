"""The seed specifications in seeds/_seeds.yml, read and shape-checked.

One file describes the seeds for dbt's documentation and for the input check
(inputs.py): each column's `meta` gives its type, whether it is required, the
values it accepts and the seed column it references. A broken specification
stops the build with one line naming the place in seeds/_seeds.yml.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

import yaml

SEEDS_DIR = "seeds"
SEED_SPECS = "seeds/_seeds.yml"
# text: any printable text; identifier: an id (IDENTIFIER_PATTERN); integer and decimal:
# numbers as the staging models cast them; date: a calendar date written YYYY-MM-DD.
COLUMN_TYPES = ("text", "identifier", "integer", "decimal", "date")
# libyaml's safe loader, when PyYAML was built with it: the same documents, parsed about ten
# times faster than the pure-Python parser (half the input check's time went there).
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SpecError(Exception):
    """seeds/_seeds.yml cannot be used, as one line naming the place."""


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str  # one of COLUMN_TYPES
    required: bool
    accepted_values: tuple[str, ...] | None
    references: tuple[str, ...] | None  # (seed, column)


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


def yaml_problem(error: yaml.YAMLError) -> str:
    """A YAML parser error as 'line L, column C: problem', on one line."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    place = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    return f"{place}{problem}"


def read_yaml(path: Path, shown: str) -> object:
    """Parse a YAML file that must be a regular file of UTF-8 text; SpecError otherwise."""
    if not path.exists():
        raise SpecError(f"{shown}: the file is missing; restore it from git")
    if not path.is_file():
        raise SpecError(f"{shown}: not a regular file; replace it with the file from git")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SpecError(f"{shown}: not UTF-8 text ({error.reason}); save it as UTF-8") from None
    # A document libyaml refuses is parsed again below, for the pure-Python parser's wording.
    with contextlib.suppress(yaml.YAMLError):
        return yaml.load(text, Loader=_FAST_LOADER)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise SpecError(f"{shown}, {yaml_problem(error)}; the file is not valid YAML") from None


def load_specs(root: Path) -> list[SeedSpec]:
    """Read the seed specifications from seeds/_seeds.yml; SpecError names what is wrong."""
    document = read_yaml(root / SEED_SPECS, SEED_SPECS)
    seeds = document.get("seeds") if isinstance(document, dict) else None
    if not isinstance(seeds, list) or not seeds:
        raise SpecError(f"{SEED_SPECS}: needs a 'seeds' list")
    specs = [_seed_spec(number, seed) for number, seed in enumerate(seeds, 1)]
    columns = {(spec.name, column) for spec in specs for column in spec.column_names}
    for spec in specs:
        for column in spec.columns:
            if column.references and column.references not in columns:
                raise SpecError(
                    f"{SEED_SPECS}: seed {spec.name}, column {column.name}: references "
                    f"{'.'.join(column.references)}, which no seed has"
                )
    return specs


def _seed_spec(number: int, seed: object) -> SeedSpec:
    where = f"{SEED_SPECS}: seed {number}"
    if not isinstance(seed, dict) or not isinstance(seed.get("name"), str):
        raise SpecError(f"{where} needs a 'name'")
    where = f"{SEED_SPECS}: seed {seed['name']}"
    columns = seed.get("columns")
    if not isinstance(columns, list) or not columns:
        raise SpecError(f"{where} needs a 'columns' list")
    specs = tuple(_column_spec(where, column) for column in columns)
    names = [column.name for column in specs]
    meta = _meta(seed.get("config"))
    key = meta.get("primary_key")
    if not isinstance(key, list) or not key or any(name not in names for name in key):
        raise SpecError(f"{where}: config.meta.primary_key must list some of its columns")
    return SeedSpec(name=seed["name"], columns=specs, primary_key=tuple(key))


def _column_spec(where: str, column: object) -> ColumnSpec:
    if not isinstance(column, dict) or not isinstance(column.get("name"), str):
        raise SpecError(f"{where}: every column needs a 'name'")
    where = f"{where}, column {column['name']}"
    meta = _meta(column.get("config"))
    column_type = meta.get("type", "text")
    if column_type not in COLUMN_TYPES:
        raise SpecError(f"{where}: type {column_type!r} is not one of {', '.join(COLUMN_TYPES)}")
    accepted = meta.get("accepted_values")
    if accepted is not None and not (
        isinstance(accepted, list) and all(isinstance(value, str) for value in accepted)
    ):
        raise SpecError(f"{where}: accepted_values must be a list of text")
    references = meta.get("references")
    if references is not None and not (isinstance(references, str) and references.count(".") == 1):
        raise SpecError(f"{where}: references must be <seed>.<column>")
    return ColumnSpec(
        name=column["name"],
        type=column_type,
        required=meta.get("required", True) is not False,
        accepted_values=tuple(accepted) if accepted is not None else None,
        references=tuple(references.split(".")) if references else None,
    )


def _meta(config: object) -> dict:
    meta = config.get("meta", {}) if isinstance(config, dict) else {}
    return meta if isinstance(meta, dict) else {}
