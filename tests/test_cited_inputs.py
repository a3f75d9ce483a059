"""Bad input about the cited documents and their figures is refused before dbt, with one line
naming file, row and column; and the committed figures are exactly what the parser reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, overlay, run_cli
from wechat_impact.inputs import InputError, check_inputs

CORPUS = ROOT / "tests" / "bad_cited_inputs"
PARSES = (
    '\'1254億元余り\' (expected something like "95 billion 200 million yuan", "about 8.5%", '
    '"20%-25%", "1007万人")'
)
KNOWN_WORDS = (
    "'达到', '达', '達到', 'に達し', 'に上り', '约', '约为', '約', 'about', '超过', '超过了', "
    "'超', 'を超え', 'more than', 'exceeded', 'up to'"
)
FIGURES = "seeds/corpus_cited_figures.csv"
DOCUMENTS = "seeds/corpus_document_sources.csv"
CLAIM_FIGURES = "seeds/corpus_claim_figures.csv"

# Each malformed input in tests/bad_cited_inputs/<case>/ and the exact line the user sees.
REJECTED = {
    "cited_figure_without_document": f"{FIGURES}, row 28, column document_id: "
    "'people_jp_2016_03_32' names no document_id in seeds/corpus_document_sources.csv",
    "measure_not_defined": f"{FIGURES}, row 54, column measure_id: "
    "'wechat_employment' names no measure_id in seeds/corpus_measures.csv",
    "url_not_http": f"{DOCUMENTS}, row 10, column url: "
    "'ftp://english.cqnews.net/html/2019-03/05/content_50318380.htm' is not an http or https "
    "address",
    "printed_figure_does_not_parse": f"{FIGURES}, row 31, column printed_text: "
    f"not a number: {PARSES}",
    "data_year_after_publication": f"{DOCUMENTS}, row 5, column data_year: "
    "2017 is after the document's publication on 2016-03-23",
    "cited_figure_after_publication": f"{FIGURES}, row 84, column data_year: "
    "2022 is after its document's publication on 2021-04-22",
    "stored_document_without_text": f"{DOCUMENTS}, row 3, column text_stored: "
    "people_2014_12_31 is marked as stored but has no text in seeds/corpus_documents.csv",
    "value_not_what_the_text_says": f"{FIGURES}, row 31, column value: 12540000000, "
    "but '1254億元' reads as 125400000000; write what the parser reads",
    "unit_not_the_measures": f"{FIGURES}, row 40, column unit: "
    "persons is not its measure's unit, CNY",
    "qualifying_word_unknown": f"{FIGURES}, row 54, column qualifying_word: "
    f"'大约有' is not a qualifying word (known: {KNOWN_WORDS})",
    "growth_across_measures": f"{CLAIM_FIGURES}, row 65, column figure_id: "
    "ecclab_2016_edition__direct_jobs measures wechat_direct_jobs, but ecclab_2016_edition__jobs "
    "in the same claim measures wechat_jobs; the claim compares one measure",
    "check_names_missing_quantity": f"{CLAIM_FIGURES}, row 65, column figure_id: "
    "'people_jp_2016_03_23__employment' names no figure_id in seeds/corpus_figures.csv or "
    "seeds/corpus_cited_figures.csv and no derived_id in seeds/corpus_derivations.csv",
    "check_role_not_of_its_type": f"{CLAIM_FIGURES}, row 66, column role: "
    "'multiple' is not a role of claim type growth_on_year_before, which takes later earlier "
    "rate",
}


def test_the_corpus_is_complete() -> None:
    assert {path.name for path in CORPUS.iterdir() if path.is_dir()} == set(REJECTED)


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_bad_cited_input_is_rejected_with_one_clear_line(project: Path, case: str) -> None:
    overlay(project, CORPUS / case)
    with pytest.raises(InputError) as raised:
        check_inputs(project)
    assert str(raised.value) == REJECTED[case]


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
