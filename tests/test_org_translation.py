"""One key for a body named in Russian and in English (casefile.nlp.org_translation)."""
from __future__ import annotations

import pytest

from casefile.nlp.org_translation import bilingual_org_key


@pytest.mark.parametrize(("russian", "english"), [
    ("Суд района Тогызкент", "Togyzkent District Court"),
    ("суде района Тогызкент", "the Court of Togyzkent District"),
    ("Прокуратура района Тогызкент", "Togyzkent District Prosecutor's Office"),
    ("Заречный районный суд г. Темиртау", "Zarechny District Court of Temirtau"),
    # a name of what the body stands for, with a word the table translates two ways
    ("Центр защиты журналистов и свободы", "Center for Journalists' Protection and Freedom"),
    ("Бюро безопасности журналистов и свободы", "Bureau for Journalists' Safety and Freedom"),
    # a transliterated place adjective, as the Russian one loses its ending
    ("Тогызкентский районный суд", "Togyzkentsky District Court"),
    # a region's name in English, its adjective in Russian; a city council
    ("Тверской городской думы", "Tver City Duma"),
])
def test_a_body_keys_alike_in_both_languages(russian: str, english: str) -> None:
    assert bilingual_org_key(russian) == bilingual_org_key(english) != ""


def test_different_places_key_apart_and_generic_names_give_no_key() -> None:
    assert bilingual_org_key("Суд района Тогызкент") != bilingual_org_key("Karasu District Court")
    assert bilingual_org_key("Верховный суд") == "" and bilingual_org_key("Supreme Court") == ""


def test_a_russian_state_body_in_english_words_with_its_country():
    from casefile.nlp.org_translation import english_body_name
    from casefile.nlp.state_bodies import body_key

    english, country = english_body_name("Верховного суда Узбекистана")
    assert (english, country) == ("Supreme Court", "uz")
    assert body_key(english, country) == body_key("Supreme Court of Uzbekistan")
    assert english_body_name("суд района Шохмансур") == ("", None)  # near miss: a name the table cannot say


def test_a_generic_name_takes_the_country_of_its_document():
    # "Демпартия" in a text about Tajikistan is that country's Democratic Party
    assert bilingual_org_key("Демпартии", "tj") == bilingual_org_key("Democratic Party of Tajikistan") != ""
    assert bilingual_org_key("Демпартии") == ""  # near miss: no country to tell which party
    assert bilingual_org_key("Демпартии", "kz") != bilingual_org_key("Democratic Party of Tajikistan")
    # a name of its own keeps its key whatever the document's country
    assert bilingual_org_key("Суд района Тогызкент", "tj") == bilingual_org_key("Togyzkent District Court")
