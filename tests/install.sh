#!/usr/bin/env bash
# Install what the tests need: the project with its test extra, and for the
# browser tests of the review sheet Debian's chromium with CJK fonts (without
# the fonts Chinese renders as boxes). Runs as root in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q --disable-pip-version-check -e '.[test]'
if [ ! -x /usr/bin/chromium ] || ! ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk
    else
        echo "tests/install.sh: chromium or the CJK fonts are missing and cannot be installed here (needs root and apt-get);" >&2
        echo "  the browser tests of the review sheet will be skipped." >&2
    fi
fi
