"""JSON-lines export: one object per line, streamed straight from SQLite.

Lines come in three groups, in this order:

* ``{"kind": "document", "id", "path", "title", "language", "published"}`` per document;
* ``{"kind": "entity", "id", "type", "name", "aliases", "documents", "mentions"}`` per entity,
  where ``aliases`` are the other surface forms (sorted, without ``name``), ``documents`` the
  sorted ids of the documents naming it and ``mentions`` the number of its mention lines;
* ``{"kind": "mention", "entity", "document", "start", "end", "text"}`` per resolved mention;
  ``start``/``end`` are character offsets into the document's clean text;
* ``{"kind": "fact", "id", "type", "subject", "object", "value", "date", "place", "evidence"}``
  per merged fact, ``evidence`` a list of ``{"document", "start", "end", "text"}``;
* ``{"kind": "quote", "id", "speaker", "text", "document", "start", "end"}`` per quote
  (``speaker`` an entity id or null).

Law entities also carry ``attributes`` (article, parts, paragraph, code, title).
"""
from __future__ import annotations

import json
from typing import TextIO

from casefile.store.db import Store, quote_id


# Valid inside JSON strings, but line breaks to str.splitlines() and many line readers: escape them
# so that one object is always exactly one line, whatever tool splits the file.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


def export_jsonl(store: Store, out: TextIO) -> int:
    """Write the whole store to ``out`` as JSON lines; return the number of lines written."""
    conn = store.conn
    written = 0
    for r in conn.execute("SELECT id, source, title, language, published FROM documents ORDER BY source, id"):
        out.write(_line({"kind": "document", "id": r["id"], "path": r["source"], "title": r["title"],
                         "language": r["language"], "published": r["published"]}))
        written += 1
    for r in conn.execute("SELECT id, type, name, attributes FROM entities ORDER BY type, name, id"):
        aliases = [a[0] for a in conn.execute(
            "SELECT alias FROM aliases WHERE entity = ? AND alias != ? ORDER BY alias", (r["id"], r["name"]))]
        docs = [d[0] for d in conn.execute(
            "SELECT DISTINCT m.document FROM mentions m JOIN clusters c ON c.id = m.cluster "
            "WHERE c.entity = ? ORDER BY m.document", (r["id"],))]
        count = conn.execute(
            "SELECT COUNT(*) FROM mentions m JOIN clusters c ON c.id = m.cluster WHERE c.entity = ?",
            (r["id"],)).fetchone()[0]
        entity = {"kind": "entity", "id": r["id"], "type": r["type"], "name": r["name"],
                  "aliases": aliases, "documents": docs, "mentions": count}
        if r["attributes"]:
            entity["attributes"] = json.loads(r["attributes"])
        out.write(_line(entity))
        written += 1
    for r in conn.execute(
            "SELECT c.entity, m.document, m.start, m.end, m.text FROM mentions m "
            "JOIN clusters c ON c.id = m.cluster JOIN entities e ON e.id = c.entity "
            "ORDER BY m.document, m.start, m.end, m.id"):
        out.write(_line({"kind": "mention", "entity": r["entity"], "document": r["document"],
                         "start": r["start"], "end": r["end"], "text": r["text"]}))
        written += 1
    return written + _export_facts(store, out) + _export_quotes(store, out)


def _export_facts(store: Store, out: TextIO) -> int:
    conn = store.conn
    written = 0
    for r in conn.execute("SELECT * FROM facts ORDER BY type, subject, id"):
        evidence = [{"document": e["document"], "start": e["start"], "end": e["end"], "text": e["text"]}
                    for e in conn.execute("SELECT * FROM fact_evidence WHERE fact = ? ORDER BY document, start",
                                          (r["id"],))]
        out.write(_line({"kind": "fact", "id": r["id"], "type": r["type"], "subject": r["subject"],
                         "object": r["object"], "value": r["value"], "date": r["date"], "place": r["place"],
                         "evidence": evidence}))
        written += 1
    return written


def _export_quotes(store: Store, out: TextIO) -> int:
    written = 0
    for r in store.conn.execute(
            "SELECT q.id, c.entity AS speaker, q.text, q.document, q.start, q.end FROM quotes q "
            "LEFT JOIN clusters c ON c.id = q.speaker ORDER BY q.document, q.start"):
        out.write(_line({"kind": "quote", "id": quote_id(r["document"], r["start"], r["end"]), "speaker": r["speaker"], "text": r["text"],
                         "document": r["document"], "start": r["start"], "end": r["end"]}))
        written += 1
    return written
