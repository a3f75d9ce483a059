#!/bin/sh
# Create .venv-compat: Python with the DuckDB 1.1 that BI drivers bundle, and nothing else.
# tests/test_clients.py opens the published warehouse with it to prove DuckDB 1.x clients can
# read the file (it is written with storage_compatibility_version v1.1.0, see profiles.yml).
# Idempotent: does nothing when the environment already has exactly this DuckDB.
# Usage: sh scripts/compat-env.sh [directory]   (default .venv-compat in the project root)
set -eu
# The last 1.1 release on PyPI: the line the profiles' storage_compatibility_version names.
DUCKDB_VERSION=1.1.3
. "$(dirname "$0")/pythons.sh"
venv="${1:-$pythons_root/.venv-compat}"

installed="$("$venv/bin/python" -c 'import duckdb; print(duckdb.__version__)' 2>/dev/null || true)"
if [ "$installed" = "$DUCKDB_VERSION" ]; then
    exit 0
fi
python="$(pick_python)"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-warn-script-location \
    "duckdb==$DUCKDB_VERSION"
echo "created $venv with duckdb $DUCKDB_VERSION" >&2
