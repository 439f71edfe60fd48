"""Server time of the web app's pages on a synthetic collection of 10,000 documents.

The collection is bench_export.py's (the demo corpus's stored rows copied under new ids). Each
page is requested in-process through Starlette's TestClient (no network), after one warm-up
request each, and the time from request to full response is measured.

    python bench/bench_web.py [--documents 10000] [--requests 60] [--keep DIR]

Target: p95 under 100 ms for the overview, search, entity and document pages.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_export import build_collection, counts  # noqa: E402 - after the path set-up

TARGET_MS = 100.0


def sample_urls(db: Path, n: int, seed: int = 7) -> dict[str, list[str]]:
    """URLs for each page kind: the best documented entities and random ones, random documents,
    names and words to search for."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    try:
        top = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY documents DESC LIMIT ?", (n // 2,))]
        some = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY random() LIMIT ?", (n - len(top),))]
        docs = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY random() LIMIT ?", (n,))]
        names = [r[0] for r in conn.execute(
            "SELECT name FROM entities WHERE type = 'person' ORDER BY documents DESC LIMIT ?", (n,))]
    finally:
        conn.close()
    words = ["court", "detained", "journalist", "prison sentence", "police", "\"unbalanced", "Article AND OR"]
    queries = [rng.choice(names) if i % 2 else rng.choice(words) for i in range(n)]
    return {
        "overview": ["/"] * n,
        "search": [f"/search?q={q}" for q in queries],
        "entity": [f"/entity/{e}" for e in top + some],
        "document": [f"/document/{d}" for d in docs],
    }


def measure(db: Path, urls: dict[str, list[str]]) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Milliseconds per request per page kind, and each kind's slowest path; every answer must be 200."""
    from starlette.testclient import TestClient

    from casefile.web import create_app

    client = TestClient(create_app(str(db), read_only=True))
    times: dict[str, list[float]] = {}
    slowest: dict[str, str] = {}
    for kind, paths in urls.items():
        client.get(paths[0])  # warm-up: templates compiled, name index built
        times[kind] = []
        for path in paths:
            started = time.perf_counter()
            response = client.get(path)
            times[kind].append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path}: status {response.status_code}")
            if times[kind][-1] == max(times[kind]):
                slowest[kind] = path
    return times, slowest


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=60, help="requests per page kind")
    parser.add_argument("--keep", type=Path, help="build the collection here and keep it (reused when present)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="casefile-bench-web-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"bench-{args.documents}.db"
    try:
        if not db.exists():
            started = time.perf_counter()
            build_collection(db, args.documents)
            print(f"built {db.name} in {time.perf_counter() - started:.0f} s")
        print("collection:", ", ".join(f"{n:,} {t}" for t, n in counts(db).items()))
        started = time.perf_counter()
        times, slowest = measure(db, sample_urls(db, args.requests))
        print(f"{sum(len(v) for v in times.values())} requests in {time.perf_counter() - started:.1f} s\n")
        print(f"| page | p50 ms | p95 ms | max ms | p95 < {TARGET_MS:.0f} ms |")
        print("| --- | ---: | ---: | ---: | --- |")
        for kind, values in times.items():
            p95 = percentile(values, 0.95)
            print(f"| {kind} | {statistics.median(values):.1f} | {p95:.1f} | {max(values):.1f} | "
                  f"{'yes' if p95 < TARGET_MS else 'NO'} |")
        print("\nslowest:", "; ".join(f"{kind} {path}" for kind, path in slowest.items()))
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
