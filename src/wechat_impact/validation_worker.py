"""The validation step, in a process of its own.

Importing Great Expectations costs 5-7 s of CPU here, about as long as the
whole dbt build. The pipeline starts this worker before dbt, so the import
runs on the second core while dbt builds; then it hands the worker the
finished release file and waits for the results.

Protocol: one JSON line on stdin {"database": ..., "docs_dir": ..., "results": ...};
the worker writes {"results": [...], "failures": message or null} as JSON to
the "results" path and exits 0.
An empty stdin (the pipeline gave up) makes it exit at once.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import subprocess
import sys
from pathlib import Path


def main() -> int:
    from wechat_impact import validate  # the slow import this process exists for

    request_line = sys.stdin.readline()
    if not request_line:
        return 0
    request = json.loads(request_line)
    results = validate.validate(Path(request["database"]), Path(request["docs_dir"]))
    outcome = {
        "results": [dataclasses.asdict(result) for result in results],
        "failures": validate.failures_message(results),
    }
    Path(request["results"]).write_text(json.dumps(outcome), encoding="utf-8")
    gc.freeze()  # exiting a process that imported GX otherwise spends 1-1.5 s collecting
    return 0


class ValidationWorker:
    """Parent side: start early, ask once, read the results."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "wechat_impact.validation_worker"],
            stdin=subprocess.PIPE,
            text=True,
        )

    def validate(self, database: Path, docs_dir: Path, results: Path) -> dict:
        """Send the request, wait for the worker, return {"results", "failures"}."""
        request = {"database": str(database), "docs_dir": str(docs_dir), "results": str(results)}
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.close()
        if self._process.wait() != 0 or not results.exists():
            raise RuntimeError(
                f"the validation worker failed (exit {self._process.returncode}); see above"
            )
        return json.loads(results.read_text(encoding="utf-8"))

    def stop(self) -> None:
        """End the worker if it is still waiting (the build failed before validation)."""
        if self._process.poll() is None:
            if self._process.stdin and not self._process.stdin.closed:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


if __name__ == "__main__":
    sys.exit(main())
