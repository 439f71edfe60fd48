"""casefile.store.network: people and organisations linked by facts."""
from __future__ import annotations

import pytest

from casefile.store.network import neighbourhood, network
from casefile.store.queries import find_entity


@pytest.fixture()
def store(web_reader):
    return web_reader


def test_edges_join_people_and_organisations_only(store):
    graph = network(store)
    ids = {n.id for n in graph.nodes}
    assert graph.edges and all(e.source in ids and e.target in ids for e in graph.edges)
    assert {n.type for n in graph.nodes} <= {"person", "organization"}
    assert "family" in graph.fact_types and "position" in graph.fact_types


def test_fact_type_filter_keeps_the_list_of_types(store):
    graph = network(store, fact_types=["family"])
    assert {e.type for e in graph.edges} == {"family"}
    assert "position" in graph.fact_types


def test_neighbourhood_is_the_direct_links(store):
    nurlan = find_entity(store, "Nurlan Abenov")
    graph = neighbourhood(store, nurlan.id)
    assert all(nurlan.id in (e.source, e.target) for e in graph.edges)
    assert {n.name for n in graph.nodes} >= {"Nurlan Abenov", "Saule Abenova", "Qala Times"}


def test_node_cap_keeps_the_best_documented(store):
    graph = network(store, max_nodes=1)
    assert len(graph.nodes) == 1 and graph.edges == []
