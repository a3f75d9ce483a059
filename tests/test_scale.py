"""The synthetic corpus and the scale run, at a small N: the same code that builds a million
figures, checked where a mistake would show. No timing is asserted; docs/scale.md has those."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT
from wechat_impact import inputs
from wechat_impact.tools import scale, synthetic

pytestmark = pytest.mark.slow

DOCUMENTS = 20  # documents 3 and 7 get a claim made inconsistent on purpose
SEEDS = ROOT / "seeds"


def seed_rows(root: Path, seed: str, where: str = "true") -> list[tuple]:
    with duckdb.connect() as connection:
        return connection.execute(
            f"select * from read_csv(?, header = true, all_varchar = true) where {where}",
            [str(root / "seeds" / f"{seed}.csv")],
        ).fetchall()


def files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    synthetic.generate(DOCUMENTS, out)
    return out


def test_the_corpus_passes_the_input_check(corpus: Path) -> None:
    inputs.check_inputs(corpus)


def test_the_same_n_gives_byte_identical_files(corpus: Path, tmp_path: Path) -> None:
    synthetic.generate(DOCUMENTS, tmp_path)
    assert files(tmp_path) == files(corpus)


def test_the_article_comes_first_byte_for_byte(corpus: Path) -> None:
    for original in SEEDS.glob("*.csv"):
        generated = (corpus / "seeds" / original.name).read_bytes()
        assert generated.startswith(original.read_bytes()), original.name
    article = ROOT / "sources" / "wechat-2014-impact-article.txt"
    assert (corpus / "sources" / article.name).read_bytes() == article.read_bytes()


def test_n_documents_of_100_figures_besides_the_article(corpus: Path) -> None:
    synthetic_figures = seed_rows(corpus, "corpus_figures", "document_id like 'synthetic_%'")
    article_figures = seed_rows(ROOT, "corpus_figures")
    assert len(synthetic_figures) == DOCUMENTS * synthetic.FIGURES_PER_DOCUMENT == 2000
    assert len(seed_rows(corpus, "corpus_figures")) == 2000 + len(article_figures)
    documents = seed_rows(corpus, "corpus_documents", "document_id like 'synthetic_%'")
    assert len(documents) == DOCUMENTS


def test_every_claim_type_and_operation_some_repeats(corpus: Path) -> None:
    """Every type of claim a document makes about its own figures, and the sum of parts
    (derived amounts against a printed total); the types that compare years (growth rates,
    multiples, average growth) need documents with data years, which a synthetic document
    has not."""
    synthetic_rows = "claim_id like 'synthetic_%'"
    claim_types = {row[2] for row in seed_rows(corpus, "corpus_claims", synthetic_rows)}
    article_types = {
        row[2]
        for row in seed_rows(ROOT, "corpus_claims", "document_id = 'wechat_2014_impact_article'")
    }
    assert claim_types == article_types | {"parts_sum_to_total"}
    operations = {
        row[2] for row in seed_rows(corpus, "corpus_derivations", "derived_id like 'synthetic_%'")
    }
    assert operations == {row[0] for row in seed_rows(ROOT, "corpus_operations")}
    repeats = seed_rows(corpus, "corpus_figure_mentions", "mention_number = '2'")
    assert any(row[1].startswith("synthetic_") for row in repeats)
    qualifiers = {row[5] for row in seed_rows(corpus, "corpus_figure_mentions")}
    assert qualifiers == {"exact", "about", "more_than", "up_to", "range"}


@pytest.fixture(scope="module")
def scale_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    workdir = tmp_path_factory.mktemp("scale")
    completed = subprocess.run(
        [
            *(sys.executable, "-m", "wechat_impact.tools.scale"),
            *("--documents", str(DOCUMENTS), "--workdir", str(workdir)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return completed, workdir


@pytest.fixture(scope="module")
def scale_warehouse(scale_run: tuple[subprocess.CompletedProcess, Path]) -> Path:
    completed, workdir = scale_run
    assert completed.returncode == 0, completed.stderr[-3000:]
    return workdir / "scale.duckdb"


def test_the_scale_run_says_what_it_did_in_one_line(
    scale_run: tuple[subprocess.CompletedProcess, Path],
) -> None:
    completed, _ = scale_run
    assert completed.returncode == 0, completed.stderr[-3000:]
    summary = completed.stdout.strip()
    assert "\n" not in summary
    assert summary.startswith(f"scale run, {DOCUMENTS} documents (2000 synthetic figures")
    for step in ("generate", "check inputs", "dbt build", "validate", "wall", "peak memory"):
        assert step in summary


def test_every_seed_row_reaches_its_mart(scale_warehouse: Path, scale_run: tuple) -> None:
    corpus = scale_run[1] / "project"
    marts = {
        "figures": "corpus_figures",
        "figure_mentions": "corpus_figure_mentions",
        "claim_checks": "corpus_claims",
        "claim_figures": "corpus_claim_figures",
        "derived_figures": "corpus_derivations",
        "consumption_breakdown": "corpus_breakdown_components",
    }
    with duckdb.connect(str(scale_warehouse), read_only=True) as connection:
        counts = {
            mart: connection.execute(f"select count(*) from marts.{mart}").fetchone()[0]
            for mart in [*marts, "documents"]
        }
    documents = counts.pop("documents")
    assert counts == {mart: len(seed_rows(corpus, seed)) for mart, seed in marts.items()}
    assert counts["figures"] == 2000 + len(seed_rows(ROOT, "corpus_figures"))
    # The stored documents (the article and the synthetic ones) and the cited ones; the
    # stored ones are in both seeds.
    cited = len(seed_rows(corpus, "corpus_document_sources", "text_stored = 'false'"))
    assert documents == DOCUMENTS + 1 + cited


def test_exactly_the_registered_claims_are_inconsistent(
    scale_warehouse: Path, scale_run: tuple
) -> None:
    register = {row[0] for row in seed_rows(scale_run[1] / "project", "corpus_known_discrepancies")}
    assert register == {
        "data_traffic_share_of_consumption",
        # the checks across documents the later editions contradict, as in the seeds
        "data_traffic_2015_growth_on_share_of_2014",
        "data_traffic_2017_multiple_of_share_of_2014",
        "data_traffic_2018_multiple_of_share_of_2014",
        "jobs_2015_growth",
        "total_consumption_2016_parts",
        "synthetic_000003_0_channel_a_share_of_consumption",
        "synthetic_000007_0_service_jobs_within_jobs",
    }
    with duckdb.connect(str(scale_warehouse), read_only=True) as connection:
        statuses = dict(
            connection.execute("select claim_id, status from marts.claim_checks").fetchall()
        )
    assert {claim for claim, status in statuses.items() if status == "inconsistent"} == register
    synthetic_statuses = {s for claim, s in statuses.items() if claim.startswith("synthetic_")}
    assert synthetic_statuses == {"consistent", "inconsistent", "unverifiable"}


def test_a_failing_step_exits_non_zero_with_its_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corpus with a duplicate figure stops at the input check, with the check's own line."""

    generate = synthetic.generate

    def generate_with_a_duplicate(documents: int, out: Path, linked_sections: int) -> None:
        generate(documents, out, linked_sections)
        figures = out / "seeds" / "corpus_figures.csv"
        lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
        figures.write_text("".join([*lines, lines[1]]), encoding="utf-8")

    monkeypatch.setattr(scale.synthetic, "generate", generate_with_a_duplicate)
    assert scale.main(["--documents", "1", "--workdir", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    # Row 1 the header, then the article's 13 figures and the cited documents' 89, the
    # synthetic document's 100, and the copy: row 1 + 13 + 89 + 100 + 1 = 204.
    assert captured.err.splitlines()[-1] == (
        "scale run failed: seeds/corpus_figures.csv, row 204, column figure_id: "
        "duplicate figure_id 'jobs_driven' (first in row 2)"
    )


def test_a_spark_run_without_the_spark_environment_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--target spark needs .venv-spark's dbt; without it, one line naming what installs it."""
    missing = tmp_path / "no-venv-spark"
    monkeypatch.setattr(scale.spark_check, "SPARK_VENV", missing)
    workdir = tmp_path / "run"
    assert scale.main(["--documents", "1", "--workdir", str(workdir), "--target", "spark"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[-1] == (
        f"scale run failed: {missing}/bin/dbt is missing; make spark-check installs it"
    )
