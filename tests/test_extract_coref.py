"""Within-document coreference: cluster_mentions on hand-built spans, and display_name."""
from __future__ import annotations

import re

import pytest

from casefile.extract.coref import cluster_mentions, display_name
from casefile.extract.spans import Cand


def cand(doc: str, surface: str, label: str = "person", nth: int = 0, origin: str = "model") -> Cand:
    start = -1
    for _ in range(nth + 1):
        start = doc.index(surface, start + 1)
    return Cand(start, start + len(surface), label, origin)


def sentences(doc: str) -> list[tuple[int, int]]:
    """Sentence spans split after a full stop that follows a lowercase letter (not after an initial)."""
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[a-z]\.)\s+", doc)]
    ends = [s - 1 for s in starts[1:]] + [len(doc)]
    return list(zip(starts, ends))


def clusters(doc, cands, acronyms=None, nicknames=None):
    entities = cluster_mentions(doc, cands, acronyms or {}, sentences(doc), nicknames)
    return {e.name: [m.text for m in e.mentions] for e in entities}, entities


def test_full_name_surname_initial_and_role_forms_join():
    doc = "Gulnara Temirova was detained. Temirova denied it. G. Temirova appealed. Police called activist Temirova a liar."
    got, entities = clusters(doc, [cand(doc, "Gulnara Temirova"), cand(doc, "Temirova", nth=1),
                                   cand(doc, "G. Temirova"), cand(doc, "activist Temirova")])
    assert got == {"Gulnara Temirova": ["Gulnara Temirova", "Temirova", "G. Temirova", "activist Temirova"]}
    assert [m.sentence for m in entities[0].mentions] == [0, 1, 2, 3]
    assert {m.cluster for m in entities[0].mentions} == {0}


def test_conflicting_initial_does_not_join():
    doc = "Gulnara Temirova was detained. K. Temirova appealed."
    got, _ = clusters(doc, [cand(doc, "Gulnara Temirova"), cand(doc, "K. Temirova")])
    assert got == {"Gulnara Temirova": ["Gulnara Temirova"], "K. Temirova": ["K. Temirova"]}


@pytest.mark.parametrize(
    ("doc", "spans", "expected"),
    [
        # the bare surname goes to the nearest preceding full name of the two
        ("Yerlan Abenov and his son Daniyar Abenov were detained. Police beat Daniyar Abenov. Later Abenov was freed.",
         [("Yerlan Abenov", 0), ("Daniyar Abenov", 0), ("Daniyar Abenov", 1), ("Abenov", 3)],
         {"Yerlan Abenov": ["Yerlan Abenov"], "Daniyar Abenov": ["Daniyar Abenov", "Daniyar Abenov", "Abenov"]}),
        # both last named in one earlier sentence: the one it names first, its topic
        ("Daniyar Abenov and his father Yerlan Abenov were detained. Later Abenov was freed.",
         [("Daniyar Abenov", 0), ("Yerlan Abenov", 0), ("Abenov", 2)],
         {"Daniyar Abenov": ["Daniyar Abenov", "Abenov"], "Yerlan Abenov": ["Yerlan Abenov"]}),
        ("Police jailed Timur Aubakov, the nephew of the minister Bolat Aubakov. Aubakov was arrested in May.",
         [("Timur Aubakov", 0), ("Bolat Aubakov", 0), ("Aubakov", 2)],
         {"Timur Aubakov": ["Timur Aubakov", "Aubakov"], "Bolat Aubakov": ["Bolat Aubakov"]}),
        # in the short form's own sentence, the nearest name before it
        ("Daniyar Abenov met his father Yerlan Abenov, and Abenov wept.",
         [("Daniyar Abenov", 0), ("Yerlan Abenov", 0), ("Abenov", 2)],
         {"Daniyar Abenov": ["Daniyar Abenov"], "Yerlan Abenov": ["Yerlan Abenov", "Abenov"]}),
    ],
)
def test_father_and_son_sharing_a_surname(doc, spans, expected):
    got, _ = clusters(doc, [cand(doc, s, nth=n) for s, n in spans])
    assert got == expected


def test_two_people_sharing_a_given_name_stay_apart():
    doc = "Marat Kasymov met Marat Serikov. Later Marat said no."
    got, entities = clusters(doc, [cand(doc, "Marat Kasymov"), cand(doc, "Marat Serikov"), cand(doc, "Marat", nth=2)])
    assert got["Marat Kasymov"] == ["Marat Kasymov"]
    assert got["Marat Serikov"][0] == "Marat Serikov"
    assert len(entities) >= 2


def test_lone_given_name_joins_unique_full_name():
    doc = "Aidana Kasymova was detained. Later Aidana said no."
    got, _ = clusters(doc, [cand(doc, "Aidana Kasymova"), cand(doc, "Aidana", nth=1)])
    assert got == {"Aidana Kasymova": ["Aidana Kasymova", "Aidana"]}


def test_lone_known_given_name_joins_unique_full_name():
    doc = "Marat Kasymov was detained. Later Marat said no."
    got, _ = clusters(doc, [cand(doc, "Marat Kasymov"), cand(doc, "Marat", nth=1)])
    assert got == {"Marat Kasymov": ["Marat Kasymov", "Marat"]}


def test_acronym_defined_in_parentheses_joins_full_name():
    doc = "The Steppe Rights Bureau (SRB) said. SRB added."
    full = cand(doc, "Steppe Rights Bureau", "organization")
    spans = [full, cand(doc, "SRB", "organization"), cand(doc, "SRB", "organization", nth=1)]
    got, _ = clusters(doc, spans, {"SRB": full})
    assert got == {"Steppe Rights Bureau": ["Steppe Rights Bureau", "SRB", "SRB"]}


def test_unrelated_acronym_stays_apart():
    doc = "The Steppe Rights Bureau said. KNB added."
    got, _ = clusters(doc, [cand(doc, "Steppe Rights Bureau", "organization"), cand(doc, "KNB", "organization")])
    assert got == {"Steppe Rights Bureau": ["Steppe Rights Bureau"], "KNB": ["KNB"]}


def test_organisation_with_and_without_article_joins():
    doc = "The Steppe Watch said. Later the Steppe Watch added. Steppe Watch denied."
    spans = [cand(doc, "The Steppe Watch", "organization"), cand(doc, "the Steppe Watch", "organization"),
             cand(doc, "Steppe Watch", "organization", nth=2)]
    got, _ = clusters(doc, spans)
    assert got == {"Steppe Watch": ["The Steppe Watch", "the Steppe Watch", "Steppe Watch"]}


def test_word_order_variants_of_a_body_join_in_one_document():
    doc = "The Akimat of Tolqyn District refused. Later the Tolqyn District Akimat agreed. The Tolqyn Court ruled."
    spans = [cand(doc, "Akimat of Tolqyn District", "organization"), cand(doc, "Tolqyn District Akimat", "organization"),
             cand(doc, "Tolqyn Court", "organization")]
    got, _ = clusters(doc, spans)
    assert got == {"Akimat of Tolqyn District": ["Akimat of Tolqyn District", "Tolqyn District Akimat"],
                   "Tolqyn Court": ["Tolqyn Court"]}


def test_given_name_and_patronymic_join_the_full_name():
    doc = "Arkady Dulatov was jailed. Arkady Semyonovich is ill, his wife wrote. Arkady needs care."
    got, _ = clusters(doc, [cand(doc, "Arkady Dulatov"), cand(doc, "Arkady Semyonovich"), cand(doc, "Arkady", nth=2)])
    assert got == {"Arkady Dulatov": ["Arkady Dulatov", "Arkady Semyonovich", "Arkady"]}


def test_nickname_mentions_join_their_person():
    doc = "Bolat Zhumabekov, known as “Sultan”, was jailed. Sultan denied it. Marat Serikov agreed."
    bolat = cand(doc, "Bolat Zhumabekov")
    spans = [bolat, cand(doc, "Sultan", origin="nickname"), cand(doc, "Sultan", nth=1, origin="nickname"),
             cand(doc, "Marat Serikov")]
    got, _ = clusters(doc, spans, nicknames={"Sultan": bolat})
    # the nickname never becomes the display name
    assert got == {"Bolat Zhumabekov": ["Bolat Zhumabekov", "Sultan", "Sultan"], "Marat Serikov": ["Marat Serikov"]}


def test_places_cluster_by_territory_and_labels_never_mix():
    doc = "Aktau is far. Aktau police came. Abenov met Aktau."
    spans = [cand(doc, "Aktau", "location"), cand(doc, "Aktau", "location", nth=1), cand(doc, "Abenov")]
    _, entities = clusters(doc, spans)
    assert [(e.label, e.name, len(e.mentions)) for e in entities] == [("location", "Aktau", 2), ("person", "Abenov", 1)]


def test_display_name_of_all_caps_surname_in_cluster():
    doc = "Mr. Daulet KASYMOV said. KASYMOV left."
    got, _ = clusters(doc, [cand(doc, "Daulet KASYMOV"), cand(doc, "KASYMOV", nth=1)])
    assert got == {"Daulet Kasymov": ["Daulet KASYMOV", "KASYMOV"]}


def test_display_name_of_short_all_caps_surname_of_person():
    doc = "Mr. Daulet KIM said."
    got, _ = clusters(doc, [cand(doc, "Daulet KIM")])
    assert list(got) == ["Daulet Kim"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Daulet KASYMOV", "Daulet Kasymov"),
        ("the Steppe Watch", "Steppe Watch"),
        ("Anna  Koval", "Anna Koval"),
        ("KASYMOV", "KASYMOV"),  # a lone ALL-CAPS word may be an acronym
        ("OSCE", "OSCE"),
        ("NGO KNB", "NGO KNB"),  # short acronyms keep their caps
        ("Theodor Ivanov", "Theodor Ivanov"),
    ],
)
def test_display_name(raw, expected):
    assert display_name(raw) == expected


@pytest.mark.parametrize(("doc", "expected"), [
    # ages in appositions: "the elder" is the older, "the younger" the younger, whatever the order
    ("Bolat Serikov, 71, and Nurlan Serikov, 40, were searched. The elder Serikov said no.", "Bolat Serikov"),
    ("Bolat Serikov, 71, and Nurlan Serikov, 40, were searched. The younger Serikov said no.", "Nurlan Serikov"),
    # a kinship word before the name: the son is the younger one
    ("Bolat Serikov was searched, and so was his son, Nurlan Serikov. The elder Serikov said no.", "Bolat Serikov"),
    # nothing tells who is older: the rule for any competing short form (here the sentence's first)
    ("Bolat Serikov and Nurlan Serikov were searched. The elder Serikov said no.", "Bolat Serikov"),
])
def test_elder_or_younger_surname_picks_by_age_or_kinship(doc, expected):
    surname = cand(doc, "Serikov", nth=2)
    got, _ = clusters(doc, [cand(doc, "Bolat Serikov"), cand(doc, "Nurlan Serikov"), surname])
    assert "Serikov" in got[expected]



def test_a_body_named_with_and_without_its_country_joins_in_one_document():
    doc = "The Dala Housing Savings Bank of Kazakhstan sued. The Dala Housing Savings Bank won."
    spans = [cand(doc, "Dala Housing Savings Bank of Kazakhstan", "organization"),
             cand(doc, "Dala Housing Savings Bank", "organization", nth=1)]
    got, _ = clusters(doc, spans)
    assert len(got) == 1


@pytest.mark.parametrize(("long", "short"), [("Dembe Okello Sserunjogi", "Dembe Okello"),
                                             ("Sami Abdel Kadiri", "Abdel Kadiri")])
def test_a_two_word_name_is_a_longer_name_shortened(long, short):
    doc = f"{long} was arrested. Later {short} was charged."
    got, _ = clusters(doc, [cand(doc, long), cand(doc, short)])
    assert got == {long: [long, short]}


def test_a_three_word_name_shortened_from_four_and_its_surname_are_one_person():
    doc = ("Lucia Maria Ferrer Quiroga was jailed. Lucia Maria Ferrer said she would appeal. "
           "Ferrer spoke to reporters.")
    got, _ = clusters(doc, [cand(doc, "Lucia Maria Ferrer Quiroga"), cand(doc, "Lucia Maria Ferrer"),
                            cand(doc, "Ferrer", nth=2)])
    assert len(got) == 1
    # near miss: two longer names it could shorten, so it stays apart
    doc = ("Lucia Maria Ferrer Quiroga and Lucia Maria Ferrer Soto were jailed. Lucia Maria Ferrer "
           "said she would appeal.")
    got, _ = clusters(doc, [cand(doc, "Lucia Maria Ferrer Quiroga"), cand(doc, "Lucia Maria Ferrer Soto"),
                            cand(doc, "Lucia Maria Ferrer", nth=2)])
    assert len(got) == 3


def test_a_shortened_name_with_two_longer_candidates_stays_apart():
    doc = "Dembe Okello Sserunjogi and Dembe Okello Mutebi were arrested. Later Dembe Okello was charged."
    got, _ = clusters(doc, [cand(doc, "Dembe Okello Sserunjogi"), cand(doc, "Dembe Okello Mutebi"),
                            cand(doc, "Dembe Okello", nth=2)])
    assert len(got) == 3


def test_first_word_of_a_body_named_in_full_joins_it():
    doc = "Steppe Vigil International condemned the verdict. Steppe Vigil said the trial was unfair."
    got, _ = clusters(doc, [cand(doc, "Steppe Vigil International", "organization"), cand(doc, "Vigil", "organization", nth=1)])
    assert len(got) == 2  # not the first word: apart
    doc = "Vigil International condemned the verdict. Vigil said the trial was unfair."
    got, _ = clusters(doc, [cand(doc, "Vigil International", "organization"), cand(doc, "Vigil", "organization", nth=1)])
    assert got == {"Vigil International": ["Vigil International", "Vigil"]}


def test_first_word_shared_by_two_unrelated_bodies_stays_apart():
    doc = "Vigil International and Vigil Radio reported it. Vigil said the trial was unfair."
    got, _ = clusters(doc, [cand(doc, "Vigil International", "organization"), cand(doc, "Vigil Radio", "organization"),
                            cand(doc, "Vigil", "organization", nth=2)])
    assert len(got) == 3


def test_a_persons_surname_is_no_short_form_of_the_body_named_after_them():
    doc = "Ivan Petrov founded Petrov Media. Petrov said it would go on."
    got, _ = clusters(doc, [cand(doc, "Ivan Petrov"), cand(doc, "Petrov Media", "organization"),
                            cand(doc, "Petrov", "organization", nth=2)])
    assert got["Petrov Media"] == ["Petrov Media"]


def test_last_word_of_a_body_named_in_full_joins_it():
    doc = "The Rights Centre Zoryana filed it. Zoryana said the trial was unfair."
    got, _ = clusters(doc, [cand(doc, "Rights Centre Zoryana", "organization"), cand(doc, "Zoryana", "organization", nth=1)])
    assert got == {"Rights Centre Zoryana": ["Rights Centre Zoryana", "Zoryana"]}
    # near miss: an English word that ends a body's name is no short form of it
    doc = "The Rights Centre Dawn filed it. Dawn said the trial was unfair."
    got, _ = clusters(doc, [cand(doc, "Rights Centre Dawn", "organization"), cand(doc, "Dawn", "organization", nth=1)])
    assert len(got) == 2


def test_a_given_name_and_a_surname_in_ovich_is_referred_to_by_the_surname():
    doc = "Miroslav Dubrovich and Anna Kerel were jailed. Dubrovich was fined. Dubrovich appealed."
    spans = [cand(doc, "Miroslav Dubrovich"), cand(doc, "Anna Kerel"), cand(doc, "Dubrovich", nth=1),
             cand(doc, "Dubrovich", nth=2)]
    got, _ = clusters(doc, spans)
    assert got["Miroslav Dubrovich"] == ["Miroslav Dubrovich", "Dubrovich", "Dubrovich"]
    # near miss: a different bare surname stays apart
    doc = "Miroslav Dubrovich was jailed. Petrovich was fined."
    got, _ = clusters(doc, [cand(doc, "Miroslav Dubrovich"), cand(doc, "Petrovich")])
    assert len(got) == 2


def test_a_surname_that_is_also_a_given_name_joins_the_full_name_it_ends():
    doc = "Kemal Gulnara was detained. Gulnara denied the charge. Gulnara was released."
    got, _ = clusters(doc, [cand(doc, "Kemal Gulnara"), cand(doc, "Gulnara", nth=1), cand(doc, "Gulnara", nth=2)])
    assert got == {"Kemal Gulnara": ["Kemal Gulnara", "Gulnara", "Gulnara"]}
    # near miss: when someone in the text has it as a given name, the lone word is that person
    doc = "Kemal Gulnara and Gulnara Demir were detained. Gulnara denied the charge."
    got, _ = clusters(doc, [cand(doc, "Kemal Gulnara"), cand(doc, "Gulnara Demir"), cand(doc, "Gulnara", nth=2)])
    assert got["Gulnara Demir"] == ["Gulnara Demir", "Gulnara"]


def test_a_bodys_generic_name_joins_the_one_body_it_ends():
    doc = "The Talgar City Court ruled. Later the City Court's decision was appealed."
    got, _ = clusters(doc, [cand(doc, "Talgar City Court", "organization"), cand(doc, "City Court", "organization", nth=1)])
    assert got == {"Talgar City Court": ["Talgar City Court", "City Court"]}
    # near miss: two city courts in the text, the generic name joins neither
    doc = "The Talgar City Court and the Esik City Court ruled. Later the City Court's decision was appealed."
    got, _ = clusters(doc, [cand(doc, "Talgar City Court", "organization"), cand(doc, "Esik City Court", "organization"),
                            cand(doc, "City Court", "organization", nth=2)])
    assert len(got) == 3


def test_a_surname_misspelt_once_joins_the_person_it_names_throughout():
    doc = "Tamila Norvadze was fined. Norvadze appealed. Later Tamila Norwadze said she would go on."
    got, _ = clusters(doc, [cand(doc, "Tamila Norvadze"), cand(doc, "Norvadze", nth=1), cand(doc, "Tamila Norwadze")])
    assert got == {"Tamila Norvadze": ["Tamila Norvadze", "Norvadze", "Tamila Norwadze"]}
    # near miss: one letter apart but of another gender, the wife's husband
    doc = "Tamila Pervanova was fined. Pervanova appealed. Pervanov, her husband, was held."
    got, _ = clusters(doc, [cand(doc, "Tamila Pervanova"), cand(doc, "Pervanova", nth=1), cand(doc, "Pervanov", nth=2)])
    assert len(got) == 2


def test_a_russian_short_form_of_a_given_name_joins_the_one_full_name_it_stands_for():
    doc = "Vsevolod Tarkhanov was jailed. Friends call him Seva. Seva denied the charge."
    got, _ = clusters(doc, [cand(doc, "Vsevolod Tarkhanov"), cand(doc, "Seva"), cand(doc, "Seva", nth=1)])
    assert got == {"Vsevolod Tarkhanov": ["Vsevolod Tarkhanov", "Seva", "Seva"]}
    # near miss: two people with the full name it stands for, so it is neither's
    doc = "Vsevolod Tarkhanov and Vsevolod Orlin were jailed. Seva denied the charge."
    got, _ = clusters(doc, [cand(doc, "Vsevolod Tarkhanov"), cand(doc, "Vsevolod Orlin"), cand(doc, "Seva")])
    assert "Seva" in got
