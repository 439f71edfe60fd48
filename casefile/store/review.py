"""The review queue: pairs of entities resolution kept apart although their names are close.

Candidates are of one type and share a blocking key (a person's transliteration-folded surname,
else the first folded word of the name); a pair is ranked by how alike the folded names are,
then by how much the two are documented. Pairs a person already judged "different" are left out.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from casefile.nlp.keys import fold, person_key, token_key
from casefile.store.browse import DOCUMENT_COLUMNS, document_summary, entity_mentions
from casefile.store.db import Store
from casefile.store.queries import DocumentSummary, EntitySummary, MentionDetail, _summaries

REVIEW_TYPES = ("person", "organization", "location")
MIN_SIMILARITY = 70
MAX_BLOCK = 40  # a bigger block is a common word: pairs in it are noise, and their number grows as its square
MAX_ENTITIES = 5000  # the best documented of each type: rarely named entities wait


@dataclass(frozen=True)
class Candidate:
    """Two entities that may be one, with the similarity of their folded names (0-100)."""

    a: EntitySummary
    b: EntitySummary
    score: float
    key: str = ""  # the blocking key they share (a folded surname, or a first word)


@dataclass(frozen=True)
class EntityCard:
    """What a reviewer needs to compare one entity: aliases, documents, a few sentences."""

    entity: EntitySummary
    documents: list[DocumentSummary]
    sentences: list[MentionDetail]


def _block_key(type_: str, name: str) -> str:
    if type_ == "person":
        key = person_key(name)
        if key.surname:
            return token_key(key.surname)
    words = fold(name).split()
    return words[0] if words else ""


def _judged_apart(store: Store) -> set[frozenset[str]]:
    return {frozenset((j["a"].casefold(), j["b"].casefold())) for j in store.judgements() if j["kind"] == "distinct"}


def merge_candidates(store: Store, limit: int = 20, type_: str | None = None) -> list[Candidate]:
    """Pairs of same-type entities with close name keys that resolution did not merge, best first."""
    apart = _judged_apart(store)
    found: list[Candidate] = []
    for kind in ([type_] if type_ else REVIEW_TYPES):
        rows = store.conn.execute("SELECT id, type, name, documents, mentions FROM entities WHERE type = ? "
                                  "ORDER BY documents DESC, mentions DESC, id LIMIT ?", (kind, MAX_ENTITIES)).fetchall()
        blocks: dict[str, list] = {}
        for r in rows:
            key = _block_key(kind, r["name"])
            if key:
                blocks.setdefault(key, []).append(r)
        pairs = []
        for key, block in blocks.items():
            if len(block) > MAX_BLOCK:
                continue
            for x, y in combinations(block, 2):
                if frozenset((x["name"].casefold(), y["name"].casefold())) in apart:
                    continue
                score = fuzz.token_set_ratio(fold(x["name"]), fold(y["name"]))
                if score >= MIN_SIMILARITY:
                    pairs.append((x, y, score, key))
        if not pairs:
            continue
        summaries = {s.id: s for s in _summaries(store, [r for p in pairs for r in p[:2]])}
        found += [Candidate(summaries[x["id"]], summaries[y["id"]], score, key) for x, y, score, key in pairs]
    found.sort(key=lambda c: (-c.score, -(c.a.documents + c.b.documents), c.a.name, c.b.name))
    return found[:limit]


def entity_card(store: Store, entity: EntitySummary, sentences: int = 3, documents: int = 5) -> EntityCard:
    """An entity with its first ``documents`` documents and its first ``sentences`` mentions' sentences."""
    docs = [document_summary(r) for r in store.conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id IN (SELECT document FROM clusters WHERE entity = ?) "
        "ORDER BY published IS NULL, published, source LIMIT ?", (entity.id, documents))]
    return EntityCard(entity=entity, documents=docs, sentences=entity_mentions(store, entity.id, 0, sentences).items)


def recent_judgements(store: Store, limit: int = 10) -> list[dict[str, str]]:
    """The latest judgements, newest first: id, kind, type, a, b, created_at."""
    return [{k: str(j[k]) for k in ("id", "kind", "type", "a", "b", "created_at")}
            for j in reversed(store.judgements()[-limit:])]
