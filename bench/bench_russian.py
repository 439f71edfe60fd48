"""Throughput on Russian text: `casefile ingest` against bare natasha NER on the same documents.

    .venv/bin/python bench/bench_russian.py [--docs 120] [--repeat 3]

Builds ``--docs`` distinct Russian documents from the Russian articles of ``demo/corpus`` (each
variant swaps surnames for invented ones, consistently, shuffles the middle paragraphs and starts
with its own editor's note), then times, each in a fresh subprocess and with start-up included:

(b) bare natasha: segmenter and news NER over every text;
(c) casefile: ``python -m casefile ingest DIR --db FILE`` (language detection, natasha NER and
    morphology, names to the nominative, storage, resolution).

Prints both times and the ratio of throughputs c/b (the fastest of ``--repeat`` runs each).
"""
from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "corpus"
STEMS = ("Абдрахман", "Бекмурат", "Досжан", "Ержан", "Жумабек", "Кайрат", "Мукан", "Нурбол", "Оспан", "Рахим",
         "Сагын", "Тулеген", "Умирзак", "Шакен")
SURNAME = re.compile(r"\b[А-ЯЁ][а-яё]{2,}(?:ов|ев|ин)(?:а|у|ой|ым|е)?\b")
NATASHA = """
import sys
from pathlib import Path
from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
segmenter, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
for path in sorted(Path(sys.argv[1]).iterdir()):
    doc = Doc(path.read_text(encoding="utf-8"))
    doc.segment(segmenter)
    doc.tag_ner(ner)
"""


def russian_sources() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.iterdir()) if "_ru_" in p.name]
    if not texts:
        raise SystemExit(f"no Russian articles (*_ru_*) in {DEMO}")
    return texts


def variant(text: str, index: int) -> str:
    """A distinct variant of ``text``: invented surnames, shuffled middle paragraphs, a note."""
    rng = random.Random(index)
    stems = list(STEMS)
    rng.shuffle(stems)
    mapping: dict[str, str] = {}

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        base = re.sub(r"(?:а|у|ой|ым|е)$", "", word) if not word.endswith(("ов", "ев", "ин")) else word
        new = mapping.setdefault(base, stems[len(mapping) % len(stems)] + "ов")
        return new + word[len(base):]

    paragraphs = [p for p in re.split(r"\n\s*\n", SURNAME.sub(swap, text)) if p.strip()]
    if len(paragraphs) > 3:
        middle = paragraphs[1:-1]
        rng.shuffle(middle)
        paragraphs = [paragraphs[0], *middle, paragraphs[-1]]
    note = f"Примечание редакции: материал номер {index + 1}, день {rng.randint(1, 28)}."
    return note + "\n\n" + "\n\n".join(paragraphs) + "\n"


def timed(cmd: list[str], cwd: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CASEFILE_DB", None)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr[-2000:]}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sources = russian_sources()
    # byte code written once, as an installed package has it: with PYTHONDONTWRITEBYTECODE set
    # every run would compile casefile's modules again, a cost no installed copy pays
    compileall.compile_dir(ROOT / "casefile", quiet=1)
    with tempfile.TemporaryDirectory(prefix="casefile-bench-ru-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        texts = [variant(sources[i % len(sources)], i) for i in range(args.docs)]
        if len(set(texts)) != len(texts):
            raise SystemExit("internal error: the variants are not all distinct")
        for i, text in enumerate(texts):
            (corpus / f"doc_{i:04d}.txt").write_text(text, encoding="utf-8")
        (work / "natasha_only.py").write_text(NATASHA, encoding="utf-8")
        bare, casefile = [], []
        for _ in range(args.repeat):
            bare.append(timed([sys.executable, str(work / "natasha_only.py"), str(corpus)], work))
            for suffix in ("", "-wal", "-shm"):
                Path(f"{work / 'ru.db'}{suffix}").unlink(missing_ok=True)
            casefile.append(timed([sys.executable, "-m", "casefile", "ingest", str(corpus), "--db",
                                   str(work / "ru.db"), "-q"], work))
        b, c = min(bare), min(casefile)
        chars = sum(len(t) for t in texts)
        print(f"{args.docs} Russian documents, {chars} characters; fastest of {args.repeat} runs, start-up included")
        print(f"(b) bare natasha NER    {b:6.2f} s")
        print(f"(c) casefile ingest     {c:6.2f} s")
        print(f"throughput ratio c/b    {b / c:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
