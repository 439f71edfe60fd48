"""Resolution stage: one entity per real-world thing across documents and spellings.

``resolve_store`` reads every within-document cluster, groups them (blocking on name keys),
applies the judgements people recorded with ``casefile merge`` / ``casefile split``, and writes
the entities and aliases back in one transaction.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter

from rigour.text.translit import maybe_ascii

from casefile.clean.language import dominant_script
from casefile.nlp.keys import person_key
from casefile.resolve.clusters import ClusterInfo, group_clusters
from casefile.resolve.facts import build_facts
from casefile.resolve.judgements import apply_merges, apply_retypes, apply_splits, split_moves
from casefile.store import EntityRecord, Store
from casefile.store.db import StaleResolution


def _load_clusters(store: Store) -> list[ClusterInfo]:
    infos: dict[str, ClusterInfo] = {}
    for row in store.conn.execute("SELECT id, document, type, name, attributes FROM clusters ORDER BY id"):
        info = ClusterInfo(row["id"], row["document"], row["type"], row["name"])
        if row["attributes"]:
            info.attributes = json.loads(row["attributes"])
        infos[row["id"]] = info
    for row in store.conn.execute("SELECT cluster, text, count(*) AS n FROM mentions GROUP BY cluster, text"):
        if row["cluster"] in infos:
            infos[row["cluster"]].surfaces[row["text"]] = row["n"]
    return list(infos.values())


def entity_name(group: list[ClusterInfo], script: str = "original") -> str:
    """The fullest proper form among the group's cluster names, in ``script`` (one of
    NAME_SCRIPTS): "original" takes the fullest form whatever its script; "latin" and
    "cyrillic" take the fullest form in that script unless a fuller one exists only in the other,
    which "latin" then transliterates (people and places; a body's name stays as written)."""
    type_ = _group_type(group)
    group = [c for c in group if c.type == type_] or group

    def rank(c: ClusterInfo) -> tuple[int, int, str]:
        if c.type == "person":
            k = person_key(c.name)
            full = (2 if k.given else 0) + (2 if k.surname else 0) + (1 if k.patronymic else 0)
            return (full, sum(c.surfaces.values()), c.name)
        acronym = c.name.replace(".", "").isupper()
        return (0 if acronym else 1, sum(c.surfaces.values()), c.name)
    best = max(group, key=rank)
    if script == "original" or dominant_script(best.name) == script.upper():
        return best.name
    written = [c for c in group if dominant_script(c.name) == script.upper()]
    if written and rank(max(written, key=rank))[0] >= rank(best)[0]:
        return max(written, key=rank).name
    if script == "latin" and type_ in ("person", "location"):
        return maybe_ascii(best.name)
    return best.name


def _group_type(group: list[ClusterInfo]) -> str:
    """The type most of the group's mentions carry."""
    weight: Counter[str] = Counter()
    for c in group:
        weight[c.type] += sum(c.surfaces.values())
    return weight.most_common(1)[0][0]


def _record(group: list[ClusterInfo], script: str = "original") -> EntityRecord:
    aliases: Counter[str] = Counter()
    for c in group:
        aliases.update(c.surfaces)
    first = min(c.id for c in group)
    ent_id = "e" + hashlib.sha1(f"{group[0].type}:{first}".encode()).hexdigest()[:12]
    attributes: dict[str, object] = {}
    for c in group:
        for key, value in c.attributes.items():
            if key == "parts":
                attributes["parts"] = sorted(set(attributes.get("parts", [])) | set(value))  # type: ignore[arg-type]
            else:
                attributes.setdefault(key, value)
    return EntityRecord(
        id=ent_id, type=_group_type(group), name=entity_name(group, script), clusters=[c.id for c in group],
        attributes=attributes,
        aliases=dict(aliases), documents=len({c.document for c in group}), mentions=sum(aliases.values()),
    )


# how often a resolution is computed again when another run changed the documents meanwhile
RESOLVE_ATTEMPTS = 5


def resolve_store(store: Store, skip: frozenset[str] = frozenset()) -> int:
    """Recompute all entities from the stored clusters and judgements; returns the entity count.
    ``skip`` names typing steps (``casefile.resolve.clusters.TYPING_STEPS``) to leave out.

    A resolution is written only if no other run changed the documents while it was computed
    (the store's generation); otherwise it is computed again. When other runs keep writing, the
    store stays marked unresolved and the last of them resolves it (returns -1)."""
    for _attempt in range(RESOLVE_ATTEMPTS):
        try:
            return _resolve_once(store, skip)
        except StaleResolution:
            continue
    return -1


def _resolve_once(store: Store, skip: frozenset[str]) -> int:
    judgements = store.judgements()
    generation, clusters = _snapshot(store)
    moves = split_moves(clusters, judgements, store.conn)
    if moves:
        store.replace_resolution([], moves, generation=generation)
        generation, clusters = _snapshot(store)
    groups = group_clusters(clusters, skip)
    groups = apply_splits(apply_merges(apply_retypes(groups, judgements), judgements), judgements)
    script = store.name_script()
    records = [_record(g, script) for g in groups if g]
    store.replace_resolution(records, facts=lambda: build_facts(store), generation=generation)
    return len(records)


def _snapshot(store: Store) -> tuple[int, list[ClusterInfo]]:
    """The store's generation and its clusters, read in one transaction (one consistent view)."""
    store.conn.execute("BEGIN")
    try:
        return store.generation(), _load_clusters(store)
    finally:
        store.conn.execute("COMMIT")
