"""The extractor: it reproduces the committed seeds byte for byte, its offsets and quotes point
into the article, and a catalog that does not match the text stops it with a clear message."""

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


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the article and its catalog, with an empty seeds folder to write into."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "seeds").mkdir()
    for path in (extract.CATALOG, DOCUMENT.relative_to(ROOT)):
        shutil.copyfile(ROOT / path, tmp_path / path)
    return tmp_path


def edit_catalog(root: Path, change) -> None:
    catalog = yaml.safe_load((root / extract.CATALOG).read_text(encoding="utf-8"))
    change(catalog)
    (root / extract.CATALOG).write_text(
        yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


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
        f"error: {extract.MENTIONS} differs from the article at line 2: committed {lines[1]!r}, "
        f"extract writes {expected!r}; run `wechat-impact extract` to regenerate it\n"
    )


def test_offsets_and_quotes_point_into_the_article() -> None:
    document = DOCUMENT.read_bytes().decode("utf-8")
    with open(ROOT / extract.MENTIONS, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
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
    with open(ROOT / extract.MENTIONS, encoding="utf-8", newline="") as file:
        places = {
            row["mention_id"]: (int(row["paragraph_number"]), int(row["sentence_number"]))
            for row in csv.DictReader(file)
        }
    assert places["jobs_driven__1"] == (1, 1)
    assert places["information_consumption__1"] == (2, 1)
    assert places["data_traffic_share__1"] == (3, 3)
    assert places["jobs_driven__3"] == (5, 5)


def test_a_number_the_catalog_does_not_map_stops_extraction(workspace: Path) -> None:
    edit_catalog(workspace, lambda catalog: catalog["mentions"].pop())
    with pytest.raises(extract.ExtractError) as raised:
        extract.write(workspace)
    assert str(raised.value) == (
        f"{DOCUMENT.relative_to(ROOT)}, line 9, column 527: "
        "'up to 10 million 70 thousand people' is number 16, but "
        f"{extract.CATALOG} maps only 15; add it to mentions"
    )
    assert not (workspace / extract.MENTIONS).exists()


def test_a_catalog_mention_without_a_number_stops_extraction(workspace: Path) -> None:
    extra = {"figure": "jobs_driven", "printed": "10 million 70 thousand"}
    edit_catalog(workspace, lambda catalog: catalog["mentions"].append(extra))
    with pytest.raises(extract.ExtractError) as raised:
        extract.write(workspace)
    assert str(raised.value) == (
        f"{extract.CATALOG}: mention 17 ('10 million 70 thousand') has no number "
        f"in {DOCUMENT.relative_to(ROOT)}, which prints 16; remove it or fix the text"
    )


def test_a_printed_text_that_differs_stops_extraction(workspace: Path, capsys) -> None:
    def misprint(catalog: dict) -> None:
        catalog["mentions"][6]["printed"] = "8.5%"

    edit_catalog(workspace, misprint)
    assert main(["extract", "--root", str(workspace)]) == 1
    assert capsys.readouterr().err == (
        f"error: {extract.CATALOG}: mention 7 is '8.5%', but number 7 in "
        f"{DOCUMENT.relative_to(ROOT)} (line 5, column 626) is 'about 8.5%'\n"
    )


def test_a_unit_that_contradicts_the_figure_stops_extraction(workspace: Path) -> None:
    def swap(catalog: dict) -> None:
        catalog["mentions"][2]["figure"] = "information_consumption"  # "... people"

    edit_catalog(workspace, swap)
    with pytest.raises(extract.ExtractError, match="is in persons, but information_consumption"):
        extract.write(workspace)
