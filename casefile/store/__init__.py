"""Storage stage: one SQLite file holds documents, mentions, entities and judgements."""
from casefile.store.db import DEFAULT_DB, DocumentRecord, EntityRecord, FactRecord, Store

__all__ = ["DEFAULT_DB", "DocumentRecord", "EntityRecord", "FactRecord", "Store"]
