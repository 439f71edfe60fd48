#!/usr/bin/env bash
# Set up, ingest the bundled demo corpus into demo.db and show what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
rm -f demo.db demo.db-wal demo.db-shm
.venv/bin/casefile ingest demo/corpus --db demo.db
.venv/bin/casefile stats --db demo.db
