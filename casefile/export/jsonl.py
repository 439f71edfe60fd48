"""JSON-lines export: one object per line, streamed straight from the store's queries.

Lines come in groups, in this order:

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
from typing import IO

from casefile.store.db import Store
from casefile.store.export_queries import (ALL, EntitySelection, iter_documents, iter_entities, iter_facts,
                                           iter_mentions, iter_quotes)

# Valid inside JSON strings, but line breaks to str.splitlines() and many line readers: escape them
# so that one object is always exactly one line, whatever tool splits the file.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(obj: dict) -> str:
    """One JSON object on exactly one line (UTF-8 kept, Unicode line breaks escaped)."""
    return json.dumps(obj, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


def export_jsonl(store: Store, out: IO[str], selection: EntitySelection = ALL) -> int:
    """Write the store (its selected entities) to ``out`` as JSON lines; return the lines written."""
    written = 0
    for d in iter_documents(store):
        out.write(json_line({"kind": "document", "id": d.id, "path": d.source, "title": d.title,
                             "language": d.language, "published": d.published}))
        written += 1
    for e in iter_entities(store, selection):
        entity = {"kind": "entity", "id": e.id, "type": e.type, "name": e.name, "aliases": e.aliases,
                  "documents": [s.document for s in e.sources], "mentions": e.mentions}
        if e.attributes:
            entity["attributes"] = e.attributes
        out.write(json_line(entity))
        written += 1
    for m in iter_mentions(store, selection):
        out.write(json_line({"kind": "mention", "entity": m.entity, "document": m.document,
                             "start": m.start, "end": m.end, "text": m.text}))
        written += 1
    for f in iter_facts(store, selection):
        evidence = [{"document": e.document, "start": e.start, "end": e.end, "text": e.text} for e in f.evidence]
        out.write(json_line({"kind": "fact", "id": f.id, "type": f.type, "subject": f.subject.id,
                             "object": f.object.id if f.object else None, "value": f.value, "date": f.date,
                             "place": f.place.id if f.place else None, "evidence": evidence}))
        written += 1
    for q in iter_quotes(store, selection):
        out.write(json_line({"kind": "quote", "id": q.id, "speaker": q.speaker, "text": q.text,
                             "document": q.document, "start": q.start, "end": q.end}))
        written += 1
    return written
