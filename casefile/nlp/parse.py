"""Dependency parses of the sentences that may state a fact or a quote, and only of those.

Parsing costs as much as NER, and most sentences of a news article state no justice event, no
post, no kinship and no quote. So NER runs over the whole text and the parser only over
sentences that carry a trigger word (a lemma of the justice, speech, kinship, role or
membership lexicons) next to a name or a pronoun. The selection reads inflected forms, since
lemmas are not known before the parse; the extractors then read the parser's real lemmas.

``SentenceParser`` is a spaCy component: it runs in the worker processes with NER, so parsing
is spread over all cores, and it leaves plain tuples in ``doc.user_data`` (they survive the trip
back from a worker), which ``unpack_parses`` turns into ``ParsedSentence`` objects.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from casefile.models import ParsedSentence, ParsedToken
from casefile.nlp import lexicons

USER_DATA_KEY = "casefile_parses"
SENTENCES_KEY = "casefile_sentences"
PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# words that may stand for a person acted on or speaking when no name is in the sentence
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "them", "me", "us", "his", "their", "my", "our"})
QUOTE_MARKS = frozenset("“”«»„\"")


@dataclass(frozen=True)
class TriggerWords:
    """Inflected forms that make a sentence worth parsing.

    ``primary``: a justice verb or noun, a speech verb, a kinship, superior, membership or order
    word. ``roles``: role words, which state a post only next to a name. ``light`` and
    ``light_objects``: idioms ("taken into custody") count when verb and object both occur.
    """

    primary: frozenset[str]
    roles: frozenset[str]
    light: frozenset[str]
    light_objects: frozenset[str]


def _forms(lemmas: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for lemma in lemmas:
        out |= lexicons.inflections(lemma)
    return out


@cache
def trigger_words() -> TriggerWords:
    """The trigger forms of all lexicons, built once."""
    primary: set[str] = set()
    light: set[str] = set()
    light_objects: set[str] = set()
    for entry in lexicons.justice_events().values():
        for key in ("verbs", "nouns", "guilty_verbs", "case_nouns", "objects", "ruling_verbs"):
            primary |= _forms(entry.get(key, ()))  # type: ignore[arg-type]
        for key in ("light_verbs", "undergoer_verbs"):
            for idiom in entry.get(key, ()):  # type: ignore[union-attr]
                light |= _forms(idiom["verbs"])
                light_objects |= _forms(idiom.get("objects", ())) | set(idiom.get("particles", ()))
    primary |= _forms(lexicons.speech_verbs()) | _forms(lexicons.kinship_words())
    primary |= _forms(lexicons.superior_words()) | _forms(lexicons.membership_words())
    primary.discard("be")
    roles = frozenset(_forms(lexicons.role_words()))
    return TriggerWords(frozenset(primary), roles, frozenset(light), frozenset(light_objects))


def needs_parse(words: list[str], has_name: bool, has_quote: bool) -> bool:
    """True when a sentence (its lower-cased words) may state a fact or attribute a quote."""
    triggers = trigger_words()
    if not has_name and not has_quote and not PRONOUNS.intersection(words):
        return False
    present = set(words)
    if present & triggers.primary:
        return True
    if (has_name or PRONOUNS.intersection(words)) and present & triggers.roles:
        return True
    return bool(present & triggers.light and present & triggers.light_objects)


def pack(offset: int, doc: object) -> list:  # doc: a spacy.tokens.Doc of one sentence
    """A parsed sentence as plain lists (what msgpack can carry back from a worker)."""
    tokens = [[offset + t.idx, offset + t.idx + len(t.text), t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i]
              for t in doc]  # type: ignore[attr-defined]
    return [offset, offset + len(doc.text), tokens]  # type: ignore[attr-defined]


def unpack_parses(data: Iterable[list]) -> list[ParsedSentence]:
    """The plain lists of ``pack`` back as ParsedSentence objects."""
    return [ParsedSentence(start, end, tuple(ParsedToken(*t) for t in tokens)) for start, end, tokens in data]


class SentenceParser:
    """spaCy component: final sentence spans in ``user_data``, and the parse of trigger sentences.

    ``segment`` turns the model's sentences into casefile's (split at lines, rejoined after
    abbreviations); the parse pipes are the model's own tok2vec, tagger, parser, attribute ruler
    and lemmatizer, disabled for the whole text and run here on the chosen sentences only.
    """

    def __init__(self, nlp: object, segment: Callable[[str, list[tuple[int, int]]], list[tuple[int, int]]]) -> None:
        self.nlp = nlp
        self.segment = segment

    def _pipes(self) -> list[object]:
        names = set(self.nlp.component_names)  # type: ignore[attr-defined]
        return [self.nlp.get_pipe(n) for n in PARSE_PIPES if n in names]  # type: ignore[attr-defined]

    def __call__(self, doc: object) -> object:
        text: str = doc.text  # type: ignore[attr-defined]
        sentences = self.segment(text, [(s.start_char, s.end_char) for s in doc.sents])  # type: ignore[attr-defined]
        named = [(e.start_char, e.end_char) for e in doc.ents  # type: ignore[attr-defined]
                 if e.label_ in {"PERSON", "ORG", "GPE", "NORP"}]
        chosen: list[object] = []
        for start, end in sentences:
            span = doc.char_span(start, end, alignment_mode="expand")  # type: ignore[attr-defined]
            if span is None or len(span) > 150:
                continue  # a run-together table, not a sentence
            words = [t.lower_ for t in span]
            # a name the model tagged, or a capitalised word inside the sentence (casefile's own
            # rules find names the model misses)
            has_name = any(start <= s < end for s, _e in named) or any(t.is_title for t in span[1:])
            has_quote = any(ch in QUOTE_MARKS for ch in text[start:end])
            if needs_parse(words, has_name, has_quote):
                chosen.append(span)
        docs: Iterator[object] | list[object] = [span.as_doc() for span in chosen]  # type: ignore[attr-defined]
        for pipe in self._pipes():
            docs = pipe.pipe(docs)  # type: ignore[attr-defined]
        parsed = [pack(span.start_char, sub) for span, sub in zip(chosen, docs)]  # type: ignore[attr-defined]
        doc.user_data[SENTENCES_KEY] = [list(s) for s in sentences]  # type: ignore[attr-defined]
        doc.user_data[USER_DATA_KEY] = parsed  # type: ignore[attr-defined]
        return doc


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def sentence_words(text: str) -> list[str]:
    """Lower-cased words of a text, split like the selection expects (for callers without tokens)."""
    return [w.lower() for w in _WORD.findall(text)]
