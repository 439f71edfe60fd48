"""Plain data handed from one pipeline stage to the next.

sources -> SourceDocument; clean -> CleanText; nlp -> Analysis; extract -> Mention;
coreference -> LocalEntity (one real-world thing inside one document); resolve -> entities.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("person", "organization", "location", "event", "law")
# the scripts entity names can be shown in ("original": the fullest form, whatever its script)
NAME_SCRIPTS = ("original", "latin", "cyrillic")


@dataclass(frozen=True)
class SourceDocument:
    """One document read from disk, before cleaning.

    ``source`` identifies it on disk: the file path, or ``path#N`` for record N of a JSON file.
    ``text`` is the extracted plain text (for HTML: trafilatura's main text, for PDF/DOCX: the
    text layer), not yet cleaned of boilerplate.
    """

    source: str
    text: str
    format: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD or YYYY-MM) when the source states one


@dataclass(frozen=True)
class CleanText:
    """Text ready for NLP. ``removed`` lists (start, end) spans of ``original`` that were dropped."""

    text: str
    removed: list[tuple[int, int]] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Span:
    """A labelled character span of a document's clean text."""

    start: int
    end: int
    label: str
    text: str
    normal: str | None = None  # the name in its dictionary form, where the backend gives it ("Айгуль Сапарова")


@dataclass(frozen=True)
class ParsedToken:
    """One token of a parsed sentence; ``head`` indexes the sentence's tokens (the root is its own head)."""

    start: int  # offsets in the document's clean text
    end: int
    lemma: str
    pos: str  # universal part of speech (VERB, NOUN, PROPN, ...)
    tag: str  # fine-grained tag (VBN, NNP, ...)
    dep: str  # dependency label (nsubjpass, dobj, agent, ...)
    head: int


@dataclass(frozen=True)
class ParsedSentence:
    """A sentence the parser read: its span and tokens."""

    start: int
    end: int
    tokens: tuple[ParsedToken, ...]


@dataclass
class Analysis:
    """What an NER backend returns for one text: sentence spans, entity spans, token count,
    date expressions, and the dependency parse of the sentences that may state a fact or quote."""

    sentences: list[tuple[int, int]]
    spans: list[Span]
    tokens: int
    dates: list[tuple[int, int]] = field(default_factory=list)
    parses: list[ParsedSentence] = field(default_factory=list)


@dataclass
class Mention:
    """One mention of a named thing: offsets into the stored clean text."""

    start: int
    end: int
    text: str
    label: str  # one of ENTITY_TYPES
    sentence: int
    cluster: int = -1  # index of its LocalEntity within the document


@dataclass
class LocalEntity:
    """All mentions of one thing inside one document, with the fullest proper name seen."""

    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    attributes: dict[str, object] = field(default_factory=dict)  # e.g. a law's article and code

    @property
    def surfaces(self) -> set[str]:
        """Every surface form used for this entity in the document."""
        return {m.text for m in self.mentions}


@dataclass(frozen=True)
class Fact:
    """One fact stated in one sentence: subject/object/place are cluster indexes in the document."""

    type: str
    subject: int
    start: int  # evidence span in the clean text (the sentence)
    end: int
    object: int | None = None
    value: str | None = None
    date: str | None = None
    place: int | None = None


@dataclass(frozen=True)
class Quote:
    """A direct quotation; ``speaker`` is a cluster index in the document, or None."""

    start: int
    end: int
    text: str
    speaker: int | None = None
