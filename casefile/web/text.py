"""Cutting text into pieces to highlight: mentions in a document, a name in its sentence, the
hits in a search snippet. Templates render the pieces; Jinja escapes every piece's text.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casefile.store.search import HIT_CLOSE, HIT_OPEN


@dataclass(frozen=True)
class Piece:
    """A run of text; ``span`` is the mention (or any marked object) covering it, ``focus`` is True
    inside the range a link pointed at."""

    text: str
    span: Any = None
    focus: bool = False
    first_focus: bool = False


def _non_overlapping(spans: Iterable[Any], length: int) -> list[Any]:
    """Spans with ``start``/``end`` inside the text, the earlier (then longer) one winning an overlap."""
    chosen: list[Any] = []
    end = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start >= end and 0 <= span.start < span.end <= length:
            chosen.append(span)
            end = span.end
    return chosen


def pieces(text: str, spans: Iterable[Any], focus: tuple[int, int] | None = None) -> list[Piece]:
    """``text`` cut at every span's ``start``/``end`` and at the focus range's edges."""
    chosen = _non_overlapping(spans, len(text))
    cuts = {0, len(text)}
    for span in chosen:
        cuts.update((span.start, span.end))
    if focus is not None and 0 <= focus[0] < focus[1] <= len(text):
        cuts.update(focus)
    else:
        focus = None
    bounds = sorted(cuts)
    out: list[Piece] = []
    index = 0
    seen_focus = False
    for start, end in zip(bounds, bounds[1:]):
        while index < len(chosen) and chosen[index].end <= start:
            index += 1
        span = chosen[index] if index < len(chosen) and chosen[index].start <= start else None
        inside = focus is not None and focus[0] <= start and end <= focus[1]
        out.append(Piece(text[start:end], span, inside, inside and not seen_focus))
        seen_focus = seen_focus or inside
    return out


@dataclass(frozen=True)
class _Range:
    start: int
    end: int


def highlight_range(text: str, start: int, end: int) -> list[Piece]:
    """``text`` with one range marked (a name in its sentence)."""
    return pieces(text, [_Range(start, end)])


def snippet_pieces(snippet: str) -> list[Piece]:
    """A search snippet cut at its hit markers; the hits have ``span`` True."""
    out: list[Piece] = []
    for i, part in enumerate(snippet.split(HIT_OPEN)):
        hit, _, rest = part.partition(HIT_CLOSE) if i else ("", "", part)
        if hit:
            out.append(Piece(hit, True))
        if rest:
            out.append(Piece(rest.replace(HIT_CLOSE, "")))
    return out


def parse_range(value: str | None) -> tuple[int, int] | None:
    """``"12-40"`` as (12, 40); None for anything else."""
    start, sep, end = (value or "").partition("-")
    if not sep or not start.isdigit() or not end.isdigit():
        return None
    return int(start), int(end)

