"""casefile.store.browse: the overview, a document with its mentions, an entity's mentions by page."""
from __future__ import annotations

import pytest

from casefile.errors import NotFoundError
from casefile.store.browse import document_titles, document_view, documents_page, entity_mentions, overview
from casefile.store.queries import find_entity


@pytest.fixture()
def store(web_reader):
    return web_reader


def test_overview_counts_and_ranks(store):
    view = overview(store, top=2)
    assert view.documents == 3 and view.entities["person"] >= 4 and view.facts > 0
    assert [e.name for e in view.top["person"]][0] == "Nurlan Abenov"
    assert len(view.top["person"]) == 2
    assert [d.title for d in view.recent][0] == "Editor Sentenced"  # latest first


def test_documents_page_pages(store):
    first = documents_page(store, 0, 2)
    rest = documents_page(store, 2, 2)
    assert first.total == 3 and len(first.items) == 2 and first.has_next
    assert len(rest.items) == 1 and not rest.has_next
    assert {d.id for d in first.items}.isdisjoint({d.id for d in rest.items})


def test_document_view_mentions_point_at_the_text(store):
    doc = next(d for d in documents_page(store).items if d.title == "Editor Sentenced")
    view = document_view(store, doc.id)
    assert view.url == "https://news.example/velmora-verdict"
    assert view.mentions and all(view.text[m.start:m.end] == m.text for m in view.mentions)
    nurlan = next(m for m in view.mentions if m.text == "Nurlan Abenov")
    assert nurlan.entity_name == "Nurlan Abenov" and nurlan.type == "person"
    assert any(f.type == "conviction" for f in view.facts)
    assert [q.text for q in view.quotes] == ["built on nothing"]


def test_document_view_of_an_unknown_id(store):
    with pytest.raises(NotFoundError, match="no document with id 'nope'"):
        document_view(store, "nope")


def test_entity_mentions_page_by_page(store):
    velmora = find_entity(store, "Velmora")
    first, second = entity_mentions(store, velmora.id, 0, 2), entity_mentions(store, velmora.id, 2, 2)
    assert first.total == velmora.mentions == 4
    assert len(first.items) == len(second.items) == 2 and first.has_next and not second.has_next
    for m in first.items + second.items:
        assert m.sentence_text[m.start - m.sentence_start:m.end - m.sentence_start] == m.text


def test_document_titles_fall_back_to_the_source(store):
    ids = [d.id for d in documents_page(store).items]
    titles = document_titles(store, ids)
    assert set(titles) == set(ids) and "Editor Sentenced" in titles.values()
