"""Opening, checking and writing the SQLite store.

Every write is one transaction: a document with all its sentences, clusters and mentions, or a
whole resolution result. Killing the process mid-run therefore leaves either the old or the new
state, never half of one.
"""
from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from casefile.errors import StoreError
from casefile.models import NAME_SCRIPTS, Fact, LocalEntity, Quote
from casefile.store.schema import (APP_NAME, JUDGEMENT_KINDS, SCHEMA, SCHEMA_VERSION, UPGRADES, VIEW_NAMES,
                                   VIEWS)

DEFAULT_DB = "casefile.db"
# how long a writer waits for another run's transaction before giving up (seconds)
LOCK_WAIT_SECONDS = 600
# how long it waits before it says that it is waiting
_QUIET_WAIT_MS = 2000


class StaleResolution(StoreError):
    """Documents changed while a resolution was being computed: it must be computed again."""


def quote_id(document: str, start: int, end: int) -> str:
    """A quote's stable id: from its document (a content hash) and its place in the text."""
    return "q" + hashlib.sha1(f"{document}:{start}:{end}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class DocumentRecord:
    """Everything stored for one document, as produced by the ingest pipeline."""

    id: str
    source: str
    format: str
    title: str | None
    url: str | None
    published: str | None
    language: str
    raw_text: str
    text: str
    tokens: int
    sentences: list[tuple[int, int]]
    entities: list[LocalEntity]
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True)
class EntityRecord:
    """One resolved entity with the clusters it groups and its surface forms."""

    id: str
    type: str
    name: str
    clusters: list[str]
    aliases: dict[str, int]
    documents: int
    mentions: int
    attributes: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class FactRecord:
    """A fact merged across sentences and documents, with every evidence span."""

    id: str
    type: str
    subject: str
    object: str | None
    value: str | None
    date: str | None
    place: str | None
    evidence: list[tuple[str, int, int, str]]  # (document, start, end, text)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A casefile SQLite file: schema checks, transactions and the write operations."""

    def __init__(self, path: str | Path = DEFAULT_DB, create: bool = True, readonly: bool = False,
                 on_wait: Callable[[str], None] | None = None) -> None:
        self.path = str(path)
        file = Path(self.path)
        if self.path != ":memory:" and not create:
            if not file.exists():
                raise StoreError(f"{self.path}: no such casefile database (run `casefile ingest` first)")
            if file.is_file() and file.stat().st_size == 0:
                raise StoreError(f"{self.path}: empty file, not a casefile database")
        if file.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a casefile database")
        self.create = create and not readonly
        self.readonly = readonly
        self.on_wait = on_wait  # told when another run holds the write lock
        try:
            self.conn = self._connect(readonly)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot open ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a casefile database ({exc})") from exc
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._check_or_create()
            if self.path != ":memory:" and self.create:
                # WAL lets readers (CLI queries, the web UI) work while an ingest writes; set only
                # once the file is known to be ours, so a foreign file is left untouched
                self._use_wal()
        except sqlite3.OperationalError as exc:
            self.conn.close()
            if _busy(exc):
                raise StoreError(f"{self.path}: locked by another program for over {LOCK_WAIT_SECONDS} s") from exc
            raise StoreError(f"{self.path}: cannot use this database ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: not a casefile database ({exc})") from exc
        except StoreError:
            self.conn.close()
            raise

    def _use_wal(self) -> None:
        """Switch the file to WAL. SQLite leaves the mode as it was, without an error, while
        another connection is using the file (two runs opening a new database at once), so the
        switch is tried again for a while."""
        for _attempt in range(100):
            if self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                return
            time.sleep(0.05)

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        """A read-write connection; for reading only, a read-only one, which also opens a file on
        read-only media (a WAL database there is opened as immutable)."""
        if not readonly or self.path == ":memory:":
            return sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=LOCK_WAIT_SECONDS)
        uri = Path(self.path).resolve().as_uri()
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False,
                               timeout=LOCK_WAIT_SECONDS)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
            return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False)

    def _check_or_create(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables and not self.create:
            raise StoreError(f"{self.path}: an empty SQLite file, not a casefile database")
        if not tables:
            with self.transaction():
                if self.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").fetchone()[0]:
                    return self._check_or_create()  # another run created it while we waited
                for statement in _statements(SCHEMA + VIEWS):
                    self.conn.execute(statement)
                self.conn.executemany(
                    "INSERT INTO meta(key, value) VALUES (?, ?)",
                    [("app", APP_NAME), ("schema_version", str(SCHEMA_VERSION)), ("resolved", "1"),
                     ("generation", "0")],
                )
            return
        if "meta" not in tables:
            raise StoreError(f"{self.path}: an SQLite file, but not a casefile database (no meta table)")
        meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("app") != APP_NAME:
            raise StoreError(f"{self.path}: an SQLite file written by another program ({meta.get('app')!r})")
        version = int(meta.get("schema_version", "0"))
        if version in UPGRADES and not self.readonly:
            self._upgrade(version)
        elif version in UPGRADES:
            pass  # an older store read as it is: every upgrade so far leaves reads unchanged
        elif version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: casefile schema version {version}, this casefile reads version "
                f"{SCHEMA_VERSION}; ingest the documents again into a new file"
            )
        views = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
        if not self.readonly and not set(VIEW_NAMES) <= views:  # a store made before the views existed
            with self.transaction():
                for statement in _statements(VIEWS):
                    self.conn.execute(statement)

    def _upgrade(self, version: int) -> None:
        """Bring a store of an older schema version up to SCHEMA_VERSION, one version a transaction."""
        while version < SCHEMA_VERSION:
            with self.transaction():
                for statement in _statements(UPGRADES[version]):
                    self.conn.execute(statement)
                version += 1
                self.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one IMMEDIATE transaction (one writer at a time: a second run waits
        here, and says so); roll back on any exception."""
        self._begin()
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:  # SQLite may have rolled back already (out of memory, I/O error)
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _begin(self) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {_QUIET_WAIT_MS}")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if not _busy(exc):
                raise
            if self.on_wait is not None:
                self.on_wait(f"{self.path}: another casefile run is writing; waiting for it")
            self.conn.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_SECONDS * 1000}")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as again:
                if _busy(again):
                    raise StoreError(f"{self.path}: still locked by another run after {LOCK_WAIT_SECONDS} s") from again
                raise
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_SECONDS * 1000}")

    def check_integrity(self) -> None:
        """Refuse a damaged database before anything is written to it (SQLite's quick check)."""
        try:
            problems = [r[0] for r in self.conn.execute("PRAGMA quick_check(3)").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: damaged database ({exc}); restore a copy or ingest into a new file") from exc
        if problems != ["ok"]:
            raise StoreError(f"{self.path}: damaged database ({'; '.join(problems)}); restore a copy or "
                             f"ingest into a new file")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def generation(self) -> int:
        """How many times documents or judgements changed: a resolution is current only for the
        generation it read."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def _changed(conn: sqlite3.Connection) -> None:
        """Inside a write: the documents changed, so the resolution is out of date."""
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'resolved'")
        conn.execute("INSERT INTO meta(key, value) VALUES ('generation', '1') ON CONFLICT(key) "
                     "DO UPDATE SET value = CAST(value AS INTEGER) + 1")

    # -- documents -------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """True when a document with this content hash is stored."""
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def write_document(self, doc: DocumentRecord) -> None:
        """Store one analysed document, replacing any older version from the same source."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM documents WHERE source = ? OR id = ?", (doc.source, doc.id))
            conn.execute(
                "INSERT INTO documents(id, source, format, title, url, published, language, raw_text, "
                "text, tokens, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.source, doc.format, doc.title, doc.url, doc.published, doc.language,
                 doc.raw_text, doc.text, doc.tokens, _now()),
            )
            conn.executemany(
                "INSERT INTO sentences(document, idx, start, end) VALUES (?,?,?,?)",
                [(doc.id, i, s, e) for i, (s, e) in enumerate(doc.sentences)],
            )
            for idx, entity in enumerate(doc.entities):
                cluster_id = f"{doc.id}:{idx}"
                conn.execute(
                    "INSERT INTO clusters(id, document, type, name, attributes) VALUES (?,?,?,?,?)",
                    (cluster_id, doc.id, entity.label, entity.name,
                     json.dumps(entity.attributes, ensure_ascii=False) if entity.attributes else None),
                )
                conn.executemany(
                    "INSERT INTO mentions(document, cluster, sentence, start, end, text, type) "
                    "VALUES (?,?,?,?,?,?,?)",
                    [(doc.id, cluster_id, m.sentence, m.start, m.end, m.text, m.label) for m in entity.mentions],
                )
            cid = lambda idx: None if idx is None else f"{doc.id}:{idx}"  # noqa: E731
            conn.executemany(
                "INSERT INTO fact_mentions(document, type, subject, object, place, value, date, start, end) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                [(doc.id, f.type, cid(f.subject), cid(f.object), cid(f.place), f.value, f.date, f.start, f.end)
                 for f in doc.facts],
            )
            conn.executemany(
                "INSERT INTO quotes(document, start, end, text, speaker) VALUES (?,?,?,?,?)",
                [(doc.id, q.start, q.end, q.text, cid(q.speaker)) for q in doc.quotes],
            )
            self._changed(conn)

    def delete_document(self, source: str) -> int:
        """Remove the documents stored from ``source`` (a path, or one record of a JSON file) or
        with that id, and everything derived from them; returns how many were removed."""
        with self.transaction() as conn:
            removed = conn.execute("DELETE FROM documents WHERE source = ? OR id = ?", (source, source)).rowcount
            if removed:
                self._changed(conn)
        return removed

    def move_document(self, doc_id: str, source: str) -> None:
        """Record that a stored document's file now lives at ``source`` (renamed or moved)."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM documents WHERE source = ? AND id != ?", (source, doc_id))
            conn.execute("UPDATE documents SET source = ? WHERE id = ?", (source, doc_id))
            self._changed(conn)

    def document_source(self, doc_id: str) -> str | None:
        """Where a stored document was read from."""
        row = self.conn.execute("SELECT source FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def sources(self) -> list[tuple[str, str]]:
        """(id, source) of every stored document."""
        return [(r[0], r[1]) for r in self.conn.execute("SELECT id, source FROM documents ORDER BY source")]

    # -- resolution ------------------------------------------------------------------------
    def name_script(self) -> str:
        """The script entity names are shown in (``NAME_SCRIPTS``); "original" unless set."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'name_script'").fetchone()
        return row[0] if row else "original"

    def set_name_script(self, script: str) -> bool:
        """Show entity names in ``script`` from the next resolution on; True when it changed
        (the entities are then marked for resolution)."""
        if script not in NAME_SCRIPTS:
            raise StoreError(f"unknown name script {script!r}; valid: {', '.join(NAME_SCRIPTS)}")
        if script == self.name_script():
            return False
        with self.transaction() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES ('name_script', ?) ON CONFLICT(key) "
                         "DO UPDATE SET value = excluded.value", (script,))
            self._changed(conn)
        return True

    def needs_resolution(self) -> bool:
        """True when documents changed since the last cross-document resolution, or when a
        cluster is linked to no entity (a database an older casefile left inconsistent)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'resolved'").fetchone()
        if row is None or row[0] != "1":
            return True
        return self.conn.execute("SELECT 1 FROM clusters WHERE entity IS NULL LIMIT 1").fetchone() is not None

    def mark_unresolved(self) -> None:
        """Force the next ingest or resolve call to recompute entities."""
        with self.transaction() as conn:
            self._changed(conn)

    def replace_resolution(self, entities: Iterable[EntityRecord],
                           moved_mentions: Iterable[tuple[int, str, str, str]] = (),
                           facts: Callable[[], Iterable[FactRecord]] | None = None,
                           generation: int | None = None) -> None:
        """Replace all entities, aliases and merged facts and re-point clusters, in one transaction.

        ``generation`` is the store's generation the entities were computed from: when another
        run has changed the documents since, nothing is written and StaleResolution is raised.

        ``moved_mentions`` holds (mention id, new cluster id, document, alias) for mentions a
        split judgement detached from their cluster. ``facts`` is called inside the transaction,
        once clusters point at the new entities, to merge the stored fact mentions.
        """
        with self.transaction() as conn:
            if generation is not None and self.generation() != generation:
                raise StaleResolution(f"{self.path}: documents changed during resolution")
            for mention_id, cluster_id, document, alias in moved_mentions:
                type_ = conn.execute("SELECT type FROM mentions WHERE id = ?", (mention_id,)).fetchone()[0]
                conn.execute(
                    "INSERT OR IGNORE INTO clusters(id, document, type, name) VALUES (?,?,?,?)",
                    (cluster_id, document, type_, alias),
                )
                conn.execute("UPDATE mentions SET cluster = ? WHERE id = ?", (cluster_id, mention_id))
            conn.execute("DELETE FROM clusters WHERE id NOT IN (SELECT DISTINCT cluster FROM mentions)")
            conn.execute("DELETE FROM aliases")
            conn.execute("DELETE FROM entities")
            conn.execute("UPDATE clusters SET entity = NULL")
            for ent in entities:
                conn.execute(
                    "INSERT INTO entities(id, type, name, attributes, documents, mentions) VALUES (?,?,?,?,?,?)",
                    (ent.id, ent.type, ent.name,
                     json.dumps(ent.attributes, ensure_ascii=False) if ent.attributes else None,
                     ent.documents, ent.mentions),
                )
                conn.executemany("INSERT INTO aliases(entity, alias, count) VALUES (?,?,?)",
                                 [(ent.id, a, n) for a, n in ent.aliases.items()])
                conn.executemany("UPDATE clusters SET entity = ? WHERE id = ?",
                                 [(ent.id, c) for c in ent.clusters])
            conn.execute("DELETE FROM fact_evidence")
            conn.execute("DELETE FROM facts")
            for f in facts() if facts is not None else ():
                conn.execute("INSERT INTO facts(id, type, subject, object, value, date, place) VALUES (?,?,?,?,?,?,?)",
                             (f.id, f.type, f.subject, f.object, f.value, f.date, f.place))
                conn.executemany("INSERT INTO fact_evidence(fact, document, start, end, text) VALUES (?,?,?,?,?)",
                                 [(f.id, *ev) for ev in f.evidence])
            conn.execute("UPDATE meta SET value = '1' WHERE key = 'resolved'")

    # -- judgements ------------------------------------------------------------------------
    def add_judgement(self, kind: str, type_: str, a: str, b: str) -> int:
        """Record a person's decision (one of JUDGEMENT_KINDS); the next resolution applies it.
        Returns the judgement's id."""
        if kind not in JUDGEMENT_KINDS:
            raise StoreError(f"unknown judgement kind {kind!r}; valid: {', '.join(JUDGEMENT_KINDS)}")
        with self.transaction() as conn:
            cursor = conn.execute("INSERT INTO judgements(kind, type, a, b, created_at) VALUES (?,?,?,?,?)",
                                  (kind, type_, a, b, _now()))
            self._changed(conn)
        return int(cursor.lastrowid or 0)

    def remove_judgement(self, judgement_id: int) -> bool:
        """Withdraw one judgement (an undo); the next resolution no longer applies it. True when it existed."""
        with self.transaction() as conn:
            removed = conn.execute("DELETE FROM judgements WHERE id = ?", (judgement_id,)).rowcount
            if removed:
                self._changed(conn)
        return bool(removed)

    def judgements(self) -> list[sqlite3.Row]:
        """All judgements in the order they were made."""
        return self.conn.execute("SELECT * FROM judgements ORDER BY id").fetchall()


def _busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _statements(script: str) -> list[str]:
    """Split the schema script into statements, keeping trigger bodies whole."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") or not line.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out
