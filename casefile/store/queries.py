"""The read API over a casefile store: entities, lookup, detail, search and stats.

Facts, case records, laws and quotes are read by :mod:`casefile.store.fact_queries`.

Every function takes an open :class:`~casefile.store.db.Store` and returns plain dataclasses
(or dicts), so the CLI, exporters and notebooks share one implementation. Offsets are always
character offsets into ``documents.text`` (the clean text).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casefile.errors import CasefileError, NotFoundError
from casefile.models import ENTITY_TYPES
from casefile.store.db import Store

if TYPE_CHECKING:  # fact_queries imports this module
    from casefile.store.fact_queries import FactView, QuoteView

CO_MENTION_LIMIT = 15
SNIPPET_TOKENS = 12


@dataclass(frozen=True)
class EntitySummary:
    """One resolved entity. ``aliases`` are its other surface forms (never ``name``), most used first."""

    id: str
    type: str
    name: str
    documents: int
    mentions: int
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentSummary:
    """One stored document, without its text."""

    id: str
    source: str
    title: str | None
    published: str | None
    language: str = ""
    format: str = ""
    tokens: int = 0


@dataclass(frozen=True)
class MentionDetail:
    """One mention with its sentence; highlight ``sentence_text[start - sentence_start:end - sentence_start]``."""

    id: int
    document: str
    start: int
    end: int
    text: str
    sentence: int
    sentence_text: str
    sentence_start: int


@dataclass(frozen=True)
class CoMention:
    """Another entity named in ``count`` of the same sentences."""

    id: str
    type: str
    name: str
    count: int


@dataclass(frozen=True)
class EntityDetail:
    """Everything known about one entity: where it is named, next to whom, its facts and quotes."""

    entity: EntitySummary
    documents: list[DocumentSummary]
    mentions: list[MentionDetail]
    co_mentions: list[CoMention]
    facts: list[FactView] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)


@dataclass(frozen=True)
class SearchHit:
    """One full-text search hit; ``snippet`` marks matched terms with [ and ]."""

    document: str
    source: str
    title: str | None
    published: str | None
    snippet: str
    score: float


# -- helpers -------------------------------------------------------------------------------

def _check_type(type_: str | None) -> None:
    if type_ is not None and type_ not in ENTITY_TYPES:
        raise CasefileError(f"unknown entity type {type_!r}; valid types: {', '.join(ENTITY_TYPES)}")


def _aliases_of(store: Store, entity_ids: Iterable[str]) -> dict[str, list[str]]:
    """Other surface forms per entity id, most frequent first, excluding the entity's name."""
    ids = list(entity_ids)
    out: dict[str, list[str]] = {i: [] for i in ids}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT a.entity, a.alias FROM aliases a JOIN entities e ON e.id = a.entity "
            f"WHERE a.entity IN ({marks}) AND a.alias != e.name ORDER BY a.entity, a.count DESC, a.alias",
            chunk,
        )
        for row in rows:
            out[row["entity"]].append(row["alias"])
    return out


def _summaries(store: Store, rows: list[sqlite3.Row]) -> list[EntitySummary]:
    aliases = _aliases_of(store, [r["id"] for r in rows])
    return [EntitySummary(id=r["id"], type=r["type"], name=r["name"], documents=r["documents"],
                          mentions=r["mentions"], aliases=aliases[r["id"]]) for r in rows]


def _entity_rows(store: Store, where: str = "", params: tuple = ()) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT id, type, name, documents, mentions FROM entities {where} "
        "ORDER BY documents DESC, mentions DESC, name, id", params).fetchall()


def get_entity(store: Store, entity_id: str) -> EntitySummary:
    """The entity with exactly this id; NotFoundError otherwise."""
    rows = _entity_rows(store, "WHERE id = ?", (entity_id,))
    if not rows:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    return _summaries(store, rows)[0]


# -- entities ------------------------------------------------------------------------------

def list_entities(store: Store, type_: str | None = None, limit: int | None = 50) -> list[EntitySummary]:
    """Entities ranked by number of documents, then mentions, then name."""
    _check_type(type_)
    where, params = ("WHERE type = ?", (type_,)) if type_ else ("", ())
    sql_limit = f" LIMIT {int(limit)}" if limit is not None and limit >= 0 else ""
    rows = store.conn.execute(
        f"SELECT id, type, name, documents, mentions FROM entities {where} "
        f"ORDER BY documents DESC, mentions DESC, name, id{sql_limit}", params).fetchall()
    return _summaries(store, rows)


def _describe(rows: Iterable[sqlite3.Row]) -> str:
    return "; ".join(f"{r['name']} ({r['type']}, id {r['id']})" for r in rows)


def _ambiguous(query: str, rows: list[sqlite3.Row], how: str) -> NotFoundError:
    shown = rows[:10]
    more = f"; and {len(rows) - len(shown)} more" if len(rows) > len(shown) else ""
    return NotFoundError(
        f"{query!r} is ambiguous: {len(rows)} entities match by {how}: {_describe(shown)}{more} "
        "- give an id or --type")


def find_entity(store: Store, name_or_id: str, type_: str | None = None) -> EntitySummary:
    """Resolve a user's reference to one entity.

    Tries, in order: exact id; exact name (case-insensitive); exact alias (case-insensitive); a
    unique name prefix; a unique name substring. Several matches at one step raise NotFoundError
    listing them with ids; no match raises NotFoundError suggesting up to 5 similar names.
    """
    _check_type(type_)
    query = name_or_id.strip()
    if not query:
        raise NotFoundError("empty entity name")
    type_sql, type_params = ("AND type = ?", (type_,)) if type_ else ("", ())
    rows = _entity_rows(store, f"WHERE id = ? {type_sql}", (query, *type_params))
    if rows:
        return _summaries(store, rows)[0]

    everyone = _entity_rows(store, f"WHERE 1 {type_sql}", type_params)
    folded = query.casefold()

    exact = [r for r in everyone if r["name"].casefold() == folded]
    if len(exact) == 1:
        return _summaries(store, exact)[0]
    if exact:
        raise _ambiguous(query, exact, "name")

    rank = {r["id"]: i for i, r in enumerate(everyone)}
    alias_ids = {row["entity"] for row in store.conn.execute("SELECT entity, alias FROM aliases")
                 if row["entity"] in rank and row["alias"].casefold() == folded}
    alias_rows = [everyone[rank[i]] for i in sorted(alias_ids, key=rank.__getitem__)]
    if len(alias_rows) == 1:
        return _summaries(store, alias_rows)[0]
    if alias_rows:
        raise _ambiguous(query, alias_rows, "alias")

    for how, test in (("name prefix", lambda n: n.startswith(folded)),
                      ("part of the name", lambda n: folded in n)):
        hits = [r for r in everyone if test(r["name"].casefold())]
        if len(hits) == 1:
            return _summaries(store, hits)[0]
        if hits:
            raise _ambiguous(query, hits, how)

    kind = f"{type_} " if type_ else ""
    suggestions = _close_names(everyone, query)
    hint = f"; did you mean: {_describe(suggestions)}" if suggestions else ""
    if not everyone:
        hint = f"; the database holds no {kind}entities"
    raise NotFoundError(f"no {kind}entity named {query!r}{hint}")


def _close_names(rows: list[sqlite3.Row], query: str, n: int = 5) -> list[sqlite3.Row]:
    if not rows:
        return []
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency; degrade gracefully
        import difflib
        names = [r["name"] for r in rows]
        close = difflib.get_close_matches(query, names, n=n, cutoff=0.5)
        return [next(r for r in rows if r["name"] == c) for c in close]
    choices = {i: r["name"] for i, r in enumerate(rows)}
    found = process.extract(query, choices, scorer=fuzz.WRatio, processor=str.casefold,
                            limit=n, score_cutoff=60)
    return [rows[key] for _, _, key in found]


def entity_of_mention(store: Store, mention_id: int) -> EntitySummary | None:
    """The entity a mention currently belongs to (None when its cluster is unresolved)."""
    row = store.conn.execute(
        "SELECT c.entity FROM mentions m JOIN clusters c ON c.id = m.cluster WHERE m.id = ?",
        (mention_id,)).fetchone()
    if row is None or row["entity"] is None:
        return None
    try:
        return get_entity(store, row["entity"])
    except NotFoundError:
        return None


def mention_ids(store: Store, entity_id: str, text: str | None = None) -> list[int]:
    """Ids of an entity's mentions, optionally only those whose surface form is ``text``."""
    sql = ("SELECT m.id FROM mentions m JOIN clusters c ON c.id = m.cluster WHERE c.entity = ?"
           + (" AND m.text = ?" if text is not None else "") + " ORDER BY m.id")
    params = (entity_id, text) if text is not None else (entity_id,)
    return [r[0] for r in store.conn.execute(sql, params)]


def entity_detail(store: Store, entity_id: str, mention_limit: int | None = None) -> EntityDetail:
    """Summary, documents, mentions in their sentences, and the top co-mentioned entities."""
    entity = get_entity(store, entity_id)
    documents = [
        DocumentSummary(id=r["id"], source=r["source"], title=r["title"], published=r["published"],
                        language=r["language"], format=r["format"], tokens=r["tokens"])
        for r in store.conn.execute(
            "SELECT id, source, title, published, language, format, tokens FROM documents "
            "WHERE id IN (SELECT c.document FROM clusters c WHERE c.entity = ?) "
            "ORDER BY published IS NULL, published, source", (entity_id,))
    ]
    order = {d.id: i for i, d in enumerate(documents)}
    limit_sql = f" LIMIT {int(mention_limit)}" if mention_limit is not None else ""
    rows = store.conn.execute(
        "SELECT m.id, m.document, m.start, m.end, m.text, m.sentence, s.start AS s_start, "
        "s.end AS s_end, substr(d.text, s.start + 1, s.end - s.start) AS s_text "
        "FROM mentions m JOIN clusters c ON c.id = m.cluster JOIN documents d ON d.id = m.document "
        "LEFT JOIN sentences s ON s.document = m.document AND s.idx = m.sentence "
        f"WHERE c.entity = ? ORDER BY m.document, m.start{limit_sql}", (entity_id,)).fetchall()
    mentions = []
    for r in rows:
        if r["s_start"] is None or not (r["s_start"] <= r["start"] <= r["end"] <= r["s_end"]):
            s_start, s_text = r["start"], r["text"]  # sentence row missing or inconsistent
        else:
            s_start, s_text = r["s_start"], r["s_text"]
        mentions.append(MentionDetail(id=r["id"], document=r["document"], start=r["start"], end=r["end"],
                                      text=r["text"], sentence=r["sentence"], sentence_text=s_text,
                                      sentence_start=s_start))
    mentions.sort(key=lambda m: (order.get(m.document, len(order)), m.start))
    co = [
        CoMention(id=r["id"], type=r["type"], name=r["name"], count=r["n"])
        for r in store.conn.execute(
            "WITH mine AS (SELECT DISTINCT m.document, m.sentence FROM mentions m "
            "  JOIN clusters c ON c.id = m.cluster WHERE c.entity = ?) "
            "SELECT e.id, e.type, e.name, COUNT(DISTINCT m2.document || char(31) || m2.sentence) AS n "
            "FROM mine JOIN mentions m2 ON m2.document = mine.document AND m2.sentence = mine.sentence "
            "JOIN clusters c2 ON c2.id = m2.cluster JOIN entities e ON e.id = c2.entity "
            "WHERE e.id != ? GROUP BY e.id ORDER BY n DESC, e.name, e.id LIMIT ?",
            (entity_id, entity_id, CO_MENTION_LIMIT))
    ]
    from casefile.store.fact_queries import entity_facts, quotes  # imports this module

    return EntityDetail(entity=entity, documents=documents, mentions=mentions, co_mentions=co,
                        facts=entity_facts(store, entity_id), quotes=quotes(store, entity_id))


# -- documents and search --------------------------------------------------------------------

def document_list(store: Store) -> list[DocumentSummary]:
    """All documents, oldest publication first (undated last), then by source."""
    return [
        DocumentSummary(id=r["id"], source=r["source"], title=r["title"], published=r["published"],
                        language=r["language"], format=r["format"], tokens=r["tokens"])
        for r in store.conn.execute(
            "SELECT id, source, title, published, language, format, tokens FROM documents "
            "ORDER BY published IS NULL, published, source")
    ]


def _search(store: Store, match: str, limit: int) -> list[SearchHit]:
    rows = store.conn.execute(
        "SELECT d.id, d.source, d.title, d.published, "
        f"snippet(documents_fts, 1, '[', ']', ' … ', {SNIPPET_TOKENS}) AS snip, "
        "bm25(documents_fts) AS score "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        "WHERE documents_fts MATCH ? ORDER BY score, d.source LIMIT ?", (match, limit)).fetchall()
    return [SearchHit(document=r["id"], source=r["source"], title=r["title"], published=r["published"],
                      snippet=r["snip"], score=r["score"]) for r in rows]


# FTS5's time grows with the square of a query's terms: a pasted page is cut to its first terms
MAX_QUERY_TERMS = 64


def bounded_query(query: str, max_terms: int = MAX_QUERY_TERMS) -> str:
    """The query cut to its first ``max_terms`` whitespace-separated terms."""
    terms = query.split()
    return " ".join(terms[:max_terms]) if len(terms) > max_terms else query


def search(store: Store, query: str, limit: int = 20) -> list[SearchHit]:
    """Full-text search (SQLite FTS5 syntax) over titles and texts, best match first.

    A query FTS5 cannot parse (an unbalanced quote, a stray operator) is retried as one quoted
    phrase; if that fails too, CasefileError explains why.
    """
    if not query.strip():
        raise CasefileError("empty search query")
    query = bounded_query(query)
    try:
        return _search(store, query, limit)
    except sqlite3.OperationalError as first:
        phrase = '"' + query.replace('"', '""') + '"'
        try:
            return _search(store, phrase, limit)
        except sqlite3.OperationalError as exc:
            raise CasefileError(f"cannot search for {query!r}: {first}; as a phrase: {exc}") from exc


def stats(store: Store) -> dict:
    """Counts: documents, sentences, mentions, entities by type, facts, quotes, judgements, tokens, languages."""
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    entities = {t: 0 for t in ENTITY_TYPES}
    for r in store.conn.execute("SELECT type, COUNT(*) FROM entities GROUP BY type ORDER BY type"):
        entities[r[0]] = r[1]
    languages = {r[0]: r[1] for r in store.conn.execute(
        "SELECT language, COUNT(*) FROM documents GROUP BY language ORDER BY COUNT(*) DESC, language")}
    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "sentences": one("SELECT COUNT(*) FROM sentences"),
        "mentions": one("SELECT COUNT(*) FROM mentions"),
        "entities": entities,
        "facts": one("SELECT COUNT(*) FROM facts"),
        "quotes": one("SELECT COUNT(*) FROM quotes"),
        "judgements": one("SELECT COUNT(*) FROM judgements"),
        "tokens": one("SELECT COALESCE(SUM(tokens), 0) FROM documents"),
        "languages": languages,
        "resolved": not store.needs_resolution(),
    }
