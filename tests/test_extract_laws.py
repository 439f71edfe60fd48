"""Legal provisions (casefile.extract.laws) and their entities in extract_document. Texts invented."""
from __future__ import annotations

import pytest

from casefile.extract import extract_document
from casefile.extract.laws import Provision, find_provisions


def parsed(p: Provision) -> tuple:
    return (p.article, p.part, p.paragraph, p.code, p.title)


@pytest.mark.parametrize(("text", "surface", "expected", "name"), [
    ("He was charged under Article 209 of the Penal Code.", "Article 209 of the Penal Code",
     ("209", None, None, "criminal", None), "Article 209 of the Criminal Code"),
    ("He was charged under the third part of Article 209 of the Criminal Code.",
     "the third part of Article 209 of the Criminal Code",
     ("209", "3", None, "criminal", None), "Article 209 of the Criminal Code"),
    ("She was fined under Article 456-2, Part 1 of the Administrative Code.",
     "Article 456-2, Part 1 of the Administrative Code",
     ("456-2", "1", None, "administrative", None), "Article 456-2 of the Administrative Code"),
    ("He was charged under Art. 361-4 of the Criminal Code.", "Art. 361-4 of the Criminal Code",
     ("361-4", None, None, "criminal", None), "Article 361-4 of the Criminal Code"),
    ("It falls under Part 2 of Article 174 of the Criminal Code of Kazakhstan.",
     "Part 2 of Article 174 of the Criminal Code of Kazakhstan",
     ("174", "2", None, "criminal", None), "Article 174 of the Criminal Code"),
    ("It falls under Part 2 of Article 174 of the Criminal Code of the Republic of Kazakhstan.",
     "Part 2 of Article 174 of the Criminal Code of the Republic of Kazakhstan",
     ("174", "2", None, "criminal", None), "Article 174 of the Criminal Code"),
    ("under Article 405 of Kazakhstan's Criminal Code", "Article 405 of Kazakhstan's Criminal Code",
     ("405", None, None, "criminal", None), "Article 405 of the Criminal Code"),
    ("under Article 174, paragraph 2 of the Criminal Code", "Article 174, paragraph 2 of the Criminal Code",
     ("174", None, "2", "criminal", None), "Article 174 of the Criminal Code"),
    ("fined under Article 488 of the Code of Administrative Offences", "Article 488 of the Code of Administrative Offences",
     ("488", None, None, "administrative", None), "Article 488 of the Administrative Code"),
    ("under Article 400 of the Criminal Procedure Code", "Article 400 of the Criminal Procedure Code",
     ("400", None, None, "criminal-procedure", None), "Article 400 of the Criminal Procedure Code"),
    ("charged under Article 174 of the Criminal Code “Inciting social discord” last year",
     "Article 174 of the Criminal Code “Inciting social discord”",
     ("174", None, None, "criminal", "Inciting social discord"), "Article 174 of the Criminal Code"),
    ('charged under Article 174 of the Criminal Code "Inciting social discord" last year',
     'Article 174 of the Criminal Code "Inciting social discord"',
     ("174", None, None, "criminal", "Inciting social discord"), "Article 174 of the Criminal Code"),
    # a lower-case quoted phrase is not a title, and the span stops at the code
    ("charged under Article 174 of the Criminal Code “inciting discord”", "Article 174 of the Criminal Code",
     ("174", None, None, "criminal", None), "Article 174 of the Criminal Code"),
    # a bare article with no code anywhere in the document keeps no code
    ("under article 20 of the constitution", "article 20", ("20", None, None, None, None), "Article 20"),
])
def test_find_provisions(text, surface, expected, name):
    found = find_provisions(text)
    assert len(found) == 1, found
    p = found[0]
    assert text[p.start:p.end] == surface
    assert parsed(p) == expected
    assert p.name == name


def test_penal_code_and_criminal_code_are_one_code():
    penal = find_provisions("Article 209 of the Penal Code")[0]
    criminal = find_provisions("Article 209 of the Criminal Code")[0]
    assert penal.code == criminal.code == "criminal"
    assert penal.name == criminal.name


def test_bare_article_takes_the_code_named_for_the_same_article():
    text = ("She was charged under Article 174 of the Criminal Code. A month later Article 174 was used again, "
            "and Article 12 of the Administrative Code was added.")
    found = find_provisions(text)
    assert [(text[p.start:p.end], p.code) for p in found] == [
        ("Article 174 of the Criminal Code", "criminal"),
        ("Article 174", "criminal"),
        ("Article 12 of the Administrative Code", "administrative"),
    ]


def test_bare_article_takes_the_only_code_of_the_document():
    text = "He was charged under Article 174. Kazakhstan's Criminal Code is often criticised."
    assert [(p.article, p.code) for p in find_provisions(text)] == [("174", "criminal")]


def test_bare_article_stays_without_code_when_the_document_names_two_codes():
    text = "He was charged under Article 174. The Criminal Code and the Administrative Code differ."
    assert [(p.article, p.code) for p in find_provisions(text)] == [("174", None)]


def test_bare_article_with_title_and_code_from_elsewhere():
    text = 'Article 174 of the Criminal Code; later Article 174 "Inciting discord" again.'
    found = find_provisions(text)
    assert [parsed(p) for p in found] == [
        ("174", None, None, "criminal", None),
        ("174", None, None, "criminal", "Inciting discord"),
    ]


def test_lowercase_title_after_code_of_administrative_offences_keeps_the_code_in_the_span():
    text = "Article 488 of the Code of Administrative Offences “on minor offences”"
    p = find_provisions(text)[0]
    assert text[p.start:p.end] == "Article 488 of the Code of Administrative Offences"


def test_no_provisions_in_plain_text():
    assert find_provisions("The articles he wrote were about the criminal code in general.") == []


def test_extract_document_makes_one_law_entity_per_article_and_code(spacy_backend):
    text = ("Serik Abenov was charged under Part 2 of Article 174 of the Criminal Code “Inciting social discord”. "
            "Later the prosecutor cited the third part of Article 174 of the Penal Code. His colleague was charged "
            "under Article 174 too, and Article 405 of the Criminal Code was added.")
    ex = extract_document(text, next(spacy_backend.analyse([text])), [], None)
    laws = [(i, e) for i, e in enumerate(ex.entities) if e.label == "law"]
    assert sorted(e.name for _i, e in laws) == ["Article 174 of the Criminal Code", "Article 405 of the Criminal Code"]
    i174, art174 = next((i, e) for i, e in laws if e.name == "Article 174 of the Criminal Code")
    assert art174.attributes["article"] == "174"
    assert art174.attributes["code"] == "criminal"
    assert art174.attributes["parts"] == ["2", "3"]
    assert art174.attributes["title"] == "Inciting social discord"
    assert "Inciting social discord" in art174.surfaces  # the title is an alias of the article
    assert {"the third part of Article 174 of the Penal Code", "Article 174"} <= art174.surfaces
    for m in art174.mentions:
        assert text[m.start:m.end] == m.text
        assert m.cluster == i174 and m.label == "law"
    charges = [f for f in ex.facts if f.type == "charge"]
    assert charges and charges[0].object == i174
