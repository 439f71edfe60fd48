"""Extraction stage: from NER spans to a document's repaired, clustered entity mentions.

Order matters: trim edges, add rule-found names, repair boundaries and types, harmonise labels
across the document, drop junk, then group mentions by within-document coreference.
"""
from __future__ import annotations

from casefile.extract.coref import cluster_mentions
from casefile.extract.junk import is_junk, strip_heading_words, strip_trailing_roles
from casefile.extract.repair import harmonise_labels, join_adjacent_persons, repair_boundaries, retype
from casefile.extract.rules import (
    acronym_definitions,
    honorific_names,
    nickname_definitions,
    nickname_mentions,
    quoted_org_names,
)
from casefile.extract.spans import Cand, extend_right, trim
from casefile.models import Analysis, LocalEntity


def _overlaps(a: Cand, b: Cand) -> bool:
    return a.start < b.end and b.start < a.end


def _merge_rule_spans(model: list[Cand], rule: list[Cand]) -> list[Cand]:
    """Rule spans win over the model spans they overlap; overlapping rule spans keep the longest."""
    kept_rules: list[Cand] = []
    for r in sorted(rule, key=lambda c: c.start - c.end):
        if not any(_overlaps(r, k) for k in kept_rules):
            kept_rules.append(r)
    return kept_rules + [m for m in model if not any(_overlaps(m, r) for r in kept_rules)]


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """Drop exact duplicates and spans nested in a longer span."""
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if out and c.start >= out[-1].start and c.end <= out[-1].end:
            continue
        out.append(c)
    return out


def extract_entities(text: str, analysis: Analysis, headings: list[tuple[int, int]] | None = None) -> list[LocalEntity]:
    """Turn one document's NER output into clustered, typed, junk-free entity mentions."""
    headings = headings or []
    model: list[Cand] = []
    for span in analysis.spans:
        cand = trim(text, Cand(span.start, span.end, span.label))
        if cand is not None:
            model.append(cand)
    rule = list(honorific_names(text)) + list(quoted_org_names(text))
    cands = _merge_rule_spans(model, rule)
    places = {c.text(text) for c in model if c.label == "location"}
    repaired: list[Cand] = []
    for cand in cands:
        label = retype(text, cand)
        if label is None:
            continue
        cand.label = label
        for part in repair_boundaries(text, cand, places):
            part = trim(text, part)
            if part is not None:
                repaired.append(strip_heading_words(text, strip_trailing_roles(text, part), headings))
    harmonise_labels(text, repaired)
    repaired = [extend_right(text, c) if c.label == "person" else c for c in repaired]
    repaired = join_adjacent_persons(text, repaired)
    sentence_starts = {s for s, _e in analysis.sentences}
    sentence_starts |= {i + 1 for i, ch in enumerate(text) if ch == "\n"}
    kept = [c for c in _dedupe(repaired) if not is_junk(text, c, headings, sentence_starts)]
    nicknames = nickname_definitions(text, [c for c in kept if c.label == "person"])
    if nicknames:
        kept = _merge_rule_spans(kept, nickname_mentions(text, nicknames))
    acronyms = acronym_definitions(text, kept)
    return cluster_mentions(text, kept, acronyms, analysis.sentences, nicknames)


__all__ = ["extract_entities"]
