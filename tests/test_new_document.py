"""Another report or edition is new rows, not new code (issue 12's promise).

Two halves: no model, macro, dbt test, suite or page code names a document, figure, claim,
derived figure or measure (so nothing there has to change for a new one), and a project copy
given an invented later edition (a row in corpus_document_sources.csv, a catalog, a claim) and
nothing else extracts, builds, validates and publishes it into every mart and the page. The
edition is made up for the test and lives only in the copy; its expected values are worked by
hand from its printed text.
"""

from __future__ import annotations

import csv
import re
from fractions import Fraction
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT, run_cli
from wechat_impact.project_files import copy_project

# Every id the seeds give a document, a figure, a claim, a derived figure, a measure or a
# breakdown component: none may appear in code.
SEED_IDS = (
    ("corpus_documents", "document_id"),
    ("corpus_document_sources", "document_id"),
    ("corpus_figures", "figure_id"),
    ("corpus_claims", "claim_id"),
    ("corpus_derivations", "derived_id"),
    ("corpus_measures", "measure_id"),
    ("corpus_breakdown_components", "component_id"),
    ("corpus_breakdown_components", "total_id"),
)
# The code a new document must not need to change: the models and their macros and tests, the
# package (suites, page, pipeline; its tools generate synthetic data of their own) and its SQL.
CODE = (
    *sorted((ROOT / "models").rglob("*.sql")),
    *sorted((ROOT / "macros").rglob("*.sql")),
    *sorted((ROOT / "tests/dbt").rglob("*.sql")),
    *sorted((ROOT / "src/wechat_impact").glob("*.py")),
    *sorted((ROOT / "src/wechat_impact/sql").rglob("*.sql")),
)

EDITION = "invented_2020_edition"
URL = "https://example.org/invented-2020-edition"
EARLIER = "chinanews_2019_03_06__jobs"  # 2018's jobs as the 2018 edition prints them: 2235万个
CLAIM = f"{EDITION}__jobs_growth_on_2018"
STATEMENT = "An invented 2019 jobs figure of 2963万个, printed as 32.6% above the 2018 figure."


def seed_ids() -> set[str]:
    ids = set()
    for seed, column in SEED_IDS:
        with open(ROOT / "seeds" / f"{seed}.csv", encoding="utf-8", newline="") as file:
            ids |= {row[column] for row in csv.DictReader(file)}
    return ids


@pytest.mark.parametrize("path", CODE, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_code_names_no_document_figure_claim_or_measure(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert sorted(name for name in seed_ids() if re.search(rf"\b{name}\b", text)) == []


def append_row(path: Path, row: list[str]) -> None:
    with open(path, "a", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerow(row)


def add_edition(project: Path) -> None:
    """The rows and the catalog issue 12's README section lists for a new document; no code."""
    append_row(
        project / "seeds/corpus_document_sources.csv",
        [
            *(EDITION, "edition", "zh", URL, "Invented Daily", "2020-01-15", "2026-11-27"),
            *("2019", "", "false", "An invented report of a 2019 edition, made up for a test"),
        ],
    )
    (project / f"sources/{EDITION}.catalog.yml").write_text(
        f"document_id: {EDITION}\n"
        "figures:\n"
        f"  - {{figure_id: {EDITION}__jobs, measure_id: wechat_jobs, data_year: '2019',\n"
        "     label: Jobs driven by WeChat, unit: persons}\n"
        f"  - {{figure_id: {EDITION}__jobs_growth, measure_id: wechat_jobs_growth,\n"
        "     data_year: '2019', label: Growth of the jobs on 2018, unit: percent}\n"
        "mentions:\n"
        f"  - {{figure: {EDITION}__jobs, printed: 2963万个, qualifying_word: 达到,\n"
        "     locator: paragraph 2}\n"
        f"  - {{figure: {EDITION}__jobs_growth, printed: 32.6%, qualifying_word: '',\n"
        "     locator: paragraph 2}\n",
        encoding="utf-8",
    )
    append_row(
        project / "seeds/corpus_claims.csv",
        [CLAIM, EDITION, "growth_on_year_before", STATEMENT],
    )
    roles = {f"{EDITION}__jobs": "later", EARLIER: "earlier", f"{EDITION}__jobs_growth": "rate"}
    for figure, role in roles.items():
        append_row(project / "seeds/corpus_claim_figures.csv", [CLAIM, figure, role])


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with the invented edition extracted, built and published."""
    project = copy_project(tmp_path_factory.mktemp("edition") / "project")
    add_edition(project)
    extracted = run_cli(project, "extract")
    assert extracted.returncode == 0, extracted.stderr
    built = run_cli(project, "build")
    assert built.returncode == 0, built.stderr
    return project


def query(project: Path, sql: str, *parameters: object) -> list[tuple]:
    warehouse = project / "warehouse/wechat_impact.duckdb"
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql, parameters).fetchall()


def down(number: Fraction) -> Fraction:
    """decimal(38, 10) rounded down, as the models round a low end."""
    return Fraction(number.numerator * 10**10 // number.denominator, 10**10)


def up(number: Fraction) -> Fraction:
    return -down(-number)


@pytest.mark.slow
def test_the_editions_figures_are_read_from_their_printed_text(edition: Path) -> None:
    figures = query(
        edition,
        "select figure_id, measure_id, data_year, qualifier, value, value_low, value_high,"
        " locator from marts.figures where document_id = ? order by figure_id",
        EDITION,
    )
    # 2963万个 after 达到 ("reached"): a point figure, half a 万 either side; 32.6%: half a 0.1
    assert [(*row[:4], *map(Fraction, row[4:7]), row[7]) for row in figures] == [
        (
            f"{EDITION}__jobs",
            "wechat_jobs",
            2019,
            "exact",
            Fraction(29630000),
            Fraction(29625000),
            Fraction(29635000),
            "paragraph 2",
        ),
        (
            f"{EDITION}__jobs_growth",
            "wechat_jobs_growth",
            2019,
            "exact",
            Fraction("32.6"),
            Fraction("32.55"),
            Fraction("32.65"),
            "paragraph 2",
        ),
    ]


@pytest.mark.slow
def test_the_editions_claim_is_checked_against_another_documents_figure(edition: Path) -> None:
    [row] = query(
        edition,
        "select document_count, status, published_low, published_high, recomputed_low,"
        " recomputed_high, gap from marts.claim_checks where claim_id = ?",
        CLAIM,
    )
    # later 2963万 on earlier 2235万: 100 * ([2962.5, 2963.5] / [2234.5, 2235.5] - 1)
    low = down(Fraction(100 * 29625000, 22355000) - 100)
    high = up(Fraction(100 * 29635000, 22345000) - 100)
    assert Fraction("32.5") < low < Fraction("32.55") < high < Fraction("32.65")
    assert row[:2] == (2, "consistent")
    assert tuple(map(Fraction, row[2:6])) == (Fraction("32.55"), Fraction("32.65"), low, high)
    assert row[6] is None


@pytest.mark.slow
def test_the_edition_extends_the_series(edition: Path) -> None:
    assert query(
        edition,
        "select value_low, value_high, document_ids, documents_agree from marts.measure_series"
        " where measure_id = 'wechat_jobs' and data_year = 2019",
    ) == [(Fraction(29625000), Fraction(29635000), EDITION, True)]


@pytest.mark.slow
def test_the_edition_is_validated_and_on_the_page(edition: Path) -> None:
    assert query(edition, "select count(*) from marts.validation_results where not success") == [
        (0,)
    ]
    page = (edition / "warehouse/page/index.html").read_text(encoding="utf-8")
    assert f'<a href="{URL}">' in page
    assert STATEMENT in page
