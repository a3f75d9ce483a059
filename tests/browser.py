"""Debian's Chromium, headless, for the tests that open a page: the page test, the Data Docs test
and the Superset chart test start it here, so its options and its blocked network are set once."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (tests may run as root), no GPU, and none of the calls home a new profile makes.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Offline:
    """A browser context whose requests outside the allowed address were refused, and which."""

    context: BrowserContext
    refused: list[str] = field(default_factory=list)


@contextmanager
def offline_chromium(allowed: str = "file://", **options: Any) -> Iterator[Offline]:
    """Chromium with an empty profile in a scratch folder; every request whose address does not
    start with `allowed` is aborted and recorded. `options` go to Playwright's context (a
    viewport, say)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `sh scripts/install-chromium.sh` (as root) first")
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, **options
        )
        offline = Offline(context)

        def refuse_outside(route: Route) -> None:
            if route.request.url.startswith(allowed):
                route.continue_()
            else:
                offline.refused.append(route.request.url)
                route.abort()

        try:
            context.route("**/*", refuse_outside)
            yield offline
        finally:
            context.close()
