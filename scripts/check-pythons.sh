#!/bin/sh
# Build the warehouse with every supported Python besides .venv's, each in its own environment
# under .venv-pythons/, and compare its exports and data/ byte for byte with a build by .venv.
# Says for every supported version what was done; a version that is not installed is
# "not present", never skipped silently. Run by .ci/run after `make test` (which makes .venv).
# Usage: sh scripts/check-pythons.sh   (the logs of the installs and builds go to a scratch
# folder and are printed only when a step fails)
set -eu
. "$(dirname "$0")/pythons.sh"
cd "$pythons_root"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# Runs "$@" with its stderr in a log; on failure prints the log's end and returns 1.
logged() {
    log="$scratch/$1.log"
    shift
    if "$@" 2>"$log"; then
        return 0
    fi
    tail -n 40 "$log"
    return 1
}

default="$(python_version .venv/bin/python)"
echo "Python versions supported: $(supported_versions)"
echo "Python $default: the default environment .venv, which ran make test; building the reference"
logged reference .venv/bin/python -m wechat_impact.tools.same_exports "$scratch/reference"
status=0
for version in $(supported_versions); do
    [ "$version" = "$default" ] && continue
    python="$(find_python "$version" || true)"
    if [ -z "$python" ]; then
        echo "Python $version: not present"
        continue
    fi
    venv=".venv-pythons/$version"
    if [ ! -f "$venv/.installed" ] || [ requirements.lock -nt "$venv/.installed" ] \
        || [ pyproject.toml -nt "$venv/.installed" ]; then
        echo "Python $version: creating $venv with $python"
        if ! logged "install-$version" env PYTHON="$python" sh scripts/bootstrap.sh "$venv"; then
            echo "Python $version ($python): installing requirements.lock failed"
            status=1
            continue
        fi
        touch "$venv/.installed"
    fi
    logged "$version" "$venv/bin/python" -m wechat_impact.tools.same_exports \
        --reference "$scratch/reference" "$scratch/$version" || status=1
done
exit "$status"
