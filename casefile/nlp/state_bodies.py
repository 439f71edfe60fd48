"""Which national state body an organisation's name denotes, across languages and word orders.

The table (``lexicons/state_bodies.txt``) lists kinds of body with their generic English names
("Interior Ministry") and, per country, the transliterated acronyms and local names media use
("MVD", "KNB", "Jogorku Kenesh"). ``body_key`` gives one key per country and kind, so the English
name in one article and the acronym in another name one body. A generic name or an acronym that
several countries share needs a country: named in the name itself ("Interior Ministry of X",
"X's Supreme Court") or the document's country; a conflict between the two gives no key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from casefile.nlp.english import is_english_word
from casefile.nlp.keys import to_latin
from casefile.nlp.org_keys import org_word_set_key
from casefile.nlp.territories import territory_code

__all__ = ["StateBodies", "body_key", "country_free_name", "is_state_body_acronym", "load_state_bodies", "split_country"]

_LINE = re.compile(r"^(?P<country>\*|[A-Z]{2})\s+(?P<kind>[a-z-]+):\s*(?P<entries>.+)$")
_ANY = "*"


@dataclass
class StateBodies:
    """The parsed table: name keys and acronyms to the (country, kind) pairs they may denote."""

    generic: dict[str, str] = field(default_factory=dict)  # set key of a generic name -> kind
    names: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # set key -> (country, kind)
    acronyms: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # "MVD" -> {(kz, interior), ...}
    generic_acronyms: dict[str, str] = field(default_factory=dict)  # "CEC" -> election


def _is_acronym(entry: str) -> bool:
    return " " not in entry and sum(ch.isupper() for ch in entry) >= 2


def parse_state_bodies(text: str) -> StateBodies:
    """Parse the table's text (see the file's header for its two kinds of line)."""
    table = StateBodies()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        m = _LINE.match(line)
        if not m:
            continue
        country, kind = m.group("country").lower(), m.group("kind")
        for entry in (e.strip() for e in m.group("entries").split(";")):
            if not entry:
                continue
            if _is_acronym(entry):
                target = table.generic_acronyms if country == _ANY.lower() else None
                if target is not None:
                    target[entry.upper()] = kind
                else:
                    table.acronyms.setdefault(entry.upper(), set()).add((country, kind))
            elif country == _ANY.lower():
                table.generic[org_word_set_key(entry)] = kind
            else:
                table.names.setdefault(org_word_set_key(entry), set()).add((country, kind))
    return table


@cache
def load_state_bodies() -> StateBodies:
    """The packaged table, parsed once."""
    text = resources.files("casefile.nlp.lexicons").joinpath("state_bodies.txt").read_text(encoding="utf-8")
    return parse_state_bodies(text)


_POSSESSIVE = re.compile(r"['’]s?$")
_REPUBLIC = re.compile(r"^(?:the\s+)?Republic\s+of\s+", re.IGNORECASE)


def split_country(name: str) -> tuple[str, str | None]:
    """The name without the country it names, and that country's code: "Supreme Court of the
    Republic of X" -> ("Supreme Court", x); "X's Interior Ministry" -> ("Interior Ministry", x)."""
    words = name.split()
    for n in (4, 3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = _POSSESSIVE.sub("", " ".join(words[i:i + n]).strip(",;:()"))
            if not phrase[:1].isupper() or (phrase.isupper() and len(phrase) <= 3 and n == len(words)):
                continue  # a bare acronym ("GP") is a body, not a country code
            code = territory_code(_REPUBLIC.sub("", phrase)) or territory_code(phrase)
            if code is None:
                continue
            rest = words[:i] + words[i + n:]
            while rest and rest[-1].lower() in {"of", "the", "in"}:  # "Supreme Court of [the Republic of] X"
                rest = rest[:-1]
            return " ".join(rest), code
    return name, None


def country_free_name(name: str) -> str | None:
    """The name without the country it names, when what is left still names one body on its own
    ("X Credit Union of Y" -> "X Credit Union"); None for a generic rest ("Supreme Court")."""
    rest, country = split_country(name)
    words = rest.split()
    if country is None or not words:
        return None
    distinctive = len(words) >= 3 or any(not is_english_word(w) for w in words)
    return rest if distinctive else None


def _candidates(name: str, table: StateBodies) -> tuple[set[tuple[str, str]], str | None]:
    """The (country, kind) pairs a name without its country may denote; "*" for any country."""
    bare = name.replace(".", "")
    if _is_acronym(bare) and not bare.isascii():  # "МВД", "ГКНБ": the table spells acronyms in Latin
        bare = to_latin(bare).upper()
    if _is_acronym(bare):
        found = set(table.acronyms.get(bare.upper(), set()))
        generic = table.generic_acronyms.get(bare.upper())
        return found, generic
    key = org_word_set_key(name)
    return set(table.names.get(key, set())), table.generic.get(key)


def body_key(name: str, document_country: str | None = None) -> str | None:
    """"body:<country>:<kind>" for a national state body's name, or None when the name is no such
    body or its country is ambiguous or contradicts the document's."""
    table = load_state_bodies()
    rest, named_country = split_country(name)
    if not rest:
        return None
    found, generic_kind = _candidates(rest, table)
    context = named_country or document_country
    if len(found) == 1 and not _local_variant(rest, next(iter(found)), context, table):
        return "body:{}:{}".format(*next(iter(found)))  # a name or acronym one country uses ("FSB")
    specific = {(c, k) for c, k in found if c == context}
    if len(specific) == 1:
        return "body:{}:{}".format(*next(iter(specific)))
    if generic_kind is not None and context is not None and not found:
        return f"body:{context}:{generic_kind}"
    kinds = {k for _c, k in found}
    if context is not None and len(found) > 1 and len(kinds) == 1 and _is_acronym(rest.replace(".", "")):
        # "МВД" in a text about a country the table lists no "MVD" for: the acronym several
        # countries share for one kind of body (Russian-language media use it for any of them)
        return f"body:{context}:{kinds.pop()}"
    return None


def is_generic_state_body(name: str) -> bool:
    """A kind of national state body named without its country ("Supreme Court", "Interior
    Ministry"): every country has one."""
    rest, country = split_country(name)
    return country is None and bool(rest) and _candidates(rest, load_state_bodies())[1] is not None


def _local_variant(acronym: str, entry: tuple[str, str], context: str | None, table: StateBodies) -> bool:
    """True when the document's own country has a body of the same kind whose acronym contains
    this one ("KNB" in a text about a country whose committee is the "GKNB"): the text may mean it."""
    country, kind = entry
    if context is None or context == country:
        return False
    bare = acronym.replace(".", "").upper()
    return any(bare in other and (context, kind) in pairs for other, pairs in table.acronyms.items())


def is_state_body_acronym(text: str) -> bool:
    """True for an acronym the table lists ("KNB", "MVD"): an organisation, never a person."""
    table = load_state_bodies()
    bare = text.replace(".", "").upper()
    return bare in table.acronyms or bare in table.generic_acronyms
