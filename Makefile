# Two commands from a clean clone: `make build` and `make test`.
# Both create .venv from requirements.lock when it is missing or older than the lock.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export DBT_PROFILES_DIR := $(CURDIR)/profiles
export GX_ANALYTICS_ENABLED := False

.PHONY: build test lint docs bench clean

$(STAMP): requirements.lock pyproject.toml scripts/bootstrap.sh
	PYTHON=$(PYTHON) sh scripts/bootstrap.sh $(VENV)
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/wechat-impact build $(if $(FORCE),--force)

test: $(STAMP) lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/sqlfluff lint models tests/dbt

clean:
	rm -rf $(VENV) target logs warehouse
