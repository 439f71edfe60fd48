"""The CSV export: tables read back with the csv module, ids that join, awkward names intact,
a folder or a zip, a byte-order mark for Excel, one clear error for an unwritable path."""
from __future__ import annotations

import csv
import io
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from casefile.cli import main
from casefile.errors import ExportError
from casefile.export.csv_tables import TABLES, export_csv
from casefile.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_queries import build_store  # noqa: E402

AWKWARD = 'Smith, John "Jack"\nthe second'


def read_folder(folder: Path) -> dict[str, list[dict]]:
    tables = {}
    for name in TABLES:
        with open(folder / name, encoding="utf-8", newline="") as fh:
            tables[name] = list(csv.DictReader(fh))
    return tables


def read_zip(path: Path, encoding: str = "utf-8") -> dict[str, list[dict]]:
    with zipfile.ZipFile(path) as archive:
        return {name: list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding=encoding, newline="")))
                for name in TABLES}


def check_joins(tables: dict[str, list[dict]]) -> None:
    """Every id column points at a row of the table it names."""
    documents = {r["id"] for r in tables["documents.csv"]}
    entities = {r["id"] for r in tables["entities.csv"]}
    facts = {r["id"] for r in tables["facts.csv"]}
    assert all(r["entity"] in entities for r in tables["aliases.csv"])
    assert all(r["entity"] in entities and r["document"] in documents for r in tables["mentions.csv"])
    for fact in tables["facts.csv"]:
        assert fact["subject"] in entities
        assert fact["object"] in entities | {""} and fact["place"] in entities | {""}
    assert all(r["fact"] in facts and r["document"] in documents for r in tables["fact_evidence.csv"])
    assert all(r["speaker"] in entities | {""} and r["document"] in documents for r in tables["quotes.csv"])


def test_folder_tables_join_and_match_the_store(demo_store, tmp_path, query):
    store = Store(demo_store, create=False, readonly=True)
    try:
        written = export_csv(store, str(tmp_path / "tables"))
    finally:
        store.close()
    tables = read_folder(tmp_path / "tables")
    assert written == sum(len(rows) for rows in tables.values())
    for name, (header, _) in TABLES.items():
        with open(tmp_path / "tables" / name, encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == list(header)
    check_joins(tables)
    for name, table in [("documents.csv", "documents"), ("entities.csv", "entities"), ("aliases.csv", "aliases"),
                        ("facts.csv", "facts"), ("fact_evidence.csv", "fact_evidence"), ("quotes.csv", "quotes")]:
        assert len(tables[name]) == query(demo_store, f"SELECT COUNT(*) FROM {table}")[0][0], name
    assert len(tables["mentions.csv"]) == query(
        demo_store, "SELECT COUNT(*) FROM mentions m JOIN clusters c ON c.id = m.cluster WHERE c.entity IS NOT NULL")[0][0]
    assert any(r["speaker"] for r in tables["quotes.csv"]) and any(r["object"] for r in tables["facts.csv"])


def test_zip_with_awkward_names_and_excel_bom(tmp_path):
    store = build_store(tmp_path / "case.db")
    store.conn.execute("UPDATE entities SET name = ? WHERE id = 'e-john'", (AWKWARD,))
    store.conn.execute("UPDATE aliases SET alias = ? WHERE entity = 'e-john' AND alias = 'Smith'", (AWKWARD,))
    export_csv(store, str(tmp_path / "case.zip"), excel=True)
    store.close()
    with zipfile.ZipFile(tmp_path / "case.zip") as archive:
        assert all(archive.read(name).startswith("\ufeff".encode()) for name in TABLES)
    tables = read_zip(tmp_path / "case.zip", encoding="utf-8-sig")
    assert next(r for r in tables["entities.csv"] if r["id"] == "e-john")["name"] == AWKWARD
    assert AWKWARD in {r["alias"] for r in tables["aliases.csv"]}
    assert "Smith" not in {r["alias"] for r in tables["aliases.csv"] if r["entity"] == "e-john"}
    check_joins(tables)


def test_existing_folder_is_refreshed_and_a_file_path_fails(tmp_path):
    store = build_store(tmp_path / "case.db")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "entities.csv").write_text("stale\n", encoding="utf-8")
    export_csv(store, str(folder))
    assert read_folder(folder)["entities.csv"][0].keys() >= {"id", "name"}
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write"):
        export_csv(store, str(blocker / "tables"))
    store.close()


def test_cli_csv_zip_and_unwritable(tmp_path):
    db = tmp_path / "case.db"
    build_store(db).close()
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "t.zip")])
    assert result.exit_code == 0 and "rows to" in result.stderr
    check_joins(read_zip(tmp_path / "t.zip"))
    bad = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "gexf", "-o", str(tmp_path / "no" / "x.gexf")])
    lines = [line for line in bad.output.splitlines() if line.strip()]
    assert bad.exit_code == 1 and len(lines) == 1 and "cannot write" in lines[0]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30))
def test_any_name_survives_the_round_trip(name):
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(Path(tmp) / "case.db")
        store.conn.execute("UPDATE entities SET name = ? WHERE id = 'e-john'", (name,))
        export_csv(store, str(Path(tmp) / "tables"))
        store.close()
        assert next(r for r in read_folder(Path(tmp) / "tables")["entities.csv"] if r["id"] == "e-john")["name"] == name
