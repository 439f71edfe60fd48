"""The read API for facts: an entity's facts, timelines, case records, laws and quotes.

Like :mod:`casefile.store.queries`, every function takes an open store and returns plain
dataclasses; evidence offsets are character offsets into ``documents.text``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from casefile.store.db import Store, quote_id
from casefile.store.queries import EntitySummary, get_entity
from casefile.store.schema import PROCEDURE  # ``case_record`` keeps undated steps in this order
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


def document_facts(store: Store, document_id: str) -> list[FactView]:
    """Every fact a sentence of the document states, dated ones by date, then undated ones."""
    return _chronological(_fact_views(store, "f.id IN (SELECT fact FROM fact_evidence WHERE document = ?)",
                                      (document_id,)))


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
    """Other persons with a charge/conviction/trial fact of the same type and object, or stated together.

    Two indexed look-ups, by the object and by each evidence sentence (CROSS JOIN keeps SQLite
    from starting at the persons), rather than one query with an OR that reads every fact."""
    if fact.type not in CO_DEFENDANT_TYPES:
        return []
    marks = ",".join("?" * len(CO_DEFENDANT_TYPES))
    wanted = f"e.type = 'person' AND f.subject != ? AND f.type IN ({marks})"
    common = (person_id, *sorted(CO_DEFENDANT_TYPES))
    rows = store.conn.execute(
        "SELECT e.id, e.name, e.type FROM facts f CROSS JOIN entities e ON e.id = f.subject "
        f"WHERE f.object = ? AND f.type = ? AND {wanted}", (fact.object, fact.type, *common)).fetchall() \
        if fact.object is not None else []
    for ev in fact.evidence:
        rows += store.conn.execute(
            "SELECT e.id, e.name, e.type FROM fact_evidence fe CROSS JOIN facts f ON f.id = fe.fact "
            f"CROSS JOIN entities e ON e.id = f.subject WHERE fe.document = ? AND fe.start = ? AND fe.end = ? "
            f"AND {wanted}", (ev.document, ev.start, ev.end, *common)).fetchall()
    found = {r["id"]: EntityRef(r["id"], r["name"], r["type"]) for r in rows}
    return sorted(found.values(), key=lambda r: (r.name, r.id))


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


def quotes(store: Store, entity_id: str | None = None, limit: int | None = None,
           document: str | None = None) -> list[QuoteView]:
    """Quotations (of one speaker entity, or in one document, when given), oldest document first,
    in text order."""
    if entity_id is not None:
        get_entity(store, entity_id)
    # by the speaker's clusters, so that SQLite reads them through the index instead of every quote
    where, params = (("WHERE q.speaker IN (SELECT id FROM clusters WHERE entity = ?)", (entity_id,))
                     if entity_id is not None else ("", ()))
    if document is not None:
        where, params = (where + (" AND" if where else "WHERE") + " q.document = ?", (*params, document))
    sql_limit = f" LIMIT {int(limit)}" if limit is not None and limit >= 0 else ""
    rows = store.conn.execute(
        "SELECT q.id, q.text, q.document, q.start, q.end, c.entity AS speaker, e.name AS speaker_name, "
        "d.title FROM quotes q JOIN documents d ON d.id = q.document "
        "LEFT JOIN clusters c ON c.id = q.speaker LEFT JOIN entities e ON e.id = c.entity "
        f"{where} ORDER BY d.published IS NULL, d.published, d.source, q.start{sql_limit}", params).fetchall()
    return [QuoteView(id=quote_id(r["document"], r["start"], r["end"]), text=r["text"], speaker=r["speaker"], speaker_name=r["speaker_name"],
                      document=r["document"], title=r["title"], start=r["start"], end=r["end"]) for r in rows]
