"""Releases: build into a new file, publish by swapping a symlink.

People leave BI tools and DuckDB shells open on warehouse/wechat_impact.duckdb.
Rebuilding that file in place fights them for DuckDB's lock, and a build that
dies halfway leaves new seeds beside old marts (dbt commits model by model).
So every build writes a new file under warehouse/releases/, and only a build
that passed everything makes the published name point at it, in one atomic
os.replace of a symlink. Replacing the .duckdb file itself is not safe: a
leftover .wal beside the published name was replayed into the new file.

Layout:
    warehouse/wechat_impact.duckdb        -> releases/<id>.duckdb (symlink)
    warehouse/releases/<id>.duckdb        a published or kept release
    warehouse/releases/<id>.json          its manifest (inputs hash, versions)
    warehouse/releases/.building-<id>.*   a build in progress; never published
    warehouse/.build.lock                 held by the one build running
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PUBLISHED_NAME = "wechat_impact.duckdb"
RELEASES_DIR = "releases"
BUILDING_PREFIX = ".building-"


class PublishError(Exception):
    """The warehouse directory is in a state this build must not touch."""


def published_path(warehouse: Path) -> Path:
    return warehouse / PUBLISHED_NAME


def building_path(warehouse: Path, release_id: str) -> Path:
    return warehouse / RELEASES_DIR / f"{BUILDING_PREFIX}{release_id}.duckdb"


def release_path(warehouse: Path, release_id: str) -> Path:
    return warehouse / RELEASES_DIR / f"{release_id}.duckdb"


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
    stale = sorted((warehouse / RELEASES_DIR).glob(f"{BUILDING_PREFIX}*"))
    for path in stale:
        path.unlink()
    return stale


def published_manifest(warehouse: Path) -> dict | None:
    """The manifest of the published release, or None when nothing is published."""
    target = published_path(warehouse)
    if not target.is_symlink():
        if target.exists():
            raise PublishError(
                f"{target} is a file, not a link to a release; move it away and build again"
            )
        return None
    manifest = target.resolve().with_suffix(".json")
    return json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None


def publish(warehouse: Path, release_id: str, manifest: dict, keep: int) -> Path:
    """Promote a finished build to a release and point the published name at it.

    The build file must be closed (DuckDB checkpoints and drops its .wal on
    close). Readers that have the old release open keep reading it; new
    connections see the new one.
    """
    building = building_path(warehouse, release_id)
    wal = building.with_name(building.name + ".wal")
    if wal.exists():
        raise PublishError(f"{wal} is still there: the build was not closed cleanly")
    release = release_path(warehouse, release_id)
    release.with_suffix(".json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    os.replace(building, release)
    link = published_path(warehouse)
    staged_link = warehouse / f".{PUBLISHED_NAME}.{release_id}.link"
    staged_link.unlink(missing_ok=True)
    staged_link.symlink_to(Path(RELEASES_DIR) / release.name)
    os.replace(staged_link, link)
    prune_releases(warehouse, keep)
    return release


def prune_releases(warehouse: Path, keep: int) -> list[Path]:
    """Keep the newest `keep` releases and always the published one."""
    releases = sorted((warehouse / RELEASES_DIR).glob("[!.]*.duckdb"))
    published = published_path(warehouse).resolve()
    removed = []
    for release in releases[: max(len(releases) - keep, 0)]:
        if release == published:
            continue
        for path in (release, release.with_suffix(".json"), Path(f"{release}.wal")):
            path.unlink(missing_ok=True)
        removed.append(release)
    return removed
