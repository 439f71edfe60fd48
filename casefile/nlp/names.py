"""Name morphology helpers for the NER repair step.

All checks are lexicon/suffix based and script-insensitive (input is folded
to Latin ASCII first), so Cyrillic and Latin spellings behave alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from casefile.nlp import lexicons
from casefile.nlp.keys import fold, token_key
from casefile.nlp.territories import is_main_territory_name, is_territory

__all__ = [
    "is_demonym",
    "is_given_name",
    "is_honorific",
    "is_initial",
    "is_initials_and_surname",
    "is_org_word",
    "is_role_word",
    "is_role_plural",
    "is_article_surname",
    "ARTICLE_SURNAME",
    "has_strong_surname_suffix",
    "looks_like_surname",
    "person_name_score",
]

# Short endings that also end ordinary words/places (Berlin, Italian): demand a
# longer stem before trusting them.
_WEAK_SUFFIXES = frozenset({"in", "ina", "yn", "yna", "uk", "yan", "ian", "ski", "ikh", "ykh"})
_INITIAL = re.compile(r"^(?:[^\W\d_](?:h|u|a|e|zh)?\.-?)+$", re.UNICODE)
_NAME_CHARS = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$", re.UNICODE)
_PARTICLES = lexicons.name_particles() | lexicons.patronym_links()


# the Arabic article joined to a surname by a hyphen, written in lower case: "el-Tayeb", "al-Amin"
ARTICLE_SURNAME = r"(?:el|al|ad|ed|ash|as|at|az|an|ar|ul|ud)-[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?![\w-])"
_ARTICLE_SURNAME = re.compile(ARTICLE_SURNAME)


def is_article_surname(token: str) -> bool:
    """True for a surname led by a lower-case Arabic article ("el-Tayeb"), the one name word that
    starts in lower case mid-sentence."""
    return _ARTICLE_SURNAME.fullmatch(token) is not None


def _clean(token: str) -> str:
    return fold(token).strip(" .-")


@cache
def _given_keys() -> frozenset[str]:
    # Keys let unlisted transliterations (Yerzhan/Erjan) count as known names.
    return frozenset(token_key(n) for n in lexicons.given_names())


def is_given_name(token: str) -> bool:
    """True if ``token`` (or each part of a hyphenated token) is a known given name."""
    parts = [p for p in _clean(token).split("-") if p]
    if not parts:
        return False
    names, keys = lexicons.given_names(), _given_keys()
    return all(p in names or token_key(p) in keys for p in parts)


def is_role_word(token: str) -> bool:
    """True for role/title words (judge, minister, activist ...)."""
    return _clean(token) in lexicons.role_words()


def is_role_plural(token: str) -> bool:
    """True for the plural of a role word ("Lawyers", "Reporters", "chairmen")."""
    s = _clean(token)
    roles = lexicons.role_words()
    return (s.endswith("s") and s[:-1] in roles) or (s.endswith("men") and s[:-3] + "man" in roles)


def is_org_word(token: str) -> bool:
    """True for organisation head words (ministry, court, LLP ...), singular or plural."""
    s = _clean(token)
    words = lexicons.org_words()
    return s in words or (s.endswith("s") and s[:-1] in words) or (
        s.endswith("ies") and s[:-3] + "y" in words
    )


def is_generic_body_name(text: str) -> bool:
    """A body's name of head words and level words only ("City Court", "the District Court's"):
    it names a kind of body, not one body."""
    words = re.sub(r"^(?:the|The)\s+|['’]s\b", "", text).split()
    levels = lexicons.load("body_level_words")
    return len(words) >= 2 and all(is_org_word(w) or w.lower() in levels for w in words)


def is_honorific(token: str) -> bool:
    """True for courtesy titles (Mr., Dr, Prof.)."""
    return _clean(token) in lexicons.honorifics()


def is_demonym(text: str) -> bool:
    """True for nationality adjectives / demonyms ("Kazakh", "Russians", "Central Asian"), listed
    or formed from a country's name the regular ways ("Ruritanian", "Freedonians")."""
    s = _clean(text)
    dem = lexicons.demonyms()
    return s in dem or (s.endswith("s") and s[:-1] in dem) or _derived_demonym(s[:-1] if s.endswith("ns") else s)


# a demonym's ending and what the country's name ends in instead: Cambodia-n, Egypt-ian,
# Japan-ese, China -> Chin-ese, Italy -> Ital-ian
_DEMONYM_ENDINGS = (("n", ""), ("an", ""), ("ian", ""), ("ian", "y"), ("ese", ""), ("ese", "a"), ("i", ""))


@cache
def _derived_demonym(word: str) -> bool:
    if " " in word or len(word) < 5 or is_main_territory_name(word) or is_given_name(word.title()):
        return False  # "Marian" is a given name before any people's
    return any(word.endswith(end) and len(word) - len(end) >= 3 and is_main_territory_name(word[:-len(end)] + tail)
               for end, tail in _DEMONYM_ENDINGS)


def is_initial(token: str) -> bool:
    """True for initials such as "D.", "A.B.", "Zh."."""
    return bool(token) and token[0].isupper() and bool(_INITIAL.match(token))


def is_initials_and_surname(tokens: Sequence[str]) -> bool:
    """Initials and one capitalised name word, either way round ("B. Serikov", "A.B. Kuanysheva",
    "Serikov B.K."): a person's name however the model typed it. The word must not be an
    organisation, role or title word ("U.S. Embassy", "A. Division")."""
    toks = [t.strip(",;:") for t in tokens if t.strip(",;:")]
    if len(toks) < 2:
        return False
    if is_initial(toks[0]):
        initials, rest = [t for t in toks if is_initial(t)], [t for t in toks if not is_initial(t)]
        ordered = toks[:len(initials)] == initials
    else:
        rest, initials = toks[:1], toks[1:]
        ordered = all(is_initial(t) for t in initials)
    if not ordered or len(rest) != 1 or not initials:
        return False
    word = rest[0]
    return (len(word) >= 2 and word[0].isupper() and bool(_NAME_CHARS.match(word)) and not word.isupper()
            and not (is_org_word(word) or is_role_word(word) or is_honorific(word) or is_demonym(word)
                     or is_territory(word)))  # "N. Korea": an abbreviated country


def looks_like_surname(token: str) -> bool:
    """Suffix-based surname guess for a capitalised alphabetic token of length >= 4."""
    if len(token) < 4 or not token[0].isupper() or not _NAME_CHARS.match(token):
        return False
    s = _clean(token).replace("-", "")
    if not s or is_given_name(token) or is_demonym(token) or is_org_word(token) or is_role_word(token):
        return False
    for suffix in lexicons.surname_suffixes():
        if s.endswith(suffix):
            stem = len(s) - len(suffix)
            if stem >= (3 if suffix in _WEAK_SUFFIXES else 2):
                return True
    return False


def has_strong_surname_suffix(token: str) -> bool:
    """A surname ending that ordinary words and given names do not share (-ov, -eva, -bayev, -uly),
    unlike the weak ones (-in, -yan) that also end given names such as "Saipidin"."""
    if not looks_like_surname(token):
        return False
    s = _clean(token).replace("-", "")
    strong = [x for x in lexicons.surname_suffixes() if x not in _WEAK_SUFFIXES and s.endswith(x)]
    return bool(strong)


def _is_caps_word(token: str) -> bool:
    return len(token) > 1 and token.isupper() and token.isalpha()


def person_name_score(tokens: Sequence[str]) -> float:
    """Score in [0, 1]: how much a capitalised token sequence looks like a personal name."""
    toks = [t for t in (t.strip(",;:") for t in tokens) if t]
    honorific = False
    while toks and is_honorific(toks[0]):
        toks, honorific = toks[1:], True
    if not toks:
        return 0.0
    content = [t for t in toks if fold(t) not in _PARTICLES]
    if not content or any(not _NAME_CHARS.match(t.rstrip(".")) for t in content):
        return 0.0  # digits, symbols: not a name
    if any(is_org_word(t) for t in content):
        return 0.05
    if any(is_role_word(t) or is_demonym(t) for t in content):
        return 0.1
    if any(not t[0].isupper() for t in content):
        return 0.1
    if len(content) == 1:
        return _single_token_score(content[0], honorific)
    return _multi_token_score(content, honorific)


def _single_token_score(tok: str, honorific: bool) -> float:
    if is_initial(tok):
        return 0.1
    if honorific:
        return 0.85  # "Mr. Abenov", "Dr Smith"
    if looks_like_surname(tok):
        return 0.6
    if is_given_name(tok):
        return 0.45
    return 0.2


def _multi_token_score(toks: list[str], honorific: bool) -> float:
    first, last = toks[0], toks[-1]
    score = 0.25
    # "Ivanova Maria", "NOVAK Petra": surname written before the given name.
    surname_first = is_given_name(toks[1]) and (looks_like_surname(first) or _is_caps_word(first))
    if is_given_name(first) or is_initial(first) or surname_first:
        score += 0.3
    if looks_like_surname(last) or surname_first or (is_given_name(first) and _is_caps_word(last)):
        score += 0.35
    elif is_given_name(first) and last[0].isupper() and not is_initial(last):
        score += 0.15  # unknown surname after a known given name
    if honorific:
        score += 0.2
    if all(is_initial(t) for t in toks):
        score = 0.1
    if len(toks) > 4:
        score -= 0.15 * (len(toks) - 4)
    return max(0.0, min(1.0, score))


# a named place of custody: the name ends in the kind of facility ("Prison Service" is a body)
_FACILITY = re.compile(r"\b(?:[Pp]rison|[Jj]ail|[Pp]enitentiary|(?:[Pp]enal\s+)?[Cc]olony(?:\s+No\.?\s*\d+)?|"
                       r"[Dd]etention\s+[Cc]ent(?:er|re)(?:\s+No\.?\s*\d+)?)$")


def is_custody_facility(name: str) -> bool:
    """A named prison, penal colony or detention centre ("X Prison", "Penal Colony No. 2"): a place
    where people are held, not a body ("the X Prison Service" is one)."""
    return len(name.split()) >= 2 and _FACILITY.search(name) is not None
