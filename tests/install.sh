#!/usr/bin/env bash
# Install what the tests need: the project with its test extra.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q --disable-pip-version-check -e '.[test]'
