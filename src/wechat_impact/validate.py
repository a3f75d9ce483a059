"""Run the Great Expectations suites over a finished warehouse.

`import great_expectations` costs 2-4 s of CPU here, half of a whole dbt build. The pipeline
imports this module in a worker process while dbt runs, so the import sits at the top of the
module (it is the point of importing early), and the worker prepares a `Validator` then too:
once the warehouse is built, only reading, validating and converting are left.

GX validates pandas frames, not the warehouse through its SQL datasource: with DuckDB the SQL
path fails every expectation in GX 1.24 (issue #11579). Each suite's frame is its query's result
over a read-only connection (see suites.py: a few rows however big the marts are), read with
`fetchall`, which keeps decimal(38, 10) values as exact `Decimal`s (`.df()` would make floats).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import great_expectations as gx
import pandas as pd
from great_expectations.core import ExpectationValidationResult
from great_expectations.data_context import EphemeralDataContext
from great_expectations.data_context.types.base import (
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)
from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier
from great_expectations.datasource.fluent import PandasDatasource

from wechat_impact import docs_assets
from wechat_impact.numbers import QUANTITY_TEXT_SQL, plain
from wechat_impact.suites import SUITES, Suite

DOCS_SITE = "wechat_impact"
OBSERVED_MAX_CHARS = 400  # an observed value is a hint in a one-line message, not a dump
# Where GX's result puts what was seen, and the name it gets in an observed value.
OBSERVED_KEYS = (
    ("observed_value", "observed"),
    ("element_count", "rows"),
    ("partial_unexpected_index_list", "unexpected"),
    ("partial_missing_list", "missing"),
)


@dataclass(frozen=True)
class ExpectationResult:
    """One expectation's outcome in plain types, so the pipeline can store and print it
    without GX objects."""

    suite: str  # e.g. "figures"
    expectation: str  # e.g. "expect_column_values_to_be_between"
    column_name: str | None
    success: bool
    observed_value: str  # JSON or text, short
    details: str  # what was asserted, in words


class Validator:
    """The suites made ready to run before there is a warehouse to run them on.

    Everything that does not depend on the data is done here: the in-memory GX context, the
    suites, their validation definitions and, when docs_dir is given, the suites' Data Docs
    pages. The pipeline's worker builds it while dbt runs, so what is left once the warehouse
    is there is `run()` (read the frames, validate) and `build_docs()` (the validation pages
    and the index). Run it once: a second run would add a second set of results to the docs.
    """

    def __init__(self, docs_dir: Path | None = None) -> None:
        self._context = _context(docs_dir)
        datasource = self._context.data_sources.add_pandas("marts")
        self._definitions = [
            (suite, _definition(self._context, datasource, suite)) for suite in SUITES
        ]
        self._docs_dir = docs_dir
        if docs_dir is not None:
            self._context.build_data_docs(
                site_names=[DOCS_SITE],
                resource_identifiers=[ExpectationSuiteIdentifier(suite.name) for suite in SUITES],
                build_index=False,
            )

    def run(self, database_path: Path) -> list[ExpectationResult]:
        """Each suite's query over a read-only DuckDB connection, its frame validated."""
        with duckdb.connect(str(database_path), read_only=True) as connection:
            connection.execute(QUANTITY_TEXT_SQL)
            frames = [_frame(connection, suite) for suite, _ in self._definitions]
        return [
            result
            for (suite, definition), frame in zip(self._definitions, frames, strict=True)
            for result in _run(suite, definition, frame)
        ]

    def build_docs(self) -> None:
        """The validation results' pages and the index, beside the suites' pages; then every
        page made to load its scripts, styles and fonts from the site itself (docs_assets)."""
        if self._docs_dir is not None:
            self._context.build_data_docs(
                site_names=[DOCS_SITE],
                resource_identifiers=self._context.validation_results_store.list_keys(),
            )
            docs_assets.make_offline(self._docs_dir)


def validate(database_path: Path, docs_dir: Path | None = None) -> list[ExpectationResult]:
    """Validate the warehouse at database_path with every suite; see Validator.

    Builds GX Data Docs into docs_dir when given (give each release a new directory: pages of
    earlier runs would stay beside the new ones); nothing else is written, the GX context is
    in memory. The pages load their scripts, styles and fonts from the site itself.
    """
    validator = Validator(docs_dir)
    results = validator.run(database_path)
    validator.build_docs()
    return results


def failures_message(results: list[ExpectationResult]) -> str | None:
    """None when all passed, else one line per failure naming the suite, the expectation, the
    column and the observed value, with the assertion in words so the line stands alone."""
    lines = [
        f"{result.suite}: {result.expectation} on {result.column_name or 'the table'} failed, "
        f"observed {result.observed_value}; expected {result.details}"
        for result in results
        if not result.success
    ]
    return "\n".join(lines) if lines else None


def _frame(connection: duckdb.DuckDBPyConnection, suite: Suite) -> pd.DataFrame:
    """The suite's query result as Python objects: pandas would make a text column's NULL a NaN
    and a count an int64, neither of which reads well (or is JSON) in a failure message."""
    parameters = dict(suite.parameters)
    if suite.reference is not None:
        rows = connection.execute(suite.reference.query).fetchall()
        parameters.update(suite.reference.parameters(rows))
    cursor = connection.execute(suite.query, parameters)
    columns = [column[0] for column in cursor.description]
    return pd.DataFrame(cursor.fetchall(), columns=columns, dtype=object)


def _definition(
    context: EphemeralDataContext, datasource: PandasDatasource, suite: Suite
) -> gx.ValidationDefinition:
    """The suite in GX, over a dataframe asset of its own."""
    batch = datasource.add_dataframe_asset(suite.name).add_batch_definition_whole_dataframe("whole")
    # An expectation belongs to one GX suite at a time, and a process may validate more than once.
    gx_suite = context.suites.add(
        gx.ExpectationSuite(suite.name, expectations=[copy.copy(e) for e in suite.expectations])
    )
    return context.validation_definitions.add(
        gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite)
    )


def _run(
    suite: Suite, definition: gx.ValidationDefinition, frame: pd.DataFrame
) -> list[ExpectationResult]:
    """Validate one frame against one suite; results in the suite's order."""
    run = definition.run(
        batch_parameters={"dataframe": frame},
        # Up to 20 failing rows per expectation, each named by the suite's key column.
        result_format={"result_format": "SUMMARY", "unexpected_index_column_names": [suite.key]},
    )
    # GX returns results grouped its own way; reports read better in the order defined.
    order = {expectation.id: i for i, expectation in enumerate(definition.suite.expectations)}
    ordered = sorted(run.results, key=lambda result: order[result.expectation_config.id])
    return [_result(suite, result) for result in ordered]


def _context(docs_dir: Path | None) -> EphemeralDataContext:
    """An in-memory context: no analytics, no progress bars, Data Docs only where asked."""
    sites = {}
    if docs_dir is not None:
        sites[DOCS_SITE] = {
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(docs_dir),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }
    config = DataContextConfig(
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        data_docs_sites=sites,
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _result(suite: Suite, result: ExpectationValidationResult) -> ExpectationResult:
    """Our record of one GX result. An expectation that raised inside GX is a failure."""
    kwargs = result.expectation_config.kwargs
    columns = [kwargs[key] for key in ("column", "column_A", "column_B") if key in kwargs]
    errors = _raised(result)
    return ExpectationResult(
        suite=suite.name,
        expectation=result.expectation_config.type,
        column_name=", ".join(columns) or None,
        success=bool(result.success) and not errors,
        observed_value=_short(f"raised: {'; '.join(errors)}" if errors else _observed(result)),
        details=result.expectation_config.meta.get("details", ""),
    )


def _raised(result: ExpectationValidationResult) -> list[str]:
    """Messages of the exceptions GX caught: its exception_info is either one record or a
    record per metric that failed to resolve (often several with the same cause)."""
    info = result.exception_info or {}
    records = [info] if "raised_exception" in info else list(info.values())
    raised = (str(record["exception_message"]) for record in records if record["raised_exception"])
    return list(dict.fromkeys(raised))  # one message per cause, not per metric


def _observed(result: ExpectationValidationResult) -> str:
    seen = {
        name: result.result[key]
        for key, name in OBSERVED_KEYS
        if result.result.get(key) is not None
    }
    return json.dumps(seen, default=_json_decimal, ensure_ascii=False)


def _json_decimal(value: object) -> str:
    if isinstance(value, Decimal):
        return plain(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _short(text: str) -> str:
    return text if len(text) <= OBSERVED_MAX_CHARS else text[: OBSERVED_MAX_CHARS - 1] + "…"
