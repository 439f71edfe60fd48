"""Named events: uprisings, massacres, named protests and scandals, including the local-language
names a text glosses ("Qantar Tolqyny, as the winter protests are called").

Small models type such names as places or people. The cues here are how English introduces an
event's name, never a list of names: a gloss ("X, as the ... protests are known", "the ...
unrest, known locally as X"), "the so-called X events", a capitalised event noun ending the name
("the Tolqyn Uprising"), or an unfamiliar name before a plural event noun ("the X protests").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from casefile.extract.spans import Cand
from casefile.extract.titles import is_title_line
from casefile.nlp import names
from casefile.nlp.english import is_english_word
from casefile.nlp.gazetteer import is_town
from casefile.nlp.territories import is_territory

# nouns that name a kind of event; a name before or after them in these constructions is an event
EVENT_NOUNS = ("uprising", "uprisings", "massacre", "protests", "protest", "events", "unrest", "riots", "revolution",
               "rebellion", "strike", "strikes", "crackdown", "scandal", "affair", "tragedy", "clashes",
               "demonstrations", "movement")
# event nouns that also name a body that keeps its name ("the X Movement", "the X movement")
_ALSO_BODIES = frozenset({"movement"})
_NOUN = r"(?:" + "|".join(EVENT_NOUNS) + r")"
_EVENT_ONLY_NOUN = r"(?:" + "|".join(n for n in EVENT_NOUNS if n not in _ALSO_BODIES) + r")"
_CAP_NOUN = r"(?:" + "|".join(n.title() for n in EVENT_NOUNS if n not in _ALSO_BODIES) + r")"
_WORD = r"[A-Z][\w'’-]*"
_NAME = r"(?P<name>" + _WORD + r"(?: " + _WORD + r"){0,3})"
_OPEN, _CLOSE = r"[“\"«]?", r"[”\"»]?"
_CALLED = r"(?:called|known|dubbed|named|referred\s+to)"

# capitalised words that open a sentence before a name, not part of it
_LEADING_WORDS = frozenset({"The", "A", "An", "In", "On", "At", "After", "During", "Since", "Before", "Until", "Then",
                            "Yet", "But", "And", "So", "Today", "Yesterday", "Both"})

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "X, as the spring protests are called", "X, as the events came to be known"
    ("gloss_after", re.compile(_OPEN + _NAME + _CLOSE + r",?\s+(?:as|what)\s+(?:the\s+|these\s+|this\s+)?(?:[a-z]+\s+){0,3}"
                               + _NOUN + r"\s+(?:are|is|were|was|have\s+been|has\s+been|came\s+to\s+be|became)\s+"
                               r"(?:\w+\s+)?" + _CALLED)),
    # "the winter unrest, known locally as X", "protests called X"
    ("gloss_before", re.compile(r"\b" + _NOUN + r",?\s+(?:(?:locally|widely|now|often)\s+)?" + _CALLED
                                + r"\s+(?:locally\s+)?(?:as\s+)?" + _OPEN + _NAME + _CLOSE)),
    # "the so-called X events"
    ("so_called", re.compile(r"\bso-called\s+" + _OPEN + _NAME + _CLOSE + r"\s+" + _NOUN + r"\b")),
    # "the Tolqyn Uprising", "the Steppe Affair"
    ("event_head", re.compile(r"(?<![\w'’-])(?P<name>" + _WORD + r"(?: " + _WORD + r"){0,3} " + _CAP_NOUN
                              + r")\b(?! [A-Z])")),  # not "the X Protest Group"
    # "the X protests" with X no place, person or ordinary word ("the X movement" is a body)
    ("before_noun", re.compile(r"\bthe\s+" + _NAME + r"\s+" + _EVENT_ONLY_NOUN + r"\b")),
)


def _known_reading(name: str) -> bool:
    """A name with another reading than an event's: a place, a people, a person, a month, a word."""
    words = name.split()
    return any(is_town(w) or is_territory(w) or names.is_demonym(w) or names.is_given_name(w)
               or names.looks_like_surname(w) or names.is_org_word(w) or is_english_word(w) for w in words) \
        or is_territory(name) or is_town(name)


def event_names(doc: str, headings: list[tuple[int, int]] | None = None) -> Iterator[Cand]:
    """Spans of named events, each with the name of the construction that found it as origin.
    Title Case headings capitalise every noun, so only glosses count inside them."""
    for rule, pattern in _PATTERNS:
        for m in pattern.finditer(doc):
            if not rule.startswith("gloss") and (any(s <= m.start() < e for s, e in headings or [])
                                                 or is_title_line(doc, m.start())):
                continue
            name, start = m.group("name"), m.start("name")
            while " " in name and name.split(" ", 1)[0] in _LEADING_WORDS:  # "During Qantar Tolqyn, as ..."
                first = name.split(" ", 1)[0]
                name, start = name[len(first) + 1:], start + len(first) + 1
            if rule == "before_noun" and _known_reading(name):
                continue  # "the Tolqyn protests" with Tolqyn a town: a place's protests
            if rule == "event_head" and len(name.split()) < 2:
                continue
            yield Cand(start, start + len(name), "event", f"event_{rule}")
