"""A judge's court, from the document: news names the court once and the judge elsewhere
("the Medeu district court ... Judge A said"; "в районном суде … судья А").

Both languages' extractions end here: a judge's post with no body takes the court of the
document when the document names exactly one court; with two or more it stays unknown.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from casefile.models import Fact, LocalEntity
from casefile.nlp import lexicons

_COURT = re.compile(r"(?i)(?<![\w])(?:court|tribunal|(?:рай|гор|обл)?суд(?:а|е|у|ом)?)(?![\w])")


@cache
def judge_words() -> frozenset[str]:
    """The posts of judges, in English and Russian (lower case)."""
    return lexicons.load("judge_words")


def is_court(name: str) -> bool:
    """A body whose name says it is a court."""
    return _COURT.search(name) is not None


def court_indexes(entities: list[LocalEntity]) -> list[int]:
    """The indexes of the document's entities that are courts."""
    return [i for i, e in enumerate(entities) if e.label == "organization" and is_court(e.name)]


def judges_to_court(facts: list[Fact], entities: list[LocalEntity]) -> list[Fact]:
    """The facts, with the document's one court as the body of every judge's post that names none."""
    courts = court_indexes(entities)
    if len(courts) != 1:
        return facts
    return [replace(f, object=courts[0]) if f.type == "position" and f.object is None and f.value
            and f.value.lower().split()[-1] in judge_words() else f for f in facts]
