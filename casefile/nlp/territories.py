"""Country and territory names, from rigour's territory database (the field's own data)."""
from __future__ import annotations

import re
from functools import cache


@cache
def _names() -> frozenset[str]:
    from rigour.territories import get_territories

    out: set[str] = set()
    for territory in get_territories():
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


@cache
def territory_code(text: str) -> str | None:
    """The territory code for a country name, or None; used to merge name variants of a country.

    Capitals are excluded: rigour's lookup maps them to their country, but "Astana" is not
    another name of Kazakhstan.
    """
    from rigour.territories import lookup_territory

    if is_capital(text):
        return None
    territory = lookup_territory(text.strip())  # knows short forms and endonyms
    return territory.code if territory is not None else None
