"""Lemmas of the words the fact extractors compare (casefile.extract.facts.vocabulary)."""
from __future__ import annotations

import pytest

from casefile.extract.facts.vocabulary import lemma


@pytest.mark.parametrize(("word", "expected"), [
    ("detained", "detain"),  # a justice verb
    ("Detained", "detain"),  # whatever its case
    ("sentencing", "sentence"),
    ("held", "hold"),  # irregular forms
    ("became", "become"),  # a copula verb of relations.toml
    ("took", "take"),
    ("hearing", "hearing"),  # a listed noun is its own lemma
    ("witnesses", "witness"),
])
def test_known_forms_get_the_lexicon_lemma_whatever_the_parser_says(word, expected):
    assert lemma(word, "parser-guess") == expected


def test_unknown_words_fall_back_to_the_parser_lemma_lower_cased():
    assert lemma("Orchards", "Orchard") == "orchard"
    assert lemma("zigzagged", "zigzag") == "zigzag"
