"""Apache Superset, a real BI tool, end to end against the published warehouse (`make test-bi`).

Superset runs from .venv-superset (its own pins: SQLAlchemy 1.4, pandas 2.1; see
bi/superset/requirements.lock) on 127.0.0.1 only, its metadata in SQLite in a scratch folder.
Through Superset's REST API, as a user would through its screens, the test connects the
published warehouse read-only through duckdb-engine, adds a dataset on
marts.consumption_breakdown and a pie chart, and checks the chart's data against the article's
figures worked by hand; then it opens the chart in Debian's Chromium, with every request that
leaves 127.0.0.1 blocked, and checks the screenshot shows the three slices.

Superset's set-up takes minutes, so `make test` leaves this module out (it is skipped, saying
so); `make test-bi` creates .venv-superset and runs it with WECHAT_IMPACT_BI=1.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest
import requests

from browser import offline_chromium
from conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("WECHAT_IMPACT_BI"),
        reason="Superset end to end: run `make test-bi`",
    ),
]

SUPERSET_ENV = ROOT / ".venv-superset"
SUPERSET_CONFIG = ROOT / "bi" / "superset" / "superset_config.py"
ADMIN = "admin"
SETUP_TIMEOUT_S = 600  # one Superset command (db upgrade, create-admin, init) on a busy 2-core box
START_TIMEOUT_S = 300  # the server answering /health
REQUEST_TIMEOUT_S = 120
PAGE_TIMEOUT_MS = 180_000

# What the article prints: information consumption of 95 billion 200 million yuan (952亿), of
# which data traffic is 85.7% and games and the public platform "about 8.5%"; the rest, 5.8%,
# is in no component it names. The mart's amounts are the shares of the printed total, exactly.
TOTAL_CNY = 95_200_000_000
EXPECTED_AMOUNTS_CNY = {
    "Data traffic": TOTAL_CNY * Fraction(857, 1000),  # 81,586,400,000
    "Games and the public platform": TOTAL_CNY * Fraction(85, 1000),  # 8,092,000,000
    "Not broken down by the article": TOTAL_CNY * Fraction(58, 1000),  # 5,521,600,000
}
METRIC = {
    "expressionType": "SIMPLE",
    "column": {"column_name": "amount_cny"},
    "aggregate": "SUM",
    "label": "amount_cny",
}


@dataclass(frozen=True)
class Superset:
    url: str
    password: str


@dataclass(frozen=True)
class Chart:
    database_id: int
    dataset_id: int
    chart_id: int


def superset_environment(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "SUPERSET_HOME": str(home),
        "SUPERSET_CONFIG_PATH": str(SUPERSET_CONFIG),
        "SUPERSET_SECRET_KEY": secrets.token_hex(32),
        "FLASK_APP": "superset",
        "PYTHONUNBUFFERED": "1",
    }


def superset_command(environment: dict[str, str], *arguments: str) -> None:
    """One `superset ...` command, bounded in time; its output only when it failed."""
    completed = subprocess.run(
        [str(SUPERSET_ENV / "bin" / "superset"), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=SETUP_TIMEOUT_S,
        check=False,
    )
    assert completed.returncode == 0, f"superset {arguments[0]}: {completed.stderr[-4000:]}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert server.poll() is None, f"Superset exited: {log.read_text()[-4000:]}"
        try:  # gunicorn accepts before its worker has loaded Superset: a read may time out
            if requests.get(f"{url}/health", timeout=10).text == "OK":
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    pytest.fail(f"Superset did not answer in {START_TIMEOUT_S} s: {log.read_text()[-4000:]}")


@pytest.fixture(scope="module")
def superset(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Superset]:
    """A fresh Superset: metadata database, an admin with a random password, roles; then the
    web server (gunicorn, one worker) on a free port of 127.0.0.1, stopped at the end."""
    if not (SUPERSET_ENV / "bin" / "superset").exists():
        pytest.fail(f"{SUPERSET_ENV} is missing: run `make test-bi`, which creates it")
    home = tmp_path_factory.mktemp("superset")
    environment = superset_environment(home)
    password = secrets.token_urlsafe(16)
    superset_command(environment, "db", "upgrade")
    superset_command(
        environment,
        *("fab", "create-admin", "--username", ADMIN, "--password", password),
        *("--firstname", "Test", "--lastname", "Admin", "--email", "admin@example.invalid"),
    )
    superset_command(environment, "init")
    url = f"http://127.0.0.1:{free_port()}"
    log = home / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [
                str(SUPERSET_ENV / "bin" / "gunicorn"),
                *("--bind", url.removeprefix("http://"), "--workers", "1", "--threads", "4"),
                *("--timeout", str(REQUEST_TIMEOUT_S), "superset.app:create_app()"),
            ],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # the worker dies with the master, below
        )
    try:
        wait_until_healthy(url, server, log)
        yield Superset(url, password)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)


@pytest.fixture(scope="module")
def api(superset: Superset) -> requests.Session:
    """A session logged in through /api/v1/security/login, with the CSRF token Superset
    wants on every write."""
    session = requests.Session()
    login = session.post(
        f"{superset.url}/api/v1/security/login",
        json={"username": ADMIN, "password": superset.password, "provider": "db"},
        timeout=REQUEST_TIMEOUT_S,
    )
    assert login.status_code == 200, login.text
    session.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
    csrf = session.get(f"{superset.url}/api/v1/security/csrf_token/", timeout=REQUEST_TIMEOUT_S)
    assert csrf.status_code == 200, csrf.text
    session.headers.update({"X-CSRFToken": csrf.json()["result"], "Referer": superset.url})
    return session


def post(api: requests.Session, url: str, body: dict) -> dict:
    response = api.post(url, json=body, timeout=REQUEST_TIMEOUT_S)
    assert response.status_code == 201, f"{url}: {response.status_code} {response.text[:2000]}"
    return response.json()


@pytest.fixture(scope="module")
def chart(api: requests.Session, superset: Superset, warehouse: Path) -> Chart:
    """The published file as a Superset database (read-only; DML allowed in Superset, so that
    only DuckDB's read-only mode stands between SQL Lab and the file), a dataset on the
    breakdown mart and a pie chart of the amounts by component."""
    database = post(
        api,
        f"{superset.url}/api/v1/database/",
        {
            "database_name": "wechat_impact",
            "sqlalchemy_uri": f"duckdb:///{warehouse.absolute()}",
            "extra": json.dumps({"engine_params": {"connect_args": {"read_only": True}}}),
            "expose_in_sqllab": True,
            "allow_dml": True,
        },
    )
    dataset = post(
        api,
        f"{superset.url}/api/v1/dataset/",
        {"database": database["id"], "schema": "marts", "table_name": "consumption_breakdown"},
    )
    form_data = {
        "datasource": f"{dataset['id']}__table",
        "viz_type": "pie",
        "groupby": ["component"],
        "metric": METRIC,
        "row_limit": 10,
        "sort_by_metric": True,
        "show_labels": True,
        "label_type": "key_percent",
        "show_legend": True,
    }
    query_context = {
        "datasource": {"id": dataset["id"], "type": "table"},
        "force": True,
        "queries": [
            {
                "columns": ["component"],
                "metrics": [METRIC],
                "orderby": [[METRIC, False]],
                "row_limit": 10,
            }
        ],
        "form_data": form_data,
        "result_format": "json",
        "result_type": "full",
    }
    created = post(
        api,
        f"{superset.url}/api/v1/chart/",
        {
            "slice_name": "Information consumption driven by WeChat, by component",
            "viz_type": "pie",
            "datasource_id": dataset["id"],
            "datasource_type": "table",
            "params": json.dumps(form_data),
            "query_context": json.dumps(query_context),
        },
    )
    return Chart(database["id"], dataset["id"], created["id"])


def sql_lab(api: requests.Session, superset: Superset, database_id: int, sql: str) -> dict:
    response = api.post(
        f"{superset.url}/api/v1/sqllab/execute/",
        json={"database_id": database_id, "sql": sql, "schema": "marts", "runAsync": False},
        timeout=REQUEST_TIMEOUT_S,
    )
    return {"status_code": response.status_code, **response.json()}


def test_the_dataset_has_every_column_with_its_description(
    api: requests.Session, superset: Superset, chart: Chart
) -> None:
    response = api.get(f"{superset.url}/api/v1/dataset/{chart.dataset_id}", timeout=60)
    columns = {column["column_name"]: column for column in response.json()["result"]["columns"]}
    assert {"component", "amount_cny", "share_pct", "sort_order"} <= columns.keys()
    assert [name for name, column in columns.items() if not column["description"]] == []
    assert columns["amount_cny"]["type"] == "NUMERIC(38, 10)"


def test_the_chart_shows_the_articles_breakdown(
    api: requests.Session, superset: Superset, chart: Chart
) -> None:
    response = api.get(f"{superset.url}/api/v1/chart/{chart.chart_id}/data/", timeout=60)
    assert response.status_code == 200, response.text[:2000]
    (result,) = response.json()["result"]
    assert result["status"] == "success"
    # Largest first, as the chart sorts by its metric; every amount exact to the yuan.
    rows = [(row["component"], Fraction(str(row["amount_cny"]))) for row in result["data"]]
    assert rows == sorted(EXPECTED_AMOUNTS_CNY.items(), key=lambda item: -item[1])
    assert sum(amount for _, amount in rows) == TOTAL_CNY


def test_sql_lab_reads_the_marts_and_cannot_write_the_file(
    api: requests.Session, superset: Superset, chart: Chart
) -> None:
    total = sql_lab(
        api,
        superset,
        chart.database_id,
        "select sum(amount_cny) as total_cny from marts.consumption_breakdown",
    )
    assert total["status"] == "success"
    assert Fraction(str(total["data"][0]["total_cny"])) == TOTAL_CNY
    write = sql_lab(
        api, superset, chart.database_id, "create table marts.written_by_superset as select 1 as x"
    )
    assert write["status_code"] >= 400
    assert "attached in read-only mode" in write["errors"][0]["message"]


def test_the_chart_renders_in_chromium_offline(
    superset: Superset, chart: Chart, tmp_path: Path
) -> None:
    screenshot = tmp_path / "chart.png"
    with offline_chromium(superset.url, viewport={"width": 1000, "height": 700}) as browser:
        page = browser.context.new_page()
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(f"{superset.url}/login/")
        page.fill("#username", ADMIN)
        page.fill("#password", superset.password)
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: "/login" not in url)
        page.goto(f"{superset.url}/explore/?slice_id={chart.chart_id}&standalone=1")
        page.wait_for_selector("canvas")
        page.wait_for_timeout(2000)  # ECharts animates the slices in
        page.screenshot(path=screenshot)
    assert browser.refused == []
    assert slice_colours(screenshot) >= 3


def slice_colours(png: Path) -> int:
    """How many colours each cover at least 0.5% of the picture besides the most common one
    (the background): the smallest slice, 5.8% of the pie, is about 1.4% of it. A blank or an
    error page has at most one or two."""
    completed = subprocess.run(
        [
            str(SUPERSET_ENV / "bin" / "python"),  # Pillow comes with Superset
            "-c",
            "import sys, json; from PIL import Image;"
            "image = Image.open(sys.argv[1]).convert('RGB');"
            "print(json.dumps(sorted(n for n, _ in image.getcolors(1 << 24))))",
            str(png),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    counts = json.loads(completed.stdout)
    total = sum(counts)
    return sum(1 for count in counts[:-1] if count >= total * 0.005)
