# Which Python versions the project supports and where to find them; sourced by
# bootstrap.sh, compat-env.sh and check-pythons.sh (POSIX sh, no output of its own).
# The supported versions are read from requires-python in pyproject.toml, the one place
# they are written: ">=3.11,<3.14" means 3.11, 3.12 and 3.13.

pythons_root="$(cd "$(dirname "$0")/.." && pwd)"

# "3.11 3.12 3.13"
supported_versions() {
    range="$(sed -n 's/^requires-python = ">=3\.\([0-9][0-9]*\),<3\.\([0-9][0-9]*\)"$/\1 \2/p' \
        "$pythons_root/pyproject.toml")"
    first="${range% *}"
    stop="${range#* }"
    minor="$first"
    while [ "$minor" -lt "$stop" ]; do
        printf '3.%s ' "$minor"
        minor=$((minor + 1))
    done
}

# "Python 3.11, 3.12 or 3.13"
supported_words() {
    set -- $(supported_versions)
    words="Python $1"
    shift
    while [ $# -gt 1 ]; do
        words="$words, $1"
        shift
    done
    [ $# -eq 1 ] && words="$words or $1"
    echo "$words"
}

# The X.Y version of the interpreter $1, or nothing when it does not run (a pyenv shim
# for a version that is not selected exists on PATH but fails).
python_version() {
    "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true
}

is_supported() {
    case " $(supported_versions)" in
        *" $1 "*) return 0 ;;
        *) return 1 ;;
    esac
}

# The path of a working interpreter of version $1 (e.g. 3.12): pythonX.Y on PATH, else
# one installed by pyenv. Prints nothing and fails when there is none.
find_python() {
    for candidate in "python$1" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$1".*/bin/"python$1"; do
        path="$(command -v "$candidate" 2>/dev/null || true)"
        if [ -n "$path" ] && [ "$(python_version "$path")" = "$1" ]; then
            echo "$path"
            return 0
        fi
    done
    return 1
}

# The interpreter to build with: $PYTHON when set (it must be a supported version), else
# python3 when it is supported, else the first supported version found. On failure prints one
# line saying which versions are needed and exits 1, before anything is installed.
pick_python() {
    if [ -n "${PYTHON:-}" ]; then
        named="$(command -v "$PYTHON" 2>/dev/null || true)"
        version="$(python_version "$PYTHON")"
        if [ -z "$version" ]; then
            # PYTHON=python3.12 where only pyenv has 3.12 (its shim fails unless selected)
            case "$PYTHON" in
                python3.*) named="$(find_python "${PYTHON#python}" || true)" ;;
            esac
            version="$(python_version "${named:-$PYTHON}")"
        fi
        if [ -z "$version" ]; then
            echo "error: PYTHON=$PYTHON does not run; the project needs $(supported_words)" >&2
            exit 1
        fi
        if ! is_supported "$version"; then
            echo "error: PYTHON=$PYTHON is Python $version; the project needs $(supported_words)" >&2
            exit 1
        fi
        echo "$named"
        return 0
    fi
    if is_supported "$(python_version python3)"; then
        command -v python3
        return 0
    fi
    for version in $(supported_versions); do
        if find_python "$version"; then
            return 0
        fi
    done
    found="$(python_version python3)"
    echo "error: the project needs $(supported_words) and none was found" \
        "(python3 is ${found:+Python }${found:-missing}); install one or name it with" \
        "PYTHON=/path/to/python3.x" >&2
    exit 1
}
