"""Ingest against hostile input: long texts, odd file names, link loops, unpacking bombs, a model
failure, two runs at once, signals, moved and deleted files, a damaged database.

Every text and file here is invented for these tests.
"""
from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

import casefile.ingest as ingest_module
import casefile.resolve as resolve_module
from casefile.cli import main
from casefile.config import Config
from casefile.errors import SourceError
from casefile.ingest import ingest_paths
from casefile.nlp import backends
from casefile.sources import MIN_UNPACKED, iter_sources, read_docx, unpacked_limit
from casefile.sources.html import read_html
from casefile.sources.paths import display_path
from casefile.store import Store
from casefile.store.queries import bounded_query
from tests.test_ingest import TXT, check_consistent, check_resolved, generated_docs, resume

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = ["Arman Tolebekov", "Dina Ordabekova", "Erlan Kuanbekov", "Gulnar Besbekova", "Nurlan Zharbekov",
          "Saule Karatbekova", "Timur Sarybekov", "Zarina Temirbekova"]


def paragraph(i: int) -> str:
    person = PEOPLE[i % len(PEOPLE)]
    return (f"In week {i}, police in Tarazburg detained the blogger {person} after a post about the city "
            f"budget. Her lawyer said the detention of {person} was unlawful and would be appealed.")


def many_docs(folder: Path, n: int, paragraphs: int = 8) -> None:
    """n distinct invented articles of a few paragraphs each."""
    for i in range(n):
        text = "\n\n".join(f"Report {i}, part {k}. " + paragraph(i + k) for k in range(paragraphs))
        (folder / f"doc_{i:03d}.txt").write_text(text, encoding="utf-8")


def folder_with(tmp_path: Path, files: dict[str, str]) -> Path:
    """A folder "in" holding these files (name -> text)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_cli(args: list[str], backend, monkeypatch) -> object:
    """The CLI in this process, with the session's English backend (other languages load theirs)."""
    real = ingest_module.load_backend
    monkeypatch.setattr(ingest_module, "load_backend",
                        lambda config: backend if config.ner_backend == "spacy" else real(config))
    return CliRunner().invoke(main, args)


def failed_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("FAILED")]


def stored_sources(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT source FROM documents"))
    finally:
        conn.close()


# -- long texts -------------------------------------------------------------------------------------

def test_chunks_cover_the_text_and_cut_after_blank_lines():
    text = "\n\n".join(f"Paragraph {i} has a few words in it." for i in range(40))
    pieces = backends.chunks(text, 200)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s <= 200 for s, e in pieces) and len(pieces) > 5
    assert all(text[s - 2:s] == "\n\n" for s, _e in pieces[1:])  # each piece starts a paragraph
    flat = "One sentence here. " * 40  # near miss: no line at all, so the cut is after a sentence
    assert all(flat[s - 2:s] == ". " for s, _e in backends.chunks(flat, 200)[1:])
    assert backends.chunks("short", 200) == [(0, 5)]


def test_a_long_text_is_analysed_in_pieces_with_its_offsets(tmp_path, spacy_backend, monkeypatch):
    monkeypatch.setattr(backends, "CHUNK_CHARS", 1500)
    text = "\n\n".join(paragraph(i) for i in range(40))
    assert len(text) > 5 * 1500
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    store = Store(tmp_path / "x.db")
    try:
        report = ingest_paths([str(tmp_path / "long.txt")], store, Config(), backend=spacy_backend)
        assert (report.ingested, report.failed) == (1, [])
        check_consistent(store)  # every mention's offsets slice the whole text
        check_resolved(store)
        last = [m[0] for m in store.conn.execute("SELECT start FROM mentions WHERE type = 'person'")]
        assert max(last) > len(text) - 1500  # names in the last piece are found too
        people = {r[0] for r in store.conn.execute("SELECT name FROM entities WHERE type = 'person'")}
        assert len(people & set(PEOPLE)) >= 6
    finally:
        store.close()


def test_a_text_over_the_length_limit_fails_alone(tmp_path, spacy_backend, monkeypatch):
    folder = folder_with(tmp_path, {"good.txt": TXT, "huge.txt": paragraph(1) * 7500})  # about 1.5 MB
    assert (folder / "huge.txt").stat().st_size > 1_400_000
    db = tmp_path / "x.db"
    result = run_cli(["ingest", str(folder), "--db", str(db), "-q", "--max-chars", "1000000"], spacy_backend,
                     monkeypatch)
    assert result.exit_code == 1 and "Traceback" not in result.output
    [line] = failed_lines(result)
    assert "huge.txt" in line and "over the limit of 1000000" in line
    assert stored_sources(db) == [str(folder / "good.txt")]


def test_a_model_failure_fails_only_that_document(tmp_path, spacy_backend, monkeypatch):
    folder = folder_with(tmp_path, {f"d{i}.txt": paragraph(i) + (" Kaboomword." if i == 2 else "") for i in range(4)})
    parser = spacy_backend.nlp.get_pipe("casefile_sentence_parser")
    real = parser._choose

    def choose(doc):
        if "Kaboomword" in doc.text:
            raise RuntimeError("the model broke")
        return real(doc)

    monkeypatch.setattr(parser, "_choose", choose)
    with closing(Store(tmp_path / "x.db")) as store:
        report = ingest_paths([str(folder)], store, Config(batch_size=16), backend=spacy_backend)
        assert report.ingested == 3
        [(source, reason)] = report.failed
        assert source.endswith("d2.txt") and "analysis failed" in reason and "the model broke" in reason
        check_resolved(store)


# -- languages --------------------------------------------------------------------------------------

def test_a_document_in_a_language_without_a_backend_is_stored_and_searchable(tmp_path, spacy_backend,
                                                                               monkeypatch):
    folder = folder_with(tmp_path, {
        "en.txt": TXT,
        "ru.txt": "Суд Караганды арестовал журналистку Динару Омарову. Адвокат Тимур Садыков обжалует арест.",
        "kk.txt": "Қарағанды соты журналист Динара Омарованы қамауға алды. Адвокат шағым түсіретінін айтты.",
    })
    db = tmp_path / "x.db"
    result = run_cli(["ingest", str(folder), "--db", str(db), "-q"], spacy_backend, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "ingested 3," in result.stdout
    assert "1 document in language 'kk' stored and searchable; no entities extracted" in result.stderr
    with closing(Store(db, create=False)) as store:
        languages = dict(store.conn.execute("SELECT language, count(*) FROM documents GROUP BY language").fetchall())
        assert languages == {"en": 1, "ru": 1, "kk": 1}
        people = {r[0] for r in store.conn.execute("SELECT name FROM entities WHERE type = 'person'")}
        assert "Динара Омарова" in people  # the Russian document's entities
        from casefile.store.queries import search

        assert [hit.document for hit in search(store, "соты")]  # the Kazakh one is found by search
        check_resolved(store)


# -- file names and links ---------------------------------------------------------------------------

def test_file_names_that_are_not_utf8_or_hold_a_line_break(tmp_path, spacy_backend, monkeypatch):
    folder = folder_with(tmp_path, {"good.txt": TXT})
    with open(os.path.join(os.fsencode(folder), b"caf\xe9 notes.txt"), "wb") as fh:
        fh.write(paragraph(3).encode("utf-8"))
    (folder / "two\nlines.txt").write_text(paragraph(4), encoding="utf-8")
    db = tmp_path / "x.db"
    result = run_cli(["ingest", str(folder), "--db", str(db), "-q"], spacy_backend, monkeypatch)
    assert result.exit_code == 0, result.output
    assert stored_sources(db) == sorted([str(folder / "good.txt"), f"{folder}/caf\\xe9 notes.txt",
                                         f"{folder}/two\\nlines.txt"])
    assert display_path(os.fsdecode(b"/x/\xff\n.txt")) == "/x/\\xff\\n.txt"
    assert display_path("/x/plain café.txt") == "/x/plain café.txt"  # near miss: valid UTF-8 stays


def test_link_loops_and_dangling_links_get_a_line_each(tmp_path, spacy_backend, monkeypatch):
    folder = folder_with(tmp_path, {"good.txt": TXT, "other.txt": paragraph(5)})
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    os.symlink("good.txt", folder / "alias.txt")  # near miss: a working link to a file already read
    db = tmp_path / "x.db"
    result = run_cli(["ingest", str(folder), "--db", str(db), "-q"], spacy_backend, monkeypatch)
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = failed_lines(result)
    assert len(lines) == 3 and all("symbolic link" in line for line in lines)
    assert {Path(line.split(":")[0].split()[1]).name for line in lines} == {"loop_a.txt", "loop_b.txt", "dangling.txt"}
    assert stored_sources(db) == [str(folder / "good.txt"), str(folder / "other.txt")]
    assert "unchanged 1" in result.stdout  # the working link is the same file: one document


def test_relative_absolute_and_linked_paths_are_one_document(tmp_path, spacy_backend, monkeypatch):
    (tmp_path / "a.txt").write_text(TXT, encoding="utf-8")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    monkeypatch.chdir(tmp_path)
    store = Store(tmp_path / "x.db")
    try:
        for path in ("a.txt", str(tmp_path / "a.txt"), "link.txt"):
            ingest_paths([path], store, Config(), backend=spacy_backend)
        assert [r[0] for r in store.conn.execute("SELECT source FROM documents")] == [str(tmp_path / "a.txt")]
    finally:
        store.close()


# -- packed and nested files ------------------------------------------------------------------------

def _docx(paragraph_text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(paragraph_text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_that_unpacks_past_the_limit_is_refused_unread():
    bomb = _docx("a" * 3_000_000)
    assert len(bomb) < 60_000
    with pytest.raises(SourceError, match="unpacks to .* over the limit of 2000000 bytes"):
        read_docx("bomb.docx", bomb, limit=2_000_000)
    small = _docx("The clerk Aigul Temirova filed the papers.")  # near miss: well under the limit
    assert "Temirova" in read_docx("small.docx", small, limit=2_000_000).text


def test_the_unpacking_limit_follows_max_bytes(tmp_path):
    (tmp_path / "bomb.docx").write_bytes(_docx("b" * 17_000_000))
    [error] = list(iter_sources([str(tmp_path)], max_bytes=320_000))
    assert isinstance(error, SourceError) and "DOCX unpacks to" in error.reason
    assert unpacked_limit(320_000) == MIN_UNPACKED  # a small limit still lets an ordinary document in
    assert unpacked_limit(10_000_000) == 50_000_000


def test_deep_html_nesting_keeps_every_paragraph():
    deep = "<div>" * 3000 + "<p>The deepest paragraph names Olzhas Baitursyn.</p>" + "</div>" * 3000
    page = f"<html><body><p>The first paragraph.</p>{deep}<p>The closing paragraph.</p></body></html>"
    text = read_html("deep.html", page.encode()).text
    assert "Olzhas Baitursyn" in text and "closing paragraph" in text
    shallow = "<html><body><p>The first paragraph.</p><div><p>One level down.</p></div></body></html>"
    assert "One level down" in read_html("shallow.html", shallow.encode()).text  # near miss


def test_deeply_nested_json_fails_alone(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (tmp_path / "ok.json").write_text(json.dumps({"text": "A short record about a court in Tarazburg."}))
    results = list(iter_sources([str(tmp_path)]))
    assert [type(r).__name__ for r in results] == ["SourceError", "SourceDocument"]
    assert "deep.json" in results[0].path


# -- one writer at a time, a resolution that cannot be stale ----------------------------------------

def test_a_resolution_computed_while_another_run_wrote_is_computed_again(tmp_path, spacy_backend, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    generated_docs(first, 3, sentences=2)
    (second / "late.txt").write_text(paragraph(6), encoding="utf-8")
    store = Store(tmp_path / "x.db")
    other = Store(tmp_path / "x.db")
    real = resolve_module._snapshot
    calls = []

    def snapshot_then_another_run_writes(s):
        result = real(s)
        calls.append(1)
        if len(calls) == 1:  # another process stores a document while this one computes
            ingest_module.ingest_paths([str(second)], other, Config(), backend=spacy_backend)
        return result

    try:
        ingest_paths([str(first)], store, Config(), backend=spacy_backend)
        store.mark_unresolved()
        monkeypatch.setattr(resolve_module, "_snapshot", snapshot_then_another_run_writes)
        resolve_module.resolve_store(store)
        assert len(calls) >= 2  # the first result was stale, so it was thrown away
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
        check_resolved(store)
    finally:
        other.close()
        store.close()


def test_a_rerun_repairs_clusters_left_without_an_entity(tmp_path, spacy_backend):
    generated_docs(tmp_path, 2, sentences=2)
    store = Store(tmp_path / "x.db")
    try:
        ingest_paths([str(tmp_path)], store, Config(), backend=spacy_backend)
        store.conn.execute("UPDATE clusters SET entity = NULL WHERE document = (SELECT min(id) FROM documents)")
        assert store.needs_resolution()  # although the flag says resolved
        report = ingest_paths([str(tmp_path)], store, Config(), backend=spacy_backend)
        assert report.unchanged == 2
        check_resolved(store)
    finally:
        store.close()


def _cli(*args: str, cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CASEFILE_DB", None)
    return subprocess.Popen([sys.executable, "-m", "casefile", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_ingests_at_once_leave_every_cluster_linked(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    generated_docs(first, 6, sentences=3)
    for i in range(6):
        (second / f"other_{i}.txt").write_text(paragraph(i), encoding="utf-8")
    db = tmp_path / "shared.db"
    runs = [_cli("ingest", str(folder), "--db", str(db), "-q", "--processes", "1", cwd=tmp_path)
            for folder in (first, second)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    with closing(Store(db, create=False)) as store:
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 12, outputs
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        check_consistent(store)
        check_resolved(store)


# -- signals ----------------------------------------------------------------------------------------

def _wait_for_documents(db: Path, proc: subprocess.Popen, at_least: int, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
                try:
                    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                finally:
                    conn.close()
                if stored >= at_least:
                    return stored
            except sqlite3.Error:
                pass
        if proc.poll() is not None:
            pytest.fail(f"ingest ended early: {proc.communicate()}")
        time.sleep(0.02)
    pytest.fail("ingest made no progress")


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        out |= {int(c) for c in text}
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its entry waits to be reaped


@pytest.mark.parametrize(("sig", "status", "processes"), [(signal.SIGINT, 130, "1"), (signal.SIGTERM, 143, "2")])
def test_a_signal_stops_after_the_current_document_and_the_next_run_resumes(tmp_path, sig, status, processes,
                                                                             spacy_backend):
    n = 30
    folder = tmp_path / "many"
    folder.mkdir()
    many_docs(folder, n, paragraphs=20)
    (tmp_path / "slow.toml").write_text("[casefile]\nbatch_size = 1\n", encoding="utf-8")
    db = tmp_path / "x.db"
    proc = _cli("ingest", str(folder), "--db", str(db), "-q", "--config", str(tmp_path / "slow.toml"),
                "--processes", processes, cwd=tmp_path)
    _wait_for_documents(db, proc, 1)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == status, err
    assert "interrupted:" in err and "run again to resume" in err and "Traceback" not in err
    with closing(Store(db)) as store:
        resume(store, folder, n, spacy_backend)
        check_resolved(store)


def test_killing_the_parent_leaves_no_worker_behind(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    many_docs(folder, 40, paragraphs=10)
    db = tmp_path / "x.db"
    proc = _cli("ingest", str(folder), "--db", str(db), "-q", "--processes", "2", cwd=tmp_path)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before its workers were seen: {proc.communicate()}")
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


# -- the collection follows the folder --------------------------------------------------------------

def test_moved_deleted_and_removed_files(tmp_path, spacy_backend, monkeypatch):
    folder = folder_with(tmp_path, {f"d{i}.txt": paragraph(i) for i in range(3)})
    db = tmp_path / "x.db"
    assert run_cli(["ingest", str(folder), "--db", str(db), "-q"], spacy_backend, monkeypatch).exit_code == 0
    (folder / "d0.txt").rename(folder / "renamed.txt")
    result = run_cli(["ingest", str(folder), "--db", str(db), "-q"], spacy_backend, monkeypatch)
    assert "moved 1" in result.stdout
    assert stored_sources(db) == [str(folder / f) for f in ("d1.txt", "d2.txt", "renamed.txt")]
    (folder / "d1.txt").unlink()
    result = run_cli(["ingest", str(folder), "--db", str(db), "-q"], spacy_backend, monkeypatch)
    assert len(stored_sources(db)) == 3  # near miss: without --prune a deleted file's document stays
    result = run_cli(["ingest", str(folder), "--db", str(db), "-q", "--prune"], spacy_backend, monkeypatch)
    assert "removed 1" in result.stdout
    assert stored_sources(db) == [str(folder / f) for f in ("d2.txt", "renamed.txt")]
    result = run_cli(["remove", str(folder / "d2.txt"), "--db", str(db)], spacy_backend, monkeypatch)
    assert result.exit_code == 0 and "removed 1 document" in result.stdout
    assert stored_sources(db) == [str(folder / "renamed.txt")]
    result = run_cli(["remove", "nothing-like-it", "--db", str(db)], spacy_backend, monkeypatch)
    assert result.exit_code == 1 and "no stored document" in result.output
    store = Store(db, create=False)
    try:
        check_resolved(store)
    finally:
        store.close()


def test_prune_keeps_a_file_whose_name_is_not_utf8(tmp_path, spacy_backend, monkeypatch):
    folder = folder_with(tmp_path, {"gone.txt": paragraph(1)})
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as fh:
        fh.write(paragraph(2).encode("utf-8"))
    db = tmp_path / "x.db"
    assert run_cli(["ingest", str(folder), "--db", str(db), "-q"], spacy_backend, monkeypatch).exit_code == 0
    (folder / "gone.txt").unlink()
    result = run_cli(["ingest", str(folder), "--db", str(db), "-q", "--prune"], spacy_backend, monkeypatch)
    assert "removed 1" in result.stdout  # the deleted file only
    assert stored_sources(db) == [f"{folder}/caf\\xe9.txt"]


def test_quote_ids_are_stable_across_databases(tmp_path, spacy_backend):
    text = ('The mayor Ruslan Kenzhebek spoke on Monday. "We will rebuild the bridge by spring," '
            'Kenzhebek said.\n')
    (tmp_path / "q.txt").write_text(text, encoding="utf-8")
    ids = []
    for name in ("one.db", "two.db"):
        store = Store(tmp_path / name)
        try:
            ingest_paths([str(tmp_path / "q.txt")], store, Config(), backend=spacy_backend)
            from casefile.store.fact_queries import quotes

            ids.append([q.id for q in quotes(store)])
        finally:
            store.close()
    assert ids[0] and ids[0] == ids[1]


# -- smaller fixes ----------------------------------------------------------------------------------

def test_a_damaged_database_is_refused_before_anything_is_written(tmp_path, spacy_backend, monkeypatch):
    generated_docs(tmp_path, 8, sentences=10)
    db = tmp_path / "x.db"
    assert run_cli(["ingest", str(tmp_path), "--db", str(db), "-q"], spacy_backend, monkeypatch).exit_code == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    assert pages > 6
    data = bytearray(db.read_bytes())
    page = 4096 * (pages // 2)
    data[page:page + 4096] = b"\x5a" * 4096
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    (tmp_path / "new.txt").write_text(TXT, encoding="utf-8")
    result = run_cli(["ingest", str(tmp_path / "new.txt"), "--db", str(db), "-q"], spacy_backend, monkeypatch)
    assert result.exit_code == 1 and "damaged database" in result.output
    assert db.read_bytes() == before


def test_read_commands_open_the_database_read_only(tmp_path):
    db = tmp_path / "x.db"
    Store(db).close()
    reader = Store(db, create=False, readonly=True)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.conn.execute("UPDATE meta SET value = 'x' WHERE key = 'resolved'")
    finally:
        reader.close()
    writer = Store(db, create=False)  # near miss: a writer may
    try:
        writer.conn.execute("UPDATE meta SET value = '1' WHERE key = 'resolved'")
    finally:
        writer.close()


def test_a_very_long_search_query_is_cut(demo_store):
    query = " OR ".join(f"word{i}" for i in range(5000))
    assert len(bounded_query(query).split()) == 64
    assert bounded_query("court ruling") == "court ruling"  # near miss: a normal query is untouched
    result = CliRunner().invoke(main, ["search", query, "--db", str(demo_store)])
    assert result.exit_code == 0, result.output


def test_a_closed_pipe_ends_a_command_quietly(demo_store, tmp_path):
    proc = _cli("entities", "--limit", "0", "--db", str(demo_store), cwd=tmp_path)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert err == "" and proc.returncode in (0, 1, 141), err
