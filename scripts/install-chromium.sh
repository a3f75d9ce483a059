#!/bin/sh
# Install Debian's headless-capable Chromium for the report page test (tests/test_report_page.py).
# The test drives /usr/bin/chromium through Playwright's Python package and never lets a test tool
# download a browser of its own: only Debian's package archive is reachable from CI.
# Usage (as root, e.g. from .ci/run): sh scripts/install-chromium.sh
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "chromium is missing and only root can install it: run 'sudo sh scripts/install-chromium.sh'" >&2
    exit 0  # the report page test then fails and says the same
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
