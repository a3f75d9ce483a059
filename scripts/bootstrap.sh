#!/bin/sh
# Create the virtual environment from the exact pins in requirements.lock.
# Usage: sh scripts/bootstrap.sh .venv
set -eu
venv="$1"
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-warn-script-location -r requirements.lock
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-warn-script-location --no-deps --no-build-isolation -e .
# `source .venv/bin/activate` then makes plain `dbt build` find profiles/ and stay offline.
cat >> "$venv/bin/activate" <<ACTIVATE
export DBT_PROFILES_DIR="$(pwd)/profiles"
export DBT_SEND_ANONYMOUS_USAGE_STATS=False
export GX_ANALYTICS_ENABLED=False
ACTIVATE
