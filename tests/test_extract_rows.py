"""Facts from list rows (casefile.extract.facts.rows). Rows, people, countries and groups invented;
the mentions are built by hand, so no model runs."""
from __future__ import annotations

import pytest

from casefile.extract.facts.rows import row_facts
from casefile.extract.facts.tree import Slot
from casefile.models import Fact

PERSON, PLACE, GROUP = "Arvid KOLSTRAND", "Norvania", "FREE BAKERS UNION"
CLUSTERS = {PERSON: 0, PLACE: 1, GROUP: 2, "Ilse MORROW": 3}
LABELS = {PERSON: "person", PLACE: "location", GROUP: "organization", "Ilse MORROW": "person"}


def mentions(text: str) -> list[Slot]:
    """The first mention of each known name in ``text``."""
    return [Slot(LABELS[name], cluster, text.index(name), text.index(name) + len(name))
            for name, cluster in CLUSTERS.items() if name in text]


def facts_of_row(row: str) -> list[Fact]:
    text = f"Signatories\n{row}\nPublished by the union\n"
    return row_facts(text, mentions(text))


@pytest.mark.parametrize("row", [
    f"{PERSON}, {PLACE}, {GROUP}",
    f"1. {PERSON}, {PLACE}, {GROUP}",  # numbered
    f"12) {PERSON}, {PLACE}, {GROUP}.",
    f"- Mr {PERSON}, {PLACE}, {GROUP}",  # a bullet and a courtesy title
    f"3. Dr. {PERSON} , {PLACE} , {GROUP};",
    f"{PERSON}, {PLACE} {GROUP}",  # the last comma dropped
])
def test_a_person_place_group_row_states_membership_and_representation(row):
    facts = facts_of_row(row)
    start = len("Signatories\n")
    end = start + len(row)
    assert facts == [Fact("member_of", 0, start, end, object=2, value="member"),
                     Fact("represents", 0, start, end, object=1)]


@pytest.mark.parametrize("row", [
    f"{PERSON}, {PLACE}, {GROUP} founder",  # extra words after the group
    f"Signed by {PERSON}, {PLACE}, {GROUP}",  # a sentence, not a row
    f"{PERSON} of {PLACE}, {GROUP}",  # not a comma between person and place
    f"{PERSON}, {PLACE} and {GROUP}",
    f"{PERSON}, {PLACE}, Ilse MORROW",  # person, place, person
    f"{PLACE}, {PERSON}, {GROUP}",  # the wrong order
    f"{PERSON}, {GROUP}",  # no place
])
def test_other_rows_state_nothing(row):
    assert facts_of_row(row) == []


def test_every_row_of_a_list_is_read_on_its_own():
    text = f"1. {PERSON}, {PLACE}, {GROUP}\n2. Ilse MORROW, Norvania, FREE BAKERS UNION\n"
    second = text.index("Ilse")
    slots = mentions(text) + [Slot("location", 1, text.index(PLACE, second), text.index(PLACE, second) + len(PLACE)),
                              Slot("organization", 2, text.index(GROUP, second), text.index(GROUP, second) + len(GROUP))]
    facts = row_facts(text, slots)
    assert [(f.type, f.subject, f.object) for f in facts] == [
        ("member_of", 0, 2), ("represents", 0, 1), ("member_of", 3, 2), ("represents", 3, 1)]
