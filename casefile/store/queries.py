"""The read API over a casefile store: entities, lookup, detail, search, stats, facts, laws, quotes.

Every function takes an open :class:`~casefile.store.db.Store` and returns plain dataclasses
(or dicts), so the CLI, exporters and notebooks share one implementation. Offsets are always
character offsets into ``documents.text`` (the clean text).
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from casefile.errors import CasefileError, NotFoundError
from casefile.models import ENTITY_TYPES
from casefile.store.db import Store

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


def search(store: Store, query: str, limit: int = 20) -> list[SearchHit]:
    """Full-text search (SQLite FTS5 syntax) over titles and texts, best match first.

    A query FTS5 cannot parse (an unbalanced quote, a stray operator) is retried as one quoted
    phrase; if that fails too, CasefileError explains why.
    """
    if not query.strip():
        raise CasefileError("empty search query")
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


# -- facts, case records, laws and quotes ------------------------------------------------------------

# The procedural order of a legal record; ``case_record`` keeps undated steps in this order.
PROCEDURE = ("detention", "interrogation", "search_seizure", "charge", "trial", "conviction", "sentence",
             "acquittal", "appeal", "fine", "release", "complained_against")
CO_DEFENDANT_TYPES = frozenset({"charge", "conviction", "trial"})
_DATE = re.compile(r"^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2}))$")


@dataclass(frozen=True)
class EntityRef:
    """A pointer to one entity, with its name and type for display."""

    id: str
    name: str
    type: str


@dataclass(frozen=True)
class Evidence:
    """One sentence stating a fact; ``start``/``end`` are offsets into the document's clean text."""

    document: str
    title: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FactView:
    """A merged fact with the names of the entities it links and every sentence stating it."""

    id: str
    type: str
    subject: str
    subject_name: str | None
    object: str | None
    object_name: str | None
    value: str | None
    date: str | None
    place: str | None
    place_name: str | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class CaseStep:
    """One step of a legal record with the other persons sharing it."""

    fact: FactView
    co_defendants: list[EntityRef] = field(default_factory=list)


@dataclass(frozen=True)
class CaseRecord:
    """A person's legal record: steps in procedural/date order, and everyone tried alongside them."""

    person: EntitySummary
    steps: list[CaseStep]
    co_defendants: list[EntityRef]


@dataclass(frozen=True)
class LawParty:
    """Someone a law was applied to, with the fact types linking them (charge, conviction, ...)."""

    id: str
    name: str
    type: str
    facts: list[str]


@dataclass(frozen=True)
class LawView:
    """A legal provision with its parsed attributes and the people/organisations it was applied to."""

    id: str
    name: str
    attributes: dict
    parties: list[LawParty]


@dataclass(frozen=True)
class QuoteView:
    """A direct quotation; ``speaker`` is an entity id, or None when unattributed."""

    id: str
    text: str
    speaker: str | None
    speaker_name: str | None
    document: str
    title: str | None
    start: int
    end: int


def date_key(date: str | None) -> tuple:
    """Sort key for ISO dates: by period, less specific first; ``--MM-DD`` after years; None last."""
    m = _DATE.match(date or "")
    if date is None:
        return (3, 0, 0, 0, "")
    if m is None:
        return (2, 0, 0, 0, date)
    if m.group(4):
        return (1, 0, int(m.group(4)), int(m.group(5)), date)
    return (0, int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0), date)


def _rank(type_: str) -> int:
    return PROCEDURE.index(type_) if type_ in PROCEDURE else len(PROCEDURE)


def _fact_views(store: Store, where: str, params: tuple = ()) -> list[FactView]:
    """Facts matching ``where`` (over alias ``f``), with entity names and evidence, in id order."""
    rows = store.conn.execute(
        "SELECT f.*, es.name AS s_name, eo.name AS o_name, ep.name AS p_name FROM facts f "
        "LEFT JOIN entities es ON es.id = f.subject LEFT JOIN entities eo ON eo.id = f.object "
        f"LEFT JOIN entities ep ON ep.id = f.place WHERE {where} ORDER BY f.id", params).fetchall()
    evidence = _evidence(store, [r["id"] for r in rows])
    return [FactView(id=r["id"], type=r["type"], subject=r["subject"], subject_name=r["s_name"],
                     object=r["object"], object_name=r["o_name"], value=r["value"], date=r["date"],
                     place=r["place"], place_name=r["p_name"], evidence=evidence.get(r["id"], []))
            for r in rows]


def _evidence(store: Store, fact_ids: list[str]) -> dict[str, list[Evidence]]:
    """Evidence spans per fact id, oldest document first."""
    out: dict[str, list[Evidence]] = {}
    for i in range(0, len(fact_ids), 500):
        chunk = fact_ids[i:i + 500]
        rows = store.conn.execute(
            "SELECT fe.fact, fe.document, d.title, fe.start, fe.end, fe.text FROM fact_evidence fe "
            f"LEFT JOIN documents d ON d.id = fe.document WHERE fe.fact IN ({','.join('?' * len(chunk))}) "
            "ORDER BY d.published IS NULL, d.published, d.source, fe.start", chunk)
        for r in rows:
            out.setdefault(r["fact"], []).append(Evidence(r["document"], r["title"], r["start"], r["end"], r["text"]))
    return out


def _chronological(facts: Iterable[FactView]) -> list[FactView]:
    return sorted(facts, key=lambda f: (date_key(f.date), _rank(f.type), f.type, f.id))


def entity_facts(store: Store, entity_id: str) -> list[FactView]:
    """Every fact the entity is subject or object of: dated ones by date, then undated ones."""
    get_entity(store, entity_id)
    return _chronological(_fact_views(store, "f.subject = ? OR f.object = ?", (entity_id, entity_id)))


def timeline(store: Store, entity_id: str) -> list[FactView]:
    """Every dated fact about the entity, by date (a year before its months, its months before days)."""
    return [f for f in entity_facts(store, entity_id) if f.date]


def _procedural(facts: list[FactView]) -> list[FactView]:
    """Dated steps by date; each undated step after the last step not later in procedure than it."""
    ordered = sorted((f for f in facts if f.date), key=lambda f: (date_key(f.date), _rank(f.type), f.id))
    for fact in sorted((f for f in facts if not f.date), key=lambda f: (_rank(f.type), f.id)):
        after = max((i for i, g in enumerate(ordered) if _rank(g.type) <= _rank(fact.type)), default=-1)
        ordered.insert(after + 1, fact)
    return ordered


def _co_defendants(store: Store, fact: FactView, person_id: str) -> list[EntityRef]:
    """Other persons with a charge/conviction/trial fact of the same type and object, or stated together."""
    if fact.type not in CO_DEFENDANT_TYPES:
        return []
    marks = ",".join("?" * len(CO_DEFENDANT_TYPES))
    spans = [(e.document, e.start, e.end) for e in fact.evidence]
    span_sql = " OR ".join("(fe.document = ? AND fe.start = ? AND fe.end = ?)" for _ in spans) or "0"
    rows = store.conn.execute(
        "SELECT DISTINCT e.id, e.name, e.type FROM facts f JOIN entities e ON e.id = f.subject "
        "LEFT JOIN fact_evidence fe ON fe.fact = f.id "
        f"WHERE e.type = 'person' AND f.subject != ? AND f.type IN ({marks}) "
        f"AND ((f.type = ? AND f.object IS NOT NULL AND f.object = ?) OR {span_sql}) ORDER BY e.name, e.id",
        (person_id, *sorted(CO_DEFENDANT_TYPES), fact.type, fact.object,
         *[v for span in spans for v in span])).fetchall()
    return [EntityRef(r["id"], r["name"], r["type"]) for r in rows]


def case_record(store: Store, person_id: str) -> CaseRecord:
    """The person's legal record in procedural order (by date where known), with co-defendants."""
    person = get_entity(store, person_id)
    marks = ",".join("?" * len(PROCEDURE))
    facts = _fact_views(store, f"f.type IN ({marks}) AND (f.subject = ? OR "
                               "(f.type = 'complained_against' AND f.object = ?))", (*PROCEDURE, person_id, person_id))
    steps = [CaseStep(f, _co_defendants(store, f, person_id)) for f in _procedural(facts)]
    everyone: dict[str, EntityRef] = {}
    for step in steps:
        for ref in step.co_defendants:
            everyone.setdefault(ref.id, ref)
    return CaseRecord(person=person, steps=steps,
                      co_defendants=sorted(everyone.values(), key=lambda r: (r.name, r.id)))


def laws(store: Store) -> list[LawView]:
    """Law entities with their attributes and whoever a fact links to them, most applied first."""
    out = []
    for r in store.conn.execute("SELECT id, name, attributes FROM entities WHERE type = 'law'"):
        parties: dict[str, LawParty] = {}
        for p in store.conn.execute(
                "SELECT e.id, e.name, e.type, f.type AS fact FROM facts f JOIN entities e ON e.id = f.subject "
                "WHERE f.object = ? ORDER BY e.name, e.id, f.type", (r["id"],)):
            party = parties.setdefault(p["id"], LawParty(p["id"], p["name"], p["type"], []))
            if p["fact"] not in party.facts:
                party.facts.append(p["fact"])
        for party in parties.values():
            party.facts.sort(key=lambda t: (_rank(t), t))
        out.append(LawView(id=r["id"], name=r["name"], attributes=json.loads(r["attributes"] or "{}"),
                           parties=list(parties.values())))
    return sorted(out, key=lambda law: (-len(law.parties), law.name, law.id))


def quotes(store: Store, entity_id: str | None = None, limit: int | None = None) -> list[QuoteView]:
    """Quotations (of one speaker entity when given), oldest document first, in text order."""
    if entity_id is not None:
        get_entity(store, entity_id)
    where, params = ("WHERE c.entity = ?", (entity_id,)) if entity_id is not None else ("", ())
    sql_limit = f" LIMIT {int(limit)}" if limit is not None and limit >= 0 else ""
    rows = store.conn.execute(
        "SELECT q.id, q.text, q.document, q.start, q.end, c.entity AS speaker, e.name AS speaker_name, "
        "d.title FROM quotes q JOIN documents d ON d.id = q.document "
        "LEFT JOIN clusters c ON c.id = q.speaker LEFT JOIN entities e ON e.id = c.entity "
        f"{where} ORDER BY d.published IS NULL, d.published, d.source, q.start{sql_limit}", params).fetchall()
    return [QuoteView(id=f"q{r['id']}", text=r["text"], speaker=r["speaker"], speaker_name=r["speaker_name"],
                      document=r["document"], title=r["title"], start=r["start"], end=r["end"]) for r in rows]
