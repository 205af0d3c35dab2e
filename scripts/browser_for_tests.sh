#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the report's browser tests: as root (CI, a fresh machine) it installs the
# `chromium` package when /usr/bin/chromium is missing. Prints the browser's path, or nothing when there is none (the
# browser tests then skip, except under CI, where they fail).
set -euo pipefail

if [ -n "${NEWSPRISM_TEST_BROWSER:-}" ]; then
    echo "$NEWSPRISM_TEST_BROWSER"
    exit 0
fi
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ]; then
    echo "installing Chromium for the report's browser tests (Debian's chromium package)" >&2
    apt-get update -qq > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
if [ -x /usr/bin/chromium ]; then
    echo /usr/bin/chromium
fi
