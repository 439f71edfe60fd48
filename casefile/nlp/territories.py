"""Country and territory names, from rigour's territory database (the field's own data)."""
from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache


# rigour's region of the United Nations and the European Union: bodies of states, not places
_SUPRANATIONAL = "Supranational"


@cache
def _names() -> frozenset[str]:
    from rigour.territories import get_territories

    out: set[str] = set()
    for territory in get_territories():
        if territory.region == _SUPRANATIONAL:
            continue
        for name in [territory.name, territory.full_name, *getattr(territory, "other_names", ())]:
            if name:
                out.add(name.casefold())
    return frozenset(out)


@cache
def is_territory(text: str) -> bool:
    """True when ``text`` names a country or territory ("Austria", "Turkiye", "U.S.").

    Bare two- or three-letter capitals are left out: "IT" or "AT" are more often not countries.
    """
    text = text.strip()
    if not text[:1].isupper() or (text.isupper() and len(text) <= 3 and "." not in text) \
            or re.search(r"\b(?:Union|Organi[sz]ation|Council|Community|Commission)\b", text):
        return False
    return text.casefold() in _names() or territory_code(text) is not None


def is_main_territory_name(text: str) -> bool:
    """True for a territory's own English name ("Afghanistan"), not one of the spellings in other
    languages rigour also lists ("Afgan"), which in English text may be a person's given name."""
    return text.strip().casefold() in _names()


@cache
def _country_codes() -> frozenset[str]:
    from rigour.territories import get_territories

    return frozenset(t.code.upper() for t in get_territories() if t.is_country and len(t.code) == 2)


def is_country_code(text: str) -> bool:
    """True for a country's two-letter code written in capitals ("US", "KZ"), which the name
    lookup leaves out because most such pairs are English words or acronyms as well."""
    return text.strip() in _country_codes()


@cache
def _capitals() -> frozenset[str]:
    from rigour.territories import get_territories

    return frozenset(p.casefold() for t in get_territories() for p in t.places)


def is_capital(text: str) -> bool:
    """True for a capital city rigour knows ("Astana", "Bishkek"): a place, not a country."""
    return text.strip().casefold() in _capitals()


@cache
def _capital_countries() -> dict[str, str]:
    from rigour.territories import get_territories

    return {p.casefold(): t.code for t in get_territories() if t.is_country for p in t.places}


def capital_country(text: str) -> str | None:
    """The territory code of the country whose capital ``text`` names ("Bishkek" -> "kg")."""
    return _capital_countries().get(text.strip().casefold())


def is_national_capital(text: str) -> bool:
    """A country's capital ("Bishkek"), which the English word list may hold as a proper noun and
    so keeps out of the town list; a capital that is also a given name ("Sofia") is left alone."""
    from casefile.nlp import names

    return capital_country(text) is not None and not names.is_given_name(text.split()[0])


@cache
def territory_code(text: str) -> str | None:
    """The territory code for a country name, or None; used to merge name variants of a country.

    Capitals are excluded: rigour's lookup maps them to their country, but "Astana" is not
    another name of Kazakhstan.
    """
    if is_capital(text):
        return None
    index = _territory_index()
    key = _name_key(text)
    found = index.get(key)
    if found is None and _CYRILLIC.search(key) and len(key.split()) <= 3:
        # a Russian name in an oblique case ("Беларуси", "Республики Казахстан")
        for words in itertools.product(*(_nominatives(w) for w in key.split())):
            found = index.get(" ".join(words))
            if found is not None:
                break
    return found


_CYRILLIC = re.compile(r"[а-я]")
# oblique-case endings of Russian country names and the nominative endings they may come from
_OBLIQUE = (("ии", ("ия",)), ("ие", ("ия",)), ("ию", ("ия",)), ("и", ("ь", "а", "я")), ("ы", ("а",)), ("е", ("а", "", "ь")),
            ("у", ("а", "")), ("ой", ("а",)), ("а", ("",)), ("ом", ("",)))


def nominative_forms(word: str) -> list[str]:
    """A Russian place name and the nominatives an oblique-case form of it may stand for
    ("Бишкека" -> "Бишкека", "Бишкек", ...), lower case."""
    return _nominatives(word.lower().replace("ё", "е"))


def _nominatives(word: str) -> list[str]:
    """The word and the nominatives an oblique-case form of it may stand for."""
    out = [word]
    for ending, nominative in _OBLIQUE:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            out += [word[: -len(ending)] + n for n in nominative]
    return out


def _name_key(name: str) -> str:
    """A territory name folded for lookup: accents off, lower case, punctuation as spaces;
    Latin and Cyrillic letters kept ("Казахстан" is looked up as itself)."""
    if not name.isascii():
        name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-zа-я]+", " ", name.casefold().replace("ё", "е")).split())


@cache
def _territory_index() -> dict[str, str]:
    """Name key -> territory code, from rigour's names of every territory (strong names before
    weak ones, as rigour's own lookup ranks them). Built here rather than with rigour's
    ``lookup_territory``, whose index of names in every script takes a second to build; English
    text and Russian text need the Latin and Cyrillic names only. Kept in the user's cache folder, keyed by rigour's
    version: building it costs a tenth of a second at every start."""
    from importlib.metadata import version

    from casefile.nlp.cache import cached

    return cached(f"territories-latin-cyrillic-2-{version('rigour')}", _build_territory_index)


def _build_territory_index() -> dict[str, str]:
    from rigour.territories.lookup import _load_territory_names

    entries = list(_load_territory_names())
    index: dict[str, str] = {}
    for strength in (1, 2):
        for territory, strongs, weaks, _places in entries:
            if territory.region == _SUPRANATIONAL:
                continue  # "United Nations", "European Union": bodies, not places
            for name in strongs if strength == 1 else weaks:
                key = _name_key(name) if name else ""
                if key and (key.isascii() or _CYRILLIC.search(key)):
                    index.setdefault(key, territory.code)
    return index
