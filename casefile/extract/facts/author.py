"""Who "I" is outside quotations: the author of a first-person document (a letter, an appeal, a
statement), or the speaker of a turn in an interview transcript.

A document is first-person when "I"/"my"/"me" occur outside quotations several times. Its author
is, in this order: the person signing it (after a closing such as "Sincerely," or a name that
opens one of its last lines - never a line that greets someone: "Dear X,", "P.S."), the person
its opening paragraph introduces ("An open letter from X", "Interview with X", "X joined us",
"X writes"), or the person who says "my name is X".

An interview transcript marks its turns with a label and a colon ("HOST:", "Q:", "MOOR:"); a
turn whose label names a person of the document is theirs, and "A:" answers are the author's.
These patterns read the layout of a document, which the parser does not see; they are kept as
regular expressions for that reason.
"""
from __future__ import annotations

import re

from casefile.extract.facts.tree import Slot
from casefile.nlp.keys import fold

_FIRST_PERSON = re.compile(r"\b(?:I|my|me|My|Me)\b")
_CLOSING = re.compile(r"(?i)^\s*(?:sincerely|respectfully|regards|best regards|kind regards|with respect|signed|"
                      r"yours(?:\s+(?:truly|faithfully|sincerely))?)\b[\s,:-]*")
_GREETING = re.compile(r"(?i)^\s*(?:dear|to|hi|hello|cc|p\.?\s*s\.?|attn)\b")
# "a letter from X", "interview with X", "statement by X"
_DOCUMENT_OF = re.compile(r"(?i)\b(?:letter|appeal|statement|message|interview|conversation|speech|plea|address|"
                          r"testimony|diary|account|column|op-ed|blog|words)\s+(?:from|by|with|of)\s+(?:\w+\s+){0,3}$")
# "X joined us", "X spoke to", "X writes": the person right before one of these verbs
_SPEAKS_NEXT = re.compile(r"(?i)^[,\s]*(?:\([^)]*\)\s*)?(?:joined|joins|spoke|speaks|talked|talks|writes|wrote|"
                          r"says|said|told|tells|recounts|recalled|answers|answered)\b")
_MY_NAME = re.compile(r"\b[Mm]y name is\s+$")
_TURN = re.compile(r"^(?P<label>[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2})\s*:\s+", re.M)
_QUESTION_LABELS = frozenset({"q", "question", "host", "interviewer", "moderator", "presenter", "anchor", "reporter"})
_ANSWER_LABELS = frozenset({"a", "answer"})
MIN_FIRST_PERSON = 3


def _outside(spans: list[tuple[int, int]], start: int) -> bool:
    return not any(s <= start < e for s, e in spans)


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _signature(text: str, persons: list[Slot]) -> int | None:
    """The person signing the document: the name after a closing ("Sincerely,"), else a name that
    opens one of the last lines (lines that greet someone do not sign)."""
    lines = [(s, e) for s, e in _lines(text)[-6:] if not _GREETING.match(text[s:e]) and e - s <= 160]

    def opening_name(start: int, end: int) -> int | None:
        """A name opening a signature line: the line is the name, or the name and a title or
        place after a comma ("A, political prisoner, B prison") - not a sentence that addresses
        someone ("Your Honour, I was questioned twice ...")."""
        body = start + len(text[start:end]) - len(text[start:end].lstrip(" -–—"))
        named = [p for p in persons if body <= p.start < end]
        if not named or named[0].start != body:
            return None
        rest = text[named[0].end:end].strip()
        if rest and not re.match(r"(?:,|\(|-|–|—|of\b|from\b)", rest) or _FIRST_PERSON.search(rest) or len(rest) > 80:
            return None
        return named[0].cluster

    for k, (start, end) in enumerate(lines):
        closing = _CLOSING.match(text[start:end])
        if closing:
            after = start + closing.end()
            if text[after:end].strip():
                return opening_name(after, end)
            return opening_name(*lines[k + 1]) if k + 1 < len(lines) else None
    for start, end in reversed(lines):
        found = opening_name(start, end)
        if found is not None:
            return found
    return None


def _introduced(text: str, persons: list[Slot]) -> int | None:
    """The person the opening paragraph introduces as writing or speaking."""
    head_end = text.find("\n\n")
    head_end = len(text) if head_end < 0 else head_end
    lines = _lines(text[:max(head_end, 0)])[:4] or _lines(text)[:3]
    for start, end in lines:
        named = [p for p in persons if start <= p.start and p.end <= end]
        for p in named:
            if _DOCUMENT_OF.search(text[start:p.start]):
                return p.cluster
        for p in named:
            if _SPEAKS_NEXT.match(text[p.end:end]):
                return p.cluster
    return None


def document_author(text: str, persons: list[Slot], quotes: list[tuple[int, int]]) -> int | None:
    """The cluster of the person who wrote a first-person document, or None."""
    first = [m.start() for m in _FIRST_PERSON.finditer(text) if _outside(quotes, m.start())]
    if len(first) < MIN_FIRST_PERSON:
        return None
    persons = sorted(persons, key=lambda p: p.start)
    found = _signature(text, persons)
    if found is None:
        found = _introduced(text, persons)
    if found is None:
        found = next((p.cluster for p in persons if _MY_NAME.search(text[max(0, p.start - 20):p.start])), None)
    return found


def interview_turns(text: str, persons: list[Slot], author: int | None,
                    names: dict[int, str]) -> list[tuple[int, int, int | None, bool]]:
    """(start, end, speaker, question) for each labelled turn of a transcript ("MOOR: ..."); the
    speaker is None for a question ("Q:", "HOST:") or an unknown label. Fewer than two turns: no
    transcript."""
    marks = list(_TURN.finditer(text))
    if len(marks) < 2:
        return []
    surnames = {}
    for cluster, name in names.items():
        if any(p.cluster == cluster for p in persons):
            for word in name.split():
                surnames.setdefault(fold(word), cluster)
    turns = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        label = m.group("label").strip().lower()
        speaker = None
        if label in _ANSWER_LABELS:
            speaker = author
        elif label not in _QUESTION_LABELS:
            speaker = next((surnames[fold(w)] for w in reversed(label.split()) if fold(w) in surnames), None)
        turns.append((m.end(), end, speaker, label in _QUESTION_LABELS))
    return turns
