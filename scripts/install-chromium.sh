#!/bin/sh
# Install Debian's headless-capable Chromium for the report page test (tests/test_report_page.py).
# The test drives /usr/bin/chromium through Playwright's Python package and never lets a test tool
# download a browser of its own: only Debian's package archive is reachable from CI.
# Usage (as root, e.g. from .ci/run): sh scripts/install-chromium.sh
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
