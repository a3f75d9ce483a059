"""Bad input about the cited documents, their catalogs and the checks across them is refused
before dbt, with one line naming file, row (or catalog entry) and column (or key); and the
committed figures are exactly what the parser reads from the catalogs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, overlay, refusal, run_cli

CORPUS = ROOT / "tests" / "bad_cited_inputs"
PARSES = (
    '\'1254億元余り\' (expected something like "95 billion 200 million yuan", "about 8.5%", '
    '"20%-25%", "1007万人")'
)
KNOWN_WORDS = (
    "'达到', '达', '達到', 'に達し', 'に上り', '约', '约为', '約', 'about', '超过', '超过了', "
    "'超', 'を超え', 'more than', 'exceeded', 'up to'"
)
MENTIONS = "seeds/corpus_figure_mentions.csv"
DOCUMENTS = "seeds/corpus_document_sources.csv"
CLAIM_FIGURES = "seeds/corpus_claim_figures.csv"
PEOPLE_JP = "sources/people_jp_2016_03_23.catalog.yml"
DASHIZG = "sources/dashizg_2018_05_05.catalog.yml"
# The committed mention of 1254億元 and the same row with its value a tenth as large.
TRAFFIC = "people_jp_2016_03_23__data_traffic_consumption__1,people_jp_2016_03_23__data_traffic_consumption,1,1254億元,,exact,"  # noqa: E501
TRAFFIC_END = ",paragraph 3,,,,,,,\n"

# Each malformed input in tests/bad_cited_inputs/<case>/ and the exact line the user sees.
REJECTED = {
    "cited_figure_without_document": f"{PEOPLE_JP}, key document_id: "
    "'people_jp_2016_03_32' names no document_id in seeds/corpus_document_sources.csv",
    "measure_not_defined": f"{DASHIZG}, figure dashizg_2018_05_05__jobs, key measure_id: "
    "'wechat_employment' names no measure_id in seeds/corpus_measures.csv",
    "url_not_http": f"{DOCUMENTS}, row 10, column url: "
    "'ftp://english.cqnews.net/html/2019-03/05/content_50318380.htm' is not an http or https "
    "address",
    "printed_figure_does_not_parse": f"{PEOPLE_JP}, mention 6 (figure "
    "people_jp_2016_03_23__data_traffic_consumption), key printed: "
    f"not a number: {PARSES}",
    "data_year_after_publication": f"{DOCUMENTS}, row 5, column data_year: "
    "2017 is after the document's publication on 2016-03-23",
    "cited_figure_after_publication": "sources/dsb_2021_04_22.catalog.yml, figure "
    "dsb_2021_04_22__job_opportunities, key data_year: "
    "2022 is after its document's publication on 2021-04-22",
    "stored_document_without_text": f"{DOCUMENTS}, row 3, column text_stored: "
    "people_2014_12_31 is marked as stored but has no text in seeds/corpus_documents.csv",
    "value_not_what_the_text_says": f"{MENTIONS} differs from the catalogs at line 47: "
    f"committed {TRAFFIC + '12540000000,12535000000,12545000000' + TRAFFIC_END!r}, "
    f"extract writes {TRAFFIC + '125400000000,125350000000,125450000000' + TRAFFIC_END!r}; "
    "run `wechat-impact extract` to regenerate it",
    "unit_not_the_measures": "sources/ecclab_2016_edition.catalog.yml, figure "
    "ecclab_2016_edition__jobs, key unit: persons is not its measure's unit, CNY",
    "qualifying_word_unknown": f"{DASHIZG}, mention 6 (figure dashizg_2018_05_05__jobs), "
    f"key qualifying_word: '大约有' is not a qualifying word (known: {KNOWN_WORDS})",
    "growth_across_measures": f"{CLAIM_FIGURES}, row 62, column figure_id: "
    "ecclab_2016_edition__direct_jobs measures wechat_direct_jobs, but ecclab_2016_edition__jobs "
    "in the same claim measures wechat_jobs; the claim compares one measure",
    "check_names_missing_quantity": f"{CLAIM_FIGURES}, row 62, column figure_id: "
    "'people_jp_2016_03_23__employment' names no figure_id in seeds/corpus_figures.csv and "
    "no derived_id in seeds/corpus_derivations.csv",
    "check_role_not_of_its_type": f"{CLAIM_FIGURES}, row 63, column role: "
    "'multiple' is not a role of claim type growth_on_year_before, which takes later earlier "
    "rate",
}


def test_the_corpus_is_complete() -> None:
    assert {path.name for path in CORPUS.iterdir() if path.is_dir()} == set(REJECTED)


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_bad_cited_input_is_rejected_with_one_clear_line(project: Path, case: str) -> None:
    overlay(project, CORPUS / case)
    assert refusal(project) == REJECTED[case]


@pytest.mark.slow
def test_make_build_refuses_a_bad_cited_figure_and_publishes_nothing(
    tmp_path: Path, built_project: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(built_project, project, symlinks=True)
    published = (project / "warehouse" / "current").resolve()
    overlay(project, CORPUS / "printed_figure_does_not_parse")
    completed = run_cli(project, "build")
    assert completed.returncode == 1
    expected = REJECTED["printed_figure_does_not_parse"]
    assert f"error: {expected}\nnothing was published\n" in completed.stderr
    assert (project / "warehouse" / "current").resolve() == published
