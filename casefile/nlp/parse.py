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

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from casefile.models import ParsedSentence, ParsedToken
from casefile.nlp import lexicons

USER_DATA_KEY = "casefile_parses"
SENTENCES_KEY = "casefile_sentences"
FINISHED_KEY = "casefile_finished"
# the attribute ruler and lemmatizer cost as much as the parser itself; the part of speech comes
# from the tag (TAG_POS) and the extractors know the lemmas of the words they look for
PARSE_PIPES = ("tok2vec", "tagger", "parser")
DISABLED_PIPES = PARSE_PIPES
# Penn Treebank tags to universal parts of speech (the mapping spaCy's English models use)
TAG_POS = {
    ".": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", "``": "PUNCT", '""': "PUNCT", "''": "PUNCT",
    ":": "PUNCT", "HYPH": "PUNCT", "NFP": "PUNCT", "$": "SYM", "#": "SYM", "SYM": "SYM", "AFX": "ADJ",
    "CC": "CCONJ", "CD": "NUM", "DT": "DET", "PDT": "DET", "EX": "PRON", "PRP": "PRON", "PRP$": "PRON",
    "WDT": "PRON", "WP": "PRON", "WP$": "PRON", "IN": "ADP", "RP": "ADP", "JJ": "ADJ", "JJR": "ADJ",
    "JJS": "ADJ", "MD": "AUX", "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "POS": "PART",
    "TO": "PART", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV", "UH": "INTJ", "VB": "VERB",
    "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "_SP": "SPACE", "SP": "SPACE",
}
AUXILIARIES = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "have", "has",
                         "had", "having", "do", "does", "did", "'ve", "'d"})
# words that may stand for a person acted on or speaking when no name is in the sentence
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "them", "me", "us", "his", "their", "my", "our"})
# quotation marks, with the single opening mark of British style (‘…’): its closing twin is also
# the apostrophe, so it alone says a sentence quotes someone
_QUOTING_MARKS = frozenset(lexicons.QUOTE_MARKS + "‘")
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_CALENDAR_WORDS = frozenset(lexicons.MONTH_NAMES + lexicons.WEEKDAY_NAMES)
# forms of everyday justice words that only ever state a case step ("sentenced", unlike "case")
_TELLING_FORMS = frozenset({"sentenced"})


@dataclass(frozen=True)
class TriggerWords:
    """Inflected forms that make a sentence worth parsing, by what they need beside them.

    ``justice``: a justice word that is no everyday word ("detained", "verdict"); ``common``: a
    justice word that is ("case", "find", "sentence"), which needs a name the model found;
    ``speech``: a speech verb, which matters next to a quotation mark; ``relations``: kinship,
    superior and membership words; ``roles``: role words; ``light`` and ``light_objects``: idioms
    ("taken into custody"), which count when verb and object both occur.
    """

    justice: frozenset[str]
    common: frozenset[str]
    speech: frozenset[str]
    relations: frozenset[str]
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
    table = lexicons.justice_events()
    justice: set[str] = set()
    light: set[str] = set()
    light_objects: set[str] = set()
    for entry in table.values():
        for key in ("verbs", "nouns", "guilty_verbs", "case_nouns", "objects", "ruling_verbs", "case_verbs",
                    "filing_verbs", "giving_verbs", "ruling_objects"):
            justice |= _forms(entry.get(key, ()))  # type: ignore[arg-type]
        for key in ("light_verbs", "undergoer_verbs"):
            for idiom in entry.get(key, ()):  # type: ignore[union-attr]
                light |= _forms(idiom["verbs"])
                light_objects |= _forms(idiom.get("objects", ())) | set(idiom.get("particles", ()))
    common = frozenset(_forms(lexicons.everyday_justice_words()))
    relations = _forms(lexicons.kinship_words()) | _forms(lexicons.superior_words()) | _forms(lexicons.membership_words()) \
        | _forms(lexicons.load("subordinate_words"))
    return TriggerWords(frozenset(justice - common), common & frozenset(justice), frozenset(_forms(lexicons.speech_verbs())),
                        frozenset(relations), frozenset(_forms(lexicons.role_words())),
                        frozenset(light), frozenset(light_objects))


@dataclass(frozen=True)
class SentenceSignals:
    """What the selection knows of a sentence before parsing it."""

    words: frozenset[str]  # lower-cased
    model_name: bool  # a name the NER model tagged
    capitalised: bool  # a capitalised word after the first (names casefile's rules may find)
    quote: bool  # a quotation mark


@cache
def _unfamiliar(word: str) -> bool:
    """A sentence's first word that may be a name: no English word, stop word or month."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from casefile.nlp.english import is_english_word

    return len(word) >= 3 and word.isalpha() and word not in STOP_WORDS and not is_english_word(word) \
        and word not in _CALENDAR_WORDS


def needs_parse(s: SentenceSignals, case_told: bool = False) -> bool:
    """True when a sentence may state a fact or attribute a quote.

    ``case_told``: an earlier sentence of the document told a justice event about someone, so a
    nameless "the trial" or "the hearing" here may be theirs.
    """
    t = trigger_words()
    someone = s.model_name or s.capitalised or bool(PRONOUNS & s.words)
    if s.words & t.justice and (someone or case_told):
        return True
    # "the court sentenced me": a letter's own events; "the lawyers of the three defenders will
    # appeal": after a case was told, people named by their trade
    if s.words & t.common and (s.model_name or s.capitalised or bool(FIRST_PERSON & s.words)
                               or (case_told and (someone or bool(s.words & t.roles)))):
        return True
    if s.words & t.speech and s.quote:
        return True
    if someone and (s.words & t.relations or s.words & t.roles):
        return True
    return bool(someone and s.words & t.light and s.words & t.light_objects)


def tells_case(s: SentenceSignals) -> bool:
    """A sentence with a justice word next to someone: later nameless events may be theirs."""
    t = trigger_words()
    if s.words & _TELLING_FORMS and s.model_name:  # "A was sentenced": an everyday word that is a case step
        return True
    return bool(s.words & t.justice) and (s.model_name or s.capitalised or bool(PRONOUNS & s.words))


def part_of_speech(tag: str, word: str, dep: str) -> str:
    """The universal part of speech of a tagged word: from the tag, with auxiliaries told apart."""
    pos = TAG_POS.get(tag, "X")
    if pos == "VERB" and word.lower() in AUXILIARIES and dep in ("aux", "auxpass", "ROOT", "ccomp", "conj", "relcl"):
        return "AUX"
    if pos == "ADP" and dep == "mark":
        return "SCONJ"
    return pos


def pack(doc: object, sub: object, chosen: list[tuple[int, int]]) -> list:
    """The parsed sentences as plain lists (what a worker can send back cheaply), with the
    offsets of the original document: ``sub`` holds the token ranges ``chosen`` of ``doc`` one
    after the other. The lemma is the model's when it has a lemmatizer running, else the
    lower-cased word; the part of speech likewise, else the one the tag implies."""
    parsed, base = [], 0
    for i, j in chosen:
        n = j - i
        rows = []
        for k in range(n):
            t = sub[base + k]  # type: ignore[index]
            start = doc[i + k].idx  # type: ignore[index]
            head = t.head.i - base
            rows.append([start, start + len(t.text), t.lemma_ or t.lower_,
                         t.pos_ or part_of_speech(t.tag_, t.text, t.dep_), t.tag_, t.dep_,
                         head if 0 <= head < n else k])
        parsed.append([rows[0][0], rows[-1][1], rows])
        base += n
    return parsed


def unpack_parses(data: Iterable[list]) -> list[ParsedSentence]:
    """The plain lists of ``pack`` back as ParsedSentence objects."""
    return [ParsedSentence(start, end, tuple(ParsedToken(*t) for t in tokens)) for start, end, tokens in data]


T = TypeVar("T")
# the most tokens parsed as one Doc (a long document's chosen sentences go in several)
SUB_DOC_TOKENS = 5000


def bounded_groups(items: list[T], size: Callable[[T], int], limit: int) -> list[list[T]]:
    """The items in consecutive groups whose sizes add up to at most ``limit`` (a larger item
    alone): each document's chosen sentences as sub-docs, the sub-docs as parser batches, so the
    parser's memory stays bounded while it still runs on batches."""
    groups: list[list[T]] = []
    total = limit
    for item in items:
        n = size(item)
        if total + n > limit:
            groups.append([])
            total = 0
        groups[-1].append(item)
        total += n
    return groups


class SentenceParser:
    """spaCy component: final sentence spans in ``user_data``, and the parse of trigger sentences.

    ``segment`` turns the model's sentences into casefile's (split at lines, rejoined after
    abbreviations); the parse pipes are the model's own tok2vec, tagger and parser, disabled for
    the whole text and run here on the chosen sentences only (lemmas come from casefile's table).
    """

    def __init__(self, nlp: object, segment: Callable[[str, list[tuple[int, int]]], list[tuple[int, int]]]) -> None:
        self.nlp = nlp
        self.segment = segment
        # set by the backend for a run: the next stage's work on each document, done here in the
        # worker; its plain result travels back in user_data
        self.finish: Callable[[object], object] | None = None

    def _pipes(self) -> list[object]:
        names = set(self.nlp.component_names)  # type: ignore[attr-defined]
        return [self.nlp.get_pipe(n) for n in PARSE_PIPES if n in names]  # type: ignore[attr-defined]

    def __call__(self, doc: object) -> object:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[object], batch_size: int = 8) -> Iterator[object]:
        """The component over a stream: the chosen sentences of a whole batch of documents are
        parsed together (the model's layers run faster on a batch than doc by doc)."""
        batch: list[object] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: list[object]) -> list[object]:
        chosen = [self._choose(doc) for doc in docs]
        # each document's chosen sentences in pieces of bounded length: the parser's memory grows
        # with the length of the Doc it is given, and a long text may have thousands of them
        groups = [bounded_groups(spans, lambda r: r[1] - r[0], SUB_DOC_TOKENS) for spans in chosen]
        subs = [self._sub_doc(doc, group) for doc, doc_groups in zip(docs, groups) for group in doc_groups]
        parsed = [s for s in subs if s is not None]
        batches = bounded_groups(parsed, len, 4 * SUB_DOC_TOKENS)  # type: ignore[arg-type]
        done = iter([doc for batch in batches for doc in self._parse(batch)])
        for doc, doc_groups in zip(docs, groups):
            doc.user_data[USER_DATA_KEY] = [row for group in doc_groups for row in pack(doc, next(done), group)]  # type: ignore[attr-defined]
            if self.finish is not None:
                doc.user_data[FINISHED_KEY] = self.finish(doc)  # type: ignore[attr-defined]
                doc.user_data[USER_DATA_KEY] = []  # read here; not worth sending back to the main process
        return docs

    def _parse(self, subs: list[object]) -> list[object]:
        for pipe in self._pipes():
            subs = list(pipe.pipe(subs, batch_size=len(subs) or 1))  # type: ignore[attr-defined]
        return subs

    def _choose(self, doc: object) -> list[tuple[int, int]]:
        """Sets the final sentence spans; returns the token ranges of the sentences to parse."""
        text: str = doc.text  # type: ignore[attr-defined]
        sentences = self.segment(text, [(s.start_char, s.end_char) for s in doc.sents])  # type: ignore[attr-defined]
        doc.user_data[SENTENCES_KEY] = [list(s) for s in sentences]  # type: ignore[attr-defined]
        named = [e.start_char for e in doc.ents if e.label_ in {"PERSON", "ORG", "GPE", "NORP"}]  # type: ignore[attr-defined]
        starts = [t.idx for t in doc]  # type: ignore[attr-defined]
        lowers = [t.lower_ for t in doc]  # type: ignore[attr-defined]
        titles = [t.is_title for t in doc]  # type: ignore[attr-defined]
        chosen: list[tuple[int, int]] = []
        case_told = False
        for start, end in sentences:
            i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            if j <= i or j - i > 150:
                continue  # a run-together table, not a sentence
            k = bisect.bisect_left(named, start)
            capitalised = any(titles[i + 1:j]) or (titles[i] and _unfamiliar(lowers[i]))  # "Akhmetov was ..."
            signals = SentenceSignals(frozenset(lowers[i:j]), k < len(named) and named[k] < end, capitalised,
                                      any(ch in _QUOTING_MARKS for ch in text[max(0, start - 3):end + 4]))  # “...?” asked A.; A said:\n“...
            if needs_parse(signals, case_told):
                chosen.append((i, j))
            case_told = case_told or tells_case(signals)
        return chosen

    @staticmethod
    def _sub_doc(doc: object, chosen: list[tuple[int, int]]) -> object | None:
        """The chosen sentences as one Doc whose sentence starts are preset (the parser keeps to
        them), which costs far less than a Doc copy per sentence."""
        if not chosen:
            return None
        from spacy.tokens import Doc

        words, spaces, sent_starts = [], [], []
        for i, j in chosen:
            for k in range(i, j):
                token = doc[k]  # type: ignore[index]
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
                sent_starts.append(k == i)
        return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=sent_starts)  # type: ignore[attr-defined]
