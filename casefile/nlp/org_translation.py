"""One key for a body named in Russian and in English: "суд района Шохмансур" and "Shohmansur
district court". Russian words of bodies' names are put into English word by word (their
dictionary form looked up in the ``russian_body_words_en`` lexicon), place adjectives lose their
ending ("Медеуский" -> "Медеу"), and every word is keyed by its sound skeleton (``token_key``),
so transliterations agree; word order does not count.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from casefile.nlp import lexicons
from casefile.nlp.keys import fold, token_key
from casefile.nlp.org_keys import ADJECTIVE_FORMS
from casefile.nlp.territories import territory_code

# words that only link a name's parts, in either language ("г." marks a city's name)
_LINKS = frozenset({"of", "the", "for", "and", "on", "in", "at", "по", "и", "в", "при", "г", "имени"})
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_PLACE_ADJECTIVE = re.compile(r"(?:ский|ская|ское|ского|скому|ском|ской|цкий|цкая|цкого|цком)$")
# the same adjective endings transliterated ("Togyzkentsky", "Leninskiy"), after three letters at least
_LATIN_PLACE_ADJECTIVE = re.compile(r"(?<=\w{3})(?:skiy|sky|ski|skaya|skoye|skoe)$")


@cache
def _table(filename: str) -> dict[str, str]:
    """Russian dictionary form -> its English words (the first of "security|safety")."""
    out = {}
    for line in lexicons.lines(filename):
        word, english = line.split(" ", 1)
        out[word] = english.split("|")[0]
    return out


def _english() -> dict[str, str]:
    """The words of bodies' kinds and levels ("суд" -> "court")."""
    return _table("russian_body_words_en.txt")


def _content() -> dict[str, str]:
    """The words of what bodies stand for ("свобода" -> "freedom")."""
    return _table("russian_name_words_en.txt")


@cache
def _english_variants() -> dict[str, str]:
    """An English word the tables give as a second translation -> the first ("safety" -> "security")."""
    out = {}
    for filename in ("russian_body_words_en.txt", "russian_name_words_en.txt"):
        for line in lexicons.lines(filename):
            first, *others = line.split(" ", 1)[1].split("|")
            out.update({other: first for other in others})
    return out


@cache
def _content_keys() -> frozenset[str]:
    return frozenset(token_key(w) for english in _content().values() for w in english.split())


def _words(name: str) -> Iterator[tuple[str, str]]:
    """Each word of a body's name as ("country", code), ("english", the table's English words),
    ("link", word) or ("own", word): a country in any case and script, a Russian word the table
    puts into English (by its dictionary form), a word that only links parts, or a word of the
    body's own name."""
    cyrillic = bool(_CYRILLIC.search(name))
    if cyrillic:
        from casefile.nlp.russian_names import readings  # Russian morphology, loaded for Russian names only
    for word in re.findall(r"[\w’'-]+", re.sub(r"['’]s\b", "", name)):
        lowered = word.lower()
        country = territory_code(word) if word[:1].isupper() else None
        if country is not None and "-" in country and not cyrillic:
            yield "own", word  # a region's name ("Tver"), as the Russian adjective gives it ("Тверская")
        elif country is not None:  # "Узбекистана" = "Uzbekistan": the country by its code
            yield "country", country
        elif cyrillic and _CYRILLIC.search(word):
            lemma = readings(lowered)[0].normal_form.replace("ё", "е")  # type: ignore[attr-defined]
            if lemma in _english():
                yield "english", _english()[lemma]
            elif lemma in _content():
                yield "content", _content()[lemma]
            elif lemma in _LINKS or lowered in _LINKS:
                yield "link", word
            else:
                yield "own", word
        elif lowered in _english_variants():
            yield "english", _english_variants()[lowered]
        else:
            yield ("link" if lowered in _LINKS else "own"), word


@lru_cache(maxsize=65536)
def bilingual_org_key(name: str, country: str | None = None) -> str:
    """The body's words in English where it is named in Russian, each by its sound skeleton, as a
    sorted set ("curt district sohmansur" for both "суд района Шохмансур" and "Shohmansur
    District Court"); empty for a name of generic words only ("Supreme Court"), unless the
    ``country`` of the document it is named in tells which country's body it is ("Демпартия" in a
    text about Tajikistan is the "Democratic Party of Tajikistan")."""
    out: set[str] = set()
    content = 0  # words of what the body stands for ("Social Democratic" counts once)
    for kind, word in _words(name):
        if kind == "country":
            out.add("country:" + word)
        elif kind in {"english", "content"}:
            out.update(token_key(w) for w in word.split())
            content += kind == "content"
        elif kind == "own":
            if _CYRILLIC.search(word) and word[:1].isupper():
                word = _PLACE_ADJECTIVE.sub("", word)  # "Медеуский" -> "Медеу"
            elif word[:1].isupper():
                word = _LATIN_PLACE_ADJECTIVE.sub("", word)  # "Togyzkentsky" -> "Togyzkent", as in Russian
            key = token_key(fold(word))
            out.add(key)
            content += key in _content_keys()
    out.discard("")
    out = {ADJECTIVE_FORMS.get(w, w) for w in out}
    own = out - _generic() - _content_keys()
    generic = not own and content <= 1
    if country is not None and out and generic:
        out.add("country:" + country)  # only a generic name needs its document's country
    elif generic:
        return ""  # "Верховный суд", "Supreme Court": no name of its own to tell which one
    return " ".join(sorted(out))


@lru_cache(maxsize=65536)
def english_body_name(name: str) -> tuple[str, str | None]:
    """A Russian body's name word by word in English where the table knows every word but the
    country ("Верховный суд Узбекистана" -> ("Supreme Court", "uz")), for the state-body keys;
    ("", None) when a word is not in the table."""
    english, country = [], None
    for kind, word in _words(name):
        if kind == "country":
            country = word
        elif kind in {"english", "content"}:
            english.append(word.title())
        elif kind == "own":
            return "", None
    return " ".join(english), country  # in Russian order: the state-body keys ignore the order


@cache
def _generic() -> frozenset[str]:
    """The keys of the English words of the table: a name made only of them names no one body."""
    return frozenset(token_key(w) for english in _english().values() for w in english.split()) \
        | frozenset(ADJECTIVE_FORMS.values())
