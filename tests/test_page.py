"""The findings page in a real browser (Debian's Chromium, headless): it loads offline with no
errors and no requests, shows the breakdown chart and the inconsistent claim, and keeps a quote
that contains a <script> as text. The page is rendered from a copy of the built release whose
first quote has a script planted in it, as a hostile or broken source text would."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import ConsoleMessage, Page, sync_playwright

from wechat_impact import page as findings_page

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PLANTED = '<script>document.title = "script ran"</script>'


@dataclass
class LoadedPage:
    """The page after load, and everything the browser reported while loading it."""

    page: Page
    path: Path
    requests: list[str] = field(default_factory=list)
    console: list[ConsoleMessage] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def release(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built release with a script planted after the first printed figure."""
    copy = tmp_path_factory.mktemp("hostile") / "release.duckdb"
    shutil.copyfile(warehouse, copy)
    with duckdb.connect(str(copy)) as connection:
        connection.execute(
            """
            update marts.figure_mentions
            set quote = substring(quote, 1, char_end - sentence_start) || ?
                || substring(quote, char_end - sentence_start + 1)
            where mention_id = (
                select mention_id from marts.figure_mentions order by char_start limit 1
            )
            """,
            [PLANTED],
        )
    return copy


@pytest.fixture(scope="module")
def loaded(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoadedPage]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `sh scripts/install-chromium.sh` (as root) first")
    path = findings_page.write_page(release, tmp_path_factory.mktemp("page"))
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = context.new_page()
        loaded = LoadedPage(page, path)
        page.on("request", lambda request: loaded.requests.append(request.url))
        page.on("console", lambda message: loaded.console.append(message))
        page.on("pageerror", lambda error: loaded.errors.append(str(error)))
        page.goto(path.as_uri(), wait_until="load")
        page.screenshot(path=path.parent / "screenshot.png", full_page=True)
        yield loaded
        context.close()


def test_page_loads_offline_without_errors(loaded: LoadedPage) -> None:
    assert loaded.requests == [loaded.path.as_uri()]
    assert [message.text for message in loaded.console if message.type == "error"] == []
    assert loaded.errors == []
    assert (loaded.path.parent / "screenshot.png").stat().st_size > 10_000


def test_chart_draws_one_bar_per_component_to_scale(loaded: LoadedPage, release: Path) -> None:
    with duckdb.connect(str(release), read_only=True) as connection:
        amounts = [
            amount
            for (amount,) in connection.execute(
                "select amount_cny from marts.consumption_breakdown order by sort_order"
            ).fetchall()
        ]
    bars = loaded.page.locator("#breakdown svg rect.bar")
    assert bars.count() == 3 == len(amounts)
    widths = [float(bars.nth(index).get_attribute("width")) for index in range(3)]
    for width, amount in zip(widths, amounts, strict=True):
        assert width / widths[0] == pytest.approx(float(amount / amounts[0]), abs=0.002)
    assert loaded.page.locator("#breakdown svg .whisker").count() == 3


def test_inconsistent_claims_are_labelled_with_the_numbers_that_disagree(
    loaded: LoadedPage, release: Path
) -> None:
    with duckdb.connect(str(release), read_only=True) as connection:
        inconsistent = connection.execute(
            "select claim_id, explanation from marts.claim_checks where status = 'inconsistent'"
        ).fetchall()
    assert inconsistent, "the article has an inconsistent claim; the page must show it"
    for claim_id, explanation in inconsistent:
        claim = loaded.page.locator(f"#claim-{claim_id}")
        assert claim.locator(".status").inner_text() == "✗ Inconsistent"
        assert explanation in claim.inner_text()
        published, recomputed = (
            claim.locator(f"svg.ranges rect.{side}").bounding_box()
            for side in ("published", "recomputed")
        )
        assert published["x"] + published["width"] < recomputed["x"], "the ranges must not meet"
    first = loaded.page.locator("#claims article.claim").first
    assert first.get_attribute("id") == f"claim-{inconsistent[0][0]}"
    text = loaded.page.locator("#claim-data_traffic_share_of_consumption").inner_text()
    assert re.search(r"Published\s+85\.7% \(range 85\.65\u201385\.75%\)", text)
    assert re.search(r"Recomputed\s+91\.071% \(range 90\.971\u201391\.172%\)", text)


def test_a_script_in_a_quote_stays_text(loaded: LoadedPage) -> None:
    page = loaded.page
    assert page.title().startswith("Figures checked:")
    assert "script ran" not in page.title()
    assert page.evaluate("document.scripts.length") == 0
    quotes = page.locator("#figures blockquote").all_inner_texts()
    assert sum(PLANTED in quote for quote in quotes) == 1


def test_every_printed_figure_is_marked_in_its_sentence(loaded: LoadedPage, release: Path) -> None:
    with duckdb.connect(str(release), read_only=True) as connection:
        printed = [
            text
            for (text,) in connection.execute(
                """
                select mentions.printed_text
                from marts.figure_mentions as mentions
                inner join marts.figures as figures on mentions.figure_id = figures.figure_id
                order by figures.char_start, figures.figure_id, mentions.mention_number
                """
            ).fetchall()
        ]
    assert loaded.page.locator("#figures blockquote mark").all_inner_texts() == printed


def test_big_amounts_read_in_words_with_the_exact_value_kept(loaded: LoadedPage) -> None:
    total = loaded.page.locator("#figure-information_consumption .facts .number").first
    assert total.inner_text() == "95.2 billion yuan"
    assert total.get_attribute("title") == "95,200,000,000 yuan"


def test_page_is_self_contained_and_deterministic(release: Path, tmp_path: Path) -> None:
    first = findings_page.write_page(release, tmp_path / "first").read_bytes()
    second = findings_page.write_page(release, tmp_path / "second").read_bytes()
    assert first == second
    page = first.decode("utf-8")
    assert not re.search(
        r"<(script|link|img|iframe)\b|\bsrc=|url\(|@import|https?://(?!www\.w3)", page
    )


def test_validation_counts_match_the_results(loaded: LoadedPage, release: Path) -> None:
    with duckdb.connect(str(release), read_only=True) as connection:
        passed, failed = connection.execute(
            "select count(*) filter (where success), count(*) filter (where not success) "
            "from marts.validation_results"
        ).fetchone()
    section = loaded.page.locator("#validation")
    assert f"{passed} of {passed + failed} expectations passed, {failed} failed" in (
        section.inner_text()
    )
    assert section.locator("tbody tr").count() == passed + failed


def test_offsets_that_miss_the_printed_text_stop_the_page(release: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.duckdb"
    shutil.copyfile(release, broken)
    with duckdb.connect(str(broken)) as connection:
        connection.execute(
            "update marts.figure_mentions set char_end = char_end - 1 "
            "where mention_id = 'information_consumption__1'"
        )
    with pytest.raises(ValueError, match=r"mention information_consumption__1: characters 231-252"):
        findings_page.write_page(broken, tmp_path / "page")
