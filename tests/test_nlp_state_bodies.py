"""The table of national state bodies: one key per country and kind, across names and acronyms."""
from __future__ import annotations

import pytest

from casefile.nlp.state_bodies import body_key, is_state_body_acronym, parse_state_bodies, split_country
from casefile.resolve.countries import document_countries
from casefile.resolve.clusters import ClusterInfo


@pytest.mark.parametrize(("a", "a_country", "b", "b_country"), [
    ("KNB", None, "National Security Committee", "kz"),
    ("MVD", "kg", "Ministry of Internal Affairs of the Kyrgyz Republic", None),
    ("Interior Ministry", "uz", "Uzbekistan's Ministry of the Interior", None),
    ("FSB", "kz", "Federal Security Service", None),  # one country's acronym needs no context
    ("Supreme Court", "kz", "Supreme Court of the Republic of Kazakhstan", None),
    ("Office of the Prosecutor General", "tj", "GP", "tj"),
    ("МВД Республики Беларусь", None, "Interior Ministry of Belarus", None),  # Cyrillic acronym, oblique case
    ("ГКНБ Кыргызстана", None, "GKNB", "kg"),
    ("МВД", "az", "Interior Ministry", "az"),  # an acronym several countries share, in another one's text
])
def test_names_and_acronyms_of_one_body_share_a_key(a, a_country, b, b_country):
    assert body_key(a, a_country) is not None
    assert body_key(a, a_country) == body_key(b, b_country)


@pytest.mark.parametrize(("name", "country"), [
    ("MVD", None),  # every country has one: without a context it is none in particular
    ("Interior Ministry", None),
    ("GKNB", None),  # two countries' acronym
    ("KNB", "kg"),  # the document's country calls its own committee so, with a prefix
    ("Steppe Watch", "kz"),  # not a state body
    ("Tolqyn City Court", "kz"),  # a local body, not a national one
    ("МВД", None),  # in Cyrillic as in Latin
])
def test_no_key_without_a_consistent_country(name, country):
    assert body_key(name, country) is None


def test_the_same_kind_in_two_countries_has_two_keys():
    assert body_key("Interior Ministry", "kg") != body_key("Interior Ministry", "tj")


def test_a_named_country_is_split_off_the_name():
    assert split_country("Supreme Court of the Republic of Kazakhstan") == ("Supreme Court", "kz")
    assert split_country("Kyrgyzstan's Interior Ministry") == ("Interior Ministry", "kg")
    assert split_country("Steppe Watch") == ("Steppe Watch", None)


def test_the_table_parses_generic_and_country_lines():
    table = parse_state_bodies("* tax: Tax Committee; TC\nQQ tax: QTX; Salyq Kenes  # a comment\n")
    assert table.acronyms["QTX"] == {("qq", "tax")}
    assert table.generic_acronyms["TC"] == "tax"
    assert list(table.names.values()) == [{("qq", "tax")}]  # a local name
    assert is_state_body_acronym("K.N.B.")
    assert not is_state_body_acronym("QTX")  # only the packaged table counts


def test_a_documents_country_is_the_one_its_places_point_to_most():
    def place(doc: str, name: str, n: int) -> ClusterInfo:
        return ClusterInfo(f"{doc}:{name}", doc, "location", name, {name: n})
    countries = document_countries([place("d1", "Bishkek", 3), place("d1", "Russia", 1),
                                    place("d2", "Shymkent", 1), place("d3", "Minsk", 1), place("d3", "Astana", 1)])
    assert countries == {"d1": "kg", "d2": "kz"}  # d3: a tie says nothing



def test_places_in_cyrillic_cases_and_inside_bodies_names_point_to_a_country():
    def cluster(doc: str, type_: str, name: str) -> ClusterInfo:
        return ClusterInfo(f"{doc}:{name}", doc, type_, name, {name: 1})
    countries = document_countries([cluster("d1", "location", "Минске"),
                                    cluster("d2", "organization", "СИЗО-1 города Бишкека"),
                                    cluster("d3", "organization", "Омарова и партнёры")])  # near miss: no place
    assert countries == {"d1": "by", "d2": "kg"}
