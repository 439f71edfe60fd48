"""Clean extracted text for NLP: drop site boilerplate, captions, foreign footers and markup residue.

Cleaning only deletes characters, so ``CleanText.removed`` maps the clean text back to the original.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from casefile.clean.headings import find_headings
from casefile.clean.lines import drop_lines
from casefile.clean.markup import markup_steps
from casefile.clean.offsets import Span, carry_deletions, delete_spans, gaps, merge_spans
from casefile.models import CleanText

__all__ = ["clean_text"]

_EXTRA_BLANK_LINES = re.compile(r"(?<=\n\n)\n+|\A\s+|\s+\Z")
_STEPS: list[Callable[[str], list[Span]]] = [
    *markup_steps(),
    drop_lines,
    lambda text: [match.span() for match in _EXTRA_BLANK_LINES.finditer(text)],
]


def clean_text(text: str) -> CleanText:
    """Return the article text without boilerplate, with the removed spans and heading spans."""
    current = text
    kept: list[Span] = [(0, len(text))]
    changed = True
    # Rules see each other's output (a link removed reveals a call to action), so repeat them
    # until nothing changes; every round deletes something, so this ends, and the result is stable.
    while changed:
        changed = False
        for step in _STEPS:
            spans = merge_spans(step(current))
            if spans:
                current = delete_spans(current, spans)
                kept = carry_deletions(kept, spans)
                changed = True
    return CleanText(text=current, removed=gaps(kept, len(text)), headings=find_headings(current))
