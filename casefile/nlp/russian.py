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

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from casefile.config import Config
from casefile.models import Analysis, ParsedSentence, ParsedToken, Span
from casefile.nlp import lexicons
from casefile.nlp.backends import Finish, failed, register_backend
from casefile.nlp.workers import run_in_workers
from casefile.nlp.russian_names import FIRST_PERSON, PLURAL_PRONOUNS, PRONOUN_GENDER, case_of, person_nominative, readings

LABELS = {"PER": "person", "ORG": "organization", "LOC": "location"}
# words tagged on either side of a person's name: the preposition or verb that governs its case
# and the words agreeing with it (a whole sentence gave the same cases, at twice the cost)
NAME_CONTEXT = 4

# the numerals' dictionary forms and values ("11 сотрудников", "двух активистов", "полтора года")
NUMBER_WORDS = {"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
                "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
                "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
                "девятнадцать": 19, "двадцать": 20, "полтора": 1.5}



@cache
def trigger_lemmas() -> frozenset[str]:
    """The verbs of the Russian justice table and the words of complaints: a sentence with one is parsed."""
    verbs = frozenset(v for entry in lexicons.russian_justice_events().values() for v in entry["verbs"])  # type: ignore[union-attr]
    return verbs | lexicons.load("russian_complaint_words")


@cache
def trigger_requirements() -> dict[str, frozenset[str]]:
    """The words a justice verb of the table needs beside it ("находиться" with "стража"), and a
    complaint a preposition of its target: a sentence with the word and none of them states
    nothing and is not parsed."""
    # a complaint is against someone: "жалобу на Х", "иск против Х", "с иском к Х"
    out: dict[str, frozenset[str]] = dict.fromkeys(lexicons.load("russian_complaint_words"), frozenset({"на", "против", "к"}))
    for entry in lexicons.russian_justice_events().values():
        for verb, needed in entry.get("requires", {}).items():  # type: ignore[union-attr]
            out[verb] = frozenset([needed] if isinstance(needed, str) else needed)
    return out


def _trigger_reading(word: str) -> object:
    """The dictionary reading of a word: the first, unless a later one of the top three is a
    justice verb ("пришли" reads first as "прислать", then as "прийти")."""
    found = readings(word)
    return next((p for p in found[:3] if p.normal_form in trigger_lemmas()), found[0])  # type: ignore[attr-defined]


@cache
def trigger_stems() -> tuple[str, ...]:
    """The first letters the forms of the justice verbs begin with ("задерж" of "задержать",
    "задержана"; "вый" and "выш" of "выйти", "вышел"): a cheap test before the dictionary is asked."""
    stems = set()
    for verb in trigger_lemmas():
        forms = {f.word for f in readings(verb)[0].lexeme}  # type: ignore[attr-defined]
        stem = verb[:max(3, len(verb) - 4)]
        # the forms' own common start where they change the stem ("помест-ить", "помещ-ён": "поме")
        shared = os.path.commonprefix([stem, *(f for f in forms if f.startswith(verb[:3]))])
        stems |= {shared if len(shared) >= 3 else verb[:3]} | {f[:3] for f in forms if not f.startswith(verb[:3])}
    return tuple(sorted(stems))


def phrase_nominative(text: str) -> str:
    """A body's or a place's name in the nominative: the head noun (the first noun) and the
    adjectives before it, in its gender and number ("Медеуского районного суда" -> "Медеуский
    районный суд"); the words after the head, quoted names and Latin words stay as written
    ("Департамента полиции" -> "Департамент полиции")."""
    words = text.split()
    parses = [_cyrillic_parse(w) for w in words]
    heads = lexicons.load("russian_org_words")  # "суд": the head, whatever the words before it may be
    head = next((i for i, p in enumerate(parses) if p is not None and p.normal_form in heads), None)  # type: ignore[attr-defined]
    if head is None:  # else the first noun that cannot be an adjective ("главного" can: "главного редактора")
        nouns = [i for i, p in enumerate(parses) if p is not None and p.tag.POS == "NOUN"]
        head = next((i for i in nouns if not may_be_adjective(words[i])), nouns[0] if nouns else None)
    if head is not None:  # the words before the head noun agree with it: adjectives ("Каратауском районном суде")
        parses = [next((r for r in readings(w.lower()) if r.tag.POS in ("ADJF", "PRTF")), p)  # type: ignore[attr-defined]
                  if i < head and p is not None else p for i, (w, p) in enumerate(zip(words, parses))]
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


def may_be_adjective(word: str) -> bool:
    """One of the word's likelier readings is a describing adjective or participle ("главного"; not
    a pronoun or a number such as "один", "этот")."""
    return any(r.tag.POS in ("ADJF", "PRTF") and "Apro" not in r.tag.grammemes  # type: ignore[attr-defined]
               for r in readings(word.lower())[:3])


def _cyrillic_parse(word: str) -> object | None:
    if not word.isalpha() or word.isupper() or not any("а" <= ch <= "я" or ch == "ё" for ch in word.lower()):
        return None  # an acronym, a number, a quoted or Latin name: as written
    # in a body's or a place's name a word is a noun or an adjective ("Семее" is no comparative), and
    # no surname ("Алмалинском" as a surname ties with the adjective): of the readings of those
    # kinds as likely as the likeliest, one that is not a person's name
    found = [p for p in readings(word.lower()) if p.tag.POS in ("NOUN", "ADJF", "PRTF")] or readings(word.lower())  # type: ignore[attr-defined]
    best = [p for p in found if p.score == found[0].score]  # type: ignore[attr-defined]
    return next((p for p in best if not {"Surn", "Name", "Patr"} & p.tag.grammemes), found[0])  # type: ignore[attr-defined]


def _like(form: str, original: str) -> str:
    return form[:1].upper() + form[1:] if original[:1].isupper() else form


class NatashaBackend:
    """natasha over Russian texts: sentences, named entities with their nominative, tokens."""

    name = "natasha"

    def __init__(self, config: Config) -> None:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        # "auto" is decided by ingest, which knows how many documents come; alone, one process
        self.n_process = config.n_process if isinstance(config.n_process, int) else 1
        self.batch_size = config.batch_size
        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.ner = NewsNERTagger(embedding)
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)

    def _named_sentences(self, doc: object, sentences: list[LineSentence]) -> tuple[list[LineSentence], list[list]]:
        """The sentences that name a person or speak of one by a pronoun (the speaker's own "I"
        too), and the windows of words around each person's name that the morphology tagger must
        read (the case of the name's words); the rest of the text needs none, and the tagger costs
        as much as the NER."""
        named = [(s.start, s.stop) for s in doc.spans if s.type == "PER"]  # type: ignore[attr-defined]
        sents, windows = [], []
        for sent in sentences:
            inside = [(a, b) for a, b in named if sent.start <= a and b <= sent.stop]
            if inside:
                windows += name_windows(sent.tokens, inside)
            if inside or any(t.text.lower() in PRONOUN_GENDER or t.text.lower() in FIRST_PERSON
                             or t.text.lower() in PLURAL_PRONOUNS or _numeral(t.text)
                             for t in sent.tokens):  # "его задержали", "меня оштрафовали", "задержали 11 человек"
                sents.append(sent)
        return sents, windows

    def _tag(self, windows: list[list]) -> None:
        """Part of speech and features of the windows' tokens, in one run of the tagger."""
        if windows:
            markups = self.morph.map([[t.text for t in window] for window in windows])
            for window, markup in zip(windows, markups):
                for token, tagged in zip(window, markup.tokens):
                    token.pos, token.feats = tagged.pos, tagged.feats

    @staticmethod
    def _choose(sents: list[LineSentence]) -> list[tuple[LineSentence, list]]:
        """The sentences (of those naming a person) that hold a justice verb, with each word's
        dictionary readings."""
        chosen = []
        stems = trigger_stems()
        for sent in sents:
            if not any(t.text.lower().startswith(stems) for t in sent.tokens):
                continue  # no word begins like a justice verb: no need to look each one up
            parses = [_trigger_reading(t.text.lower()) for t in sent.tokens]
            lemmas = {p.normal_form for p in parses}
            words = lemmas | {t.text.lower() for t in sent.tokens}  # an acronym's lemma may be a guess ("ШИЗО")
            if any(not trigger_requirements().get(lemma) or trigger_requirements()[lemma] & words
                   for lemma in lemmas & trigger_lemmas()):  # "находится" only with "под стражей"
                chosen.append((sent, parses))
        return chosen

    def _parse(self, chosen: list[tuple[LineSentence, list]]) -> list[ParsedSentence]:
        """The dependency parse of the chosen sentences, in one run of the parser, with
        dictionary lemmas, as casefile's ParsedSentence."""
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

    def analyse_with(self, items: Iterable[tuple[str, Any]], finish: Finish) -> Iterator[tuple[Analysis, Any, Any]]:
        """(analysis, context, finish result) per (text, context) item, in order; with several
        processes, batches of documents are analysed and finished in forked workers."""
        if self.n_process > 1:
            yield from run_in_workers(lambda batch: list(self._finish_each(batch, finish)), items,
                                      self.n_process, self.batch_size)
        else:
            yield from self._finish_each(items, finish)

    def _finish_each(self, items: Iterable[tuple[str, Any]], finish: Finish) -> Iterator[tuple[Analysis, Any, Any]]:
        for batch in _batches(items, self.batch_size):
            try:  # the tagger and the parser run once over the whole batch: far fewer, fuller calls
                analyses: list[Analysis | Exception] = list(self._analyse_batch([text for text, _c in batch]))
            except Exception:  # noqa: BLE001 - one document broke the batch: each alone, to find it
                analyses = []
                for text, _context in batch:
                    try:
                        analyses.append(self._analyse_one(text))
                    except Exception as exc:  # noqa: BLE001 - the model's failure on this one document
                        analyses.append(exc)
            for (text, context), analysis in zip(batch, analyses):
                if isinstance(analysis, Exception):
                    yield failed(text, context, analysis)
                else:
                    yield analysis, context, finish(text, analysis, context)

    def analyse(self, texts: Iterable[str]) -> Iterator[Analysis]:
        """One Analysis per text, in order."""
        for batch in _batches(((text, None) for text in texts), self.batch_size):
            yield from self._analyse_batch([text for text, _c in batch])

    def _analyse_one(self, text: str) -> Analysis:
        return self._analyse_batch([text])[0]

    def _analyse_batch(self, texts: list[str]) -> list[Analysis]:
        from natasha import Doc

        docs, sentences, named, windows = [], [], [], []
        for text in texts:
            doc = Doc(text)
            doc.segment(self.segmenter)
            doc.tag_ner(self.ner)
            sents = line_sentences(text, doc.sents)  # type: ignore[attr-defined]
            chosen, around = self._named_sentences(doc, sents)
            docs.append(doc)
            sentences.append(sents)
            named.append(chosen)
            windows += around
        self._tag(windows)  # before choosing: the parse keeps the tagger's parts of speech
        chosen = [self._choose(sents) for sents in named]
        parsed = iter(self._parse([c for doc_chosen in chosen for c in doc_chosen]))
        out = []
        for text, doc, sents, doc_chosen in zip(texts, docs, sentences, chosen):
            spans = []
            following = {a.start: b for a, b in zip(doc.tokens, doc.tokens[1:])}  # type: ignore[attr-defined]
            for span in doc.spans:  # type: ignore[attr-defined]
                label = LABELS.get(span.type)
                if label is not None:
                    spans += [_span(text, tokens, label, following.get(tokens[-1].start))
                              for tokens in _lines(text, span.tokens, label)]
            out.append(Analysis(sentences=[(s.start, s.stop) for s in sents], spans=spans,
                                tokens=len(doc.tokens), parses=[next(parsed) for _c in doc_chosen]))  # type: ignore[attr-defined]
        return out


def _batches(items: Iterable[tuple[str, Any]], size: int) -> Iterator[list[tuple[str, Any]]]:
    batch: list[tuple[str, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= max(1, size):
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True)
class LineSentence:
    """A sentence of natasha's segmenter, or the part of one on one line."""

    start: int
    stop: int
    tokens: list


def line_sentences(text: str, sents: Iterable[object]) -> list[LineSentence]:
    """natasha's sentences cut at line breaks: a dateline, a headline and the first paragraph
    with no full stop between them are not one sentence."""
    out = []
    for sent in sents:
        run: list = []
        for token in sent.tokens:  # type: ignore[attr-defined]
            if run and "\n" in text[run[-1].stop:token.start]:
                out.append(LineSentence(run[0].start, run[-1].stop, run))
                run = []
            run.append(token)
        if run:
            out.append(LineSentence(run[0].start, run[-1].stop, run))
    return out


def _numeral(word: str) -> bool:
    """A number in digits or a numeral word of two or more: a counted group may stand for a list
    of names ("арестовали 11 сотрудников")."""
    if word.isdigit():
        return 1 < int(word) < 100
    word = word.lower()
    return word[:3] in _numeral_starts() and readings(word)[0].normal_form in NUMBER_WORDS


@cache
def _numeral_starts() -> frozenset[str]:
    """The first three letters of every form of the numeral words ("трёх", "двумя")."""
    return frozenset(form.word[:3] for w in NUMBER_WORDS for form in readings(w)[0].lexeme)  # type: ignore[attr-defined]


def name_windows(tokens: list, names: list[tuple[int, int]], context: int = NAME_CONTEXT) -> list[list]:
    """Runs of ``tokens`` that cover each name (start, stop offsets) with ``context`` tokens on
    either side, overlapping runs joined: what the tagger needs to read a name's case."""
    runs: list[list[int]] = []
    for start, stop in sorted(names):
        inside = [k for k, t in enumerate(tokens) if start <= t.start and t.stop <= stop]
        if not inside:
            continue
        first, last = max(0, inside[0] - context), min(len(tokens), inside[-1] + context + 1)
        if runs and first <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    return [tokens[a:b] for a, b in runs]


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


def _span(text: str, tokens: list, label: str, after: object | None = None) -> Span:
    """The span over ``tokens`` with its nominative; ``after``: the token that follows it."""
    start, end = tokens[0].start, tokens[-1].stop
    surface = text[start:end]
    if label == "person":
        normal = person_nominative([(t.text, case_of(t.feats)) for t in tokens], _past_verb_gender(after))
    else:
        normal = phrase_nominative(surface)
    return Span(start, end, label, surface, normal)


def _past_verb_gender(token: object | None) -> str | None:
    """"m" or "f" when ``token`` is a verb in the singular past tense ("назначила"), which agrees
    in gender with its subject; else None."""
    feats = getattr(token, "feats", None) or {}
    if feats.get("VerbForm") != "Fin" or feats.get("Tense") != "Past" or feats.get("Number") != "Sing":
        return None
    return {"Masc": "m", "Fem": "f"}.get(feats.get("Gender", ""))


register_backend("natasha")(NatashaBackend)
