"""Direct quotations in Russian text and who said them.

Quotes are the text inside «ёлочки», „лапки“ or “…”, and the dialogue lines that open with a dash.
A quote is attributed, in this order, to:
1. the name after it and a speech verb: «…», — сказал Х / «…» — заявила адвокат Х;
2. the name before a speech verb and a colon that introduce it: Х заявил: «…»;
3. "по словам Х" before it: По словам Х, «…».
The name is a person's or a body's mention in the same sentence; a quote with none is kept
without a speaker.
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from casefile.extract.spans import DisjointSpans
from casefile.models import LocalEntity, Quote
from casefile.nlp import lexicons
from casefile.nlp.russian_names import readings

_MARKED = re.compile(r"[«„“](?P<q>[^«»„“”\n]{3,600}?)[»“”]")
_DIALOGUE = re.compile(r"(?m)^[ \t]*[—–][ \t]*(?P<q>[^—–\n]{3,600}?)[,!?…]?[ \t]+[—–][ \t]+(?=\w)")
_AFTER = re.compile(r"^[ \t]*[,.!?…]?[ \t]*[—–-][ \t]*(?P<verb>[а-яё]+)")
_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)
SPEAKERS = ("person", "organization")
WINDOW = 120  # characters around a quote that may hold its verb and speaker


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs that introduce speech."""
    return lexicons.load("russian_speech_verbs")


def is_speech_verb(word: str) -> bool:
    """A form of a speech verb ("заявила", "сказал", "говорит")."""
    return any(p.normal_form in speech_verbs() and p.tag.POS in ("VERB", "INFN", "GRND")
               for p in readings(word.lower())[:3])


def find_russian_quotes(text: str, entities: list[LocalEntity]) -> list[Quote]:
    """Every quotation of the text with its speaker's entity index, or None."""
    mentions = sorted((m.start, m.end, i) for i, e in enumerate(entities) if e.label in SPEAKERS for m in e.mentions)
    starts = [m[0] for m in mentions]
    quotes: list[Quote] = []
    taken = DisjointSpans()
    for pattern in (_MARKED, _DIALOGUE):
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            content = m.group("q").strip()
            if len(content.split()) < 3 or (content[:1].islower() and len(content.split()) < 8):
                continue  # a name («Кахарман») or a term («в распространении ложной информации»)
            start = m.start("q") + m.group("q").index(content)
            taken.add(m.start(), m.end())
            speaker = _speaker(text, m.start(), m.end(), mentions, starts)
            quotes.append(Quote(start, start + len(content), content, speaker))
    return sorted(quotes, key=lambda q: q.start)


def _speaker(text: str, start: int, end: int, mentions: list[tuple[int, int, int]], starts: list[int]) -> int | None:
    after = _AFTER.match(text[end:end + WINDOW])
    if after and is_speech_verb(after.group("verb")):
        limit = _clause_end(text, end + after.end())
        found = _first_between(mentions, starts, end + after.end(), limit)
        if found is not None:
            return found
    before = text[max(0, start - WINDOW):start]
    lo = start - len(before)
    if before.rstrip().endswith(":"):
        clause = lo + max(before.rfind(ch) for ch in ".!?\n") + 1
        words = [w for w in _WORD.finditer(text, clause, start)]
        if any(is_speech_verb(w.group()) for w in words):
            found = _last_between(mentions, starts, clause, start)
            if found is not None:
                return found
    said = re.search(r"[Пп]о\s+словам\s+", before)
    if said:
        return _first_between(mentions, starts, lo + said.end(), start)
    return None


def _clause_end(text: str, at: int) -> int:
    m = re.compile(r"[.!?\n«]").search(text, at)
    return m.start() if m else len(text)


def _first_between(mentions: list[tuple[int, int, int]], starts: list[int], lo: int, hi: int) -> int | None:
    i = bisect.bisect_left(starts, lo)
    return mentions[i][2] if i < len(mentions) and mentions[i][1] <= hi else None


def _last_between(mentions: list[tuple[int, int, int]], starts: list[int], lo: int, hi: int) -> int | None:
    i = bisect.bisect_left(starts, hi) - 1
    return mentions[i][2] if i >= 0 and mentions[i][0] >= lo else None
