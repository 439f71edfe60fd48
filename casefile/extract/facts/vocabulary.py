"""The lemmas the fact extractors look for, and the forms that stand for them.

casefile parses trigger sentences without spaCy's lemmatizer (it costs as much as the parser);
every word an extractor compares is in a lexicon or a rule table, so its forms are known.
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from casefile.nlp import lexicons


@cache
def lemmas() -> dict[str, str]:
    """Form -> lemma for the lexicons' words (triggers, irrealis words, case roles) and the
    verbs and nouns of relations.toml."""
    table = tomllib.loads(resources.files(__package__).joinpath("relations.toml").read_text(encoding="utf-8"))
    words = set(lexicons.trigger_lemmas().values()) | set(table["post_verbs"]) | set(table["copula_verbs"]["verbs"])
    words |= lexicons.irrealis_words() | lexicons.case_roles()
    words |= set(table["ruling_outcome"]) | set(table["order_nouns"]["nouns"])
    words |= set(table["appeal_fates"]) | set(table["appeal_hearings"]["verbs"])
    return lexicons.lemma_table(words)


def lemma(word: str, parser_lemma: str) -> str:
    """The lemma of ``word``: the known one, else what the parser gave (lower-cased)."""
    return lemmas().get(word.lower(), parser_lemma.lower())


def verb_of(word: str) -> str | None:
    """The known verb an -ing form that is a noun of its own comes from ("hearing" -> "hear"), for
    where it acts as a verb ("began hearing the case")."""
    lower = word.lower()
    if not lower.endswith("ing"):
        return None
    return next((base for base in (lower[:-3], lower[:-3] + "e") if base in _known_lemmas()), None)


@cache
def _known_lemmas() -> frozenset[str]:
    return frozenset(lemmas().values())
