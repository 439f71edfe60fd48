"""Read queries for browsing a store page by page: the overview, one document with its
mentions, facts and quotes, and an entity's mentions a page at a time.

Search (documents and names) is in :mod:`casefile.store.search`, the graph of facts in
:mod:`casefile.store.network`. Like the other query modules, every function takes an open
store and returns plain dataclasses; offsets are into ``documents.text``.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from casefile.errors import NotFoundError
from casefile.models import ENTITY_TYPES
from casefile.store.db import Store
from casefile.store.fact_queries import FactView, QuoteView, document_facts, quotes
from casefile.store.queries import DocumentSummary, EntitySummary, MentionDetail, list_entities

TOP_ENTITIES = 10
DOCUMENT_COLUMNS = "id, source, title, published, language, format, tokens"


@dataclass(frozen=True)
class Overview:
    """What a collection holds: counts by type, the most documented entities of each kind, documents."""

    documents: int
    facts: int
    quotes: int
    entities: dict[str, int]
    top: dict[str, list[EntitySummary]]
    recent: list[DocumentSummary]


@dataclass(frozen=True)
class DocumentMention:
    """One mention in a document, with the entity it belongs to (None when unresolved)."""

    start: int
    end: int
    text: str
    type: str
    entity: str | None
    entity_name: str | None


@dataclass(frozen=True)
class DocumentView:
    """A document's clean text and metadata, its mentions in text order, its facts and quotes."""

    summary: DocumentSummary
    url: str | None
    text: str
    mentions: list[DocumentMention]
    facts: list[FactView] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    """One page of a longer list: ``items`` from ``offset`` on, of ``total``."""

    items: list
    offset: int
    limit: int
    total: int

    @property
    def has_next(self) -> bool:
        """True when items follow this page."""
        return self.offset + len(self.items) < self.total


def document_summary(row: sqlite3.Row) -> DocumentSummary:
    """A DocumentSummary from a row holding DOCUMENT_COLUMNS."""
    return DocumentSummary(id=row["id"], source=row["source"], title=row["title"], published=row["published"],
                           language=row["language"], format=row["format"], tokens=row["tokens"])


def overview(store: Store, top: int = TOP_ENTITIES, documents: int = 50) -> Overview:
    """Counts, the ``top`` most documented people, organisations and places, and the latest documents."""
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    counts = {t: 0 for t in ENTITY_TYPES}
    for r in store.conn.execute("SELECT type, COUNT(*) FROM entities GROUP BY type"):
        counts[r[0]] = r[1]
    recent = [document_summary(r) for r in store.conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY published IS NULL, published DESC, source LIMIT ?",
        (documents,))]
    return Overview(documents=one("SELECT COUNT(*) FROM documents"), facts=one("SELECT COUNT(*) FROM facts"),
                    quotes=one("SELECT COUNT(*) FROM quotes"), entities=counts,
                    top={t: list_entities(store, t, top) for t in ("person", "organization", "location")},
                    recent=recent)


def documents_page(store: Store, offset: int = 0, limit: int = 50) -> Page:
    """Documents, latest publication first (undated last), a page at a time."""
    total = store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    rows = store.conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY published IS NULL, published DESC, source "
        "LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return Page([document_summary(r) for r in rows], offset, limit, total)


def document_view(store: Store, document_id: str) -> DocumentView:
    """One document with every mention (exact stored offsets), its facts and its quotes."""
    row = store.conn.execute(f"SELECT {DOCUMENT_COLUMNS}, url, text FROM documents WHERE id = ?",
                             (document_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no document with id {document_id!r}")
    mentions = [DocumentMention(start=r["start"], end=r["end"], text=r["text"], type=r["type"],
                                entity=r["entity"], entity_name=r["name"])
                for r in store.conn.execute(
                    "SELECT m.start, m.end, m.text, COALESCE(e.type, m.type) AS type, e.id AS entity, e.name "
                    "FROM mentions m JOIN clusters c ON c.id = m.cluster LEFT JOIN entities e ON e.id = c.entity "
                    "WHERE m.document = ? ORDER BY m.start, m.end DESC", (document_id,))]
    return DocumentView(summary=document_summary(row), url=row["url"], text=row["text"], mentions=mentions,
                        facts=document_facts(store, document_id), quotes=quotes(store, document=document_id))


def entity_mentions(store: Store, entity_id: str, offset: int = 0, limit: int = 20) -> Page:
    """An entity's mentions with their sentences, oldest document first, a page at a time."""
    total = store.conn.execute(
        "SELECT COUNT(*) FROM mentions m JOIN clusters c ON c.id = m.cluster WHERE c.entity = ?",
        (entity_id,)).fetchone()[0]
    rows = store.conn.execute(
        "SELECT m.id, m.document, m.start, m.end, m.text, m.sentence, s.start AS s_start, s.end AS s_end, "
        "substr(d.text, s.start + 1, s.end - s.start) AS s_text "
        "FROM mentions m JOIN clusters c ON c.id = m.cluster JOIN documents d ON d.id = m.document "
        "LEFT JOIN sentences s ON s.document = m.document AND s.idx = m.sentence WHERE c.entity = ? "
        "ORDER BY d.published IS NULL, d.published, d.source, m.start LIMIT ? OFFSET ?",
        (entity_id, limit, offset)).fetchall()
    items = []
    for r in rows:
        inside = r["s_start"] is not None and r["s_start"] <= r["start"] <= r["end"] <= r["s_end"]
        items.append(MentionDetail(id=r["id"], document=r["document"], start=r["start"], end=r["end"], text=r["text"],
                                   sentence=r["sentence"], sentence_text=r["s_text"] if inside else r["text"],
                                   sentence_start=r["s_start"] if inside else r["start"]))
    return Page(items, offset, limit, total)


def document_titles(store: Store, document_ids: list[str]) -> dict[str, str]:
    """A display title per document id: its title, else its source path."""
    out: dict[str, str] = {}
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(f"SELECT id, title, source FROM documents WHERE id IN ({marks})", chunk):
            out[r["id"]] = r["title"] or r["source"]
    return out
