"""The validation step, in a process of its own.

Importing Great Expectations costs seconds of CPU, a large part of a whole
dbt build. The pipeline starts this worker before dbt, so the import runs on
the second core (at a lower priority than dbt) while dbt builds; then it
hands the worker the finished release file.

The worker is started with the directory for the Data Docs, and prepares everything that
does not need the warehouse (validate.Validator) before it reads its request.

Protocol: one JSON line on stdin {"database": ..., "results": ...}. The worker writes
{"results": [...], "failures": message or null} as JSON to the "results" path and says
"results" on its stdout; then it builds the rest of the Data Docs, while the pipeline goes
on, and exits 0. An empty stdin (the pipeline gave up) makes it exit once its preparation ends.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wechat_impact.validate import Validator

RESULTS_READY = "results"


def main() -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    sys.stdout = sys.stderr  # anything GX prints must not mix with the protocol
    preparing = ThreadPoolExecutor(max_workers=1).submit(_prepare, Path(sys.argv[1]))
    request_line = sys.stdin.readline()
    if not request_line:
        return 0
    validator = preparing.result()
    from wechat_impact import validate  # imported by _prepare: no cost here

    request = json.loads(request_line)
    results = validator.run(Path(request["database"]))
    outcome = {
        "results": [dataclasses.asdict(result) for result in results],
        "failures": validate.failures_message(results),
    }
    Path(request["results"]).write_text(json.dumps(outcome), encoding="utf-8")
    protocol.write(RESULTS_READY + "\n")
    protocol.flush()
    validator.build_docs()
    gc.freeze()  # exiting a process that imported GX otherwise spends 1-1.5 s collecting
    return 0


def _prepare(docs_dir: Path) -> Validator:
    """The slow import this process exists for, and the suites made ready, at a lower priority:
    dbt, in the parent, comes first. Linux gives each thread its own nice value, so only this
    thread is lowered; the validation itself, which the build waits for, runs at the build's."""
    os.nice(10)
    from wechat_impact import validate

    return validate.Validator(docs_dir)


class ValidationWorker:
    """Parent side: start early, ask once, read the results, wait for the Data Docs."""

    def __init__(self, docs_dir: Path) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "wechat_impact.validation_worker", str(docs_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def validate(self, database: Path, results: Path) -> dict:
        """Send the request and return {"results", "failures"} as soon as they are there."""
        request = {"database": str(database), "results": str(results)}
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.close()
        if self._process.stdout.readline().strip() != RESULTS_READY:
            self._process.wait()
            raise RuntimeError(
                f"the validation worker failed (exit {self._process.returncode}); see above"
            )
        return json.loads(results.read_text(encoding="utf-8"))

    def finish(self) -> None:
        """Wait for the Data Docs; raise if the worker failed on them."""
        if self._process.wait() != 0:
            raise RuntimeError(
                f"the validation worker failed writing the Data Docs "
                f"(exit {self._process.returncode}); see above"
            )

    def stop(self) -> None:
        """End the worker if it is still running: the build failed or was interrupted, and
        whatever the worker would still write goes with the unpublished build."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()


if __name__ == "__main__":
    sys.exit(main())
