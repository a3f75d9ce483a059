"""`make bench`: the end-to-end build against plain dbt, side by side in one run.

Timings on a shared 2-core machine are noisy, so every variant runs several
times, interleaved, in scratch copies of the project, and the table reports
the median and the range; the targets are ratios of medians measured in the
same run, never absolute seconds. Results go to docs/benchmarks.md.

    (a) plain `dbt build` of the project into a new file
    (b) `wechat-impact build --force`: inputs, dbt, validation, publishing
    (c) `wechat-impact build` with nothing changed (the no-op)
    (d) the compiled model SQL alone in DuckDB: the floor under (a)
    (e) (b) without validation: what Great Expectations adds is (b) / (e)

(b) and (c) run the command `make build` runs (`make build FORCE=1` for (b)) in the scratch
copy, which has no Makefile or .venv of its own; make itself adds under 0.01 s (`time make
build` against `time .venv/bin/wechat-impact build`, nothing changed: 0.05 s both).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from wechat_impact import dbt_run
from wechat_impact.project_files import ROOT, copy_project

QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
STEP_TIME = re.compile(r"(\w[\w ]*?) (\d+\.\d+) s")  # "dbt build 4.91 s" in a build's summary


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run(command: list[str], cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, check=True, **QUIET)


def plain_dbt_build(project: Path) -> None:
    database = project / "warehouse" / "plain.duckdb"
    database.unlink(missing_ok=True)
    subprocess.run(
        [dbt_run.dbt_executable(), "build"],
        cwd=project,
        env=dbt_run.dbt_environment(project, WECHAT_IMPACT_DEV_PATH=str(database)),
        check=True,
        **QUIET,
    )


def pipeline_build(project: Path, *flags: str) -> str:
    """`wechat-impact build` in project; returns its one-line summary."""
    completed = subprocess.run(
        [sys.executable, "-m", "wechat_impact", "build", *flags],
        cwd=project,
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return completed.stdout


def step_medians(summaries: list[str]) -> str:
    """The median of each step over the summary lines of (b), in the steps' order."""
    steps: dict[str, list[float]] = {}
    for summary in summaries:
        timed_steps = summary.split(": ", 1)[1].split("; total")[0]
        for name, seconds in STEP_TIME.findall(timed_steps):
            steps.setdefault(name, []).append(float(seconds))
    return ", ".join(f"{name} {statistics.median(times):.2f} s" for name, times in steps.items())


class _NoValidation:
    """Stands in for the validation worker in variant (e) only: no GX import, no suites."""

    def __init__(self, docs_dir: Path) -> None:
        pass

    def validate(self, database: Path, results: Path) -> dict:
        return {"results": [], "failures": None}

    def finish(self) -> None:
        pass

    def stop(self) -> None:
        pass


def build_without_validation() -> int:
    """Variant (e): the pipeline exactly as `build --force` runs it, minus validation."""
    import gc

    from wechat_impact import pipeline

    print(pipeline.build(Path().resolve(), force=True, worker_type=_NoValidation))
    gc.freeze()  # as the build command does before it exits
    return 0


def compiled_sql_alone(project: Path) -> Callable[[], None]:
    """Seeds through read_csv and every model's compiled SQL, in dependency order."""
    manifest = json.loads((project / "target" / "manifest.json").read_text(encoding="utf-8"))
    nodes = manifest["nodes"]
    database = next(iter(nodes.values()))["database"]  # compiled SQL names it
    statements = [f"attach ':memory:' as {database}", f"use {database}"]
    statements += [f"create schema {schema}" for schema in ("raw", "staging", "intermediate")]
    statements.append("create schema marts")
    for node in _in_dependency_order(nodes):
        relation = f"{node['schema']}.{node['name']}"
        if node["resource_type"] == "seed":
            path = project / node["original_file_path"]
            statements.append(
                f"create table {relation} as select * from read_csv('{path}', all_varchar = true)"
            )
        elif node["resource_type"] == "model":
            kind = "table" if node["config"]["materialized"] == "table" else "view"
            statements.append(f"create {kind} {relation} as {node['compiled_code']}")

    def execute() -> None:
        with duckdb.connect(":memory:") as connection:
            for statement in statements:
                connection.execute(statement)

    return execute


def _in_dependency_order(nodes: dict[str, dict]) -> list[dict]:
    done: set[str] = set()
    ordered: list[dict] = []

    def visit(unique_id: str) -> None:
        if unique_id in done or unique_id not in nodes:
            return
        done.add(unique_id)
        for parent in nodes[unique_id]["depends_on"].get("nodes", []):
            visit(parent)
        if nodes[unique_id]["resource_type"] in {"seed", "model"}:
            ordered.append(nodes[unique_id])

    for unique_id in sorted(nodes):
        visit(unique_id)
    return ordered


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory_kib / 2**20:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def row(name: str, seconds: list[float]) -> str:
    return (
        f"| {name} | {statistics.median(seconds):.2f} | {min(seconds):.2f} | {max(seconds):.2f} |"
    )


def verdict(name: str, value: float, target: float, unit: str = "", meaning: str = "") -> str:
    """'- (b) / (a) = 1.07: target at most 1.10, met', with what the figure means if given."""
    met = "met" if value <= target else "NOT met"
    said = f", {meaning}" if meaning else ""
    return f"- {name} = {value:.2f}{unit}{said}: target at most {target:.2f}{unit}, {met}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--without-gx", action="store_true", help="run variant (e) once, here")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    arguments = parser.parse_args(argv)
    if arguments.without_gx:
        return build_without_validation()

    with tempfile.TemporaryDirectory() as scratch:
        project = copy_project(Path(scratch) / "project")
        (project / "warehouse").mkdir()
        pipeline_build(project)  # warm caches, and a release for the no-op to find
        plain_dbt_build(project)  # and target/manifest.json with the compiled SQL
        floor = compiled_sql_alone(project)
        times: dict[str, list[float]] = {key: [] for key in "abcde"}
        summaries: list[str] = []
        for number in range(1, arguments.runs + 1):
            print(f"run {number} of {arguments.runs}", file=sys.stderr, flush=True)
            times["a"].append(timed(lambda: plain_dbt_build(project)))
            times["b"].append(timed(lambda: summaries.append(pipeline_build(project, "--force"))))
            times["c"].append(timed(lambda: pipeline_build(project)))
            times["d"].append(timed(floor))
            times["e"].append(
                timed(
                    lambda: run(
                        [sys.executable, "-m", "wechat_impact.tools.bench", "--without-gx"], project
                    )
                )
            )

    median = {key: statistics.median(seconds) for key, seconds in times.items()}
    table = "\n".join(
        [
            "| variant | median s | min s | max s |",
            "|---|---:|---:|---:|",
            row("(a) plain `dbt build`", times["a"]),
            row("(b) `wechat-impact build --force` (dbt, validation, publishing)", times["b"]),
            row("(c) `wechat-impact build`, nothing changed", times["c"]),
            row("(d) compiled model SQL alone in DuckDB (the floor)", times["d"]),
            row("(e) (b) without validation", times["e"]),
        ]
    )
    verdicts = "\n".join(
        [
            verdict("(b) / (a)", median["b"] / median["a"], 1.10),
            verdict("(b) / (e)", median["b"] / median["e"], 1.10, meaning="what validation adds"),
            verdict("(c)", median["c"], 0.5, unit=" s"),
        ]
    )
    report = (
        "# Benchmarks\n\n"
        f"Made by `make bench` ({arguments.runs} interleaved runs of each variant).\n\n"
        f"Machine: {machine()}.\n\n{table}\n\n{verdicts}\n\n"
        "The steps of (b), medians from its summary lines (the rest of (b) is the "
        f"interpreter's start and exit): {step_medians(summaries)}.\n"
    )
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
