"""Entities of a Russian document, from the natasha backend's spans.

The spans arrive with their nominative (``Span.normal``). Here a place whose name holds a body's
head noun becomes an organisation ("Медеуский районный суд"), and the mentions of one thing in
the document are grouped: by the nominative, and a surname alone with the one full name that
ends in it ("Сапаровой" after "Айгуль Сапарова").

Quotes come from ``casefile.extract.russian_quotes``, justice facts from
``casefile.extract.russian_facts``, legal provisions ("ст. 274 УК РК") from
``casefile.extract.laws``, named as the English ones are ("Article 274 of the Criminal Code").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from casefile.extract import Extraction, law_entities
from casefile.extract.courts import judges_to_court
from casefile.extract.laws import find_russian_provisions
from casefile.extract.russian_facts import russian_facts
from casefile.extract.russian_quotes import find_russian_quotes
from casefile.extract.russian_relations import russian_relations
from casefile.extract.russian_repair import (LEVEL_STEMS, adjective_bodies, bodies_before_places, cut_leading_post,
                                             cut_parenthesis, dateline_place, district_bodies, extend_body,
                                             is_body_head, is_common_acronym, quoted_bodies, site_names,
                                             split_two_people, tidy_body, with_patronymic_word)
from casefile.extract.spans import EDGE_PUNCT
from casefile.models import Analysis, LocalEntity, Mention, Span
from casefile.nlp import lexicons
from casefile.nlp.keys import full_given_key, given_key, one_letter_apart, person_key
from casefile.nlp.russian_names import name_gender, readings

@cache
def org_words() -> frozenset[str]:
    """Head nouns of the names of bodies, in the nominative."""
    return lexicons.load("russian_org_words")


# a court's or council's name run together from its level ("Тбилгорсуд" = the Tbilisi city court)
_COMPOUND_BODY = re.compile(r"(?:гор|рай|обл|окр|верх|мир)(?:суд|совет|прокуратур)[а-яё]*$")


def _label(span: Span) -> str:
    words = (span.normal or span.text).lower().split()
    if len(words) == 1 and _COMPOUND_BODY.search(words[0]):
        return "organization"  # "Тбилгорсуда" read as a person
    if span.label == "location" and any(w in org_words() for w in words):
        return "organization"
    if span.label == "location" and len(words) == 1 and _surname_only(span.text):
        return "person"  # "Мифтахову" read as a place: a surname, and the dictionary knows no place so
    if span.label == "person" and len(words) >= 2 and not _name_word(words[0]) \
            and any(is_body_head(w) for w in words):
        return "organization"  # "Жогорку Кенеша" read as a person; not "Иван Судов"
    return span.label


def _surname_only(word: str) -> bool:
    """A word the dictionary reads only as a surname in a case a street named after someone never
    takes, and never as a place ("Мифтахову"; not "Иваново", not "улица Х-швили")."""
    found = [str(r.tag) for r in readings(word.lower())[:3]]  # type: ignore[attr-defined]
    return bool(found) and "Surn" in found[0] and any(c in found[0] for c in ("datv", "accs", "ablt")) \
        and not any("Geox" in tag for tag in found)


def common_word(word: str) -> bool:
    """A word the dictionary knows only as an ordinary word, never as a name, surname or
    patronymic ("Адвокат", "Армянский", "Главреда")."""
    found = readings(word.lower())
    return bool(found) and found[0].is_known and not any(  # type: ignore[attr-defined]
        g in str(r.tag) for r in found for g in ("Name", "Surn", "Patr"))  # type: ignore[attr-defined]


def _shouted_words(surface: str) -> bool:
    """Ordinary words in capitals ("АРЕСТ", "СУД", "ВОЕННЫХ ФЕЙКАХ"), not an acronym: every word of
    four letters or more, known to the dictionary and no abbreviation, body or name."""
    words = surface.split()
    return surface.isupper() and all(
        len(w) >= 4 and w.isalpha() and readings(w.lower())[0].is_known  # type: ignore[attr-defined]
        and not any(g in str(r.tag) for r in readings(w.lower())[:3] for g in ("Abbr", "Orgn", "Name", "Surn", "Patr"))  # type: ignore[attr-defined]
        for w in words)


def known_place(word: str) -> bool:
    """A word whose likeliest reading is a place the dictionary knows ("Караганды")."""
    tag = readings(word.lower())[0].tag  # type: ignore[attr-defined]
    return "Geox" in tag and "NOUN" in tag  # not an adjective of a place ("Каракалпакский")


def _name_word(word: str) -> bool:
    return any("Name" in str(p.tag) for p in readings(word)[:3])  # type: ignore[attr-defined]


_CASE_ENDING = re.compile(r"(?:ом|ым|ой|ого|ому|[аиуеьяю])$")  # "ь": "Наиль" and its locative read back as "Наил"


def _case_free(word: str) -> str:
    """A name word without a case ending natasha left on it when it could not decline the name
    ("Мирсаидова" of a man, "Далера"), or a Tajik izafet ("Далери"): for joining forms of one name."""
    word = word.lower().replace("ё", "е")  # "Королёв" = "Королев"
    return _CASE_ENDING.sub("", word) if len(word) > 4 else word


def _join_inflected_full_names(entities: list[LocalEntity]) -> list[LocalEntity]:
    """Full names of one person left in different cases ("Хайрулло Мирсаидов" and "Хайрулло
    Мирсаидова", "Далери Имомали" and "Далера Имомали") joined into the form named most often,
    with a form the model read as a place; and a one-word place left in several cases."""
    groups: dict[tuple[str, ...], list[LocalEntity]] = {}
    out: list[LocalEntity] = []
    for entity in entities:
        words = entity.name.split()
        if entity.label != "person" or len(words) < 2:
            out.append(entity)
            continue
        groups.setdefault(_given_and_surname(words), []).append(entity)
    _join_misspelt(groups)
    places: dict[str, list[LocalEntity]] = {}
    rest: list[LocalEntity] = []
    for entity in out:
        key = _given_and_surname(entity.name.split()) if len(entity.name.split()) >= 2 else None
        if entity.label != "person" and key in groups:  # "Болота Темирова" read as a place: the person
            for m in entity.mentions:
                m.label = "person"
            groups[key].append(entity)
        elif entity.label == "location" and len(entity.name.split()) == 1:
            places.setdefault(_PLACE_ENDING.sub("", entity.name.lower()), []).append(entity)
        else:
            rest.append(entity)
    for members in [*groups.values(), *places.values()]:  # "Конаев", "Конаева", "в Конаеве": one town
        head = max(members, key=lambda e: (e.label == "person", len(e.mentions), -len(e.name)))
        for other in members:
            if other is not head:
                head.mentions.extend(other.mentions)
        rest.append(head)
    return rest


def _join_misspelt(groups: dict[tuple[str, ...], list[LocalEntity]]) -> None:
    """Full names one letter apart in one word and equal in the rest ("Ерболат Х" / "Ерболад Х",
    "Асхат Бекмуратов" / "Асхат Бекмуротов"): one person's name written two ways in one text; the
    one named less often joins the other, when it is one letter from no other name."""
    keys = sorted(groups, key=lambda k: -sum(len(e.mentions) for e in groups[k]))
    for key in reversed(keys):
        near = [k for k in keys if k != key and k in groups and len(k) == len(key)
                and sum(a != b for a, b in zip(k, key)) == 1
                and all(a == b or one_letter_apart(a, b, min_len=5) for a, b in zip(k, key))]
        if len(near) == 1 and key in groups:
            groups[near[0]].extend(groups.pop(key))


# a case ending of a one-word place name natasha left on it ("Конаеве", "Москвы")
_PLACE_ENDING = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])(?:ой|ом|ью|[аеиуыюя])$")


def _person_key(name: str) -> tuple[str | None, str | None]:
    """The given-name and surname keys of a full name, equal across its spellings and cases."""
    words = [_case_free(w) for w in name.split()]
    key = person_key(" ".join(words))
    return key.given, key.surname


def _surface_gender(surfaces: list[str]) -> str | None:
    """The gender every written form of a lone surname shows beyond doubt ("Досов", "Досовым": a
    man; "Досовой": a woman); None when a form could be either ("Досова", "Досову")."""
    found = set()
    for surface in surfaces:
        word = surface.lower()
        if word.endswith(("ов", "ев", "ёв", "ин", "овым", "евым", "иным")):
            found.add("m")
        elif word.endswith(("овой", "евой", "иной")):
            found.add("f")
        else:
            return None
    return found.pop() if len(found) == 1 else None


def _given_and_surname(words: list[str]) -> tuple[str, ...]:
    """The given name and the surname of a full name, without case endings, whatever the order:
    "Роман Иванов", "Роман Викторович Иванов" and "Иванов Роман Викторович" (court style, the
    patronymic last) give one key; other names keep all their words."""
    free = [_case_free(w) for w in words]
    if len(words) == 3 and _PATRONYMIC.search(words[2].lower()):
        return (free[1], free[0])
    if len(words) == 3 and _PATRONYMIC.search(words[1].lower()):
        return (free[0], free[2])
    return tuple(free)


_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овн|евн|ичн)[а-яё]{0,3}$")


# a website's address ("faraj.com.tj"), a name in lower case
_WEB_ADDRESS = re.compile(r"[a-z0-9][\w-]*(?:\.[a-z]{2,10}){1,3}")
# initials before a surname: "А. ", "А. Б. "
_INITIALS = re.compile(r"(?:[А-ЯЁ]\.\s*)+")


def _surname_stem(name: str) -> str:
    """A surname without its feminine or case ending ("Сапарова", "Сапарову", "Сапаровым" ->
    "сапаров", "Ковальская" -> "ковальский"), for matching a lone surname whose case hides its
    gender to a full name."""
    last = name.split()[-1].lower()
    if last.endswith(("ская", "цкая")):
        return last[:-2] + "ий"
    if last.endswith(("ова", "ева", "ёва", "ина", "ына", "ову", "еву", "ёву", "ину", "ыну")):
        return last[:-1]  # and a case left on it ("Ризванову")
    if last.endswith(("овым", "евым", "иным", "овой", "евой", "иной")):
        return last[:-2]
    return last


def _family_plural(word: str, full: list[LocalEntity]) -> bool:
    """A surname in the plural ("Ивановых", "Петровских") whose singular a person of the document
    bears: the family, several people. Singular surnames in -ых ("Черных") have no such person."""
    lower = word.lower()
    if not lower.endswith(("овых", "евых", "иных", "ских", "цких")):
        return False
    stem = lower[:-3]  # "ивановых" -> "иванов", "петровских" -> "петровск"
    return any(f.name.split()[-1].lower().startswith(stem) for f in full)


def _body_head(span: Span, surface: str) -> bool:
    """A body's name that opens with its head noun in lower case, as running text writes it, or
    with the adjectives of its level ("городском суде Х")."""
    if _label(span) != "organization":
        return False
    words = [w.lower() for w in surface.split()]
    for w in words[:4]:
        if is_body_head(w):
            return True
        if not w.startswith(LEVEL_STEMS):
            return False  # "столичном суде": a description; "городском суде Х": the court's own name
    return False


def repaired_spans(text: str, spans: list[Span]) -> list[Span]:
    """The model's spans after the Russian repairs (``casefile.extract.russian_repair``), with
    the bodies named before a place and the quoted bodies the model missed."""
    places = [s for s in spans if s.label == "location"]
    tidy = [t for s in spans for t in [tidy_body(text, s)] if t is not None]
    out = [with_patronymic_word(text, part) for s in tidy
           for part in split_two_people(cut_leading_post(cut_parenthesis(dateline_place(text, s))))]
    out = [extend_body(text, s, places) for s in out + list(bodies_before_places(text, out))]
    out += list(district_bodies(text, out)) + list(site_names(text, out))
    found = list(adjective_bodies(text, out))  # the person or place spans inside them give way
    out = [s for s in out if not any(f.start <= s.start and s.end <= f.end and s.label != "organization" for f in found)]
    out = [extend_body(text, s, places) for s in found] + out
    out = [s for s in out if not any(o is not s and o.start <= s.start and s.end <= o.end and o.end - o.start
                                     > s.end - s.start for o in out)]  # a place now inside its body's name
    return sorted(out + list(quoted_bodies(text, out)), key=lambda s: s.start)


def extract_russian_document(text: str, analysis: Analysis) -> Extraction:
    """Entities (with legal provisions), justice facts and quotes of one Russian document."""
    starts = [s for s, _e in analysis.sentences]
    clusters: dict[tuple[str, str], LocalEntity] = {}  # (name, type): a lone surname apart
    for span in repaired_spans(text, analysis.spans):
        surface = span.text.strip(EDGE_PUNCT)
        if is_common_acronym(surface):
            continue
        if _shouted_words(surface):  # "АРЕСТ", "БИШКЕК —": a heading or a dateline in capitals
            if len(surface.split()) == 1 and known_place(surface):
                span = replace(span, label="location", normal=surface.title())
            else:
                continue
        if len(surface) < 2 or not (surface[:1].isupper() or _body_head(span, surface) or _WEB_ADDRESS.fullmatch(surface)):
            continue  # "суд Брестского района" (a body's head noun) may open in lower case
        start = span.start + span.text.index(surface)
        label = _label(span)
        name = re.sub(r"\b([А-ЯЁ])\s*\.\s*", r"\1. ", (span.normal or surface).strip(EDGE_PUNCT))  # "А.Б" -> "А. Б"
        mention = Mention(start, start + len(surface), surface, label, max(0, bisect.bisect_right(starts, start) - 1))
        key = (("lone:" if label == "person" and len(name.split()) == 1 else "") + name.lower(), label)
        clusters.setdefault(key, LocalEntity(label, name)).mentions.append(mention)
    full = [e for e in clusters.values() if e.label == "person" and len(e.name.split()) > 1 and not _INITIALS.match(e.name)]
    bodies = [e for e in clusters.values() if e.label == "organization"]
    kept: list[LocalEntity] = []
    for entity in clusters.values():
        initials = _INITIALS.match(entity.name) if entity.label == "person" else None
        if initials and len(entity.name[initials.end():].split()) == 1:  # "А. Гулмуродзода": the one full name
            surname = entity.name[initials.end():]
            matches = [f for f in full if _surname_stem(f.name) == _surname_stem(surname) and f.name[:1] == entity.name[:1]]
        elif entity.label == "person" and len(entity.name.split()) == 1:
            if _family_plural(entity.name, full):
                continue  # "Ивановых": the family, not one person
            short = {full_given_key(m.text) for m in entity.mentions} - {None}  # "Сева" of "Всеволод Б"
            matches = [f for f in full if _surname_stem(f.name) == _surname_stem(entity.name)] \
                or [f for f in full if f.name.split()[0].lower() == entity.name.lower()] \
                or [f for f in full if len(entity.name) > 3 and _case_free(f.name.split()[0].lower())
                    == _case_free(entity.name.lower())] \
                or [f for f in full if given_key(f.name.split()[0]) in short] \
                or [f for f in full if len(entity.name) > 4 and _case_free(f.name.split()[-1]) == _case_free(entity.name)]
            # ("Светлана" of "Светлана Б"; "Жолдака", "Жолдаке" of "Тимур Жолдак", which natasha left declined)
            if len(matches) > 1:  # "Досовым" beside "Ерлан Досов" and "Салтанат Досова": the one of its gender
                gender = _surface_gender([m.text for m in entity.mentions])
                matches = [f for f in matches if name_gender(f.name) in (gender, None)] if gender else matches
            if not matches and common_word(entity.name):
                if known_place(entity.name):  # "аким Караганды": a town the model read as a person
                    kept.append(LocalEntity("location", entity.name, [replace(m, label="location") for m in entity.mentions]))
                continue  # "Адвокат", "Армянский" opening a sentence: a word, not a name
        elif entity.label == "person" and len(entity.name.split()) == 2 and _PATRONYMIC.search(entity.name.split()[1].lower()):
            given = entity.name.split()[0].lower()  # "Борис Юльевич": the one full name with that given name
            matches = [f for f in full if f.name.split()[0].lower() == given and len(f.name.split()) >= 2
                       and not _PATRONYMIC.search(f.name.split()[-1].lower())]
        elif entity.label == "organization":  # "Октябрьский районный суд" after "… суд города Х"
            matches = [b for b in bodies if b.name.lower().startswith(entity.name.lower() + " ")]
        else:
            matches = []
        if len({_person_key(f.name) for f in matches}) == 1:  # "Сапарова" alone: the one full name it ends
            matches[0].mentions.extend(entity.mentions)  # (written one or two ways: "Давлет"/"Даулет")
            continue
        kept.append(entity)
    kept = _join_inflected_full_names(kept)
    for index, entity in enumerate(kept):
        entity.mentions.sort(key=lambda m: m.start)
        for m in entity.mentions:
            m.cluster = index
    quotes = find_russian_quotes(text, kept)
    kept += law_entities(text, analysis.sentences, len(kept), find_russian_provisions)
    facts = russian_facts(analysis.parses, kept, text, quotes, analysis.sentences) + russian_relations(text, kept, analysis.sentences)
    return Extraction(kept, judges_to_court(facts, kept), quotes)
