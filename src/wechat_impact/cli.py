"""The `wechat-impact` command line: one small function per subcommand.

A subcommand is registered in ``_parser`` with ``set_defaults(run=...)``; its function takes
the parsed arguments and returns the exit code. Errors users can act on are one line on
stderr and exit 1, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

# extract and numbers (with cn2an) are imported by the subcommands that use them: `build`
# answers "up to date" sooner without them.
from wechat_impact import pipeline, publish

INTERRUPTED = 130  # the shell's exit status for a command ended by Ctrl-C (128 + SIGINT)
DUCKDB_INTERRUPTED = "Query interrupted"  # DuckDB's error for a query a SIGINT stopped


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    arguments = _parser().parse_args(argv)
    return arguments.run(arguments)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wechat-impact",
        description="The WeChat 2014 impact warehouse: figures as printed, checked and published.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    command = commands.add_parser(
        "parse-number",
        help="read one printed figure and print it as JSON",
        description="Print {value, low, high, unit, qualifier} of one printed figure as JSON. "
        "Text that starts with '-' goes after '--': parse-number -- -5%%",
    )
    command.add_argument("text", metavar="TEXT", help='e.g. "95 billion 200 million yuan"')
    command.set_defaults(run=_parse_number)

    command = commands.add_parser(
        "extract",
        help="regenerate the figure seeds from the documents' catalogs",
        description="Write the figure seeds (seeds/corpus_figures.csv and "
        "seeds/corpus_figure_mentions.csv) from every document's catalog in sources/ "
        "(and the article's stored text).",
    )
    command.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the committed seeds differ from what would be written",
    )
    command.add_argument(
        "--root", type=Path, default=Path(), help="repository root (default: current directory)"
    )
    command.set_defaults(run=_extract)

    command = commands.add_parser(
        "build",
        help="build, validate and publish a release of the warehouse",
        description="Check the inputs, run dbt and the Great Expectations suites on a new "
        "release file, and only when all passed point warehouse/wechat_impact.duckdb at it. "
        "Does nothing when the published release was built from the same inputs.",
    )
    command.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    command.add_argument(
        "--keep",
        type=int,
        default=pipeline.DEFAULT_KEEP,
        help="how many releases to keep (default: %(default)s)",
    )
    command.add_argument(
        "--root", type=Path, default=Path(), help="repository root (default: current directory)"
    )
    command.set_defaults(run=_build)
    return parser


def _parse_number(arguments: argparse.Namespace) -> int:
    from wechat_impact import numbers

    try:
        number = numbers.parse_number(arguments.text)
    except numbers.NumberError as error:
        return _fail(str(error))
    fields = {
        "value": number.value,
        "low": number.low,
        "high": number.high,
        "unit": number.unit,
        "qualifier": number.qualifier,
    }
    # Numbers are written by hand: json cannot write a Decimal, and floats would lose exactness
    # and print large values with an exponent (1e+16).
    body = ", ".join(f"{json.dumps(key)}: {_json_value(value)}" for key, value in fields.items())
    print(f"{{{body}}}")
    return 0


def _extract(arguments: argparse.Namespace) -> int:
    from wechat_impact import extract

    try:
        if not arguments.check:
            for path in extract.write(arguments.root):
                print(f"wrote {path}")
            return 0
        problems = extract.check(arguments.root)
    except extract.ExtractError as error:
        return _fail(str(error))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _build(arguments: argparse.Namespace) -> int:
    try:
        summary = pipeline.build(arguments.root.resolve(), arguments.force, arguments.keep)
    except (pipeline.BuildFailed, publish.PublishError) as error:
        return _fail(f"{error}\nnothing was published")
    except OSError as error:  # disk full, a read-only warehouse/: the partial release is gone
        return _fail(
            f"cannot write the warehouse: {error.strerror or error} "
            f"({error.filename or 'warehouse/'}); free space or make warehouse/ writable, "
            "then build again\nnothing was published"
        )
    except KeyboardInterrupt:
        return _interrupted()
    except RuntimeError as error:
        # Ctrl-C while DuckDB runs a query in this process (build info, exports, page): DuckDB
        # takes the signal and raises this instead of KeyboardInterrupt.
        if str(error) != DUCKDB_INTERRUPTED:
            raise
        return _interrupted()
    print(summary)
    gc.freeze()  # the build imported dbt: collecting its objects at exit takes 0.4 s
    return 0


def _json_value(value: Decimal | str | None) -> str:
    from wechat_impact import numbers

    if isinstance(value, Decimal):
        return numbers.plain(value)
    return json.dumps(value)


def _interrupted() -> int:
    _fail("interrupted\nnothing was published")
    return INTERRUPTED


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1
