"""Language of a document: English, Russian or Kazakh.

A text with no Cyrillic letter is English (casefile reads no other Latin-script language yet),
which spares most runs the detector; any other text goes to lingua, restricted to the languages
casefile knows, so that Kazakh is told from Russian.
"""
from __future__ import annotations

import re
from functools import cache

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")
# how much of a text the detector reads (it is sure long before)
SAMPLE_CHARS = 5000


def has_cyrillic(text: str) -> bool:
    """True when ``text`` has a Cyrillic letter (Russian, Kazakh or another Cyrillic script)."""
    return _CYRILLIC.search(text) is not None


@cache
def _detector() -> object:
    from lingua import Language, LanguageDetectorBuilder

    # low accuracy mode: the small models, which load in milliseconds and tell these three
    # languages apart on anything longer than a headline
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.RUSSIAN, Language.KAZAKH) \
        .with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language: "en", "ru" or "kk"."""
    sample = text[:SAMPLE_CHARS]
    if not _CYRILLIC.search(sample):
        return "en"
    found = _detector().detect_language_of(sample)  # type: ignore[attr-defined]
    if found is None:
        return "ru" if len(_CYRILLIC.findall(sample)) > len(_LATIN.findall(sample)) else "en"
    return {"ENGLISH": "en", "RUSSIAN": "ru", "KAZAKH": "kk"}[found.name]
