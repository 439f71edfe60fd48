"""Tests of casefile.store.queries on a tiny hand-built store (no NLP pipeline involved).

``build_store`` is also used by test_export.py and test_cli.py.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from casefile.errors import CasefileError, NotFoundError
from casefile.models import Fact, LocalEntity, Mention, Quote
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


# -- facts, case records, laws and quotes -------------------------------------------------------------------

LAW_174 = "Article 174 of the Criminal Code"
LAW_361 = "Article 361 of the Criminal Code"

# Invented documents with facts. Entities as in DOCS; ``attributes`` maps a cluster index to its
# attributes; ``facts`` are (type, subject, sentence, extra Fact fields); ``quotes`` (text, speaker).
FACT_DOCS = [
    dict(id="f1", source="news/detained.txt", title="Activists detained in Karavel", published="2021-03-10",
         language="en",
         sentences=["Police detained Dana Orlova and Timur Beskov in Karavel on 5 March.",
                    f"Orlova and Beskov were charged under {LAW_174}.",
                    'Orlova said: "I am innocent."',
                    '"This case is political," one observer said.'],
         entities=[("person", "Dana Orlova", [("Dana Orlova", 0), ("Orlova", 1), ("Orlova", 2)]),
                   ("person", "Timur Beskov", [("Timur Beskov", 0), ("Beskov", 1)]),
                   ("location", "Karavel", [("Karavel", 0)]),
                   ("law", LAW_174, [(LAW_174, 1)])],
         attributes={3: {"article": "174", "parts": ["2"], "code": "Criminal Code"}},
         facts=[("detention", 0, 0, dict(date="2021-03-05", place=2)),
                ("detention", 1, 0, dict(date="2021-03-05", place=2)),
                ("charge", 0, 1, dict(object=3)), ("charge", 1, 1, dict(object=3))],
         quotes=[("I am innocent.", 0), ("This case is political,", None)]),
    dict(id="f2", source="news/verdict.txt", title="Verdict in the Orlova case", published="2021-09-01",
         language="en",
         sentences=[f"A court in Karavel convicted Dana Orlova under {LAW_174} in August.",
                    "Dana Orlova was sentenced to three years in prison on 20 August.",
                    f"Ruslan Tegin was also convicted under {LAW_174}.",
                    f"Earlier, Dana Orlova had been charged under {LAW_174}.",
                    "Orlova will appeal, her lawyer Mira Santova said.",
                    'Santova said the verdict "ignores the evidence".',
                    "The trial of Dana Orlova and Ilya Korm opened on 1 July."],
         entities=[("person", "Dana Orlova", [("Dana Orlova", 0), ("Dana Orlova", 1), ("Dana Orlova", 3),
                                              ("Orlova", 4), ("Dana Orlova", 6)]),
                   ("location", "Karavel", [("Karavel", 0)]),
                   ("law", LAW_174, [(LAW_174, 0), (LAW_174, 2), (LAW_174, 3)]),
                   ("person", "Ruslan Tegin", [("Ruslan Tegin", 2)]),
                   ("person", "Mira Santova", [("Mira Santova", 4), ("Santova", 5)]),
                   ("person", "Ilya Korm", [("Ilya Korm", 6)])],
         attributes={2: {"article": "174", "parts": ["2"], "code": "Criminal Code"}},
         facts=[("conviction", 0, 0, dict(object=2, date="2021-08", place=1)),
                ("sentence", 0, 1, dict(value="three years in prison", date="2021-08-20")),
                ("conviction", 3, 2, dict(object=2)),
                ("charge", 0, 3, dict(object=2)),
                ("appeal", 0, 4, {}),
                ("represents", 4, 4, dict(object=0)),
                ("trial", 0, 6, dict(date="2021-07-01")), ("trial", 5, 6, dict(date="2021-07-01"))],
         quotes=[("ignores the evidence", 4)]),
    dict(id="f3", source="news/freed.txt", title="Orlova freed", published=None, language="en",
         sentences=["Dana Orlova was released on 14 May.",
                    "In 2021 Dana Orlova was questioned by investigators.",
                    "Dana Orlova filed a complaint against Oleg Varin.",
                    f"Oleg Varin was charged under {LAW_361}."],
         entities=[("person", "Dana Orlova", [("Dana Orlova", 0), ("Dana Orlova", 1), ("Dana Orlova", 2)]),
                   ("person", "Oleg Varin", [("Oleg Varin", 2), ("Oleg Varin", 3)]),
                   ("law", LAW_361, [(LAW_361, 3)])],
         attributes={2: {"article": "361", "code": "Criminal Code"}},
         facts=[("release", 0, 0, dict(date="--05-14")), ("interrogation", 0, 1, dict(date="2021")),
                ("complained_against", 0, 2, dict(object=1)), ("charge", 1, 3, dict(object=2))],
         quotes=[]),
]


def fact_document_record(spec: dict) -> DocumentRecord:
    """``document_record`` plus the spec's law attributes, facts (sentence spans) and quotes."""
    doc = document_record(spec)
    for idx, attributes in spec["attributes"].items():
        doc.entities[idx].attributes = attributes
    facts = [Fact(type=type_, subject=subject, start=doc.sentences[sent][0], end=doc.sentences[sent][1], **extra)
             for type_, subject, sent, extra in spec["facts"]]
    quotes = [Quote(start=doc.text.index(text), end=doc.text.index(text) + len(text), text=text, speaker=speaker)
              for text, speaker in spec["quotes"]]
    return replace(doc, facts=facts, quotes=quotes)


def build_facts_store(path: str | Path) -> Store:
    """Three documents with facts and quotes, resolved by the real resolver (facts merged)."""
    from casefile.resolve import resolve_store

    store = Store(path, create=True)
    for spec in FACT_DOCS:
        store.write_document(fact_document_record(spec))
    resolve_store(store)
    return store


@pytest.fixture
def fstore(tmp_path):
    s = build_facts_store(tmp_path / "facts.db")
    yield s
    s.close()


def eid(store: Store, name: str) -> str:
    return q.find_entity(store, name).id


def test_fixture_resolves_as_intended(fstore):
    names = {e.name for e in q.list_entities(fstore, limit=None)}
    assert names == {"Dana Orlova", "Timur Beskov", "Karavel", LAW_174, "Ruslan Tegin", "Mira Santova",
                     "Ilya Korm", "Oleg Varin", LAW_361}


def test_entity_facts_names_and_merged_evidence(fstore):
    orlova = eid(fstore, "Dana Orlova")
    facts = q.entity_facts(fstore, orlova)
    assert sorted(f.type for f in facts) == sorted(
        ["detention", "charge", "conviction", "sentence", "appeal", "represents", "trial", "release",
         "interrogation", "complained_against"])
    [charge] = [f for f in facts if f.type == "charge"]  # stated in f1 and f2: one fact, two spans
    assert charge.subject_name == "Dana Orlova" and charge.object_name == LAW_174
    assert [(e.document, e.title) for e in charge.evidence] == [
        ("f1", "Activists detained in Karavel"), ("f2", "Verdict in the Orlova case")]
    texts = {r["id"]: r["text"] for r in fstore.conn.execute("SELECT id, text FROM documents")}
    for e in charge.evidence:
        assert texts[e.document][e.start:e.end] == e.text and "charged" in e.text
    [detention] = [f for f in facts if f.type == "detention"]
    assert (detention.date, detention.place_name) == ("2021-03-05", "Karavel")
    [represents] = [f for f in facts if f.type == "represents"]  # she is its object
    assert represents.subject_name == "Mira Santova" and represents.object == orlova
    [sentence] = [f for f in facts if f.type == "sentence"]
    assert sentence.value == "three years in prison"
    with pytest.raises(NotFoundError):
        q.entity_facts(fstore, "nope")


def test_timeline_orders_by_date_specificity(fstore):
    steps = q.timeline(fstore, eid(fstore, "Dana Orlova"))
    assert [(f.date, f.type) for f in steps] == [
        ("2021", "interrogation"), ("2021-03-05", "detention"), ("2021-07-01", "trial"),
        ("2021-08", "conviction"), ("2021-08-20", "sentence"), ("--05-14", "release")]


def test_date_key():
    dates = ["--01-02", "2020-05-01", "2020", None, "2019-12", "2020-05", "garbage"]
    assert sorted(dates, key=q.date_key) == ["2019-12", "2020", "2020-05", "2020-05-01", "--01-02", "garbage", None]


def test_case_record_order_and_co_defendants(fstore):
    record = q.case_record(fstore, eid(fstore, "Dana Orlova"))
    assert record.person.name == "Dana Orlova"
    assert [s.fact.type for s in record.steps] == [
        "interrogation", "detention", "charge", "trial", "conviction", "sentence", "appeal", "release",
        "complained_against"]
    co = {s.fact.type: [r.name for r in s.co_defendants] for s in record.steps}
    assert co["charge"] == ["Timur Beskov"]       # same law and same sentence
    assert co["trial"] == ["Ilya Korm"]           # same sentence, no object
    assert co["conviction"] == ["Ruslan Tegin"]   # same law, another sentence
    assert co["detention"] == []                  # detention is not a shared charge
    assert [r.name for r in record.co_defendants] == ["Ilya Korm", "Ruslan Tegin", "Timur Beskov"]
    assert all(s.fact.evidence for s in record.steps)  # every step has its source sentence


def test_case_record_without_facts(fstore):
    record = q.case_record(fstore, eid(fstore, "Mira Santova"))
    assert record.steps == [] and record.co_defendants == []
    with pytest.raises(NotFoundError):
        q.case_record(fstore, "nope")


def test_laws(fstore):
    found = q.laws(fstore)
    assert [law.name for law in found] == [LAW_174, LAW_361]
    law = found[0]
    assert law.attributes == {"article": "174", "parts": ["2"], "code": "Criminal Code"}
    assert [(p.name, p.facts) for p in law.parties] == [
        ("Dana Orlova", ["charge", "conviction"]), ("Ruslan Tegin", ["conviction"]), ("Timur Beskov", ["charge"])]
    assert [(p.name, p.type) for p in found[1].parties] == [("Oleg Varin", "person")]


def test_quotes(fstore):
    found = q.quotes(fstore)
    assert [(x.text, x.speaker_name) for x in found] == [
        ("I am innocent.", "Dana Orlova"), ("This case is political,", None), ("ignores the evidence", "Mira Santova")]
    unattributed = found[1]
    assert unattributed.speaker is None and unattributed.document == "f1"
    assert unattributed.title == "Activists detained in Karavel"
    texts = {r["id"]: r["text"] for r in fstore.conn.execute("SELECT id, text FROM documents")}
    assert all(texts[x.document][x.start:x.end] == x.text for x in found)
    mine = q.quotes(fstore, eid(fstore, "Dana Orlova"))
    assert [x.text for x in mine] == ["I am innocent."] and mine[0].speaker == eid(fstore, "Dana Orlova")
    assert len(q.quotes(fstore, limit=2)) == 2
    assert q.quotes(fstore, eid(fstore, "Ilya Korm")) == []
    with pytest.raises(NotFoundError):
        q.quotes(fstore, "nope")


def test_entity_detail_and_stats_include_facts_and_quotes(fstore):
    detail = q.entity_detail(fstore, eid(fstore, "Mira Santova"))
    assert [f.type for f in detail.facts] == ["represents"]
    assert [x.text for x in detail.quotes] == ["ignores the evidence"]
    s = q.stats(fstore)
    assert s["quotes"] == 3 and s["facts"] == 15  # 16 statements, one charge stated twice
    assert s["entities"]["law"] == 2
