#!/bin/sh
# Create the virtual environment from the exact pins in requirements.lock.
# Usage: sh scripts/bootstrap.sh .venv   (PYTHON=/path/to/python3.x names the interpreter)
# Without PYTHON it takes python3 when that is a supported version, else the first supported
# pythonX.Y it finds (scripts/pythons.sh); with none it stops before installing anything.
set -eu
. "$(dirname "$0")/pythons.sh"
venv="$1"
python="$(pick_python)"
echo "creating $venv with $python (Python $(python_version "$python"))" >&2
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
