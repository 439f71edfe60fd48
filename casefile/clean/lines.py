"""Decide which whole lines to drop: boilerplate, captions, repeats and a foreign-script footer."""
from __future__ import annotations

from casefile.clean.boilerplate import is_boilerplate
from casefile.clean.captions import is_caption_credit
from casefile.clean.language import foreign_footer
from casefile.clean.offsets import Span

# A headline repeated further down than the next line is still within the opening lines.
HEADLINE_WINDOW = 3


def line_spans(text: str) -> list[Span]:
    """(start, end) of every line of ``text``, newline excluded."""
    spans: list[Span] = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def drop_lines(text: str) -> list[Span]:
    """Spans of whole lines (each with one adjacent newline) that are not part of the article."""
    spans = line_spans(text)
    lines = [text[start:end].strip() for start, end in spans]
    keep = [not line or not (is_boilerplate(line) or is_caption_credit(line)) for line in lines]
    _drop_repeats(lines, keep)
    survivors = [index for index, line in enumerate(lines) if line and keep[index]]
    footer = foreign_footer([lines[index] for index in survivors])
    for index in survivors[footer:]:
        keep[index] = False
    return [_with_newline(text, spans[index]) for index, kept in enumerate(keep) if not kept]


def _drop_repeats(lines: list[str], keep: list[bool]) -> None:
    # Scrapers repeat headlines and captions (image alt text, then the caption); keep the first.
    previous: str | None = None
    opening: list[str] = []
    for index, line in enumerate(lines):
        if not line or not keep[index]:
            continue
        if line == previous or (line in opening and len(opening) <= HEADLINE_WINDOW):
            keep[index] = False
            continue
        if len(opening) <= HEADLINE_WINDOW:
            opening.append(line)
        previous = line


def _with_newline(text: str, span: Span) -> Span:
    start, end = span
    if end < len(text):
        return start, end + 1
    return (start - 1 if start > 0 else start), end
