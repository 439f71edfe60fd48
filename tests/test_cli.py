"""Tests of the casefile CLI through click's CliRunner, on the hand-built two-document store.

``ingest`` is tested with a stand-in for ``casefile.ingest.ingest_paths`` (plus one real run when
the pipeline is importable); ``merge``/``split`` use the real ``casefile.resolve.resolve_store``
when it exists and a small stand-in that applies judgements otherwise.
"""
from __future__ import annotations

import importlib
import json
import sqlite3
import sys
import types
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from casefile import cli_render
from casefile.cli import main
from casefile.store.db import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_fact_queries import LAW_174, build_facts_store  # noqa: E402
from test_queries import (DOCS, build_store, document_record,  # noqa: E402
                          resolution_records)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no stray casefile.toml / casefile.db from the working directory
    monkeypatch.delenv("CASEFILE_DB", raising=False)
    path = tmp_path / "case.db"
    build_store(path).close()
    return str(path)


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    return lines[0]


# -- entities --------------------------------------------------------------------------------------

def test_entities_table(db):
    result = run("entities", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("John Smith") < out.index("Acme Corporation") < out.index("Paris Summit")
    assert "Zoë Müller" in out and "e-john" in out


def test_entities_json_type_limit(db):
    result = run("entities", "--db", db, "--type", "person", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [e["id"] for e in data] == ["e-john", "e-zoe"]
    assert data[0] == {"id": "e-john", "type": "person", "name": "John Smith", "documents": 2, "mentions": 3,
                       "aliases": ["Smith"]}
    assert len(json.loads(run("entities", "--db", db, "--limit", "2", "--json").stdout)) == 2
    assert len(json.loads(run("entities", "--db", db, "--limit", "0", "--json").stdout)) == 6


def test_entities_bad_type(db):
    result = run("entities", "--db", db, "--type", "animal")
    assert result.exit_code == 2 and "animal" in result.output


def test_db_from_environment(db):
    result = run("entities", "--json", env={"CASEFILE_DB": db})
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 6


# -- show ------------------------------------------------------------------------------------------

def test_show_plain_highlights_with_brackets(db):
    result = run("show", "john smith", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "person" in out and "Smith" in out and "news/acme.txt" in out and "Acme probe widens" in out
    assert "[[John Smith]] met officials of Acme Corporation in Paris." in out
    assert "[[Smith]] denied wrongdoing." in out
    assert "Müller said [[John Smith]] had left Paris." in out
    assert "Paris" in out.split("named in the same sentences")[1]


def test_show_highlights_every_mention_in_a_sentence(db):
    result = run("show", "Zoë Müller", "--db", db)
    assert "[[Zoë Müller]] joined Acme Corp last week." in result.output
    assert "Acme Holdings declined to comment on [[Müller]]." in result.output


def test_show_json(db):
    result = run("show", "e-acme", "--db", db, "--json")
    data = json.loads(result.stdout)
    assert data["entity"]["name"] == "Acme Corporation" and data["entity"]["aliases"] == ["Acme Corp"]
    assert [d["id"] for d in data["documents"]] == ["d1", "d2"]
    for m in data["mentions"]:
        s = m["start"] - m["sentence_start"]
        assert m["sentence_text"][s:s + len(m["text"])] == m["text"]
    assert {c["id"] for c in data["co_mentions"]} >= {"e-john", "e-paris", "e-zoe"}


def test_show_type_option(db):
    result = run("show", "Pari", "--type", "event", "--db", db, "--json")
    assert json.loads(result.stdout)["entity"]["id"] == "e-summit"


def test_show_not_found(db):
    result = run("show", "Jon Smyth", "--db", db)
    assert result.exit_code == 1
    line = error_line(result)
    assert "Jon Smyth" in line and "John Smith" in line


def test_show_ambiguous(db):
    result = run("show", "Pari", "--db", db)
    assert result.exit_code == 1
    line = error_line(result)
    assert "ambiguous" in line and "e-paris" in line and "e-summit" in line


def test_highlight_on_terminal_uses_style():
    text = cli_render.highlight_sentence("Smith met Smith.", 100, [(100, 105), (110, 115)], terminal=True)
    assert text.plain == "Smith met Smith."
    assert [(s.start, s.end, str(s.style)) for s in text.spans] == [(0, 5, "bold reverse"), (10, 15, "bold reverse")]
    plain = cli_render.highlight_sentence("Smith met\nSmith.", 100, [(110, 115), (100, 105)], terminal=False)
    assert plain.plain == "[[Smith]] met [[Smith]]."


# -- search ----------------------------------------------------------------------------------------

def test_search(db):
    result = run("search", "wrongdoing", "--db", db)
    assert result.exit_code == 0
    assert "[wrongdoing]" in result.output and "news/acme.txt" in result.output


def test_search_json_limit(db):
    data = json.loads(run("search", "acme", "--db", db, "--json", "--limit", "1").stdout)
    assert len(data) == 1 and set(data[0]) == {"document", "source", "title", "published", "snippet", "score"}


@pytest.mark.parametrize("query", ['"unbalanced', '"Acme Corp', "Acme AND", "(", "foo:bar"])
def test_search_fts_syntax_is_forgiven(db, query):
    result = run("search", query, "--db", db)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_search_no_match_and_empty(db):
    assert "no matches" in run("search", "zzzzzz", "--db", db).output
    result = run("search", " ", "--db", db)
    assert result.exit_code == 1 and "empty search query" in error_line(result)


# -- stats -------------------------------------------------------------------------------------------

def test_stats(db):
    result = run("stats", "--db", db)
    assert result.exit_code == 0 and "documents" in result.output and "person" in result.output
    data = json.loads(run("stats", "--db", db, "--json").stdout)
    assert data["documents"] == 2 and data["mentions"] == 12 and data["entities"]["person"] == 2
    assert data["languages"] == {"de": 1, "en": 1} and data["judgements"] == 0
    assert data["facts"] == 0 and data["quotes"] == 0


# -- facts: case, timeline, laws, quotes, show -------------------------------------------------------------

@pytest.fixture
def fdb(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CASEFILE_DB", raising=False)
    path = tmp_path / "facts.db"
    build_facts_store(path).close()
    return str(path)


def test_case_table(fdb):
    result = run("case", "Dana Orlova", "--db", fdb)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "legal record (9 steps)" in out
    assert out.index("interrogation") < out.index("detention") < out.index("conviction") < out.index("release")
    assert "2021-03-05" in out and "three years in prison" in out
    assert "Police detained" in out and "Orlova freed:" in out  # source sentences with their titles
    assert "co-defendants: Ilya Korm" in out and "Timur Beskov" in out.split("co-defendants:")[-1]


def test_case_json(fdb):
    data = json.loads(run("case", "Orlova", "--db", fdb, "--json").stdout)
    assert data["person"]["name"] == "Dana Orlova"
    assert [s["fact"]["type"] for s in data["steps"]][:3] == ["interrogation", "detention", "charge"]
    charge = data["steps"][2]
    assert [c["name"] for c in charge["co_defendants"]] == ["Timur Beskov"]
    assert len(charge["fact"]["evidence"]) == 2  # one fact stated in two documents
    assert set(charge["fact"]["evidence"][0]) == {"document", "title", "start", "end", "text"}
    assert [c["name"] for c in data["co_defendants"]] == ["Ilya Korm", "Ruslan Tegin", "Timur Beskov"]


def test_case_errors_and_empty(fdb):
    result = run("case", "Nobody Atall", "--db", fdb)
    assert result.exit_code == 1 and "Nobody Atall" in error_line(result)
    result = run("case", "Karavel", "--db", fdb)  # not a person
    assert result.exit_code == 1 and "no person entity" in error_line(result)
    result = run("case", "Mira Santova", "--db", fdb)
    assert result.exit_code == 0 and "no legal record for Mira Santova" in result.output


def test_timeline(fdb):
    result = run("timeline", "Dana Orlova", "--db", fdb)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "timeline (6 dated facts)" in out
    assert out.index("interrogation") < out.index("2021-03-05") < out.index("2021-08-20") < out.index("--05-14")
    data = json.loads(run("timeline", "Orlova", "--type", "person", "--db", fdb, "--json").stdout)
    assert [f["date"] for f in data] == ["2021", "2021-03-05", "2021-07-01", "2021-08", "2021-08-20", "--05-14"]
    assert "no dated facts" in run("timeline", "Mira Santova", "--db", fdb).output
    result = run("timeline", "Nobody Atall", "--db", fdb)
    assert result.exit_code == 1 and "Nobody Atall" in error_line(result)


def test_laws(fdb, db):
    result = run("laws", "--db", fdb)
    assert result.exit_code == 0, result.output
    assert LAW_174 in result.output and "Ruslan Tegin (conviction)" in result.output
    data = json.loads(run("laws", "--db", fdb, "--json").stdout)
    assert data[0]["name"] == LAW_174 and data[0]["attributes"]["article"] == "174"
    assert [p["name"] for p in data[0]["parties"]] == ["Dana Orlova", "Ruslan Tegin", "Timur Beskov"]
    assert "no laws" in run("laws", "--db", db).output


def test_quotes(fdb, db):
    result = run("quotes", "--db", fdb)
    assert result.exit_code == 0, result.output
    assert "I am innocent." in result.output and "This case is political," in result.output
    data = json.loads(run("quotes", "--db", fdb, "--json").stdout)
    assert [q["speaker_name"] for q in data] == ["Dana Orlova", None, "Mira Santova"]
    assert data[1]["speaker"] is None and data[1]["title"] == "Activists detained in Karavel"
    assert len(json.loads(run("quotes", "--db", fdb, "--json", "--limit", "1").stdout)) == 1
    mine = json.loads(run("quotes", "Santova", "--db", fdb, "--json").stdout)
    assert [q["text"] for q in mine] == ["ignores the evidence"]
    result = run("quotes", "Nobody Atall", "--db", fdb)
    assert result.exit_code == 1 and "Nobody Atall" in error_line(result)
    assert "no quotes" in run("quotes", "--db", db).output


def test_show_facts_and_quotes(fdb, db):
    out = run("show", "Mira Santova", "--db", fdb).output
    assert "facts (1)" in out and "represents" in out and "quotes (1)" in out and "ignores the evidence" in out
    data = json.loads(run("show", "Dana Orlova", "--db", fdb, "--json").stdout)
    assert len(data["facts"]) == 10 and [q["text"] for q in data["quotes"]] == ["I am innocent."]
    assert {"subject_name", "object_name", "place_name", "evidence"} <= set(data["facts"][0])
    plain = json.loads(run("show", "John Smith", "--db", db, "--json").stdout)
    assert plain["facts"] == [] and plain["quotes"] == []
    assert "facts: (none)" in run("show", "John Smith", "--db", db).output


# -- export ------------------------------------------------------------------------------------------

def check_export(lines: list[dict], db: str) -> None:
    with _ctx(db) as store:
        texts = {r["id"]: r["text"] for r in store.conn.execute("SELECT id, text FROM documents")}
    kinds = [line["kind"] for line in lines]
    assert kinds == ["document"] * 2 + ["entity"] * 6 + ["mention"] * 12
    for line in lines:
        keys = {"document": {"kind", "id", "path", "title", "language", "published"},
                "entity": {"kind", "id", "type", "name", "aliases", "documents", "mentions"},
                "mention": {"kind", "entity", "document", "start", "end", "text"}}[line["kind"]]
        assert set(line) == keys
        if line["kind"] == "mention":
            assert texts[line["document"]][line["start"]:line["end"]] == line["text"]


class _ctx:
    def __init__(self, db: str) -> None:
        self.store = Store(db, create=False)

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()


def test_export_stdout(db):
    result = run("export", "--db", db)
    assert result.exit_code == 0
    check_export([json.loads(line) for line in result.stdout.splitlines()], db)


def test_export_to_file(db, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("export", "--format", "jsonl", "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    assert "wrote 20 lines" in result.stderr
    raw = out.read_text(encoding="utf-8")
    assert "Zoë Müller" in raw
    check_export([json.loads(line) for line in raw.splitlines()], db)
    assert not (tmp_path / "out.jsonl.part").exists()


def test_export_unknown_format(db):
    result = run("export", "--format", "xml", "--db", db)
    assert result.exit_code == 1 and "jsonl, ftm, gexf, csv" in error_line(result)


def test_export_csv_needs_a_path(db):
    result = run("export", "--format", "csv", "--db", db)
    assert result.exit_code == 1 and "-o FOLDER" in error_line(result)


def test_export_unwritable(db, tmp_path):
    result = run("export", "-o", str(tmp_path / "no" / "such" / "dir.jsonl"), "--db", db)
    assert result.exit_code == 1 and "cannot write" in error_line(result)


# -- store errors --------------------------------------------------------------------------------------

COMMANDS_ON_DB = [["entities"], ["show", "x"], ["search", "x"], ["stats"], ["export"],
                  ["merge", "a", "b"], ["split", "a", "--alias", "b"]]


@pytest.mark.parametrize("args", COMMANDS_ON_DB)
def test_missing_db(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = run(*args, "--db", str(tmp_path / "nope.db"))
    assert result.exit_code == 1
    assert "no such casefile database" in error_line(result)
    assert not (tmp_path / "nope.db").exists()


def test_default_db_missing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CASEFILE_DB", raising=False)
    result = run("stats")
    assert result.exit_code == 1 and "casefile.db" in error_line(result)


def test_foreign_sqlite(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    result = run("entities", "--db", str(path))
    assert result.exit_code == 1 and "not a casefile database" in error_line(result)


def test_text_file_as_db(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 50)
    result = run("stats", "--db", str(path))
    assert result.exit_code == 1 and "not a casefile database" in error_line(result)


def test_directory_as_db(tmp_path):
    result = run("stats", "--db", str(tmp_path))
    assert result.exit_code == 1 and "directory" in error_line(result)


# -- ingest ----------------------------------------------------------------------------------------------

def _install(monkeypatch, module: str, name: str, func) -> None:
    """Replace module.name, creating the module if the real one isn't written yet."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        mod = types.ModuleType(module)
        monkeypatch.setitem(sys.modules, module, mod)
    monkeypatch.setattr(mod, name, func, raising=False)


def test_ingest_reports_and_fails_with_status_1(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    calls = []

    def fake_ingest_paths(paths, store, config, progress, **_options):
        calls.append((paths, config, progress))
        for spec in DOCS:
            store.write_document(document_record(spec))
        store.replace_resolution(resolution_records(store))
        return types.SimpleNamespace(ingested=2, unchanged=1, failed=[("corpus/bad.pdf", "no text layer")],
                                     entities=6, seconds=0.5)

    _install(monkeypatch, "casefile.ingest", "ingest_paths", fake_ingest_paths)
    db = str(tmp_path / "new.db")
    result = run("ingest", "corpus", "--db", db, "--model", "my_model", "--max-bytes", "1000",
                 "--processes", "2", "--quiet")
    assert result.exit_code == 1
    assert "ingested 2, unchanged 1, failed 1" in result.stdout
    assert "FAILED corpus/bad.pdf: no text layer" in result.stderr
    assert "John Smith" in result.stdout  # top entities table
    paths, config, progress = calls[0]
    assert paths == ["corpus"] and progress is False
    assert (config.ner_model, config.max_bytes, config.n_process) == ("my_model", 1000, 2)
    assert Path(db).exists()


def test_ingest_success_exit_0(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x")
    _install(monkeypatch, "casefile.ingest", "ingest_paths",
             lambda paths, store, config, progress, **_options: types.SimpleNamespace(
                 ingested=0, unchanged=1, failed=[], entities=0, seconds=0.0))
    result = run("ingest", "a.txt", "--db", "x.db")
    assert result.exit_code == 0, result.output
    assert "ingested 0, unchanged 1, failed 0" in result.output


def test_ingest_missing_path_and_bad_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _install(monkeypatch, "casefile.ingest", "ingest_paths", lambda *a, **k: pytest.fail("must not run"))
    (tmp_path / "a.txt").write_text("x")
    result = run("ingest", "a.txt", "--db", "x.db", "--config", "missing.toml")
    assert result.exit_code == 1 and "config file not found" in error_line(result)


def test_a_missing_path_among_several_is_one_failed_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Marta Kowal opened a bakery in Lviv on Monday.\n")
    result = run("ingest", "a.txt", "nowhere.txt", "--db", "x.db", "--quiet")
    assert result.exit_code == 1 and "ingested 1," in result.stdout
    assert [line for line in result.stderr.splitlines() if line.startswith("FAILED")] == [
        f"FAILED {tmp_path / 'nowhere.txt'}: no such file or directory"]


def test_ingest_real_pipeline(tmp_path, monkeypatch):
    """End to end through the real ingest module and model."""
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Angela Merkel visited Microsoft in Seattle on Monday. Merkel spoke briefly.\n")
    (corpus / "two.txt").write_text("Microsoft said Angela Merkel met its engineers in Seattle.\n")
    result = run("ingest", str(corpus), "--db", "real.db", "--quiet")
    assert result.exit_code == 0, result.output
    assert "ingested 2, unchanged 0, failed 0" in result.output
    export = run("export", "--db", "real.db")
    lines = [json.loads(line) for line in export.stdout.splitlines()]
    assert sum(line["kind"] == "document" for line in lines) == 2


# -- merge / split -------------------------------------------------------------------------------------------

def _forms(entity: dict) -> set[str]:
    return {entity["name"], *entity["aliases"]}


def test_merge(db):
    result = run("merge", "Acme Corporation", "e-holdings", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    [merged] = json.loads(result.stdout)
    assert {"Acme Corporation", "Acme Holdings"} <= _forms(merged)
    store = Store(db, create=False)
    assert [(j["kind"], j["type"], j["a"], j["b"]) for j in store.judgements()] == \
        [("merge", "organization", "Acme Corporation", "Acme Holdings")]
    store.close()
    plain = run("show", "Acme Holdings", "--db", db)
    assert "Acme Corporation" in plain.output


def test_merge_plain_output(db):
    result = run("merge", "e-acme", "e-holdings", "--db", db)
    assert result.exit_code == 0, result.output
    assert "merged Acme Corporation + Acme Holdings" in result.output


def test_merge_type_mismatch_and_same(db):
    result = run("merge", "John Smith", "Paris", "--db", db)
    assert result.exit_code == 1 and "same type" in error_line(result)
    result = run("merge", "John Smith", "Smith", "--db", db)
    assert result.exit_code == 1 and "already one entity" in error_line(result)
    result = run("merge", "John Smith", "Nobody Atall", "--db", db)
    assert result.exit_code == 1 and "Nobody Atall" in error_line(result)
    store = Store(db, create=False)
    assert store.judgements() == []
    store.close()


def test_split(db):
    result = run("split", "Acme Corporation", "--alias", "acme corp", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    entities = json.loads(result.stdout)
    assert len(entities) == 2
    kept, detached = entities
    assert "Acme Corporation" in _forms(kept) and "Acme Corp" not in _forms(kept)
    assert "Acme Corp" in _forms(detached) and "Acme Corporation" not in _forms(detached)
    store = Store(db, create=False)
    assert [(j["kind"], j["a"], j["b"]) for j in store.judgements()] == [("split", "Acme Corporation", "Acme Corp")]
    store.close()


def test_split_plain_output(db):
    result = run("split", "e-acme", "--alias", "Acme Corp", "--db", db)
    assert result.exit_code == 0, result.output
    assert "split Acme Corp from Acme Corporation" in result.output


def test_split_unknown_alias(db):
    result = run("split", "John Smith", "--alias", "Johnny", "--db", db)
    assert result.exit_code == 1
    line = error_line(result)
    assert "Johnny" in line and "'Smith'" in line


# -- documentation ------------------------------------------------------------------------------------------

def test_every_command_and_option_in_readme():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for param in main.params:
        missing += [f"casefile {opt}" for opt in param.opts if opt.startswith("--") and opt != "--help"
                    and opt not in text]
    for name, command in sorted(main.commands.items()):
        if f"casefile {name}" not in text:
            missing.append(f"command `casefile {name}`")
        for param in command.params:
            if isinstance(param, click.Option):
                missing += [f"{name} {opt}" for opt in param.opts if opt.startswith("--") and opt not in text]
    assert not missing, f"README.md does not mention: {', '.join(missing)}"


def test_python_dash_m(db):
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "casefile", "stats", "--json", "--db", db],
                          capture_output=True, text=True, cwd=ROOT,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["documents"] == 2


def test_case_of_the_target_of_a_complaint_names_who_complained(fdb):
    result = run("case", "Oleg Varin", "--db", fdb)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "complained_against" in line)
    assert "by Dana Orlova" in row


# -- ingest --processes ------------------------------------------------------------------------------

def _ingest_config(tmp_path, monkeypatch, *options: str):
    """The Config ingest hands to ingest_paths for these options (with a stand-in ingest)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x")
    seen = []

    def fake_ingest_paths(paths, store, config, progress, **_options):
        seen.append(config)
        return types.SimpleNamespace(ingested=1, unchanged=0, failed=[], entities=0, seconds=0.0)

    _install(monkeypatch, "casefile.ingest", "ingest_paths", fake_ingest_paths)
    result = run("ingest", "a.txt", "--db", "x.db", "--quiet", *options)
    assert result.exit_code == 0, result.output
    return seen[0]


@pytest.mark.parametrize(("options", "expected"), [
    ((), "auto"),  # the default
    (("--processes", "auto"), "auto"),
    (("--processes", "AUTO"), "auto"),
    (("--processes", "3"), 3),
])
def test_ingest_processes_option(tmp_path, monkeypatch, options, expected):
    assert _ingest_config(tmp_path, monkeypatch, *options).n_process == expected


@pytest.mark.parametrize("value", ["0", "-2", "many", "1.5"])
def test_ingest_rejects_an_invalid_process_count(tmp_path, monkeypatch, value):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x")
    _install(monkeypatch, "casefile.ingest", "ingest_paths", lambda *a: pytest.fail("must not run"))
    result = run("ingest", "a.txt", "--db", "x.db", "--processes", value)
    assert result.exit_code == 2
    assert f"'{value}' is not a positive number of processes or 'auto'" in result.output
