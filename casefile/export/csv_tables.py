"""CSV export for spreadsheets: one table per file, in a folder or a zip archive.

``documents.csv``, ``entities.csv``, ``aliases.csv``, ``mentions.csv``, ``facts.csv``,
``fact_evidence.csv`` and ``quotes.csv``: UTF-8, one header row, ids that join (``entity``,
``document``, ``subject``, ``object``, ``place``, ``fact``, ``speaker``). ``excel=True`` starts
each file with a byte-order mark, which Excel needs to read UTF-8. Rows are streamed.
"""
from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import IO

from casefile.export.output import atomic_file, cannot_write
from casefile.store.db import Store
from casefile.store.export_queries import (ALL, EntitySelection, iter_aliases, iter_documents, iter_entities,
                                           iter_facts, iter_mentions, iter_quotes)

Rows = Callable[[Store, EntitySelection], Iterable[tuple]]
OpenMember = Callable[[str], AbstractContextManager[IO[str]]]  # a table's file by name, open to write


def _documents(store: Store, _selection: EntitySelection) -> Iterator[tuple]:
    for d in iter_documents(store):
        yield d.id, d.source, d.format, d.title, d.url, d.published, d.language, d.tokens


def _entities(store: Store, selection: EntitySelection) -> Iterator[tuple]:
    for e in iter_entities(store, selection):
        attributes = json.dumps(e.attributes, ensure_ascii=False) if e.attributes else None
        yield e.id, e.type, e.name, e.documents, e.mentions, attributes


def _aliases(store: Store, selection: EntitySelection) -> Iterator[tuple]:
    for a in iter_aliases(store, selection):
        yield a.entity, a.alias, a.count


def _mentions(store: Store, selection: EntitySelection) -> Iterator[tuple]:
    for m in iter_mentions(store, selection):
        yield m.id, m.entity, m.document, m.sentence, m.start, m.end, m.text


def _facts(store: Store, selection: EntitySelection) -> Iterator[tuple]:
    for f in iter_facts(store, selection):
        obj, place = f.object, f.place
        yield (f.id, f.type, f.subject.id, f.subject.name, obj.id if obj else None, obj.name if obj else None,
               f.value, f.date, place.id if place else None, f.place_name, len(f.evidence))


def _fact_evidence(store: Store, selection: EntitySelection) -> Iterator[tuple]:
    for f in iter_facts(store, selection):
        for e in f.evidence:
            yield f.id, e.document, e.start, e.end, e.text


def _quotes(store: Store, selection: EntitySelection) -> Iterator[tuple]:
    for q in iter_quotes(store, selection):
        yield q.id, q.speaker, q.speaker_name, q.document, q.start, q.end, q.text


# file name -> (header, rows); offsets (start, end) are characters of the document's clean text
TABLES: dict[str, tuple[tuple[str, ...], Rows]] = {
    "documents.csv": (("id", "path", "format", "title", "url", "published", "language", "tokens"), _documents),
    "entities.csv": (("id", "type", "name", "documents", "mentions", "attributes"), _entities),
    "aliases.csv": (("entity", "alias", "count"), _aliases),
    "mentions.csv": (("id", "entity", "document", "sentence", "start", "end", "text"), _mentions),
    "facts.csv": (("id", "type", "subject", "subject_name", "object", "object_name", "value", "date", "place",
                   "place_name", "evidence"), _facts),
    "fact_evidence.csv": (("fact", "document", "start", "end", "text"), _fact_evidence),
    "quotes.csv": (("id", "speaker", "speaker_name", "document", "start", "end", "text"), _quotes),
}


def write_table(out: IO[str], header: tuple[str, ...], rows: Iterable[tuple], excel: bool = False) -> int:
    """One CSV table (RFC 4180 quoting, CRLF rows); return the number of data rows."""
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


@contextmanager
def _zip_members(path: str) -> Iterator[OpenMember]:
    """Opens a text member of a new zip archive at ``path`` per call."""
    with atomic_file(path, binary=True) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as archive:
        yield lambda name: io.TextIOWrapper(archive.open(name, "w", force_zip64=True), encoding="utf-8",
                                            newline="")


@contextmanager
def _folder_members(path: str) -> Iterator[OpenMember]:
    """Opens a file of the folder ``path`` (created when missing) per call."""
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    yield lambda name: atomic_file(os.path.join(path, name))


def export_csv(store: Store, path: str, selection: EntitySelection = ALL, excel: bool = False) -> int:
    """Write every table into the folder ``path``, or into a zip archive when ``path`` ends in
    ``.zip``; return the number of data rows written."""
    members = _zip_members if path.lower().endswith(".zip") else _folder_members
    written = 0
    with members(path) as open_member:
        for name, (header, rows) in TABLES.items():
            with open_member(name) as out:
                written += write_table(out, header, rows(store, selection), excel)
    return written
