"""Titles of works (books, films, reports, articles, sections) that NER reads as names.

A title is recognised by how texts set it off, never by a list of titles: a kind of work before
it and quotation marks or emphasis around it ("the documentary “Red Steppe”", "a report titled
X"), or quotation marks around a Title Case phrase whose function words are capitalised too
("“Why We Will Not Stay Silent”"), which running prose never has.
"""
from __future__ import annotations

import re

from casefile.extract.spans import Cand

_OPEN = "“\"«„‘'*_"
_CLOSE = {"“": "”", "\"": "\"", "«": "»", "„": "“", "‘": "’", "'": "'", "*": "*", "_": "_"}
# a kind of work and an optional "titled" before an opening mark, or "titled/entitled" alone
_WORK_BEFORE = re.compile(
    r"(?:\b(?:book|books|film|films|movie|documentary|report|article|novel|play|song|series|chapter|section|"
    r"album|poem|essay|study|investigation|podcast|exhibition|programme|program|show)\s+"
    r"(?:(?:titled|entitled|called|named)\s+)?[" + re.escape(_OPEN) + r"]"
    r"|\b(?:titled|entitled)\s+[" + re.escape(_OPEN) + r"]?)\s*$", re.IGNORECASE)
# function words that prose writes in lower case and titles capitalise
_TITLE_FUNCTION_WORDS = frozenset({"A", "An", "And", "As", "At", "Be", "But", "By", "For", "From", "In", "Into", "Is",
                                   "Not", "Of", "On", "Or", "The", "To", "Was", "Were", "Will", "With", "Why", "How",
                                   "What", "We", "I", "Our", "Are", "Has", "Have", "No", "That", "Which", "Who",
                                   "This", "It", "Its", "Their", "If", "When", "Can", "Do", "Does", "Did",
                                   "Should", "Must", "Would", "Could", "Been"})


# short words Title Case leaves in lower case
_TITLE_LINKS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})


def _quoted_around(doc: str, cand: Cand) -> tuple[int, int] | None:
    """The quoted string on the span's line that contains the span, as (start, end) inside the marks."""
    line_start = doc.rfind("\n", 0, cand.start) + 1
    line_end = doc.find("\n", cand.end)
    line_end = len(doc) if line_end < 0 else line_end
    for i in range(cand.start - 1, line_start - 1, -1):
        mark = doc[i]
        if mark in "“«„\"":
            close = doc.find(_CLOSE[mark], cand.end, line_end)
            return (i + 1, close) if close >= 0 else None
        if mark in "”»":
            return None
    return None


def is_title_phrase(text: str) -> bool:
    """Four or more words in Title Case (short links such as "of", "to" may stay low), one of them
    a verb or function word that prose leaves in lower case: a headline or a title, not a name."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return (len(words) >= 4 and all(w[:1].isupper() or w in _TITLE_LINKS for w in words)
            and any(w in _TITLE_FUNCTION_WORDS for w in words[1:]))


def is_title_line(doc: str, pos: int) -> bool:
    """The line at ``pos`` is a headline: five or more words, all capitalised but short links, and
    no closing punctuation. Such a line capitalises every noun, so capitals there name nothing."""
    start = doc.rfind("\n", 0, pos) + 1
    end = doc.find("\n", pos)
    line = doc[start:len(doc) if end < 0 else end].strip()
    words = re.findall(r"[^\W\d_][\w'’/-]*", line)
    return (len(words) >= 5 and line[-1:] not in ".!?;:,\"”»" and all(w[:1].isupper() or w in _TITLE_LINKS for w in words))


def after_work_kind(doc: str, cand: Cand) -> bool:
    """The span follows a kind of work and an opening mark ("the film “X”"), or "titled"."""
    return _WORK_BEFORE.search(doc[max(0, cand.start - 40):cand.start]) is not None


def in_quoted_title(doc: str, cand: Cand) -> tuple[int, int] | None:
    """The quoted Title Case phrase (offsets inside its marks) the span lies in, if any."""
    quoted = _quoted_around(doc, cand)
    return quoted if quoted is not None and is_title_phrase(doc[quoted[0]:quoted[1]]) else None


def in_work_title(doc: str, cand: Cand) -> bool:
    """The span is (part of) the title of a work: right after a kind of work and an opening mark
    ("the film “X”", "a report titled X"), or inside a quoted Title Case phrase."""
    return after_work_kind(doc, cand) or in_quoted_title(doc, cand) is not None
