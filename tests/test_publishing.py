"""Publishing: a build either publishes a whole validated release or nothing.

These tests run real builds in a project copy of their own and kill them with
SIGKILL while they run, hold read-only connections from other processes, and
break inputs, then look at what warehouse/wechat_impact.duckdb shows.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from conftest import BUILD_STEPS, build_copy, release_bytes, run_cli
from wechat_impact import cli, publish

pytestmark = pytest.mark.slow

BUILD_SPECIFIC = {"build_info", "validation_results"}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with one published release of its own: these tests rebuild it."""
    return build_copy(tmp_path_factory.mktemp("publishing") / "project")


def published_file(project: Path) -> Path:
    return project / "warehouse" / "wechat_impact.duckdb"


def release_id(database: Path) -> str:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute("select release_id from marts.build_info").fetchone()[0]


def mart_contents(database: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts' order by 1"
            ).fetchall()
        ]
        return {
            table: connection.execute(f"select * from marts.{table} order by all").fetchall()
            for table in tables
            if table not in BUILD_SPECIFIC
        }


def leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in (project / "warehouse" / "releases").glob(".building*"))


def test_a_rebuild_with_nothing_changed_does_nothing(published: Path) -> None:
    before = release_id(published_file(published))
    completed = run_cli(published, "build")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith(f"warehouse is up to date: release {before} was built")
    assert release_id(published_file(published)) == before


def test_a_forced_rebuild_from_scratch_gives_identical_marts(published: Path) -> None:
    old_file = (published / "warehouse" / "current").resolve() / "wechat_impact.duckdb"
    old_contents = mart_contents(old_file)
    completed = run_cli(published, "build", "--force")
    assert completed.returncode == 0, completed.stderr
    new_file = published_file(published).resolve()
    assert new_file != old_file
    assert mart_contents(new_file) == old_contents
    assert set(old_contents) >= {"figures", "derived_figures", "claim_checks"}
    # Progress on stderr, step by step; one summary line on stdout with each step's time.
    assert re.findall(r"^==> (.+)$", completed.stderr, flags=re.MULTILINE) == list(BUILD_STEPS)
    timed = ", ".join(rf"{step} \d+\.\d\d s" for step in BUILD_STEPS)
    release = new_file.parent.relative_to(published)
    summary = rf"published {re.escape(str(release))}: {timed}; total \d+\.\d\d s\n"
    assert re.fullmatch(summary, completed.stdout), completed.stdout


def test_old_releases_are_pruned_to_keep(published: Path) -> None:
    for _ in range(2):
        assert run_cli(published, "build", "--force", "--keep", "2").returncode == 0
    releases = [
        path
        for path in (published / "warehouse" / "releases").iterdir()
        if not path.name.startswith(".")
    ]
    assert len(releases) == 2
    assert (published / "warehouse" / "current").resolve() in releases


def test_a_reader_is_never_blocked_and_never_sees_a_mix(published: Path) -> None:
    """A read-only connection held across a build keeps its release; new ones see the next."""
    database = published_file(published)
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys\n"
            f"connection = duckdb.connect({str(database)!r}, read_only=True)\n"
            "query = 'select release_id from marts.build_info'\n"
            "print(connection.execute(query).fetchone()[0], flush=True)\n"
            "sys.stdin.readline()\n"
            "print(connection.execute(query).fetchone()[0], flush=True)\n"
            "print(connection.execute('select count(*) from marts.figures').fetchone()[0])\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None and reader.stdin is not None
    held = reader.stdout.readline().strip()
    completed = run_cli(published, "build", "--force")
    assert completed.returncode == 0, completed.stderr
    reader.stdin.write("\n")
    reader.stdin.flush()
    still_held, figure_count = reader.stdout.readline().strip(), reader.stdout.readline().strip()
    assert reader.wait(timeout=60) == 0
    assert still_held == held
    assert figure_count == "102"  # the article's 13 figures and the cited documents' 89
    assert release_id(database) != held


def break_a_model(project: Path) -> None:
    (project / "models" / "marts" / "figures.sql").write_text(
        "select * from {{ ref('int_figures_summarised') }} where no_such_column\n"
    )


def refer_to_a_missing_model(project: Path) -> None:
    """dbt stops while compiling, before any node runs: there is no node to name."""
    (project / "models" / "marts" / "figures.sql").write_text(
        "select * from {{ ref('no_such_model') }}\n"
    )


def register_shares_over_a_whole(project: Path) -> None:
    """A registered claim that 85.7% and 70% are shares of one total: dbt passes (the claim is
    inconsistent and registered), but the suites hold shares of one total to room for each
    other (85.65 + 69.5 > 100)."""
    seeds = project / "seeds"
    for name, row in (
        (
            "corpus_claims.csv",
            "shares_over_a_whole,wechat_2014_impact_article,parts_of_whole,Two shares of one.",
        ),
        ("corpus_claim_figures.csv", "shares_over_a_whole,data_traffic_share,share"),
        (
            "corpus_claim_figures.csv",
            "shares_over_a_whole,organisations_with_public_account_share,share",
        ),
        ("corpus_known_discrepancies.csv", "shares_over_a_whole,Registered for this test."),
    ):
        path = seeds / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.rstrip("\n") + "\n" + row + "\n", encoding="utf-8")


def break_a_seed(project: Path) -> None:
    path = project / "seeds" / "corpus_figure_mentions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",85.65,", ",eighty,"))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (break_a_seed, r"seeds/corpus_figure_mentions\.csv, row 7, column value_low: 'eighty'"),
        (break_a_model, r"dbt model figures error"),
        (
            refer_to_a_missing_model,
            r"error: Compilation Error\n.*'no_such_model' which was not found",
        ),
        (
            register_shares_over_a_whole,
            r"validation failed:\nfigures: expect_column_values_to_be_between on "
            r"shares_of_total_low_sum_pct failed",
        ),
    ],
    ids=["bad seed", "dbt error", "dbt compilation error", "failed expectation"],
)
def test_a_failed_build_publishes_nothing(
    tmp_path: Path, published: Path, breakage: Callable[[Path], None], message: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(published, project, symlinks=True)
    before = release_id(published_file(project))
    breakage(project)
    completed = run_cli(project, "build")
    assert completed.returncode == 1
    assert re.search(message, completed.stderr), completed.stderr
    assert completed.stderr.rstrip().endswith("nothing was published")
    assert release_id(published_file(project)) == before
    assert leftovers(project) == []


def wait_for_line(stream: Iterator[str], pattern: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    for line in stream:
        if re.search(pattern, line):
            return
        assert time.monotonic() < deadline, f"no line matching {pattern!r}"
    raise AssertionError(f"the build ended before a line matching {pattern!r}")


def start_build(project: Path) -> subprocess.Popen:
    """`wechat-impact build --force` in a process group of its own, output in one stream.

    Ctrl-C as a terminal's foreground job gets it: SIGINT at its default even when the tests
    run where it is ignored (a background job of a script, nohup), which the build would
    inherit and keep, finishing as if no Ctrl-C had come. Its stdin is a pipe for GATE_MODEL.
    """
    return subprocess.Popen(
        [sys.executable, "-u", "-m", "wechat_impact", "build", "--force"],
        cwd=project,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # so a signal to the group reaches the validation worker too
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


# Where to kill the build: a line of its output that says the step has begun.
KILL_POINTS = {
    "loading seeds": r"START seed file raw\.",
    "building models": r"START sql table model marts\.",
    "validating": r"==> validate",
    "publishing": r"==> publish",
}


@pytest.mark.parametrize("step", KILL_POINTS)
def test_a_killed_build_leaves_the_published_release_intact(
    tmp_path: Path, published: Path, step: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(published, project, symlinks=True)
    before_file = published_file(project).resolve()
    before_contents = mart_contents(before_file)
    build = start_build(project)
    wait_for_line(build.stdout, KILL_POINTS[step], timeout=120)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()

    after_file = published_file(project).resolve()
    if step == "publishing" and after_file != before_file:
        # The kill landed after the swap: then the new release is whole.
        assert mart_contents(after_file) == before_contents
    else:
        assert after_file == before_file
    assert mart_contents(published_file(project)) == before_contents

    rebuilt = run_cli(project, "build", "--force")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert leftovers(project) == []
    assert mart_contents(published_file(project)) == before_contents


# A model the Ctrl-C test adds to its copy: it holds one of dbt's threads, mid-build, until the
# test closes the build's stdin, so the signal always comes while the step runs, however late the
# test reads the line that says the build got there.
GATE_MODEL = """
import sys


def model(dbt, session):
    dbt.config(materialized="table")
    print("ctrl-c gate: dbt is building models", flush=True)
    sys.stdin.read()
    return session.sql("select 1 as released")
"""


@pytest.mark.parametrize("step", ["building models", "validating"])
def test_ctrl_c_ends_the_build_with_one_message_and_publishes_nothing(
    tmp_path: Path, published: Path, step: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(published, project, symlinks=True)
    (project / "models" / "ctrl_c_gate.py").write_text(GATE_MODEL, encoding="utf-8")
    before = release_id(published_file(project))
    build = start_build(project)
    wait_for_line(build.stdout, r"^ctrl-c gate: ", timeout=600)
    if step == "validating":
        # Stopped, the worker cannot answer: the build waits in the validate step for it.
        worker = validation_worker(project)
        os.kill(worker, signal.SIGSTOP)
        build.stdin.close()
        wait_for_line(build.stdout, r"^==> validate$", timeout=600)
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C sends the terminal's foreground group
    if step == "validating":
        with contextlib.suppress(ProcessLookupError):  # the build may have ended it already
            os.kill(worker, signal.SIGCONT)
    else:
        build.stdin.close()
    rest = build.stdout.read()

    assert build.wait(timeout=60) == 130
    assert rest.endswith("error: interrupted\nnothing was published\n"), rest
    assert release_id(published_file(project)) == before
    assert leftovers(project) == []
    assert processes_naming(project) == []  # the validation worker was stopped with the build


def validation_worker(project: Path) -> int:
    """The process id of the build's validation worker (its command line names project)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):  # the process ended while we looked
            arguments = cmdline.read_bytes().decode(errors="replace").split("\0")
            if "wechat_impact.validation_worker" in arguments and any(
                str(project) in argument for argument in arguments
            ):
                return int(cmdline.parent.name)
    raise AssertionError("no validation worker is running")


def processes_naming(path: Path) -> list[str]:
    """Command lines of running processes that mention path (the worker's names its docs)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            arguments = cmdline.read_bytes().decode(errors="replace").split("\0")
        except OSError:  # the process ended while we looked
            continue
        if any(str(path) in argument for argument in arguments):
            found.append(" ".join(arguments))
    return found


def current_release(project: Path) -> Path:
    return (project / "warehouse" / "current").resolve()


def copy_of(tmp_path: Path, published: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(published, project, symlinks=True)
    return project


def test_a_release_is_read_only_and_its_manifest_records_every_file(published: Path) -> None:
    release = current_release(published)
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    files = {path.relative_to(release).as_posix() for path in release.rglob("*") if path.is_file()}
    assert set(manifest["files"]) == files - {"manifest.json", ".published"}
    assert {"wechat_impact.duckdb", "exports/figures.csv", "page/index.html"} <= files
    for relative, recorded in manifest["files"].items():
        path = release / relative
        assert recorded["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest(), relative
        assert recorded["bytes"] == path.stat().st_size, relative
        assert path.stat().st_mode & 0o222 == 0, relative  # no one may write it


def delete_the_database(project: Path) -> None:
    (current_release(project) / "wechat_impact.duckdb").unlink()


def change_a_row_read_write(project: Path) -> None:
    """What a BI tool opened read-write does (as root the read-only mode does not stop it)."""
    with duckdb.connect(str(published_file(project))) as connection:
        connection.execute(
            "update marts.figures set label = 'changed' where figure_id = 'jobs_driven'"
        )


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (delete_the_database, r"wechat_impact\.duckdb is missing"),
        (
            change_a_row_read_write,
            r"wechat_impact\.duckdb (changed size \(\d+ bytes published, now \d+\)"
            r"|was changed after it was published \(its sha256 differs\))",
        ),
    ],
    ids=["deleted", "changed"],
)
def test_a_damaged_release_is_rebuilt_saying_why(
    tmp_path: Path, published: Path, damage: Callable[[Path], None], reason: str
) -> None:
    project = copy_of(tmp_path, published)
    before = current_release(project)
    contents = mart_contents(published_file(project))
    damage(project)
    completed = run_cli(project, "build")
    assert completed.returncode == 0, completed.stderr
    said = rf"^release {before.name} fails verification: {reason}; rebuilding it$"
    assert re.search(said, completed.stderr, flags=re.MULTILINE), completed.stderr
    assert completed.stdout.startswith("published")
    assert current_release(project) != before
    assert mart_contents(published_file(project)) == contents


def test_verification_hashes_only_what_moved(tmp_path: Path, published: Path) -> None:
    project = copy_of(tmp_path, published)
    warehouse = project / "warehouse"
    manifest = publish.published_manifest(warehouse)
    assert manifest is not None
    assert publish.verify_release(warehouse, manifest) is None
    page = current_release(project) / "page" / "index.html"
    os.utime(page, ns=(0, 0))  # touched, same bytes: the hash clears it
    assert publish.verify_release(warehouse, manifest) is None
    text = page.read_bytes()
    page.chmod(0o644)
    page.write_bytes(text.replace(b"<", b">", 1))  # same size, other bytes
    assert publish.verify_release(warehouse, manifest) == (
        "page/index.html was changed after it was published (its sha256 differs)"
    )
    page.write_bytes(text)
    (current_release(project) / "wechat_impact.duckdb.wal").write_bytes(b"")
    assert publish.verify_release(warehouse, manifest) == (
        "wechat_impact.duckdb.wal appeared after publishing (a client opened the release "
        "read-write?)"
    )


def make_a_directory_of_current(project: Path) -> str:
    current = project / "warehouse" / "current"
    current.unlink()
    current.mkdir()
    return "current is a real directory"


def make_a_file_of_the_published_name(project: Path) -> str:
    published = published_file(project)
    published.unlink()
    published.write_bytes(b"")
    return "wechat_impact.duckdb is a real file"


@pytest.mark.parametrize(
    "breakage", [make_a_directory_of_current, make_a_file_of_the_published_name]
)
def test_a_broken_warehouse_folder_is_refused_before_building(
    tmp_path: Path, published: Path, breakage: Callable[[Path], str]
) -> None:
    project = copy_of(tmp_path, published)
    what = breakage(project)
    completed = run_cli(project, "build", "--force")
    assert completed.returncode == 1
    assert completed.stderr == (
        f"error: {project.resolve() / 'warehouse'}/{what}, not a link into the published "
        "release; move it away and build again\nnothing was published\n"
    )


def test_leftovers_are_removed_and_keep_counts_published_releases(
    tmp_path: Path, published: Path
) -> None:
    project = copy_of(tmp_path, published)
    warehouse = project / "warehouse"
    releases = warehouse / "releases"
    current = current_release(project)
    # The shared project may hold releases that earlier tests published; start from the
    # current one alone, so what KEEP keeps depends on this test only.
    for other in releases.iterdir():
        if other != current:
            shutil.rmtree(other)
    older = []
    for number in range(3):  # published before: a kill after the swap skipped pruning
        older.append(releases / f"2000010{number}T000000000000Z-0000000{number}")
        shutil.copytree(current, older[-1])
    never_published = releases / "20991231T000000000000Z-99999999"
    shutil.copytree(current, never_published)
    (never_published / ".published").unlink()
    half_pruned = releases / ".pruning-19990101T000000000000Z-00000000"
    half_pruned.mkdir()
    empty = releases / "19990102T000000000000Z-00000000"
    empty.mkdir()
    staged = warehouse / ".current.19990103T000000000000Z-00000000"
    staged.symlink_to(Path("releases") / never_published.name)

    completed = run_cli(project, "build", "--keep", "2")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("warehouse is up to date")
    for leftover in (half_pruned, staged, never_published, empty):
        assert f"removed {leftover}, left by a build that did not finish" in completed.stderr
    assert sorted(releases.iterdir()) == sorted([older[-1], current])


def test_an_unwritable_warehouse_is_one_line(
    tmp_path: Path, published: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """A read-only warehouse/releases (root ignores the mode bits, so the refusal is made)."""
    project = copy_of(tmp_path, published)
    before = release_bytes(project)
    real_mkdir = Path.mkdir

    def refuse(path: Path, *arguments: object, **keywords: object) -> None:
        if path.name == ".building":
            raise PermissionError(13, "Permission denied", str(path))
        real_mkdir(path, *arguments, **keywords)

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert cli.main(["build", "--force", "--root", str(project)]) == 1
    building = project.resolve() / "warehouse" / "releases" / ".building"
    assert capsys.readouterr().err == (
        f"error: cannot write the warehouse: Permission denied ({building}); free space or make "
        "warehouse/ writable, then build again\nnothing was published\n"
    )
    assert release_bytes(project) == before


def build_with_exports_raising(project: Path, error: str) -> subprocess.CompletedProcess[str]:
    """`wechat-impact build --force` in its own process, with writing the exports raising
    `error` (a Python expression that may use errno and out_dir)."""
    script = (
        "import errno, sys\n"
        "from wechat_impact import cli, exports\n"
        "def failing(database, out_dir):\n"
        f"    raise {error}\n"
        "exports.write_exports = failing\n"
        "sys.exit(cli.main(['build', '--force']))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=False
    )


def test_a_full_disk_while_writing_the_release_publishes_nothing(
    tmp_path: Path, published: Path
) -> None:
    project = copy_of(tmp_path, published)
    before = release_bytes(project)
    completed = build_with_exports_raising(
        project, "OSError(errno.ENOSPC, 'No space left on device', str(out_dir / 'figures.csv'))"
    )
    assert completed.returncode == 1
    exports_dir = project.resolve() / "warehouse" / "releases" / ".building" / "exports"
    assert completed.stderr.endswith(
        f"error: cannot write the warehouse: No space left on device ({exports_dir}/figures.csv); "
        "free space or make warehouse/ writable, then build again\nnothing was published\n"
    ), completed.stderr
    assert "Traceback" not in completed.stderr
    assert release_bytes(project) == before


def test_ctrl_c_during_a_duckdb_query_is_an_interrupt(tmp_path: Path, published: Path) -> None:
    """DuckDB takes a SIGINT that arrives while it runs a query in the build's own process
    (exports, page, build info) and raises RuntimeError("Query interrupted") instead of
    KeyboardInterrupt: the build still ends with the one interrupt message."""
    project = copy_of(tmp_path, published)
    before = release_bytes(project)
    completed = build_with_exports_raising(project, "RuntimeError('Query interrupted')")
    assert completed.returncode == cli.INTERRUPTED
    assert completed.stderr.endswith("error: interrupted\nnothing was published\n")
    assert "Traceback" not in completed.stderr
    assert release_bytes(project) == before
