"""casefile.store.search: words over the documents (FTS5, quoted) and names across spellings."""
from __future__ import annotations

import pytest

from casefile.errors import CasefileError
from casefile.store.search import HIT_OPEN, fts_phrase_query, search_documents, search_names


@pytest.fixture()
def store(web_reader):
    return web_reader


def test_user_words_become_quoted_phrases():
    assert fts_phrase_query('editor AND "x') == '"editor" "AND" """x"'
    assert fts_phrase_query("   ") == ""


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(a", "a OR", "col:x", "*", "(", "^x"])
def test_fts_syntax_never_raises(store, query):
    assert search_documents(store, query).total >= 0


def test_documents_with_every_word_and_year_facets(store):
    found = search_documents(store, "Abenov")
    assert found.total == 3 and found.years == {"2024": 2, "2023": 1}
    assert all(HIT_OPEN in h.snippet for h in found.hits)
    only = search_documents(store, "Abenov", year="2023")
    assert only.total == 1 and only.hits[0].title.startswith("Blogger Fined")
    assert search_documents(store, "Abenov prison").total == 1
    assert search_documents(store, "Abenov", offset=2, limit=2).hits and \
        len(search_documents(store, "Abenov", offset=2, limit=2).hits) == 1


def test_empty_query_is_an_error(store):
    with pytest.raises(CasefileError, match="empty search query"):
        search_documents(store, " ")
    with pytest.raises(CasefileError, match="empty search query"):
        search_names(store, "  ")


@pytest.mark.parametrize("query", ["Nurlan Abenov", "Nurlan Abenof", "Нурлан Абенов", "abenov nurlan"])
def test_names_across_spellings_and_scripts(store, query):
    assert search_names(store, query).hits[0].entity.name == "Nurlan Abenov"


def test_name_facets_and_filters(store):
    every = search_names(store, "Velmora")
    assert every.types.get("location") == 1 and every.types.get("organization") == 1
    places = search_names(store, "Velmora", type_="location")
    assert [h.entity.name for h in places.hits] == ["Velmora"]
    with pytest.raises(CasefileError, match="unknown entity type"):
        search_names(store, "Velmora", type_="planet")


def test_names_page_by_page(store):
    every = search_names(store, "Abenov")
    first, second = search_names(store, "Abenov", limit=2), search_names(store, "Abenov", limit=2, offset=2)
    assert every.total == first.total == second.total == len(every.hits) >= 3
    assert [h.entity.id for h in first.hits + second.hits] == [h.entity.id for h in every.hits][:4]
