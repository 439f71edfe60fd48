"""Find heading-like lines (section titles, titles of linked articles) that stay in the clean text.

Downstream uses them so a capitalised heading is not read as an organisation's name.
"""
from __future__ import annotations

import re

from casefile.clean.lines import line_spans
from casefile.clean.offsets import Span

MAX_HEADING_WORDS = 16
_TERMINAL = tuple(".!?:;”\"»…")
_LIST_ITEM = re.compile(r"^\s*(\d+[.)]|[-*•–—])\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words that stay lower case in title case; a heading is judged on the others.
_MINOR_WORDS = frozenset(
    """a an the and or nor but of in on at to for from by with as vs via into onto over under per
    about after before against between during without within is are was were be it its than up
    и в во на с со по о об обо для из к ко от до за у при про над под без через а но или""".split()
)


def find_headings(text: str) -> list[Span]:
    """Spans of heading-like lines: short, unpunctuated at the end, mostly capitalised words."""
    spans = [(start, end) for start, end in line_spans(text) if text[start:end].strip()]
    if len(spans) < 2:
        return []
    headings: list[Span] = []
    in_list = False  # the rows after "Signed by:" are a list of names, not headings
    previous_end = None
    for start, end in spans:
        line = text[start:end]
        if previous_end is not None and text[previous_end:start].count("\n") > 1:
            in_list = False  # a blank line ends the list
        if not in_list and is_heading(line):
            offset = len(line) - len(line.lstrip())
            headings.append((start + offset, start + len(line.rstrip())))
        in_list = line.rstrip().endswith(":") or (in_list and len(line.split()) <= MAX_HEADING_WORDS)
        previous_end = end
    return headings


def is_heading(line: str) -> bool:
    """True for a short line that looks like a title rather than a sentence or a list item."""
    stripped = line.strip()
    if not stripped or stripped.endswith(_TERMINAL) or _LIST_ITEM.match(stripped):
        return False
    if len(stripped.split()) > MAX_HEADING_WORDS:
        return False
    words = _WORD.findall(stripped)
    content = [word for word in words if word.lower() not in _MINOR_WORDS] or words
    if not content:
        return False
    capitalised = sum(1 for word in content if word[0].isupper())
    return capitalised * 2 > len(content) and stripped[0] == stripped[0].upper()
