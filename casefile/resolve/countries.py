"""The country each document is about, from the places it names: the context that tells which
country's "Interior Ministry" or "MVD" a document means."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Protocol

from casefile.nlp.gazetteer import town_country
from casefile.nlp.keys import to_latin
from casefile.nlp.language import has_cyrillic
from casefile.nlp.territories import capital_country, nominative_forms, territory_code


class NamedCluster(Protocol):
    """What these collection-level passes read of a cluster: its document, type, name and forms."""

    document: str
    type: str
    name: str
    surfaces: dict[str, int]


def place_country(name: str) -> str | None:
    """The ISO code of the country a place name is or lies in: a country, a capital, a town; a
    name in Cyrillic is looked up in Latin letters too, in the nominative ("Минске" -> "by")."""
    code = territory_code(name) or capital_country(name) or town_country(name)
    if code is None and has_cyrillic(name) and len(name.split()) == 1:
        for form in nominative_forms(name):  # "Бишкека" -> "Бишкек" -> "bishkek"
            latin = to_latin(form)
            code = capital_country(latin) or town_country(latin)
            if code is not None:
                break
    return code.split("-")[0] if code else None  # "ru-mow" (Moscow) lies in "ru"


def document_countries(clusters: Iterable[NamedCluster]) -> dict[str, str]:
    """Document id -> the country its places point to most (by mentions), counting the places
    named inside its bodies' names too ("the Surakhani District Court of Baku"); a document whose
    top countries tie, or that names no place, is left out."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in clusters:
        if c.type == "location":
            code = place_country(c.name)
            if code is not None:
                votes[c.document][code] += sum(c.surfaces.values()) or 1
        elif c.type == "organization":
            for word in re.findall(r"\b[A-ZА-ЯЁ][\w-]+", c.name)[1:]:  # not the name's first word ("Москва-Сити")
                code = place_country(word)
                if code is not None:
                    votes[c.document][code] += 1
    out: dict[str, str] = {}
    for document, counts in votes.items():
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            out[document] = ranked[0][0]
    return out
