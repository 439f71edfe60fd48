"""Tests of casefile.store.db: round trips, replacement of re-ingested sources, refusing foreign
files, and transactions."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.errors import StoreError
from casefile.models import LocalEntity, Mention
from casefile.store import DocumentRecord, EntityRecord, Store
from casefile.store.schema import SCHEMA_VERSION

LABELS = ("person", "organization", "location", "event")


def record(doc_id: str, source: str, text: str, sentences: list[tuple[int, int]],
           entities: list[LocalEntity], **extra) -> DocumentRecord:
    fields = dict(id=doc_id, source=source, format="text", title=None, url=None, published=None,
                  language="en", raw_text=text, text=text, tokens=len(text.split()),
                  sentences=sentences, entities=entities)
    fields.update(extra)
    return DocumentRecord(**fields)


def simple(doc_id: str, source: str, text: str = "Anna Kova met Bolat Serikov in Tarazburg.") -> DocumentRecord:
    ents = []
    for idx, (label, surface) in enumerate([("person", "Anna Kova"), ("person", "Bolat Serikov"),
                                            ("location", "Tarazburg")]):
        start = text.index(surface)
        ents.append(LocalEntity(label, surface, [Mention(start, start + len(surface), surface, label, 0, idx)]))
    return record(doc_id, source, text, [(0, len(text))], ents)


def count(store: Store, table: str, where: str = "", params: tuple = ()) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table} {where}", params).fetchone()[0]


# -- round trip -------------------------------------------------------------------------------------

# any unicode except lone surrogates, which no UTF-8 file can hold
TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)


@st.composite
def documents(draw):
    text = draw(TEXTS)
    n = len(text)
    cuts = sorted(draw(st.sets(st.integers(0, n), max_size=6)) | {0, n})
    sentences = list(zip(cuts, cuts[1:]))
    entities = []
    for idx in range(draw(st.integers(0, 4))):
        label = draw(st.sampled_from(LABELS))
        mentions = []
        for _ in range(draw(st.integers(1, 4))):
            start = draw(st.integers(0, n - 1))
            end = draw(st.integers(start + 1, n))
            mentions.append(Mention(start, end, text[start:end], label, draw(st.integers(0, len(sentences))), idx))
        entities.append(LocalEntity(label, draw(TEXTS), mentions))
    title = draw(st.none() | TEXTS)
    return record("d" + draw(st.text("0123456789abcdef", min_size=16, max_size=16)),
                  draw(TEXTS), text, sentences, entities, title=title, raw_text=draw(TEXTS))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_write_document_round_trip(doc):
    store = Store(":memory:")
    try:
        store.write_document(doc)
        row = store.conn.execute("SELECT * FROM documents").fetchone()
        assert (row["id"], row["source"], row["text"], row["raw_text"], row["title"], row["tokens"]) == \
            (doc.id, doc.source, doc.text, doc.raw_text, doc.title, doc.tokens)
        sents = store.conn.execute("SELECT idx, start, end FROM sentences WHERE document = ? ORDER BY idx",
                                   (doc.id,)).fetchall()
        assert [(s["start"], s["end"]) for s in sents] == doc.sentences
        assert [s["idx"] for s in sents] == list(range(len(doc.sentences)))
        clusters = store.conn.execute("SELECT id, type, name FROM clusters ORDER BY rowid").fetchall()
        assert [(c["type"], c["name"]) for c in clusters] == [(e.label, e.name) for e in doc.entities]
        for cluster, entity in zip(clusters, doc.entities):
            stored = store.conn.execute(
                "SELECT start, end, text, type, sentence FROM mentions WHERE cluster = ? ORDER BY id",
                (cluster["id"],)).fetchall()
            assert [tuple(m) for m in stored] == [(m.start, m.end, m.text, m.label, m.sentence)
                                                  for m in entity.mentions]
            for m in stored:  # offsets slice the stored text to the mention text
                assert row["text"][m["start"]:m["end"]] == m["text"]
        assert store.needs_resolution()
    finally:
        store.close()


def test_round_trip_through_a_file(tmp_path):
    doc = simple("d1", "a.txt", "Zoë Ørsted — 東京 met Anna Kova met Bolat Serikov in Tarazburg. 🙂")
    store = Store(tmp_path / "s.db")
    store.write_document(doc)
    store.close()
    store = Store(tmp_path / "s.db", create=False)
    text = store.conn.execute("SELECT text FROM documents").fetchone()[0]
    assert text == doc.text
    for m in store.conn.execute("SELECT start, end, text FROM mentions"):
        assert text[m[0]:m[1]] == m[2]
    store.close()


# -- replacing documents ----------------------------------------------------------------------------

def test_rewriting_a_source_replaces_the_old_version_and_its_rows(tmp_path):
    store = Store(tmp_path / "s.db")
    store.write_document(simple("dold", "news/a.txt"))
    store.write_document(simple("dother", "news/b.txt", "Bolat Serikov stayed in Tarazburg, said Anna Kova."))
    store.replace_resolution([EntityRecord("e1", "person", "Anna Kova", ["dold:0", "dother:2"],
                                           {"Anna Kova": 2}, 2, 2)])
    store.write_document(simple("dnew", "news/a.txt", "Later, Anna Kova met Bolat Serikov in Tarazburg again."))
    assert {r[0] for r in store.conn.execute("SELECT id FROM documents")} == {"dnew", "dother"}
    for table in ("sentences", "clusters", "mentions"):
        assert count(store, table, "WHERE document = 'dold'") == 0, table
        assert count(store, table, "WHERE document = 'dnew'") > 0, table
    assert count(store, "mentions", "WHERE cluster NOT IN (SELECT id FROM clusters)") == 0
    assert count(store, "clusters", "WHERE document NOT IN (SELECT id FROM documents)") == 0
    assert count(store, "mentions") == 6 and count(store, "clusters") == 6
    assert store.needs_resolution()
    # full-text index follows the replacement
    assert store.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'again'").fetchone()[0] == 1
    assert store.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Later'").fetchone()[0] == 1
    store.close()


def test_same_content_under_a_new_source_replaces_by_id(tmp_path):
    store = Store(tmp_path / "s.db")
    store.write_document(simple("d1", "old/place.txt"))
    store.write_document(simple("d1", "new/place.txt"))
    assert [tuple(r) for r in store.conn.execute("SELECT id, source FROM documents")] == [("d1", "new/place.txt")]
    assert count(store, "mentions") == 3
    store.close()


def test_delete_document_removes_derived_rows(tmp_path):
    store = Store(tmp_path / "s.db")
    store.write_document(simple("d1", "a.txt"))
    store.delete_document("a.txt")
    for table in ("documents", "sentences", "clusters", "mentions"):
        assert count(store, table) == 0
    store.close()


# -- refusing files that are not casefile stores ----------------------------------------------------

@pytest.mark.parametrize("create", [True, False])
def test_non_sqlite_file_is_refused(tmp_path, create):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a casefile database") as info:
        Store(path, create=create)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def _other_program_db(path, meta: bool) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    if meta:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('app', 'cookbook')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("create", [True, False])
def test_sqlite_file_of_another_program_is_refused(tmp_path, create):
    path = tmp_path / "other.db"
    _other_program_db(path, meta=False)
    with pytest.raises(StoreError, match="not a casefile database"):
        Store(path, create=create)
    path2 = tmp_path / "other2.db"
    _other_program_db(path2, meta=True)
    with pytest.raises(StoreError, match="another program.*cookbook"):
        Store(path2, create=create)
    # nothing was added to the foreign files
    for p in (path, path2):
        conn = sqlite3.connect(p)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        conn.close()
        assert "documents" not in tables


def test_refused_sqlite_file_is_left_byte_identical(tmp_path):
    path = tmp_path / "other.db"
    _other_program_db(path, meta=True)
    before = path.read_bytes()
    with pytest.raises(StoreError):
        Store(path, create=True)
    assert path.read_bytes() == before


def test_other_schema_version_is_refused(tmp_path):
    path = tmp_path / "s.db"
    store = Store(path)
    store.write_document(simple("d1", "a.txt"))
    store.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    store.close()
    for create in (True, False):
        with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}.*reads version "
                                             f"{SCHEMA_VERSION}.*ingest the documents again"):
            Store(path, create=create)


def test_empty_or_missing_file_without_create(tmp_path):
    with pytest.raises(StoreError, match="no such casefile database"):
        Store(tmp_path / "missing.db", create=False)
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(StoreError, match="empty file"):
        Store(tmp_path / "empty.db", create=False)
    with pytest.raises(StoreError, match="is a directory"):
        Store(tmp_path, create=True)


def test_reopening_keeps_data(tmp_path):
    store = Store(tmp_path / "s.db")
    store.write_document(simple("d1", "a.txt"))
    store.close()
    store = Store(tmp_path / "s.db")
    assert store.has_document("d1") and count(store, "mentions") == 3
    store.close()


# -- transactions -----------------------------------------------------------------------------------

def test_exception_in_transaction_rolls_back(tmp_path):
    store = Store(tmp_path / "s.db")
    store.write_document(simple("d1", "a.txt"))
    with pytest.raises(RuntimeError):
        with store.transaction() as conn:
            conn.execute("DELETE FROM mentions")
            conn.execute("INSERT INTO meta(key, value) VALUES ('scratch', 'x')")
            raise RuntimeError("boom")
    assert count(store, "mentions") == 3
    assert count(store, "meta", "WHERE key = 'scratch'") == 0
    assert not store.conn.in_transaction
    with store.transaction() as conn:  # the connection is usable again
        conn.execute("INSERT INTO meta(key, value) VALUES ('scratch', 'y')")
    assert count(store, "meta", "WHERE key = 'scratch'") == 1
    store.close()


def test_failed_write_document_leaves_previous_version(tmp_path):
    store = Store(tmp_path / "s.db")
    store.write_document(simple("d1", "a.txt"))
    bad = simple("d2", "a.txt")
    bad.entities[0].mentions.append(None)  # type: ignore[arg-type]  # blows up mid-write
    with pytest.raises(AttributeError):
        store.write_document(bad)
    assert [r[0] for r in store.conn.execute("SELECT id FROM documents")] == ["d1"]
    assert count(store, "mentions") == 3 and count(store, "clusters", "WHERE document = 'd2'") == 0
    store.close()


def test_replace_resolution_is_atomic(tmp_path):
    store = Store(tmp_path / "s.db")
    store.write_document(simple("d1", "a.txt"))
    store.replace_resolution([EntityRecord("e1", "person", "Anna Kova", ["d1:0"], {"Anna Kova": 1}, 1, 1)])
    with pytest.raises(sqlite3.IntegrityError):  # duplicate entity id fails after deleting the old ones
        store.replace_resolution([EntityRecord("e2", "person", "X", ["d1:1"], {"X": 1}, 1, 1),
                                  EntityRecord("e2", "person", "Y", ["d1:2"], {"Y": 1}, 1, 1)])
    assert [tuple(r) for r in store.conn.execute("SELECT id, name FROM entities")] == [("e1", "Anna Kova")]
    assert store.conn.execute("SELECT entity FROM clusters WHERE id = 'd1:0'").fetchone()[0] == "e1"
    assert store.conn.execute("SELECT value FROM meta WHERE key = 'resolved'").fetchone()[0] == "1"
    assert store.needs_resolution()  # the flag is kept, but two clusters are linked to no entity
    store.close()
