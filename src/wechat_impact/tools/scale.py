"""`make scale`: the whole build over a synthetic corpus, timed step by step.

    python -m wechat_impact.tools.scale --documents 10000     # 1,000,000 figures

In a scratch copy of the project: generate the corpus (synthetic.py), check the inputs, run
`dbt build` with the seeds read straight from their CSVs (the external_seeds_dir var of
macros/seed_relation.sql; `dbt seed` through agate is the one step that does not scale), then
validate the result with the same worker process the release pipeline uses, so Great
Expectations is imported while dbt runs. The validator reads the marts only, so the raw
layer, which dbt does not load here, is not needed. The warehouse is a separate file in the
scratch directory; nothing is published. A failing step ends the run with its own message
and exit status 1.

Progress goes to stderr, one summary line to stdout: each step's time, the wall time and the
peak memory. Peak memory is the largest resident set of either process (this one, which
generates, checks and runs dbt in-process as the release pipeline does, or its child, the
validation worker), not their sum: the two overlap only while GX imports during dbt, so the
sum would overstate what a machine needs.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from wechat_impact import dbt_run, inputs
from wechat_impact.pipeline import BuildFailed, StepTimer
from wechat_impact.project_files import copy_project
from wechat_impact.tools import synthetic
from wechat_impact.validation_worker import ValidationWorker

TARGET_PATH = "target/scale"
# What a failing step raises; main() prints its message, which names what to fix.
STEP_ERRORS = (inputs.InputError, dbt_run.DbtError, BuildFailed, RuntimeError, ValueError)
DATABASE = "scale.duckdb"


def run(documents: int, workdir: Path, linked_sections: int = synthetic.LINKED_SECTIONS) -> str:
    """Build the scale warehouse under workdir; return the summary line.

    Raises the failing step's own error: InputError, DbtError, BuildFailed (validation) or
    RuntimeError (the validation worker died)."""
    project = workdir / "project"
    if project.exists():
        raise BuildFailed(f"{project} exists; give a --workdir without a project in it")
    database = workdir / DATABASE
    timer = StepTimer()
    started = time.perf_counter()
    with timer.step("copy project"):
        copy_project(project)
    with timer.step("generate"):
        synthetic.generate(documents, project, linked_sections)
    with timer.step("check inputs"):
        inputs.check_inputs(project)
    # Imports Great Expectations and prepares the suites while dbt runs.
    worker = ValidationWorker(workdir / "data_docs")
    try:
        with timer.step("dbt build"):
            _dbt_build(project, database)
        with timer.step("validate"):
            outcome = worker.validate(database, workdir / "outcome.json")
        if outcome["failures"]:
            raise BuildFailed("validation failed:\n" + outcome["failures"])
        with timer.step("data docs"):
            worker.finish()
    finally:
        worker.stop()
    wall = time.perf_counter() - started
    figures = documents * synthetic.FIGURES_PER_DOCUMENT
    return (
        f"scale run, {documents} documents ({figures} synthetic figures and the article's): "
        f"{timer.steps()}; wall {wall:.1f} s; {_peak_memory()}"
    )


def _dbt_build(project: Path, database: Path) -> None:
    """Every model and test, the seeds read by the models from project/seeds."""
    seeds = json.dumps({"external_seeds_dir": str(project / inputs.SEEDS_DIR)})
    dbt_run.run_dbt(
        project,
        ["build", "--target", "release", "--vars", seeds, "--exclude", "resource_type:seed"],
        {"WECHAT_IMPACT_RELEASE_PATH": str(database)},
        project / TARGET_PATH,
    )


def _peak_memory() -> str:
    """Largest single-process peak RSS; Linux reports ru_maxrss in KiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
    return (
        f"peak memory {max(own, children):.2f} GiB (largest single process, not a sum: "
        f"this one {own:.2f} GiB, its largest child {children:.2f} GiB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, required=True, help="100 figures each")
    parser.add_argument(
        "--workdir",
        type=Path,
        help="build here and keep it (default: a temporary directory, removed afterwards)",
    )
    synthetic.add_linked_sections_argument(parser)
    arguments = parser.parse_args(argv)
    if arguments.documents < 1:
        parser.error("--documents must be at least 1")
    try:
        if arguments.workdir is not None:
            arguments.workdir.mkdir(parents=True, exist_ok=True)
            summary = run(arguments.documents, arguments.workdir, arguments.linked_sections)
        else:
            with tempfile.TemporaryDirectory(prefix="wechat-impact-scale-") as scratch:
                summary = run(arguments.documents, Path(scratch), arguments.linked_sections)
    except STEP_ERRORS as error:
        print(f"scale run failed: {error}", file=sys.stderr)
        return 1
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
