"""Fuzz the readers at scale: random bytes, and truncated or mutated valid TXT, MD, HTML, JSON,
JSON Lines, PDF and DOCX files, must never raise anything but casefile's SourceError.

Runs the property of ``tests/test_sources_fuzz.py`` over many more cases than the test suite does
(default 10,000) and prints how many ran, per format, and how many were refused as unreadable.

    .venv/bin/python bench/fuzz_readers.py [--cases N]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from casefile.errors import SourceError  # noqa: E402
from tests.test_sources_fuzz import LIMIT, cases  # noqa: E402
from casefile.sources import _PACKED, _READERS  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="how many files to try (default 10000)")
    args = parser.parse_args()
    ran: Counter[str] = Counter()
    refused: Counter[str] = Counter()

    @settings(max_examples=args.cases, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(cases)
    def check(case: tuple[str, bytes]) -> None:
        suffix, data = case
        ran[suffix] += 1
        reader = _READERS[suffix]
        try:
            reader("fuzz" + suffix, data, limit=LIMIT) if suffix in _PACKED else reader("fuzz" + suffix, data)  # type: ignore[call-arg]
        except SourceError:
            refused[suffix] += 1

    started = time.perf_counter()
    check()
    seconds = time.perf_counter() - started
    total = sum(ran.values())
    print(f"{total} cases in {seconds:.0f} s, no exception but SourceError")
    for suffix in sorted(ran):
        print(f"  {suffix:7} {ran[suffix]:6} cases, {refused[suffix]:6} refused as unreadable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
