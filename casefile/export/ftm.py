"""FollowTheMoney export: the store as FtM entities, one JSON object a line, for `ftm` and Aleph.

Articles first, then the entities, then what the facts between them become; each line is
``EntityProxy.to_dict()`` of an entity the followthemoney library built and cleaned.
"""
from __future__ import annotations

from typing import IO

from casefile.export.ftm_entities import article, entity
from casefile.export.ftm_facts import fact_entities
from casefile.export.jsonl import json_line
from casefile.store.db import Store
from casefile.store.export_queries import ALL, EntitySelection, iter_documents, iter_entities, iter_facts


def export_ftm(store: Store, out: IO[str], selection: EntitySelection = ALL) -> int:
    """Write the store (its selected entities and the facts between them) as FtM entities, one
    per line; return the number of lines."""
    written = 0
    for doc in iter_documents(store, with_text=True):
        out.write(json_line(article(doc).to_dict()))
        written += 1
    for row in iter_entities(store, selection, with_sentence=True):
        proxy = entity(row)
        if proxy is not None:
            out.write(json_line(proxy.to_dict()))
            written += 1
    for fact in iter_facts(store, selection):
        for proxy in fact_entities(fact):
            out.write(json_line(proxy.to_dict()))
            written += 1
    return written
