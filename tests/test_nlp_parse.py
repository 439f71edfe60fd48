"""Sentence selection and parse packing (casefile.nlp.parse). Sentences invented."""
from __future__ import annotations

import pytest
import spacy
import srsly
from spacy.tokens import Doc

from casefile.models import ParsedSentence, ParsedToken
from casefile.nlp.parse import SentenceSignals, needs_parse, pack, part_of_speech, tells_case, unpack_parses


def signals(sentence: str, model_name: bool = False, capitalised: bool = False, quote: bool = False) -> SentenceSignals:
    """Signals of a sentence written in lower case, one word per space."""
    return SentenceSignals(frozenset(sentence.lower().split()), model_name, capitalised, quote)


# -- needs_parse ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "kwargs"), [
    ("someone detained him at the bakery", {}),  # a pronoun is someone
    ("someone detained the baker at dawn", {"capitalised": True}),  # a capitalised word may be a name
    ("the verdict upset the baker", {"model_name": True}),
])
def test_a_justice_word_next_to_someone_is_parsed(sentence, kwargs):
    assert needs_parse(signals(sentence, **kwargs))
    assert tells_case(signals(sentence, **kwargs))


def test_a_justice_word_with_nobody_is_not_parsed():
    s = signals("the verdict upset the bakery trade")
    assert not needs_parse(s)
    assert not tells_case(s)


def test_an_everyday_justice_word_needs_a_name_or_the_first_person():
    assert needs_parse(signals("the case of the baker was heard", model_name=True))
    assert needs_parse(signals("the case of the baker was heard", capitalised=True))
    assert needs_parse(signals("the court sentenced me to five years"))  # a letter's own events
    # a third-person pronoun alone is not enough for "case", "heard" ...
    assert not needs_parse(signals("in that case he would have heard"))
    # and an everyday word tells no case that later sentences may refer to
    assert not tells_case(signals("the case of the baker was heard", model_name=True))
    # unless the word is a case step in any use, next to a name the model found
    assert tells_case(signals("the baker was sentenced to a fine", model_name=True))
    assert not tells_case(signals("the baker was sentenced to a fine"))


def test_a_speech_verb_needs_a_quotation_mark():
    assert needs_parse(signals("she said the ovens were cold", quote=True))
    assert not needs_parse(signals("she said the ovens were cold"))


@pytest.mark.parametrize("sentence", [
    "his brother opened the bakery",
    "her son-in-law opened the bakery",  # "-in-law" forms are kinship words too
    "the lawyer thanked her",  # a role word
    "she is a member of the choir",  # membership
    "his boss opened the bakery",  # a superior
])
def test_relation_and_role_words_next_to_someone_are_parsed(sentence):
    assert needs_parse(signals(sentence))


@pytest.mark.parametrize("sentence", [
    "the brother opened the bakery",
    "a lawyer opened the bakery",
])
def test_relation_and_role_words_with_nobody_are_not_parsed(sentence):
    assert not needs_parse(signals(sentence))


def test_an_idiom_counts_when_its_verb_and_object_co_occur():
    assert needs_parse(signals("they took him into custody"))
    assert not needs_parse(signals("they took him home"))  # the verb alone
    assert not needs_parse(signals("they fought a custody battle"))  # the object alone


def test_a_nameless_justice_sentence_is_parsed_once_a_case_was_told():
    s = signals("the trial opened at noon")
    assert not needs_parse(s)
    assert needs_parse(s, case_told=True)


def test_a_case_told_does_not_make_a_nameless_everyday_word_worth_parsing():
    assert not needs_parse(signals("the case opened at noon"), case_told=True)


def test_a_sentence_without_trigger_words_is_not_parsed():
    s = signals("she baked bread for the village", model_name=True, capitalised=True, quote=True)
    assert not needs_parse(s, case_told=True)


# -- part_of_speech -------------------------------------------------------------------------------

@pytest.mark.parametrize(("tag", "word", "dep", "expected"), [
    ("NNP", "Velmora", "nsubj", "PROPN"),
    ("NNS", "ovens", "dobj", "NOUN"),
    ("VBD", "baked", "ROOT", "VERB"),
    ("VBD", "was", "auxpass", "AUX"),  # an auxiliary by its word and label
    ("VBZ", "Has", "aux", "AUX"),  # the word is compared lower-cased
    ("VBD", "was", "ROOT", "AUX"),  # a copula
    ("VBD", "had", "dobj", "VERB"),  # an auxiliary's word in another role stays a verb
    ("MD", "will", "aux", "AUX"),
    ("IN", "because", "mark", "SCONJ"),
    ("IN", "in", "prep", "ADP"),
    ("HYPH", "-", "punct", "PUNCT"),
    ("NOT-A-TAG", "x", "dep", "X"),
])
def test_part_of_speech_from_the_tag(tag, word, dep, expected):
    assert part_of_speech(tag, word, dep) == expected


# -- pack / unpack_parses -------------------------------------------------------------------------

def documents() -> tuple[Doc, Doc]:
    """A document of two sentences, and its second sentence alone tagged and parsed by hand,
    without a model's lemmas or parts of speech (what the component hands to ``pack``)."""
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["It", "rained", ".", "Bakers", "sold", "bread", "."],
              spaces=[True, False, True, True, True, False, False])
    sub = Doc(vocab, words=["Bakers", "sold", "bread", "."], spaces=[True, True, False, False],
              tags=["NNS", "VBD", "NN", "."], deps=["nsubj", "ROOT", "dobj", "punct"], heads=[1, 1, 1, 1])
    return doc, sub


def test_pack_fills_lemma_and_part_of_speech_without_a_model():
    [(start, end, tokens)] = pack(*documents(), [(3, 7)])
    assert (start, end) == (11, 29)  # offsets in the whole document, not in the parsed sentence
    assert tokens[0] == [11, 17, "bakers", "NOUN", "NNS", "nsubj", 1]  # the lower-cased word as lemma
    assert [t[3] for t in tokens] == ["NOUN", "VERB", "NOUN", "PUNCT"]
    assert [t[6] for t in tokens] == [1, 1, 1, 1]  # heads counted within the sentence


def test_pack_and_unpack_round_trip_through_msgpack():
    packed = pack(*documents(), [(3, 7)])
    [parse] = unpack_parses(srsly.msgpack_loads(srsly.msgpack_dumps(packed)))
    assert parse == ParsedSentence(11, 29, (
        ParsedToken(11, 17, "bakers", "NOUN", "NNS", "nsubj", 1),
        ParsedToken(18, 22, "sold", "VERB", "VBD", "ROOT", 1),
        ParsedToken(23, 28, "bread", "NOUN", "NN", "dobj", 1),
        ParsedToken(28, 29, ".", "PUNCT", ".", "punct", 1),
    ))


# -- through the real backend ----------------------------------------------------------------------

TEXT = ("The orchard behind the mill was quiet that spring. "
        "Police detained Borislav Tenkin in Ostravel on 14 March 2019. "
        "The apples were small and sour.")


@pytest.fixture(scope="module")
def analysis(spacy_backend):
    return next(iter(spacy_backend.analyse([TEXT])))


def test_the_backend_parses_the_trigger_sentence_only(analysis):
    trigger = TEXT.index("Police")
    assert [p.start for p in analysis.parses] == [trigger]
    words = {TEXT[t.start:t.end]: t for t in analysis.parses[0].tokens}
    assert words["detained"].dep == "ROOT"
    assert words["Tenkin"].dep == "dobj"
    assert words["Tenkin"].head == list(words).index("detained")
    assert words["Police"].pos == "NOUN"  # from the tag map, with the attribute ruler disabled


def test_the_backend_keeps_the_model_date_spans(analysis):
    assert [TEXT[s:e] for s, e in analysis.dates] == ["14 March 2019"]


def test_a_batch_is_parsed_as_each_document_alone(spacy_backend):
    texts = [TEXT, "Nothing happened in the valley.", "Judges in Ostravel acquitted Mirela Dask. She thanked them.",
             "The prosecutor charged Tomas Velk with fraud, and the court remanded him."]
    together = list(spacy_backend.analyse(texts))
    alone = [next(iter(spacy_backend.analyse([text]))) for text in texts]
    assert [a.parses for a in together] == [a.parses for a in alone]
    assert [a.sentences for a in together] == [a.sentences for a in alone]
    assert [len(a.parses) for a in together] == [1, 0, 1, 1]


def test_an_unfamiliar_first_word_may_be_a_name(spacy_backend):
    for second, parsed in (("Abishev was charged with arson.", True),
                           ("Bakers were charged with arson.", False)):  # an English word: nobody named
        text = "Tolen Abishev is a baker. " + second
        [analysis] = list(spacy_backend.analyse([text]))
        assert (second in [text[p.start:p.end] for p in analysis.parses]) is parsed


def test_a_quote_in_single_curly_marks_is_parsed(spacy_backend):
    for second, parsed in (("‘The bread was stale’, said Tolen Abishev.", True),
                           ("Tolen Abishev’s bakery said nothing new.", False)):  # near miss: an apostrophe
        text = "The village has one bakery. " + second
        [analysis] = list(spacy_backend.analyse([text]))
        assert any("said" in text[p.start:p.end] for p in analysis.parses) is parsed
