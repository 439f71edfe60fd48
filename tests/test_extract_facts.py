"""Fact extraction (casefile.extract.facts) through extract_document, with the real NER model.

Every sentence and name here is invented for these tests. Positive sentences check the fact a
reader would record; near-miss negatives check that negated, hypothetical or unrelated wording
yields nothing. Genuine misses are strict xfails whose reason names the bug.
"""
from __future__ import annotations

import sqlite3

import pytest

from casefile.extract import extract_document


def run(backend, text: str, published: str | None = None):
    """Extract one document; facts as (type, subject, object, value, date) with entity names."""
    ex = extract_document(text, next(backend.analyse([text])), [], published)

    def name(i):
        return None if i is None else ex.entities[i].name

    facts = [(f.type, name(f.subject), name(f.object), f.value, f.date) for f in ex.facts]
    return facts, ex


def names_of(ex, label: str = "person") -> set[str]:
    return {e.name for e in ex.entities if e.label == label}


def of_type(facts, type_: str) -> list[tuple]:
    return [f for f in facts if f[0] == type_]


# -- detention ---------------------------------------------------------------------------------

def test_detention_passive_list_with_place_and_date(spacy_backend):
    text = "Aibek Nurlanov and Dana Seitkali were detained in Almaty on July 20, 2021."
    facts, ex = run(spacy_backend, text)
    assert of_type(facts, "detention") == [
        ("detention", "Aibek Nurlanov", None, None, "2021-07-20"),
        ("detention", "Dana Seitkali", None, None, "2021-07-20"),
    ]
    almaty = next(i for i, e in enumerate(ex.entities) if e.name == "Almaty")
    for f in ex.facts:
        assert f.place == almaty
        assert text[f.start:f.end] == text  # the evidence is the whole (single) sentence


def test_detention_active_voice(spacy_backend):
    facts, _ = run(spacy_backend, "On Monday police detained Yerlan Sadykov outside his home in Shymkent.")
    assert ("detention", "Yerlan Sadykov", None, None, None) in facts


def test_detention_active_voice_list(spacy_backend):
    facts, _ = run(spacy_backend, "Police detained Aibek Nurlanov and Dana Seitkali in Almaty.")
    assert {f[1] for f in of_type(facts, "detention")} == {"Aibek Nurlanov", "Dana Seitkali"}


def test_detention_active_voice_place(spacy_backend):
    _, ex = run(spacy_backend, "Police detained Aibek Nurlanov and Dana Seitkali in Almaty.")
    almaty = next(i for i, e in enumerate(ex.entities) if e.name == "Almaty")
    assert [f.place for f in ex.facts if f.type == "detention"] == [almaty, almaty]



def test_detention_place_not_taken_from_an_apposition(spacy_backend):
    facts, ex = run(spacy_backend, "Police detained Aibek Nurlanov, who lives in Almaty.")
    assert of_type(facts, "detention") == [("detention", "Aibek Nurlanov", None, None, None)]
    assert [f.place for f in ex.facts if f.type == "detention"] == [None]


def test_detention_pronoun_resolves_to_previous_person(spacy_backend):
    text = "The blogger Marat Zhumabayev spoke at a rally in Taraz. He was detained two days later."
    facts, ex = run(spacy_backend, text)
    assert ("detention", "Marat Zhumabayev", None, None, None) in facts
    f = next(f for f in ex.facts if f.type == "detention")
    assert text[f.start:f.end].strip() == "He was detained two days later."


def test_detention_date_uses_publication_year(spacy_backend):
    facts, _ = run(spacy_backend, "On July 20, Aibek Nurlanov was detained.", published="2020-08-01")
    assert facts == [("detention", "Aibek Nurlanov", None, None, "2020-07-20")]


@pytest.mark.parametrize("text", [
    "The lawyer Bolat Sagynov said Timur Ospanov was not detained.",
    "The lawyer Bolat Sagynov said Timur Ospanov denied that he had been arrested.",
])
def test_detention_negated_is_dropped(spacy_backend, text):
    facts, ex = run(spacy_backend, text)
    assert "Timur Ospanov" in names_of(ex)  # the negative is not vacuous
    assert of_type(facts, "detention") == []


def test_detention_in_reported_clause_goes_to_its_own_subject(spacy_backend):
    facts, ex = run(spacy_backend, "Aibek Nurlanov reported that Dana Seitkali was detained in Almaty.")
    assert [f[1] for f in of_type(facts, "detention")] == ["Dana Seitkali"]


# -- charge ------------------------------------------------------------------------------------

def test_charge_object_is_the_law_entity(spacy_backend):
    facts, ex = run(spacy_backend, "Galym Abenov was charged under Article 179 of the Criminal Code.")
    charges = of_type(facts, "charge")
    assert len(charges) == 1
    _, subj, obj, value, _ = charges[0]
    assert (subj, obj) == ("Galym Abenov", "Article 179 of the Criminal Code")
    f = next(f for f in ex.facts if f.type == "charge")
    assert ex.entities[f.object].label == "law"
    assert "Article 179" in value


@pytest.mark.parametrize("text", [
    "Galym Abenov was not charged with any crime.",
    "Galym Abenov could be charged under Article 179 of the Criminal Code.",
])
def test_charge_negated_or_hypothetical_is_dropped(spacy_backend, text):
    facts, ex = run(spacy_backend, text)
    assert "Galym Abenov" in names_of(ex)
    assert facts == []


# -- conviction and sentence -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "term"), [
    ("Nurlan Bekov was sentenced to five years in prison.", "5 years prison"),
    ("Nurlan Bekov was sentenced to three years of restricted freedom.", "3 years restricted freedom"),
    ("Nurlan Bekov was sentenced to two years of imprisonment, suspended.", "2 years prison suspended"),
    ("Nurlan Bekov was sentenced to a suspended sentence of two years.", "2 years suspended"),
])
def test_sentenced_gives_conviction_and_sentence(spacy_backend, text, term):
    facts, _ = run(spacy_backend, text)
    assert sorted(facts) == [
        ("conviction", "Nurlan Bekov", None, None, None),
        ("sentence", "Nurlan Bekov", None, term, None),
    ]


def test_received_sentence_with_another_trigger_word(spacy_backend):
    facts, _ = run(spacy_backend, "In the fraud case, Kairat Nurpeisov received a three-year prison sentence.")
    assert ("conviction", "Kairat Nurpeisov", None, None, None) in facts
    assert ("sentence", "Kairat Nurpeisov", None, "3 years prison", None) in facts


@pytest.mark.parametrize("text", [
    "Kairat Nurpeisov received a three-year prison sentence.",
    "Kairat Nurpeisov was handed a three-year prison sentence by the court.",
])
def test_received_sentence_alone(spacy_backend, text):
    facts, _ = run(spacy_backend, text)
    assert ("sentence", "Kairat Nurpeisov", None, "3 years prison", None) in facts



def test_received_term_of_a_known_kind(spacy_backend):
    facts, _ = run(spacy_backend, "Kairat Nurpeisov got two years in a penal colony.")
    assert ("sentence", "Kairat Nurpeisov", None, "2 years prison", None) in facts


@pytest.mark.parametrize("text", [
    "Dana Seitkali received death threats for years.",
    "Dana Seitkali got a two-year contract with the newspaper.",
])
def test_received_something_else_is_no_verdict(spacy_backend, text):
    facts, ex = run(spacy_backend, text)
    assert "Dana Seitkali" in names_of(ex)
    assert of_type(facts, "conviction") == [] and of_type(facts, "sentence") == []


def test_hypothetical_conviction_is_dropped(spacy_backend):
    facts, ex = run(spacy_backend, "Dana Seitkali faces up to seven years in prison if convicted.")
    assert "Dana Seitkali" in names_of(ex)
    assert of_type(facts, "conviction") == [] and of_type(facts, "sentence") == []


def test_relative_clause_sentence_stays_with_its_own_person(spacy_backend):
    text = ("Aidar Kenzhebayev, whose brother Ermek Kenzhebayev was sentenced to three years, "
            "was detained in Almaty on Monday.")
    facts, _ = run(spacy_backend, text)
    assert ("detention", "Aidar Kenzhebayev", None, None, None) in facts
    assert ("sentence", "Ermek Kenzhebayev", None, "3 years", None) in facts
    assert ("conviction", "Ermek Kenzhebayev", None, None, None) in facts
    assert not [f for f in facts if f[1] == "Aidar Kenzhebayev" and f[0] in {"sentence", "conviction"}]
    assert not [f for f in facts if f[1] == "Ermek Kenzhebayev" and f[0] == "detention"]


# -- release, fine, acquittal, interrogation ---------------------------------------------------

def test_release_on_parole(spacy_backend):
    facts, _ = run(spacy_backend, "Asel Karimova was released on parole in March 2022.")
    assert facts == [("release", "Asel Karimova", None, None, "2022-03")]


def test_release_by_pronoun(spacy_backend):
    facts, _ = run(spacy_backend, "Aibek Nurlanov was detained in Almaty. He was later released.")
    assert ("release", "Aibek Nurlanov", None, None, None) in facts


def test_fine_value_contains_amount(spacy_backend):
    facts, _ = run(spacy_backend, "Asel Karimova was fined 200,000 tenge for taking part in a rally.")
    fines = of_type(facts, "fine")
    assert len(fines) == 1 and fines[0][1] == "Asel Karimova"
    assert "200,000" in fines[0][3] and "tenge" in fines[0][3]


def test_fine_active_voice(spacy_backend):
    facts, _ = run(spacy_backend, "The court in Taraz fined the activist Dana Seitkali 150,000 tenge.")
    assert ("fine", "Dana Seitkali", None, "150,000 tenge", None) in facts


def test_fine_hypothetical_is_dropped(spacy_backend):
    facts, ex = run(spacy_backend, "Asel Karimova could be fined 200,000 tenge for the post.")
    assert "Asel Karimova" in names_of(ex)
    assert facts == []


def test_acquittal(spacy_backend):
    facts, _ = run(spacy_backend, "Aibek Nurlanov was acquitted by the Taraz court.")
    assert ("acquittal", "Aibek Nurlanov", None, None, None) in facts


@pytest.mark.parametrize("text", [
    "Timur Ospanov was interrogated by investigators for six hours.",
    "Timur Ospanov was summoned for questioning.",
    "Police questioned Timur Ospanov about the rally.",
])
def test_interrogation(spacy_backend, text):
    facts, _ = run(spacy_backend, text)
    assert of_type(facts, "interrogation") == [("interrogation", "Timur Ospanov", None, None, None)]


def test_interrogation_summoned_person_for_questioning(spacy_backend):
    facts, ex = run(spacy_backend, "Investigators summoned Timur Ospanov for questioning on May 3.")
    assert "Timur Ospanov" in names_of(ex)
    assert [f[1] for f in of_type(facts, "interrogation")] == ["Timur Ospanov"]



def test_summoned_for_a_hearing_is_no_interrogation(spacy_backend):
    facts, ex = run(spacy_backend, "The court summoned Timur Ospanov for the hearing.")
    assert "Timur Ospanov" in names_of(ex)
    assert of_type(facts, "interrogation") == []


# -- search and seizure, complaint, trial, testimony -------------------------------------------

def test_seizure_from_their_apartments_after_a_detention(spacy_backend):
    text = ("Aibek Nurlanov and Dana Seitkali were detained in Almaty. "
            "Their devices were seized from their apartments.")
    facts, ex = run(spacy_backend, text)
    assert {f[1] for f in of_type(facts, "search_seizure")} == {"Aibek Nurlanov", "Dana Seitkali"}
    for f in ex.facts:
        if f.type == "search_seizure":
            assert "seized" in text[f.start:f.end] and "detained" not in text[f.start:f.end]


def test_complained_against(spacy_backend):
    facts, _ = run(spacy_backend, "Yerlan Sadykov filed a lawsuit against Berik Tulegenov.")
    assert facts == [("complained_against", "Yerlan Sadykov", "Berik Tulegenov", None, None)]


def test_trial(spacy_backend):
    facts, _ = run(spacy_backend, "The trial of Yerlan Sadykov began in Taraz on Tuesday.")
    assert ("trial", "Yerlan Sadykov", None, None, None) in facts


def test_retracted_testimony(spacy_backend):
    facts, _ = run(spacy_backend, "Aigul Serikova retracted her testimony against Yerlan Sadykov.")
    assert facts == [("retracted_testimony", "Aigul Serikova", "Yerlan Sadykov", None, None)]


# -- positions -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "person", "org", "role"), [
    ("The statement was signed by Kanat Omarov, chairman of the Steppe Development Bank.",
     "Kanat Omarov", "Steppe Development Bank", "chairman"),
    ("Deputy Head of the Internal Policy Department, Saule Baimukhanova, refused to comment.",
     "Saule Baimukhanova", "Internal Policy Department", "Deputy Head"),
    ("The interview was confirmed by the press secretary of the Taraz City Police Department Ruslan Akhmetov on Friday.",
     "Ruslan Akhmetov", "Taraz City Police Department", "press secretary"),
    ("Ruslan Akhmetov, a spokesman for the Taraz City Police Department, declined to comment.",
     "Ruslan Akhmetov", "Taraz City Police Department", "spokesman"),
    ("The case was handled by police investigator Daniyar Kuatov.", "Daniyar Kuatov", None, "police investigator"),
    ("The blogger Marat Zhumabayev spoke at a rally in Taraz.", "Marat Zhumabayev", None, "blogger"),
])
def test_position_from_apposition(spacy_backend, text, person, org, role):
    facts, _ = run(spacy_backend, text)
    assert ("position", person, org, role, None) in of_type(facts, "position")


def test_position_role_never_swallows_said(spacy_backend):
    facts, ex = run(spacy_backend, "The activists met the mayor, said the deputy Bolat Iskakov.")
    positions = of_type(facts, "position")
    assert positions == [("position", "Bolat Iskakov", None, "deputy", None)]
    assert not any("said" in (f[3] or "") for f in positions)


def test_possessed_chief_is_a_relation_not_a_position(spacy_backend):
    facts, _ = run(spacy_backend, "Gulmira Abdrakhmanova testified that her chief Yerlan Baitasov had forged the papers.")
    assert ("subordinate_of", "Gulmira Abdrakhmanova", "Yerlan Baitasov", "chief", None) in facts
    assert of_type(facts, "position") == []


def test_subordinate_of_former_chief(spacy_backend):
    facts, _ = run(spacy_backend,
                   "Gulmira Abdrakhmanova testified that her former chief Yerlan Baitasov had forged the papers.")
    assert ("subordinate_of", "Gulmira Abdrakhmanova", "Yerlan Baitasov", "chief", None) in facts


def test_possessed_former_chief_is_not_a_position(spacy_backend):
    facts, _ = run(spacy_backend,
                   "Gulmira Abdrakhmanova testified that her former chief Yerlan Baitasov had forged the papers.")
    assert of_type(facts, "position") == []



def test_possessed_ex_boss_is_not_a_position(spacy_backend):
    facts, ex = run(spacy_backend, "Gulmira Abdrakhmanova said her ex-boss Yerlan Baitasov had forged the papers.")
    assert "Yerlan Baitasov" in names_of(ex)
    assert of_type(facts, "position") == []


def test_unpossessed_former_chief_is_a_position(spacy_backend):
    facts, _ = run(spacy_backend, "The former police chief Yerlan Baitasov was detained.")
    assert ("position", "Yerlan Baitasov", None, "former police chief", None) in facts


# -- membership, family, orders --------------------------------------------------------------------

def test_member_from_public_foundation(spacy_backend):
    text = "Ainur Seitova and Serik Dzhaksybekov from the Public Foundation “Open Steppe” attended the hearing."
    facts, _ = run(spacy_backend, text)
    assert sorted(of_type(facts, "member_of")) == [
        ("member_of", "Ainur Seitova", "Open Steppe", "representative", None),
        ("member_of", "Serik Dzhaksybekov", "Open Steppe", "representative", None),
    ]


def test_member_from_participant_list_row(spacy_backend):
    facts, _ = run(spacy_backend, "Participants:\n1. Mr. Aidos ZHANIBEKOV, Kazakhstan, KIBHR")
    assert ("member_of", "Aidos Zhanibekov", "KIBHR", "member", None) in facts
    assert ("represents", "Aidos Zhanibekov", "Kazakhstan", None, None) in facts


@pytest.mark.parametrize(("text", "relative", "of", "kin"), [
    ("Mukhtar Ablyazov's nephew Iskander Yerimbetov was detained in 2017.",
     "Iskander Yerimbetov", "Mukhtar Ablyazov", "nephew"),
    ("Arman Tulegenov, the son of Bakhyt Tulegenov, was questioned as a witness.",
     "Arman Tulegenov", "Bakhyt Tulegenov", "son"),
])
def test_family(spacy_backend, text, relative, of, kin):
    facts, _ = run(spacy_backend, text)
    assert of_type(facts, "family") == [("family", relative, of, kin, None)]


def test_family_sentence_keeps_the_detention_with_the_relative(spacy_backend):
    facts, _ = run(spacy_backend, "Mukhtar Ablyazov's nephew Iskander Yerimbetov was detained in 2017.")
    assert of_type(facts, "detention") == [("detention", "Iskander Yerimbetov", None, None, "2017")]


def test_ordered(spacy_backend):
    facts, _ = run(spacy_backend, "Nurlan Sarsenov ordered the closure of the independent newspaper in Taraz.")
    assert facts == [("ordered", "Nurlan Sarsenov", None, "closure of the independent newspaper in Taraz", None)]


def test_ordered_negated_is_dropped(spacy_backend):
    facts, ex = run(spacy_backend, "Nurlan Sarsenov did not order the closure of the newspaper, said Bolat Sagynov.")
    assert {"Nurlan Sarsenov", "Bolat Sagynov"} <= names_of(ex)
    assert of_type(facts, "ordered") == []


# -- merging across documents ------------------------------------------------------------------------
# (the model misses "Aibek Nurlanov" opening a paragraph right under a heading, so DOC_A says "The blogger ...")

DOC_A = """Blogger Detained in Almaty

The blogger Aibek Nurlanov was detained in Almaty on July 20, 2021. His supporters gathered outside the police station.
"""

DOC_B = """Supporters Protest in Almaty

Local journalists wrote about the rally on Friday. Aibek Nurlanov was detained in Almaty on July 20, 2021.
The lawyer Bolat Sagynov asked for his release.
"""


def test_same_detention_in_two_documents_is_one_fact_with_two_evidence_spans(spacy_backend, tmp_path):
    from casefile.config import Config
    from casefile.ingest import ingest_paths
    from casefile.store import Store

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(DOC_A, encoding="utf-8")
    (folder / "b.txt").write_text(DOC_B, encoding="utf-8")
    store = Store(tmp_path / "store.db", create=True)
    try:
        report = ingest_paths([str(folder)], store, Config(), backend=spacy_backend)
    finally:
        store.close()
    assert report.failed == [] and report.ingested == 2

    conn = sqlite3.connect(tmp_path / "store.db")
    conn.row_factory = sqlite3.Row
    try:
        facts = conn.execute(
            "SELECT f.id, f.date FROM facts f JOIN entities e ON e.id = f.subject "
            "WHERE f.type = 'detention' AND e.name = 'Aibek Nurlanov'").fetchall()
        assert len(facts) == 1
        assert facts[0]["date"] == "2021-07-20"
        evidence = conn.execute("SELECT document, start, end, text FROM fact_evidence WHERE fact = ?",
                                (facts[0]["id"],)).fetchall()
        assert len(evidence) == 2
        assert len({row["document"] for row in evidence}) == 2
        for row in evidence:
            doc_text = conn.execute("SELECT text FROM documents WHERE id = ?", (row["document"],)).fetchone()[0]
            assert doc_text[row["start"]:row["end"]] == row["text"]
            assert "Aibek Nurlanov was detained in Almaty on July 20, 2021." in row["text"]
    finally:
        conn.close()


# -- apposition around the subject, laws of verdicts and fines ------------------------------------------

def test_subject_in_an_apposition_closed_before_the_verb(spacy_backend):
    facts, _ = run(spacy_backend, "Her brother, Nurlan Bekov, was fined 70,000 tenge under Article 488 of the "
                                  "Code of Administrative Offences.")
    assert of_type(facts, "fine") == [("fine", "Nurlan Bekov", "Article 488 of the Administrative Code",
                                       "70,000 tenge", None)]


def test_sentence_under_an_article_names_the_law_of_the_conviction(spacy_backend):
    facts, _ = run(spacy_backend, "The court sentenced Aigerim Tulegenova to three years in prison under "
                                  "Article 405 of the Criminal Code.")
    assert ("conviction", "Aigerim Tulegenova", "Article 405 of the Criminal Code", None, None) in facts


def test_law_in_another_clause_is_not_the_verdicts(spacy_backend):
    facts, _ = run(spacy_backend, "The court sentenced Aigerim Tulegenova to three years in prison, while "
                                  "Marat Ospanov was charged under Article 405 of the Criminal Code.")
    convictions = of_type(facts, "conviction")
    assert convictions and all(f[2] is None for f in convictions)


def test_hyphenated_role_with_its_outlet(spacy_backend):
    facts, ex = run(spacy_backend, "Arman Seitov, editor-in-chief of the independent weekly Dala Zhanalary, "
                                   "was questioned on Monday.")
    assert "Dala Zhanalary" in names_of(ex, "organization")
    assert ("position", "Arman Seitov", "Dala Zhanalary", "editor-in-chief", None) in facts


def test_role_apposition_without_a_named_organisation(spacy_backend):
    facts, _ = run(spacy_backend, "The complaint came from Bolat Sarsenov, the deputy akim of the region, "
                                  "who did not comment.")
    assert ("position", "Bolat Sarsenov", None, "deputy akim of the region", None) in facts


def test_role_apposition_needs_a_role_word(spacy_backend):
    facts, _ = run(spacy_backend, "The complaint came from Bolat Sarsenov, the owner's friend of many years, "
                                  "who did not comment.")
    assert of_type(facts, "position") == []


# -- complaints named by their author ----------------------------------------------------------------

def test_claimant_complained_against_the_person_questioned(spacy_backend):
    facts, _ = run(spacy_backend, "In May, Aigul Nurova was questioned as a suspect in a libel case. "
                                  "The claimant was the businessman Timur Akhmetov.")
    assert ("complained_against", "Timur Akhmetov", "Aigul Nurova", None, None) in facts


def test_complaint_by_names_its_target_in_the_sentence(spacy_backend):
    facts, _ = run(spacy_backend, "Dana Serikova was arrested. The case against Berik Saparov was opened after "
                                  "a complaint by Nurlan Dauletov.")
    assert of_type(facts, "complained_against") == [("complained_against", "Nurlan Dauletov", "Berik Saparov", None,
                                                     None)]


def test_complaint_not_acted_on_is_left_out(spacy_backend):
    facts, _ = run(spacy_backend, "Dana Serikova was arrested. Police never received a complaint from Nurlan Dauletov.")
    assert of_type(facts, "complained_against") == []


# -- witnesses and their testimony ---------------------------------------------------------------------

def test_a_witness_who_tells_the_court_testified(spacy_backend):
    text = ("The hearing went on for a second day. A witness, Ruslan Temirbekov, told the court that he had "
            "never seen the documents. Temirbekov later explained that he signed them in a hurry.")
    facts, _ = run(spacy_backend, text)
    testified = of_type(facts, "testified")
    assert testified and {f[1] for f in testified} == {"Ruslan Temirbekov"}


def test_a_witness_quotation_is_testimony(spacy_backend):
    text = ("Another witness, the accountant Saule Bekova, spoke next. "
            "“Nobody asked me anything about the tender,” said Bekova.")
    facts, _ = run(spacy_backend, text)
    assert ("testified", "Saule Bekova", None, None, None) in facts


def test_someone_not_called_a_witness_only_speaks(spacy_backend):
    text = "The hearing went on for a second day. The lawyer Ruslan Temirbekov told the court that the case was weak."
    facts, _ = run(spacy_backend, text)
    assert of_type(facts, "testified") == []


def test_own_interrogation_protocol_is_an_interrogation(spacy_backend):
    facts, _ = run(spacy_backend, "Marat Sultanov noticed that his own interrogation protocol was dated a year earlier.")
    assert ("interrogation", "Marat Sultanov", None, None, None) in facts


# -- custody stated as a state, charges stated by denial -----------------------------------------------

def test_extended_pre_trial_detention_of_a_person(spacy_backend):
    facts, _ = run(spacy_backend, "A court in Aktau extended the pre-trial detention of activist Marat Sultanov "
                                  "by two months.")
    assert ("detention", "Marat Sultanov", None, None, None) in facts


def test_in_custody_since_a_date(spacy_backend):
    facts, _ = run(spacy_backend, "Marat Sultanov, 41, has been in custody since February 2, 2022.")
    assert ("detention", "Marat Sultanov", None, None, "2022-02-02") in facts


def test_denies_the_charges_under_an_article(spacy_backend):
    facts, _ = run(spacy_backend, "Marat Sultanov was arrested in May. He denies the charges under Article 272 "
                                  "of the Criminal Code.")
    assert ("charge", "Marat Sultanov", "Article 272 of the Criminal Code", "Article 272 of the Criminal Code",
            None) in facts


def test_not_in_custody_is_no_detention(spacy_backend):
    facts, _ = run(spacy_backend, "Marat Sultanov has never been in custody, his lawyer said.")
    assert of_type(facts, "detention") == []


# -- lists of verdicts: coordinated verbs, laws in parentheses, appeals ---------------------------------

def test_coordinated_passive_verbs_each_give_a_fact(spacy_backend):
    facts, _ = run(spacy_backend, "Nurlan Beisenov was convicted in 2020 under Article 190 of the Criminal Code and "
                                  "sentenced to 6 years of imprisonment.")
    assert ("conviction", "Nurlan Beisenov", "Article 190 of the Criminal Code", None, "2020") in facts
    assert [f[3] for f in of_type(facts, "sentence")] == ["6 years prison"]


def test_law_in_parentheses_after_the_verdict(spacy_backend):
    text = ("Statement on the verdicts under the Criminal Code.\n"
            "Ruslan Mukanov was sentenced to 8 years for taking bribes (Article 366).")
    facts, _ = run(spacy_backend, text)
    assert ("conviction", "Ruslan Mukanov", "Article 366 of the Criminal Code", None, None) in facts


def test_conviction_wording_stops_before_the_sentence(spacy_backend):
    facts, _ = run(spacy_backend, "Askar Temirov was found guilty of organising an illegal rally and sentenced to "
                                  "5 years in a penal colony.")
    [conviction] = of_type(facts, "conviction")
    assert conviction[3] == "organising an illegal rally"


def test_appeal_rejected_by_a_court(spacy_backend):
    facts, _ = run(spacy_backend, "Askar Temirov's appeal was rejected by the Supreme Court on 4 May 2022.")
    assert ("appeal", "Askar Temirov", "Supreme Court", "verdict upheld", "2022-05-04") in facts


def test_different_person_in_the_coordinated_clause(spacy_backend):
    facts, _ = run(spacy_backend, "Askar Temirov was detained in March, and Nurlan Beisenov was later released.")
    assert ("release", "Askar Temirov", None, None, None) not in facts


def test_summoned_somewhere_and_questioned(spacy_backend):
    facts, _ = run(spacy_backend, "Blogger Aigerim Tolegen was summoned to the Almaty police department on 10 June "
                                  "2024 and questioned as a witness.")
    assert ("interrogation", "Aigerim Tolegen", None, None, "2024-06-10") in facts


def test_under_house_arrest_since(spacy_backend):
    facts, _ = run(spacy_backend, "Makhambet Seitov has been under house arrest since April 2024.")
    assert ("detention", "Makhambet Seitov", None, None, "2024-04") in facts


def test_kinship_with_a_description_of_the_relative(spacy_backend):
    facts, _ = run(spacy_backend, "The court jailed Timur Aubakov, the nephew of former energy minister Bolat Aubakov.")
    assert ("family", "Timur Aubakov", "Bolat Aubakov", "nephew", None) in facts


def test_kinship_word_then_a_conjunction_is_not_a_tie(spacy_backend):
    facts, _ = run(spacy_backend, "Bolat Aubakov came with his son and Marat Serikov, a neighbour.")
    assert of_type(facts, "family") == []


def test_signatory_rows_give_membership_and_country(spacy_backend):
    text = ("Written declaration on civil society\n\nSigned by:\nMr Pieter VANDAMME, Netherlands, EPP/CD\n"
            "Lord Richard HALE, United Kingdom, EC/DA\n")
    facts, _ = run(spacy_backend, text)
    assert ("member_of", "Pieter Vandamme", "EPP/CD", "member", None) in facts
    assert ("represents", "Richard Hale", "United Kingdom", None, None) in facts


def test_list_of_officials_with_a_range_of_terms(spacy_backend):
    text = ("The three officials, Arman Sultanov, Yerlan Nurpeisov and Dinara Kassymova, received sentences of "
            "between four and five years in prison.")
    facts, _ = run(spacy_backend, text)
    sentences = of_type(facts, "sentence")
    assert {f[1] for f in sentences} == {"Arman Sultanov", "Yerlan Nurpeisov", "Dinara Kassymova"}
    assert {f[3] for f in sentences} == {"4-5 years prison"}


@pytest.mark.parametrize(("text", "expected"), [
    ("three years of imprisonment", "3 years prison"),
    ("a five-year prison sentence", "5 years prison"),
    ("eight and a half years in a penal colony", "8.5 years prison"),
    ("between four and five years in prison", "4-5 years prison"),
    ("from 5 to 8 years", "5-8 years"),
    ("two years of restricted freedom", "2 years restricted freedom"),
    ("no term at all", None),
])
def test_sentence_term_table(text, expected):
    from casefile.extract.facts.values import sentence_term

    assert sentence_term(text) == expected


def test_a_run_together_list_longer_than_a_sentence_gives_no_facts(spacy_backend):
    from casefile.extract.facts import MAX_SENTENCE_CHARS

    people = [f"{g} {s}" for g in ("Marat", "Serik", "Aidos", "Nurlan") for s in ("Abenov", "Temirov", "Kasymov")]
    short, _ = run(spacy_backend, ", ".join(people[:3]) + " were detained.")
    assert len(of_type(short, "detention")) == 3  # the same shape, sentence-sized, does give facts
    listing = ", ".join(people * (MAX_SENTENCE_CHARS // (15 * len(people)) + 1))
    assert len(listing) > MAX_SENTENCE_CHARS
    facts, _ = run(spacy_backend, listing + " were detained.")
    assert facts == []


def test_the_accused_named_after_a_witness_did_not_testify(spacy_backend):
    text = ("A key witness in the trial of the activist Aizhan Serikova told the court that he had signed a "
            "statement written by the police.")
    facts, _ = run(spacy_backend, text)
    assert of_type(facts, "testified") == []


def test_a_question_word_in_a_heading_is_not_part_of_a_role(spacy_backend):
    text = "What Activist Serikova Said\n\nThe activist Aizhan Serikova spoke to reporters."
    facts, _ = run(spacy_backend, text)
    assert not [f for f in of_type(facts, "position") if "What" in (f[3] or "")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kazakhstan's President Kassym Tokamov signed the law.", ("Kassym Tokamov", "Kazakhstan", "President")),
    ("The head of the Aktau Police Department, Colonel Serik Abdenov, said so.",
     ("Serik Abdenov", "Aktau Police Department", "head")),
    ("Gulmira Satova, who heads the Legal Media Centre, said the case was weak.",
     ("Gulmira Satova", "Legal Media Centre", "head")),
])
def test_positions_with_their_organisation(spacy_backend, text, expected):
    facts, _ = run(spacy_backend, text)
    person, org, role = expected
    assert ("position", person, org, role, None) in facts
    # the same role without its organisation is not stated twice
    assert ("position", person, None, role, None) not in facts


def test_who_no_longer_heads_is_not_a_position(spacy_backend):
    facts, _ = run(spacy_backend, "Gulmira Satova, who never headed the Legal Media Centre, said the case was weak.")
    assert not [f for f in of_type(facts, "position") if f[2] == "Legal Media Centre"]


def test_court_upheld_the_sentence_of_a_person(spacy_backend):
    facts, _ = run(spacy_backend, "KYZYLORDA, 20 May 2023 – The regional appeals court on Friday upheld the sentence "
                                  "of activist Nurzhan Mukhamedov, his lawyer said.")
    assert ("appeal", "Nurzhan Mukhamedov", None, "verdict upheld", "2023-05-19") in facts


@pytest.mark.parametrize("text", [
    "A search was carried out at Rustem Zhanuzakov's home in the morning.",
    "Searches were conducted in the flats of Rustem Zhanuzakov and Aigul Serikova.",
])
def test_searches_carried_out_at_someones_home(spacy_backend, text):
    facts, _ = run(spacy_backend, text)
    assert ("search_seizure", "Rustem Zhanuzakov", None, None, None) in facts


def test_no_search_was_carried_out(spacy_backend):
    facts, _ = run(spacy_backend, "No search was carried out at Rustem Zhanuzakov's home, his lawyer said.")
    assert of_type(facts, "search_seizure") == []


def test_court_style_verdict_found_guilty_and_sentenced_him(spacy_backend):
    text = ("The court found Bekov Marat Serikovich guilty under Art. 174 part 1 of the Criminal Code and "
            "sentenced him to 3 (three) years of imprisonment.")
    facts, ex = run(spacy_backend, text)
    assert names_of(ex) == {"Bekov Marat Serikovich"}  # "Art." is no one
    assert ("conviction", "Bekov Marat Serikovich", "Article 174 of the Criminal Code", None, None) in facts
    assert ("sentence", "Bekov Marat Serikovich", None, "3 years prison", None) in facts


def test_found_not_guilty_is_an_acquittal(spacy_backend):
    facts, _ = run(spacy_backend, "On Friday the court found Aigul Serikova not guilty of fraud.")
    assert ("acquittal", "Aigul Serikova", None, None, None) in facts
    assert of_type(facts, "conviction") == []


def test_her_before_a_noun_is_a_possessive_not_the_person_acted_on(spacy_backend):
    facts, _ = run(spacy_backend, "Aigul Serikova spoke to reporters. Police detained her brother Nurlan Serikov.")
    assert [f[1] for f in of_type(facts, "detention")] == ["Nurlan Serikov"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Blogger Aset Nurlanov was placed in pre-trial detention for two months.", ("detention", "Aset Nurlanov")),
    ("Journalist Timur Saparov was pardoned by presidential decree in March.", ("release", "Timur Saparov")),
])
def test_more_justice_wordings(spacy_backend, text, expected):
    facts, _ = run(spacy_backend, text)
    assert expected in {(f[0], f[1]) for f in facts}


def test_owner_of_a_coined_company_name(spacy_backend):
    facts, _ = run(spacy_backend, "The claimant was the construction magnate Aidar Rakhimov, the owner of the "
                                  "TK-group Corporation.")
    assert ("position", "Aidar Rakhimov", "TK-group Corporation", "owner", None) in facts


def test_position_in_a_named_project_on_a_platform(spacy_backend):
    text = 'Almaty blogger Arman Seitov, the manager of the YouTube project "Civil Watch - Aktau", was questioned.'
    facts, _ = run(spacy_backend, text)
    assert ("position", "Arman Seitov", "Civil Watch - Aktau", "manager", None) in facts


def test_case_brought_at_the_request_of_a_company(spacy_backend):
    text = ("Dana Serikova and Marat Ospanov were detained in Almaty. The case was opened at the request of the "
            "heads of Steppe Savings Bank, filed in April.")
    facts, _ = run(spacy_backend, text)
    got = {(f[1], f[2]) for f in of_type(facts, "complained_against")}
    assert got == {("Steppe Savings Bank", "Dana Serikova"), ("Steppe Savings Bank", "Marat Ospanov")}


def test_a_request_outside_a_case_is_no_complaint(spacy_backend):
    text = "Dana Serikova and Marat Ospanov opened a school. It was built at the request of the Steppe Savings Bank."
    facts, _ = run(spacy_backend, text)
    assert of_type(facts, "complained_against") == []


def test_order_given_by_a_person_in_apposition(spacy_backend):
    facts, _ = run(spacy_backend, "The akim of Almaty, Yerbolat Dossayev, instructed the police to disperse the rally.")
    assert ("ordered", "Yerbolat Dossayev", None, "police to disperse the rally", None) in facts


def test_no_order_given(spacy_backend):
    facts, _ = run(spacy_backend, "Prosecutor Daniyar Omarov did not order any searches.")
    assert of_type(facts, "ordered") == []
