"""Named events found by how English introduces them (invented names throughout)."""
from __future__ import annotations

import pytest

from casefile.extract.events import event_names


def found(doc: str) -> list[str]:
    return [c.text(doc) for c in event_names(doc)]


@pytest.mark.parametrize(
    ("doc", "name"),
    [
        ("Qantar Tolqyny, as the winter protests are called, began in the west.", "Qantar Tolqyny"),
        ("During Qantar Tolqyny, as the events came to be known, hundreds were held.", "Qantar Tolqyny"),
        ("The winter unrest, known locally as Qantar Tolqyny, spread fast.", "Qantar Tolqyny"),
        ("He spoke of the so-called Bloody Qantar events.", "Bloody Qantar"),
        ("The Tolqyn Uprising of 1916 ended in exile.", "Tolqyn Uprising"),
        ("Many recalled the Qantar Tolqyny protests.", "Qantar Tolqyny"),
        ("Many recalled the Umytpa protests.", "Umytpa"),  # near miss of "the Umytpa movement"
    ],
)
def test_named_events(doc, name):
    assert found(doc) == [name]


@pytest.mark.parametrize(
    "doc",
    [
        "Many recalled the Aktau protests.",  # a town's protests: the town stays a place
        "Many recalled the January events.",  # a month is no name
        "Many recalled the Kazakh protests.",  # a people
        "The Steppe Protest Group met.",  # no event noun ends the name
        "He is known as a calm man.",
        "He co-chairs the Umytpa movement.",  # a movement is a body that keeps its name, not an event
    ],
)
def test_no_event_name(doc):
    assert found(doc) == []


def test_a_headline_capitalises_every_noun_so_event_nouns_there_name_nothing():
    doc = "Police Detain Reporter Covering Tolqyn Price Protest\nThe reporter was freed."
    assert found(doc) == []
