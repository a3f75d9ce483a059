# Two commands from a clean clone: `make build` and `make test`.
# Both create .venv from requirements.lock when it is missing or older than the lock.

# Empty: scripts/bootstrap.sh takes a supported Python itself (3.11 to 3.13, pyproject.toml's
# requires-python); `make build PYTHON=/path/to/python3.x` names one.
PYTHON ?=
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# DuckDB 1.1, what BI drivers bundle: the tests open the published file with it.
COMPAT := .venv-compat
# dbt-spark and pyspark for make spark-check, apart so .venv stays small.
SPARK := .venv-spark

export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export DBT_PROFILES_DIR := $(CURDIR)/profiles
export GX_ANALYTICS_ENABLED := False

.PHONY: build test test-fast lint docs bench scale spark-check clean browser

$(STAMP): requirements.lock pyproject.toml scripts/bootstrap.sh scripts/pythons.sh
	PYTHON="$(PYTHON)" sh scripts/bootstrap.sh $(VENV)
	touch $(STAMP)

$(COMPAT)/.installed: scripts/compat-env.sh
	PYTHON="$(PYTHON)" sh scripts/compat-env.sh $(COMPAT)
	touch $@

# --- Data Docs offline (issue 13): what GX's pages load from CDNs, from the npm registry ---------
# Installed once at set-up at the versions GX names (assets/data-docs/package-lock.json) and copied
# into every release's data_docs/ by wechat_impact.docs_assets; nothing is fetched at build time.
DOCS_ASSETS := assets/data-docs/node_modules/.installed

$(DOCS_ASSETS): assets/data-docs/package.json assets/data-docs/package-lock.json
	cd assets/data-docs && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@
# --- end of the Data Docs section ---------------------------------------------------------------

$(SPARK)/.installed: requirements-spark.lock scripts/spark-env.sh pyproject.toml
	PYTHON="$(PYTHON)" sh scripts/spark-env.sh $(SPARK)
	touch $@

# Debian's Chromium for the findings page test; does nothing when it is there.
browser:
	sh scripts/install-chromium.sh

build: $(STAMP) $(DOCS_ASSETS)
	$(BIN)/wechat-impact build $(if $(FORCE),--force) $(if $(KEEP),--keep $(KEEP))

test: $(STAMP) $(COMPAT)/.installed $(DOCS_ASSETS) browser lint
	$(BIN)/python -m pytest

# A quick check: lint and the tests that build no warehouse (pytest -m "not slow").
test-fast: $(STAMP) lint
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bi
	$(BIN)/ruff format --check src tests scripts bi
	$(BIN)/sqlfluff lint models tests/dbt
	$(BIN)/sqlfluff lint --config src/sqlfluff.cfg src/wechat_impact

# dbt's documentation site for the dev target, served on http://127.0.0.1:8080;
# the dev warehouse is built first so the catalog has every table and column.
docs: $(STAMP)
	$(BIN)/dbt build --quiet
	$(BIN)/dbt docs generate
	$(BIN)/dbt docs serve --host 127.0.0.1 --port 8080 --no-browser

bench: $(STAMP) $(DOCS_ASSETS)
	$(BIN)/python -m wechat_impact.tools.bench

# The same models and suites over a synthetic corpus of a million figures (docs/scale.md).
scale: $(STAMP) $(DOCS_ASSETS)
	$(BIN)/python -m wechat_impact.tools.scale --documents 10000

# The project built on Apache Spark (.venv-spark, Java 17) and on DuckDB from scratch, every
# mart compared cell by cell; fails on any difference (README, "Running on Spark").
spark-check: $(STAMP) $(SPARK)/.installed
	$(BIN)/python -m wechat_impact.tools.spark_check

clean:
	rm -rf $(VENV) $(COMPAT) .venv-pythons $(SPARK) $(SUPERSET_VENV) assets/data-docs/node_modules target logs
	find warehouse -mindepth 1 -not -name .gitkeep -delete

# --- A real BI tool end to end (issue 13): Apache Superset in its own environment ---------------
# .venv-superset holds Superset 6.1.0 and duckdb-engine exactly as bi/superset/requirements.lock
# pins them (Superset needs SQLAlchemy<2, pandas<2.2, numpy<2.3: it cannot share .venv).
# `make test-bi` builds a warehouse, starts Superset on 127.0.0.1, connects it read-only, makes a
# dataset and a chart through its REST API, checks the chart's data and screenshots it in Chromium.
SUPERSET_VENV := .venv-superset

$(SUPERSET_VENV)/.installed: bi/superset/requirements.lock scripts/superset-env.sh
	PYTHON="$(PYTHON)" sh scripts/superset-env.sh $(SUPERSET_VENV)
	touch $@

.PHONY: test-bi
test-bi: $(STAMP) $(DOCS_ASSETS) $(SUPERSET_VENV)/.installed browser
	WECHAT_IMPACT_BI=1 $(BIN)/python -m pytest tests/bi
# --- end of the BI tool section -----------------------------------------------------------------
