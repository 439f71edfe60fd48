"""Facts merged across sentences and documents once entities are resolved.

A fact is (type, subject entity, object entity, normalised value); every sentence stating it
becomes one evidence span. The most specific date among the statements is kept.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from casefile.store import FactRecord, Store


def _value_key(value: str | None) -> str:
    return re.sub(r"\W+", " ", (value or "").casefold()).strip()


def _best_date(dates: list[str]) -> str | None:
    """The most specific date (a full day beats a month beats a year)."""
    known = [d for d in dates if d]
    return max(known, key=lambda d: (len(d.lstrip("-")), d)) if known else None


def build_facts(store: Store) -> list[FactRecord]:
    """Group stored fact mentions by resolved subject/object into facts with evidence."""
    rows = store.conn.execute(
        """SELECT fm.type, fm.value, fm.date, fm.document, fm.start, fm.end,
                  cs.entity AS subject, co.entity AS object, cp.entity AS place,
                  substr(d.text, fm.start + 1, fm.end - fm.start) AS evidence_text
           FROM fact_mentions fm
           JOIN clusters cs ON cs.id = fm.subject
           LEFT JOIN clusters co ON co.id = fm.object
           LEFT JOIN clusters cp ON cp.id = fm.place
           JOIN documents d ON d.id = fm.document
           WHERE cs.entity IS NOT NULL
           ORDER BY fm.document, fm.start"""
    ).fetchall()
    groups: dict[tuple[str, str, str | None, str], list] = defaultdict(list)
    for r in rows:
        if r["object"] == r["subject"] and r["object"] is not None:
            continue  # a fact linking an entity to itself is a resolution artefact
        groups[(r["type"], r["subject"], r["object"], _value_key(r["value"]))].append(r)
    facts: list[FactRecord] = []
    for (type_, subject, object_, vkey), members in groups.items():
        fid = "f" + hashlib.sha1(f"{type_}|{subject}|{object_}|{vkey}".encode()).hexdigest()[:12]
        evidence = []
        seen = set()
        for r in members:
            key = (r["document"], r["start"], r["end"])
            if key not in seen:
                seen.add(key)
                evidence.append((r["document"], r["start"], r["end"], r["evidence_text"]))
        places = [r["place"] for r in members if r["place"]]
        facts.append(FactRecord(
            id=fid, type=type_, subject=subject, object=object_,
            value=next((r["value"] for r in members if r["value"]), None),
            date=_best_date([r["date"] for r in members]), place=places[0] if places else None,
            evidence=evidence,
        ))
    return facts
