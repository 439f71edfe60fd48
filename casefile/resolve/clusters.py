"""Cross-document entity resolution over within-document clusters.

Clusters are compared only inside blocks that share a key (a person's surname key, an
organisation's or place's name key), so the cost grows with the number of clusters, not with
its square. Inside a person block, full names join only full names with the same given-name key;
a bare surname joins the single full name it fits and stays apart when several fit, so two
people who share a surname (a father and a son) are never glued by it.
"""
from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from casefile.nlp.keys import PersonKey, fold, one_letter_apart, person_key, persons_compatible, token_key
from casefile.nlp.org_keys import acronym_of, org_compact_key, org_key, org_word_set_key
from casefile.nlp.org_translation import bilingual_org_key, english_body_name
from casefile.nlp.state_bodies import body_key, country_free_name, is_generic_state_body
from casefile.resolve.countries import document_countries
from casefile.resolve.typing_votes import vote_types
from casefile.nlp import lexicons, names
from casefile.nlp.english import is_english_word
from casefile.nlp.gazetteer import is_town
from casefile.nlp.language import has_cyrillic
from casefile.nlp.territories import is_country_code, is_territory, territory_code

_PLACE_PREFIX = re.compile(r"^(?:respublik\w*|republic(?: of)?|sankt|saint|st)[- ](?=\w)")  # "Republic of X", "Санкт-Петербург"


@dataclass
class ClusterInfo:
    """A within-document cluster as resolution sees it."""

    id: str
    document: str
    type: str
    name: str
    surfaces: dict[str, int] = field(default_factory=dict)
    attributes: dict[str, object] = field(default_factory=dict)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _fullness(key: PersonKey) -> int:
    return (2 if key.given else 0) + (2 if key.surname else 0) + (1 if key.patronymic else 0) + len(key.initials)


def group_persons(clusters: list[ClusterInfo]) -> list[list[ClusterInfo]]:
    """Group person clusters: blocked by surname key, full names first, short forms by uniqueness."""
    blocks: dict[str, list[tuple[ClusterInfo, PersonKey]]] = defaultdict(list)
    singles: list[list[ClusterInfo]] = []
    for c in clusters:
        key = person_key(c.name)
        if key.surname:
            blocks[key.surname].append((c, key))
        else:
            singles.append([c])
    out: list[list[ClusterInfo]] = list(singles)
    for members in blocks.values():
        groups: list[tuple[PersonKey, list[ClusterInfo]]] = []
        members.sort(key=lambda ck: (-_fullness(ck[1]), ck[0].id))
        for c, key in members:
            if key.given:
                match = [g for g in groups if g[0].given == key.given and persons_compatible(g[0], key)]
                if not match:  # "Kakha X" for "Kakhaber X": a short form of the given name; "Dilshod X"
                    # for "Dilshad X": the given name spelt with other vowels
                    match = [g for g in groups if _short_given(c.name, key, g[1][0].name, g[0])
                             or (g[0].given and persons_compatible(g[0], key))]
                    match = match if len(match) == 1 else []
            else:
                fits = [g for g in groups if g[0].given and persons_compatible(g[0], key)]
                match = fits if len(fits) == 1 else []
                if not fits:
                    match = [g for g in groups if not g[0].given and persons_compatible(g[0], key)][:1]
            if match:
                match[0][1].append(c)
            else:
                groups.append((key, [c]))
        out.extend(g[1] for g in groups)
    return out


def _short_given(name: str, key: PersonKey, other_name: str, other: PersonKey) -> bool:
    """"Kakha Vardze" beside "Kakhaber Vardze": one given name of four letters or more opens the
    other's longer one and is no given name of its own ("Dina" is not "Dinara")."""
    if not (key.given and other.given and key.surname == other.surname) or key.given == other.given:
        return False
    (short_name, short), (_long_name, long) = sorted([(name, key), (other_name, other)], key=lambda p: len(p[1].given))
    return len(short.given) >= 4 and long.given.startswith(short.given) \
        and not names.is_given_name(short_name.split()[0]) \
        and persons_compatible(PersonKey(long.given, short.initials, short.surname, short.patronymic, short.gender,
                                         short.tokens), long)


def _org_keys(text: str, country: str | None) -> set[str]:
    """A national state body's key when the name is one ("MVD", "Interior Ministry" in a text
    about one country); else the name's spelling, word-order and spacing keys."""
    body = body_key(text, country)
    if body is None and has_cyrillic(text):  # "Верховный суд Узбекистана" = "Supreme Court of Uzbekistan"
        english, named = english_body_name(text)
        body = body_key(english, named or country) if english else None
    if body is not None:
        return {body}
    key = org_key(text)
    keys = {key, org_word_set_key(text), org_compact_key(text)}  # "Steppe Media" = "SteppeMedia"
    bare = country_free_name(text)
    if bare is not None:  # "X Credit Union of Y" and "X Credit Union"
        keys.add(org_word_set_key(bare))
    if key.endswith(" party"):  # "X Party" and "X" name one party
        keys.add(key[: -len(" party")])
    words = text.split()
    if len(words) == 2 and fold(words[0]) == "radio" and not is_english_word(words[1]):
        keys.add(org_key(words[1]))  # "Radio Azat" and "Azat" name one broadcaster
    elif _kind_then_name(words):  # "Human Rights Centre Dala", "HRC Dala" and "Dala" name one body
        keys.add(org_key(words[-1]))
    bilingual = bilingual_org_key(text, country)
    if bilingual:  # "суд района X" = "X district court"
        keys.add("bilingual:" + bilingual)
    domain = _COUNTRY_DOMAIN.fullmatch(text.strip())
    if domain is not None and is_country_code(domain.group(2).upper()):  # "Outlet.kz" = "Outlet Kazakhstan"
        keys.add(f"{org_key(domain.group(1))} {domain.group(2).lower()}-country")
        if len(domain.group(1)) >= 4:  # and the outlet's name alone, as the other script writes it ("Оутлет")
            keys.add("bilingual:" + org_key(domain.group(1)))
    return keys | _two_name_keys(text)


# a site's name under a country's domain ("Outlet.kz"): the outlet's edition for that country
_COUNTRY_DOMAIN = re.compile(r"([A-Za-z][\w-]+)\.([A-Za-z]{2})")


_SLASH = re.compile(r"\s*/\s*")


def _generic_body(text: str) -> bool:
    """A kind of state body named without its country, in English or Russian ("Appeals Court",
    "Апелляционный суд")."""
    if has_cyrillic(text):
        english, named = english_body_name(text)
        return english is not None and named is None and is_generic_state_body(english)
    return is_generic_state_body(text)


def _kind_then_name(words: list[str]) -> bool:
    """A body's kind in English words or its acronym, then its own one-word name, which is no
    English word, place or given name ("Human Rights Centre Dala", "HRC Dala")."""
    if len(words) < 2 or not words[-1][:1].isupper() or is_english_word(words[-1].lower()) \
            or is_territory(words[-1]) or names.is_given_name(words[-1]) or not words[-1].isalpha():
        return False
    kind = words[:-1]
    return all(w.isupper() and len(w) >= 2 for w in kind) if len(kind) == 1 and kind[0].isupper() \
        else all(is_english_word(w.lower()) for w in kind) and any(names.is_org_word(w) for w in kind)


def _two_name_keys(text: str) -> set[str]:
    """A body known by two names joined by a slash ("Steppe Voice / Radio Kolos"): each name of
    two words or more is a key, and so are the two acronyms with the slash ("SV/RK"),
    which the acronym itself gives too. Single words on both sides ("Reuters/Ipsos") name two
    bodies working together, not one body."""
    parts = [p.strip() for p in _SLASH.split(text)]
    if len(parts) != 2 or not all(parts):
        return set()
    if all(_is_acronym(p) for p in parts):
        return {"acronyms:" + "/".join(p.replace(".", "") for p in parts)}
    if not all(len(p.split()) >= 2 for p in parts):
        return set()
    return {org_key(parts[0]), org_key(parts[1]), "acronyms:" + "/".join(acronym_of(p).upper() for p in parts)}


def _name_keys(c: ClusterInfo, country: str | None = None) -> set[str]:
    keys: set[str] = set()
    if c.type == "law":  # surfaces vary by part and wording; the parsed name is the key
        return {fold(c.name)}
    for text in [c.name, *c.surfaces]:
        if c.type == "location":  # the code joins a country's names; the name's sound skeleton one place
            # across scripts and spellings ("Казахстан" = "Kazakhstan", "Заркания" = "Zarkania")
            bare = _PLACE_PREFIX.sub("", fold(text))  # "Republic of X" = "X", "Республика X" = "X"
            keys |= {territory_code(text) or fold(text), " ".join(token_key(w) for w in bare.split())}
        elif c.type == "organization":
            if country is None and _generic_body(text):  # "the Appeals Court" of a text whose country is
                keys.add(f"{c.document}:{org_key(text)}")  # unknown: it may be any country's
                continue
            keys |= _org_keys(text, country)
        else:
            keys.add(fold(text))
    keys.discard("")
    return keys


def group_by_names(clusters: list[ClusterInfo], countries: dict[str, str] | None = None) -> list[list[ClusterInfo]]:
    """Group organisation, place and event clusters that share any name key (incl. acronyms and,
    with ``countries`` (document -> country), the keys of national state bodies)."""
    countries = countries or {}
    uf = _UnionFind()
    owner: dict[str, str] = {}
    for c in clusters:
        uf.find(c.id)
        for key in _name_keys(c, countries.get(c.document)):
            if key in owner:
                uf.union(owner[key], c.id)
            else:
                owner[key] = c.id
    groups: dict[str, list[ClusterInfo]] = defaultdict(list)
    for c in clusters:
        groups[uf.find(c.id)].append(c)
    return list(groups.values())


def _is_acronym(text: str, longest: int = 6) -> bool:
    bare = text.replace(".", "")
    return bare.isupper() and bare.isalpha() and 2 <= len(bare) <= longest


def _one_body_name(g: list[ClusterInfo]) -> str | None:
    """The folded name of a group of bodies all written one way, else None."""
    return fold(g[0].name) if g[0].type == "organization" and len({fold(c.name) for c in g}) == 1 else None


def attach_place_acronyms(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """An acronym typed as an organisation that expands to no organisation but to exactly one
    place named in the collection ("RK" for "Republic of Kazakhstan") is that place."""
    org_acronyms = {acronym_of(c.name).upper() for g in groups for c in g
                    if c.type == "organization" and not _is_acronym(c.name)}
    place_by_acronym: dict[str, list[list[ClusterInfo]]] = defaultdict(list)
    for g in groups:
        if g[0].type == "location":
            for acr in {acronym_of(t).upper() for c in g for t in [c.name, *c.surfaces] if len(t.split()) > 1}:
                place_by_acronym[acr].append(g)
    out: list[list[ClusterInfo]] = []
    for g in groups:
        names_ = {t.replace(".", "") for c in g for t in [c.name, *c.surfaces]}
        if g[0].type == "organization" and len(names_) == 1 and all(_is_acronym(n) for n in names_):
            acr = next(iter(names_))
            places = place_by_acronym.get(acr, [])
            if acr not in org_acronyms and len(places) == 1:
                places[0].extend(g)
                continue
        out.append(g)
    return out


# the kind of place a name may end in ("the X region"): the name without it names the same place
_PLACE_KINDS = frozenset({"region", "district", "province", "oblast", "governorate", "county"})


def harmonise_place_types(clusters: list[ClusterInfo]) -> None:
    """A one-word organisation or person that is named as a place elsewhere in the collection or
    is a known town, and has no name morphology of its own, is that place ("Almaty" typed ORG)."""
    places = {fold(c.name) for c in clusters if c.type == "location"}
    places |= {p.rsplit(" ", 1)[0] for p in places if p.rsplit(" ", 1)[-1] in _PLACE_KINDS}  # "Volga" of "Volga region"
    # the last words of full names that their texts use alone: a surname, whatever town has it too
    surnames = {fold(c.name.split()[-1]) for c in clusters if c.type == "person" and len(c.name.split()) >= 2
                and c.name.split()[-1] in c.surfaces}
    for c in clusters:
        word = c.name
        if c.type == "person" and fold(word) in surnames:
            continue
        if c.type in {"organization", "person"} and len(word.split()) == 1 \
                and (fold(word) in places or (len(word) > 3 and is_town(word))) \
                and not word.isupper() and not names.is_given_name(word) and not names.looks_like_surname(word) \
                and not names.is_org_word(word):
            c.type = "location"


@dataclass(frozen=True)
class TypingStep:
    """A named step that retypes clusters in place before they are grouped."""

    name: str
    run: Callable[[list[ClusterInfo]], None]


# In order: votes over the collection first, then the place repair reads the voted places.
TYPING_STEPS: tuple[TypingStep, ...] = (
    TypingStep("type_votes", vote_types),
    TypingStep("place_names", harmonise_place_types),
)


def group_clusters(clusters: list[ClusterInfo], skip: frozenset[str] = frozenset()) -> list[list[ClusterInfo]]:
    """Resolve all clusters of all types into groups, one group per real-world entity; ``skip``
    names typing steps (``TYPING_STEPS``) to leave out, to measure each on its own."""
    for step in TYPING_STEPS:
        if step.name not in skip:
            step.run(clusters)
    countries = document_countries(clusters)
    by_type: dict[str, list[ClusterInfo]] = defaultdict(list)
    for c in clusters:
        by_type[c.type].append(c)
    out: list[list[ClusterInfo]] = []
    for type_, members in sorted(by_type.items()):
        out.extend(group_persons(members) if type_ == "person" else group_by_names(members, countries))
    return attach_transliterations(attach_written_forms(attach_outlet_short_names(attach_place_spellings(
        attach_local_acronyms(attach_levelless_bodies(attach_truncated_bodies(attach_bare_articles(
            attach_shortened_full_names(attach_known_aliases(attach_place_acronyms(out)))))))))))


def _absorb(groups: list[list[ClusterInfo]], owner_keys: Callable[[list[ClusterInfo]], Iterable[str]],
            orphan_key: Callable[[list[ClusterInfo]], str | None]) -> list[list[ClusterInfo]]:
    """Merge each group that has an orphan key into the one other group owning that key (none
    when two groups own it)."""
    owners: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        for key in owner_keys(g):
            owners[key].append(i)
    absorbed: set[int] = set()
    for i, g in enumerate(groups):
        key = orphan_key(g)
        found = owners.get(key, []) if key is not None else []
        if len(found) == 1 and found[0] != i:
            groups[found[0]].extend(g)
            absorbed.add(i)
    return [g for i, g in enumerate(groups) if i not in absorbed]


def attach_bare_articles(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """A bare "Article 272" from a document that names no code joins the one provision with that
    article number and a code elsewhere in the collection; with two codes it stays apart."""
    def article(g: list[ClusterInfo]) -> str:
        return str(g[0].attributes.get("article"))

    return _absorb(
        groups,
        lambda g: [article(g)] if g[0].type == "law" and g[0].attributes.get("code") else [],
        lambda g: article(g) if g[0].type == "law" and not any(c.attributes.get("code") for c in g) else None)


def _lone(g: list[ClusterInfo]) -> bool:
    return len(g) == 1 and len(g[0].surfaces) == 1


def _one_word_aliases(g: list[ClusterInfo]) -> set[str]:
    if g[0].type != "person" or _lone(g):
        return set()
    parts = {fold(p) for c in g for p in c.name.split()}
    return {fold(s) for c in g for s in c.surfaces if len(s.split()) == 1} - parts


def attach_known_aliases(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """A one-word cluster ("Kako") joins the single person group that already used exactly that
    word as a separate name form (a nickname the text tied to a full name)."""
    return _absorb(groups, _one_word_aliases, lambda g: fold(g[0].name) if _lone(g) else None)


def _shortened_full_names(g: list[ClusterInfo]) -> set[str]:
    """The full names of two words or more a person's text used beside the longer name it gave
    them ("Ana Luisa Ferrer" beside "Ana Luisa Ferrer Quiroga")."""
    if g[0].type != "person":
        return set()
    return {fold(s) for c in g for s in c.surfaces if len(s.split()) >= 2} - {fold(c.name) for c in g}


def _one_full_name(g: list[ClusterInfo]) -> str | None:
    names_ = {fold(c.name) for c in g}
    name = next(iter(names_))
    return name if g[0].type == "person" and len(names_) == 1 and len(name.split()) >= 2 else None


def attach_shortened_full_names(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """A person named in full in one text ("Ana Luisa Ferrer") is the one person another text
    named longer and then by exactly that name ("Ana Luisa Ferrer Quiroga ... Ana Luisa Ferrer"):
    a second surname or a foreign given name before the name, which the surname keys keep apart."""
    return _absorb(groups, _shortened_full_names, _one_full_name)


# last words of an outlet's full name that its short name drops ("X TV" is "X")
_MEDIA_TAILS = frozenset({"tv", "television", "channel", "radio", "news", "media", "online", "daily", "times",
                          "gazette", "post", "agency"})


def _outlet_short_names(g: list[ClusterInfo]) -> set[str]:
    """The first word of an outlet's full name that ends in a media word ("Tavrisi Arkhi TV" ->
    "tavrisi"): the name a one-word mention elsewhere may shorten it to."""
    if g[0].type != "organization":
        return set()
    return {fold(c.name.split()[0]) for c in g if len(c.name.split()) >= 2
            and c.name.split()[-1].lower() in _MEDIA_TAILS and not is_english_word(c.name.split()[0])}


def _full_name_key(name: str) -> str | None:
    key = person_key(name)
    return f"{key.given}|{key.surname}" if key.given and key.surname else None


def _latin_full_names(g: list[ClusterInfo]) -> set[str]:
    if g[0].type != "person":
        return set()
    return {k for c in g if not has_cyrillic(c.name) for k in [_full_name_key(c.name)] if k}


def _written_form_key(g: list[ClusterInfo]) -> str | None:
    """The key of a Cyrillic full name as written when the name brought back to the nominative
    keys otherwise ("Дина Омарова" read as a man's genitive, "Дин Омаров")."""
    if g[0].type != "person" or not all(has_cyrillic(c.name) for c in g):
        return None
    names_ = {_full_name_key(c.name) for c in g}
    return next((k for c in g for s in c.surfaces if len(s.split()) == 2
                 for k in [_full_name_key(s)] if k and k not in names_), None)


def _transliteration_key(name: str) -> str | None:
    """Given name and the consonants of the surname ("kairat|klsv" for "Кайрат Клышев" and for
    "Qairat Qylyshev"; "mmdl" for "Мамедли" and "Mammadli"): the vowels are what transliterations
    of Kazakh and Azerbaijani names disagree on. Four consonants or more, so that short surnames
    of their own ("Asanov", "Esenov") stay apart."""
    key = person_key(name)
    if not key.given or not key.surname or key.patronymic:
        return None
    consonants = re.sub(r"[aeiouy]+", "", key.surname)
    skeleton = re.sub(r"(.)\1+", r"\1", consonants)  # "Mammadli" doubles what "Мамедли" writes once
    return f"{key.given}|{key.surname[:1]}{skeleton}" if len(consonants) >= 4 else None


def _cyrillic_transliteration_keys(g: list[ClusterInfo]) -> set[str]:
    if g[0].type != "person":
        return set()
    return {k for c in g if has_cyrillic(c.name) for k in [_transliteration_key(c.name)] if k}


def _latin_transliteration_key(g: list[ClusterInfo]) -> str | None:
    if g[0].type != "person" or any(has_cyrillic(c.name) for c in g):
        return None
    keys = {_transliteration_key(c.name) for c in g} - {None}
    return next(iter(keys)) if len(keys) == 1 else None


def attach_transliterations(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """A person named only in Latin letters whose given name and surname consonants are those of
    exactly one person named in Cyrillic ("Qairat Qylyshev" = "Кайрат Клышев") is that person."""
    return _absorb(groups, _cyrillic_transliteration_keys, _latin_transliteration_key)


def attach_written_forms(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """A person named in Cyrillic whose written full name, not its nominative, is the Latin full
    name of exactly one person elsewhere ("Дина Омарова" = "Dina Omarova") is that person."""
    return _absorb(groups, _latin_full_names, _written_form_key)


def attach_outlet_short_names(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """A one-word body named in one text ("Tavrisi") joins the one outlet another text names in
    full with it as its first word ("Tavrisi Arkhi TV"); with two such outlets it stays apart."""
    return _absorb(groups, _outlet_short_names,
                   lambda g: fold(g[0].name) if g[0].type == "organization" and all(len(c.name.split()) == 1 for c in g)
                   else None)


def _body_prefixes(g: list[ClusterInfo]) -> set[str]:
    """The shorter names a body's longer name begins with, of two words or more and ending in
    a body's head word ("Supreme Court" of "Supreme Court of the Republic")."""
    if g[0].type != "organization":
        return set()
    out = set()
    for c in g:
        words = c.name.split()
        for n in range(2, len(words)):
            if _body_head(words[n - 1]):
                out.add(fold(" ".join(words[:n])))
    return out


# the words of a court's level ("районный", "city"), folded: a body's short name may leave them out
_LEVEL_STEMS = ("rayonn", "gorodsk", "oblastn", "district", "city", "regional")  # folded to Latin


def _without_level(name: str) -> str | None:
    """The name without its level words ("Первомайский районный суд" -> "первомайский суд"), or
    None when it has none or nothing distinctive is left (two words or more)."""
    words = fold(name).split()
    kept = [w for w in words if not w.startswith(_LEVEL_STEMS)]
    return " ".join(kept) if len(kept) < len(words) and len(kept) >= 2 else None


_INITIAL_SKIP = frozenset({"и", "в", "во", "по", "на", "о", "об", "за", "с", "со", "для", "при", "of", "the", "and", "for"})


def _all_initials(name: str, links: bool = False) -> str:
    """The initials of every word of a name, lower-case ones too ("Вооружённые силы РФ" -> "ВСРФ"),
    an acronym among them kept whole; Russian names capitalise only their first word. With
    ``links``, an English linking word counts too ("Voice of Tarsk" -> "VOT")."""
    out = []
    for word in name.replace("«", " ").replace("»", " ").split():
        if word.lower() in _INITIAL_SKIP and not (links and word.lower() in ("of", "for", "and")):
            continue
        out.append(word if word.isupper() and len(word) > 1 else word[:1].upper())
    return "".join(out)


def attach_local_acronyms(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """An acronym ("ВС РФ", "КЗЖ") joins the body whose every word's initial spells it
    ("Вооружённые силы РФ", "Комитет по защите журналистов") when a document names both and the
    acronym spells one body only among those its documents name."""
    spelled: dict[tuple[str, str], set[int]] = defaultdict(set)  # (document, initials) -> body groups
    for i, g in enumerate(groups):
        if g[0].type == "organization":
            for c in g:
                if len(c.name.split()) >= 2:
                    spelled[(c.document, _all_initials(c.name))].add(i)
                    spelled[(c.document, _all_initials(c.name, links=True))].add(i)  # "VOT": "of" too
                    spelled[(c.document, _all_initials(re.sub(r"(?<=\w)-(?=\w)", " ", c.name)))].add(i)  # "AFP" too
    absorbed: set[int] = set()
    for i, g in enumerate(groups):
        names_ = {c.name for c in g}
        bare = next(iter(names_)).replace(" ", "") if len(names_) == 1 else ""
        if g[0].type != "organization" or not _is_acronym(bare, longest=8):
            continue
        bare = bare.replace(".", "")
        found = set().union(*(spelled.get((c.document, bare), set()) for c in g)) - {i}
        if len(found) == 1:
            groups[found.pop()].extend(g)
            absorbed.add(i)
    return [g for i, g in enumerate(groups) if i not in absorbed]


def attach_levelless_bodies(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """A court named without its level ("Первомайский суд", "the Lakeside court") joins the one
    body whose name is the same with a level word ("Первомайский районный суд"); with two such
    bodies (a district and a city court of one name) it stays apart."""
    return _absorb(
        groups,
        lambda g: {k for c in g for k in [_without_level(c.name)] if k} if g[0].type == "organization" else set(),
        lambda g: _one_body_name(g) if _without_level(g[0].name) is None
        and any(_body_head(w) for w in g[0].name.split()[1:]) and not is_generic_state_body(g[0].name) else None)


def _body_head(word: str) -> bool:
    return names.is_org_word(word) or word.lower() in lexicons.load("russian_org_words")


# words of the kind of cases a court hears: "District Criminal Court of X" is "X district court"
_CASE_KINDS = frozenset({"criminal", "civil", "administrative", "economic"})


def _place_spelling(name: str) -> tuple[frozenset[str], frozenset[str], str] | None:
    """(head words, level words, the one other word's sound key) of a body named for one place
    ("Homel regional court" -> ({court}, {regional}, "gomel")); None for any other name."""
    heads, levels, rest = set(), set(), []
    for word in re.findall(r"[\w'’-]+", name):
        lower = word.lower()
        if lower in {"of", "the", "for", "in"} or lower in _CASE_KINDS:
            continue
        if lower in lexicons.load("body_level_words"):
            levels.add(lower)
        elif _body_head(word):
            heads.add(lower)
        else:
            rest.append(token_key(word))
    if not heads or len(rest) != 1 or len(rest[0]) < 4:
        return None
    return frozenset(heads), frozenset(levels), rest[0]


def attach_place_spellings(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """A body named for a place spelt two ways ("Homel regional court", "Homiel regional court";
    "Muzrabot district court", "District Criminal Court of Muzrabat") is one body: same head and
    level words, the place's sound keys one edit apart; a group with two such matches stays apart."""
    blocks: dict[tuple, list[tuple[int, str]]] = defaultdict(list)  # compared only within same head, level, letter
    for i, g in enumerate(groups):
        if g[0].type == "organization":
            for heads, levels, place in {s for c in g for s in [_place_spelling(c.name)] if s is not None}:
                blocks[(heads, levels, place[0])].append((i, place))
    matches: dict[int, set[int]] = defaultdict(set)
    for block in blocks.values():
        for (i, a), (j, b) in itertools.combinations(block, 2):
            if i != j and one_letter_apart(a, b, min_len=4):
                matches[i].add(j)
                matches[j].add(i)
    absorbed: set[int] = set()
    for i in sorted(matches):
        others = matches[i]
        j = next(iter(others))
        if len(others) == 1 and len(matches[j]) == 1 and i < j and i not in absorbed:
            groups[i].extend(groups[j])
            absorbed.add(j)
    return [g for k, g in enumerate(groups) if k not in absorbed]


def attach_truncated_bodies(groups: list[list[ClusterInfo]]) -> list[list[ClusterInfo]]:
    """A body named only by the first words of a longer name ("Специализированный межрайонный
    суд" / "… суд по административным правонарушениям города Алматы") joins the one body whose
    name goes on from them; with two such bodies it stays apart."""
    return _absorb(groups, _body_prefixes,
                   lambda g: _one_body_name(g) if not is_generic_state_body(g[0].name)
                   else None)  # every country has a "Supreme Court"
