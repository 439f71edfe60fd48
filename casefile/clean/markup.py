"""Markdown and scraping residue inside lines: links, emphasis markers, escapes, stray spaces.

Each rule only deletes characters, so offsets in the clean text map back to the original.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from casefile.clean.offsets import Span

# Group 1, when a pattern has it, is the part of the match that is kept.
_PATTERNS = (
    re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*\)"),  # image: alt text is usually a caption, drop it all
    re.compile(r"\[([^\[\]\n]+)\]\([^()\s]*\)"),  # [label](url) and [label](#)
    re.compile(r"(?<!\\)\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*"),
    re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\*(?![\w*])"),
    re.compile(r"(?<![\w\\])__(?=\S)([^_\n]+?)(?<=\S)__(?!\w)"),
    re.compile(r"^#{1,6}[ \t]+(?=\S)", re.MULTILINE),  # ATX heading marker; the heading text stays
    # Only escapes that cannot create new markup once the backslash is gone.
    re.compile(r"\\(?=[$%&#.!+\-])"),
    re.compile(r"[^\S\n]+$", re.MULTILINE),  # trailing spaces
)


def markup_steps() -> list[Callable[[str], list[Span]]]:
    """One deletion step per markup rule, to run one after another on the evolving text."""
    return [lambda text, pattern=pattern: _deletions(pattern, text) for pattern in _PATTERNS]


def _deletions(pattern: re.Pattern[str], text: str) -> list[Span]:
    spans: list[Span] = []
    for match in pattern.finditer(text):
        if pattern.groups and match.group(1) is not None:
            spans += [(match.start(), match.start(1)), (match.end(1), match.end())]
        else:
            spans.append(match.span())
    return [(start, end) for start, end in spans if end > start]
