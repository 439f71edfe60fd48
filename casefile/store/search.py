"""Search a store the way a person types: words over the documents' full text (FTS5), and a
name over entity names and aliases (fuzzy, across scripts and transliterations).

User words are quoted before FTS5 sees them, so no query can be an FTS5 syntax error; names are
compared by :func:`casefile.nlp.keys.fold`, which writes Cyrillic in Latin letters the way
English-language media do ("Жанболат" finds "Zhanbolat").
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from casefile.errors import CasefileError
from casefile.nlp.keys import fold, token_key
from casefile.store.db import Store
from casefile.store.queries import SNIPPET_TOKENS, EntitySummary, _check_type, _summaries, bounded_query

NAME_SCORE_CUTOFF = 75
PREFIX = 3  # letters of a word that pick the names worth scoring
# characters FTS5's snippet() puts around a hit: control characters no document text holds
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class DocumentHit:
    """A document matching the words; ``snippet`` marks hits with HIT_OPEN ... HIT_CLOSE."""

    id: str
    source: str
    title: str | None
    published: str | None
    snippet: str


@dataclass(frozen=True)
class DocumentResults:
    """One page of document hits, with the number of hits per publication year ("" for undated)."""

    hits: list[DocumentHit]
    total: int
    years: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class NameHit:
    """An entity whose name or an alias is close to the query; ``matched`` is that form."""

    entity: EntitySummary
    matched: str
    score: float


@dataclass(frozen=True)
class NameResults:
    """One page of name hits (best first, filtered) of ``total``, with the count per entity type
    before the type filter."""

    hits: list[NameHit]
    types: dict[str, int] = field(default_factory=dict)
    total: int = 0


def fts_phrase_query(query: str) -> str:
    """The user's words as FTS5 phrases, all required: no operator or quote of theirs is syntax."""
    words = [w.replace('"', '""') for w in bounded_query(query).split()]
    return " ".join(f'"{w}"' for w in words if w.strip('"'))


def search_documents(store: Store, query: str, offset: int = 0, limit: int = 20,
                     year: str | None = None) -> DocumentResults:
    """Documents holding every word of ``query`` (best first), a page at a time, optionally of one year."""
    if not query.strip():
        raise CasefileError("empty search query")
    match = fts_phrase_query(query)
    if not match:  # only quotation marks: no word to look for
        return DocumentResults(hits=[], total=0)
    base = ("FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?")
    years = Counter({r[0] or "": r[1] for r in store.conn.execute(
        f"SELECT substr(d.published, 1, 4) AS y, COUNT(*) {base} GROUP BY y ORDER BY y DESC", (match,))})
    year_sql, params = (" AND substr(d.published, 1, 4) IS ?", (match, year or None)) if year is not None \
        else ("", (match,))
    total = sum(years.values()) if year is None else years.get(year, 0)
    rows = store.conn.execute(
        "SELECT d.id, d.source, d.title, d.published, "
        f"snippet(documents_fts, 1, '{HIT_OPEN}', '{HIT_CLOSE}', ' … ', {SNIPPET_TOKENS * 2}) AS snip "
        f"{base}{year_sql} ORDER BY bm25(documents_fts), d.source LIMIT ? OFFSET ?",
        (*params, limit, offset)).fetchall()
    hits = [DocumentHit(r["id"], r["source"], r["title"], r["published"], r["snip"]) for r in rows]
    return DocumentResults(hits=hits, total=total, years=dict(years))


class _NameIndex:
    """Every distinct folded name and alias with the entities bearing it, and the forms under the
    first letters of each word and of its transliteration key; built once per state of the
    entities (the store's generation and whether it is resolved: every change of the entities
    moves one of them)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: tuple | None = None
        self.forms: list[str] = []
        self.owners: list[list[tuple[str, str]]] = []  # per form: (entity id, the form as written)
        self.by_prefix: dict[str, list[int]] = {}

    def load(self, store: Store) -> None:
        """Build the index unless it is current for this store."""
        resolved = store.conn.execute("SELECT value FROM meta WHERE key = 'resolved'").fetchone()
        key = (store.path, store.generation(), resolved[0] if resolved else None)
        with self.lock:
            if key == self.key and store.path != ":memory:":
                return
            index: dict[str, int] = {}
            owners: list[list[tuple[str, str]]] = []
            for r in store.conn.execute("SELECT id AS entity, name AS alias FROM entities "
                                        "UNION SELECT entity, alias FROM aliases"):
                position = index.setdefault(fold(r["alias"]), len(index))
                if position == len(owners):
                    owners.append([])
                owners[position].append((r["entity"], r["alias"]))
            word_prefixes: dict[str, set[str]] = {}
            by_prefix: dict[str, list[int]] = {}
            for form, position in index.items():
                for prefix in {p for word in form.split() for p in _prefixes(word, word_prefixes)}:
                    by_prefix.setdefault(prefix, []).append(position)
            self.key, self.forms, self.owners, self.by_prefix = key, list(index), owners, by_prefix

    def candidates(self, wanted: str) -> dict[int, str]:
        """The forms sharing a word's first letters (or its key's) with the query, by position."""
        found: set[int] = set()
        for word in wanted.split():
            for prefix in _prefixes(word, {}):
                found.update(self.by_prefix.get(prefix, ()))
        return {i: self.forms[i] for i in sorted(found)}


def _prefixes(word: str, cache: dict[str, set[str]]) -> set[str]:
    """The first letters of a folded word and of its transliteration key ("zhanbolat" and
    "dzhanbolat" share the key's "jan")."""
    if word not in cache:
        cache[word] = {word[:PREFIX], token_key(word)[:PREFIX]} - {""}
    return cache[word]


_INDEX = _NameIndex()
MAX_NAME_ENTITIES = 500  # entities read from the best forms; a form borne by more waits for a finer query


def search_names(store: Store, query: str, type_: str | None = None, document: str | None = None,
                 limit: int = 20, offset: int = 0) -> NameResults:
    """Entities whose name or an alias is close to ``query`` across scripts, best first, a page at a
    time; optionally only of one type and named in one document."""
    _check_type(type_)
    wanted = fold(query)
    if not wanted:
        raise CasefileError("empty search query")
    _INDEX.load(store)
    best: dict[str, tuple[str, float]] = {}
    with _INDEX.lock:
        found = process.extract(wanted, _INDEX.candidates(wanted), scorer=fuzz.WRatio, limit=None,
                                score_cutoff=NAME_SCORE_CUTOFF)
        for _form, score, i in sorted(found, key=lambda f: (-f[1], f[2])):
            score += 10 if wanted == _INDEX.forms[i] or wanted in _INDEX.forms[i].split() else 0
            for entity, written in _INDEX.owners[i]:
                if entity not in best or score > best[entity][1]:
                    best[entity] = (written, score)
            if len(best) >= MAX_NAME_ENTITIES:
                break
    if document is not None:
        named = {r[0] for r in store.conn.execute("SELECT DISTINCT entity FROM clusters WHERE document = ?",
                                                  (document,))}
        best = {e: v for e, v in best.items() if e in named}
    rows = {r["id"]: r for r in _rows(store, list(best))}
    ranked = sorted(rows.values(), key=lambda r: (-best[r["id"]][1], -r["documents"], r["name"], r["id"]))
    chosen = [r for r in ranked if type_ is None or r["type"] == type_]
    shown = chosen[offset:offset + limit]
    summaries = {s.id: s for s in _summaries(store, shown)}  # aliases only for the entities shown
    return NameResults(hits=[NameHit(summaries[r["id"]], *best[r["id"]]) for r in shown],
                       types=dict(Counter(r["type"] for r in ranked)), total=len(chosen))


def _rows(store: Store, ids: list[str]) -> list:
    rows = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows += store.conn.execute(f"SELECT id, type, name, documents, mentions FROM entities "
                                   f"WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
    return rows


def documents_naming(store: Store, entity_ids: list[str], limit: int = 10) -> list[tuple[str, str, int]]:
    """(document id, title, how many of these entities it names) for the documents naming most of them."""
    if not entity_ids:
        return []
    ids = entity_ids[:500]
    return [(r[0], r[1] or r[2], r[3]) for r in store.conn.execute(
        f"SELECT d.id, d.title, d.source, COUNT(DISTINCT c.entity) AS n FROM clusters c "
        f"JOIN documents d ON d.id = c.document WHERE c.entity IN ({','.join('?' * len(ids))}) "
        "GROUP BY d.id ORDER BY n DESC, d.published DESC, d.source LIMIT ?", (*ids, limit))]
