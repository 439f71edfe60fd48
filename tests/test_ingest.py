"""Tests of casefile.ingest with the real NER backend: bad files, re-ingest, edits, interrupted runs.

All texts are invented for these tests.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import casefile.ingest as ingest_module
from casefile.cli import main
from casefile.config import Config
from casefile.ingest import document_id, ingest_paths
from casefile.store import Store

ROOT = Path(__file__).resolve().parents[1]

TXT = """Court Fines Blogger Over Video in Tarazburg

TARAZBURG, 3 May 2024. A district court in Tarazburg fined the blogger Timur Baizhanov for a video
about the city water utility. His lawyer, Aigerim Balkenova, said the fine would be appealed.

The Steppe Rights Bureau called the case a warning to other bloggers. Baizhanov said he would keep filming.
"""

MD = """# Activist Questioned in Ordaville

Police in Ordaville questioned the activist Bakyt Serikbolov on Monday about a street protest.

Serikbolov told reporters that officers had taken his phone. The Steppe Rights Bureau asked for its return.
"""

HTML = """<!doctype html><html><head><title>Reporter summoned in Ordaville</title>
<meta property="article:published_time" content="2024-05-07T10:00:00Z"></head>
<body><article><h1>Reporter summoned in Ordaville</h1>
<p>Investigators in Ordaville summoned the reporter Dina Orazalina for questioning on Tuesday about her
articles on the regional hospital. Orazalina said she had been told she was only a witness.</p>
<p>Her editor, Marat Tolegenov, said the newsroom would continue its reporting on the hospital.</p>
</article></body></html>
"""

JSON_RECORD = {
    "title": "Blogger released in Tarazburg",
    "published": "2024-05-09",
    "text": "A court in Tarazburg released the blogger Arman Oskenbayev from house arrest on Thursday. "
            "Oskenbayev thanked his supporters outside the court building.",
}


def write_good(folder: Path) -> None:
    (folder / "a_fine.txt").write_text(TXT, encoding="utf-8")
    (folder / "b_questioned.md").write_text(MD, encoding="utf-8")
    (folder / "c_summoned.html").write_text(HTML, encoding="utf-8")
    (folder / "d_released.json").write_text(json.dumps(JSON_RECORD), encoding="utf-8")


BAD = {
    "junk.txt": bytes(range(256)) * 8,
    "empty.txt": b"",
    "latin1.txt": "Caf\u00e9 in Tarazburg, na\u00efve reporters, r\u00e9sum\u00e9s.".encode("latin-1"),
    "broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage \x00\xff endobj\n",
    "broken.docx": b"PK\x03\x04 this is not really a zip archive",
    "broken.json": b'{"title": "x", "text": ',
    "huge.txt": ("The blogger Timur Baizhanov spoke in Tarazburg. " * 200).encode("utf-8"),
}
MAX_BYTES = 4000


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_good(folder)
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    assert all(len(data) <= MAX_BYTES for name, data in BAD.items() if name != "huge.txt")
    assert len(BAD["huge.txt"]) > MAX_BYTES
    return folder


def counts(store: Store) -> dict[str, int]:
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "sentences", "clusters", "mentions", "entities", "aliases")}


def check_consistent(store: Store) -> None:
    """Every document complete; no orphan rows; offsets slice the text; entities own every mention."""
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for doc in store.conn.execute("SELECT id, text FROM documents").fetchall():
        n_sent = store.conn.execute("SELECT count(*) FROM sentences WHERE document = ?", (doc["id"],)).fetchone()[0]
        assert n_sent > 0, doc["id"]
        mentions = store.conn.execute("SELECT start, end, text FROM mentions WHERE document = ?",
                                      (doc["id"],)).fetchall()
        assert mentions, doc["id"]
        for m in mentions:
            assert doc["text"][m["start"]:m["end"]] == m["text"]
    orphans = store.conn.execute("SELECT count(*) FROM mentions WHERE cluster NOT IN (SELECT id FROM clusters) "
                                 "OR document NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0


def check_resolved(store: Store) -> None:
    assert not store.needs_resolution()
    unresolved = store.conn.execute(
        "SELECT count(*) FROM clusters WHERE entity IS NULL OR entity NOT IN (SELECT id FROM entities)").fetchone()[0]
    assert unresolved == 0
    total = store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    assert store.conn.execute("SELECT coalesce(sum(mentions), 0) FROM entities").fetchone()[0] == total


# -- good and bad files -----------------------------------------------------------------------------

def test_bad_files_are_reported_and_good_ones_ingested(corpus, tmp_path, spacy_backend):
    store = Store(tmp_path / "case.db")
    report = ingest_paths([str(corpus)], store, Config(max_bytes=MAX_BYTES), backend=spacy_backend)
    assert report.ingested == 4
    failed = dict(report.failed)
    assert set(failed) == {str(corpus / name) for name in BAD}, report.failed
    reasons = {Path(path).name: reason for path, reason in failed.items()}
    assert "binary" in reasons["junk.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "PDF" in reasons["broken.pdf"]
    assert "docx" in reasons["broken.docx"].lower() or "zip" in reasons["broken.docx"].lower()
    assert "JSON" in reasons["broken.json"]
    assert str(MAX_BYTES) in reasons["huge.txt"]
    assert all(reason.strip() for reason in reasons.values())

    sources = {r[0] for r in store.conn.execute("SELECT source FROM documents")}
    assert sources == {str(corpus / "a_fine.txt"), str(corpus / "b_questioned.md"),
                       str(corpus / "c_summoned.html"), str(corpus / "d_released.json") + "#0"}
    formats = {Path(r[0]).suffix.split("#")[0]: r[1] for r in store.conn.execute("SELECT source, format FROM documents")}
    assert formats == {".txt": "text", ".md": "markdown", ".html": "html", ".json": "json"}
    check_consistent(store)
    check_resolved(store)
    persons = {r[0] for r in store.conn.execute("SELECT name FROM entities WHERE type = 'person'")}
    assert {"Timur Baizhanov", "Bakyt Serikbolov", "Dina Orazalina", "Arman Oskenbayev"} <= persons
    assert report.entities == counts(store)["entities"]
    assert report.tokens == store.conn.execute("SELECT sum(tokens) FROM documents").fetchone()[0]
    store.close()


def test_reingest_unchanged_then_edit_one_file(corpus, tmp_path, spacy_backend):
    config = Config(max_bytes=MAX_BYTES)
    store = Store(tmp_path / "case.db")
    ingest_paths([str(corpus)], store, config, backend=spacy_backend)
    before = counts(store)
    ids_before = {r[0]: r[1] for r in store.conn.execute("SELECT source, id FROM documents")}

    again = ingest_paths([str(corpus)], store, config, backend=spacy_backend)
    assert (again.ingested, again.unchanged, len(again.failed)) == (0, 4, len(BAD))
    assert counts(store) == before
    assert {r[0]: r[1] for r in store.conn.execute("SELECT source, id FROM documents")} == ids_before
    check_resolved(store)

    md = corpus / "b_questioned.md"
    md.write_text(MD + "\nLater, lawyer Saule Dzhaksybekova joined Serikbolov at the police station.\n",
                  encoding="utf-8")
    edited = ingest_paths([str(corpus)], store, config, backend=spacy_backend)
    assert (edited.ingested, edited.unchanged) == (1, 3)
    ids_after = {r[0]: r[1] for r in store.conn.execute("SELECT source, id FROM documents")}
    assert set(ids_after) == set(ids_before)
    old_id, new_id = ids_before[str(md)], ids_after[str(md)]
    assert old_id != new_id
    assert {k: v for k, v in ids_after.items() if k != str(md)} == {k: v for k, v in ids_before.items() if k != str(md)}
    for table in ("sentences", "clusters", "mentions"):
        assert store.conn.execute(f"SELECT count(*) FROM {table} WHERE document = ?", (old_id,)).fetchone()[0] == 0
        assert store.conn.execute(f"SELECT count(*) FROM {table} WHERE document = ?", (new_id,)).fetchone()[0] > 0
    new_text = store.conn.execute("SELECT text FROM documents WHERE id = ?", (new_id,)).fetchone()[0]
    assert "Dzhaksybekova" in new_text and document_id(store.conn.execute(
        "SELECT raw_text FROM documents WHERE id = ?", (new_id,)).fetchone()[0]) == new_id
    check_consistent(store)
    check_resolved(store)
    assert "Saule Dzhaksybekova" in {r[0] for r in store.conn.execute("SELECT name FROM entities")}
    store.close()


# -- interrupted runs -------------------------------------------------------------------------------

GIVEN = ["Arman", "Bakyt", "Dina", "Erlan", "Gulnar", "Nurlan", "Saule", "Timur", "Zarina", "Askhat"]
ROOTS = ["Tole", "Orda", "Kuan", "Bes", "Zhar", "Karat", "Sary", "Temir", "Alma", "Mukh", "Seit", "Dos",
         "Ulan", "Tas", "Kok", "Ak", "Bal", "Kyzyl", "Sai", "Ot"]
PLACES = ["Tarazburg", "Ordaville", "Kenstep", "Aralgrad"]


def generated_docs(folder: Path, n: int = 20, sentences: int = 40) -> None:
    """n distinct invented articles, long enough that NER takes a noticeable moment per document."""
    for i in range(n):
        name = f"{GIVEN[i % len(GIVEN)]} {ROOTS[i]}bekov"
        lawyer = f"{GIVEN[(i + 3) % len(GIVEN)]} {ROOTS[(i + 7) % n]}tayeva"
        place = PLACES[i % len(PLACES)]
        lines = [f"Case {i}: Blogger Questioned in {place}", ""]
        for s in range(sentences):
            lines.append(f"On day {s} of case {i}, investigators in {place} questioned the blogger {name} "
                         f"about video number {s * 7 + i}, and his lawyer {lawyer} asked the court to "
                         f"return the seized laptop and phone to her client.")
        (folder / f"doc_{i:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _stored_documents(db: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _interrupt_subprocess(folder: Path, db: Path, n: int) -> bool:
    """Run the CLI and SIGKILL it once some but not all documents are stored; False if it was too fast."""
    config = folder.parent / "slow.toml"
    config.write_text("[casefile]\nbatch_size = 1\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CASEFILE_DB", None)
    proc = subprocess.Popen([sys.executable, "-m", "casefile", "ingest", str(folder), "--db", str(db),
                             "--config", str(config), "-q"],
                            cwd=folder.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            stored = _stored_documents(db) if db.exists() else None
            if stored is not None and 1 <= stored < n:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return True
            if proc.poll() is not None:
                return False
            time.sleep(0.005)
        raise AssertionError("ingest subprocess did not make progress")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _interrupt_in_process(folder: Path, db: Path, backend, monkeypatch, after: int) -> None:
    """Fallback: the backend raises KeyboardInterrupt after ``after`` documents."""
    real = backend.analyse_with

    def analyse_with(items, finish):
        for i, result in enumerate(real(items, finish)):
            if i == after:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(backend, "analyse_with", analyse_with)
    store = Store(db)
    try:
        with pytest.raises(KeyboardInterrupt):
            ingest_paths([str(folder)], store, Config(batch_size=1), backend=backend)
    finally:
        store.close()
        monkeypatch.undo()


def resume(store: Store, folder: Path, n: int, backend) -> int:
    """Check a store an interrupted run left with some of the ``n`` documents of ``folder``, then
    let a run finish it; returns how many documents the interrupted run had stored."""
    check_consistent(store)
    stored = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 1 <= stored < n
    report = ingest_paths([str(folder)], store, Config(), backend=backend)
    assert (report.unchanged, report.ingested, report.failed) == (stored, n - stored, [])
    return stored


def test_resume_after_interruption(tmp_path, spacy_backend, monkeypatch):
    n = 20
    folder = tmp_path / "many"
    folder.mkdir()
    generated_docs(folder, n)
    db = tmp_path / "resume.db"
    if not _interrupt_subprocess(folder, db, n):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        _interrupt_in_process(folder, db, spacy_backend, monkeypatch, after=n // 2)

    store = Store(db)
    try:
        resume(store, folder, n, spacy_backend)
        sources = [r[0] for r in store.conn.execute("SELECT source FROM documents")]
        assert sorted(sources) == sorted(str(folder / f"doc_{i:02d}.txt") for i in range(n))
        check_consistent(store)
        check_resolved(store)
        people = {r[0] for r in store.conn.execute("SELECT name FROM entities WHERE type = 'person'")}
        expected = {f"{GIVEN[i % len(GIVEN)]} {ROOTS[i]}bekov" for i in range(n)}
        assert len(expected & people) >= n // 2  # the small model misses some invented names
    finally:
        store.close()


# -- the CLI ----------------------------------------------------------------------------------------

def test_cli_ingest_with_a_bad_file(tmp_path, spacy_backend, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CASEFILE_DB", raising=False)
    monkeypatch.setattr(ingest_module, "load_backend", lambda config: spacy_backend)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TXT, encoding="utf-8")
    (folder / "bad.pdf").write_bytes(BAD["broken.pdf"])
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 1, result.output
    assert "ingested 1, unchanged 0, failed 1" in result.stdout
    failed_lines = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed_lines) == 1 and str(folder / "bad.pdf") in failed_lines[0]
    assert "PDF" in failed_lines[0]
    store = Store(db, create=False)
    try:
        assert [r[0] for r in store.conn.execute("SELECT source FROM documents")] == [str(folder / "good.txt")]
        check_resolved(store)
    finally:
        store.close()


def test_keyboard_interrupt_in_process_leaves_a_resumable_store(tmp_path, spacy_backend, monkeypatch):
    n = 6
    folder = tmp_path / "few"
    folder.mkdir()
    generated_docs(folder, n, sentences=3)
    db = tmp_path / "kb.db"
    _interrupt_in_process(folder, db, spacy_backend, monkeypatch, after=3)
    store = Store(db)
    try:
        check_consistent(store)
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
        report = ingest_paths([str(folder)], store, Config(), backend=spacy_backend)
        assert (report.unchanged, report.ingested) == (3, n - 3)
        check_consistent(store)
        check_resolved(store)
    finally:
        store.close()


def test_an_extraction_error_fails_only_that_document(tmp_path, spacy_backend, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    write_good(folder)
    real = ingest_module.extract_document

    def flaky(text, *args, **kwargs):
        if "Ordaville questioned" in text:
            raise ValueError("a bug in one rule")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "extract_document", flaky)
    store = Store(str(tmp_path / "x.db"))
    report = ingest_paths([str(folder)], store, Config(), backend=spacy_backend)
    assert report.ingested == 3
    [(source, reason)] = report.failed
    assert source.endswith("b_questioned.md") and reason == "extraction failed: ValueError: a bug in one rule"
    assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    store.close()


def test_warm_caches_builds_before_the_fork_what_every_worker_reads():
    """Run in a fresh interpreter: what warm_caches loads is then loaded by it, not by a test before."""
    script = ("import sys\nfrom casefile.extract import warm_caches\nwarm_caches()\n"
              "import casefile.extract.dates as d, casefile.nlp.territories as t\n"
              "print('dateparser.date' in sys.modules, d._parser.cache_info().currsize, "
              "t._territory_index.cache_info().currsize)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "1", "1"]


def test_a_russian_backend_for_workers_has_its_tables_built_before_the_fork():
    """Run in a fresh interpreter: the Russian dictionary, the justice verbs and the speech verbs are
    built by the warm-up extraction of a backend loaded for two workers, not in each worker."""
    script = ("from casefile.config import Config\nfrom casefile.ingest import OTHER_LANGUAGES, _backend_for\n"
              "import casefile.nlp.russian as r, casefile.nlp.russian_names as n, casefile.extract.russian_quotes as q\n"
              "before = (r.trigger_stems.cache_info().currsize, n.morph_analyzer.cache_info().currsize, "
              "q.speech_verbs.cache_info().currsize)\n"
              "_backend_for(Config(ner_backend='natasha', n_process=2), 100, OTHER_LANGUAGES['ru'])\n"
              "print(*before, r.trigger_stems.cache_info().currsize, n.morph_analyzer.cache_info().currsize, "
              "q.speech_verbs.cache_info().currsize)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0", "1", "1", "1"]
