"""Tests of casefile.store.fact_queries on a tiny hand-built store with facts and quotes.

``build_facts_store`` is also used by test_cli.py.
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from casefile.errors import NotFoundError
from casefile.models import Fact, Quote
from casefile.store.db import DocumentRecord, Store
from casefile.store import fact_queries as fq
from casefile.store import queries as q

sys.path.insert(0, str(Path(__file__).parent))
from test_queries import document_record  # noqa: E402

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
    facts = fq.entity_facts(fstore, orlova)
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
        fq.entity_facts(fstore, "nope")


def test_timeline_orders_by_date_specificity(fstore):
    steps = fq.timeline(fstore, eid(fstore, "Dana Orlova"))
    assert [(f.date, f.type) for f in steps] == [
        ("2021", "interrogation"), ("2021-03-05", "detention"), ("2021-07-01", "trial"),
        ("2021-08", "conviction"), ("2021-08-20", "sentence"), ("--05-14", "release")]


def test_date_key():
    dates = ["--01-02", "2020-05-01", "2020", None, "2019-12", "2020-05", "garbage"]
    assert sorted(dates, key=fq.date_key) == ["2019-12", "2020", "2020-05", "2020-05-01", "--01-02", "garbage", None]


def test_case_record_order_and_co_defendants(fstore):
    record = fq.case_record(fstore, eid(fstore, "Dana Orlova"))
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
    record = fq.case_record(fstore, eid(fstore, "Mira Santova"))
    assert record.steps == [] and record.co_defendants == []
    with pytest.raises(NotFoundError):
        fq.case_record(fstore, "nope")


def test_laws(fstore):
    found = fq.laws(fstore)
    assert [law.name for law in found] == [LAW_174, LAW_361]
    law = found[0]
    assert law.attributes == {"article": "174", "parts": ["2"], "code": "Criminal Code"}
    assert [(p.name, p.facts) for p in law.parties] == [
        ("Dana Orlova", ["charge", "conviction"]), ("Ruslan Tegin", ["conviction"]), ("Timur Beskov", ["charge"])]
    assert [(p.name, p.type) for p in found[1].parties] == [("Oleg Varin", "person")]


def test_quotes(fstore):
    found = fq.quotes(fstore)
    assert [(x.text, x.speaker_name) for x in found] == [
        ("I am innocent.", "Dana Orlova"), ("This case is political,", None), ("ignores the evidence", "Mira Santova")]
    unattributed = found[1]
    assert unattributed.speaker is None and unattributed.document == "f1"
    assert unattributed.title == "Activists detained in Karavel"
    texts = {r["id"]: r["text"] for r in fstore.conn.execute("SELECT id, text FROM documents")}
    assert all(texts[x.document][x.start:x.end] == x.text for x in found)
    mine = fq.quotes(fstore, eid(fstore, "Dana Orlova"))
    assert [x.text for x in mine] == ["I am innocent."] and mine[0].speaker == eid(fstore, "Dana Orlova")
    assert len(fq.quotes(fstore, limit=2)) == 2
    assert fq.quotes(fstore, eid(fstore, "Ilya Korm")) == []
    with pytest.raises(NotFoundError):
        fq.quotes(fstore, "nope")


def test_entity_detail_and_stats_include_facts_and_quotes(fstore):
    detail = q.entity_detail(fstore, eid(fstore, "Mira Santova"))
    assert [f.type for f in detail.facts] == ["represents"]
    assert [x.text for x in detail.quotes] == ["ignores the evidence"]
    s = q.stats(fstore)
    assert s["quotes"] == 3 and s["facts"] == 15  # 16 statements, one charge stated twice
    assert s["entities"]["law"] == 2
