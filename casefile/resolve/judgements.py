"""Applying a person's merge, split and retype judgements on top of automatic resolution.

A "distinct" judgement changes no entity: it only keeps a pair out of the review queue."""
from __future__ import annotations

import sqlite3

from casefile.resolve.clusters import ClusterInfo


def _names_of(group: list[ClusterInfo]) -> set[str]:
    return {n.casefold() for c in group for n in [c.name, *c.surfaces]}


def apply_retypes(groups: list[list[ClusterInfo]], judgements: list[sqlite3.Row]) -> list[list[ClusterInfo]]:
    """Give every cluster of a group a retype judgement names (by any of its names) the judged type."""
    for j in judgements:
        if j["kind"] != "retype":
            continue
        for g in groups:
            if g and any(c.type == j["type"] for c in g) and j["a"].casefold() in _names_of(g):
                for c in g:
                    c.type = j["b"]
    return groups


def apply_merges(groups: list[list[ClusterInfo]], judgements: list[sqlite3.Row]) -> list[list[ClusterInfo]]:
    """Join the two groups a merge judgement names (by any of their names), of its type."""
    for j in judgements:
        if j["kind"] != "merge":
            continue
        a = [g for g in groups if g and g[0].type == j["type"] and j["a"].casefold() in _names_of(g)]
        b = [g for g in groups if g and g[0].type == j["type"] and j["b"].casefold() in _names_of(g)]
        if a and b and a[0] is not b[0]:
            a[0].extend(b[0])
            groups = [g for g in groups if g is not b[0]]
    return groups


def apply_splits(groups: list[list[ClusterInfo]], judgements: list[sqlite3.Row]) -> list[list[ClusterInfo]]:
    """Take clusters named only by a split-off alias out of the entity they were judged apart from."""
    for j in judgements:
        if j["kind"] != "split":
            continue
        alias = j["b"].casefold()
        out: list[list[ClusterInfo]] = []
        for g in groups:
            detached = [c for c in g if c.type == j["type"] and {n.casefold() for n in c.surfaces} == {alias}]
            rest = [c for c in g if c not in detached]
            if detached and rest:
                out.extend([rest, detached])
            else:
                out.append(g)
        groups = out
    return groups


def split_moves(clusters: list[ClusterInfo], judgements: list[sqlite3.Row],
                conn: sqlite3.Connection) -> list[tuple[int, str, str, str]]:
    """Mentions to move into their own cluster so a split alias can stand alone.

    Returns (mention id, new cluster id, document, alias) for every mention whose text is a
    split-off alias inside a cluster that also has other surface forms.
    """
    moves: list[tuple[int, str, str, str]] = []
    for j in judgements:
        if j["kind"] != "split":
            continue
        alias = j["b"].casefold()
        for c in clusters:
            if c.type != j["type"] or alias not in {s.casefold() for s in c.surfaces} or len(c.surfaces) < 2:
                continue
            rows = conn.execute("SELECT id, text FROM mentions WHERE cluster = ?", (c.id,)).fetchall()
            for row in rows:
                if row["text"].casefold() == alias:
                    moves.append((row["id"], f"{c.id}~split", c.document, row["text"]))
    return moves
