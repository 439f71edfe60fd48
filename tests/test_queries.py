"""Tests of casefile.store.queries on a tiny hand-built store (no NLP pipeline involved).

``build_store`` is also used by test_export.py and test_cli.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from casefile.errors import CasefileError, NotFoundError
from casefile.models import LocalEntity, Mention
from casefile.store.db import DocumentRecord, EntityRecord, Store
from casefile.store import queries as q

# Each document: id, source, title, published, language, sentences (joined by one space), and
# local entities: (label, name, [(surface, sentence index), ...]) - the n-th listing of the same
# surface in one sentence is its n-th occurrence there.
DOCS = [
    dict(id="d1", source="news/acme.txt", title="Acme probe widens", published="2024-03-01", language="en",
         sentences=["John Smith met officials of Acme Corporation in Paris.", "Smith denied wrongdoing.",
                    "The Paris Summit ended without a deal."],
         entities=[("person", "John Smith", [("John Smith", 0), ("Smith", 1)]),
                   ("organization", "Acme Corporation", [("Acme Corporation", 0)]),
                   ("location", "Paris", [("Paris", 0)]),
                   ("event", "Paris Summit", [("Paris Summit", 2)])]),
    dict(id="d2", source="news/zoë.txt", title="Zoë Müller joins Acme Corp", published=None, language="de",
         sentences=["Zoë Müller joined Acme Corp last week.", "Müller said John Smith had left Paris.",
                    "Acme Holdings declined to comment on Müller."],
         entities=[("person", "Zoë Müller", [("Zoë Müller", 0), ("Müller", 1), ("Müller", 2)]),
                   ("organization", "Acme Corp", [("Acme Corp", 0)]),
                   ("person", "John Smith", [("John Smith", 1)]),
                   ("location", "Paris", [("Paris", 1)]),
                   ("organization", "Acme Holdings", [("Acme Holdings", 2)])]),
]

# Cross-document resolution of the clusters above: entity id -> (type, name, cluster ids).
RESOLUTION = {
    "e-john": ("person", "John Smith", ["d1:0", "d2:2"]),
    "e-acme": ("organization", "Acme Corporation", ["d1:1", "d2:1"]),
    "e-paris": ("location", "Paris", ["d1:2", "d2:3"]),
    "e-summit": ("event", "Paris Summit", ["d1:3"]),
    "e-zoe": ("person", "Zoë Müller", ["d2:0"]),
    "e-holdings": ("organization", "Acme Holdings", ["d2:4"]),
}


def document_record(spec: dict) -> DocumentRecord:
    """A DocumentRecord with exact offsets computed from the sentence strings."""
    text = " ".join(spec["sentences"])
    bounds, pos = [], 0
    for sentence in spec["sentences"]:
        bounds.append((pos, pos + len(sentence)))
        pos += len(sentence) + 1
    locals_ = []
    for idx, (label, name, surfaces) in enumerate(spec["entities"]):
        mentions = []
        for surface, sent in surfaces:
            s_start, s_end = bounds[sent]
            start = text.index(surface, s_start)
            while any(m.start == start for ent in locals_ for m in ent.mentions) or \
                    any(m.start == start for m in mentions):
                start = text.index(surface, start + 1)
            assert start + len(surface) <= s_end
            mentions.append(Mention(start=start, end=start + len(surface), text=surface, label=label,
                                    sentence=sent, cluster=idx))
        locals_.append(LocalEntity(label=label, name=name, mentions=mentions))
    return DocumentRecord(id=spec["id"], source=spec["source"], format="text", title=spec["title"], url=None,
                          published=spec["published"], language=spec["language"], raw_text=text, text=text,
                          tokens=len(text.split()), sentences=bounds, entities=locals_)


def resolution_records(store: Store, resolution: dict = RESOLUTION) -> list[EntityRecord]:
    """EntityRecords for ``resolution``, counting aliases, documents and mentions from the store."""
    records = []
    for entity_id, (type_, name, clusters) in resolution.items():
        marks = ",".join("?" * len(clusters))
        rows = store.conn.execute(f"SELECT document, text FROM mentions WHERE cluster IN ({marks})",
                                  clusters).fetchall()
        aliases: dict[str, int] = {}
        for r in rows:
            aliases[r["text"]] = aliases.get(r["text"], 0) + 1
        records.append(EntityRecord(id=entity_id, type=type_, name=name, clusters=list(clusters), aliases=aliases,
                                    documents=len({r["document"] for r in rows}), mentions=len(rows)))
    return records


def build_store(path: str | Path) -> Store:
    """The two-document fixture store, resolved."""
    store = Store(path, create=True)
    for spec in DOCS:
        store.write_document(document_record(spec))
    store.replace_resolution(resolution_records(store))
    return store


@pytest.fixture
def store(tmp_path):
    s = build_store(tmp_path / "case.db")
    yield s
    s.close()


# -- list_entities ---------------------------------------------------------------------------------

def test_list_entities_ranking(store):
    ents = q.list_entities(store)
    # 2 documents first (by mentions desc, then name), then 1 document
    assert [e.id for e in ents] == ["e-john", "e-acme", "e-paris", "e-zoe", "e-holdings", "e-summit"]
    john = ents[0]
    assert (john.type, john.name, john.documents, john.mentions) == ("person", "John Smith", 2, 3)
    assert john.aliases == ["Smith"]  # name itself is not listed
    assert ents[3].aliases == ["Müller"]


def test_list_entities_type_and_limit(store):
    assert [e.id for e in q.list_entities(store, type_="person")] == ["e-john", "e-zoe"]
    assert [e.id for e in q.list_entities(store, limit=2)] == ["e-john", "e-acme"]
    assert len(q.list_entities(store, limit=None)) == 6
    with pytest.raises(CasefileError, match="valid types"):
        q.list_entities(store, type_="animal")


# -- find_entity ----------------------------------------------------------------------------------

@pytest.mark.parametrize("query, expected", [
    ("e-zoe", "e-zoe"),                # id
    ("john smith", "e-john"),          # name, case-insensitive
    ("ZOË MÜLLER", "e-zoe"),           # non-ASCII case folding
    ("smith", "e-john"),               # alias
    ("Acme Corp", "e-acme"),           # alias beats prefix ambiguity with Acme Corporation/Holdings
    ("Acme H", "e-holdings"),          # unique prefix
    ("Summit", "e-summit"),            # unique substring
])
def test_find_entity(store, query, expected):
    assert q.find_entity(store, query).id == expected


def test_find_entity_type_filter(store):
    assert q.find_entity(store, "Paris", type_="location").id == "e-paris"
    assert q.find_entity(store, "Pari", type_="event").id == "e-summit"
    with pytest.raises(NotFoundError):
        q.find_entity(store, "John Smith", type_="organization")


def test_find_entity_ambiguous_lists_ids(store):
    with pytest.raises(NotFoundError, match="ambiguous") as info:
        q.find_entity(store, "Pari")
    assert "e-paris" in str(info.value) and "e-summit" in str(info.value)
    with pytest.raises(NotFoundError, match="ambiguous") as info:
        q.find_entity(store, "Acme")
    assert "e-acme" in str(info.value) and "e-holdings" in str(info.value)


def test_find_entity_not_found_suggests(store):
    with pytest.raises(NotFoundError, match="no entity named 'Jon Smyth'") as info:
        q.find_entity(store, "Jon Smyth")
    assert "John Smith" in str(info.value) and "e-john" in str(info.value)
    with pytest.raises(NotFoundError):
        q.find_entity(store, "   ")


# -- entity_detail --------------------------------------------------------------------------------

def test_entity_detail(store):
    detail = q.entity_detail(store, "e-john")
    assert detail.entity.id == "e-john"
    assert [d.id for d in detail.documents] == ["d1", "d2"]  # dated first
    assert detail.documents[0].source == "news/acme.txt" and detail.documents[0].title == "Acme probe widens"
    assert len(detail.mentions) == 3
    texts = {r["id"]: r["text"] for r in store.conn.execute("SELECT id, text FROM documents")}
    for m in detail.mentions:
        assert texts[m.document][m.start:m.end] == m.text
        assert m.sentence_text[m.start - m.sentence_start:m.end - m.sentence_start] == m.text
        assert m.sentence_text in DOCS[0]["sentences"] + DOCS[1]["sentences"]
    co = {c.id: c.count for c in detail.co_mentions}
    # same sentence: Acme Corporation + Paris (d1 s0), Zoë Müller + Paris (d2 s1)
    assert co == {"e-acme": 1, "e-paris": 2, "e-zoe": 1}
    assert detail.co_mentions[0].id == "e-paris"


def test_entity_detail_unknown(store):
    with pytest.raises(NotFoundError):
        q.entity_detail(store, "nope")


def test_mention_helpers(store):
    ids = q.mention_ids(store, "e-acme", "Acme Corp")
    assert len(ids) == 1
    assert q.entity_of_mention(store, ids[0]).id == "e-acme"
    assert q.entity_of_mention(store, 10**9) is None


# -- search, stats, documents ------------------------------------------------------------------------

def test_search(store):
    hits = q.search(store, "wrongdoing")
    assert [h.document for h in hits] == ["d1"]
    assert "[wrongdoing]" in hits[0].snippet
    assert hits[0].source == "news/acme.txt"
    assert {h.document for h in q.search(store, "acme")} == {"d1", "d2"}
    assert q.search(store, "Muller")  # diacritics removed by the tokenizer
    assert len(q.search(store, "acme", limit=1)) == 1
    assert q.search(store, "nothingmatchesthis") == []


@pytest.mark.parametrize("query", ['"unbalanced', "Acme AND", "(", "foo:bar", "NOT", "*"])
def test_search_bad_syntax_falls_back_or_explains(store, query):
    try:
        hits = q.search(store, query)
    except CasefileError as exc:
        assert query in str(exc)
    else:
        assert isinstance(hits, list)


def test_search_unbalanced_quote_retried_as_phrase(store):
    hits = q.search(store, '"Acme Corp')
    assert [h.document for h in hits] == ["d2"]


def test_search_empty(store):
    with pytest.raises(CasefileError, match="empty"):
        q.search(store, "  ")


def test_stats(store):
    s = q.stats(store)
    assert s["documents"] == 2
    assert s["sentences"] == 6
    assert s["mentions"] == 12
    assert s["entities"] == {"person": 2, "organization": 2, "location": 1, "event": 1, "law": 0}
    assert s["judgements"] == 0
    assert s["tokens"] == sum(len(" ".join(d["sentences"]).split()) for d in DOCS)
    assert s["languages"] == {"de": 1, "en": 1}
    store.add_judgement("merge", "person", "John Smith", "Zoë Müller")
    assert q.stats(store)["judgements"] == 1


def test_stats_empty(tmp_path):
    s = q.stats(Store(tmp_path / "empty.db"))
    assert s["documents"] == 0 and s["tokens"] == 0 and s["languages"] == {}
    assert s["entities"] == {"person": 0, "organization": 0, "location": 0, "event": 0, "law": 0}


def test_document_list(store):
    docs = q.document_list(store)
    assert [d.id for d in docs] == ["d1", "d2"]
    assert docs[1].title == "Zoë Müller joins Acme Corp" and docs[1].published is None
    assert docs[1].language == "de"


def test_search_error_when_phrase_fails_too(store, monkeypatch):
    import sqlite3

    def broken(store_, match, limit):
        raise sqlite3.OperationalError("fts5: syntax error")

    monkeypatch.setattr(q, "_search", broken)
    with pytest.raises(CasefileError, match="cannot search for"):
        q.search(store, "anything")
