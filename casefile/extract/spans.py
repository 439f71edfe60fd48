"""Span boundaries: trimming articles, possessives, punctuation and glued neighbours.

NER models on scraped news cut names short, run them across line breaks, or glue a leading
"the", a trailing "'s" or a following " - head" to them; these helpers put the edges right.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from casefile.nlp import lexicons, names
from casefile.nlp.english import is_english_word
from casefile.nlp.gazetteer import is_town
from casefile.nlp.territories import is_territory

WORD = re.compile(r"[^\W\d_][\w'’.\-]*|\d[\w.,\-]*|\S", re.UNICODE)
EDGE_PUNCT = " \t\r\n\"'“”«»„‘’()[]{}<>.,;:!?*_`|/\\-–—"
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE|a|an)\s+")  # a lower-case "a" opens no name ("A Just Russia" does)
_LEADING_WORD_THE = re.compile(r"^([A-Z][a-z]+)\s+the\s+(?=[A-Z])")
_LEADING_FUNCTION_WORD = re.compile(r"^([A-Z][a-z]{1,5})\s+(?=[A-Z])")
_LEADING_GERUND = re.compile(r"^([A-Z][a-z]{2,}ing)\s+(?=[A-Z])")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """English function words ("of", "did", "for"): a name does not begin with one."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) - {"the"}  # "The Hague"; a leading "the" is stripped above
S = TypeVar("S")


class SpanIndex(Generic[S]):
    """Fixed spans, which may overlap, answering "which of them overlap [start, end)" in about
    log n steps (a long document has thousands of spans: a scan per query is quadratic)."""

    def __init__(self, spans: Iterable[S], bounds: Callable[[S], tuple[int, int]]) -> None:
        self.items = sorted(spans, key=lambda s: bounds(s)[0])
        self.starts = [bounds(s)[0] for s in self.items]
        self.ends = [bounds(s)[1] for s in self.items]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        for end in self.ends:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlapping(self, start: int, end: int) -> list[S]:
        """The spans that share a character with [start, end), in order."""
        i = bisect.bisect_left(self.starts, end) - 1
        out: list[S] = []
        while i >= 0 and self.reach[i] > start:
            if self.ends[i] > start:
                out.append(self.items[i])
            i -= 1
        return out[::-1]

    def any_overlap(self, start: int, end: int) -> bool:
        """True when some span shares a character with [start, end)."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start


class DisjointSpans:
    """A growing set of spans that never overlap one another (each is added only where it
    overlaps none), with the overlap test in log n steps."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a span in the set."""
        i = bisect.bisect_right(self.ends, start)  # the first span that ends after ``start``
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none in the set."""
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DASH_SPLIT = re.compile(r"\s+[-–—]\s+")


@dataclass
class Cand:
    """A candidate entity span being repaired: offsets into the document text and a label."""

    start: int
    end: int
    label: str
    origin: str = "model"  # "model" or the name of the rule that produced it

    def text(self, doc: str) -> str:
        """The span's surface text in ``doc``."""
        return doc[self.start:self.end]


def words(text: str) -> list[str]:
    """Word tokens of a span's text (punctuation tokens included)."""
    return WORD.findall(text)


@lru_cache(maxsize=8)
def is_hard_wrapped(doc: str) -> bool:
    """Plain text wrapped at a fixed width (wire copy, e-mail): most lines are of similar length
    and end mid-sentence, so a line break there is a space, not the end of a heading or row."""
    lines = [line.rstrip() for line in doc.split("\n") if line.strip()]
    if len(lines) < 6:
        return False
    wrapped = [line for line in lines if 40 <= len(line) <= 90 and line[-1] not in ".!?:;\"”»)"]
    return len(wrapped) >= 0.5 * len(lines)


def _soft_break(doc: str, cand: Cand) -> bool:
    """A person's name broken by the wrap of hard-wrapped text: one break, capitalised both sides."""
    text = cand.text(doc)
    return (cand.label == "person" and text.count("\n") == 1 and re.fullmatch(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*"
            r" ?\n[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*", text) is not None and is_hard_wrapped(doc))


def split_lines(doc: str, cand: Cand) -> list[Cand]:
    """A name never runs across lines: one span per non-empty line of a span that does
    (a heading and the sentence after it), each left to the filters on its own; only a person's
    name broken by the wrap of hard-wrapped text stays whole."""
    if "\n" not in doc[cand.start:cand.end] or _soft_break(doc, cand):
        return [cand]
    parts, offset = [], cand.start
    for line in doc[cand.start:cand.end].split("\n"):
        if line.strip():
            parts.append(Cand(offset, offset + len(line), cand.label, cand.origin))
        offset += len(line) + 1
    return parts


def trim(doc: str, cand: Cand) -> Cand | None:
    """Cut a span at line breaks and strip articles, possessives and edge punctuation."""
    start, end = cand.start, cand.end
    segment = doc[start:end]
    if "\n" in segment and not _soft_break(doc, cand):  # a name never runs across lines; keep the first one
        offset = 0
        for line in segment.split("\n"):
            if line.strip():
                start, end = start + offset, start + offset + len(line)
                break
            offset += len(line) + 1
    paren = doc.find(" (", start, end)  # "Full Name (ACR" -> the acronym is a mention of its own
    if paren > start:
        end = paren
    end = _before_past_verb(doc, start, end)
    end = _before_date(doc, start, end)
    changed = True
    while changed and start < end:
        changed = False
        text = doc[start:end]
        stripped = text.lstrip(EDGE_PUNCT)
        if len(stripped) != len(text):
            start += len(text) - len(stripped)
            changed = True
            continue
        m = _LEADING_ARTICLE.match(text)
        if m:
            start += m.end()
            changed = True
            continue
        m = _LEADING_FUNCTION_WORD.match(text)
        if m and m.group(1).lower() in _stop_words() and not names.is_given_name(m.group(1)) \
                and cand.label in ("person", "organization", "location"):
            start += m.end()  # "Of Darkovskaya", "Did Marenkov": a headline's word before the name
            changed = True
            continue
        m = _LEADING_GERUND.match(text)
        if m and cand.label == "person" and is_english_word(m.group(1)) and not names.is_given_name(m.group(1)):
            start += m.end()  # "Recognizing Petrov as a suspect": a sentence's verb, then the name
            changed = True
            continue
        m = _LEADING_WORD_THE.match(text)
        if m and is_english_word(m.group(1)) and not names.is_given_name(m.group(1)) \
                and not names.is_org_word(m.group(1)):
            start += m.end()  # "Later the X Party": a sentence's first word, then the name's article
            changed = True
            continue
        m = _POSSESSIVE.search(text)
        if m and m.start() > 0:
            end -= len(m.group())
            changed = True
            continue
        m = re.search(r"\s+(?:\d{1,3}(?:,\d{3})+|\d+\.\d+|\d{5,})$", text)  # an amount, not "Channel 31"
        if m and m.start() > 0 and cand.label in ("person", "organization"):
            end -= len(m.group())  # "fined A B 300,000 tenge": the amount is no part of the name
            changed = True
            continue
        m = re.search(r"\s+(?:of|the|and|for|in|on|to)$", text)
        if m:  # "the Foundation of the" -> "Foundation"
            end -= len(m.group())
            changed = True
            continue
        if cand.label == "organization" and cand.origin == "model":
            m = re.search(r"(?:\s+[a-z]+)?\s+[a-z]+$", text)  # "X party", "X television channel":
            if m and m.start() > 0 and names.is_org_word(m.group().split()[-1]):  # a descriptor, not the name
                end -= len(m.group())
                changed = True
                continue
        stripped = text.rstrip(EDGE_PUNCT)
        if len(stripped) != len(text):
            if text.endswith(".") and re.search(r"(?:\b[A-Z]\.|\b[A-Z]\.[A-Z]\.|\.[a-z]{2,3}\.)$", text):
                break  # keep the period of an initial or acronym ("U.S.")
            end -= len(text) - len(stripped)
            changed = True
    if start >= end:
        return None
    return Cand(start, end, cand.label, cand.origin)


def _before_date(doc: str, start: int, end: int) -> int:
    """Where a span ends before a date the model ran into ("the X Court on Dec" -> "the X Court"):
    "on", "in" or "since" and a month's or weekday's name, full or cut short."""
    from casefile.extract.dates import MONTH_NAMES, WEEKDAY_NAMES

    for m in re.finditer(r"\s+(?:on|in|since|by)\s+(?P<word>[A-Z][a-z]+)\.?(?=\s|$)", doc[start:end]):
        word = m.group("word").lower()
        if any(name.startswith(word) and len(word) >= 3 for name in (*MONTH_NAMES, *WEEKDAY_NAMES)):
            return start + m.start()
    return end


def _before_past_verb(doc: str, start: int, end: int) -> int:
    """Where a span ends before a verb in the past tense the model ran into ("the Institute for
    Peace included A" -> "the Institute for Peace"): a lower-case word in -ed, or one of the
    verbs whose doer is a person ("said", "told"), with a capitalised word before it."""
    for m in re.finditer(r"(?<=[A-Za-z]\s)[a-z]+(?=\s|$)", doc[start:end]):
        word = m.group()
        if (word.endswith("ed") and len(word) > 4 and is_english_word(word)) or word in lexicons.load("human_verbs"):
            return start + len(doc[start:start + m.start()].rstrip())
    return end


def cut_colon(doc: str, cand: Cand) -> Cand:
    """A name never runs across ": " ("X: Supreme Court upholds ..."): keep the part after the
    colon for an organisation with its head word there, else the part before it."""
    text = cand.text(doc)
    at = text.find(": ")
    if at < 0:
        return cand
    after = text[at + 2:]
    if cand.label == "organization" and any(names.is_org_word(w) for w in after.split()):
        return Cand(cand.start + at + 2, cand.end, cand.label, cand.origin)
    return Cand(cand.start, cand.start + at, cand.label, cand.origin)


def cut_dash_tail(doc: str, cand: Cand) -> Cand:
    """Drop a " - head of ..." tail glued to a name; keep dashes inside names ("Green Caravan - X")."""
    text = cand.text(doc)
    m = _DASH_SPLIT.search(text)
    if not m:
        return cand
    tail = text[m.end():]
    first = tail.split()[0] if tail.split() else ""
    if not first[:1].isupper() or names.is_role_word(first):
        return Cand(cand.start, cand.start + m.start(), cand.label, cand.origin)
    return cand


_SEPARATE_PATRONYMIC = re.compile(r" (?:" + "|".join(sorted(lexicons.separate_patronymics())) + r")\b")


def patronymic_follows(doc: str, end: int) -> bool:
    """True when a Turkic patronymic word written apart ("kyzy", "uulu") follows offset `end`:
    the words before it are a person's given name and father's name."""
    return _SEPARATE_PATRONYMIC.match(doc, end) is not None


_ARTICLE_NAME = re.compile(" " + names.ARTICLE_SURNAME)


def _unfamiliar_given_name(word: str) -> bool:
    """A lone word the model called a person that can only be a given name casefile's list
    lacks: no surname shape, no English word, no place."""
    return not (names.looks_like_surname(word) or is_english_word(word) or is_town(word) or is_territory(word)
                or names.is_role_word(word) or names.is_demonym(word))


def extend_right(doc: str, cand: Cand) -> Cand:
    """Extend a person span over directly following surname tokens (ALL-CAPS or surname-shaped)."""
    end = cand.end
    while True:
        m = _SEPARATE_PATRONYMIC.match(doc, end)
        if m:  # a Kazakh/Kyrgyz patronymic written in lower case: "Aidana Bekova kyzy"
            end = m.end()
            break
        m = _ARTICLE_NAME.match(doc, end)
        if m:  # an Arabic surname with its article in lower case: "Ahmed el-Tayeb"
            end = m.end()
            continue
        m = re.match(r" ([A-Z][A-Za-z'’\-]+)\b", doc[end:end + 40])
        if not m:
            break
        token = m.group(1)
        caps = token.isupper() and len(token) >= 2
        words = doc[cand.start:end].split()
        last = words[-1]
        surname_after_given = names.looks_like_surname(token) and (
            names.is_given_name(last) or names.is_initial(last) or (len(words) == 1 and _unfamiliar_given_name(last)))
        if not (caps or surname_after_given) or names.is_role_word(token) or names.is_org_word(token):
            break
        end += m.end()
    return Cand(cand.start, end, cand.label, cand.origin) if end != cand.end else cand


# the bodies a town's name is put before ("the Aktau court"), unlike a brand before its kind ("X plant")
_FUNCTION_WORDS = frozenset({"to", "the", "of", "for", "and", "a", "an", "in", "on", "by", "with", "from", "at", "or",
                             "over", "about", "after", "against", "under", "into", "during", "since", "amid", "via",
                             "across", "within", "without", "toward", "towards", "before", "behind", "near", "as"})
PUBLIC_BODIES = frozenset({"court", "police", "akimat", "administration", "prison", "council", "maslikhat",
                            "garrison", "colony"})


# a numbered body's number and the names around it: "[Velmora 3rd High] Criminal Court"
_NUMBERED_LEAD = re.compile(r"(?:[A-Z][\w'’-]+\s+)?\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][\w'’-]+\s+)?$")


def extend_org_head(doc: str, cand: Cand, places: set[str]) -> Cand:
    """"Kokshetau" + " city court" -> "Kokshetau city court": a place or name followed by lowercase
    organisation words is the name of that organisation; "3rd" + "Criminal Court" -> "3rd Criminal
    Court", with the place before the number."""
    if cand.label == "organization":
        lead = _NUMBERED_LEAD.search(doc, max(0, cand.start - 40), cand.start)
        if lead and lead.end() == cand.start:
            cand = Cand(lead.start(), cand.end, cand.label, cand.origin)
        cand = _place_before_level(doc, cand, places)
    head = re.match(r"(?:'|’)s?\s+([A-Z][a-z]+)\b", doc[cand.end:cand.end + 30])
    if head and cand.label == "organization" and names.is_org_word(head.group(1)):  # "X Journalists' Network"
        return Cand(cand.start, cand.end + head.end(), cand.label, cand.origin)
    text = cand.text(doc)
    is_place = cand.label == "location" or text in places
    # "an Aktau court": one name word the model typed as an organisation before a public body
    town_body = cand.label == "organization" and " " not in text and not text.isupper() and not names.is_org_word(text)
    tail = re.match(r"(?: [a-z][a-z'’]*(?![\w-])){1,3}", doc[cand.end:cand.end + 50])
    indefinite = re.search(r"\b(?:a|an|A|An)\s+$", doc[max(0, cand.start - 4):cand.start])
    if tail and (is_place or town_body) and not indefinite:  # "a Tolqyn court": one of the town's courts  # up to three lowercase words ending on an organisation word
        words = tail.group().split(" ")[1:]
        stop = next((i for i, w in enumerate(words) if w in _FUNCTION_WORDS), len(words))
        words = words[:stop]  # "Talgar to the firm": a preposition ends the name
        heads = [i for i, w in enumerate(words) if (names.is_org_word(w) if is_place else w in PUBLIC_BODIES)]
        if heads and heads[-1] + 1 < len(words) and words[heads[-1] + 1].endswith("s"):
            heads = []  # "X news sites": the head word qualifies a plural class of things, not one body
        if heads and is_place and not _known_place(text, places) and words[heads[-1]] not in PUBLIC_BODIES \
                and not names.is_role_word(words[heads[-1]]) and not _LEVEL_WORDS & set(words):
            # "the Zelvan human rights group": a name the model took for a place, and the kind of
            # body it names; the name alone is the body's
            return Cand(cand.start, cand.end, "organization", cand.origin)
        if heads:
            end = cand.end + len(" ".join([""] + words[:heads[-1] + 1]))
            if not (names.is_role_word(words[heads[-1]]) and re.match(r" [A-Z]", doc[end:end + 2])):
                return Cand(cand.start, end, "organization", "org_head")  # but "X regional prosecutor Anna B." is her title
    m = re.match(r" (?:region|district|oblast)\b", doc[cand.end:cand.end + 12])
    if m and cand.label in {"organization", "location"}:  # "Administration of the X" + " region"
        return Cand(cand.start, cand.end + m.end(), cand.label, cand.origin)
    return cand


def _known_place(name: str, places: set[str]) -> bool:
    """A place the gazetteers know, or that the model typed a place elsewhere in the document."""
    return name in places or is_territory(name) or is_town(name)


# the words that open a body's name after the place it serves ("X District Court", "X City Council")
_LEVEL_WORDS = frozenset({"district", "city", "regional", "oblast", "municipal", "interdistrict", "provincial",
                          "county", "town"})
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $")


def _place_before_level(doc: str, cand: Cand, places: set[str]) -> Cand:
    """"Sergely" + "District Court" -> "Sergely District Court": a body whose name opens with
    an administrative level takes the place name just before it (a known place, a word with no
    English reading, or any name word after "the"), which the model left out."""
    first = cand.text(doc).split(" ", 1)[0]
    if first.lower() not in _LEVEL_WORDS:
        return cand
    m = _WORD_BEFORE.search(doc, max(0, cand.start - 30), cand.start)
    if m is None or m.end() != cand.start:
        return cand
    from spacy.lang.en.stop_words import STOP_WORDS  # "The", "This", "Our": no place

    word = m.group(1)
    # after "the", a capitalised word is the district's name even when English has it ("the Soviet
    # District Court", "the Central District Court"): the article governs the whole name
    named = re.search(r"\bthe $", doc[max(0, m.start(1) - 4):m.start(1)]) is not None
    if word in places or (word.lower() not in STOP_WORDS and (named or not is_english_word(word))
                          and not names.is_role_word(word) and not names.is_org_word(word)):
        return Cand(m.start(1), cand.end, cand.label, cand.origin)
    return cand


_OF_NAME = re.compile(r" of (?:the )?[A-Z][\w'’-]+(?: (?:of |for |and )?(?:the )?[A-Z][\w'’-]+)*")
_POSSESSIVE_LEAD = re.compile(r"(?P<owner>[A-Z][\w-]*(?: [A-Z][\w-]*)?)['’]s ")


# "... in Central Asia)": a region after "in", closing the phrase
_IN_REGION = re.compile(r" in (?:the )?(?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=[),.;]|$)")


def extend_mission_region(doc: str, cand: Cand, is_place: Callable[[str], bool]) -> Cand:
    """A body named for a cause in a region ("Association for Human Rights" + " in Central Asia")
    runs on over the region the model left out; "the court in X" has no "for" and stays."""
    text = cand.text(doc)
    if cand.label != "organization" or " for " not in f" {text} ":
        return cand
    m = _IN_REGION.match(doc, cand.end)
    if m is None or not is_place(m.group("region")):
        return cand
    return Cand(cand.start, m.end(), cand.label, cand.origin)


def extend_of_phrase(doc: str, cand: Cand, is_place: Callable[[str], bool]) -> Cand:
    """A body cut before its "of" phrase ("X’s Office" + " of the Ombudsman") runs on over it; a
    place's possessive before the body ("X’s") is the body's country, not part of its name."""
    text = cand.text(doc)
    words = text.split()
    if cand.label != "organization" or not words or not names.is_org_word(words[-1]):
        return cand
    start, end = cand.start, cand.end
    tail = _OF_NAME.match(doc, end)
    if tail and not names.is_demonym(tail.group().split()[-1]):  # "the X of the American [actor]"
        end = tail.end()
    lead = _POSSESSIVE_LEAD.match(text)
    if lead and is_place(lead.group("owner")) and len(doc[start + lead.end():end].split()) >= 2:
        start += lead.end()
    return cand if (start, end) == (cand.start, cand.end) else Cand(start, end, cand.label, cand.origin)


def drop_leading_place(doc: str, cand: Cand, places: set[str]) -> tuple[Cand, Cand | None]:
    """Split "Almaty Given Surname" into a place and a person: the first word is a place named
    elsewhere in the document and the rest is a full name."""
    toks = [(m.start(), m.group()) for m in re.finditer(r"\S+", cand.text(doc))]
    # a known place before a name: the rest reads as a full name, or its surname stands alone elsewhere
    known = len(toks) >= 3 and (is_town(toks[0][1]) or is_territory(toks[0][1])) \
        and (names.is_given_name(toks[1][1]) or names.person_name_score([t for _o, t in toks[1:]]) >= 0.6
             or len(re.findall(r"\b" + re.escape(toks[-1][1]) + r"\b", doc)) > doc.count(cand.text(doc)))
    if len(toks) >= 3 and (toks[0][1] in places or known) and not names.is_given_name(toks[0][1]) \
            and not names.is_honorific(toks[0][1]) and cand.origin == "model":
        place = Cand(cand.start, cand.start + len(toks[0][1]), "location", cand.origin)
        return Cand(cand.start + toks[1][0], cand.end, cand.label, cand.origin), place
    return cand, None
