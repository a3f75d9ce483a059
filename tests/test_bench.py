"""`make bench` runs end to end and writes its report (one run of each variant; no timing is
asserted, only that every variant ran and the report says what it measured)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_STEPS, ROOT

VARIANTS = ("(a)", "(b)", "(c)", "(d)", "(e)")


@pytest.mark.slow
def test_the_benchmark_times_every_variant_and_writes_its_report(tmp_path: Path) -> None:
    output = tmp_path / "benchmarks.md"
    completed = subprocess.run(
        [sys.executable, "-m", "wechat_impact.tools.bench", "--runs", "1", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    report = output.read_text(encoding="utf-8")
    assert completed.stdout.strip() == report.strip()
    assert re.search(r"^Machine: \d+ cores", report, flags=re.MULTILINE)

    rows = re.findall(r"^\| (\(\w\)) .*? \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", report, re.M)
    assert [variant for variant, *_ in rows] == list(VARIANTS)
    for _variant, median, low, high in rows:
        assert 0 < float(low) <= float(median) <= float(high)

    verdicts = re.findall(r"^- (.+): target at most ([\d.]+)( s)?, (met|NOT met)$", report, re.M)
    assert [measured.split(" =")[0] for measured, *_ in verdicts] == [
        "(b) / (a)",
        "(b) / (e)",
        "(c)",
    ]

    steps = re.search(r"summary lines .*?: (.+)\.$", report, flags=re.MULTILINE)
    assert steps is not None
    assert re.findall(r"(\w[\w ]*?) \d+\.\d\d s", steps.group(1)) == list(BUILD_STEPS)
