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
        wechat_impact.duckdb, manifest.json, exports/, page/
    warehouse/releases/.building/      the build in progress; never published
    warehouse/.build.lock              held by the one build running
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PUBLISHED_NAME = "wechat_impact.duckdb"
CURRENT = "current"
RELEASES_DIR = "releases"
BUILDING = ".building"
MANIFEST = "manifest.json"
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


def remove_stale_builds(warehouse: Path) -> list[Path]:
    """Delete what killed builds left behind. Call only while holding build_lock."""
    stale = sorted((warehouse / RELEASES_DIR).glob(f"{BUILDING}*"))
    for path in stale:
        shutil.rmtree(path)
    return stale


def published_manifest(warehouse: Path) -> dict | None:
    """The manifest of the published release, or None when nothing is published."""
    current = warehouse / CURRENT
    if not current.is_symlink():
        return None
    manifest = current / MANIFEST
    return json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None


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
    (building / MANIFEST).write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    release = release_dir(warehouse, release_id)
    os.replace(building, release)
    _ensure_stable_links(warehouse)
    staged = warehouse / f".{CURRENT}.{release_id}"
    staged.unlink(missing_ok=True)
    staged.symlink_to(Path(RELEASES_DIR) / release_id)
    os.replace(staged, warehouse / CURRENT)
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
    """Keep the newest `keep` releases and always the published one."""
    releases = sorted(
        path
        for path in (warehouse / RELEASES_DIR).iterdir()
        if path.is_dir() and not path.name.startswith(".")
    )
    published = (warehouse / CURRENT).resolve()
    removed = []
    for release in releases[: max(len(releases) - keep, 0)]:
        if release == published:
            continue
        shutil.rmtree(release)
        removed.append(release)
    return removed
