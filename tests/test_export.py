"""Tests of the JSON-lines export: field sets, order, offsets and a hypothesis round trip."""
from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pytest

from casefile.errors import ExportError
from casefile.export import FORMATS, ExportOptions, export, export_jsonl
from casefile.store.export_queries import EntitySelection, snapshot
from casefile.models import LocalEntity, Mention
from casefile.store.db import DocumentRecord, EntityRecord, Store

sys.path.insert(0, str(Path(__file__).parent))
from test_queries import build_store  # noqa: E402

DOC_FIELDS = {"kind", "id", "path", "title", "language", "published"}
ENTITY_FIELDS = {"kind", "id", "type", "name", "aliases", "documents", "mentions"}
MENTION_FIELDS = {"kind", "entity", "document", "start", "end", "text"}


def export_lines(store: Store) -> tuple[int, list[dict], str]:
    buf = io.StringIO()
    n = export_jsonl(store, buf)
    raw = buf.getvalue()
    return n, [json.loads(line) for line in raw.splitlines()], raw


def check_consistent(store: Store, lines: list[dict]) -> None:
    """Every invariant of the format, against the store's own contents."""
    kinds = [line["kind"] for line in lines]
    assert kinds == sorted(kinds, key=["document", "entity", "mention"].index), "groups out of order"
    texts = {r["id"]: r["text"] for r in store.conn.execute("SELECT id, text FROM documents")}
    docs = [line for line in lines if line["kind"] == "document"]
    ents = {line["id"]: line for line in lines if line["kind"] == "entity"}
    ments = [line for line in lines if line["kind"] == "mention"]
    assert {d["id"] for d in docs} == set(texts)
    for d in docs:
        assert set(d) == DOC_FIELDS
    per_entity: dict[str, list[dict]] = {}
    for m in ments:
        assert set(m) == MENTION_FIELDS
        assert texts[m["document"]][m["start"]:m["end"]] == m["text"]
        assert m["entity"] in ents
        per_entity.setdefault(m["entity"], []).append(m)
    for e in ents.values():
        assert set(e) == ENTITY_FIELDS
        assert e["aliases"] == sorted(e["aliases"]) and e["name"] not in e["aliases"]
        assert e["documents"] == sorted({m["document"] for m in per_entity.get(e["id"], [])})
        assert e["mentions"] == len(per_entity.get(e["id"], []))
        surfaces = {m["text"] for m in per_entity.get(e["id"], [])} - {e["name"]}
        assert set(e["aliases"]) == surfaces
    resolved = store.conn.execute(
        "SELECT COUNT(*) FROM mentions m JOIN clusters c ON c.id = m.cluster WHERE c.entity IS NOT NULL"
    ).fetchone()[0]
    assert len(ments) == resolved


def test_export_fixture(tmp_path):
    store = build_store(tmp_path / "case.db")
    n, lines, raw = export_lines(store)
    assert n == len(lines) == 2 + 6 + 12
    assert raw.endswith("\n") and "Zoë Müller" in raw  # ensure_ascii=False
    check_consistent(store, lines)
    docs = [line for line in lines if line["kind"] == "document"]
    assert docs[0] == {"kind": "document", "id": "d1", "path": "news/acme.txt", "title": "Acme probe widens",
                       "language": "en", "published": "2024-03-01"}
    john = next(line for line in lines if line.get("id") == "e-john")
    assert john == {"kind": "entity", "id": "e-john", "type": "person", "name": "John Smith",
                    "aliases": ["Smith"], "documents": ["d1", "d2"], "mentions": 3}


def test_export_skips_unresolved_mentions(tmp_path):
    store = build_store(tmp_path / "case.db")
    store.conn.execute("DELETE FROM entities WHERE id = 'e-holdings'")
    store.conn.execute("UPDATE clusters SET entity = NULL WHERE id = 'd2:4'")
    n, lines, _ = export_lines(store)
    assert n == 2 + 5 + 11
    assert all(line.get("text") != "Acme Holdings" for line in lines)
    check_consistent(store, lines)


def test_export_empty_store(tmp_path):
    assert export_lines(Store(tmp_path / "empty.db"))[:2] == (0, [])


def test_formats_registry_and_unknown_format(tmp_path):
    assert set(FORMATS) == {"jsonl", "ftm", "gexf", "csv"}
    with pytest.raises(ExportError, match="choose one of jsonl, ftm, gexf, csv"):
        export(Store(tmp_path / "empty.db"), "xml")
    with pytest.raises(ExportError, match="--excel applies to --format csv only"):
        export(Store(tmp_path / "empty.db"), "jsonl", options=ExportOptions(excel=True))


def test_jsonl_selection_keeps_facts_between_selected_entities(tmp_path):
    store = build_store(tmp_path / "case.db")
    _, lines, _ = export_lines(store)
    every = {line["id"]: line for line in lines if line["kind"] == "entity"}
    buf = io.StringIO()
    export_jsonl(store, buf, EntitySelection(("person",), min_documents=2))
    kept = [json.loads(line) for line in buf.getvalue().splitlines()]
    entities = {line["id"] for line in kept if line["kind"] == "entity"}
    assert entities == {i for i, e in every.items() if e["type"] == "person" and len(e["documents"]) >= 2}
    assert entities and all(line["entity"] in entities for line in kept if line["kind"] == "mention")
    assert sum(line["kind"] == "document" for line in kept) == sum(line["kind"] == "document" for line in lines)


# -- property: arbitrary texts and mention spans survive the round trip ---------------------------

WORD = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=" "),
               min_size=1, max_size=8)
LABELS = st.sampled_from(["person", "organization", "location", "event"])


@st.composite
def documents(draw):
    words = draw(st.lists(WORD, min_size=1, max_size=12))
    text = " ".join(words)
    spans, pos = [], 0
    for w in words:
        spans.append((pos, pos + len(w), w))
        pos += len(w) + 1
    chosen = draw(st.lists(st.sampled_from(spans), unique=True, max_size=len(spans)))
    entities = []
    for start, end, w in chosen:
        entities.append(LocalEntity(label=draw(LABELS), name=w,
                                    mentions=[Mention(start=start, end=end, text=w, label="person", sentence=0)]))
    return text, entities


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=3), st.data())
def test_export_round_trip_property(docs, data):
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "p.db")
        for i, (text, entities) in enumerate(docs):
            store.write_document(DocumentRecord(
                id=f"doc{i}", source=f"src/{i}.txt", format="text", title=text[:10], url=None, published=None,
                language="en", raw_text=text, text=text, tokens=len(text.split()), sentences=[(0, len(text))],
                entities=entities))
        clusters = [(f"doc{i}:{j}", e) for i, (_, ents) in enumerate(docs) for j, e in enumerate(ents)]
        records = []
        # resolve some clusters (by name, per type), leave others unresolved
        keep = [c for c in clusters if data.draw(st.booleans())]
        groups: dict[tuple[str, str], list[tuple[str, LocalEntity]]] = {}
        for cid, ent in keep:
            groups.setdefault((ent.label, ent.name), []).append((cid, ent))
        for n, ((label, name), members) in enumerate(sorted(groups.items())):
            aliases: dict[str, int] = {}
            for _, ent in members:
                for m in ent.mentions:
                    aliases[m.text] = aliases.get(m.text, 0) + 1
            records.append(EntityRecord(id=f"E{n}", type=label, name=name, clusters=[c for c, _ in members],
                                        aliases=aliases, documents=len({c.split(":")[0] for c, _ in members}),
                                        mentions=sum(len(e.mentions) for _, e in members)))
        store.replace_resolution(records)
        count, lines, _ = export_lines(store)
        assert count == len(lines) == len(docs) + len(records) + sum(len(e.mentions) for _, e in keep)
        check_consistent(store, lines)
        store.close()


def test_unicode_line_separators_stay_on_one_line(tmp_path):
    text = "Line\u2028sep\u2029para\x85nel Anna"
    store = Store(tmp_path / "u.db")
    start = text.index("Anna")
    store.write_document(DocumentRecord(
        id="u", source="u.txt", format="text", title="T\u2028itle", url=None, published=None, language="en",
        raw_text=text, text=text, tokens=4, sentences=[(0, len(text))],
        entities=[LocalEntity(label="person", name="Anna",
                              mentions=[Mention(start=start, end=start + 4, text="Anna", label="person", sentence=0)])]))
    n, lines, raw = export_lines(store)
    assert n == 1 and len(raw.splitlines()) == 1 and lines[0]["title"] == "T\u2028itle"


def test_an_export_reads_one_snapshot_while_another_run_writes(tmp_path):
    writer = build_store(tmp_path / "case.db")
    reader = Store(tmp_path / "case.db", create=False, readonly=True)
    count = "SELECT COUNT(*) FROM documents"
    with snapshot(reader):
        before = reader.conn.execute(count).fetchone()[0]
        writer.write_document(DocumentRecord(
            id="d3", source="news/late.txt", format="text", title="Late", url=None, published=None, language="en",
            raw_text="Late news.", text="Late news.", tokens=2, sentences=[(0, 10)], entities=[]))
        assert reader.conn.execute(count).fetchone()[0] == before
    assert reader.conn.execute(count).fetchone()[0] == before + 1
    reader.close()
    writer.close()
