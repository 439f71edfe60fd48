"""GEXF export for Gephi, written by networkx: entities as nodes, facts between two entities as
edges, optionally co-mentions (two entities named in one sentence) as weighted edges.

Nodes carry ``label`` (the name), ``entity_type`` and ``documents``; fact edges carry
``fact_type``, ``value``, ``date`` and, when the date is known, GEXF ``start``/``end`` times (a
year or month spans its days) so Gephi's timeline can filter them. The file is written a chunk
of nodes or edges at a time, so memory stays flat. A co-mention edge runs from the lower id
to the higher one; its direction means nothing (GEXF readers such as networkx refuse a graph
that mixes directed and undirected edges).
"""
from __future__ import annotations

import calendar
import itertools
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar
from xml.etree.ElementTree import Element, tostring

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from casefile.store.db import Store
from casefile.store.export_queries import ALL, EntitySelection, iter_co_mentions, iter_entities, iter_facts

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CHUNK = 2000  # nodes or edges turned into XML at a time
_BODY = "casefile-body"  # marks where the streamed nodes and edges go
T = TypeVar("T")


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


def _nodes(store: Store, selection: EntitySelection) -> Iterator[tuple[str, dict]]:
    for e in iter_entities(store, selection):
        yield e.id, {"label": e.name, "entity_type": e.type, "documents": e.documents, "mentions": e.mentions}


def _edges(store: Store, selection: EntitySelection, co_mentions: bool) -> Iterator[tuple[str, str, str, dict]]:
    for f in iter_facts(store, selection):
        if f.object is None:
            continue
        attrs: dict[str, object] = {"id": f.id, "label": f.type, "fact_type": f.type, "value": f.value or "",
                                    "date": f.date or "", "evidence": len(f.evidence)}
        span = date_span(f.date)
        if span is not None:
            attrs["start"], attrs["end"] = span
        yield f.subject.id, f.object.id, f.id, attrs
    if co_mentions:
        for c in iter_co_mentions(store, selection):
            key = f"co:{c.a}:{c.b}"
            yield c.a, c.b, key, {"id": key, "label": "co_mention", "fact_type": "co_mention", "weight": c.sentences,
                                  "documents": c.documents}


def _chunks(rows: Iterable[T], size: int = _CHUNK) -> Iterator[list[T]]:
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def export_gexf(store: Store, out: IO[bytes], selection: EntitySelection = ALL, co_mentions: bool = False) -> int:
    """Write the graph as GEXF 1.2 to ``out``; return the number of nodes and edges.

    networkx's GEXF writer makes every element, a chunk of nodes or edges at a time, so memory
    stays flat: the elements go to a temporary file, and the attribute declarations and time
    format the writer collected on the way are written before them."""
    writer = GEXFWriter(version="1.2draft", prettyprint=False)
    graph_element = Element("graph", defaultedgetype="directed", mode="static", name="casefile")
    writer.graph_element = graph_element  # where the writer declares attributes and the time format
    written = 0
    with tempfile.TemporaryFile() as body:
        for tag, chunks in (("nodes", _chunks(_nodes(store, selection))),
                            ("edges", _chunks(_edges(store, selection, co_mentions)))):
            body.write(f"<{tag}>".encode())
            for chunk in chunks:
                piece, holder = nx.MultiDiGraph(), Element("graph")
                if tag == "nodes":
                    piece.add_nodes_from(chunk)
                    writer.add_nodes(piece, holder)
                else:
                    piece.add_edges_from(chunk)
                    writer.add_edges(piece, holder)
                for element in holder[0]:
                    body.write(tostring(element))
                written += len(chunk)
            body.write(f"</{tag}>".encode())
        graph_element.append(Element(_BODY))
        writer.xml.append(graph_element)
        head, tail = tostring(writer.xml, encoding="unicode").split(f"<{_BODY} />")
        out.write(b"<?xml version='1.0' encoding='utf-8'?>\n" + head.encode())
        body.seek(0)
        shutil.copyfileobj(body, out)
        out.write(tail.encode())
    return written
