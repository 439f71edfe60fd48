"""The network of facts: people and organisations as nodes, facts between two of them as typed
edges, for the whole collection (its best documented part) or around one entity.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from casefile.store.db import Store

NODE_TYPES = ("person", "organization")
MAX_NODES = 150


@dataclass(frozen=True)
class Node:
    """An entity in the graph."""

    id: str
    name: str
    type: str
    documents: int


@dataclass(frozen=True)
class Edge:
    """A fact from ``source`` to ``target``; ``evidence`` counts the sentences stating it."""

    id: str
    source: str
    target: str
    type: str
    value: str | None
    date: str | None
    evidence: int


@dataclass(frozen=True)
class Graph:
    """Nodes and the edges between them; ``fact_types`` lists every type present before filtering."""

    nodes: list[Node]
    edges: list[Edge]
    fact_types: list[str] = field(default_factory=list)


def _edges(store: Store, where: str, params: tuple) -> list[Edge]:
    marks = ",".join("?" * len(NODE_TYPES))
    return [Edge(r["id"], r["subject"], r["object"], r["type"], r["value"], r["date"], r["n"])
            for r in store.conn.execute(
                "SELECT f.id, f.subject, f.object, f.type, f.value, f.date, "
                "(SELECT COUNT(*) FROM fact_evidence fe WHERE fe.fact = f.id) AS n FROM facts f "
                "JOIN entities s ON s.id = f.subject JOIN entities o ON o.id = f.object "
                f"WHERE s.type IN ({marks}) AND o.type IN ({marks}) AND f.subject != f.object AND {where} "
                "ORDER BY f.id", (*NODE_TYPES, *NODE_TYPES, *params))]


def _nodes(store: Store, ids: set[str]) -> list[Node]:
    found: list[Node] = []
    id_list = sorted(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start:start + 500]
        found += [Node(r["id"], r["name"], r["type"], r["documents"]) for r in store.conn.execute(
            f"SELECT id, name, type, documents FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
    return sorted(found, key=lambda n: (-n.documents, n.name, n.id))


def _graph(store: Store, edges: list[Edge], fact_types: list[str] | None, keep: set[str] | None = None,
           max_nodes: int = MAX_NODES) -> Graph:
    present = sorted({e.type for e in edges})
    if fact_types:
        edges = [e for e in edges if e.type in fact_types]
    nodes = _nodes(store, {e.source for e in edges} | {e.target for e in edges} | (keep or set()))
    if len(nodes) > max_nodes:  # the best documented part, and whatever was asked for
        nodes = [n for n in nodes if keep and n.id in keep] + [n for n in nodes if not keep or n.id not in keep]
        nodes = nodes[:max_nodes]
    ids = {n.id for n in nodes}
    return Graph(nodes=nodes, edges=[e for e in edges if e.source in ids and e.target in ids], fact_types=present)


def network(store: Store, entity_id: str | None = None, fact_types: list[str] | None = None,
            max_nodes: int = MAX_NODES) -> Graph:
    """The facts between people and organisations (of ``fact_types`` when given); with ``entity_id``,
    only that entity's direct links; at most ``max_nodes`` nodes, the best documented first."""
    if entity_id is None:
        return _graph(store, _edges(store, "1", ()), fact_types, max_nodes=max_nodes)
    return neighbourhood(store, entity_id, fact_types, max_nodes)


def neighbourhood(store: Store, entity_id: str, fact_types: list[str] | None = None,
                  max_nodes: int = 40) -> Graph:
    """One entity, the people and organisations a fact links it to, and the facts among them."""
    direct = _edges(store, "(f.subject = ? OR f.object = ?)", (entity_id, entity_id))
    return _graph(store, direct, fact_types, keep={entity_id}, max_nodes=max_nodes)
