"""Export time and peak memory per format on a synthetic collection of 10,000 documents.

The collection is the demo corpus, ingested once, with every stored row copied under new ids
until there are enough documents (documents, sentences, clusters, mentions, entities, aliases,
facts, evidence and quotes; each copy has its own entities, so the counts grow with the copies).
Ingesting 10,000 documents would take far longer than the exports being measured.

    python bench/bench_export.py [--documents 10000] [--keep DIR]

Each format runs as its own `casefile export` process; its peak resident memory is read from
the operating system when it exits. Targets: under 60 s and 500 MB for every format.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# table -> (columns to copy, columns that hold an id to suffix); mentions and quotes get new row ids
COPIES = {
    "documents": ("id, source, format, title, url, published, language, raw_text, text, tokens, ingested_at",
                  ("id", "source")),
    "sentences": ("document, idx, start, end", ("document",)),
    "clusters": ("id, document, type, name, attributes, entity", ("id", "document", "entity")),
    "mentions": ("document, cluster, sentence, start, end, text, type", ("document", "cluster")),
    "entities": ("id, type, name, attributes, documents, mentions", ("id",)),
    "aliases": ("entity, alias, count", ("entity",)),
    "facts": ("id, type, subject, object, value, date, place", ("id", "subject", "object", "place")),
    "fact_evidence": ("fact, document, start, end, text", ("fact", "document")),
    "quotes": ("document, start, end, text, speaker", ("document", "speaker")),
}
FORMATS = (["jsonl"], ["ftm"], ["gexf"], ["gexf", "--co-mentions"], ["csv"])


def build_collection(db: Path, documents: int) -> None:
    """Ingest the demo corpus into ``db``, then copy its rows until it holds ``documents``."""
    from casefile.config import Config
    from casefile.ingest import ingest_paths
    from casefile.store import Store

    store = Store(db, create=True)
    ingest_paths([str(ROOT / "demo" / "corpus")], store, Config(), progress=False)
    store.close()
    conn = sqlite3.connect(db)
    base = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    copies = -(-documents // base) - 1
    with conn:
        for table, (columns, ids) in COPIES.items():
            values = ", ".join(f"{c} || '-' || k.n" if c in ids else c for c in (x.strip() for x in columns.split(",")))
            conn.execute(f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?) "
                         f"INSERT INTO {table}({columns}) SELECT {values} FROM {table}, k", (copies,))
    conn.execute("VACUUM")
    conn.close()


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "entities", "mentions", "facts", "quotes")}
    finally:
        conn.close()


def run_export(db: Path, args: list[str], out: Path) -> tuple[float, float, int]:
    """Seconds, peak resident MB and output bytes of one `casefile export` process."""
    command = [sys.executable, "-m", "casefile", "export", "--db", str(db), "--format", *args, "-o", str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(args)}: export failed: {process.stderr.read().decode() if process.stderr else ''}")
    size = sum(f.stat().st_size for f in out.rglob("*")) if out.is_dir() else out.stat().st_size
    return seconds, usage.ru_maxrss / 1024, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, default=None, help="build the collection in DIR and keep it")
    parser.add_argument("--build-only", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        build_collection(args.build_only, args.documents)
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="casefile-bench-export-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "synthetic.db"
    if not db.exists():
        started = time.perf_counter()
        # in a process of its own: a child forked from a process that loaded the model would
        # report the model's memory as its own peak
        subprocess.run([sys.executable, __file__, "--documents", str(args.documents), "--build-only", str(db)],
                       check=True)
        print(f"built {db} in {time.perf_counter() - started:.1f} s ({db.stat().st_size / 2**20:.0f} MB)")
    print("collection: " + ", ".join(f"{n:,} {t}" for t, n in counts(db).items()))
    print(f"{'format':<22} {'seconds':>8} {'peak MB':>8} {'output MB':>10}")
    for fmt in FORMATS:
        out = work / ("tables" if fmt[0] == "csv" else f"export.{fmt[0]}")
        seconds, peak, size = run_export(db, fmt, out)
        print(f"{' '.join(fmt):<22} {seconds:>8.1f} {peak:>8.0f} {size / 2**20:>10.1f}")
    if args.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
