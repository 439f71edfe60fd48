"""casefile's facts as FollowTheMoney relations and events.

``RELATIONS`` says, per fact type, which FtM relation states it; a fact that does not fit its
relation (no object, or an object the relation cannot point at, such as a legal provision) is an
``Event``, as every justice step is: the event names its subject, involves the persons and bodies
it links, and keeps the value, the law and the place as text. A trial before a court is also a
``CourtCase`` with the defendant and the court as ``CourtCaseParty``s. Every entity made here
cites the Articles of its evidence (``proof``, ``sourceUrl``) and holds the evidence sentences in
``summary``.
"""
from __future__ import annotations

from collections.abc import Callable

from followthemoney.proxy import EntityProxy

from casefile.export.ftm_entities import cite, entity_id, ftm_id, make_proxy, place_country
from casefile.store.export_queries import EntityRef, FactRow

LEGAL_ENTITIES = frozenset({"person", "organization"})  # FtM's LegalEntity: may act, own, be involved
THINGS = frozenset({"person", "organization", "location", "event"})  # exported as FtM Things


def label(fact_type: str) -> str:
    """A fact type as words ("search_seizure" -> "search seizure")."""
    return fact_type.replace("_", " ")


def _relation(schema: str, fact: FactRow, suffix: str = "") -> EntityProxy:
    """An FtM interval entity for ``fact``: its date, evidence and sources."""
    proxy = make_proxy(schema, ftm_id(schema.lower() + suffix, fact.id))
    proxy.add("date", fact.date)
    proxy.add("summary", [e.text for e in fact.evidence])
    return cite(proxy, fact.evidence)


def occupancy(fact: FactRow) -> list[EntityProxy] | None:
    """position -> a Position (the role, at the organisation or in the country) and an Occupancy."""
    if fact.subject.type != "person":
        return None
    post = make_proxy("Position", ftm_id("position", fact.id))
    role = fact.value or "position"
    where = fact.object
    post.add("name", f"{role}, {where.name}" if where else role)
    if where is not None and where.type == "organization":
        post.add("organization", entity_id(where.id))
    elif where is not None and where.type == "location":
        code = place_country(where.name)
        post.add("country" if code else "subnationalArea", code or where.name)
    cite(post, fact.evidence)
    occupied = _relation("Occupancy", fact)
    occupied.add("holder", entity_id(fact.subject.id))
    occupied.add("post", post.id)
    occupied.add("description", role)
    return [post, occupied]


def family(fact: FactRow) -> list[EntityProxy] | None:
    """family: the subject is the ``value`` (wife, son) of the object; FtM's ``relationship`` is
    the relative's role from the person's side, so the object is the ``person``."""
    if fact.object is None or fact.subject.type != "person" or fact.object.type != "person":
        return None
    proxy = _relation("Family", fact)
    proxy.add("person", entity_id(fact.object.id))
    proxy.add("relative", entity_id(fact.subject.id))
    proxy.add("relationship", fact.value)
    return [proxy]


def _pair(schema: str, first: str, second: str, first_types: frozenset[str], second_types: frozenset[str],
          role: Callable[[FactRow], str | None]) -> Callable[[FactRow], list[EntityProxy] | None]:
    """A relation from the subject (``first``) to the object (``second``) with a ``role``."""

    def build(fact: FactRow) -> list[EntityProxy] | None:
        if fact.object is None or fact.subject.type not in first_types or fact.object.type not in second_types:
            return None
        proxy = _relation(schema, fact)
        proxy.add(first, entity_id(fact.subject.id))
        proxy.add(second, entity_id(fact.object.id))
        proxy.add("role", role(fact))
        return [proxy]

    return build


def _link_role(fact: FactRow) -> str:
    return f"{label(fact.type)}: {fact.value}" if fact.value else label(fact.type)


# How FtM states each fact type; types not listed (the justice steps) are Events.
RELATIONS: dict[str, Callable[[FactRow], list[EntityProxy] | None]] = {
    "position": occupancy,
    "family": family,
    "member_of": _pair("Membership", "member", "organization", LEGAL_ENTITIES, frozenset({"organization"}),
                       lambda f: f.value),
    "represents": _pair("Representation", "agent", "client", LEGAL_ENTITIES, LEGAL_ENTITIES, lambda f: f.value),
    "subordinate_of": _pair("UnknownLink", "subject", "object", THINGS, THINGS, _link_role),
    "ordered": _pair("UnknownLink", "subject", "object", THINGS, THINGS, _link_role),
    "complained_against": _pair("UnknownLink", "subject", "object", THINGS, THINGS, _link_role),
}


def event(fact: FactRow) -> EntityProxy:
    """A fact as an FtM Event: "detention: A", involving A (and the body or person acting), at
    its place, with its value and any legal provision in ``description``."""
    proxy = _relation("Event", fact)
    proxy.add("name", f"{label(fact.type)}: {fact.subject.name}")
    involved = [ref for ref in (fact.subject, fact.object) if ref is not None and ref.type in LEGAL_ENTITIES]
    proxy.add("involved", [entity_id(ref.id) for ref in involved])
    details = [fact.value] if fact.value else []
    if fact.object is not None and fact.object.type not in LEGAL_ENTITIES:
        details.append(fact.object.name)  # a law, a place or an event named as the object
    proxy.add("description", "; ".join(details) or None)
    if fact.place_name:
        proxy.add("location", fact.place_name)
        proxy.add("country", place_country(fact.place_name))
    if fact.place is not None and fact.place.type == "location":
        proxy.add("addressEntity", entity_id(fact.place.id))
    return proxy


def court_case(fact: FactRow, court: EntityRef) -> list[EntityProxy]:
    """A trial before ``court`` as a CourtCase with the defendant and the court as parties."""
    case = make_proxy("CourtCase", ftm_id("courtcase", fact.id))
    case.add("name", f"trial of {fact.subject.name}, {court.name}")
    case.add("court", court.name)
    case.add("summary", [e.text for e in fact.evidence])
    cite(case, fact.evidence)
    parties = []
    for role, ref in (("defendant", fact.subject), ("court", court)):
        party = _relation("CourtCaseParty", fact, suffix=f"-{role}")
        party.add("case", case.id)
        party.add("party", entity_id(ref.id))
        party.add("role", role)
        parties.append(party)
    return [case, *parties]


def fact_entities(fact: FactRow) -> list[EntityProxy]:
    """The FtM entities stating one fact: its relation, or an Event (plus a CourtCase for a trial
    before a court)."""
    build = RELATIONS.get(fact.type)
    stated = build(fact) if build is not None else None
    if stated is not None:
        return stated
    out = [event(fact)]
    if fact.type == "trial" and fact.subject.type in THINGS and fact.object is not None \
            and fact.object.type == "organization":
        out += court_case(fact, fact.object)
    return out
