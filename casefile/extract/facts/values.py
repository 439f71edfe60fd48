"""Normalised values of facts: sentence terms, fine amounts, and negation/hypothetical checks."""
from __future__ import annotations

import re

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "half": 0.5,
}
_NUM = r"(?P<n>\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_KINDS = [
    (r"restrict(?:ed|ion\s+of)\s+freedom|(?:freedom|liberty)\s+(?:limitation|restriction)|limitation\s+of\s+(?:freedom|liberty)",
     "restricted freedom"),
    (r"administrative\s+(?:arrest|detention)", "administrative arrest"),
    (r"house\s+arrest", "house arrest"),
    (r"probation", "probation"),
    (r"correctional\s+labou?r|community\s+service|public\s+works", "corrective labour"),
    (r"prison|imprisonment|jail|incarceration|(?:penal|correctional|labou?r|security|regime)\s+colony|"
     r"deprivation\s+of\s+(?:liberty|freedom)", "prison"),
]
_TERM = re.compile(
    _NUM + r"[\s-]+(?P<unit>years?|months?|days?)\b(?![\s-]+old\b)(?:\s+and\s+(?P<n2>\d+|\w+)[\s-]+(?P<unit2>months?|days?))?"
    r"(?:[\s-]+(?:old\s+)?(?:of|in|at|on)?\s*(?:a\s+|the\s+)?(?P<kind>[\w\s]{0,30}))?",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"(?P<cur1>US\$|\$|€|£|₸)?\s?(?P<amount>\d[\d,. ]*(?:\s*(?:thousand|million|billion))?)"
    r"\s*(?P<cur2>tenge|KZT|rubles?|roubles?|RUB|dollars?|USD|euros?|EUR|soms?|KGS|sums?|UZS|MCI|monthly\s+calculation\s+indices)?",
    re.IGNORECASE,
)


def number_of(word: str) -> float | None:
    """The number a word or numeral states ("three", "3", "half"), or None."""
    word = word.lower()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    try:
        return float(word)
    except ValueError:
        return None


_RANGE = re.compile(r"\b(?:from|between)\s+(?P<lo>\d+|[a-z]+)\s+(?:to|and)\s+(?P<hi>\d+|[a-z]+)[\s-]+(?P<unit>years?|months?)",
                    re.IGNORECASE)


def _kind(text: str) -> str | None:
    return next((name for pattern, name in _KINDS if re.search(pattern, text, re.IGNORECASE)), None)


_RESPECTIVE = re.compile(r"\b(?P<list>(?:(?:\d+|[a-z]+)\s*,\s*)*(?:\d+|[a-z]+)\s*,?\s+and\s+(?:\d+|[a-z]+))[\s-]+"
                         r"(?P<rest>(?:years?|months?)\b.*)", re.IGNORECASE)


def respective_terms(text: str) -> list[str]:
    """"to six and five years in prison" -> ["6 years prison", "5 years prison"]: one term per
    number of a coordinated list sharing its unit, for people named in the same order; empty
    when the text states one term."""
    m = _RESPECTIVE.search(text[:120])
    if not m:
        return []
    numbers = [number_of(w) for w in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list"))]
    if len(numbers) < 2 or any(n is None for n in numbers):
        return []
    terms = [sentence_term(f"{n:g} {m.group('rest')}") for n in numbers]  # type: ignore[str-format]
    return [t for t in terms if t] if all(terms) else []


def sentence_term(text: str) -> str | None:
    """"three years of imprisonment" -> "3 years prison"; "a five-year prison sentence" ->
    "5 years prison"; suspended terms keep "suspended"."""
    text = re.sub(r"(\d+)\s*\((?:[a-z]+[\s-]?)+\)", r"\1", text)  # "3 (three) years": court style
    text = re.sub(r"\b(\d+)\s+1/2\b", lambda m: f"{int(m.group(1)) + 0.5:g}", text)  # "6 1/2 years"
    half = re.search(r"\b(\w+)[\s-]+and[\s-]+a[\s-]+half[\s-]+(years?|months?)", text, re.IGNORECASE)
    if half and number_of(half.group(1)) is not None:  # "eight and a half years" -> "8.5 years"
        text = text[:half.start()] + f"{number_of(half.group(1)) + 0.5:g} {half.group(2)}" + text[half.end():]
    span = _RANGE.search(text)  # "from 5 to 8 years", "between four and five years": a range
    if span and number_of(span.group("lo")) is not None and number_of(span.group("hi")) is not None:
        kind = _kind(text[span.end():span.end() + 50])
        value = f"{number_of(span.group('lo')):g}-{number_of(span.group('hi')):g} {span.group('unit').lower().rstrip('s')}s"
        return value + (f" {kind}" if kind else "")
    m = _TERM.search(text)
    if not m:
        return _term_without_number(text)
    n = number_of(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").lower().rstrip("s") + "s"
    count = int(n) if n == int(n) else n
    if count == 1:
        unit = unit.rstrip("s")
    kind_text = (m.group("kind") or "") + " " + text[m.end():m.end() + 40]
    kind = _kind(kind_text)
    value = f"{count} {unit}"
    n2 = number_of(m.group("n2")) if m.group("n2") else None
    if n2 is not None and m.group("unit2"):  # "11 years and eight months"
        unit2 = m.group("unit2").lower().rstrip("s") + ("s" if n2 != 1 else "")
        value += f" {n2:g} {unit2}"
    value += f" {kind}" if kind else ""
    if re.search(r"\bsuspended|probation(?:ary)?\s+period|conditional", text, re.IGNORECASE):
        value += " suspended"
    return value


# terms named without a number: "a suspended sentence", "life imprisonment"
_NAMED_TERMS = [
    (r"\blife\s+(?:imprisonment|sentence|in\s+prison|term)", "life imprisonment"),
    (r"\b(?:suspended|probationary|conditional)\s+(?:prison\s+)?(?:sentences?|terms?)|\bprobation\b", "suspended sentence"),
    (r"\bdeath\s+(?:penalty|sentence)|\bto\s+death\b", "death penalty"),
]


def _term_without_number(text: str) -> str | None:
    for pattern, name in _NAMED_TERMS:
        if re.search(pattern, text, re.IGNORECASE):
            return name
    return None


def money(text: str) -> str | None:
    """The first amount of money with its currency ("50 million tenge", "$5,000")."""
    for m in _MONEY.finditer(text):
        currency = m.group("cur1") or m.group("cur2")
        if currency and re.search(r"\d", m.group("amount")):
            amount = re.sub(r"\s+", " ", m.group("amount")).strip(" ,.")
            return f"{amount} {currency.strip()}".strip() if m.group("cur2") else f"{currency}{amount}"
    return None

