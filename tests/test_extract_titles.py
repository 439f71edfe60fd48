"""Titles of works read as names: cues of quotation, kind of work and Title Case."""
from __future__ import annotations

from casefile.extract.spans import Cand
from casefile.extract.titles import in_work_title, is_title_phrase


def span(doc: str, surface: str, label: str = "location") -> Cand:
    start = doc.index(surface)
    return Cand(start, start + len(surface), label)


def test_a_kind_of_work_and_a_quote_mark_make_a_title():
    doc = "She made the film “Dala Winds” last year."
    assert in_work_title(doc, span(doc, "Dala Winds"))


def test_a_quoted_title_case_headline_is_a_title():
    doc = "The article “How We Lost the Tolqyn Valley” was shared."
    assert in_work_title(doc, span(doc, "Tolqyn Valley"))


def test_a_quoted_sentence_is_not_a_title():
    doc = "“We lost the Tolqyn Valley to the floods,” he said."
    assert not in_work_title(doc, span(doc, "Tolqyn Valley"))


def test_a_report_by_a_body_is_not_a_title():
    doc = "The report by the Steppe Rights Bureau was read."
    assert not in_work_title(doc, span(doc, "Steppe Rights Bureau", "organization"))


def test_title_phrase_needs_capitalised_function_words():
    assert is_title_phrase("Why We Will Not Stay Silent")
    assert is_title_phrase("I Will Not Be Elected to the Board")  # title case keeps "to", "the" low
    assert not is_title_phrase("Rights Bureau Of")  # too few words to tell
    assert not is_title_phrase("Bolat Nurlanov Serik Abenov")
    assert is_title_phrase("Gathering of Crowds in Open Squares That Disturbed the Peace")  # "That" is prose's
    assert not is_title_phrase("Union of Crowds in Open Squares")
