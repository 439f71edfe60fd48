"""Streaming reads for the exports: rows one at a time in a fixed order, so an export's memory
stays flat however large the collection. The writers in casefile/export never see SQL.

Every function takes an open store and an :class:`EntitySelection`; rows that would point at an
entity outside the selection are left out (facts) or lose that pointer (a quote's speaker, a
fact's place), so every id a writer emits joins.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from casefile.store.db import Store, quote_id
from casefile.store.fact_queries import EntityRef


@dataclass(frozen=True)
class EntitySelection:
    """Which entities an export holds: of these types (all when empty), named in at least
    ``min_documents`` documents."""

    types: tuple[str, ...] = ()
    min_documents: int = 0

    def where(self, alias: str) -> tuple[str, tuple]:
        """An SQL condition over the entities table under ``alias``, with its parameters."""
        clauses: list[str] = []
        params: list[object] = []
        if self.types:
            clauses.append(f"{alias}.type IN ({','.join('?' * len(self.types))})")
            params += list(self.types)
        if self.min_documents > 1:
            clauses.append(f"{alias}.documents >= ?")
            params.append(self.min_documents)
        return " AND ".join(clauses) or "1", tuple(params)


ALL = EntitySelection()


@contextmanager
def snapshot(store: Store) -> Iterator[None]:
    """Read the store as of one moment: every query inside sees the same data, whatever an
    ingest commits meanwhile (so an export's ids always join)."""
    store.conn.execute("BEGIN")
    try:
        yield
    finally:
        store.conn.execute("COMMIT")


@dataclass(frozen=True)
class DocumentRow:
    """One stored document's metadata (``text`` only when asked for)."""

    id: str
    source: str
    format: str
    title: str | None
    url: str | None
    published: str | None
    language: str
    tokens: int
    text: str | None = None


@dataclass(frozen=True)
class SourceRef:
    """A document an entity or fact comes from: its id and URL (None when it has none)."""

    document: str
    url: str | None


@dataclass(frozen=True)
class EntityRow:
    """One entity with its other names, the documents naming it and, when asked, the sentence
    of its first mention."""

    id: str
    type: str
    name: str
    attributes: dict
    documents: int
    mentions: int
    aliases: list[str]
    sources: list[SourceRef]
    first_sentence: str | None = None


@dataclass(frozen=True)
class AliasRow:
    """One surface form of an entity and how many mentions use it."""

    entity: str
    alias: str
    count: int


@dataclass(frozen=True)
class MentionRow:
    """One resolved mention: offsets into its document's clean text."""

    id: int
    entity: str
    document: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EvidenceRow:
    """One sentence stating a fact, with its document's URL."""

    document: str
    start: int
    end: int
    text: str
    url: str | None


@dataclass(frozen=True)
class FactRow:
    """A merged fact whose subject and object (when any) are in the selection; ``place`` is None
    when the fact has none or it is outside the selection (``place_name`` keeps its name)."""

    id: str
    type: str
    subject: EntityRef
    object: EntityRef | None
    value: str | None
    date: str | None
    place: EntityRef | None
    place_name: str | None
    evidence: list[EvidenceRow] = field(default_factory=list)


@dataclass(frozen=True)
class QuoteRow:
    """A direct quotation; ``speaker`` is None when unattributed or outside the selection."""

    id: str
    speaker: str | None
    speaker_name: str | None
    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CoMention:
    """Two entities named in the same sentences: how many sentences, in how many documents."""

    a: str
    b: str
    sentences: int
    documents: int


def iter_documents(store: Store, with_text: bool = False) -> Iterator[DocumentRow]:
    """Every document, by source path."""
    text = ", text" if with_text else ""
    for r in store.conn.execute("SELECT id, source, format, title, url, published, language, tokens"
                                f"{text} FROM documents ORDER BY source, id"):
        yield DocumentRow(r["id"], r["source"], r["format"], r["title"], r["url"], r["published"], r["language"],
                          r["tokens"], r["text"] if with_text else None)


_FIRST_SENTENCE = (
    "(SELECT substr(d.text, s.start + 1, s.end - s.start) FROM clusters c JOIN mentions m ON m.cluster = c.id "
    "JOIN sentences s ON s.document = m.document AND s.idx = m.sentence JOIN documents d ON d.id = m.document "
    "WHERE c.entity = e.id ORDER BY d.published IS NULL, d.published, d.source, m.start LIMIT 1)")


def iter_entities(store: Store, selection: EntitySelection = ALL, with_sentence: bool = False) -> Iterator[EntityRow]:
    """Selected entities by type and name, each with its aliases (other than its name, sorted)
    and the documents naming it (by id)."""
    where, params = selection.where("e")
    sentence = _FIRST_SENTENCE if with_sentence else "NULL"
    rows = store.conn.execute(
        "SELECT e.id, e.type, e.name, e.attributes, e.documents, "
        "(SELECT json_group_array(alias) FROM aliases a WHERE a.entity = e.id AND a.alias != e.name) AS aliases, "
        "(SELECT json_group_array(json_array(d.id, d.url)) FROM documents d WHERE d.id IN "
        " (SELECT m.document FROM clusters c JOIN mentions m ON m.cluster = c.id WHERE c.entity = e.id)) AS sources, "
        "(SELECT COUNT(*) FROM clusters c JOIN mentions m ON m.cluster = c.id WHERE c.entity = e.id) AS mention_count, "
        f"{sentence} AS first_sentence FROM entities e WHERE {where} ORDER BY e.type, e.name, e.id", params)
    for r in rows:
        sources = sorted((SourceRef(doc, url) for doc, url in json.loads(r["sources"])), key=lambda s: s.document)
        yield EntityRow(r["id"], r["type"], r["name"], json.loads(r["attributes"] or "{}"), r["documents"],
                        r["mention_count"], sorted(json.loads(r["aliases"])), sources, r["first_sentence"])


def iter_aliases(store: Store, selection: EntitySelection = ALL) -> Iterator[AliasRow]:
    """Every surface form of the selected entities (the name included), by entity."""
    where, params = selection.where("e")
    for r in store.conn.execute("SELECT a.entity, a.alias, a.count FROM aliases a JOIN entities e ON e.id = a.entity "
                                f"WHERE {where} ORDER BY a.entity, a.alias", params):
        yield AliasRow(r["entity"], r["alias"], r["count"])


def iter_mentions(store: Store, selection: EntitySelection = ALL) -> Iterator[MentionRow]:
    """Resolved mentions of the selected entities, in document and text order."""
    where, params = selection.where("e")
    for r in store.conn.execute(
            "SELECT m.id, c.entity, m.document, m.sentence, m.start, m.end, m.text FROM mentions m "
            "JOIN clusters c ON c.id = m.cluster JOIN entities e ON e.id = c.entity "
            f"WHERE {where} ORDER BY m.document, m.start, m.end, m.id", params):
        yield MentionRow(r["id"], r["entity"], r["document"], r["sentence"], r["start"], r["end"], r["text"])


def _ref(r: dict, prefix: str) -> EntityRef | None:
    return EntityRef(r[f"{prefix}_id"], r[f"{prefix}_name"], r[f"{prefix}_type"]) if r[f"{prefix}_id"] else None


def _subject(r: dict) -> EntityRef:
    return EntityRef(r["s_id"], r["s_name"], r["s_type"])


def iter_facts(store: Store, selection: EntitySelection = ALL) -> Iterator[FactRow]:
    """Facts whose subject and object are selected, by type and subject, with every evidence
    sentence (oldest document first)."""
    where_s, params_s = selection.where("es")
    where_o, params_o = selection.where("eo")
    where_p, params_p = selection.where("ep")
    rows = store.conn.execute(
        "SELECT f.id, f.type, f.value, f.date, es.id AS s_id, es.name AS s_name, es.type AS s_type, "
        "eo.id AS o_id, eo.name AS o_name, eo.type AS o_type, ep.id AS p_id, ep.name AS p_name, ep.type AS p_type, "
        f"({where_p}) AS place_selected, "
        "(SELECT json_group_array(json_array(fe.document, fe.start, fe.end, fe.text, d.url)) FROM "
        " (SELECT * FROM fact_evidence WHERE fact = f.id) fe LEFT JOIN documents d ON d.id = fe.document) AS evidence "
        "FROM facts f JOIN entities es ON es.id = f.subject LEFT JOIN entities eo ON eo.id = f.object "
        "LEFT JOIN entities ep ON ep.id = f.place "
        f"WHERE {where_s} AND (f.object IS NULL OR (eo.id IS NOT NULL AND {where_o})) "
        "ORDER BY f.type, f.subject, f.id", (*params_p, *params_s, *params_o))
    for r in rows:
        row = dict(r)
        evidence = sorted((EvidenceRow(*e) for e in json.loads(r["evidence"])), key=lambda e: (e.document, e.start))
        place = _ref(row, "p") if r["place_selected"] else None
        yield FactRow(r["id"], r["type"], _subject(row), _ref(row, "o"), r["value"], r["date"], place, r["p_name"],
                      evidence)


def iter_quotes(store: Store, selection: EntitySelection = ALL) -> Iterator[QuoteRow]:
    """Every quote, in document and text order; the speaker only when selected."""
    where, params = selection.where("e")
    for r in store.conn.execute(
            "SELECT q.document, q.start, q.end, q.text, e.id AS speaker, e.name AS speaker_name FROM quotes q "
            f"LEFT JOIN clusters c ON c.id = q.speaker LEFT JOIN entities e ON e.id = c.entity AND {where} "
            "ORDER BY q.document, q.start", params):
        yield QuoteRow(quote_id(r["document"], r["start"], r["end"]), r["speaker"], r["speaker_name"],
                       r["document"], r["start"], r["end"], r["text"])


def iter_co_mentions(store: Store, selection: EntitySelection = ALL) -> Iterator[CoMention]:
    """Pairs of selected entities named in one sentence (``a`` < ``b``), with how many sentences
    and documents name both."""
    where, params = selection.where("e")
    rows = store.conn.execute(
        "WITH named AS (SELECT DISTINCT m.document, m.sentence, c.entity FROM mentions m "
        f" JOIN clusters c ON c.id = m.cluster JOIN entities e ON e.id = c.entity WHERE {where}) "
        "SELECT a.entity AS a, b.entity AS b, COUNT(*) AS sentences, COUNT(DISTINCT a.document) AS documents "
        "FROM named a JOIN named b ON b.document = a.document AND b.sentence = a.sentence AND b.entity > a.entity "
        "GROUP BY a.entity, b.entity ORDER BY a.entity, b.entity", params)
    for r in rows:
        yield CoMention(r["a"], r["b"], r["sentences"], r["documents"])
