"""Writing-script detection, used to drop a footer in another script under an article."""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache


@lru_cache(maxsize=4096)
def letter_script(char: str) -> str:
    """The script of one letter from its Unicode name ("LATIN", "CYRILLIC", ...)."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script ``text`` contains."""
    return Counter(letter_script(char) for char in text if char.isalpha())


def dominant_script(text: str) -> str | None:
    """The script of most letters in ``text``, or None when it has no letters."""
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def foreign_footer(lines: Sequence[str]) -> int:
    """Index of the first line of a trailing block written in another script than the document.

    Returns ``len(lines)`` when there is no such footer. Letterless lines below the footer belong to it.
    """
    main = dominant_script("\n".join(lines))
    start = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        script = dominant_script(lines[index])
        if script == main:
            break
        if script is not None:
            start = index
    return start
