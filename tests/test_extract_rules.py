"""Rule-based name finders: honorifics, quoted organisation names, acronyms, nicknames."""
from __future__ import annotations

import pytest

from casefile.extract.rules import (
    apposed_names,
    staff_quoted_bodies,
    signatory_organisations,
    domain_names,
    generic_body_mentions,
    list_row_names,
    town_mentions,
    trade_led_names,
    morphology_names,
    dateline_places,
    headed_org_names,
    acronym_definitions,
    acronym_mentions,
    adjectival_bodies,
    honorific_names,
    kind_led_org_names,
    kind_trailed_org_names,
    nickname_definitions,
    nickname_mentions,
    quoted_org_names,
    role_led_org_names,
)
from casefile.extract.spans import Cand


def cand(doc: str, surface: str, label: str = "person", origin: str = "model") -> Cand:
    start = doc.index(surface)
    return Cand(start, start + len(surface), label, origin)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Ms. Anna KOVAL, Ukraine, said", ["Anna KOVAL"]),
        ("Mr Daulet Kasymov Minister said", ["Daulet Kasymov"]),  # trailing role word removed
        ("Dr. Petra Novak Chairman of the board", ["Petra Novak"]),
        ("Mrs. O. Bekova spoke", ["O. Bekova"]),
        ("Prof. Yerlan Abenov-Sultanov spoke", ["Yerlan Abenov-Sultanov"]),
        ("Mr. Daulet KASYMOV and Ms. Anna KOVAL", ["Daulet KASYMOV", "Anna KOVAL"]),
        # near misses: no capitalised name, lowercase, or only a role word after the honorific
        ("Mr. said nothing", []),
        ("mr daulet spoke", []),
        ("Mr. Minister said", []),
    ],
)
def test_honorific_names(doc, expected):
    found = list(honorific_names(doc))
    assert [c.text(doc) for c in found] == expected
    assert all(c.label == "person" and c.origin == "honorific" for c in found)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("the NGO “Bright Steppe” said", ["Bright Steppe"]),
        ("the Charitable Foundation “Free Voice of Aral” said", ["Free Voice of Aral"]),
        ('LLP "Kokzhal Trade" sued', ["Kokzhal Trade"]),
        ("the NGO «Dala Community» said", ["Dala Community"]),
        ("LLC “Association “Steppe Beekeepers Union”” said", ["Steppe Beekeepers Union"]),  # innermost name
        ("JSC “Aral Munai” and the NGO “Dala” said", ["Aral Munai", "Dala"]),
        # near misses: no legal form, lowercase content, quote not closed on the line
        ("he said “Bright Steppe” was closed", []),
        ("the NGO “bright steppe” said", []),
        ("the NGO “Bright\nSteppe” said", []),
    ],
)
def test_quoted_org_names(doc, expected):
    found = list(quoted_org_names(doc))
    assert [c.text(doc) for c in found] == expected
    assert all(c.label == "organization" and c.origin == "legal_form" for c in found)


@pytest.mark.parametrize(
    ("doc", "full", "expected"),
    [
        ("the Press Freedom Committee (PFC) said", "Press Freedom Committee", {"PFC": "Press Freedom Committee"}),
        ("the Committee for Press Freedom (CPF) said", "Committee for Press Freedom", {"CPF": "Committee for Press Freedom"}),
        ("the Press Freedom Committee (P.F.C.) said", "Press Freedom Committee", {"PFC": "Press Freedom Committee"}),
        ("the Press Freedom Committee (PFC, founded 2001) said", "Press Freedom Committee",
         {"PFC": "Press Freedom Committee"}),
        # near misses: initials do not match, or the name is not right before the parenthesis
        ("the Press Freedom Committee (XYZ) said", "Press Freedom Committee", {}),
        ("the Press Freedom Committee, a watchdog (PFC) said", "Press Freedom Committee", {}),
        # an acronym of the name in its own language: one letter a word, first and last agreeing
        ("the Democratic Way of Zarkania (DPZ) movement", "Democratic Way of Zarkania",
         {"DPZ": "Democratic Way of Zarkania"}),
        ("the Democratic Way of Zarkania (DPA) movement", "Democratic Way of Zarkania", {}),
        # ... or any such acronym of three letters or more, one a word, when the text uses it again
        # (the first letters may differ: the words of a translated name change order)
        ("Journalists Without Chains (JSL) wrote. JSL added", "Journalists Without Chains",
         {"JSL": "Journalists Without Chains"}),
        ("Journalists Without Chains (ASL) wrote. ASL added", "Journalists Without Chains",
         {"ASL": "Journalists Without Chains"}),
        ("Journalists Without Chains (AS) wrote. AS added", "Journalists Without Chains", {}),  # near miss
        # ... or, once, after a name of three words or more that ends in a body's word
        ("the Steppe Farmers’ Party (KTP) said", "Steppe Farmers’ Party", {"KTP": "Steppe Farmers’ Party"}),
        ("the Farmers’ Party (KTP) said", "Farmers’ Party", {}),  # near miss: a two-word name
        # another name of the body, "also known as"
        ("the group “Dala” (also known as Open Steppe Initiative) said", "Dala", {"Open Steppe Initiative": "Dala"}),
        ("the group Dala (known for its Steppe Reports) said", "Dala", {}),  # near miss: not a name it is known as
        # a one-word short name in brackets that is no word, place or given name
        ("the Union of Steppe Reporters (Stepnews) said", "Union of Steppe Reporters",
         {"Stepnews": "Union of Steppe Reporters"}),
        ("the Union of Steppe Reporters (Kazakhstan) said", "Union of Steppe Reporters", {}),
        ("the Union of Steppe Reporters (Statement) said", "Union of Steppe Reporters", {}),
    ],
)
def test_acronym_definitions(doc, full, expected):
    found = acronym_definitions(doc, [cand(doc, full, "organization")])
    assert {acr: c.text(doc) for acr, c in found.items()} == expected


def test_acronym_mentions_needs_article_or_repetition():
    doc = "The CPF said the arrest was unlawful. Officials met a KNP delegate."
    found = [c.text(doc) for c in acronym_mentions(doc, [])]
    assert found == ["CPF"]  # "the CPF" counts, a one-off "KNP" does not
    doc = "CPF said no. CPF said yes."
    assert [c.text(doc) for c in acronym_mentions(doc, [])] == ["CPF", "CPF"]
    # an acronym already covered by a span is not added again
    second = doc.index("CPF", 1)
    assert acronym_mentions(doc, [Cand(0, 3, "organization")]) == [Cand(second, second + 3, "organization", "acronym")]
    # "the" with a country's adjective between counts too; another capitalised word does not
    doc = "He was held by the Moldovan SVR."
    assert [c.text(doc) for c in acronym_mentions(doc, [])] == ["SVR"]
    assert acronym_mentions("He was held by the Bright SVR.", []) == []


@pytest.mark.parametrize(
    ("doc", "nick"),
    [
        ("Bolat Zhumabekov, known as “Sultan”, was jailed.", "Sultan"),
        ("Bolat Zhumabekov (“Sultan”) was jailed.", "Sultan"),
        ("Bolat Zhumabekov, nicknamed 'Sultan', was jailed.", "Sultan"),
        ('Bolat Zhumabekov, also known as "Big Sultan", was jailed.', "Big Sultan"),
        ("Bolat Zhumabekov alias Sultan was jailed.", "Sultan"),  # no quotation marks after "alias"
        ("Bolat Zhumabekov, aka Big Sultan, was jailed.", "Big Sultan"),
        ("Bolat Zhumabekov (Serikuly) was jailed.", "Serikuly"),  # a second surname in brackets
    ],
)
def test_nickname_definitions(doc, nick):
    person = cand(doc, "Bolat Zhumabekov")
    found = nickname_definitions(doc, [person])
    assert list(found) == [nick]
    assert found[nick] is person


@pytest.mark.parametrize(
    "doc",
    [
        "Bolat Zhumabekov “Said nothing” to us.",  # a bare quote after a name is speech, not a nickname
        "Bolat Zhumabekov alias was the word he used.",  # no capitalised name after it
        "Bolat Zhumabekov: “Nothing happened,” he said.",
        "Bolat Zhumabekov, “Sultan” was",
        "Bolat Zhumabekov (Sultan) was jailed.",  # no quotes, and a word
        "Bolat Zhumabekov (Karaganda) was jailed.",  # a town in brackets
        "Bolat Zhumabekov (Kazakh) was jailed.",  # a nationality
        "Bolat Zhumabekov, known as “sultan”, was jailed.",  # not a name
    ],
)
def test_nickname_definitions_near_misses(doc):
    assert nickname_definitions(doc, [cand(doc, "Bolat Zhumabekov")]) == {}


def test_nickname_mentions_finds_every_whole_word_occurrence():
    doc = "Bolat Zhumabekov, known as “Sultan”, was jailed. Sultan denied it. Sultanov did not."
    nicks = nickname_definitions(doc, [cand(doc, "Bolat Zhumabekov")])
    mentions = nickname_mentions(doc, nicks)
    assert [m.text(doc) for m in mentions] == ["Sultan", "Sultan"]
    assert all(m.label == "person" and m.origin == "nickname" for m in mentions)
    assert all(doc[m.end].isalpha() is False for m in mentions)  # "Sultanov" is not a mention


@pytest.mark.parametrize(("doc", "expected"), [
    ("The Turan District Court of Aktau on Monday fined him.", ["Turan District Court of Aktau"]),
    ("the Steppe Bureau for Civil Liberties and Rule of Law (SBCL) said", ["Steppe Bureau for Civil Liberties and Rule of Law"]),
    ("He wrote to the Ministry of Water Resources of Kyrgyzstan and the Tulpar Security Committee.",
     ["Ministry of Water Resources of Kyrgyzstan", "Tulpar Security Committee"]),
    ("the Chief Inspector of the Bureau of Statistics said", []),  # a title and a generic body
    ("the Steppe Bureau for Civil Liberties and the Rule of Law said",  # "and the" inside one name
     ["Steppe Bureau for Civil Liberties and the Rule of Law"]),
    ("said the Steppe Rights Watch's researcher", ["Steppe Rights Watch"]),  # no possessive in the name
    ("the Supreme Court ruled", []),  # two generic words: left to the model
    ("a founder of the Qyzylsu-Agro Company spoke", ["Qyzylsu-Agro Company"]),  # a coined word and its head
    ("the Kazakh Bank said", []),  # a demonym is not a coined word
    ("the Press Committee of the Steppe Prosecutor's Office", []),  # two bodies, neither named enough alone
    ("an Open Letter To The Salt Lake Council", []),  # a title in Title Case
    ("as does the Ardanian Prize-winning NGO Aurora.", ["Aurora"]),  # a kind acronym, then the body's name
    ("as does the Almaty Legal Aid NGO.", ["Almaty Legal Aid NGO"]),  # near miss: the kind ends the name
])
def test_headed_org_names(doc, expected):
    assert [doc[c.start:c.end] for c in headed_org_names(doc)] == expected


def test_headed_org_names_skip_headings():
    doc = "Turan District Court Of Aktau Fines Blogger\nThe court said."
    assert list(headed_org_names(doc, [(0, doc.index("\n"))])) == []


def test_headed_org_names_stay_on_one_line():
    doc = "Rivers Run Dry Across The Delta\n\nThe Steppe Ministry of Water said"
    assert [doc[c.start:c.end] for c in headed_org_names(doc)] == ["Steppe Ministry of Water"]


@pytest.mark.parametrize(("doc", "expected"), [
    ("News\nTARAZ, 4 March 2024 – The court ruled.", ["TARAZ"]),
    ("News\nUST-KAMENOGORSK, March 4 (Reuters) - It rained.", ["UST-KAMENOGORSK"]),
    ("News\nStrasbourg, 5 October 2023\nThe rapporteurs said.", ["Strasbourg"]),
    ("News\nSAN ESTEBAN (AP) -- Police detained him.", ["SAN ESTEBAN"]),  # a wire agency's dateline
    ("News\nMarat Tolen (AP) -- spoke.", []),  # a person's name before a credit
    ("News\nMarat, May 5 was the day.", []),  # a given name, not a place
    ("News\nNOTE, the court ruled in 2024.", []),  # no date after the comma
    ("The court said TARAZ, 4 March 2024 was busy.", []),  # not at the start of a line
])
def test_dateline_places(doc, expected):
    assert [doc[c.start:c.end] for c in dateline_places(doc)] == expected


@pytest.mark.parametrize(("doc", "expected"), [
    ("2. Askhat Temirbayev was found guilty.", ["Askhat Temirbayev"]),
    ("Police searched Askhat Temirbayev's flat.", ["Askhat Temirbayev"]),  # a possessive
    ("Later Dmitriy Vasilyevich Orlov resigned.", ["Dmitriy Vasilyevich Orlov"]),
    ("The Marat Ospanov Foundation said.", ["Marat Ospanov"]),  # the person inside an organisation's name
    ("Blogger Aset Nurlanov was held.", ["Aset Nurlanov"]),  # an unknown given name: no other reading
    ("The Soviet Ivanov era ended.", []),  # an English word first
    ("In Shymkent Ivanov spoke.", []),  # a town first
    ("The Abay Prospekt was closed.", []),  # no surname ending
    ("Aidana Balkhash went there.", []),  # a place name has no surname ending
])
def test_morphology_names(doc, expected):
    assert [doc[c.start:c.end] for c in morphology_names(doc)] == expected


@pytest.mark.parametrize(("doc", "expected"), [
    ("Police in Taraz detained him.", ["Taraz"]),
    ("He moved from the city of Zhezkazgan last year.", ["Zhezkazgan"]),
    ("Police in Marat detained him.", []),  # a given name first
    ("He works in Freedom Square.", []),  # not a town, and the next word is capitalised
    ("Activists in Taraz Oblast met.", []),  # part of a longer name: left to the model
])
def test_town_mentions(doc, expected):
    assert [doc[c.start:c.end] for c in town_mentions(doc)] == expected


def test_list_row_names():
    doc = ("Signed by:\nMrs Ingrid LUND, Denmark, GPA/L\nDr Tomas ORTEGA, Portugal, RDC\n"
           "Ms Helen PARK, Lisbon, NLF\nThe meeting, Monday, ended\n")
    got = [(doc[c.start:c.end], c.label) for c in list_row_names(doc)]
    # a row whose middle field is not a country, and a sentence with commas, give nothing
    assert got == [("Denmark", "location"), ("GPA/L", "organization"),
                   ("Portugal", "location"), ("RDC", "organization")]


def test_nickname_known_among_a_group():
    doc = 'N. Temirbekov, known among his followers as "Batyr", was fined. Batyr paid.'
    person = cand(doc, "N. Temirbekov")
    found = nickname_definitions(doc, [person])
    assert list(found) == ["Batyr"] and found["Batyr"] == person


@pytest.mark.parametrize(("doc", "expected"), [
    ("In an interview with the portal Orda.kz he spoke.", ["Orda.kz"]),
    ("Vlast.kz and Kloop.kg reported it.", ["Vlast.kz", "Kloop.kg"]),
    ("Write to info@Orda.kz or see https://Orda.kz/news.", []),  # an address, not a name in running text
])
def test_domain_names(doc, expected):
    assert [doc[c.start:c.end] for c in domain_names(doc)] == expected


@pytest.mark.parametrize(("doc", "expected"), [
    ('She edits the weekly "Night Ferry - Taraz" with two friends.', ["Night Ferry - Taraz"]),
    ("The portal «Sary Arqa Today» covered it.", ["Sary Arqa Today"]),
    ('Her film "The Orchard of Salt" was banned.', []),  # a title, not a body
])
def test_quoted_names_after_a_kind_of_body(doc, expected):
    assert [doc[c.start:c.end] for c in quoted_org_names(doc)] == expected


def test_signatory_organisations():
    doc = ("We, the undersigned organisations, call for his release.\n\nSigned:\nArticle 19\nFreedom Watch Steppe\n"
           "Reporters Without Frontiers (RWF)\nMarat Abenov\n\nThe statement was sent on Monday.")
    assert [doc[c.start:c.end] for c in signatory_organisations(doc)] == [
        "Freedom Watch Steppe", "Reporters Without Frontiers"]  # not a provision, not a person, not prose


def test_signatory_rows_need_a_statement_by_organisations():
    doc = "The letter was signed by:\nFreedom Watch Steppe\nMarat Abenov\n"
    assert list(signatory_organisations(doc)) == []


@pytest.mark.parametrize(("doc", "expected"), [
    ("Engineers Without Limits condemned the ruling.", ["Engineers Without Limits"]),
    ("a statement by Lawyers for Civic Freedom on Monday", ["Lawyers for Civic Freedom"]),
    ("Teachers Against Censorship’s coordinator said", ["Teachers Against Censorship"]),
    ("Doctors Without Limits Director Mirela Vorn said", ["Doctors Without Limits"]),  # the title is not the name's
    ("Reporters in Vientiane said the court was closed.", []),  # a place after "in"
    ("Lawyers for the defendant appealed.", []),  # no capitalised phrase
    ("Lawyers for Anna Vorn appealed.", []),  # a person's lawyers
    ("Seasons Without Rain is a novel.", []),  # no role word
])
def test_role_led_org_names(doc, expected):
    assert [doc[c.start:c.end] for c in role_led_org_names(doc)] == expected


@pytest.mark.parametrize(("doc", "expected"), [
    ("a member of the Green Dawn party, was", ["Green Dawn"]),
    ("leaders of their Free Steppe alliance met", ["Free Steppe"]),
    ("the banned Union for Steppe Rights coalition said", ["Union for Steppe Rights"]),
    ("a supporter of the #SteppeToo movement said", []),  # near miss: a cause's movement, no party
    ("Anna Vorn's party won", []),  # near miss: a person's party
    ("the Kazakh party congress", []),  # near miss: a people's adjective, no name
    ("Members of Parliament voted", []),  # near miss: no kind of group after the name
])
def test_kind_trailed_org_names(doc, expected):
    assert [doc[c.start:c.end] for c in kind_trailed_org_names(doc)] == expected


@pytest.mark.parametrize(("doc", "expected"), [
    ("the head of the news channel Vorta 12, a critic", ["Vorta 12"]),
    ("posted on its sister project Orsa Orsa Belen about the case", ["Orsa Orsa Belen"]),
    ("a member of the banned opposition party Union 7, which", ["Union 7"]),
    ("the party Anna Vorn founded", []),  # a person's name: the founder, no body
    ("the party Congress met", []),  # a common word and no number: a description
    ("the channel Kazakhstan 24 Hours", []),  # a country's name inside: left to the model
    ("the portal Vorta Tolqyn Media Group Holding", []),  # too long to be sure where it ends
])
def test_kind_led_org_names(doc, expected):
    assert [doc[c.start:c.end] for c in kind_led_org_names(doc)] == expected


@pytest.mark.parametrize(("doc", "expected"), [
    ("the Vortansky district court ruled", ["Vortansky district court"]),
    ("he was moved to Dalannyi prison last week", ["Dalannyi prison"]),
    ("Vortanskaya colony officials denied it", ["Vortanskaya colony"]),
    ("Vortansky said the court erred", []),  # near miss: no body right after the name
    ("the Vortansky film festival", []),  # near miss: a festival is no public body
    ("the Vortanov court ruled", []),  # near miss: a surname ending, not an adjective
])
def test_adjectival_bodies(doc, expected):
    assert [doc[c.start:c.end] for c in adjectival_bodies(doc)] == expected


def test_a_defined_acronym_is_a_mention_of_its_body_even_used_once(spacy_backend):
    from casefile.extract import extract_document

    text = "The Centre for Steppe Initiatives (CSI) condemned the arrest."
    ex = extract_document(text, next(spacy_backend.analyse([text])))
    [body] = [e for e in ex.entities if e.label == "organization"]
    assert [text[m.start:m.end] for m in body.mentions] == ["Centre for Steppe Initiatives", "CSI"]


def test_a_body_may_be_defined_by_an_acronym_of_its_name_in_another_language():
    doc = "The Ruritanian Workers' Party (PRW) called a strike."  # the letters in another order
    full = Cand(doc.index("Ruritanian"), doc.index(" (PRW"), "organization", "model")
    assert acronym_definitions(doc, [full]) == {"PRW": full}
    person = Cand(0, len("Sami Roth"), "person", "model")
    assert acronym_definitions("Sami Roth (AFP) reported it.", [person]) == {}  # a person's credit line
    # letters of the name in its own language, one a word, that the text goes on to use
    doc = "The Steppe Farmers' Union (KDB) was banned. KDB leaders protested."
    full = Cand(doc.index("Steppe"), doc.index(" (KDB"), "organization", "model")
    assert acronym_definitions(doc, [full]) == {"KDB": full}
    doc = "The Steppe Farmers' Union (KDB) was banned."  # near miss: used once, it may be a credit
    assert acronym_definitions(doc, [Cand(doc.index("Steppe"), doc.index(" (KDB"), "organization", "model")]) == {}


def test_a_quoted_name_after_a_kind_of_body_is_the_body(spacy_backend):
    from casefile.extract import extract_document

    text = "Sami Tamm heads the Human Rights Center “Zelvor” in Dalagorsk."
    ex = extract_document(text, next(spacy_backend.analyse([text])))
    assert [e.name for e in ex.entities if e.label == "organization"] == ["Zelvor"]  # the kind is no name


def test_a_quoted_name_people_work_for_is_a_body():
    doc = "Dina Kasym, an editor at 'Steppe Echo', and the “Night Wire” reporters were detained."
    found = [doc[c.start:c.end] for c in staff_quoted_bodies(doc)]
    assert found == ["Steppe Echo", "Night Wire"]


def test_a_quoted_title_is_no_body():
    doc = "She played in the film 'Silent Steppe' and read “Night Wire” twice; the “Night Wire” author spoke."
    assert list(staff_quoted_bodies(doc)) == []


def test_a_quoted_name_before_a_capitalised_kind_of_body_is_a_body():
    doc = 'He joined the "Bright Steppe" Party, then read the "Bright Steppe" novel.'
    assert [doc[c.start:c.end] for c in staff_quoted_bodies(doc)] == ["Bright Steppe"]


def test_a_quoted_name_after_plural_roles_or_before_a_member_is_a_body():
    doc = 'said Ivo Tamm, one of the leaders of "Bright Steppe," on Monday; a ‘Free Delta’ member ran after him.'
    assert [doc[c.start:c.end] for c in staff_quoted_bodies(doc)] == ["Bright Steppe", "Free Delta"]
    # near miss: a quoted title before a singular role word is a work ("the “Night Wire” author")
    doc = 'one of the readers of "Bright Steppe," said the ‘Free Delta’ director.'
    assert list(staff_quoted_bodies(doc)) == []


def test_a_trade_opening_a_sentence_before_a_given_name_and_surname():
    doc = "Blogger Arman Tleuov was fined. Journalist Upper Valley Press said so. Lawyer Brightwater Bay agreed."
    assert [c.text(doc) for c in trade_led_names(doc)] == ["Arman Tleuov"]  # near misses: no given name


def test_generic_body_names_after_the_that_end_one_full_name():
    doc = "The Talgar City Court ruled. Earlier the District Court of Talgar heard it; the City Court agreed."
    bodies = [cand(doc, "Talgar City Court", "organization"), cand(doc, "District Court of Talgar", "organization")]
    assert [c.text(doc) for c in generic_body_mentions(doc, bodies)] == ["City Court"]  # the full names are taken
    # near miss: a generic name no full name in the text ends stays unmentioned
    doc = "Earlier the Regional Court heard it."
    assert generic_body_mentions(doc, []) == []


def test_an_acronym_named_once_after_a_post_and_of_is_a_body():
    doc = "Ivan Petrov, Vice-President of SRFH, was jailed. The head of IT left."
    assert [c.text(doc) for c in acronym_mentions(doc, [])] == ["SRFH"]  # near miss: a department, IT


def test_a_name_a_post_in_apposition_describes_opens_its_sentence():
    doc = "Reporters waited.\nTovin Quant Dosk, a Ruritanian activist known for her essays, was jailed."
    assert [c.text(doc) for c in apposed_names(doc)] == ["Tovin Quant Dosk"]
    # near misses: a body's name, and a place with no post after it
    doc = "The verdict stood. The Supreme Court, the highest body in the land, ruled. Tovin City, the old capital, was calm."
    assert list(apposed_names(doc)) == []
