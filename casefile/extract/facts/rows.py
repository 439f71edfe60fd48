"""Facts stated by the rows of a list rather than by sentences.

A signatory list ("Name SURNAME, Country, ORGANISATION" one per line) is no sentence the parser
can read; the shape of the row is the statement: the person is a member of the organisation
and represents the country. A row is read only when, apart from its numbering and commas, it
is exactly a person (after a courtesy title), a place and an organisation, in that order.
"""
from __future__ import annotations

import bisect

import re

from casefile.extract.facts.tree import Slot
from casefile.models import Fact
from casefile.nlp import names

_NUMBERING = re.compile(r"^\s*(?:\d+[.)]|[-•*–])?\s*")


def row_facts(text: str, mentions: list[Slot]) -> list[Fact]:
    """member_of and represents facts of "person, place, organisation" rows."""
    facts: list[Fact] = []
    by_start = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    for line in re.finditer(r"[^\n]+", text):
        start, end = line.start() + _NUMBERING.match(line.group()).end(), line.end()
        inside = [m for m in by_start[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
                  if m.end <= end]
        if [m.label for m in inside] != ["person", "location", "organization"]:
            continue
        gaps = [text[start:inside[0].start], text[inside[0].end:inside[1].start],
                text[inside[1].end:inside[2].start], text[inside[2].end:end]]
        if (gaps[0].strip() and not names.is_honorific(gaps[0].strip().rstrip("."))) or gaps[3].strip(" .;") \
                or gaps[1].strip() != "," or gaps[2].strip() not in (",", ""):
            continue  # "Name, Country, GROUP" (the last comma is sometimes dropped)
        person, place, body = inside
        facts.append(Fact("member_of", person.cluster, line.start(), end, object=body.cluster, value="member"))
        facts.append(Fact("represents", person.cluster, line.start(), end, object=place.cluster))
    return facts
