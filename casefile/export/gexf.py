"""GEXF export for Gephi, written by networkx: entities as nodes, facts between two entities as
edges, optionally co-mentions (two entities named in one sentence) as weighted edges.

Nodes carry ``label`` (the name), ``entity_type`` and ``documents``; fact edges carry
``fact_type``, ``value``, ``date`` and, when the date is known, GEXF ``start``/``end`` times (a
year or month spans its days) so Gephi's timeline can filter them. The graph is held in memory
while written: nodes and edges only, never the texts. A co-mention edge runs from the lower id
to the higher one; its direction means nothing (GEXF readers such as networkx refuse a graph
that mixes directed and undirected edges).
"""
from __future__ import annotations

import calendar
import re
from typing import BinaryIO

import networkx as nx

from casefile.store.db import Store
from casefile.store.export_queries import ALL, EntitySelection, iter_co_mentions, iter_entities, iter_facts

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_span(date: str | None) -> tuple[str, str] | None:
    """The first and last day a casefile date covers ("2023-05" -> 2023-05-01, 2023-05-31);
    None for no date or one without a year ("--05-12")."""
    m = _ISO.match(date or "")
    if m is None:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if day:
        return date, date  # type: ignore[return-value]
    if month:
        last = calendar.monthrange(year, int(month))[1]
        return f"{year:04d}-{month}-01", f"{year:04d}-{month}-{last:02d}"
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def build_graph(store: Store, selection: EntitySelection = ALL, co_mentions: bool = False) -> nx.MultiDiGraph:
    """The selected entities and the facts (and, if asked, co-mentions) between them."""
    graph = nx.MultiDiGraph(name="casefile")
    for e in iter_entities(store, selection):
        graph.add_node(e.id, label=e.name, entity_type=e.type, documents=e.documents, mentions=e.mentions)
    for f in iter_facts(store, selection):
        if f.object is None:
            continue
        attrs: dict[str, object] = {"id": f.id, "label": f.type, "fact_type": f.type,
                                    "value": f.value or "", "date": f.date or "", "evidence": len(f.evidence)}
        span = date_span(f.date)
        if span is not None:
            attrs["start"], attrs["end"] = span
        graph.add_edge(f.subject.id, f.object.id, key=f.id, **attrs)
    if co_mentions:
        for c in iter_co_mentions(store, selection):
            key = f"co:{c.a}:{c.b}"
            graph.add_edge(c.a, c.b, key=key, id=key, label="co_mention", fact_type="co_mention",
                           weight=c.sentences, documents=c.documents)
    return graph


def export_gexf(store: Store, out: BinaryIO, selection: EntitySelection = ALL, co_mentions: bool = False) -> int:
    """Write the graph as GEXF 1.2 to ``out``; return the number of nodes and edges."""
    graph = build_graph(store, selection, co_mentions)
    nx.write_gexf(graph, out)
    return graph.number_of_nodes() + graph.number_of_edges()
