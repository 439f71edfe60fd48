"""Document context for facts and quotes (casefile.extract.facts.context): gender from name
endings, pronouns, role nouns, dates. Texts and people invented; mentions built by hand."""
from __future__ import annotations

import re

import pytest

from casefile.extract.dates import DateRef
from casefile.extract.facts.context import DocContext, name_gender
from casefile.extract.facts.tree import Slot


@pytest.mark.parametrize(("name", "expected"), [
    ("Dilnaz Tolvarova", "f"),
    ("Ruslan Tolvarov", "m"),
    ("Aizhan Beskyzy", "f"),  # Turkic patronymic endings
    ("Nurlan Beskuly", "m"),
    ("Yelena Petrovna Dorsk", "f"),  # the last telling word decides: the patronymic here
    ("Wren Hollis", None),  # English names tell nothing
    ("Ov", None),  # too short to tell
])
def test_name_gender(name, expected):
    assert name_gender(name) == expected


def context(text: str, people: list[str], **kwargs) -> DocContext:
    """A DocContext over ``text``: sentences end at full stops, every occurrence of a name is a
    mention of cluster = its index in ``people``."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    persons = [Slot("person", cluster, m.start(), m.end())
               for cluster, name in enumerate(people) for m in re.finditer(re.escape(name), text)]
    return DocContext(text, sentences, persons, DateRef(2023), **kwargs)


def resolved(ctx: DocContext, pronoun_at: str, pronoun: str, **kwargs) -> list[int]:
    """The clusters ``pronoun`` stands for where ``pronoun_at`` starts (texts write X or Y there)."""
    return [s.cluster for s in ctx.resolve_pronoun(ctx.text.index(pronoun_at), pronoun, **kwargs)]


# -- he / she -------------------------------------------------------------------------------------------

MIXED = "Ruslan Tolvarov met Dilnaz Tolvarova at the bakery. Later that day X was detained."


@pytest.mark.parametrize(("pronoun", "expected"), [("he", [0]), ("she", [1]), ("her", [1]), ("him", [0])])
def test_he_and_she_skip_names_of_the_other_gender(pronoun, expected):
    assert resolved(context(MIXED, ["Ruslan Tolvarov", "Dilnaz Tolvarova"]), "X was", pronoun) == expected


def test_a_name_of_unknown_gender_may_be_he_or_she():
    text = "Wren Hollis met Ruslan Tolvarov at the bakery. Later that day X was detained."
    ctx = context(text, ["Wren Hollis", "Ruslan Tolvarov"])
    assert resolved(ctx, "X was", "he") == [0]  # the sentence before was about Wren Hollis
    assert resolved(ctx, "X was", "she") == [0]


def test_a_pronoun_opening_a_sentence_is_what_the_sentence_before_was_about():
    text = "Ruslan Tolvarov was released, his brother Arman Tolvarov said. X had founded a bakery."
    ctx = context(text, ["Ruslan Tolvarov", "Arman Tolvarov"])
    assert resolved(ctx, "X had", "he") == [0]  # not the nearest name, the topic


def test_a_pronoun_after_a_name_in_its_own_sentence_is_that_name():
    text = "Ruslan Tolvarov opened a bakery. Arman Tolvarov said X was detained."
    ctx = context(text, ["Ruslan Tolvarov", "Arman Tolvarov"])
    assert resolved(ctx, "X was", "he") == [1]


def test_a_kinship_word_tells_the_gender_of_an_unfamiliar_name():
    text = "Wren Hollis was detained. Her husband, Kit Marlowe, said X had been beaten."
    ctx = context(text, ["Wren Hollis", "Kit Marlowe"])
    assert ctx.gender(1) == "m"
    assert resolved(ctx, "X had", "she") == [0]


def test_the_display_name_tells_the_gender_of_a_short_mention():
    text = "Tolvarov met Wren Hollis at the bakery. Later that day X was detained."
    ctx = context(text, ["Tolvarov", "Wren Hollis"])
    assert resolved(ctx, "X was", "she") == [1]  # "Tolvarov" reads as a man's name
    ctx = context(text, ["Tolvarov", "Wren Hollis"], names={0: "Dilnaz Tolvarova"})
    assert resolved(ctx, "X was", "she") == [0]  # her full name tells she is a woman


def test_nobody_named_nearby_is_nobody():
    text = "Ruslan Tolvarov opened a bakery." + " The ovens were warm." * 40 + " Later X was detained."
    assert resolved(context(text, ["Ruslan Tolvarov"]), "X was", "he") == []


def test_a_name_after_the_pronoun_is_not_its_antecedent():
    text = "X was detained. Ruslan Tolvarov opened a bakery."
    assert resolved(context(text, ["Ruslan Tolvarov"]), "X was", "he") == []


# -- they -----------------------------------------------------------------------------------------------

TOGETHER = "Ruslan Tolvarov and Wren Hollis ran the bakery. In May X were detained."

def test_they_are_two_people_named_together():
    assert resolved(context(TOGETHER, ["Ruslan Tolvarov", "Wren Hollis"]), "X were", "they") == [0, 1]


@pytest.mark.parametrize("text", [
    "Ruslan Tolvarov ran the bakery. Wren Hollis sold the bread. In May X were detained.",  # apart
    "Ruslan Tolvarov ran the bakery, and Ruslan Tolvarov sold the bread. In May X were detained.",  # one person
])
def test_they_need_two_people_in_one_sentence(text):
    assert resolved(context(text, ["Ruslan Tolvarov", "Wren Hollis"]), "X were", "they") == []


def test_they_acted_on_are_the_case_group():
    ctx = context(TOGETHER, ["Ruslan Tolvarov", "Wren Hollis"], case_group=[5, 6, 7])
    assert resolved(ctx, "X were", "they", acted_on=True) == [5, 6, 7]
    assert resolved(ctx, "X were", "they") == [0, 1]  # not acted on: the people named together


def test_they_acted_on_without_a_case_group_are_the_people_named_together():
    assert resolved(context(TOGETHER, ["Ruslan Tolvarov", "Wren Hollis"]), "X were", "them", acted_on=True) == [0, 1]


# -- I / we -----------------------------------------------------------------------------------------------

FIRST_PERSON = "Ruslan Tolvarov spoke. “X did nothing wrong,” he said. Y wrote this letter myself."


def test_i_inside_a_quote_is_its_speaker_and_outside_it_the_author():
    quote = (FIRST_PERSON.index("“"), FIRST_PERSON.index("”") + 1)
    ctx = context(FIRST_PERSON, ["Ruslan Tolvarov"], quotes=[(*quote, 0)], author=9)
    assert resolved(ctx, "X did", "I") == [0]
    assert resolved(ctx, "Y wrote", "I") == [9]
    assert resolved(ctx, "Y wrote", "my") == [9]


def test_i_outside_quotes_without_an_author_is_nobody():
    ctx = context(FIRST_PERSON, ["Ruslan Tolvarov"])
    assert resolved(ctx, "Y wrote", "I") == []
    assert resolved(ctx, "X did", "I") == []  # no quote recorded there either


def test_we_is_never_resolved():
    ctx = context(FIRST_PERSON, ["Ruslan Tolvarov"], author=9)
    assert resolved(ctx, "Y wrote", "we") == []


# -- described ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Blogger Sanzhar Omirbek was fined. Wren Hollis paid. Later the blogger appealed.",
    "Sanzhar Omirbek, a local blogger, was fined. Wren Hollis paid. Later the blogger appealed.",
])
def test_the_role_noun_is_the_person_introduced_with_it(text):
    ctx = context(text, ["Sanzhar Omirbek", "Wren Hollis"])
    assert ctx.described("blogger", text.index("the blogger")) == 0


def test_a_role_noun_nobody_was_introduced_with_is_nobody():
    text = "Blogger Sanzhar Omirbek was fined. Later the journalist appealed."
    assert context(text, ["Sanzhar Omirbek"]).described("journalist", text.index("the journalist")) is None


def test_a_noun_that_names_no_role_is_nobody():
    text = "Neighbour Sanzhar Omirbek was fined. Later the neighbour appealed."
    assert context(text, ["Sanzhar Omirbek"]).described("neighbour", text.index("the neighbour")) is None


def test_a_role_noun_before_another_name_does_not_describe_it():
    text = "Blogger Sanzhar Omirbek met Wren Hollis. Later the blogger appealed."
    assert context(text, ["Sanzhar Omirbek", "Wren Hollis"]).described("blogger", text.index("the blogger")) == 0


def test_a_person_introduced_after_the_noun_is_not_described():
    text = "The blogger appealed. Blogger Sanzhar Omirbek was fined."
    assert context(text, ["Sanzhar Omirbek"]).described("blogger", text.index("appealed")) is None


# -- dates_in ---------------------------------------------------------------------------------------------

DATED = "VELGRAD, May 3, 2023. Police detained a baker on Monday. He was freed in June."
DATES = [(DATED.index("May 3"), DATED.index("May 3") + len("May 3, 2023"), "2023-05-03"),
         (DATED.index("Monday"), DATED.index("Monday") + 6, "2023-05-01"),
         (DATED.index("June"), DATED.index("June") + 4, "2023-06")]


def test_dates_in_a_span_leave_out_the_dateline_when_there_are_others():
    ctx = context(DATED, [], dates=DATES)
    assert [d[2] for d in ctx.dates_in(0, DATED.index("He was"))] == ["2023-05-01"]
    assert [d[2] for d in ctx.dates_in(0, len(DATED))] == ["2023-05-01", "2023-06"]


def test_dates_in_keep_the_dateline_when_it_is_alone():
    ctx = context(DATED, [], dates=DATES)
    assert [d[2] for d in ctx.dates_in(0, DATED.index("Police"))] == ["2023-05-03"]


def test_dates_in_only_the_span():
    ctx = context(DATED, [], dates=DATES)
    assert [d[2] for d in ctx.dates_in(DATED.index("He was"), len(DATED))] == ["2023-06"]
    assert ctx.dates_in(DATED.index("Police"), DATED.index("Monday")) == []
