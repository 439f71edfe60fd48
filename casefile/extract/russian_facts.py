"""Justice facts of Russian sentences, read off natasha's dependency parse.

The verbs and what they state are data (``nlp/lexicons/russian_justice.toml``). For each verb of the
table: its object, or the subject of its passive form, is the person acted on; a negation
("не задержан") or a verb of wish or possibility above it drops the event; "к N годам" under
"приговорить" is the term.
"""
from __future__ import annotations

import re
from functools import cache

from casefile.models import Fact, LocalEntity, ParsedSentence
from casefile.nlp import lexicons

_NUMBERS = {"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
            "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
            "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
            "девятнадцать": 19, "двадцать": 20, "полтора": 1.5}
_UNITS = {"год": "years", "лет": "years", "месяц": "months", "сутки": "days", "день": "days"}
_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
# "12 марта 2023 года", "в марте 2023 года", "в 2023 году": dates are fixed formulas
_DATE = re.compile(r"\b(?:(?P<day>\d{1,2})\s+)?(?P<month>[а-я]+)\s+(?P<year>(?:19|20)\d\d)\s+год", re.IGNORECASE)


def table() -> dict[str, dict[str, object]]:
    """russian_justice.toml: event type -> verbs, required words, implied events."""
    return lexicons.russian_justice_events()


@cache
def _by_verb() -> dict[str, str]:
    return {verb: type_ for type_, entry in table().items() for verb in entry["verbs"]}  # type: ignore[union-attr]


def russian_date(text: str) -> str | None:
    """The first full or month date of a Russian text ("12 марта 2023 года" -> "2023-03-12",
    "в марте 2023 года" -> "2023-03"), or None."""
    for m in _DATE.finditer(text):
        word = m.group("month").lower()
        month = next((i for i, stem in enumerate(_MONTHS, start=1)
                      if word.startswith(stem) and (stem != "ма" or word in ("мая", "май", "мае"))), None)
        if month is None:
            continue
        day = f"-{int(m.group('day')):02d}" if m.group("day") and 1 <= int(m.group("day")) <= 31 else ""
        return f"{m.group('year')}-{month:02d}{day}"
    return None


def russian_facts(parses: list[ParsedSentence], entities: list[LocalEntity], text: str = "") -> list[Fact]:
    """The justice facts of a document's parsed sentences, dated by the date their sentence gives."""
    people = sorted((m.start, m.end, i) for i, e in enumerate(entities) if e.label == "person" for m in e.mentions)
    facts: list[Fact] = []
    for sentence in parses:
        tokens = sentence.tokens
        date = russian_date(text[sentence.start:sentence.end]) if text else None
        children: dict[int, list[int]] = {}
        for i, t in enumerate(tokens):
            if t.head != i:
                children.setdefault(t.head, []).append(i)
        for i, t in enumerate(tokens):
            type_ = _by_verb().get(t.lemma)
            if type_ is None or _unreal(tokens, children, i):
                continue
            required = table()[type_].get("requires", {}).get(t.lemma)  # type: ignore[union-attr]
            if required and not any(tokens[k].lemma == required for k in _below(children, i)):
                continue
            entry = table()[type_]
            value = _term(tokens, children, i) if type_ == "sentence" else None
            if value is None and t.lemma in entry.get("needs_term", ()):  # type: ignore[operator]
                continue
            passive = "pssv" in t.tag or any(tokens[k].dep == "aux:pass" for k in children.get(i, []))
            subject_acted_on = t.lemma in entry.get("subject_acted_on", ())  # type: ignore[operator]
            roles = ("nsubj:pass", "nsubj") if passive or subject_acted_on else ("obj",)
            patients = {p for k in children.get(i, []) if tokens[k].dep in roles
                        for p in _people_at(tokens, children, k, people)}
            for p in sorted(patients):
                for kind in [type_, *table()[type_].get("implies", [])]:  # type: ignore[union-attr]
                    facts.append(Fact(kind, p, sentence.start, sentence.end,
                                      value=value if kind == type_ else None, date=date))
    return facts


def _below(children: dict[int, list[int]], i: int) -> list[int]:
    """The tokens under ``i``; the parser's heads may form a cycle, so each is visited once."""
    out, seen, stack = [], {i}, list(children.get(i, []))
    while stack:
        k = stack.pop()
        if k in seen:
            continue
        seen.add(k)
        out.append(k)
        stack.extend(children.get(k, []))
    return out


def _unreal(tokens: tuple, children: dict[int, list[int]], i: int) -> bool:
    """Negated ("не задержан"), or under a verb of wish, threat or possibility ("может быть
    арестован", "грозит арестовать")."""
    if any(tokens[k].lemma == "не" for k in children.get(i, [])):
        return True
    head = tokens[i].head
    return head != i and tokens[head].lemma in lexicons.load("russian_irrealis_words")


def _people_at(tokens: tuple, children: dict[int, list[int]], k: int, people: list[tuple[int, int, int]]) -> set[int]:
    """The people named by the phrase at token ``k`` and the phrases joined to it ("Х и Y")."""
    heads = [k] + [c for c in children.get(k, []) if tokens[c].dep == "conj"]
    found: set[int] = set()
    for h in heads:
        span = [h] + [c for c in children.get(h, []) if tokens[c].dep in ("flat:name", "appos", "flat")]
        for c in span:
            found |= {p for s, e, p in people if s <= tokens[c].start and tokens[c].end <= e}
    return found


def _term(tokens: tuple, children: dict[int, list[int]], i: int) -> str | None:
    """"к пяти годам", "к 3 годам и 6 месяцам" under the verb: the term, as "5 years"."""
    for k in _below(children, i):
        unit = _UNITS.get(tokens[k].lemma)
        if unit is None:
            continue
        for n in children.get(k, []):
            word = tokens[n].lemma
            number = _NUMBERS.get(word) or (float(word) if word.replace(".", "", 1).isdigit() else None)
            if number:
                shown = int(number) if float(number).is_integer() else number
                return f"{shown} {unit}" if shown != 1 else f"1 {unit.rstrip('s')}"
    return None
