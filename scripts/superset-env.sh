#!/bin/sh
# Create .venv-superset: Apache Superset 6.1.0 with duckdb-engine, exactly as bi/superset/requirements.lock
# pins it, for the end-to-end BI test (make test-bi, tests/bi/test_superset.py). Superset needs
# SQLAlchemy<2, pandas<2.2 and numpy<2.3, so it cannot live in .venv. Every package comes from PyPI.
# Usage: sh scripts/superset-env.sh [directory]   (default .venv-superset in the project root)
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${1:-$root/.venv-superset}"
. "$(dirname "$0")/pythons.sh"
python="$(pick_python)"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-warn-script-location \
    --no-deps -r "$root/bi/superset/requirements.lock"
# --no-deps trusts the lock; pip check proves it is complete and consistent.
"$venv/bin/pip" check --disable-pip-version-check
echo "created $venv with apache-superset $("$venv/bin/python" -c "from importlib.metadata import version; print(version('apache-superset'))")" >&2
