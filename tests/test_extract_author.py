"""Who wrote a first-person document (casefile.extract.facts.author). Texts and people invented;
the person mentions are built by hand, so no model runs."""
from __future__ import annotations

import pytest

import re

from casefile.extract.facts.author import document_author
from casefile.extract.facts.tree import Slot


def persons(text: str, *names: str) -> list[Slot]:
    """A person mention for every occurrence of each name; the cluster is the name's index."""
    out = []
    for cluster, name in enumerate(names):
        start = text.find(name)
        while start != -1:
            out.append(Slot("person", cluster, start, start + len(name)))
            start = text.find(name, start + 1)
    return out


LETTER = (
    "Dear friends,\n"
    "I am writing from Ostravel, where my brother has been held since spring.\n"
    "Judge Orlen Pask refused to let me see him, and nobody explains why.\n"
    "Please help us bring him home.\n"
    "With hope,\n"
    "Mirela Vostrakova\n"
)


def test_a_first_person_letter_is_by_the_person_who_signs_it():
    assert document_author(LETTER, persons(LETTER, "Orlen Pask", "Mirela Vostrakova"), []) == 1


def test_a_signature_after_a_closing_word_on_the_same_line():
    text = LETTER.replace("With hope,\nMirela Vostrakova\n", "Sincerely, Mirela Vostrakova of the Ostravel bakers' guild\n")
    assert document_author(text, persons(text, "Orlen Pask", "Mirela Vostrakova"), []) == 1


INTERVIEW = (
    "Interview with Tamsin Oreval\n"
    "\n"
    "Q: When did the trouble start?\n"
    "A: I opened the bakery in the old town, and my landlord raised the rent twice.\n"
    "Q: What happened next?\n"
    "A: The inspectors came to see me every week, and later Dorin Kalb joined them.\n"
    "Q: What will you do now?\n"
    "A: I will keep baking as long as the ovens work.\n"
)


def test_an_interview_is_by_the_person_its_opening_line_introduces():
    assert document_author(INTERVIEW, persons(INTERVIEW, "Tamsin Oreval", "Dorin Kalb"), []) == 0


def test_an_opening_line_without_an_introducing_word_names_no_author():
    text = INTERVIEW.replace("Interview with Tamsin Oreval", "Bread and rent: Tamsin Oreval and the old town")
    assert document_author(text, persons(text, "Tamsin Oreval", "Dorin Kalb"), []) is None


MY_NAME = (
    "Good evening to everyone who came to the square tonight, and thank you for standing in the cold with us. "
    "My neighbour Dana Velt asked me to speak first. My name is Pavel Grunwick, and I have baked bread on "
    "this street for thirty years without a single complaint from anyone."
)


def test_the_author_says_my_name_is():
    assert document_author(MY_NAME, persons(MY_NAME, "Dana Velt", "Pavel Grunwick"), []) == 1


def test_third_person_text_has_no_author():
    text = ("Police detained the baker Pavel Grunwick on Friday.\n"
            "He denied the charges, his lawyer said.\n"
            "The trial opens next month.\n"
            "Lisbet Anver\n")  # a byline, not a signature
    assert document_author(text, persons(text, "Pavel Grunwick", "Lisbet Anver"), []) is None


QUOTED = (
    "Pavel Grunwick spoke outside the court.\n"
    "“I did nothing wrong, and my family knows it,” he said. “They took me from my own kitchen.”\n"
    "His sister waited by the gate.\n"
    "Mirela Vostrakova\n"
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], text.find("“")
    while start != -1:
        end = text.index("”", start) + 1
        spans.append((start, end))
        start = text.find("“", end)
    return spans


def test_first_person_only_inside_quotes_makes_no_author():
    slots = persons(QUOTED, "Pavel Grunwick", "Mirela Vostrakova")
    assert document_author(QUOTED, slots, quote_spans(QUOTED)) is None
    # the same words outside quotation marks would make the signer the author
    assert document_author(QUOTED, slots, []) == 1


@pytest.mark.parametrize("first_person", ["I", "I ... my"])
def test_a_couple_of_first_person_words_are_not_enough(first_person):
    text = f"The ovens were cold, {first_person} think.\nThe bakery stayed shut all winter.\nMirela Vostrakova\n"
    assert document_author(text, persons(text, "Mirela Vostrakova"), []) is None


def _slots(text: str, *names: str):
    return [Slot("person", i, m.start(), m.end()) for i, n in enumerate(names) for m in re.finditer(re.escape(n), text)]


def test_an_addressed_person_opening_a_sentence_is_no_signature():
    text = "Statement of Orlen Pask\n\nYour Honour, I was questioned twice, my flat was searched, and I am tried now."
    assert document_author(text, _slots(text, "Orlen Pask", "Your Honour"), []) == 0


def test_a_greeting_line_is_no_signature():
    text = "Dear Mirela Vostrakova,\n\nI was arrested in May. My lawyer was sent away. I ask you to help me.\n\nDear Mirela,"
    assert document_author(text, _slots(text, "Mirela Vostrakova"), []) is None


def test_a_signature_with_a_title_after_a_comma():
    text = "I was arrested in May. My lawyer was sent away. I ask you to help me.\n\nOrlen Pask, political prisoner, Camp 4"
    assert document_author(text, _slots(text, "Orlen Pask"), []) == 0


def test_interview_turns_map_labels_to_people_and_questions():
    from casefile.extract.facts.author import interview_turns

    text = "Talk with Orlen Pask\n\nHOST: How are you?\n\nPASK: I am well.\n\nQ: And then?\n\nA: I left."
    turns = interview_turns(text, _slots(text, "Orlen Pask"), 0, {0: "Orlen Pask"})
    assert [(text[s:e].strip(), speaker, question) for s, e, speaker, question in turns] == [
        ("How are you?", None, True), ("I am well.", 0, False), ("And then?", None, True), ("I left.", 0, False)]


def test_a_text_with_one_colon_line_is_no_transcript():
    from casefile.extract.facts.author import interview_turns

    text = "Note: the hearing was moved to June."
    assert interview_turns(text, [], None, {}) == []
