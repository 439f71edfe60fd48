"""Bookkeeping for cleaning by deletion only: the clean text is the original minus removed spans."""
from __future__ import annotations

Span = tuple[int, int]


def merge_spans(spans: list[Span]) -> list[Span]:
    """Sort spans and merge those that overlap or touch; empty spans are dropped."""
    merged: list[Span] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def delete_spans(text: str, spans: list[Span]) -> str:
    """Return ``text`` without the given sorted, non-overlapping spans."""
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def carry_deletions(kept: list[Span], spans: list[Span]) -> list[Span]:
    """Update ``kept`` (original spans making up the current text) after deleting current ``spans``."""
    result: list[Span] = []
    index, offset = 0, 0  # offset: position in the current text where the kept segment begins
    for seg_start, seg_end in kept:
        length = seg_end - seg_start
        cursor = 0
        while index < len(spans) and spans[index][0] < offset + length:
            start, end = (max(0, pos - offset) for pos in spans[index])
            if start > cursor:
                result.append((seg_start + cursor, seg_start + start))
            cursor = max(cursor, min(end, length))
            if end > length:
                break  # this deletion continues into the next kept segment
            index += 1
        if cursor < length:
            result.append((seg_start + cursor, seg_end))
        offset += length
    return result


def gaps(kept: list[Span], length: int) -> list[Span]:
    """The spans of ``[0, length)`` not covered by the sorted ``kept`` spans, merged."""
    removed: list[Span] = []
    position = 0
    for start, end in kept:
        if start > position:
            removed.append((position, start))
        position = end
    if position < length:
        removed.append((position, length))
    return removed
