"""Metadata for browsing a casefile store in Datasette (`datasette FILE.db -m metadata.json`).

The store itself is the dataset: its readable views (``entity_summary``, ``fact_table``,
``case_records``, ``quotes_by_speaker``) come with the schema. This metadata adds titles,
descriptions, facets, label columns, a default sort, and ties the documents table to its FTS5
index so Datasette's search box searches titles and texts.
"""
from __future__ import annotations

from pathlib import Path

# table or view -> Datasette table metadata
TABLES: dict[str, dict] = {
    "documents": {
        "title": "Documents",
        "description": "Every document read, with its clean text; mention and evidence offsets refer to that text.",
        "fts_table": "documents_fts",
        "fts_pk": "rowid",
        "searchmode": "raw",
        "label_column": "title",
        "facets": ["language", "format"],
        "sort_desc": "published",
    },
    "entities": {
        "title": "Entities",
        "description": "People, organisations, places, events and laws, resolved across documents.",
        "label_column": "name",
        "facets": ["type"],
        "sort_desc": "documents",
    },
    "entity_summary": {
        "title": "Entities at a glance",
        "description": "Each entity with its other names and how many documents, mentions, facts and quotes it has.",
        "label_column": "name",
        "facets": ["type"],
        "sort_desc": "documents",
    },
    "fact_table": {
        "title": "Facts",
        "description": "Facts between entities (detentions, charges, trials, positions, family, ...), "
                       "by name, with the first sentence stating each.",
        "facets": ["type", "subject_type", "object_type"],
        "sort": "date",
    },
    "case_records": {
        "title": "Case records",
        "description": "Each person's legal steps, detention to release; sort by person and step_order "
                       "for procedural order.",
        "facets": ["step", "person"],
        "sort": "person",
    },
    "quotes_by_speaker": {
        "title": "Quotes by speaker",
        "description": "Direct quotations with their speaker (empty when unattributed) and document.",
        "facets": ["speaker"],
        "sort": "speaker",
    },
    "aliases": {"title": "Aliases", "description": "Every surface form of each entity and how often it is used."},
    "mentions": {"title": "Mentions", "description": "Every mention: document, sentence and character offsets.",
                 "facets": ["type"]},
    "facts": {"title": "Facts (ids)", "description": "Merged facts with entity ids; see fact_table for names.",
              "facets": ["type"]},
    "fact_evidence": {"title": "Fact evidence", "description": "Each sentence stating a fact."},
    "quotes": {"title": "Quotes (ids)", "description": "Quotations with speaker cluster ids; see quotes_by_speaker."},
}
HIDDEN = ("meta", "clusters", "sentences", "fact_mentions", "judgements")


def datasette_metadata(db_path: str) -> dict:
    """Datasette metadata for the store at ``db_path`` (Datasette names a database by its file stem)."""
    tables = {name: dict(meta) for name, meta in TABLES.items()}
    tables.update({name: {"hidden": True} for name in HIDDEN})
    return {
        "title": "casefile",
        "description": "Entities, facts and quotes extracted from documents, each traceable to its sentence.",
        "databases": {Path(db_path).stem: {"tables": tables}},
    }
