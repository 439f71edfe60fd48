"""The Russian NER backend: natasha's segmenter, news NER (PER, ORG, LOC) and morphology.

Its models ship inside the natasha, slovnet and navec packages: nothing is fetched at run time.
Sentences that name a person and hold a justice verb are also parsed (natasha's syntax), with
pymorphy3's dictionary lemmas, for ``casefile.extract.russian_facts`` (the verbs are
``nlp/lexicons/russian_justice.toml``).
Each person's name also gets its nominative (``Span.normal``), read from the morphology of its
tokens (``casefile.nlp.russian_names``), so that "Айгуль Сапаровой" and "Айгуль Сапарова" are one
name. Registered as the ``natasha`` backend; ingest chooses it for documents in Russian.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from casefile.config import Config
from casefile.models import Analysis, ParsedSentence, ParsedToken, Span
from casefile.nlp import lexicons
from casefile.nlp.backends import register_backend
from casefile.nlp.russian_names import case_of, person_nominative, readings

LABELS = {"PER": "person", "ORG": "organization", "LOC": "location"}


@cache
def trigger_lemmas() -> frozenset[str]:
    """The verbs of the Russian justice table: a sentence with one is parsed."""
    return frozenset(v for entry in lexicons.russian_justice_events().values() for v in entry["verbs"])  # type: ignore[union-attr]


@cache
def trigger_stems() -> tuple[str, ...]:
    """The first letters every form of a justice verb begins with ("задерж" of "задержать",
    "задержана"): a cheap test before the dictionary is asked."""
    return tuple(sorted({verb[:max(3, len(verb) - 4)] for verb in trigger_lemmas()}))


def phrase_nominative(text: str) -> str:
    """A body's or a place's name in the nominative: the head noun (the first noun) and the
    adjectives before it, in its gender and number ("Медеуского районного суда" -> "Медеуский
    районный суд"); the words after the head, quoted names and Latin words stay as written
    ("Департамента полиции" -> "Департамент полиции")."""
    words = text.split()
    parses = [_cyrillic_parse(w) for w in words]
    head = next((i for i, p in enumerate(parses) if p is not None and p.tag.POS == "NOUN"), None)
    if head is None or parses[head].tag.case in (None, "nomn"):  # type: ignore[union-attr]
        return text
    grammemes = {"nomn", "plur" if parses[head].tag.number == "plur" else "sing"}  # type: ignore[union-attr]
    gender = parses[head].tag.gender  # type: ignore[union-attr]
    out = list(words)
    for i in range(head + 1):
        parse = parses[i]
        if parse is None:
            continue
        wanted = grammemes | ({gender} if i < head and gender and "sing" in grammemes else set())
        form = parse.inflect(wanted) if parse.tag.POS in ("NOUN", "ADJF", "PRTF") else None
        if form is not None:
            out[i] = _like(form.word, words[i])
    return " ".join(out)


def _cyrillic_parse(word: str) -> object | None:
    if not word.isalpha() or word.isupper() or not any("а" <= ch <= "я" or ch == "ё" for ch in word.lower()):
        return None  # an acronym, a number, a quoted or Latin name: as written
    return readings(word.lower())[0]


def _like(form: str, original: str) -> str:
    return form[:1].upper() + form[1:] if original[:1].isupper() else form


class NatashaBackend:
    """natasha over Russian texts: sentences, named entities with their nominative, tokens."""

    name = "natasha"

    def __init__(self, config: Config) -> None:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.ner = NewsNERTagger(embedding)
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)

    def _tag_names(self, doc: object) -> list[object]:
        """Morphology of the sentences that name a person (the case of each name's words); the
        others need none, and the tagger costs as much as the NER. Returns those sentences."""
        named = {(s.start, s.stop) for s in doc.spans if s.type == "PER"}  # type: ignore[attr-defined]
        sents = [sent for sent in doc.sents  # type: ignore[attr-defined]
                 if any(sent.start <= a and b <= sent.stop for a, b in named)]
        if not sents:
            return []
        markups = self.morph.map([[t.text for t in sent.tokens] for sent in sents])
        for sent, markup in zip(sents, markups):
            for token, tagged in zip(sent.tokens, markup.tokens):
                token.pos, token.feats = tagged.pos, tagged.feats
        return sents

    def _parse(self, sents: list[object]) -> list[ParsedSentence]:
        """The dependency parse of the sentences (of those naming a person) that hold a justice
        verb, with dictionary lemmas, as casefile's ParsedSentence."""
        chosen = []
        stems = trigger_stems()
        for sent in sents:
            if not any(t.text.lower().startswith(stems) for t in sent.tokens):
                continue  # no word begins like a justice verb: no need to look each one up
            parses = [readings(t.text.lower())[0] for t in sent.tokens]
            if any(p.normal_form in trigger_lemmas() for p in parses):
                chosen.append((sent, parses))
        if not chosen:
            return []
        markups = self.syntax.map([[t.text for t in sent.tokens] for sent, _p in chosen])
        out = []
        for (sent, parses), markup in zip(chosen, markups):
            tokens = []
            for k, (token, parsed, tree) in enumerate(zip(sent.tokens, parses, markup.tokens)):
                head = int(tree.head_id) - 1
                tokens.append(ParsedToken(token.start, token.stop, parsed.normal_form, token.pos or "X",
                                          str(parsed.tag), tree.rel, head if head >= 0 else k))
            out.append(ParsedSentence(sent.start, sent.stop, tuple(tokens)))
        return out

    def analyse(self, texts: Iterable[str]) -> Iterator[Analysis]:
        """One Analysis per text, in order."""
        from natasha import Doc

        for text in texts:
            doc = Doc(text)
            doc.segment(self.segmenter)
            doc.tag_ner(self.ner)
            parses = self._parse(self._tag_names(doc))
            spans = []
            for span in doc.spans:
                label = LABELS.get(span.type)
                if label is not None:
                    spans += [_span(text, tokens, label) for tokens in _lines(text, span.tokens, label)]
            yield Analysis(sentences=[(s.start, s.stop) for s in doc.sents], spans=spans, tokens=len(doc.tokens),
                           parses=parses)


def _lines(text: str, tokens: list, label: str) -> list[list]:
    """The span's tokens in runs that do not cross a line break (the model may join a headline's
    last word to the dateline under it); a person's all-capital words are left out (a dateline)."""
    runs: list[list] = [[]]
    for token in tokens:
        if runs[-1] and "\n" in text[runs[-1][-1].stop:token.start]:
            runs.append([])
        if not (label == "person" and token.text.isupper() and len(token.text) > 1):
            runs[-1].append(token)
    return [run for run in runs if run]


def _span(text: str, tokens: list, label: str) -> Span:
    start, end = tokens[0].start, tokens[-1].stop
    surface = text[start:end]
    if label == "person":
        normal = person_nominative([(t.text, case_of(t.feats)) for t in tokens])
    else:
        normal = phrase_nominative(surface)
    return Span(start, end, label, surface, normal)


register_backend("natasha")(NatashaBackend)
