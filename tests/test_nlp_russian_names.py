"""Russian names back to the nominative, with their gender; and one key across scripts.

Every name here is invented for these tests.
"""
from __future__ import annotations

import pytest

from casefile.nlp.keys import person_key, persons_compatible
from casefile.nlp.russian_names import person_nominative, surname_gender, surname_nominative


@pytest.mark.parametrize(("tokens", "nominative"), [
    ([("Динару", "Acc"), ("Омарову", "Acc")], "Динара Омарова"),  # a woman in the accusative
    ([("Динары", "Gen"), ("Омаровой", "Gen")], "Динара Омарова"),
    ([("Тимура", "Gen"), ("Омарова", "Gen")], "Тимур Омаров"),  # the same form of a man's surname
    ([("Тимуру", "Dat"), ("Омарову", "Dat")], "Тимур Омаров"),  # ... and in the dative
    ([("Елены", "Gen"), ("Лебедевой-Ковальской", "Gen")], "Елена Лебедева-Ковальская"),  # hyphenated
    ([("Ивана", "Gen"), ("Петровского", "Gen")], "Иван Петровский"),
    ([("Ерболу", "Dat"), ("Сейтжанулы", "Dat")], "Ербол Сейтжанулы"),  # a Kazakh -улы name does not decline
    ([("Марины", "Gen"), ("Шевчук", "Gen")], "Марина Шевчук"),  # a woman's -ук surname does not decline
    ([("Марине", "Dat"), ("Омаровой", "Dat")], "Марина Омарова"),  # "Марине" could be a man's: -ой is a woman's
    ([("Марату", "Dat"), ("Омаровым", "Ins")], "Марат Омаров"),  # near miss: -ым is a man's
    ([("Омарова", "Gen"), ("Тимура", "Gen"), ("Сергеевича", "Gen")], "Омаров Тимур Сергеевич"),  # surname first
    ([("Тимура", "Gen"), ("Сергеевича", "Gen"), ("Омарова", "Gen")], "Тимур Сергеевич Омаров"),  # near miss
    ([("Тимура", "Gen"), ("Беззубого", "Gen")], "Тимур Беззубый"),  # a surname declined as an adjective
    ([("Динаре", "Dat"), ("Беззубой", "Dat")], "Динара Беззубая"),  # ... a woman's
    ([("Динары", "Gen"), ("Седых", "Gen")], "Динара Седых"),  # near miss: a plural-form surname never declines
    ([("Тимура", "Gen"), ("Ким", "Gen")], "Тимур Ким"),  # near miss: no plural reading of a one-syllable surname
    ([("Карин", "Nom"), ("Омарова", "Nom")], "Карин Омарова"),  # a woman's given name that ends like a surname
    ([("Карин", "Nom"), ("Омаров", "Nom")], "Карин Омаров"),  # near miss: as written
    ([("Ерлана", "Gen"), ("Дана", "Gen")], "Ерлан Дан"),  # a man's surname the dictionary knows as a woman's name
    ([("Айгерим", "Nom"), ("Дана", "Nom")], "Айгерим Дана"),  # near miss: in the nominative, as written
    ([("Дмитрия", "Acc"), ("Корюгу", "Acc")], "Дмитрий Корюга"),  # a man's surname in -а declines like a noun
    ([("Дмитрию", "Dat"), ("Корюге", "Dat")], "Дмитрий Корюга"),
    ([("Ивану", "Dat"), ("Сидоренко", "Dat")], "Иван Сидоренко"),  # near miss: -енко never declines
    ([("Олегу", "Dat"), ("Журавлю", "Dat")], "Олег Журавль"),  # -ю after a consonant is a soft sign's
    ([("Анне", "Dat"), ("Омаровой", "Dat")], "Анна Омарова"),  # a declined name before a foreign indeclinable one
    ([("Анне", "Nom"), ("Омарова", "Nom")], "Анне Омарова"),  # near miss: in the nominative, the foreign name
    ([("Тамуной", "Ins")], "Тамуна"),  # near miss: a name the dictionary only guesses at is no adjective ("Тамуная")
])
def test_names_go_back_to_the_nominative_in_their_gender(tokens, nominative):
    assert person_nominative(tokens) == nominative


def test_a_name_already_in_the_nominative_stays_as_written():
    assert person_nominative([("Айгерим", "Nom"), ("Омарова", "Nom")]) == "Айгерим Омарова"  # near miss


def test_a_given_name_with_the_instrumental_ending_outweighs_a_mistagged_case():
    # in a list of names the tagger may say nominative; "Тимуром" can only be instrumental
    assert person_nominative([("Тимуром", "Nom"), ("Омаровым", "Nom")]) == "Тимур Омаров"
    assert person_nominative([("Сергеем", "Nom"), ("Омаровым", "Nom")]) == "Сергей Омаров"
    assert person_nominative([("Артём", "Nom"), ("Омаров", "Nom")]) == "Артём Омаров"  # near miss: -ём


def test_an_undeclined_given_name_before_a_feminine_surname_is_a_woman():
    # a given name the dictionary knows as a man's, left undeclined: she is a woman
    assert person_nominative([("Бахытжан", "Acc"), ("Торегожину", "Acc")]) == "Бахытжан Торегожина"
    assert person_nominative([("Бахытжан", "Nom"), ("Торегожина", "Nom")]) == "Бахытжан Торегожина"
    # near miss: declined with the surname, he is a man
    assert person_nominative([("Бахытжана", "Gen"), ("Торегожина", "Gen")]) == "Бахытжан Торегожин"


def test_an_unknown_given_name_declines_by_its_gender_and_case():
    # "Жайнагуль" is no dictionary name: its -у in the accusative of a woman's name is an -а
    assert person_nominative([("Жайнагулю", "Acc"), ("Омарову", "Acc")]) == "Жайнагуля Омарова"
    assert person_nominative([("Жайнагуль", None), ("Омарова", None)]) == "Жайнагуль Омарова"  # no case: as written


def test_the_surname_form_and_case_tell_the_gender():
    assert surname_gender("Омаровой") == "f"
    assert surname_gender("Омаровым") == "m"
    assert surname_gender("Омарова", "Nom") == "f"
    assert surname_gender("Омарова", "Gen") == "m"
    assert surname_gender("Омарова") is None  # near miss: no case, no telling
    assert surname_nominative("Омарова", None, "Gen") == "Омаров"
    assert surname_nominative("Омарова", None, "Nom") == "Омарова"


@pytest.mark.parametrize(("a", "b"), [
    ("Жанболат Еркинов", "Zhanbolat Yerkinov"),
    ("Жанболат Еркинов", "Dzhanbolat Erkinov"),
    ("Динара Омарова", "Dinara Omarova"),
    ("Нурлан Сейткалиев", "Nurlan Seitkaliyev"),
])
def test_cyrillic_and_latin_spellings_of_one_person_match(a, b):
    assert persons_compatible(person_key(a), person_key(b))


@pytest.mark.parametrize(("a", "b"), [
    ("Жанболат Еркинов", "Гульнара Еркинова"),  # his wife: same surname, other sex
    ("Тимур Омаров", "Dinara Omarova"),
    ("Жанболат Еркинов", "Zhanbolat Yerlanov"),  # another surname
    ("Тимур Омаров", "Timur Umarov"),
])
def test_different_people_across_scripts_stay_apart(a, b):
    assert not persons_compatible(person_key(a), person_key(b))


def test_a_past_verb_after_the_name_tells_its_case_and_gender():
    # "Олеся Ковалёва заявила": the tagger read the surname as a man's genitive; the verb is hers
    tokens = [("Олеся", "Nom"), ("Ковалёва", "Gen")]
    assert person_nominative(tokens, verb_gender="f") == "Олеся Ковалёва"
    assert person_nominative(tokens) == "Олесь Ковалёв"  # near miss: no verb, the genitive of "Олесь"
    # near miss: "адвокат Ивана Ковалёва заявила": "Ивана" is no woman's name, the verb is the lawyer's
    assert person_nominative([("Ивана", "Nom"), ("Ковалёва", "Gen")], verb_gender="f") == "Иван Ковалёв"

