"""Opening a store of schema version 2: upgraded when opened for writing, read as it is otherwise."""
from __future__ import annotations

import sqlite3

import pytest

from casefile.errors import StoreError
from casefile.store import Store
from casefile.store.schema import SCHEMA_VERSION, VIEW_NAMES


def make_version_2(path) -> None:
    """A store as casefile 0.1 with schema version 2 wrote it: judgements of two kinds only."""
    Store(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TABLE judgements")
        conn.execute("CREATE TABLE judgements (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN "
                     "('merge', 'split')), type TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, created_at TEXT NOT NULL)")
        conn.execute("INSERT INTO judgements(kind, type, a, b, created_at) VALUES "
                     "('merge', 'person', 'Ana Lee', 'A. Lee', '2025-01-01T00:00:00+00:00')")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()


def test_version_2_is_upgraded_keeping_judgements_and_views(tmp_path):
    path = tmp_path / "old.db"
    make_version_2(path)
    store = Store(path)
    try:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert [(j["kind"], j["a"], j["b"]) for j in store.judgements()] == [("merge", "Ana Lee", "A. Lee")]
        store.add_judgement("distinct", "person", "Ana Lee", "Ann Leigh")
        store.add_judgement("retype", "organization", "Qala", "event")
        views = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
        assert set(VIEW_NAMES) <= views
    finally:
        store.close()


def test_version_2_opened_read_only_is_read_unchanged(tmp_path):
    path = tmp_path / "old.db"
    make_version_2(path)
    store = Store(path, create=False, readonly=True)
    try:
        assert [j["kind"] for j in store.judgements()] == ["merge"]
    finally:
        store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "2"
    conn.close()


def test_unknown_judgement_kind_is_refused(tmp_path):
    store = Store(tmp_path / "new.db")
    try:
        with pytest.raises(StoreError, match="unknown judgement kind 'guess'; valid: merge, split, distinct, retype"):
            store.add_judgement("guess", "person", "a", "b")
    finally:
        store.close()
