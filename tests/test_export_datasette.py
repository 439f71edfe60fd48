"""Browsing a store in Datasette: the readable views answer as JSON, the search box uses the FTS
index, the metadata covers every view, and an older store gets its views on its next open."""
from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from casefile.cli import main
from casefile.export.datasette import datasette_metadata
from casefile.store import Store
from casefile.store.schema import VIEW_NAMES

datasette_app = pytest.importorskip("datasette.app")


def fetch(db: Path, *paths: str, metadata: bool = True) -> list:
    """Start Datasette in-process on ``db`` (with casefile's metadata) and get each path as JSON."""

    async def run() -> list:
        ds = datasette_app.Datasette([str(db)], metadata=datasette_metadata(str(db)) if metadata else None)
        await ds.invoke_startup()
        answers = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            answers.append(response.json())
        return answers

    return asyncio.run(run())


@pytest.fixture
def demo_copy(demo_store, tmp_path) -> Path:
    path = tmp_path / "casefile.db"
    shutil.copy(demo_store, path)
    return path


def test_views_and_search_as_json(demo_copy):
    summary, facts, cases, quotes, hits, misses = fetch(
        demo_copy, "/casefile/entity_summary.json?_shape=array&_size=max",
        "/casefile/fact_table.json?_shape=array&_size=max", "/casefile/case_records.json?_shape=array&_size=max",
        "/casefile/quotes_by_speaker.json?_shape=array&_size=max", "/casefile/documents.json?_shape=array&_search=Yerkinov",
        "/casefile/documents.json?_shape=array&_search=zzyzxqq")
    store = Store(demo_copy, create=False, readonly=True)
    try:
        names = {r["id"]: r["name"] for r in store.conn.execute("SELECT id, name FROM entities")}
        n_facts = store.conn.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
        n_quotes = store.conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        with_name = store.conn.execute("SELECT COUNT(*) FROM documents WHERE text LIKE '%Yerkinov%' "
                                       "OR title LIKE '%Yerkinov%'").fetchone()[0]
    finally:
        store.close()
    assert {r["id"]: r["name"] for r in summary} == names
    assert len(facts) == n_facts and len(quotes) == n_quotes
    assert all(f["subject"] == names[f["subject_id"]] for f in facts)
    assert all(f["object"] == names[f["object_id"]] for f in facts if f["object_id"])
    assert cases and {c["step"] for c in cases} <= {"detention", "interrogation", "search_seizure", "charge", "trial",
                                                    "conviction", "sentence", "acquittal", "appeal", "fine",
                                                    "release", "complained_against"}
    assert any(q["speaker"] for q in quotes)
    assert len(hits) == with_name > 0 and all("Yerkinov" in (h["text"] + (h["title"] or "")) for h in hits)
    assert misses == []


def test_a_new_store_is_searchable_without_metadata(demo_copy):
    (hits,) = fetch(demo_copy, "/casefile/documents.json?_shape=array&_search=Bishkek", metadata=False)
    assert hits and all("Bishkek" in h["text"] + (h["title"] or "") for h in hits)


def test_metadata_describes_every_view_and_facets_work(demo_copy):
    metadata = datasette_metadata(str(demo_copy))
    tables = metadata["databases"]["casefile"]["tables"]
    assert set(VIEW_NAMES) <= set(tables)
    assert all(tables[view]["title"] and tables[view]["description"] for view in VIEW_NAMES)
    (page,) = fetch(demo_copy, "/casefile/entity_summary.json")  # the metadata's facets, unasked
    types = {r["value"] for r in page["facet_results"]["type"]["results"]}
    assert {"person", "organization"} <= types


def test_an_older_store_gets_the_views_on_its_next_open(demo_copy):
    store = Store(demo_copy, create=False)
    for view in VIEW_NAMES:
        store.conn.execute(f"DROP VIEW {view}")
    store.close()
    reader = Store(demo_copy, create=False, readonly=True)  # reading changes nothing
    assert reader.conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'view'").fetchone()[0] == 0
    reader.close()
    writer = Store(demo_copy, create=False)
    views = {r[0] for r in writer.conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    writer.close()
    assert views == set(VIEW_NAMES)


def test_datasette_metadata_command(demo_copy, tmp_path):
    store = Store(demo_copy, create=False)
    store.conn.execute("DROP VIEW fact_table")
    store.close()
    out = tmp_path / "metadata.json"
    result = CliRunner().invoke(main, ["datasette-metadata", "--db", str(demo_copy), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == datasette_metadata(str(demo_copy))
    (facts,) = fetch(demo_copy, "/casefile/fact_table.json?_shape=array")
    assert facts
