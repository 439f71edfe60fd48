"""Within-document coreference of names.

"Anna Petrova", "Petrova", "A. Petrova" and "activist Petrova" in one article are one person;
"the Press Freedom Committee (PFC)" and "PFC" are one organisation. Short forms join the one
full name they are compatible with; when two full names compete (a father and a son), a short
form goes to the nearest preceding one, and full names are never merged with each other unless
their keys agree.
"""
from __future__ import annotations

import bisect
import re

from casefile.extract.spans import Cand
from casefile.models import LocalEntity, Mention
from casefile.nlp import lexicons, names
from casefile.nlp.keys import (PersonKey, fold, full_given_key, given_key, one_letter_apart, person_key,
                               persons_compatible, token_key)
from casefile.nlp.org_keys import acronym_of, org_key, org_word_set_key
from casefile.nlp.state_bodies import country_free_name
from casefile.nlp.english import is_english_word
from casefile.nlp.territories import is_territory, territory_code


def display_name(text: str, person: bool = False) -> str:
    """A proper display form: no leading article, ALL-CAPS surnames in title case. In a person's
    name every ALL-CAPS word is a name part ("Daulet KIM"); elsewhere short ones are acronyms."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"\s+", " ", text)
    toks = text.split(" ")
    shortest = 2 if person and any(not t.isupper() for t in toks) else 4
    if any(not t.isupper() for t in toks) or len(toks) > 1:
        toks = [t.title() if t.isupper() and len(t) >= shortest and t.isalpha() else t for t in toks]
    return " ".join(toks)


def _fullness(key: PersonKey) -> int:
    return (2 if key.given else 0) + (2 if key.surname else 0) + (1 if key.patronymic else 0) + len(key.initials)


def _person_clusters(doc: str, cands: list[Cand], acronyms: dict[str, Cand],
                     sentence_starts: list[int] | None = None) -> list[list[Cand]]:
    keyed = [(c, person_key(c.text(doc))) for c in cands]
    clusters: list[tuple[PersonKey, list[Cand]]] = []
    full = [(c, k) for c, k in keyed if k.given and k.surname]
    given_patronymic = [(c, k) for c, k in keyed if _surname_like_patronymic(k)]
    short = [(c, k) for c, k in keyed if not (k.given and k.surname) and not _surname_like_patronymic(k)]
    for c, k in full:
        for i, (ck, members) in enumerate(clusters):
            if ck.given == k.given and ck.surname == k.surname and persons_compatible(ck, k):
                members.append(c)
                if _fullness(k) > _fullness(ck):
                    clusters[i] = (k, members)
                break
        else:
            clusters.append((k, [c]))
    for c, k in given_patronymic:  # "Arkady Semyonovich" beside "Arkady Dulatov"; else a name of its own
        named = [m for ck, m in clusters if ck.given == k.given and ck.surname and ck.patronymic in {None, k.patronymic}]
        same = [m for ck, m in clusters if ck.given == k.given and not ck.surname and ck.patronymic == k.patronymic]
        target = named[0] if len(named) == 1 else same[0] if same else None
        if target is None:
            clusters.append((k, [c]))
        else:
            target.append(c)
    clusters = _join_shortened(clusters)
    for c, k in short:
        text = c.text(doc)
        lone = k.tokens[0] if len(k.tokens) == 1 and "." not in text and len(text.split()) == 1 else None
        compatible = [i for i, (ck, m) in enumerate(clusters) if ck.given and (
            (k.surname and any(persons_compatible(mk, k) for mk in [ck, *{person_key(x.text(doc)) for x in m}]
                               if mk.given))  # "Herrera" for "Marco Herrera" shortened from "Marco Herrera Diaz"
            or (k.surname and not k.given and _surname_like_patronymic(ck) and ck.patronymic == k.surname)
            or (not k.surname and k.given and not k.initials and ck.given == k.given)
            or (not k.surname and k.given and k.patronymic and ck.given == k.given  # "Anna Petrovna"
                and ck.patronymic in {None, k.patronymic}))]
        if not compatible and lone and not k.surname and k.given:
            compatible = [i for i, (ck, _m) in enumerate(clusters) if ck.given == k.given]
            compatible = compatible if len(compatible) == 1 else []
        if not compatible and lone:  # a lone unknown word may be the given name of a full name
            compatible = [i for i, (ck, _m) in enumerate(clusters) if ck.given == given_key(lone)]
            compatible = compatible if len(compatible) == 1 else []
        if not compatible and lone and full_given_key(text) is not None:  # "Сева" for Всеволод Х
            compatible = [i for i, (ck, _m) in enumerate(clusters) if ck.given == full_given_key(text)]
            compatible = compatible if len(compatible) == 1 else []
        if not compatible and lone and k.given and not k.surname:
            # "Aygul" after "Sinan Aygul": a word that is also a given name, used as the surname
            # of the one full name it ends, when no full name has it as a given name
            compatible = [i for i, (ck, _m) in enumerate(clusters) if ck.given and ck.tokens[-1] == lone
                          and ck.tokens[-1] != ck.given]
            compatible = compatible if len(compatible) == 1 else []
        if len(compatible) > 1:  # "the elder Abenov": the oldest of the competing full names
            compatible = _by_seniority(doc, c, [clusters[i][1] for i in compatible], compatible)
        if len(compatible) > 1:  # competing full names: the one mentioned last before it
            compatible = [_latest_before(c.start, [(i, clusters[i][1]) for i in compatible], sentence_starts or [0])]
        if compatible:
            clusters[compatible[0]][1].append(c)
            continue
        for ck, members in clusters:  # bare surnames or given names agreeing with each other
            if not ck.given and ck.surname and ck.surname == k.surname and persons_compatible(ck, k):
                members.append(c)
                break
        else:
            clusters.append((k, [c]))
    return _join_misspelt(clusters)


def _join_misspelt(clusters: list[tuple[PersonKey, list[Cand]]]) -> list[list[Cand]]:
    """A name written once with one letter off ("Petrova" once in a text that writes "Pertova"
    throughout) is a slip of the pen: it joins the one other person whose surname is one edit away
    (six letters or more, the same first letter), whose given name agrees and whose gender does not
    contradict it ("Ivanov" beside "Anna Ivanova" is her husband, not a misprint)."""
    def close(a: PersonKey, b: PersonKey) -> bool:
        return bool(a.surname and b.surname and one_letter_apart(a.surname, b.surname)
                    and (a.given is None or a.given == b.given) and not (a.gender and b.gender and a.gender != b.gender))
    joined: set[int] = set()
    for i, (k, members) in enumerate(clusters):
        if len(members) != 1:
            continue
        targets = [j for j, (other, m) in enumerate(clusters) if j != i and j not in joined and len(m) >= 2
                   and close(k, other)]
        if len(targets) == 1:
            clusters[targets[0]][1].extend(members)
            joined.add(i)
    return [members for i, (_k, members) in enumerate(clusters) if i not in joined]


def _surname_like_patronymic(key: PersonKey) -> bool:
    """"Uladzimir Labkovich": a given name and one word in -ovich/-evna read as a patronymic, which
    in English text is as often a surname; a later bare "Labkovich" refers to it as one."""
    return bool(key.given and key.patronymic and not key.surname and len(key.tokens) == 2)


def _join_shortened(clusters: list[tuple[PersonKey, list[Cand]]]) -> list[tuple[PersonKey, list[Cand]]]:
    """A name of two words or more that is the start or the end of one longer name in the same text
    is that person shortened ("Dembe Okello" for "Dembe Okello Ssenyonga", "Abdel Hakim" for "Sami
    Abdel Hakim", "Ana Luisa Ferrer" for "Ana Luisa Ferrer Quiroga"); with two longer candidates it
    stays apart. Longer names are shortened first, so a chain of shortenings ends in one person."""
    out = list(clusters)
    for k, members in sorted(clusters, key=lambda pair: -len(pair[0].tokens)):
        n = len(k.tokens)
        if n < 2:
            continue
        longer = [i for i, (lk, _m) in enumerate(out) if len(lk.tokens) > n
                  and (lk.tokens[:n] == k.tokens or lk.tokens[-n:] == k.tokens)
                  and not (lk.gender and k.gender and lk.gender != k.gender)]
        if len(longer) == 1:
            out[longer[0]][1].extend(members)
            out = [pair for pair in out if pair[1] is not members]
    return out


_SENIORITY = re.compile(r"\b(?P<word>elder|older|senior|younger|junior)\s+$", re.I)
_AGE_AFTER = re.compile(r"^,\s*(?:aged\s+)?(?P<age>\d{1,3})\b(?!\s*%)")
_KIN_BEFORE = re.compile(r"\b(?P<kin>son|daughter|nephew|niece|grandson|granddaughter|father|mother|uncle|aunt|"
                         r"grandfather|grandmother)\b(?!\s+of\b)[^.;\n]{0,40}$", re.I)  # not "the son of X"
_YOUNGER_KIN = frozenset({"son", "daughter", "nephew", "niece", "grandson", "granddaughter"})
_GENERATION = 1000.0  # a rank beyond any age: younger/older kin than the name they are tied to


def _age_rank(doc: str, members: list[Cand]) -> float | None:
    """An age stated beside the name ("Anna Petrova, 67,"), else a generation from a kinship word
    just before it ("his son, Marat Petrov" is younger); None when the text says nothing."""
    for m in members:
        age = _AGE_AFTER.match(doc[m.end:m.end + 12])
        if age and 0 < int(age.group("age")) < 120:
            return float(age.group("age"))
    for m in members:
        kin = _KIN_BEFORE.search(doc[max(0, m.start - 60):m.start])
        if kin:
            return -_GENERATION if kin.group("kin").lower() in _YOUNGER_KIN else _GENERATION
    return None


def _by_seniority(doc: str, c: Cand, groups: list[list[Cand]], ids: list[int]) -> list[int]:
    """Of competing full names, the one "the elder/younger X" means, when ages or kinship tell."""
    word = _SENIORITY.search(doc[max(0, c.start - 12):c.start])
    if not word:
        return ids
    ranks = [_age_rank(doc, g) for g in groups]
    if any(r is not None and abs(r) >= _GENERATION for r in ranks):  # "his son X": the others are one generation
        ranks = [0.0 if r is None else r for r in ranks]
    known = [(r, i) for r, i in zip(ranks, ids) if r is not None]
    if len(known) < 2 or len({r for r, _i in known}) < len(known):
        return ids
    pick = max if word.group("word").lower() in {"elder", "older", "senior"} else min
    return [pick(known)[1]]


def _latest_before(offset: int, groups: list[tuple[int, list[Cand]]], sentence_starts: list[int]) -> int:
    """The group mentioned last before ``offset``; when the last mentions of several share one
    sentence ("A, the nephew of B, ..."), the one that sentence names first (its topic)."""
    last = {i: max((m.start for m in ms if m.start < offset), default=-1) for i, ms in groups}
    before = [i for i, _ms in groups if last[i] >= 0]
    if not before:
        return groups[0][0]
    sentence = {i: bisect.bisect_right(sentence_starts, last[i]) for i in before}
    newest = max(sentence.values())
    tied = [i for i in before if sentence[i] == newest]
    if len(tied) == 1 or bisect.bisect_right(sentence_starts, offset) == newest:
        return max(before, key=lambda i: last[i])  # same sentence as the short form: the nearest
    return min(tied, key=lambda i: last[i])


def _org_clusters(doc: str, cands: list[Cand], acronyms: dict[str, Cand],
                  person_words: frozenset[str] | set[str] = frozenset()) -> list[list[Cand]]:
    clusters: dict[str, list[Cand]] = {}
    full_keys = {org_key(c.text(doc)) for c in cands if len(c.text(doc).split()) > 1}
    defined = {acr: org_key(full.text(doc)) for acr, full in acronyms.items()}
    by_acronym: dict[str, set[str]] = {}
    for key in full_keys:
        by_acronym.setdefault(acronym_of(key.title()).upper(), set()).add(key)
    for c in cands:
        text = c.text(doc)
        key = org_key(text)
        bare = text.replace(".", "")
        if bare in defined:
            key = defined[bare]
        elif bare.isupper() and len(by_acronym.get(bare, ())) == 1:
            key = next(iter(by_acronym[bare]))
        # word order is no part of a name: "Akimat of X" and "X Akimat" are one body
        clusters.setdefault(org_word_set_key(key), []).append(c)
    _join_first_word(doc, clusters, person_words)
    _join_generic_names(doc, clusters)
    for key in list(clusters):  # "X Credit Union of Y" joins "X Credit Union" named in the same text
        bare = country_free_name(clusters[key][0].text(doc))
        target = org_word_set_key(bare) if bare else None
        if target and target != key and target in clusters:
            clusters[target].extend(clusters.pop(key))
    return list(clusters.values())


def _join_first_word(doc: str, clusters: dict[str, list[Cand]], person_words: frozenset[str] | set[str]) -> None:
    """"Amnesty" after "Amnesty International", "Zorya" after "Human Rights Centre Zorya": a
    one-word name that begins the text's other body names joins the shortest of them, when every
    one extends that shortest name, and one that ends a body's name and is no English word joins
    it when it ends no other; never a generic word of bodies ("National", "Radio") nor part of a
    person's name in the text ("Petrov" beside "Petrov Media" and "Ivan Petrov" may be the man)."""
    generic = lexicons.org_words() | lexicons.load("public_body_words")
    written = {key: org_key(members[0].text(doc)) for key, members in clusters.items()}
    for key in [k for k in clusters if " " not in k and k not in generic and k not in person_words]:
        longer = sorted((k for k, name in written.items() if k in clusters and name.startswith(key + " ")),
                        key=lambda k: len(written[k]))
        ending = [k for k, name in written.items() if k in clusters and name.endswith(" " + key)
                  and not re.search(r"\b(?:of|in|for) \S+$", name)]  # "Court of X": X is its place
        if longer and all(written[k].startswith(written[longer[0]]) for k in longer):
            clusters[longer[0]].extend(clusters.pop(key))
        elif not longer and len(ending) == 1 and not is_english_word(key) and not is_territory(key):
            clusters[ending[0]].extend(clusters.pop(key))


def _join_generic_names(doc: str, clusters: dict[str, list[Cand]]) -> None:
    """A body's generic name found after "the" ("the City Court") joins the one body whose full
    name ends in it or names it before "of" ("Bishkek City Court", "District Court of X")."""
    for key in [k for k, members in clusters.items() if names.is_generic_body_name(members[0].text(doc))]:
        name = re.sub(r"^(?:the|The)\s+", "", clusters[key][0].text(doc))
        targets = [k for k, members in clusters.items() if k != key and any(
            c.text(doc).endswith(" " + name) or f" {name} of " in c.text(doc) or c.text(doc).startswith(name + " of ")
            for c in members)]
        if len(targets) == 1:
            clusters[targets[0]].extend(clusters.pop(key))


def _place_clusters(doc: str, cands: list[Cand]) -> list[list[Cand]]:
    clusters: dict[str, list[Cand]] = {}
    for c in cands:
        text = c.text(doc)
        key = territory_code(text) or fold(text)
        clusters.setdefault(key, []).append(c)
    return list(clusters.values())


def _best_name(doc: str, members: list[Cand], label: str) -> str:
    def rank(c: Cand) -> tuple[int, int, int]:
        text = c.text(doc)
        if label == "person":
            return (int(c.origin != "nickname"), _fullness(person_key(text)),
                    -sum(t.isupper() for t in text.split()), -c.start)
        is_acronym = text.replace(".", "").isupper()
        return (0 if is_acronym else 1, len(text), -c.start)
    return display_name(max(members, key=rank).text(doc), person=label == "person")


def _attach_nicknames(doc: str, parts: list[list[Cand]], nicknames: dict[str, Cand]) -> list[list[Cand]]:
    """Move nickname mentions into the cluster of the name the text tied them to."""
    if not nicknames:
        return parts
    home = {nick: next((p for p in parts if any(c is named for c in p)), None) for nick, named in nicknames.items()}
    moves = [(c, home[c.text(doc)]) for part in parts for c in part
             if c.origin == "nickname" and home.get(c.text(doc)) is not None and c not in home[c.text(doc)]]
    for c, target in moves:
        for part in parts:
            if c in part:
                part.remove(c)
        target.append(c)
    return [p for p in parts if p]


def cluster_mentions(doc: str, cands: list[Cand], acronyms: dict[str, Cand],
                     sentences: list[tuple[int, int]],
                     nicknames: dict[str, Cand] | None = None) -> list[LocalEntity]:
    """Group a document's repaired spans into LocalEntity objects, in order of first mention."""
    groups: list[tuple[str, list[Cand]]] = []
    by_label: dict[str, list[Cand]] = {}
    for c in sorted(cands, key=lambda c: c.start):
        by_label.setdefault(c.label, []).append(c)
    for label, members in by_label.items():
        if label == "person":
            parts = _attach_nicknames(doc, _person_clusters(doc, members, acronyms, [s for s, _e in sentences]),
                                      nicknames or {})
        elif label == "organization":
            named = {w for c in by_label.get("person", []) for w in fold(c.text(doc)).split()}
            parts = _org_clusters(doc, members, acronyms, named)
        else:
            parts = _place_clusters(doc, members)
        groups.extend((label, p) for p in parts)
    groups.sort(key=lambda g: min(c.start for c in g[1]))
    starts = [s for s, _e in sentences]
    entities: list[LocalEntity] = []
    for idx, (label, members) in enumerate(groups):
        mentions = [
            Mention(c.start, c.end, doc[c.start:c.end], label, _sentence_of(starts, c.start), idx)
            for c in sorted(members, key=lambda c: c.start)
        ]
        entities.append(LocalEntity(label=label, name=_best_name(doc, members, label), mentions=mentions))
    return entities


def _sentence_of(starts: list[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)
