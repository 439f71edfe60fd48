"""Repairs of natasha's Russian spans before they are grouped into entities, as named steps.

- ``cut_parenthesis``: "Комитет … (КУИС" - a name runs into the acronym opened after it;
- ``extend_body``: "Преображенский суд" + "Москвы", "… суд" + "по административным
  правонарушениям города Алматы" - a body's name goes on over the place it serves;
- ``quoted_bodies``: "движения «Бессрочный протест»", "активистов «Х»" - a quoted name after the
  kind of body or a member's noun is that body, which the model often misses;
- ``is_common_acronym``: "СИЗО", "СМИ" - acronyms of common nouns name no one.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from casefile.extract.russian_relations import is_post
from casefile.models import Span
from casefile.nlp import lexicons
from casefile.nlp.russian import phrase_nominative
from casefile.nlp.russian_names import readings

# the words between a body's head noun and the place it serves: "по административным
# правонарушениям", then "города", "г.", "района", "области", then the place
_SERVES = re.compile(r"(?:\s+по(?:\s+[а-яё]+){1,3}?)?(?:\s+(?:города|г\.|района|области|округа))?\s+(?=[А-ЯЁ])")
# a news dateline: the place, a comma, the day and month (the year), then the text begins ("…
# 2023 года. Суд …"); a body named before a date goes on with a verb instead ("…, 5 мая сообщило")
_DATELINE_TAIL = re.compile(r",\s+\d{1,2}\s+(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)"
                            r"[а-яё]*(?:\s+\d{4}(?:\s+г(?:ода|\.))?)?\s*(?:\.|—|–|-)")
_QUOTED = re.compile(r"(?P<word>[а-яё]+)\s+[«„“\"](?P<name>[^«»„“”\"\n]{2,60})[»“”\"]")


@cache
def common_acronyms() -> frozenset[str]:
    """Acronyms of common nouns (ИВС, СМИ, ЧП)."""
    return lexicons.load("russian_common_acronyms")


@cache
def _kind_words() -> frozenset[str]:
    return lexicons.load("russian_org_words") | lexicons.load("russian_membership_words")


def is_body_head(word: str) -> bool:
    """A head noun of bodies' names in any case ("суда", "кенеша")."""
    lower = word.lower()
    return lower in lexicons.load("russian_org_words") or \
        readings(lower)[0].normal_form in lexicons.load("russian_org_words")  # type: ignore[attr-defined]


def is_common_acronym(surface: str) -> bool:
    """An acronym of a common noun, not a name ("СИЗО", "СМИ")."""
    return surface.lower() in common_acronyms()


def with_patronymic_word(text: str, span: Span) -> Span:
    """A person's name goes on over a Turkic patronymic word written apart ("Айдана Асанбек
    кызы", "Нурлан Серик улы"), which the model leaves out; it does not decline."""
    if span.label != "PER" and span.label != "person":
        return span
    m = re.match(r" ([а-яёәғқңөұүһі]+)(?![а-яёәғқңөұүһі])", text[span.end:span.end + 8])
    if m is None or m.group(1) not in lexicons.separate_patronymics():
        return span
    return Span(span.start, span.end + m.end(), span.label, text[span.start:span.end + m.end()],
                (span.normal or span.text) + m.group())


def split_two_people(span: Span) -> list[Span]:
    """"племянница Шокира Х Рухшона Х": two full names the model read as one person's, a given
    name and a surname each (by the morphology's Name and Surn tags); otherwise the span alone."""
    words = span.text.split()
    if span.label not in ("PER", "person") or len(words) != 4 or "." in span.text:
        return [span]
    tags = [{g for r in readings(w.lower())[:3] for g in ("Name", "Surn") if g in r.tag} for w in words]  # type: ignore[attr-defined]
    if not ("Name" in tags[0] and "Surn" in tags[1] and "Name" in tags[2] and "Surn" in tags[3]) \
            or "Name" in tags[1] or "Surn" in tags[2]:
        return [span]
    cut = span.text.index(words[2], len(words[0]) + len(words[1]))
    first_end = len(span.text[:cut].rstrip())
    # the model's normal form of the glued pair declines it as one name: each keeps its own form
    return [Span(span.start, span.start + first_end, span.label, span.text[:first_end], None),
            Span(span.start + cut, span.end, span.label, span.text[cut:], None)]


def cut_leading_post(span: Span) -> Span:
    """"Политолог Бахруз Самедов" at a sentence's start: a capitalised post word the model took
    into a person's name is no part of it."""
    words = span.text.split()
    if span.label not in ("PER", "person") or len(words) < 2 or not words[0][:1].isupper():
        return span
    first = readings(words[0].lower())
    if not first:
        return span
    if not is_post(first[0].normal_form) and not (len(words) >= 3 and _common_person_noun(first[0])):  # type: ignore[attr-defined]
        return span  # "Экс-депутат", "Журналист-расследователь" are posts too
    cut = span.text.index(words[1])
    normal = span.normal.split(None, 1)[1] if span.normal and len(span.normal.split()) == len(words) else None
    return Span(span.start + cut, span.end, span.label, span.text[cut:], normal)


def _common_person_noun(parse: object) -> bool:
    """A dictionary noun for a kind of person ("педиатра", "пенсионерку"), no name: before a full
    name of two words it is the person's trade, whatever the lexicon of posts lists."""
    tag = parse.tag  # type: ignore[attr-defined]
    return parse.is_known and tag.POS == "NOUN" and "anim" in tag \
        and not {"Name", "Surn", "Patr", "Geox", "Orgn"} & tag.grammemes  # type: ignore[attr-defined]


def cut_parenthesis(span: Span) -> Span:
    """The span up to an opening parenthesis inside it ("Комитет … (КУИС" -> "Комитет …")."""
    at = span.text.find(" (")
    if at <= 0:
        return span
    text = span.text[:at]
    normal = span.normal.split(" (")[0] if span.normal else None
    return Span(span.start, span.start + len(text), span.label, text, normal)


# a platform's channel or page written as one word ("Telegram-канале"): the platform is the name
_CHANNEL = re.compile(r"(?i)-(?:канал|паблик|аккаунт|страниц)[а-яё]*$")
# nouns that open the name of a street or square: a place, not a body ("Площадь Перемен")
_STREET_WORDS = frozenset({"площадь", "улица", "проспект", "бульвар", "сквер", "переулок", "набережная"})


def tidy_body(text: str, span: Span) -> Span | None:
    """A body's span cut to one name: before a comma that joins a second body ("Радио Х, суд города
    Y"), before a bracket or a quotation mark it does not close (or on to the closing mark just
    after it), without a channel word glued to a platform ("Telegram-канале"); a street or square
    is a place. None when nothing is left."""
    words = span.text.split()
    if words and span.label not in ("LOC", "location") \
            and readings(words[0].lower())[0].normal_form in _STREET_WORDS:  # type: ignore[attr-defined]
        return Span(span.start, span.end, "location", span.text, span.normal)
    if span.label not in ("ORG", "organization"):
        return span
    cut = len(span.text)
    for mark, closing in (("(", ")"), ("«", "»"), ("„", "“")):
        at = span.text.find(mark)
        if at >= 0 and closing not in span.text[at:]:
            close = text.find(closing, span.end, span.end + 60)
            if close >= 0 and "\n" not in text[span.end:close]:
                return Span(span.start, close + 1, span.label, text[span.start:close + 1], None)
            cut = min(cut, at)
    if ")" in span.text and "(" not in span.text:
        cut = min(cut, span.text.index(")"))
    if ", " in span.text and any(is_body_head(w) for w in span.text.split(", ", 1)[1].split()):
        cut = min(cut, span.text.index(", "))  # a second body after the comma, not "«Айда, вперёд»"
    channel = _CHANNEL.search(span.text[:cut])
    if channel is not None:
        cut = channel.start()
    piece = span.text[:cut].rstrip(" ,-–—")
    words = piece.split()
    while len(words) > 1 and _no_name_word(words[0]):
        words = words[1:]  # "Сегодня Н-ский районный суд": an adverb before the name
    while len(words) > 1 and (_no_name_word(words[-1]) or _person_in_oblique_case(words[-1])):
        words = words[:-1]  # "Суд Такое", "Суд Х-у" (the one it judged): no part of the name
    if not words:
        return None
    lead = piece.index(words[0])
    piece = piece[lead:lead + len(" ".join(words))] if " ".join(words) in piece else piece
    if len(piece) == len(span.text):
        return span
    start = span.start + span.text.index(piece)
    return Span(start, start + len(piece), span.label, piece, None)


def _no_name_word(word: str) -> bool:
    """An adverb, a pronoun or a particle in capitals ("Сегодня", "Такое"): never part of a body's name."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    tag = str(readings(word.lower())[0].tag)  # type: ignore[attr-defined]
    return tag.split(",")[0].split()[0] in ("ADVB", "NPRO", "PRCL", "CONJ", "INTJ") or "Apro" in tag


def _person_in_oblique_case(word: str) -> bool:
    """A surname in the dative, accusative or instrumental ("Мифтахову"): whom the body acted on."""
    found = [str(r.tag) for r in readings(word.lower())[:2]]  # type: ignore[attr-defined]
    return bool(found) and all("Surn" in tag and any(c in tag for c in ("datv", "accs", "ablt")) for tag in found)


# what a court hears, after its head noun: "суд по уголовным делам", "по административным
# правонарушениям", "по делам несовершеннолетних"
_JURISDICTION = re.compile(r"\s+по(?:\s+[а-яё]+(?:ым|им))*\s+(?:делам|правонарушениям|спорам|преступлениям)"
                           r"(?:\s+несовершеннолетних)?(?![а-яё])")


def _with_jurisdiction(text: str, span: Span) -> Span:
    """A court's name goes on over what it hears, when no place follows ("… суд по уголовным делам")."""
    m = _JURISDICTION.match(text, span.end)
    if m is None or not re.search(r"(?i)\bсуд\w*$", span.text):
        return span
    return Span(span.start, m.end(), span.label, text[span.start:m.end()], (span.normal or span.text) + m.group())


def dateline_place(text: str, span: Span) -> Span:
    """The name that opens a news dateline is a place ("АЛМАТЫ, 21 мая 2024 года. …"), whatever
    the model took it for; in capitals, its name is written as a name ("Алматы")."""
    if (span.start and text[span.start - 1] != "\n") or not _DATELINE_TAIL.match(text, span.end):
        return span
    name = span.normal or span.text
    if name.isupper():
        name = " ".join(w[:1] + w[1:].lower() for w in name.split())
    return Span(span.start, span.end, "location", span.text, name)


_BEFORE_PLACE = re.compile(r"(?P<body>(?:[А-ЯЁа-яё-]+\s+){0,3}?(?P<head>[А-ЯЁа-яё]+))(?:\s+№\s*\d+)?"
                           r"(?:\s+(?:[а-яё]+(?:ого|его)\s+)?(?:района|области|города|округа|г\.))?\s+$")
# "прокуратура района Х", "суда столичного района Х"
# a body's head noun before a district named by its adjective: "суд Брестского района"
_DISTRICT_BODY = re.compile(r"(?<![А-ЯЁа-яё])(?P<head>[А-ЯЁа-яё]+)\s+(?:[А-ЯЁ][а-яё]+(?:ского|цкого|ского|ого)\s+)"
                            r"(?:района|области|округа)(?![а-яё])")


def bodies_before_places(text: str, spans: list[Span]) -> Iterator[Span]:
    """A body's head noun right before a place the model found, which it did not take for part of a
    name ("в суде Заречного района", "Суд №4 Каратауского района"): the body named by both, with
    the adjectives before the noun ("районном суде Х")."""
    for place in spans:
        if place.label != "location" or _person_in_oblique_case(place.text.split()[-1]):
            continue  # "Суд Х-у продлил арест": whom the court acted on, no place of its name
        m = _BEFORE_PLACE.search(text[max(0, place.start - 80):place.start])
        if m is None or not is_body_head(m.group("head")):
            continue
        words = list(re.finditer(r"[А-ЯЁа-яё-]+", m.group("body")))
        first = len(words) - 1
        while first > 0 and readings(words[first - 1].group().lower())[0].tag.POS in ("ADJF", "PRTF"):  # type: ignore[attr-defined]
            first -= 1
        start = place.start - len(m.group()) + words[first].start()
        if any(s.start <= start < s.end and s.label == "organization" for s in spans):
            continue
        name = phrase_nominative(text[start:place.start].strip()) + " " + place.text
        yield Span(start, place.end, "organization", text[start:place.end], name[:1].upper() + name[1:])


def district_bodies(text: str, spans: list[Span]) -> Iterator[Span]:
    """"Суд Брестского района", "акимат Карасайского района": a body's head noun and a district named
    by its adjective, which the model often misses whole; the nominative of the head, the rest as written."""
    for m in _DISTRICT_BODY.finditer(text):
        head = m.group("head")
        if not is_body_head(head):
            continue
        if any(s.start < m.end() and m.start() < s.end and s.label in ("organization", "person") for s in spans):
            continue
        name = phrase_nominative(head) + text[m.start() + len(head):m.end()]
        yield Span(m.start(), m.end(), "organization", m.group(), name[:1].upper() + name[1:])


# the adjectives of a court's or a body's level that belong to its name ("городской суд Х"; not
# "столичный суд", a description)
LEVEL_STEMS = ("городск", "районн", "областн", "межрайонн", "краев", "окружн", "специализированн", "апелляционн",
               "верховн", "военн")
# a body named by a place's adjective: "Бакинский суд", "Медеуским районным судом"
_ADJECTIVE_BODY = re.compile(r"(?<![А-ЯЁа-яё-])(?P<name>[А-ЯЁ][а-яё]+(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое)"
                             r"(?:\s+[а-яё]+(?:ый|ий|ого|ому|ым|им|ом|ая|ой|ую|ое))*)\s+(?P<head>[а-яё]+)")
# a body with its level before it and the place after it: "в городском суде Конаева"
_LEVEL_BODY = re.compile(r"(?<![А-ЯЁа-яё-])(?P<body>(?:(?:" + "|".join(LEVEL_STEMS) + r")[а-яё]+\s+){1,3}(?P<head>[а-яё]+))"
                         r"\s+(?P<place>[А-ЯЁ][а-яё]+)(?![А-ЯЁа-яё-])")


def adjective_bodies(text: str, spans: list[Span]) -> Iterator[Span]:
    """Bodies the model cut or missed: a place's adjective before a body's head noun ("Бакинский
    суд", which it reads as a person "Бакинский"), and a level and a head noun in lower case before
    a place's name ("городском суде Конаева"). Person and place spans inside give way."""
    for m in _ADJECTIVE_BODY.finditer(text):
        if not is_body_head(m.group("head")):
            continue
        if any(s.start < m.end() and m.start() < s.end and s.label == "organization" for s in spans):
            continue
        name = phrase_nominative(m.group())
        yield Span(m.start(), m.end(), "organization", m.group(), name[:1].upper() + name[1:])
    for m in _LEVEL_BODY.finditer(text):
        if not is_body_head(m.group("head")):
            continue
        if any(s.start < m.end() and m.start() < s.end and (s.label == "organization" or s.start < m.start("place")
                                                              or (s.label in ("PER", "person") and s.end > m.end()))
               for s in spans):
            continue  # a body already, a person before the place ("суде Иван Петров ...") or named from it
            # on ("судья городского суда Асель Нуржанова": a given name, not the court's town)
        name = phrase_nominative(m.group("body")) + " " + m.group("place")
        yield Span(m.start(), m.end(), "organization", m.group(), name[:1].upper() + name[1:])


# a website named by its address after the word for it: "сайта faraj.com.tj", "издание Kloop.kg"
_SITE = re.compile(r"(?:сайт|портал|издани|ресурс)[а-яё]*\s+(?P<site>[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,10}){1,3})(?![\w.])",
                   re.IGNORECASE)


def site_names(text: str, spans: list[Span]) -> Iterator[Span]:
    """A website's address after "сайт", "портал" or "издание" is the outlet's name."""
    for m in _SITE.finditer(text):
        if not any(s.start < m.end("site") and m.start("site") < s.end for s in spans):
            yield Span(m.start("site"), m.end("site"), "organization", m.group("site"), m.group("site"))


def extend_body(text: str, span: Span, places: list[Span]) -> Span:
    """A body's span runs on over the place named right after it, in the genitive, with the
    words of its jurisdiction between ("суд" + "по административным правонарушениям города
    Алматы"); the nominative of the whole keeps the place as written."""
    if span.label != "organization":
        return span
    m = _SERVES.match(text, span.end)
    place = None if m is None else next((p for p in places if p.start == m.end() and p.label == "location"), None)
    if place is None:
        return _with_jurisdiction(text, span)
    extended = text[span.start:place.end]
    normal = f"{span.normal or span.text}{text[span.end:place.start]}{place.text}"
    return Span(span.start, place.end, span.label, extended, normal)


def quoted_bodies(text: str, spans: list[Span]) -> Iterator[Span]:
    """Bodies named in quotation marks after the kind of body or a member's noun ("партии «Х»",
    "сторонники «Х»") where the model found no name."""
    for m in _QUOTED.finditer(text):
        word = readings(m.group("word"))[0].normal_form  # type: ignore[attr-defined]
        name = m.group("name").strip()
        if word not in _kind_words() or not name[:1].isupper():
            continue
        start = m.start("name") + m.group("name").index(name)
        if any(s.start < start + len(name) and start < s.end for s in spans):
            continue
        yield Span(start, start + len(name), "organization", name, phrase_nominative(name))
