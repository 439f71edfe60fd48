"""Collection-level typing: one type per name across all documents, decided before clustering.

A small model types the same name differently from one article to the next (an unfamiliar
surname is an organisation here, a person there), and a type split is a split entity: clusters
of different types never meet. Each name form votes, once per document that uses it, for the
type that document gave it; the name's own shape votes too (initials before a surname, a surname
ending, an organisation word, a country or its capital); every cluster then takes the type its name forms won.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from casefile.nlp import names
from casefile.nlp.english import is_english_word
from casefile.nlp.gazetteer import is_town
from casefile.nlp.keys import fold, token_key
from casefile.nlp.state_bodies import is_state_body_acronym
from casefile.nlp.territories import is_national_capital, is_territory
from casefile.resolve.countries import NamedCluster

VOTING_TYPES = frozenset({"person", "organization", "location", "event"})
# How many documents' votes a name's shape is worth: a clear shape outweighs one mistyped
# document, a weak one only breaks ties.
_STRONG, _CLEAR, _WEAK = 3.0, 1.5, 0.5
_SAME_DOCUMENT = 0.5


@lru_cache(maxsize=65536)  # a collection names the same people again and again
def shape_vote(name: str) -> tuple[str, float] | None:
    """The type a name's own shape argues for, with its weight in documents; None when silent."""
    toks = name.split()
    if not toks:
        return None
    if len(toks) == 1 and is_state_body_acronym(name):
        return "organization", _STRONG  # "MVD": a state body's acronym
    if names.is_initials_and_surname(toks):
        return "person", _STRONG  # "B. Serikov": initials only ever precede a person's surname
    if names.is_custody_facility(name):
        return "location", _STRONG  # "X Prison": a place, though "prison" is a body's word too
    score = names.person_name_score(toks)
    if any(names.is_org_word(t) for t in toks) and score < 0.5:
        return "organization", _CLEAR
    if is_territory(name) or is_national_capital(name):
        return "location", _CLEAR  # a country or a country's capital
    town = len(toks) == 1 and is_town(name)
    if score >= 0.6 and not town:
        return "person", _CLEAR if score >= 0.85 else _WEAK  # a known given name and a surname ending
    if town:
        return "location", _WEAK
    if 2 <= len(toks) <= 4 and all(t[:1].isupper() and not t.isupper() and not is_english_word(t.lower())
                                   and not names.is_role_word(t) for t in toks):
        return "person", _WEAK  # "Arnon Nampa": words of no language's dictionary we know, no body's word
    return None


def _surname_votes(voters: list[NamedCluster]) -> dict[str, dict[str, float]]:
    """For each surname (its spelling-blind key), the documents that name a person by a given
    name and that surname, with the weight of each: a lone "Atabaev" typed a body in one article
    is the surname of "Bolat Atabayev" in another, and more surely so in the same article."""
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for c in voters:
        if c.type != "person":
            continue
        for surface in {c.name, *c.surfaces}:
            last = _full_name_surname(surface)
            if last is not None:
                found[last][c.document] = 1.0
        words = c.name.split()
        if len(words) >= 2 and words[-1] in c.surfaces:  # the text itself called them by the last word
            found[token_key(fold(words[-1]))][c.document] = 1.0
    return found


@lru_cache(maxsize=65536)
def _full_name_surname(surface: str) -> str | None:
    """The spelling-blind key of the surname of a full person's name ("Bolat Atabayev"), or None."""
    toks = surface.split()
    return token_key(fold(toks[-1])) if len(toks) >= 2 and names.person_name_score(toks) >= 0.6 else None


def _surname_tally(c: NamedCluster, surnames: dict[str, dict[str, float]]) -> float:
    """Person votes for a one-word cluster from the full names that end in it."""
    if len(c.name.split()) != 1:
        return 0.0
    documents = surnames.get(token_key(fold(c.name)), {})
    # a full name earlier in the same article is worth a half vote more
    return sum(documents.values()) + (_SAME_DOCUMENT if c.document in documents else 0.0)


def vote_types(clusters: Iterable[NamedCluster]) -> None:
    """Give every person, organisation, place and event cluster the type its name forms carry
    across the collection (one vote per document per form, a lone surname also the votes of the
    full names that end in it) and its name's shape."""
    voters = [c for c in clusters if c.type in VOTING_TYPES]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    seen: set[tuple[str, str, str]] = set()
    for c in voters:
        for surface in {c.name, *c.surfaces}:
            key = fold(surface)
            if key and (c.document, key, c.type) not in seen:
                seen.add((c.document, key, c.type))
                votes[key][c.type] += 1.0
    surnames = _surname_votes(voters)
    for c in voters:
        tally: Counter[str] = Counter()
        for surface in {c.name, *c.surfaces}:
            tally.update(votes.get(fold(surface), Counter()))
        tally["person"] += _surname_tally(c, surnames)
        shape = shape_vote(c.name)
        if shape is not None:
            tally[shape[0]] += shape[1]
        if tally:
            top, weight = tally.most_common(1)[0]
            if weight > tally[c.type]:
                c.type = top
