"""Crash test: kill `casefile ingest` at random moments, then check that the database is intact
and that, once a run is let finish, its export equals the export of a clean, uninterrupted run.

    .venv/bin/python bench/crash_test.py [--kills 20] [--docs 30] [--seed 1]

Rounds go in pairs on one database: an ingest into an empty database is stopped after a random
delay, then a second ingest (resuming) is stopped too, then a run is let finish and its JSON-lines
export must be byte-identical to the clean one. Each ingest uses one or two worker processes and
is stopped with SIGKILL, SIGTERM or SIGINT, all chosen at random. After every stop:
`PRAGMA integrity_check` is ok, `foreign_key_check` is empty, every mention slices its document's
text, every stored document is complete, and stderr holds no traceback. Exit status 0 when every
check held.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_ingest import DEMO_CORPUS, SHARED_CORPUS, build_corpus  # noqa: E402

SIGNALS = (signal.SIGKILL, signal.SIGTERM, signal.SIGINT)


def casefile(*args: str, cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CASEFILE_DB", None)
    return subprocess.Popen([sys.executable, "-m", "casefile", *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finish(*args: str, cwd: Path) -> None:
    proc = casefile(*args, cwd=cwd)
    _out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"casefile {' '.join(args)} failed ({proc.returncode}): {err}")


def problems(db: Path) -> list[str]:
    """What is wrong with the database (empty when it is consistent)."""
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    try:
        found = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        found += [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:
            return found
        for doc_id, text in conn.execute("SELECT id, text FROM documents"):
            if not conn.execute("SELECT count(*) FROM sentences WHERE document = ?", (doc_id,)).fetchone()[0]:
                found.append(f"{doc_id}: no sentences (half-written)")
            for start, end, surface in conn.execute("SELECT start, end, text FROM mentions WHERE document = ?",
                                                    (doc_id,)):
                if text[start:end] != surface:
                    found.append(f"{doc_id}: mention {start}-{end} does not slice the text")
        return found
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="how many runs to kill (default 20)")
    parser.add_argument("--docs", type=int, default=60, help="documents in the folder (default 60)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="casefile-crash-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        build_corpus(args.docs, corpus, [DEMO_CORPUS, SHARED_CORPUS])
        started = time.perf_counter()
        finish("ingest", str(corpus), "--db", str(work / "clean.db"), "-q", "--processes", "1", cwd=work)
        clean_seconds = time.perf_counter() - started
        finish("export", "--db", str(work / "clean.db"), "-o", str(work / "clean.jsonl"), cwd=work)
        db = work / "crash.db"
        failures = differing = 0
        for round_ in range(1, args.kills + 1):
            if round_ % 2 == 1:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
            processes = rng.choice(["1", "2"])
            sig = rng.choice(SIGNALS)
            delay = rng.uniform(0.3, clean_seconds * 0.9)  # mostly while documents are being written
            proc = casefile("ingest", str(corpus), "--db", str(db), "-q", "--processes", processes, cwd=work)
            time.sleep(delay)
            ended_before = proc.poll() is not None
            proc.send_signal(sig)
            _out, err = proc.communicate()
            stored = _stored(db)
            found = problems(db)
            if "Traceback" in err:
                found.append("traceback on stderr: " + err.strip().splitlines()[-1])
            failures += bool(found)
            state = "finished first" if ended_before else f"status {proc.returncode}"
            line = (f"round {round_:2}: {signal.Signals(sig).name:7} after {delay:4.1f} s, {processes} process(es), "
                    f"{state}, {stored:3} documents stored: {'ok' if not found else '; '.join(found[:3])}")
            if round_ % 2 == 0 or round_ == args.kills:
                finish("ingest", str(corpus), "--db", str(db), "-q", cwd=work)
                finish("export", "--db", str(db), "-o", str(work / "resumed.jsonl"), cwd=work)
                same = (work / "clean.jsonl").read_bytes() == (work / "resumed.jsonl").read_bytes()
                differing += not same
                line += f"; resumed export {'equals' if same else 'DIFFERS FROM'} the clean one"
            print(line, flush=True)
        print(f"clean run {clean_seconds:.1f} s; {args.kills} stops: {failures} with problems, "
              f"{differing} resumed export(s) different from the clean one")
        return 0 if not failures and not differing else 1


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


if __name__ == "__main__":
    sys.exit(main())
