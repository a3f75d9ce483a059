#!/bin/sh
# Create .venv-spark: dbt-spark (session method), pyspark and DuckDB from the exact pins in
# requirements-spark.lock, and this project without its dependencies. make spark-check and the
# Spark scale run use it; the default .venv does not carry pyspark. pip builds pyspark from its
# source package (about 450 MB) the first time, a few minutes; Spark needs Java 17.
# Usage: sh scripts/spark-env.sh [directory]   (default .venv-spark in the project root)
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${1:-$root/.venv-spark}"
. "$(dirname "$0")/pythons.sh"
python="$(pick_python)"
command -v java >/dev/null 2>&1 || {
    echo "error: Spark needs Java 17 (Debian: apt-get install openjdk-17-jre-headless)" >&2
    exit 1
}
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-warn-script-location \
    -r "$root/requirements-spark.lock"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-warn-script-location \
    --no-deps --no-build-isolation -e "$root"
