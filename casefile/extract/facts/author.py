"""The author of a first-person document: who "I" is in a letter, an appeal, a statement or an
interview's answers, when the document names them.

A document is first-person when "I"/"my"/"me" occur outside quotations several times. Its author
is the person signing it (a name alone on one of its last lines, or "Sincerely, X"), else the
person its opening lines introduce as writing or speaking ("An open letter from X", "Interview
with X", "X writes"), else the person who says "my name is X".
"""
from __future__ import annotations

import re

from casefile.extract.facts.tree import Slot

_FIRST_PERSON = re.compile(r"\b(?:I|my|me|My|Me)\b")
# nouns and verbs that introduce the writer or speaker of a whole text in its opening lines
_INTRODUCERS = re.compile(r"(?i)\b(?:letter|appeal|statement|address|interview|speech|plea|message|writes?|wrote|"
                          r"written|says|speaks|talks|told|asks|appeals|addresses|word|testimony|diary|account|"
                          r"column|op-ed|blog)\b")
_MY_NAME = re.compile(r"\b[Mm]y name is\s+$")
MIN_FIRST_PERSON = 3


def _outside(spans: list[tuple[int, int]], start: int) -> bool:
    return not any(s <= start < e for s, e in spans)


def document_author(text: str, persons: list[Slot], quotes: list[tuple[int, int]]) -> int | None:
    """The cluster of the person who wrote a first-person document, or None."""
    first = [m.start() for m in _FIRST_PERSON.finditer(text) if _outside(quotes, m.start())]
    if len(first) < MIN_FIRST_PERSON:
        return None
    persons = sorted(persons, key=lambda p: p.start)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for start, end in reversed(lines[-4:]):  # a signature: the name is most of its line
        line = text[start:end]
        named = [p for p in persons if start <= p.start and p.end <= end]
        if named and len(line) < 120:
            letters = sum(ch.isalpha() for ch in line)
            named_letters = sum(ch.isalpha() for p in named for ch in text[p.start:p.end])
            if named_letters >= 0.4 * letters or re.match(r"(?i)\s*(?:sincerely|regards|signed|respectfully)", line):
                return named[0].cluster
    for start, end in lines[:3]:  # "Open letter from X", "Interview with X", "X: I was ..."
        named = [p for p in persons if start <= p.start and p.end <= end]
        if named and (_INTRODUCERS.search(text[start:end]) or text[named[0].end:named[0].end + 2].startswith(":")):
            return named[0].cluster
    for p in persons:
        if _MY_NAME.search(text[max(0, p.start - 20):p.start]):
            return p.cluster
    return None
