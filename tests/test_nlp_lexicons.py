"""Word lists and their forms (casefile.nlp.lexicons)."""
from __future__ import annotations

import pytest

from casefile.nlp import lexicons
from casefile.nlp.parse import trigger_words

# the keys casefile.nlp.parse.trigger_words reads: a word under any other key would never trigger a parse
WORD_KEYS = {"verbs", "nouns", "guilty_verbs", "case_nouns", "objects", "ruling_verbs", "case_verbs",
             "filing_verbs", "giving_verbs", "ruling_objects"}
IDIOM_KEYS = {"light_verbs", "undergoer_verbs"}


# -- inflections ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lemma", "forms"), [
    ("detain", {"detain", "detains", "detained", "detaining"}),
    ("free", {"frees", "freed", "freeing"}),
    ("try", {"tries", "tried", "trying"}),  # consonant + y
    ("plan", {"planned", "planning"}),  # a doubled final consonant
    ("acquit", {"acquitted", "acquitting"}),  # the u of "qu" is a consonant: the t doubles
    ("hold", {"held", "holding"}),  # irregular
    ("write", {"wrote", "written", "writing"}),
])
def test_inflections_include_the_real_forms(lemma, forms):
    assert forms <= lexicons.inflections(lemma)


@pytest.mark.parametrize(("lemma", "not_forms"), [
    ("play", {"plaied", "plaies", "playyed"}),  # a vowel before the y: no -ied, no doubling
    ("detain", {"detainned"}),  # two vowels before the last consonant: no doubling
    ("box", {"boxxed"}),  # x is never doubled
    ("quote", {"quotted"}),  # "quo" + te: the last letter is a vowel, nothing doubles
    ("squeak", {"squeakked"}),  # two vowels before the k
])
def test_inflections_do_not_overapply_spelling_rules(lemma, not_forms):
    assert not lexicons.inflections(lemma) & not_forms


# -- lemma_table --------------------------------------------------------------------------------------

def test_a_form_two_lemmas_share_goes_to_the_shorter():
    table = lexicons.lemma_table({"plane", "plan"})
    assert table["planed"] == table["planes"] == "plan"
    assert table["planned"] == "plan"


def test_a_listed_word_is_its_own_lemma():
    table = lexicons.lemma_table({"hear", "hearing"})
    assert table["hearing"] == "hearing"  # not "hear", though it is one of its forms
    assert table["heard"] == table["hears"] == "hear"
    assert lexicons.lemma_table({"hear"})["hearing"] == "hear"  # unlisted, it is a form of "hear"


@pytest.mark.parametrize(("words", "plural", "singular"), [
    ({"year", "years"}, "years", "year"),
    ({"party", "parties"}, "parties", "party"),
    ({"box", "boxes"}, "boxes", "box"),
])
def test_a_listed_plural_goes_to_its_singular(words, plural, singular):
    assert lexicons.lemma_table(words)[plural] == singular


# -- trigger_lemmas --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("form", "lemma"), [
    ("detained", "detain"),  # a justice verb
    ("took", "take"),  # an idiom's irregular verb
    ("custody", "custody"),  # an idiom's object
    ("said", "say"),  # a speech verb
    ("daughters", "daughter"),  # kinship
    ("son-in-law", "son-in-law"),
    ("hearing", "hearing"),  # a justice noun, not the verb "hear"
    ("charges", "charge"),  # listed beside its singular
    ("sentenced", "sentence"),
])
def test_trigger_lemmas(form, lemma):
    assert lexicons.trigger_lemmas().get(form) == lemma


def test_trigger_lemmas_leave_other_words_out():
    table = lexicons.trigger_lemmas()
    assert "orchard" not in table and "baked" not in table


# -- justice_events -------------------------------------------------------------------------------------

def test_justice_events_are_tables_of_lowercase_words_under_known_keys():
    table = lexicons.justice_events()
    assert {"detention", "charge", "trial", "conviction", "sentence", "acquittal", "release", "appeal"} <= set(table)
    for event, entry in table.items():
        assert entry.get("verbs") or entry.get("nouns"), event
        assert set(entry) <= WORD_KEYS | IDIOM_KEYS, event
        for key in set(entry) & WORD_KEYS:
            assert all(isinstance(w, str) and w == w.strip().lower() and " " not in w for w in entry[key]), (event, key)


def test_justice_idioms_have_verbs_and_an_object_or_particle():
    idioms = [(event, idiom) for event, entry in lexicons.justice_events().items()
              for key in IDIOM_KEYS for idiom in entry.get(key, ())]
    assert idioms
    for event, idiom in idioms:
        assert set(idiom) <= {"verbs", "prep", "objects", "particles", "governed_by"}, event
        assert idiom["verbs"] and (idiom.get("objects") or idiom.get("particles")), event
        assert isinstance(idiom.get("prep", ""), str), event


# -- the other lists ------------------------------------------------------------------------------------

def _justice_words() -> set[str]:
    words: set[str] = set()
    for entry in lexicons.justice_events().values():
        for key, value in entry.items():
            if key in WORD_KEYS:
                words.update(value)
            else:
                for idiom in value:
                    words.update(idiom["verbs"], idiom.get("objects", ()), idiom.get("governed_by", ()))
    return words


def test_everyday_justice_words_are_single_words_of_the_justice_table():
    words = _justice_words()
    everyday = lexicons.everyday_justice_words()
    assert {"case", "find", "order", "sentence"} <= everyday
    for word in everyday:
        assert word in words or (word.endswith("s") and word[:-1] in words), word


def test_everyday_justice_words_are_no_plain_justice_triggers():
    triggers = trigger_words()
    assert "case" in triggers.common and "case" not in triggers.justice
    assert "detained" in triggers.justice and "detained" not in triggers.common


def test_case_roles_are_roles_in_a_case_not_posts():
    roles = lexicons.case_roles()
    assert {"witness", "victim", "defendant", "suspect"} <= roles
    assert not roles & {"judge", "lawyer", "prosecutor", "director"}


def test_kinship_words_include_in_law_compounds():
    kin = lexicons.kinship_words()
    assert {"son", "sister", "son-in-law", "mother-in-law", "sister-in-law"} <= kin
    assert "uncle-in-law" not in kin  # only the compounds English uses
    assert not {"lawyer", "judge"} & kin
