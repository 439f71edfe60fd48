"""Tests for name morphology helpers and lexicon loading."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.nlp import lexicons
from casefile.nlp.names import (
    is_demonym,
    is_given_name,
    is_honorific,
    is_initial,
    is_org_word,
    is_role_word,
    is_role_plural,
    is_article_surname,
    looks_like_surname,
    person_name_score,
)


def test_lexicons_load_lowercase_nonempty() -> None:
    loaders = [
        lexicons.given_names, lexicons.surname_suffixes, lexicons.patronymic_suffixes,
        lexicons.org_words, lexicons.role_words, lexicons.honorifics,
        lexicons.legal_form_words, lexicons.demonyms,
    ]
    for load in loaders:
        words = load()
        assert isinstance(words, frozenset) and words
        assert all(w == w.lower().strip() and not w.startswith("#") for w in words)
    assert len(lexicons.given_names()) >= 500
    assert lexicons.given_names() is lexicons.given_names()  # cached


@pytest.mark.parametrize(
    "token",
    ["Abenov", "Kalimova", "Tokhtarbayev", "Sergeyeva", "Kowalski", "Shevchenko",
     "Beridze", "Kapanadze", "Gelashvili", "Petrosyan", "Nurbekuly", "Serikkyzy",
     "Asanbekov", "Dostoevsky", "Абенов", "Kemelbayeva"],
)
def test_looks_like_surname(token: str) -> None:
    assert looks_like_surname(token)


@pytest.mark.parametrize(
    "token",
    ["abenov", "Ov", "Ivan", "Marina", "Italian", "Russian", "Committee", "Union",
     "Mr.", "China", "Ab3nov", "Kazakh", "Court"],
)
def test_not_surname(token: str) -> None:
    assert not looks_like_surname(token)


@pytest.mark.parametrize("token", ["Yerlan", "Erlan", "Ерлан", "Zhanna", "Janna", "Aigerim",
                                   "Ali-Askar", "Maria", "Dmitriy", "Pierre", "Yerzhan", "Erjan"])
def test_given_names(token: str) -> None:
    assert is_given_name(token)


@pytest.mark.parametrize("token", ["Abenov", "Ministry", "Judge", "Almaty", ""])
def test_not_given_names(token: str) -> None:
    assert not is_given_name(token)


def test_word_classes() -> None:
    assert is_role_word("Judge") and is_role_word("spokeswoman") and not is_role_word("Serik")
    assert is_role_plural("Lawyers") and is_role_plural("chairmen") and not is_role_plural("Lawyer")
    assert not is_role_plural("Borders")
    assert is_article_surname("el-Vorta") and is_article_surname("al-Vorta-Qamar")
    assert not is_article_surname("El-Vorta") and not is_article_surname("el-vorta")
    assert is_org_word("Ministry") and is_org_word("Ministries") and is_org_word("LLP")
    assert not is_org_word("Abenov")
    assert is_honorific("Mr.") and is_honorific("Dr") and not is_honorific("Marat")
    assert is_demonym("Kazakh") and is_demonym("Kazakhstani") and is_demonym("Russians")
    assert is_demonym("Central Asian") and not is_demonym("Kazakhstan")


@pytest.mark.parametrize(("token", "expected"), [
    ("D.", True), ("A.B.", True), ("Zh.", True), ("Yu.", True), ("A.-B.", True),
    ("D", False), ("Dr.", False), ("d.", False), ("Abenov", False), ("", False),
])
def test_is_initial(token: str, expected: bool) -> None:
    assert is_initial(token) is expected


HIGH = [
    ["Serik", "Abenov"], ["D.", "Kalimova"], ["Petra", "NOVAK"], ["Ivanova", "Maria"],
    ["Anton", "Borisovich", "Petrov"], ["Mr.", "Abenov"], ["Aigerim", "Smith"],
]
LOW = [
    ["Anti-Doping", "Agency"], ["Supreme", "Court"], ["Judge"], ["Kazakh"],
    ["Ministry", "of", "Justice"], ["Deputy", "Minister"], ["2024"], [],
]


@pytest.mark.parametrize("tokens", HIGH)
def test_person_name_score_high(tokens: list[str]) -> None:
    assert person_name_score(tokens) >= 0.6


@pytest.mark.parametrize("tokens", LOW)
def test_person_name_score_low(tokens: list[str]) -> None:
    assert person_name_score(tokens) <= 0.2


def test_score_ordering() -> None:
    full = person_name_score(["Serik", "Abenov"])
    single = person_name_score(["Abenov"])
    unknown = person_name_score(["Blue", "Horizon"])
    assert full > single > unknown


@settings(max_examples=300)
@given(st.lists(st.text(max_size=12), max_size=6))
def test_score_in_range(tokens: list[str]) -> None:
    assert 0.0 <= person_name_score(tokens) <= 1.0
    for t in tokens:
        looks_like_surname(t), is_initial(t), is_given_name(t), is_demonym(t)


@pytest.mark.parametrize(("name", "facility"), [
    ("Karatal Prison", True),
    ("Penal Colony No. 4", True),
    ("the Steppe Detention Centre", True),
    ("Karatal Prison Service", False),  # near miss: the body that runs prisons
    ("Prison", False),  # near miss: the word alone names no place
    ("Colony Media", False),  # near miss: the word inside a body's name
])
def test_named_places_of_custody(name, facility):
    from casefile.nlp.names import is_custody_facility

    assert is_custody_facility(name) is facility


def test_a_place_of_custody_votes_location_across_documents():
    from casefile.resolve.typing_votes import shape_vote

    assert shape_vote("Karatal Prison") == ("location", 3.0)
    assert shape_vote("Karatal Prison Service")[0] == "organization"  # near miss: a body


def test_demonyms_formed_from_a_countrys_name_the_regular_ways():
    assert all(is_demonym(w) for w in ("Bolivian", "Paraguayan", "Tanzanians", "Beninese"))
    # near misses: the country itself, and given names that end like a demonym
    assert not any(is_demonym(w) for w in ("Bolivia", "Marian", "Adrian"))
