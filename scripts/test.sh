#!/usr/bin/env bash
# Set up, then run the whole test suite (the dev-kit test runs when ../shared/corpus exists).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest -q "$@"
