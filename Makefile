# Two commands from a clean clone: `make build` and `make test`.
# Both create .venv from requirements.lock when it is missing or older than the lock.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# DuckDB 1.1, what BI drivers bundle: the tests open the published file with it.
COMPAT := .venv-compat

export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export DBT_PROFILES_DIR := $(CURDIR)/profiles
export GX_ANALYTICS_ENABLED := False

.PHONY: build test lint docs bench scale clean browser

$(STAMP): requirements.lock pyproject.toml scripts/bootstrap.sh
	PYTHON=$(PYTHON) sh scripts/bootstrap.sh $(VENV)
	touch $(STAMP)

$(COMPAT)/.installed: scripts/compat-env.sh
	PYTHON=$(PYTHON) sh scripts/compat-env.sh $(COMPAT)
	touch $@

# Debian's Chromium for the findings page test; does nothing when it is there.
browser:
	sh scripts/install-chromium.sh

build: $(STAMP)
	$(BIN)/wechat-impact build $(if $(FORCE),--force) $(if $(KEEP),--keep $(KEEP))

test: $(STAMP) $(COMPAT)/.installed browser lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/sqlfluff lint models tests/dbt
	$(BIN)/sqlfluff lint --config src/sqlfluff.cfg src/wechat_impact

# dbt's documentation site for the dev target, served on http://127.0.0.1:8080;
# the dev warehouse is built first so the catalog has every table and column.
docs: $(STAMP)
	$(BIN)/dbt build --quiet
	$(BIN)/dbt docs generate
	$(BIN)/dbt docs serve --host 127.0.0.1 --port 8080 --no-browser

bench: $(STAMP)
	$(BIN)/python -m wechat_impact.tools.bench

# The same models and suites over a synthetic corpus of a million figures (docs/scale.md).
scale: $(STAMP)
	$(BIN)/python -m wechat_impact.tools.scale --documents 10000

clean:
	rm -rf $(VENV) $(COMPAT) target logs
	find warehouse -mindepth 1 -not -name .gitkeep -delete
