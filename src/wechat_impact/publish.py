"""Releases: build into a new file, publish by swapping a symlink.

People leave BI tools and DuckDB shells open on warehouse/wechat_impact.duckdb.
Rebuilding that file in place fights them for DuckDB's lock, and a build that
dies halfway leaves new seeds beside old marts (dbt commits model by model).
So every build writes a new file under warehouse/releases/, and only a build
that passed everything makes the published name point at it, in one atomic
os.replace of a symlink. Replacing the .duckdb file itself is not safe: a
leftover .wal beside the published name was replayed into the new file.

Layout (every release is a directory; publishing swaps one symlink):
    warehouse/current                  -> releases/<id> (the one atomic swap)
    warehouse/wechat_impact.duckdb     -> current/wechat_impact.duckdb
    warehouse/exports, warehouse/page -> current/exports, current/page
    warehouse/releases/<id>/           a published or kept release:
        wechat_impact.duckdb, manifest.json, exports/, page/, .published
    warehouse/releases/.building/      the build in progress; never published
    warehouse/releases/.pruning-<id>/  a release being deleted
    warehouse/.current.<id>            the new link, just before it replaces `current`
    warehouse/.build.lock              held by the one build running

A release's files are written read-only, and its manifest.json records each
file's size, mtime and sha256. Before a build says the warehouse is up to date
it verifies the published release against its manifest (size and mtime; the
hash only when they differ), so a deleted file, or a client that opened the
release read-write and changed it, makes the next build rebuild and say why.
`.published` marks a release that `current` has pointed at: anything else in
releases/ was left by a build killed before its swap and is removed by the next
build, and KEEP counts published releases only.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PUBLISHED_NAME = "wechat_impact.duckdb"
CURRENT = "current"
RELEASES_DIR = "releases"
BUILDING = ".building"
MANIFEST = "manifest.json"
PUBLISHED_MARK = ".published"
PRUNING = ".pruning-"
READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
# Fixed links into the current release, made once; only `current` ever moves.
STABLE_LINKS = (PUBLISHED_NAME, "exports", "page")


class PublishError(Exception):
    """The warehouse directory is in a state this build must not touch."""


def building_dir(warehouse: Path) -> Path:
    """Where the one running build works. The path never changes, so dbt's partial parsing
    (which rereads everything when the database path moves) stays valid between builds."""
    return warehouse / RELEASES_DIR / BUILDING


def release_dir(warehouse: Path, release_id: str) -> Path:
    return warehouse / RELEASES_DIR / release_id


@contextmanager
def build_lock(warehouse: Path) -> Iterator[None]:
    """Let one build at a time touch the releases; the lock dies with its process."""
    (warehouse / RELEASES_DIR).mkdir(parents=True, exist_ok=True)
    with open(warehouse / ".build.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise PublishError(
                f"another build is running in {warehouse}; wait for it to finish"
            ) from error
        yield


def check_layout(warehouse: Path) -> None:
    """Refuse, before any work, a warehouse whose fixed names are not the links they must be."""
    for name in (CURRENT, *STABLE_LINKS):
        link = warehouse / name
        if link.exists() and not link.is_symlink():
            kind = "directory" if link.is_dir() else "file"
            raise PublishError(
                f"{link} is a real {kind}, not a link into the published release; "
                "move it away and build again"
            )


def remove_leftovers(warehouse: Path) -> list[Path]:
    """Delete what killed builds left: the build in progress, half-deleted releases, staged
    links and releases never published. Call only while holding build_lock."""
    releases = warehouse / RELEASES_DIR
    published = (warehouse / CURRENT).resolve()
    stale = [
        *sorted(releases.glob(f"{BUILDING}*")),
        *sorted(releases.glob(f"{PRUNING}*")),
        *sorted(warehouse.glob(f".{CURRENT}.*")),
        *(
            path
            for path in sorted(releases.iterdir())
            if not path.name.startswith(".")
            and path != published
            and not (path / PUBLISHED_MARK).exists()
        ),
    ]
    for path in stale:
        _remove(path)
    return stale


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def published_manifest(warehouse: Path) -> dict | None:
    """The manifest of the published release, or None when nothing is published."""
    current = warehouse / CURRENT
    if not current.is_symlink():
        return None
    manifest = current / MANIFEST
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # published, but its manifest is gone or unreadable: verify says so


def verify_release(warehouse: Path, manifest: dict) -> str | None:
    """Why the published release differs from its manifest, or None when it does not.

    Cheap: a file whose size and mtime match the manifest is taken as unchanged; only
    a file whose mtime moved is hashed."""
    files = manifest.get("files")
    if not isinstance(files, dict):
        return f"{MANIFEST} is missing, unreadable or records no files"
    release = (warehouse / CURRENT).resolve()
    expected = {*files, MANIFEST, PUBLISHED_MARK}
    for relative, recorded in sorted(files.items()):
        path = release / relative
        try:
            status = path.stat()
        except OSError:
            return f"{relative} is missing"
        if not stat.S_ISREG(status.st_mode):  # hashing a pipe would wait for ever
            return f"{relative} is no longer a regular file"
        if status.st_size != recorded["bytes"]:
            return (
                f"{relative} changed size "
                f"({recorded['bytes']} bytes published, now {status.st_size})"
            )
        if status.st_mtime_ns != recorded["mtime_ns"] and _sha256(path) != recorded["sha256"]:
            return f"{relative} was changed after it was published (its sha256 differs)"
    extra = sorted(
        path.relative_to(release).as_posix()
        for path in release.rglob("*")
        if not path.is_dir() and path.relative_to(release).as_posix() not in expected
    )
    if extra:
        return f"{extra[0]} appeared after publishing (a client opened the release read-write?)"
    return None


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _seal(directory: Path) -> dict[str, dict[str, object]]:
    """Make every file under directory read-only; return each one's size, mtime and sha256."""
    files = {}
    for path in sorted(directory.rglob("*")):
        if path.is_dir() or path.is_symlink():
            continue
        path.chmod(READ_ONLY)
        status = path.stat()
        files[path.relative_to(directory).as_posix()] = {
            "bytes": status.st_size,
            "mtime_ns": status.st_mtime_ns,
            "sha256": _sha256(path),
        }
    return files


def publish(warehouse: Path, release_id: str, manifest: dict, keep: int) -> Path:
    """Promote a finished build to a release and point `current` at it.

    The build's database must be closed (DuckDB checkpoints and drops its
    .wal on close). Readers that have the old release open keep reading it;
    new connections see the new one.
    """
    building = building_dir(warehouse)
    wal = building / f"{PUBLISHED_NAME}.wal"
    if wal.exists():
        raise PublishError(f"{wal} is still there: the build was not closed cleanly")
    manifest_path = building / MANIFEST
    manifest_path.write_text(
        json.dumps({**manifest, "files": _seal(building)}, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    manifest_path.chmod(READ_ONLY)
    release = release_dir(warehouse, release_id)
    os.replace(building, release)
    try:
        _ensure_stable_links(warehouse)
        staged = warehouse / f".{CURRENT}.{release_id}"
        staged.unlink(missing_ok=True)
        staged.symlink_to(Path(RELEASES_DIR) / release_id)
        os.replace(staged, warehouse / CURRENT)
    except BaseException:
        if (warehouse / CURRENT).resolve() != release:
            shutil.rmtree(release, ignore_errors=True)
        raise
    (release / PUBLISHED_MARK).touch()
    prune_releases(warehouse, keep)
    return release


def _ensure_stable_links(warehouse: Path) -> None:
    for name in STABLE_LINKS:
        link = warehouse / name
        if link.is_symlink():
            continue
        if link.exists():
            raise PublishError(
                f"{link} is a real file or directory, not a link into the current release; "
                "move it away and build again"
            )
        link.symlink_to(Path(CURRENT) / name)


def prune_releases(warehouse: Path, keep: int) -> list[Path]:
    """Keep the newest `keep` published releases and always the current one.

    A release is renamed to .pruning-<id> before it is deleted, so a kill halfway leaves
    a name the next build's remove_leftovers deletes, never a half-release."""
    current = (warehouse / CURRENT).resolve()
    if current.is_dir() and not (current / PUBLISHED_MARK).exists():  # killed before marking
        (current / PUBLISHED_MARK).touch()
    releases = sorted(
        path
        for path in (warehouse / RELEASES_DIR).iterdir()
        if not path.name.startswith(".") and (path / PUBLISHED_MARK).exists()
    )
    removed = []
    for release in releases[: max(len(releases) - keep, 0)]:
        if release == current:
            continue
        doomed = release.with_name(PRUNING + release.name)
        os.replace(release, doomed)
        shutil.rmtree(doomed)
        removed.append(release)
    return removed
