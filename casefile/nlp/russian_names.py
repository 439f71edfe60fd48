"""Russian personal names back to the nominative, keeping the person's gender.

A Russian text declines names: "Айгуль Сапаровой" (of Aigul Saparova), "Ералиеву" (to Yeraliyev
or Yeraliyeva, by gender). Matching across documents and scripts needs the nominative, and the
gender decides it: a woman's "Сапаровой" is "Сапарова", a man's "Ералиева" is "Ералиев".

Surnames of the common Russian and Central Asian families (-ов/-ев/-ин/-ын, -ский/-цкий) follow
their declension table; given names and patronymics go through pymorphy3's dictionary, which
also knows their gender; anything else (Kazakh "-улы"/"-кызы" forms, foreign and indeclinable
names) is left as written.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Literal

from casefile.nlp import lexicons
from casefile.nlp.keys import fold

Gender = Literal["m", "f"]

# (stem family, case ending) of an -ов/-ев/-ин surname and of an -ский one
_OV = re.compile(r"^(?P<stem>.+(?:ов|ев|ёв|ин|ын))(?P<end>|а|у|ым|е|ой|ою)$", re.IGNORECASE)
_SKY = re.compile(r"^(?P<stem>.+(?:ск|цк))(?P<end>ий|ого|ому|им|ом|ая|ой|ую|ою)$", re.IGNORECASE)
_FEMININE_SKY = {"ая", "ой", "ую", "ою"}
# the endings of an adjective's oblique cases, masculine and feminine ("Беззубого", "Крутой")
_ADJECTIVAL = re.compile(r"(?:ого|его|ому|ему|ым|им|ом|ем|ой|ей|ую|юю)$")
# particles of Kazakh and Kyrgyz names that never decline ("Нурлан-улы", "Айгерим кызы")
_INDECLINABLE = ("улы", "ұлы", "уулу", "кызы", "қызы", "оглы", "оглу", "кизи", "зода", "заде")  # Turkic, Tajik, Azeri
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


@cache
def morph_analyzer() -> object:
    """pymorphy3's Russian dictionary, loaded once (names, bodies, quotes and facts all read it)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[object, ...]:
    """pymorphy3's readings of a lower-case word, most likely first (the same words recur)."""
    return tuple(morph_analyzer().parse(word))  # type: ignore[attr-defined]


@lru_cache(maxsize=65536)
def _name_readings(word: str) -> tuple[tuple[str, str, str], ...]:
    """(nominative, gender "m"/"f", grammatical case) of each singular reading of ``word`` as a
    given name or patronymic in the dictionary (one person: "Ким" is no plural of "Кима")."""
    out = []
    for parse in readings(word):
        tag = parse.tag
        if ("Name" in tag or "Patr" in tag) and tag.gender in ("masc", "femn") and "sing" in tag:
            nominative = parse.inflect({"nomn"})
            out.append(((nominative.word if nominative else parse.word), "m" if tag.gender == "masc" else "f",
                        str(tag.case)))
    return tuple(out)


def given_name_gender(word: str) -> Gender | None:
    """The gender of a given name or patronymic the dictionary knows, when it has only one."""
    genders = {g for _n, g, _c in _name_readings(word.lower())}
    return genders.pop() if len(genders) == 1 else None  # type: ignore[return-value]


def surname_gender(word: str, case: str | None = None) -> Gender | None:
    """The gender an -ов/-ин/-ский surname form shows ("Сапаровой": f; "Ералиевым": m), using the
    grammatical case when the form alone is ambiguous ("Ералиева": f in the nominative)."""
    m = _OV.match(word)
    if m:
        end = m.group("end").lower()
        if end in ("ой", "ою"):
            return "f"
        if end in ("", "ым", "е"):
            return "m"
        if end == "а":
            return "f" if case == "Nom" else "m" if case in ("Gen", "Acc") else None
        if end == "у":
            return "m" if case == "Dat" else "f" if case == "Acc" else None
    m = _SKY.match(word)
    if m:
        return "f" if m.group("end").lower() in _FEMININE_SKY else "m"
    return None


def surname_nominative(word: str, gender: Gender | None, case: str | None = None) -> str:
    """The nominative of a declined surname ("Сапаровой" -> "Сапарова"; a man's "Ералиева" ->
    "Ералиев"); a form it cannot read is returned unchanged."""
    gender = gender or surname_gender(word, case)
    m = _OV.match(word)
    if m and gender is not None:
        stem, end = m.group("stem"), m.group("end").lower()
        if gender == "m":
            return stem if end in ("а", "у", "ым", "е", "") else word
        return stem + _match_case("а", word) if end in ("а", "у", "ой", "ою") else word
    m = _SKY.match(word)
    if m:
        stem, end = m.group("stem"), m.group("end").lower()
        feminine = end in _FEMININE_SKY if gender is None else gender == "f"
        return stem + _match_case("ая" if feminine else "ий", word)
    return word


def given_nominative(word: str, gender: Gender | None, case: str | None = None) -> str:
    """The nominative of a declined given name or patronymic ("Марата" -> "Марат"), of the
    reading of the person's gender (and of the token's case, when known) if the dictionary has
    several; a word with no such reading is returned unchanged."""
    readings = _name_readings(word.lower())
    if case in _CASES:
        readings = tuple(r for r in readings if r[2] == _CASES[case])
    fitting = [r for r in readings if gender is None or r[1] == gender]
    if not fitting and readings and gender is not None and case not in (None, "Nom"):
        # a man's name the dictionary knows only as a woman's ("Наилю" when the dictionary knows only "Наиля"): his endings
        return _unknown_name_nominative(word, gender, case)
    fitting = fitting or list(readings)
    if case not in (None, "Nom"):  # "Анне" of "Анна" before the indeclinable foreign "Анне"
        fitting.sort(key=lambda r: r[0] == word.lower())
    if not fitting:
        known = _name_readings(word.lower())
        # a man's name the dictionary knows only as a woman's ("Дана" of "Ерлана Дана"): it declines
        # by his gender's endings
        other_sex = gender is not None and case not in (None, "Nom") and all(r[1] != gender for r in known)
        return _unknown_name_nominative(word, gender, case) if not known or other_sex else word
    return _capitalised(fitting[0][0], word)


# how a given name the dictionary does not know declines, by gender and case: the ending of the
# declined form and the ending of the nominative ("Гульмиру" -> "Гульмира", "Ерлана" -> "Ерлан")
_DECLINED: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("f", "Acc"): (("у", "а"), ("ю", "я")),
    ("f", "Gen"): (("ы", "а"), ("и", "я")),
    ("f", "Dat"): (("е", "а"),),
    ("f", "Loc"): (("е", "а"),),
    ("f", "Ins"): (("ой", "а"), ("ей", "я")),
    ("m", "Gen"): (("а", ""), ("я", "й")),
    ("m", "Acc"): (("а", ""), ("я", "й")),
    ("m", "Dat"): (("у", ""), ("ю", "й")),
    ("m", "Ins"): (("ом", ""), ("ем", "й")),
    ("m", "Loc"): (("е", ""),),
}


def _unknown_name_nominative(word: str, gender: Gender | None, case: str | None) -> str:
    """A declined given name that is not in the dictionary, back to the nominative by the usual
    endings of its gender and case; unchanged when either is unknown."""
    if case == "Ins" and gender is None:
        gender = "f"  # "-ой"/"-ей" is the instrumental of an -а/-я name of either sex ("Никитой")
    if gender is None or case is None:
        return word
    for declined, nominative in _DECLINED.get((gender, case), ()):
        if word.lower().endswith(declined) and len(word) > len(declined) + 2:
            stem = word[: len(word) - len(declined)]
            if nominative == "й" and stem[-1:].lower() not in _VOWELS:
                nominative = "ь"  # "Андрею" -> "Андрей", but "Игорю", "Ковалю" -> "Игорь", "Коваль"
            return stem + _match_case(nominative, word)
    return word


def person_nominative(tokens: list[tuple[str, str | None]], verb_gender: Gender | None = None) -> str:
    """The nominative of a person's name given as (word, grammatical case) tokens, in the
    Universal Dependencies case names natasha uses ("Nom", "Gen", ...): "Айгуль Сапаровой" ->
    "Айгуль Сапарова". Hyphenated parts are read one by one; all parts take the case of the
    last part that has one. ``verb_gender``: the gender of a past-tense verb right after the
    name: a name with one word read nominative, whose given name the dictionary knows as a
    nominative of that gender, is the verb's subject ("Олеся Х-ва заявила": she, though the
    tagger read the surname as a man's genitive)."""
    words = [w for w, _c in tokens]
    # every part of a name is in one case; the tagger reads the last (the surname) best, unless
    # the given name's own ending tells ("Жанатом": instrumental) where the tagger, lost in a
    # list of names, said nominative
    shared = _dictionary_case(words) or next((c for _w, c in reversed(tokens) if c), None)
    subject = verb_gender is not None and len(words) >= 2 and any(c == "Nom" for _w, c in tokens) \
        and any(g == verb_gender and c == "nomn" for _n, g, c in _name_readings(words[0].lower()))
    if subject:
        shared = "Nom"
    tokens = [(w, shared) for w, _c in tokens]
    gender = verb_gender if subject else _gender_of(tokens)
    # "Иванов Роман Викторович": with the patronymic last, the surname comes first (court style)
    surname_at = 0 if len(words) == 3 and _PATRONYMIC_END.search(words[-1].lower()) else len(words) - 1
    out = []
    for i, (word, case) in enumerate(tokens):
        parts = word.split("-")
        out.append("-".join(_part_nominative(p, gender, case, last=(i == surname_at)) for p in parts))
    return " ".join(out)


_PATRONYMIC_END = re.compile(r"(?:ович|евич|ьич|овн|евн|ичн)[а-яё]{0,3}$")


_VOWELS = set("аеёиоуыэюя")


def _dictionary_case(words: list[str]) -> str | None:
    """"Instrumental" for a name whose first word is a man's given name the dictionary knows
    with "-ом"/"-ем" added ("Жанатом" = "Жанат" + "ом"): no nominative ends so; else None."""
    first = words[0].lower() if len(words) >= 2 else ""
    if not first.endswith(("ом", "ем")) or _OV.match(words[0]) or _SKY.match(words[0]):
        return None
    base = first[:-2] + ("й" if first.endswith("ем") and first[-3:-2] in _VOWELS else "")
    if any(n == base and g == "m" and c == "ablt" for n, g, c in _name_readings(first)):
        return "Ins"
    return None


@lru_cache(maxsize=65536)
def declined_known_name(word: str) -> str | None:
    """The nominative of a man's given name in an oblique case, when casefile's list of given
    names knows the nominative but not the form ("Болата", "Ерлану", "Болатом" -> "Болат");
    None otherwise (a name ending in a vowel may be a woman's: "Динару" is "Динара")."""
    known = lexicons.given_names()
    if fold(word) in known:
        return None
    for ending in ("ом", "а", "у", "е"):
        base = word[: -len(ending)]
        if word.lower().endswith(ending) and len(base) >= 3 and base[-1].lower() not in _VOWELS \
                and fold(base) in known:
            return base
    return None


# third-person singular pronouns in every case, with the gender they show ("его" may also be a
# thing's; the fact reader only takes them where a person is acted on)
PRONOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("он", "его", "него", "ему", "нему", "им", "ним", "нём", "нем"), "m"),
    **dict.fromkeys(("она", "её", "ее", "неё", "нее", "ей", "ней", "ею", "нею"), "f"),
}

# the speaker's own "I": inside a quotation it is its speaker ("мы" may be a family, a team or a
# lawyer speaking with a client, so it is left out)
FIRST_PERSON = frozenset({"я", "меня", "мне", "мной", "мною"})
# "их отпустили", "им назначили": the people named together just before
PLURAL_PRONOUNS = frozenset({"они", "их", "им", "ими", "них"})


def name_gender(name: str) -> Gender | None:
    """The gender of a person's name in the nominative ("Айгуль Сапарова": f), when it shows one."""
    return _gender_of([(word, "Nom") for word in name.split()])


def _gender_of(tokens: list[tuple[str, str | None]]) -> Gender | None:
    if len(tokens) >= 2 and _undeclined_given_before_feminine(tokens[0][0], tokens[-1][0]):
        return "f"
    last = _OV.match(tokens[-1][0]) if len(tokens) >= 2 else None
    if last and last.group("end").lower() in ("ой", "ою", "ым", "е"):  # "Марине Петровой": the surname's
        return "f" if last.group("end").lower() in ("ой", "ою") else "m"  # ending has one gender, the given name's
        # may not ("Наиле Х-ове": only a man's surname ends so in the locative)
    for word, _case in tokens[:-1]:  # a man's given name in an oblique case ("Болата")
        if declined_known_name(word) is not None:
            return "m"
    for n, (word, _case) in enumerate(tokens):  # a given name the dictionary knows decides, even one
        for part in word.split("-"):  # that ends like a surname before the surname ("Карин")
            if (_OV.match(part) is None and _SKY.match(part) is None) \
                    or (n < len(tokens) - 1 and _name_readings(part.lower())):
                gender = given_name_gender(part)
                if gender is not None:
                    return gender
    if len(tokens) >= 2 and not _OV.match(tokens[0][0]) and not _SKY.match(tokens[0][0]):
        wanted = _CASES.get(tokens[0][1] or "")  # "Кирилла" in the accusative: only a man's
        sexes = {g for _n, g, c in _name_readings(tokens[0][0].lower()) if wanted is None or c == wanted}
        if len(sexes) == 1:
            return sexes.pop()  # type: ignore[return-value]
    for word, case in tokens:
        for part in word.split("-"):
            gender = surname_gender(part, case)
            if gender is not None:
                return gender
    return None


def _undeclined_given_before_feminine(given: str, surname: str) -> bool:
    """"Бахытжан Торегожина", "Бахытжан Торегожину": a given name in its dictionary form before
    a surname in -ова/-ина/-ову/-ину is a woman's name, whatever gender the given name usually
    has; a man's given name declines with his surname ("Бахытжана Торегожина")."""
    m = _OV.match(surname)
    known = _name_readings(given.lower())
    if m is None or m.group("end").lower() not in ("а", "у") or ((_OV.match(given) or _SKY.match(given)) and not known):
        return False
    return bool(known) and all(word == given.lower() for word, _g, _c in known)  # no other form's case


def _part_nominative(word: str, gender: Gender | None, case: str | None, last: bool) -> str:
    lower = word.lower()
    if not word[:1].isupper() or len(word) < 2 or lower.endswith(_INDECLINABLE):
        return word
    if _OV.match(word) or _SKY.match(word):
        if not last and _name_readings(lower):  # a given name that looks like a surname
            return word if case == "Nom" else given_nominative(word, gender, case)
        return surname_nominative(word, gender, case)  # the gender outweighs a mistagged case
    if last and case not in (None, "Nom") and _ADJECTIVAL.search(lower):
        nominative = adjectival_nominative(word, gender, case)
        if nominative != word:
            return nominative
    if not last and gender == "m":
        base = declined_known_name(word)
        if base is not None:
            return base
    if last and gender == "m" and case not in (None, "Nom"):
        nominative = _a_declension_nominative(word, case)
        if nominative is not None:
            return nominative
    return word if case == "Nom" else given_nominative(word, gender, case)


def _a_declension_nominative(word: str, case: str) -> str | None:
    """A man's surname that declines like a noun in -а ("Корюгу", "Корюги" -> "Корюга"): a
    singular reading of the word in the token's case whose dictionary form ends in -а or -я;
    None for an indeclinable surname ("Шойгу") or none such."""
    grams = _CASES.get(case)
    for parse in readings(word.lower()):
        tag = parse.tag
        if grams in tag and "sing" in tag and "Fixd" not in tag and parse.normal_form.endswith(("а", "я")) \
                and parse.normal_form != word.lower():
            return _capitalised(parse.normal_form, word)
    return None


def adjectival_nominative(word: str, gender: Gender | None, case: str) -> str:
    """The nominative of a surname declined like an adjective ("Беззубого" -> "Беззубый",
    "Крутой" of a woman in the genitive -> "Крутая"), by a singular reading of the token's case
    (and of the person's gender, when known) as a dictionary adjective or surname; unchanged
    when there is none (a plural form such as "Белых" never declines; a word the dictionary only
    guesses at, such as a foreign given name in -ой, is no adjective)."""
    grams, sex = _CASES.get(case), {"m": "masc", "f": "femn"}.get(gender or "")
    for parse in readings(word.lower()):
        tag = parse.tag
        if parse.is_known and ("ADJF" in tag or "Surn" in tag) and "sing" in tag and grams in tag \
                and (sex is None or sex in tag) and tag.gender in ("masc", "femn"):
            nominative = parse.inflect({"nomn"})
            if nominative is not None:
                return _capitalised(nominative.word, word)
    return word


def _match_case(ending: str, like: str) -> str:
    return ending.upper() if like.isupper() else ending


def _capitalised(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def case_of(feats: dict[str, str] | None) -> str | None:
    """The grammatical case in natasha's features of a token ("Nom", "Gen", ...)."""
    return (feats or {}).get("Case")
