"""A judge's court from the document (casefile.extract.courts). Names are invented."""
from __future__ import annotations

from casefile.extract.courts import judges_to_court
from casefile.models import Fact, LocalEntity


def entities(*named: tuple[str, str]) -> list[LocalEntity]:
    return [LocalEntity(label, name) for name, label in named]


def test_a_judges_post_takes_the_one_court_of_the_document():
    ents = entities(("Asel Nurova", "person"), ("Karasu District Court", "organization"), ("Ivan Orlov", "person"))
    facts = [Fact("position", 0, 0, 10, value="Judge"), Fact("position", 2, 0, 10, value="lawyer")]
    out = judges_to_court(facts, ents)
    assert out[0].object == 1
    assert out[1].object is None  # near miss: a lawyer's post is no judge's


def test_with_two_courts_or_a_post_with_its_body_nothing_changes():
    ents = entities(("Асель Нурова", "person"), ("Каратауский районный суд", "organization"),
                    ("Верховный суд", "organization"))
    facts = [Fact("position", 0, 0, 10, value="судья")]
    assert judges_to_court(facts, ents)[0].object is None  # which of the two: unknown
    ents = entities(("Асель Нурова", "person"), ("Каратауский районный суд", "organization"),
                    ("Фонд Заря", "organization"))
    facts = [Fact("position", 0, 0, 10, object=2, value="судья")]
    assert judges_to_court(facts, ents)[0].object == 2  # the post names its own body
