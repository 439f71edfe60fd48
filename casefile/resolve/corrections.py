"""A person's corrections of resolution: record a judgement, apply it at once, undo it.

The CLI (`casefile merge`, `casefile split`) and the web review queue share these functions.
Every judgement is stored by name (see :mod:`casefile.resolve.judgements`), so each later
ingest applies it again; each function here re-resolves the store right away, the way
`casefile merge` does, and returns the entities the correction left.
"""
from __future__ import annotations

from casefile.errors import CasefileError, NotFoundError
from casefile.models import ENTITY_TYPES
from casefile.store.db import Store
from casefile.store.queries import EntitySummary, entity_of_mention, mention_ids


def _resolve(store: Store) -> None:
    from casefile.resolve import resolve_store  # imports the resolution machinery, which imports us

    resolve_store(store)


def _entities_at(store: Store, anchors: list[int | None]) -> list[EntitySummary]:
    """The entities now holding these mentions, each once, in order."""
    found: list[EntitySummary] = []
    for anchor in anchors:
        entity = entity_of_mention(store, anchor) if anchor is not None else None
        if entity is not None and entity not in found:
            found.append(entity)
    return found


def merge_entities(store: Store, a: EntitySummary, b: EntitySummary) -> list[EntitySummary]:
    """Judge two entities of one type to be one, re-resolve; returns the merged entity."""
    if a.id == b.id:
        raise CasefileError(f"{a.name!r} and {b.name!r} are already one entity (id {a.id})")
    if a.type != b.type:
        raise CasefileError(f"cannot merge a {a.type} ({a.name}, id {a.id}) with a {b.type} "
                            f"({b.name}, id {b.id}); entities must have the same type")
    anchor = (mention_ids(store, a.id) or [None])[0]
    store.add_judgement("merge", a.type, a.name, b.name)
    _resolve(store)
    return _entities_at(store, [anchor])


def split_alias(store: Store, entity: EntitySummary, alias: str) -> list[EntitySummary]:
    """Judge the mentions named ``alias`` to be someone else, re-resolve; returns both entities."""
    matches = [a for a in entity.aliases if a == alias] or \
              [a for a in entity.aliases if a.casefold() == alias.casefold()]
    if len(matches) != 1:
        listed = ", ".join(repr(a) for a in entity.aliases) or "none besides its name"
        raise CasefileError(f"{alias!r} is not an alias of {entity.name} (id {entity.id}); its aliases: {listed}")
    alias = matches[0]
    detached = mention_ids(store, entity.id, alias)
    detached_set = set(detached)
    kept = next((m for m in mention_ids(store, entity.id) if m not in detached_set), None)
    store.add_judgement("split", entity.type, entity.name, alias)
    _resolve(store)
    return _entities_at(store, [kept, detached[0] if detached else None])


def mark_distinct(store: Store, a: EntitySummary, b: EntitySummary) -> None:
    """Judge two entities to be different things: the review queue stops proposing the pair."""
    if a.id == b.id:
        raise CasefileError(f"{a.name!r} is one entity (id {a.id}); nothing to keep apart")
    store.add_judgement("distinct", a.type, a.name, b.name)
    _resolve(store)


def retype_entity(store: Store, entity: EntitySummary, new_type: str) -> list[EntitySummary]:
    """Judge an entity to be of ``new_type`` (one of ENTITY_TYPES), re-resolve; returns it."""
    if new_type not in ENTITY_TYPES:
        raise CasefileError(f"unknown entity type {new_type!r}; valid types: {', '.join(ENTITY_TYPES)}")
    if new_type == entity.type:
        raise CasefileError(f"{entity.name} (id {entity.id}) is already of type {new_type}")
    anchor = (mention_ids(store, entity.id) or [None])[0]
    store.add_judgement("retype", entity.type, entity.name, new_type)
    _resolve(store)
    return _entities_at(store, [anchor])


def undo_last(store: Store) -> dict[str, str]:
    """Withdraw the latest judgement and re-resolve; returns what it was (kind, type, a, b)."""
    judgements = store.judgements()
    if not judgements:
        raise NotFoundError("no judgement to undo")
    last = judgements[-1]
    store.remove_judgement(last["id"])
    _resolve(store)
    return {key: str(last[key]) for key in ("kind", "type", "a", "b")}


__all__ = ["mark_distinct", "merge_entities", "retype_entity", "split_alias", "undo_last"]
