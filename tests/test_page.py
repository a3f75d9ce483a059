"""The findings page in a real browser (Debian's Chromium, headless): it loads offline with no
errors and no requests, shows the breakdown chart and the inconsistent claim, and keeps a quote
that contains a <script> as text. The page is rendered from a copy of the built release whose
first quote has a script planted in it, as a hostile or broken source text would."""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import ConsoleMessage, Page

from browser import offline_chromium
from conftest import ROOT
from wechat_impact import exports
from wechat_impact import page as findings_page

pytestmark = pytest.mark.slow

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
    out = tmp_path_factory.mktemp("release")
    manifest = exports.write_exports(release, out / "exports")
    path = findings_page.write_page(release, out / "page", manifest["files"])
    with offline_chromium() as browser:
        page = browser.context.new_page()
        loaded = LoadedPage(page, path)
        page.on("request", lambda request: loaded.requests.append(request.url))
        page.on("console", lambda message: loaded.console.append(message))
        page.on("pageerror", lambda error: loaded.errors.append(str(error)))
        page.goto(path.as_uri(), wait_until="load")
        page.screenshot(path=path.parent / "screenshot.png", full_page=True)
        yield loaded


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
            "select claim_id, explanation from marts.claim_checks"
            " where status = 'inconsistent' and document_count = 1 order by claim_id"
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
        left, right = sorted((published, recomputed), key=lambda box: box["x"])
        assert left["x"] + left["width"] < right["x"], "the ranges must not meet"
    first = loaded.page.locator("#claims article.claim").first
    assert first.get_attribute("id") == f"claim-{inconsistent[0][0]}"
    text = loaded.page.locator("#claim-data_traffic_share_of_consumption").inner_text()
    # 100 * 86.65 / 95.25 = 90.9711..., rounded down; 100 * 86.75 / 95.15 = 91.1718..., up.
    assert re.search(r"Published\s+85\.7% \[85\.65, 85\.75\]%", text)
    assert re.search(r"Recomputed\s+91\.071% \[90\.971, 91\.172\]%", text)
    # 100 * 86.65 / 95.25 - 85.75 = 5.2211... points, 6.0923...% of 85.7
    assert re.search(r"Gap\s+5\.221 percentage points \(6\.092% of the published value\)", text)


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
                inner join marts.documents as documents
                    on figures.document_id = documents.document_id
                where documents.text_stored
                order by figures.char_start, figures.figure_id, mentions.mention_number
                """
            ).fetchall()
        ]
    assert loaded.page.locator("#figures blockquote mark").all_inner_texts() == printed


def test_big_amounts_read_in_words_with_the_exact_value_kept(loaded: LoadedPage) -> None:
    total = loaded.page.locator("#figure-information_consumption .facts .number").first
    assert total.inner_text() == "95.2 billion yuan [95.15, 95.25] billion yuan"
    assert total.get_attribute("title") == "exactly 95200000000, 95150000000, 95250000000 CNY"


def test_no_number_is_shown_unrounded(loaded: LoadedPage) -> None:
    """Explanations and figures read as written: at most three decimals anywhere but in the
    build's timestamp (the exact values are in the tooltips)."""
    parts = loaded.page.locator("main > header, main > section:not(#provenance)")
    assert parts.count() >= 7
    for text in parts.all_inner_texts():
        assert re.findall(r"\d\.\d{4,}", text) == []


def test_derived_figures_have_their_own_section(loaded: LoadedPage, release: Path) -> None:
    with duckdb.connect(str(release), read_only=True) as connection:
        (derived,) = connection.execute("select count(*) from marts.derived_figures").fetchone()
    section = loaded.page.locator("#derived")
    assert section.locator("tbody tr").count() == derived
    text = section.inner_text()
    # 95.2 billion / 4.24% = 2245.28 billion yuan; 70% of which 53% = 37.1%.
    assert "2.245 trillion yuan" in text
    assert "37.1%" in text


def test_the_breakdown_marks_the_amount_printed_beside_the_implied_one(
    loaded: LoadedPage,
) -> None:
    """85.7% of 95.2 billion is 81.5864 billion; the article also prints 86.7 billion."""
    row = loaded.page.locator('#breakdown svg g.component[data-component="data_traffic"]')
    bar = row.locator("rect.bar").bounding_box()
    diamond = row.locator('g.printed[data-figure="data_traffic_consumption"] path').bounding_box()
    centre = diamond["x"] + diamond["width"] / 2
    assert (centre - bar["x"]) / bar["width"] == pytest.approx(86.7 / 81.5864, abs=0.003)
    assert "printed elsewhere: 86.7 billion yuan" in row.text_content()
    assert loaded.page.locator("#breakdown svg g.printed").count() == 1


def test_bound_only_checks_are_counted_apart(loaded: LoadedPage) -> None:
    """The claims documents make about their own figures: of the article's, three are checked
    against a recomputed value (the two repeated figures and the 85.7% share, which fails),
    four only against a bound (shares within 0 to 100%, parts within their whole: the claim
    types parts_of_whole, part_of_whole and of_which in seeds/corpus_claims.csv), two cannot be
    checked (a range and a lower bound); the editions' own sums of parts (three, of which the
    2016 edition's 1743亿 + 2723亿 against its 4475亿 fails) and the 2017 edition's 4.7% of its
    4.5万亿 are checked against a recomputed value too. Claims that compare documents (the
    article's 4.24% against the official 2013 total among them) have their own section."""
    with open(ROOT / "seeds" / "corpus_claims.csv", encoding="utf-8", newline="") as file:
        bound = {
            row["claim_id"]
            for row in csv.DictReader(file)
            if row["claim_type"] in {"parts_of_whole", "part_of_whole", "of_which"}
        }
    summary = loaded.page.locator("header .summary").inner_text()
    assert re.search(r"2 of 7\s+claims checked against a value recomputed", summary)
    assert re.search(r"4 of 4\s+claims keep within a bound", summary)
    assert re.search(r"2\s*claims cannot be checked", summary)
    articles = loaded.page.locator('#claims article.claim[data-group="bound"]')
    shown = articles.evaluate_all("claims => claims.map(claim => claim.id)")
    assert {claim_id.removeprefix("claim-") for claim_id in shown} == bound


def test_validation_speaks_plain_words(loaded: LoadedPage) -> None:
    text = loaded.page.locator("#validation").inner_text()
    assert "expect_" not in text
    assert "Every mention of a figure prints the same value" in text


def test_downloads_link_every_export(loaded: LoadedPage) -> None:
    links = loaded.page.locator("#downloads a").evaluate_all("links => links.map(a => a.href)")
    files = {Path(link.removeprefix("file://")).resolve() for link in links}
    exported = loaded.path.parent.parent / "exports"
    assert files == {path.resolve() for path in exported.iterdir()}


def test_page_is_self_contained_and_deterministic(release: Path, tmp_path: Path) -> None:
    first = findings_page.write_page(release, tmp_path / "first").read_bytes()
    second = findings_page.write_page(release, tmp_path / "second").read_bytes()
    assert first == second
    # The cited documents' addresses are plain links: nothing loads from them.
    page = re.sub(r'<a href="https?://[^"]*">[^<]*</a>', "", first.decode("utf-8"))
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
    assert f"{passed} of {passed + failed} checks passed, {failed} failed" in (section.inner_text())
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


def test_the_contradicted_figure_is_named_up_front(loaded: LoadedPage) -> None:
    """The later editions' data traffic (1254亿 at +44.7%, 1911亿 at 2.2 times, 210.8 billion at
    2.4 times 2014's) fit the printed 86.7 billion and not 85.7% of 95.2 billion = 81.6 billion:
    the share is the wrong figure, the amount is right."""
    page = loaded.page
    order = page.locator("main > section").evaluate_all("parts => parts.map(part => part.id)")
    assert order.index("verdicts") == order.index("claims") + 1
    section = page.locator("#verdicts")
    assert re.search(r"contradict 1 figure: 85\.7% \(", section.locator(".lede").inner_text())
    rows = section.locator("tr.verdict")
    verdicts = {
        rows.nth(index).locator("td").nth(1).locator("strong").inner_text(): rows.nth(index)
        for index in range(rows.count())
    }
    assert verdicts["85.7%"].locator(".status").inner_text() == "✗ Contradicted"
    assert "contradicted by 3, corroborated by 0" in verdicts["85.7%"].inner_text()
    amount = verdicts["86 billion 700 million yuan"]
    assert amount.locator(".status").inner_text() == "✓ Corroborated"
    assert "contradicted by 0, corroborated by 3" in amount.inner_text()
    assert rows.first.locator(".status").inner_text() == "✗ Contradicted"


def test_the_translation_findings_show_what_differs(loaded: LoadedPage) -> None:
    """The English "up to" 10.07 million jobs translates 达到 (reached): an exact figure. The
    '$' in "$4.24%" is not in the original. Figures translated faithfully are not listed."""
    rows = loaded.page.locator("#translation tr.translation")
    texts = rows.all_inner_texts()
    up_to = [text for text in texts if "up to 10 million 70 thousand people" in text]
    assert len(up_to) == 1
    assert "1007万人" in up_to[0] and "达到" in up_to[0]
    assert "The qualifier differs" in up_to[0]
    assert any("$4.24%" in text and "'$'" in text for text in texts)
    assert not any("Nothing:" in text for text in texts)


def test_checks_across_documents_show_their_gap(loaded: LoadedPage) -> None:
    """1911亿 against 85.7% of 95.2 billion: at most 1911.5 / (0.8565 * 951.5) and at least
    1910.5 / (0.8575 * 952.5) = 2.33909... times, against the printed 2.2 [2.15, 2.25]: a gap of
    0.0891 (0.089 rounded), 4.0498% (4.05%) of 2.2. The 2016 edition's parts 1743亿 + 2723亿
    make at most 4467亿 against the 4474.5亿 its 4475亿 allows: 7.5亿, 750 million yuan as the
    display rule writes it, shown with the edition's claims about its own figures."""
    rows = loaded.page.locator("#cross-checks tr.cross-check")
    texts = rows.all_inner_texts()
    multiple = [text for text in texts if "1911亿 of data traffic, 2.2 times" in text]
    against_share, against_amount = sorted(multiple, key=lambda text: "85.7%" not in text)
    assert "✗ Inconsistent" in against_share
    assert "0.089 times (4.05% of the published value)" in against_share
    # 1911亿 / 867亿 = 2.204...: within 2.2's range, so no gap.
    assert "✓ Consistent" in against_amount and "times (" not in against_amount
    assert rows.first.locator(".status").inner_text() == "✗ Inconsistent"
    # One document's own parts against its own total: a claim within that document.
    assert not [text for text in texts if "4475亿 it prints as their total" in text]
    total = loaded.page.locator("#claims article.claim", has_text="4475亿 it prints as their total")
    assert total.count() == 1
    assert "Gap\n750 million yuan (0.168% of the published value)" in total.inner_text()


def test_the_series_chart_has_a_mark_and_a_range_per_year(loaded: LoadedPage) -> None:
    """The editions print the jobs WeChat drove for each year from 2014 to 2018: 10.07, 17.45,
    18.81, 20.3 ("about") and 22.35 million. Marks sit at the middle of each range on a scale
    from zero."""
    chart = loaded.page.locator('#series figure.series[data-measure="wechat_jobs"]')
    points = chart.locator("svg g.point")
    years = points.evaluate_all("points => points.map(point => point.dataset.year)")
    assert years == ["2014", "2015", "2016", "2017", "2018"]
    assert chart.locator("svg g.point circle.mark").count() == 5
    assert all(points.nth(index).locator("line.interval").count() == 3 for index in range(5))
    assert "20,250,000 to 20,350,000 people" in points.nth(3).locator("title").text_content()
    base = float(chart.locator("svg line.grid").get_attribute("y1"))
    heights = [base - float(points.nth(i).locator("circle").get_attribute("cy")) for i in (0, 4)]
    assert heights[0] / heights[1] == pytest.approx(10_070_000 / 22_352_500, abs=0.005)
    consumption = loaded.page.locator(
        '#series figure.series[data-measure="wechat_information_consumption"] g.point'
    )
    assert consumption.count() == 5


def test_cited_sources_link_their_addresses(loaded: LoadedPage) -> None:
    sources = loaded.page.locator("#provenance tr.source")
    texts = sources.all_inner_texts()
    link = loaded.page.locator(
        '#provenance a[href="http://culture.people.com.cn/n/2014/1231/c172318-26306790.html"]'
    )
    assert link.count() == 1
    people = [text for text in texts if text.startswith("original\tPeople's Daily Online")]
    assert people and "2014-12-31" in people[0]
    assert any("199it.com" in text and "no date printed" in text for text in texts)
