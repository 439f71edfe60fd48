"""The GEXF export: networkx reads it back with the store's nodes, fact edges, co-mention edges
and their attributes; dates become GEXF times."""
from __future__ import annotations

import io
import itertools
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from casefile.export.gexf import date_span, export_gexf
from casefile.store import Store
from casefile.store.export_queries import EntitySelection


def read_gexf(db: Path, selection: EntitySelection = EntitySelection(), co_mentions: bool = False):
    store = Store(db, create=False, readonly=True)
    try:
        buf = io.BytesIO()
        count = export_gexf(store, buf, selection, co_mentions)
    finally:
        store.close()
    buf.seek(0)
    graph = nx.read_gexf(buf)
    assert count == graph.number_of_nodes() + graph.number_of_edges()
    return graph


def test_nodes_and_fact_edges_equal_the_store(demo_store, query):
    graph = read_gexf(demo_store)
    entities = {r[0]: r for r in query(demo_store, "SELECT id, name, type, documents FROM entities")}
    facts = query(demo_store, "SELECT id, type, subject, object, date, value FROM facts WHERE object IS NOT NULL")
    assert set(graph.nodes) == set(entities)
    for node, data in graph.nodes(data=True):
        _, name, type_, documents = entities[node]
        assert (data["label"], data["entity_type"], data["documents"]) == (name, type_, documents)
    assert graph.number_of_edges() == len(facts) > 0
    edges = {data["id"]: (u, v, data) for u, v, data in graph.edges(data=True)}
    for fact_id, type_, subject, obj, date, value in facts:
        u, v, data = edges[fact_id]
        assert (u, v, data["fact_type"], data["value"], data["date"]) == (subject, obj, type_, value or "", date or "")
        if date and not date.startswith("--"):
            assert data["start"] <= data["end"] and data["start"].startswith(date[:4])


def test_co_mentions_weighted_by_sentences(demo_store, query):
    graph = read_gexf(demo_store, co_mentions=True)
    named = query(demo_store, "SELECT DISTINCT m.document, m.sentence, c.entity FROM mentions m "
                             "JOIN clusters c ON c.id = m.cluster WHERE c.entity IS NOT NULL")
    by_sentence: dict[tuple, set[str]] = {}
    for document, sentence, entity in named:
        by_sentence.setdefault((document, sentence), set()).add(entity)
    expected = Counter(pair for entities in by_sentence.values() for pair in itertools.combinations(sorted(entities), 2))
    co = {(u, v): data for u, v, data in graph.edges(data=True) if data["fact_type"] == "co_mention"}
    assert {pair: int(data["weight"]) for pair, data in co.items()} == dict(expected)
    assert all(int(data["documents"]) >= 1 for data in co.values())


def test_selection_by_type_and_documents(demo_store):
    graph = read_gexf(demo_store, EntitySelection(("person", "organization"), min_documents=2))
    assert graph.number_of_nodes() > 0
    assert {d["entity_type"] for _, d in graph.nodes(data=True)} <= {"person", "organization"}
    assert all(d["documents"] >= 2 for _, d in graph.nodes(data=True))


def test_graph_is_dynamic_when_facts_are_dated(export_store):
    store = Store(export_store, create=False, readonly=True)
    try:
        buf = io.BytesIO()
        export_gexf(store, buf)
    finally:
        store.close()
    assert b'mode="dynamic"' in buf.getvalue() and b'timeformat="date"' in buf.getvalue()


@pytest.mark.parametrize(("date", "span"), [
    ("2023-05-02", ("2023-05-02", "2023-05-02")), ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023", ("2023-01-01", "2023-12-31")), ("--05-12", None), (None, None),
])
def test_date_span(date, span):
    assert date_span(date) == span
