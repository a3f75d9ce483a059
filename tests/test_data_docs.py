"""Great Expectations' Data Docs in a release work offline: in Debian's Chromium with every
request that is not a file of the release refused, the index and a suite page load their
scripts, styles, fonts and logo from the release, draw, and try to reach nothing else; and
docs_assets refuses what would bring a CDN back (an unknown address, a wrong version)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser import offline_chromium
from wechat_impact import docs_assets
from wechat_impact.suites import SUITES


@dataclass
class Opened:
    page: Page
    refused: list[str] = field(default_factory=list)  # anything but a file: URL
    failed: list[str] = field(default_factory=list)  # a file the page asked for and lacks
    errors: list[str] = field(default_factory=list)  # uncaught JavaScript errors


@pytest.fixture(scope="module")
def data_docs(built_project: Path) -> Path:
    return built_project / "warehouse" / "current" / "data_docs"


@pytest.fixture(scope="module")
def browser_page() -> Iterator[Opened]:
    with offline_chromium() as browser:
        opened = Opened(browser.context.new_page(), refused=browser.refused)
        opened.page.on("requestfailed", lambda request: opened.failed.append(request.url))
        opened.page.on("pageerror", lambda error: opened.errors.append(str(error)))
        yield opened


def open_offline(opened: Opened, path: Path) -> Page:
    opened.refused.clear()
    opened.failed.clear()
    opened.errors.clear()
    opened.page.goto(path.as_uri(), wait_until="load")
    return opened.page


def assert_drawn_from_the_release(opened: Opened) -> None:
    page = opened.page
    assert opened.refused == []
    assert opened.failed == []
    assert opened.errors == []
    # Each library ran or applied: jQuery and Vega define their globals, Bootstrap's style
    # sheet sets its own font stack on the body, Font Awesome's font loads from the release.
    assert page.evaluate("typeof jQuery === 'function' && typeof vegaEmbed === 'function'")
    assert "-apple-system" in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert page.evaluate(
        "document.fonts.load('900 16px \"Font Awesome 6 Free\"').then(f => f.length)"
    )
    assert opened.failed == []
    logo = page.locator("img[src$='static/images/logo-long.png']").first
    assert logo.evaluate("image => image.complete && image.naturalWidth > 0")


def test_the_index_lists_every_suite_offline(browser_page: Opened, data_docs: Path) -> None:
    page = open_offline(browser_page, data_docs / "index.html")
    assert_drawn_from_the_release(browser_page)
    # bootstrap-table's script turned the suites' list into its own table.
    assert page.locator("div.bootstrap-table").count() >= 1
    links = page.locator("a[href^='expectations/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert sorted(set(links)) == sorted(f"expectations/{suite.name}.html" for suite in SUITES)


def test_a_suite_page_shows_its_expectations_offline(browser_page: Opened, data_docs: Path) -> None:
    suite = SUITES[0]
    page = open_offline(browser_page, data_docs / "expectations" / f"{suite.name}.html")
    assert_drawn_from_the_release(browser_page)
    assert page.locator("body").inner_text().startswith(f"Home\nExpectations / {suite.name}\n")
    assert re.search(
        rf"This Expectation suite currently contains {len(suite.expectations)} total Expectations",
        page.locator("body").inner_text(),
    )


def test_no_page_names_a_cdn_or_the_tracking_image(data_docs: Path) -> None:
    pages = sorted(data_docs.rglob("*.html"))
    assert len(pages) >= 1 + 2 * len(SUITES)  # the index, a page per suite and per validation
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert docs_assets.fetched_urls(html) == [], page
        assert "great-expectations-web-assets" not in html, page


def test_an_unknown_cdn_address_stops_the_docs(tmp_path: Path) -> None:
    page = tmp_path / "expectations" / "figures.html"
    page.parent.mkdir()
    page.write_text('<script src="https://cdn.example.invalid/chart.js"></script>')
    with pytest.raises(
        docs_assets.DocsAssetsError,
        match=rf"^{page}: loads https://cdn\.example\.invalid/chart\.js, which has no local copy",
    ):
        docs_assets.make_offline(tmp_path)


def test_a_pinned_script_that_differs_from_its_hash_stops_the_docs(tmp_path: Path) -> None:
    # GX pins Bootstrap's script by Subresource Integrity; a browser cannot check that on a page
    # opened from a file, so make_offline checks the copy and drops the attribute.
    page = tmp_path / "index.html"
    bootstrap = "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js"
    page.write_text(f'<script src="{bootstrap}" integrity="sha384-AAAA" crossorigin="anonymous">')
    with pytest.raises(
        docs_assets.DocsAssetsError,
        match=r"bootstrap@4\.3\.1/dist/js/bootstrap\.min\.js is not the file GX pins "
        r"\(sha384-AAAA\)",
    ):
        docs_assets.make_offline(tmp_path)


def test_an_asset_of_another_version_is_refused(tmp_path: Path) -> None:
    node_modules = tmp_path / "node_modules"
    for asset in docs_assets.ASSETS:
        package = node_modules / asset.package
        (package / asset.path).parent.mkdir(parents=True, exist_ok=True)
        (package / asset.path).write_text("")
        version = "4.6.2" if asset.package == "bootstrap" else f"{asset.version}.0"
        manifest = {"name": asset.package, "version": version}
        (package / "package.json").write_text(json.dumps(manifest))
    with pytest.raises(
        docs_assets.DocsAssetsError,
        match=r"bootstrap/package\.json: version 4\.6\.2, but GX's pages ask for "
        r"https://maxcdn\.bootstrapcdn\.com/bootstrap/4\.3\.1/css/bootstrap\.min\.css",
    ):
        docs_assets.check_installed(node_modules)


def test_missing_assets_say_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(docs_assets.DocsAssetsError, match=r"not installed; .* run `make build`"):
        docs_assets.check_installed(tmp_path / "node_modules")
