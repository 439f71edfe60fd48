"""Name keys for matching organisations across spellings and word orders.

``org_key`` folds case, quotes, punctuation, spelling variants, "the" and legal forms;
``org_word_set_key`` also forgets word order, so "Akimat of Tabyn" and "Tabyn Akimat", or
"Department of the Police of X" and "X Police Department", share a key; ``acronym_of`` gives
the initials a name abbreviates to.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Callable

from rigour.names import remove_org_types

from casefile.nlp import lexicons
from casefile.nlp.territories import territory_code
from casefile.nlp.keys import fold, to_latin

__all__ = ["acronym_of", "org_compact_key", "org_key", "org_word_set_key"]

# British/American spelling pairs that otherwise split one organisation in two.
_ORG_SPELLING = (
    (re.compile(r"\bcentre\b"), "center"), (re.compile(r"isation\b"), "ization"),
    (re.compile(r"\bdefence\b"), "defense"), (re.compile(r"\bprogramme\b"), "program"),
    (re.compile(r"\blabour\b"), "labor"), (re.compile(r"\s*&\s*"), " and "),
)


@cache
def _legal_forms() -> tuple[list[str], ...]:
    # Longest phrases first so "joint stock company" beats "company".
    raw = [fold(f) for f in lexicons.legal_form_words()]
    forms = {f.replace("-", " ") for f in raw} | {f.replace("-", "") for f in raw}
    return tuple(sorted((f.split() for f in forms if f), key=len, reverse=True))


def _strip_forms(words: list[str], key: Callable[[str], str] = str) -> list[str]:
    """Drop legal-form phrases at either end of ``words`` (compared via ``key``)."""
    keyed = [key(w) for w in words]
    changed = True
    while changed and words:
        changed = False
        for form in _legal_forms():
            n = len(form)
            if len(words) > n and keyed[:n] == form:
                words, keyed, changed = words[n:], keyed[n:], True
            elif len(words) > n and keyed[-n:] == form:
                words, keyed, changed = words[:-n], keyed[:-n], True
    return words


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """Case/quote/punctuation-insensitive organisation key without "the" or legal forms."""
    # rigour's legal-form table knows many jurisdictions' forms ("GmbH", "S.A."); ours adds the region's
    text = to_latin(remove_org_types(name).strip() or name)
    for pattern, repl in _ORG_SPELLING:
        text = pattern.sub(repl, text)
    # "Anti-Corruption" == "Anticorruption"; possessive apostrophes vanish in fold.
    words = fold(text).replace("-", "").split()
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    # a country's name variants are one ("B Turkey" / "B Türkiye"): a word naming a country keys by its code
    words = [_country(w) for w in words] if len(words) > 1 else words
    return " ".join(_strip_forms(words))


@cache
def _country(word: str) -> str:
    code = territory_code(word) if len(word) >= 4 else None
    return f"{code}-country" if code and len(code) == 2 else word


_ACRONYM_SKIP = frozenset(
    "of the and for on in at to a an by with de du des la le les del von der und".split()
)


def acronym_of(name: str) -> str:
    """Upper-case initials of the capitalised content words ("State Forestry Committee" -> "SFC")."""
    words = [w.strip("\"'«»“”„()[],.;:") for w in unicodedata.normalize("NFKC", name).split()]
    words = [w for w in words if w and w.lower() not in _ACRONYM_SKIP]
    # Legal forms ("LLP", "Charitable Foundation") are not part of the acronym.
    words = _strip_forms(words, key=lambda w: fold(w).replace("-", ""))
    capitalised = [w for w in words if w[:1].isupper()]
    out: list[str] = []
    for word in capitalised or words:
        if len(word) > 1 and word.isupper() and word.isalpha():
            out.append(fold(word).upper())  # embedded acronym: "US Agency" -> USA...
            continue
        for part in re.split(r"[-‐‑–/]", word):
            letter = fold(part[:1]) if part else ""
            if letter.isalpha():
                out.append(letter[:1].upper())
    return "".join(out)


# Words that only link a body's name parts; the English word order they impose ("Court of X"
# against "X Court") is not part of the body's identity.
_LINK_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "at"})
# Adjectival forms that name the same modifier as their noun ("X Regional Court" = "Court of X Region");
# a city's court is translated both ways ("X Municipal Court" = "Court of X City").
ADJECTIVE_FORMS = {"regional": "region", "municipal": "city"}
# "суд города Х" is "суд Х": the word says what Х is, not which body (folded to Latin, as org_key gives it)
_PLACE_KIND_GENITIVES = frozenset({"goroda", "g"})
_POSSESSIVE = re.compile(r"['’]s?(?=\s|$)")


@lru_cache(maxsize=65536)
def org_word_set_key(name: str) -> str:
    """Word-order-insensitive key: the content words of ``org_key`` as a sorted set, without
    linking words ("of", "the") or possessive endings ("X's Court" = "Court of X")."""
    words = org_key(_POSSESSIVE.sub("", name)).split()
    content = {ADJECTIVE_FORMS.get(w, w) for w in words if w not in _LINK_WORDS and w not in _PLACE_KIND_GENITIVES}
    return " ".join(sorted(content))


def org_compact_key(name: str) -> str:
    """``org_key`` without spaces: "Steppe Media" and "SteppeMedia" write one name."""
    return org_key(name).replace(" ", "")
