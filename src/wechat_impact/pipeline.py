"""Build one release: check inputs -> dbt -> validate -> publish.

Nothing is published unless every step passed; a failed or killed build
leaves the published warehouse exactly as it was (see publish.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from wechat_impact import fingerprint, publish

if TYPE_CHECKING:
    from wechat_impact.validation_worker import ValidationWorker

T = TypeVar("T")
DEFAULT_KEEP = 3
# dbt's target directory for release builds, kept between builds for partial parsing.
RELEASE_TARGET_PATH = "target/release"


class BuildFailed(Exception):
    """A step failed; the message says which and why. Nothing was published."""


@dataclass
class StepTimer:
    """Prints each step as it starts and keeps its duration for the summary."""

    durations: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        print(f"==> {name}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.durations[name] = time.perf_counter() - started

    def steps(self) -> str:
        """Each step and how long it took, in order."""
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.durations.items())

    def summary(self) -> str:
        return f"{self.steps()}; total {sum(self.durations.values()):.2f} s"


def build(
    root: Path,
    force: bool = False,
    keep: int = DEFAULT_KEEP,
    worker_type: Callable[[Path], ValidationWorker] | None = None,
) -> str:
    """Build and publish a release; return a one-line summary. Raises BuildFailed.

    worker_type makes the validation worker from its Data Docs directory; None is the real
    one. Only the benchmark passes another: its variant without validation."""
    warehouse = root / "warehouse"
    timer = StepTimer()
    with publish.build_lock(warehouse):
        for stale in publish.remove_stale_builds(warehouse):
            print(f"removed {stale}, left by a build that did not finish", file=sys.stderr)
        inputs_hash = fingerprint.inputs_sha256(root)
        current = publish.published_manifest(warehouse)
        if current and current["inputs_sha256"] == inputs_hash and not force:
            return (
                f"warehouse is up to date: release {current['release_id']} was built from "
                "these inputs (FORCE=1 rebuilds anyway)"
            )
        release_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + inputs_hash[:8]
        building = publish.building_dir(warehouse)
        building.mkdir()
        try:
            manifest = _build_release(root, building, release_id, inputs_hash, timer, worker_type)
            with timer.step("publish"):
                release = publish.publish(warehouse, release_id, manifest, keep)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
    return f"published {release.relative_to(root)}: {timer.summary()}"


def _build_release(
    root: Path,
    building_dir: Path,
    release_id: str,
    inputs_hash: str,
    timer: StepTimer,
    worker_type: Callable[[Path], ValidationWorker] | None,
) -> dict:
    from wechat_impact import dbt_run, exports, extract, inputs, page, release_tables
    from wechat_impact.validation_worker import ValidationWorker

    building = building_dir / publish.PUBLISHED_NAME

    # Imports Great Expectations and prepares the suites while dbt runs.
    worker = (worker_type or ValidationWorker)(building_dir / "data_docs")
    try:
        with timer.step("check inputs"):
            _as_build_failure(lambda: inputs.check_inputs(root), inputs.InputError)
            drift = extract.check(root)
            if drift:
                raise BuildFailed("\n".join(drift))
        with timer.step("dbt build"):
            _as_build_failure(
                lambda: dbt_run.run_dbt(
                    root,
                    ["build", "--target", "release"],
                    {"WECHAT_IMPACT_RELEASE_PATH": str(building)},
                    root / RELEASE_TARGET_PATH,
                ),
                dbt_run.DbtError,
            )
        built_at = datetime.now(UTC).replace(tzinfo=None)
        manifest = {
            "release_id": release_id,
            "built_at": built_at.isoformat(),
            "inputs_sha256": inputs_hash,
            **_git_state(root),
            **_versions(),
        }
        release_tables.write_build_info(building, manifest)
        with timer.step("validate"), tempfile.TemporaryDirectory() as scratch:
            outcome = worker.validate(building, Path(scratch) / "outcome.json")
        for row in outcome["results"]:
            row.update(run_id=release_id, run_at=built_at)
        release_tables.write_validation_results(building, outcome["results"])
        if outcome["failures"]:
            raise BuildFailed("validation failed:\n" + outcome["failures"])
        with timer.step("exports and page"):  # while the worker writes the Data Docs
            exports.write_exports(building, building_dir / "exports")
            page.write_page(building, building_dir / "page")
        with timer.step("data docs"):
            worker.finish()
    finally:
        worker.stop()
    return manifest


def _as_build_failure(action: Callable[[], T], error_type: type[Exception]) -> T:
    try:
        return action()
    except error_type as error:
        raise BuildFailed(str(error)) from error


def _git_state(root: Path) -> dict[str, object]:
    def git(*arguments: str) -> str | None:
        completed = subprocess.run(
            ["git", *arguments], cwd=root, capture_output=True, text=True, check=False
        )
        return completed.stdout.strip() if completed.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain")
    return {"git_commit": commit or "unknown", "git_dirty": bool(status)}


def _versions() -> dict[str, str]:
    return {
        "dbt_version": version("dbt-core"),
        "duckdb_version": version("duckdb"),
        "great_expectations_version": version("great_expectations"),
    }
