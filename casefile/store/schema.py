"""The SQLite schema, declared once and versioned.

A file is recognised as a casefile store by ``meta.app``; a store written by another schema
version is refused with a clear message instead of being silently misread.
"""
from __future__ import annotations

APP_NAME = "casefile"
SCHEMA_VERSION = 3
# kinds of a person's judgement: merge two entities, split an alias off, mark two entities as
# different (the review queue stops proposing them), retype an entity
JUDGEMENT_KINDS = ("merge", "split", "distinct", "retype")
# The procedural order of a legal record: the case queries and the case_records view follow it.
PROCEDURE = ("detention", "interrogation", "search_seizure", "charge", "trial", "conviction", "sentence",
             "acquittal", "appeal", "fine", "release", "complained_against")

SCHEMA = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,      -- content hash of the extracted text
    source      TEXT NOT NULL UNIQUE,  -- file path, or path#N for record N of a JSON file
    format      TEXT NOT NULL,
    title       TEXT,
    url         TEXT,
    published   TEXT,
    language    TEXT NOT NULL,
    raw_text    TEXT NOT NULL,         -- text as extracted from the source, before cleaning
    text        TEXT NOT NULL,         -- clean text; every offset in the store refers to it
    tokens      INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE sentences (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    PRIMARY KEY (document, idx)
);
-- one row per thing named inside one document (within-document coreference result)
CREATE TABLE clusters (
    id       TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type     TEXT NOT NULL,
    name     TEXT NOT NULL,
    attributes TEXT,                   -- JSON: a law's article, parts, code, title
    entity   TEXT                      -- set by cross-document resolution
);
CREATE INDEX clusters_document ON clusters(document);
CREATE INDEX clusters_entity ON clusters(entity);
CREATE TABLE mentions (
    id       INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    cluster  TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    type     TEXT NOT NULL
);
CREATE INDEX mentions_document ON mentions(document);
CREATE INDEX mentions_cluster ON mentions(cluster);
CREATE TABLE entities (
    id        TEXT PRIMARY KEY,
    type      TEXT NOT NULL,
    name      TEXT NOT NULL,
    attributes TEXT,                   -- JSON, merged from its clusters
    documents INTEGER NOT NULL,
    mentions  INTEGER NOT NULL
);
-- one row per fact stated in one sentence; subject/object/place point at clusters
CREATE TABLE fact_mentions (
    id       INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type     TEXT NOT NULL,
    subject  TEXT NOT NULL,
    object   TEXT,
    place    TEXT,
    value    TEXT,
    date     TEXT,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL
);
CREATE INDEX fact_mentions_document ON fact_mentions(document);
-- facts merged across sentences and documents; rebuilt by every resolution
CREATE TABLE facts (
    id      TEXT PRIMARY KEY,
    type    TEXT NOT NULL,
    subject TEXT NOT NULL,
    object  TEXT,
    value   TEXT,
    date    TEXT,
    place   TEXT
);
CREATE INDEX facts_subject ON facts(subject);
CREATE INDEX facts_object ON facts(object);
CREATE TABLE fact_evidence (
    fact     TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL
);
CREATE INDEX fact_evidence_fact ON fact_evidence(fact);
CREATE INDEX fact_evidence_span ON fact_evidence(document, start, end);
CREATE TABLE quotes (
    id       INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    speaker  TEXT                      -- a cluster id, or NULL when unattributed
);
CREATE INDEX quotes_document ON quotes(document);
CREATE INDEX quotes_speaker ON quotes(speaker);
-- the ranking of every list of entities (overview, `casefile entities`), and counts by type
CREATE INDEX entities_rank ON entities(type, documents DESC, mentions DESC);
CREATE TABLE aliases (
    entity TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias  TEXT NOT NULL,
    count  INTEGER NOT NULL,
    PRIMARY KEY (entity, alias)
);
-- a person's override of resolution; respected by every later run
CREATE TABLE judgements (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'distinct', 'retype')),
    type       TEXT NOT NULL,
    a          TEXT NOT NULL,          -- merge, distinct: a name of one entity; split, retype: of the entity
    b          TEXT NOT NULL,          -- merge, distinct: of the other; split: the alias to detach; retype: the new type
    created_at TEXT NOT NULL
);
-- content="documents" in double quotes: Datasette then finds the index by itself (its search box)
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content="documents", content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
"""


def _procedure_rank(column: str) -> str:
    """A CASE expression giving a fact type's place in PROCEDURE (unknown types last)."""
    steps = " ".join(f"WHEN '{step}' THEN {rank}" for rank, step in enumerate(PROCEDURE))
    return f"CASE {column} {steps} ELSE {len(PROCEDURE)} END"


# Readable views for browsing the file in Datasette or any SQLite tool: names instead of ids. They
# hold no data, so an existing store gets them when it is next opened for writing (no new version).
VIEWS = f"""
CREATE VIEW IF NOT EXISTS entity_summary AS
SELECT e.id, e.type, e.name, e.documents, e.mentions,
       (SELECT group_concat(alias, '; ') FROM (SELECT alias FROM aliases a
            WHERE a.entity = e.id AND a.alias != e.name ORDER BY a.count DESC, a.alias)) AS aliases,
       (SELECT COUNT(*) FROM facts f WHERE f.subject = e.id OR f.object = e.id) AS facts,
       (SELECT COUNT(*) FROM quotes q JOIN clusters c ON c.id = q.speaker WHERE c.entity = e.id) AS quotes
FROM entities e;
CREATE VIEW IF NOT EXISTS fact_table AS
SELECT f.id, f.type, es.name AS subject, eo.name AS object, f.value, f.date, ep.name AS place,
       (SELECT COUNT(DISTINCT fe.document) FROM fact_evidence fe WHERE fe.fact = f.id) AS documents,
       (SELECT fe.text FROM fact_evidence fe WHERE fe.fact = f.id ORDER BY fe.document, fe.start LIMIT 1) AS evidence,
       es.type AS subject_type, eo.type AS object_type,
       f.subject AS subject_id, f.object AS object_id, f.place AS place_id
FROM facts f
LEFT JOIN entities es ON es.id = f.subject
LEFT JOIN entities eo ON eo.id = f.object
LEFT JOIN entities ep ON ep.id = f.place;
CREATE VIEW IF NOT EXISTS case_records AS
SELECT es.name AS person, f.type AS step, f.date, f.value AS detail, eo.name AS object, ep.name AS place,
       (SELECT fe.text FROM fact_evidence fe WHERE fe.fact = f.id ORDER BY fe.document, fe.start LIMIT 1) AS evidence,
       {_procedure_rank("f.type")} AS step_order, f.subject AS person_id, f.id AS fact_id
FROM facts f
JOIN entities es ON es.id = f.subject AND es.type = 'person'
LEFT JOIN entities eo ON eo.id = f.object
LEFT JOIN entities ep ON ep.id = f.place
WHERE f.type IN ({", ".join(f"'{step}'" for step in PROCEDURE)});
CREATE VIEW IF NOT EXISTS quotes_by_speaker AS
SELECT e.name AS speaker, q.text AS quote, d.title, d.published, d.source, q.start, q.end,
       e.id AS speaker_id, q.document
FROM quotes q
JOIN documents d ON d.id = q.document
LEFT JOIN clusters c ON c.id = q.speaker
LEFT JOIN entities e ON e.id = c.entity;
"""
VIEW_NAMES = ("entity_summary", "fact_table", "case_records", "quotes_by_speaker")

# Upgrades of an older store, in one transaction each: version -> statements reaching version + 1.
# Version 3 widened the judgement kinds (SQLite cannot alter a CHECK, so the table is copied) and
# indexed quotes by speaker, entities by rank and evidence by sentence, for the web app's pages.
UPGRADES = {
    2: """
CREATE TABLE judgements_v3 (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'distinct', 'retype')),
    type       TEXT NOT NULL,
    a          TEXT NOT NULL,
    b          TEXT NOT NULL,
    created_at TEXT NOT NULL
);
INSERT INTO judgements_v3(id, kind, type, a, b, created_at) SELECT id, kind, type, a, b, created_at FROM judgements;
DROP TABLE judgements;
ALTER TABLE judgements_v3 RENAME TO judgements;
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE INDEX IF NOT EXISTS entities_rank ON entities(type, documents DESC, mentions DESC);
CREATE INDEX IF NOT EXISTS fact_evidence_span ON fact_evidence(document, start, end);
""",
}
