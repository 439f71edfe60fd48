"""Orders and complaints in Russian sentences: who ordered a justice step ("по приказу акима Х",
"Х приказал задержать Y") and who complained against whom ("Х подал жалобу на Y"). The words are
lexicons (``nlp/lexicons/russian_order_words.txt``, ``russian_complaint_words.txt``).
"""
from __future__ import annotations

from collections.abc import Iterator

from casefile.extract.russian_clause import Clause, below, unreal
from casefile.nlp import lexicons


def russian_complaints(clause: Clause) -> Iterator[tuple[int, int, str]]:
    """(complainant, the one complained against, the complaint's word) of one parsed sentence:
    "Х подал жалобу на Y", "иск против Y", "с иском к Y", "Х пожаловался на Y"."""
    tokens, words = clause.tokens, lexicons.load("russian_complaint_words")
    for k, t in enumerate(tokens):
        if t.lemma not in words:
            continue
        verb = k if t.pos == "VERB" or "VERB" in t.tag or "INFN" in t.tag else t.head
        if unreal(tokens, clause.children, verb):
            continue
        against = [j for j in clause.kids(k, "nmod", "obl") if clause.preposition(j) in ("на", "против", "к")]
        targets = {e for j in against for e in _named_at(clause, j)}
        complainants = {p for s in clause.kids(verb, "nsubj") for p in clause.people(s)}
        for who in sorted(complainants):
            for target in sorted(targets - {who}):
                yield who, target, clause.word(k)


def _named_at(clause: Clause, k: int) -> set[int]:
    """The person or body the phrase at ``k`` names."""
    person = clause.people(k)
    if person:
        return person
    body = next((b for j in [k, *clause.kids(k, "nmod", "flat", "flat:name", "amod")]
                 for b in [clause.entity_at(j, "organization")] if b is not None), None)
    return {body} if body is not None else set()


def orderers(clause: Clause, i: int) -> set[int]:
    """Who ordered the step at ``i``: the people under "по приказу / распоряжению" on the verb, or
    the subject of a verb of ordering that governs it ("Х приказал задержать Y")."""
    tokens, words = clause.tokens, lexicons.load("russian_order_words")
    found: set[int] = set()
    for k in clause.kids(i, "obl"):
        if tokens[k].lemma in words and clause.preposition(k) == "по":
            found |= {p for j in below(clause.children, k) for p in [clause.entity_at(j, "person")] if p is not None}
    head = tokens[i].head
    if tokens[i].dep == "xcomp" and head != i and tokens[head].lemma in words:
        found |= {p for s in clause.kids(head, "nsubj") for p in clause.people(s)}
    return found
