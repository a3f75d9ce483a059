"""The extractor: it reproduces the committed seeds byte for byte from every document's catalog,
its offsets and quotes point into the article, a cited document's figures are read by the one
parser with their qualifying words, a new document needs only its catalog and its row, and a
catalog that does not match the text stops it with a clear message."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml

from wechat_impact import extract
from wechat_impact.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "sources/wechat-2014-impact-article.txt"
CATALOG = Path("sources/wechat-2014-impact-article.catalog.yml")
CITED_CATALOG = Path("sources/people_jp_2016_03_23.catalog.yml")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of sources/ (the article, every catalog) and of the two seeds the catalogs refer
    to (documents, measures), with no figure seeds: extract writes them."""
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "seeds").mkdir()
    for path in (extract.DOCUMENT_SOURCES, extract.MEASURES):
        shutil.copyfile(ROOT / path, tmp_path / path)
    return tmp_path


def edit_catalog(root: Path, change, catalog_path: Path = CATALOG) -> None:
    catalog = yaml.safe_load((root / catalog_path).read_text(encoding="utf-8"))
    change(catalog)
    (root / catalog_path).write_text(
        yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


def seed(root: Path, path: Path, key: str) -> dict[str, dict[str, str]]:
    with open(root / path, encoding="utf-8", newline="") as file:
        return {row[key]: row for row in csv.DictReader(file)}


def test_extracting_reproduces_the_committed_seeds(workspace: Path) -> None:
    written = extract.write(workspace)
    assert written == [extract.FIGURES, extract.MENTIONS]
    for relative in written:
        assert (workspace / relative).read_bytes() == (ROOT / relative).read_bytes(), relative


def test_the_committed_seeds_pass_the_check() -> None:
    assert extract.check(ROOT) == []


def test_check_names_the_file_and_first_differing_line(workspace, capsys) -> None:
    extract.write(workspace)
    mentions = workspace / extract.MENTIONS
    lines = mentions.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("10065000", "10060000")
    mentions.write_text("".join(lines), encoding="utf-8")
    before = mentions.read_bytes()

    assert main(["extract", "--check", "--root", str(workspace)]) == 1

    assert mentions.read_bytes() == before  # --check writes nothing
    expected = (ROOT / extract.MENTIONS).read_text(encoding="utf-8").splitlines(keepends=True)[1]
    assert capsys.readouterr().err == (
        f"error: {extract.MENTIONS} differs from the catalogs at line 2: committed {lines[1]!r}, "
        f"extract writes {expected!r}; run `wechat-impact extract` to regenerate it\n"
    )


def test_offsets_and_quotes_point_into_the_article() -> None:
    document = DOCUMENT.read_bytes().decode("utf-8")
    figures = seed(ROOT, extract.FIGURES, "figure_id")
    with open(ROOT / extract.MENTIONS, encoding="utf-8", newline="") as file:
        rows = [
            row
            for row in csv.DictReader(file)
            if figures[row["figure_id"]]["document_id"] == "wechat_2014_impact_article"
        ]
    assert len(rows) == 16
    for row in rows:
        assert document[int(row["char_start"]) : int(row["char_end"])] == row["printed_text"]
        assert document[int(row["sentence_start"]) : int(row["sentence_end"])] == row["quote"]


def test_sentences_end_at_stops_and_line_breaks() -> None:
    text = "Title in 2014\n\n  It was $4.24%. Then 8.5%!  \nLast? Reporter Wang"
    assert [text[start:end] for start, end in extract.sentence_spans(text)] == [
        "Title in 2014",
        "It was $4.24%.",
        "Then 8.5%!",
        "Last?",
        "Reporter Wang",
    ]


def test_sentences_are_numbered_within_their_paragraphs() -> None:
    text = "Title in 2014\n\nOne. Two 8.5%!\nThree.\n\n \n\nFour? Five\n"
    assert [
        (text[place.start : place.end], place.paragraph_number, place.sentence_number)
        for place in extract.sentences(text)
    ] == [
        ("Title in 2014", 1, 1),
        ("One.", 2, 1),
        ("Two 8.5%!", 2, 2),
        ("Three.", 2, 3),
        ("Four?", 3, 1),
        ("Five", 3, 2),
    ]


def test_each_mention_cites_its_paragraph_and_sentence() -> None:
    """Counted by hand in the article: the title is paragraph 1; "85.7%" is in the third
    sentence of paragraph 3; "up to 10 million 70 thousand people" ends paragraph 5."""
    mentions = seed(ROOT, extract.MENTIONS, "mention_id")
    places = {
        mention_id: (row["paragraph_number"], row["sentence_number"], row["locator"])
        for mention_id, row in mentions.items()
    }
    assert places["jobs_driven__1"] == ("1", "1", "paragraph 1, sentence 1")
    assert places["information_consumption__1"] == ("2", "1", "paragraph 2, sentence 1")
    assert places["data_traffic_share__1"] == ("3", "3", "paragraph 3, sentence 3")
    assert places["jobs_driven__3"] == ("5", "5", "paragraph 5, sentence 5")


def test_a_number_the_catalog_does_not_map_stops_extraction(workspace: Path) -> None:
    edit_catalog(workspace, lambda catalog: catalog["mentions"].pop())
    with pytest.raises(extract.ExtractError) as raised:
        extract.write(workspace)
    assert str(raised.value) == (
        f"{DOCUMENT.relative_to(ROOT)}, line 9, column 527: "
        "'up to 10 million 70 thousand people' is number 16, but "
        f"{CATALOG} maps only 15; add it to mentions"
    )
    assert not (workspace / extract.MENTIONS).exists()


def test_a_catalog_mention_without_a_number_stops_extraction(workspace: Path) -> None:
    extra = {"figure": "jobs_driven", "printed": "10 million 70 thousand"}
    edit_catalog(workspace, lambda catalog: catalog["mentions"].append(extra))
    with pytest.raises(extract.ExtractError) as raised:
        extract.write(workspace)
    assert str(raised.value) == (
        f"{CATALOG}: mention 17 ('10 million 70 thousand') has no number "
        f"in {DOCUMENT.relative_to(ROOT)}, which prints 16; remove it or fix the text"
    )


def test_a_printed_text_that_differs_stops_extraction(workspace: Path, capsys) -> None:
    def misprint(catalog: dict) -> None:
        catalog["mentions"][6]["printed"] = "8.5%"

    edit_catalog(workspace, misprint)
    assert main(["extract", "--root", str(workspace)]) == 1
    assert capsys.readouterr().err == (
        f"error: {CATALOG}: mention 7 is '8.5%', but number 7 in "
        f"{DOCUMENT.relative_to(ROOT)} (line 5, column 626) is 'about 8.5%'\n"
    )


def test_a_unit_that_contradicts_the_figure_stops_extraction(workspace: Path) -> None:
    def swap(catalog: dict) -> None:
        catalog["mentions"][2]["figure"] = "information_consumption"  # "... people"

    edit_catalog(workspace, swap)
    with pytest.raises(extract.ExtractError, match="is in persons, but information_consumption"):
        extract.write(workspace)


def test_a_cited_figure_is_read_with_its_qualifying_word(workspace: Path) -> None:
    """A cited page's figures are worked out by hand: 1254億元 is 1254 x 10^8 yuan, exact to
    half a 億 either side; 126億元 after を超え ("over") is a lower bound; 1745万人 after に達し
    ("reached") is a point figure, half a 万 either side. No text is stored: no offsets, no
    quote, and the locator is the catalog's."""
    extract.write(workspace)
    mentions = seed(workspace, extract.MENTIONS, "mention_id")
    figures = seed(workspace, extract.FIGURES, "figure_id")
    traffic = mentions["people_jp_2016_03_23__data_traffic_consumption__1"]
    assert (traffic["printed_text"], traffic["qualifying_word"], traffic["locator"]) == (
        "1254億元",
        "",
        "paragraph 3",
    )
    assert (
        traffic["qualifier"],
        traffic["value"],
        traffic["value_low"],
        traffic["value_high"],
    ) == (
        "exact",
        "125400000000",
        "125350000000",
        "125450000000",
    )
    services = mentions["people_jp_2016_03_23__value_added_services__1"]
    assert (services["qualifying_word"], services["qualifier"]) == ("を超え", "more_than")
    assert (services["value_low"], services["value_high"]) == ("12600000000", "")
    jobs = mentions["people_jp_2016_03_23__jobs__1"]
    assert (jobs["qualifying_word"], jobs["qualifier"]) == ("に達し", "exact")
    assert (jobs["value_low"], jobs["value_high"]) == ("17445000", "17455000")
    from_the_text = extract.MENTION_COLUMNS[extract.MENTION_COLUMNS.index("char_start") :]
    assert [traffic[column] for column in from_the_text] == [""] * 7
    figure = figures["people_jp_2016_03_23__data_traffic_consumption"]
    assert (figure["document_id"], figure["measure_id"], figure["data_year"]) == (
        "people_jp_2016_03_23",
        "wechat_data_traffic_consumption",
        "2015",
    )


def test_a_new_document_is_a_catalog_and_its_row(workspace: Path) -> None:
    """No code names a document: a new one is a row in corpus_document_sources.csv and a
    catalog in sources/; its figures follow the documents before it, in that seed's order."""
    with open(workspace / extract.DOCUMENT_SOURCES, "a", encoding="utf-8", newline="") as file:
        file.write(
            "example_2015_edition,edition,en,https://example.org/wechat-2015,Example,"
            "2016-03-24,2026-11-27,2015,,false,An invented report of the 2015 edition\n"
        )
    (workspace / "sources/example_2015_edition.catalog.yml").write_text(
        "document_id: example_2015_edition\n"
        "figures:\n"
        "  - {figure_id: example_2015_edition__jobs, measure_id: wechat_jobs,\n"
        "     data_year: '2015', label: Jobs, unit: persons}\n"
        "mentions:\n"
        "  - {figure: example_2015_edition__jobs, printed: 17.45 million,\n"
        "     qualifying_word: about, locator: paragraph 2}\n"
        "  - {figure: example_2015_edition__jobs, printed: 1745万人, qualifying_word: '',\n"
        "     locator: headline}\n",
        encoding="utf-8",
    )
    extract.write(workspace)
    with open(workspace / extract.MENTIONS, encoding="utf-8", newline="") as file:
        last = list(csv.DictReader(file))[-2:]
    # "about 17.45 million": a whole unit of the last digit either side, [17.44, 17.46] million
    assert [
        (row["mention_id"], row["qualifier"], row["value_low"], row["value_high"], row["locator"])
        for row in last
    ] == [
        ("example_2015_edition__jobs__1", "about", "17440000", "17460000", "paragraph 2"),
        ("example_2015_edition__jobs__2", "exact", "17445000", "17455000", "headline"),
    ]
    assert list(seed(workspace, extract.FIGURES, "figure_id"))[-1] == "example_2015_edition__jobs"


def test_a_cited_figure_that_does_not_parse_names_the_catalog_figure_and_key(
    workspace: Path,
) -> None:
    def misprint(catalog: dict) -> None:
        catalog["mentions"][5]["printed"] = "1254億元余り"

    edit_catalog(workspace, misprint, CITED_CATALOG)
    with pytest.raises(extract.ExtractError) as raised:
        extract.write(workspace)
    assert str(raised.value).startswith(
        f"{CITED_CATALOG}, mention 6 (figure people_jp_2016_03_23__data_traffic_consumption), "
        "key printed: not a number: '1254億元余り'"
    )


def test_a_figure_about_a_year_after_its_publication_stops_extraction(workspace: Path) -> None:
    def later(catalog: dict) -> None:
        catalog["figures"][0]["data_year"] = "2017"

    edit_catalog(workspace, later, CITED_CATALOG)
    with pytest.raises(extract.ExtractError) as raised:
        extract.write(workspace)
    assert str(raised.value) == (
        f"{CITED_CATALOG}, figure people_jp_2016_03_23__information_consumption, key data_year: "
        "2017 is after its document's publication on 2016-03-23"
    )
