"""Direct quotations and their speakers: quoted spans first, then a sieve of attribution steps.

Spans: a paragraph that opens with a quotation mark (it may run over several paragraphs and
close before a tail such as ", X said"), and quotations inside a sentence. Scraped text mixes
curly and straight marks and sometimes closes with an opening mark, so closing is recognised by
position, not by shape; quotes inside a quote belong to the outer quote.

Attribution is a sieve in the spirit of Muzny et al. (2017): each step, in order, attributes
what the steps before left open (``SIEVE`` lists them; each can be switched off and measured):

1. speech_verb - a speech verb next to the quote whose subject names the speaker ("X said",
   "said X", "X told reporters"), read off the parse; a pronoun is resolved or the quote stays
   open; a described speaker ("the co-chairs of B said") goes to the body named with them;
2. colon_intro - "X said:" or "X:" introducing the quote, in its paragraph or the one before;
3. according_to - "according to X" in the quote's sentence ("according to the blogger": the
   person the text called so);
   quoted_words - words quoted as someone's ("for phrases such as '...'"): the sentence's subject;
4. continued - a quote continuing the one before it (same paragraph, or the next paragraph of
   an unclosed quote) keeps its speaker;
5. paragraph_before - a quote alone in its paragraph goes to the speaker named in the
   paragraph before;
6. first_person - a first-person quote in a first-person document (a letter, an interview's
   answers) goes to its author;
7. headline - headline forms: "X: '...'" at the start of a line, "'...' - X" at its end.

Short quoted phrases that no step attributes are scare quotes or titles, not quotes.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from casefile.extract.facts.context import DocContext, name_gender
from casefile.extract.facts.tree import SentenceTree, Slot
from casefile.extract.spans import DisjointSpans
from casefile.models import Quote
from casefile.nlp import lexicons

_OPEN = "“«„\""
_MARKS = lexicons.QUOTE_MARKS
# what may open a paragraph-long quote: scraped text sometimes opens with a closing-shaped mark
_PARAGRAPH_OPEN = _OPEN + "”"
# a pair that holds straight quotes inside: «… "…" …» or “… "…" …”
_PAIRED = re.compile(r"«(?P<q>[^«»\n]{0,600}?\"[^«»\n]{0,600}?)»|“(?P<q2>[^“”\n]{0,600}?\"[^“”\n]{0,600}?)”")
_ANY_MARKS = re.compile(r"[“«„\"](?P<q>[^“”«»„\"\n]{2,600}?)[”»“\"]")
# single curly marks open after a space or line start and close before punctuation or a space;
# an apostrophe sits between letters ("don’t", "Kazakhstan’s") and never matches
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(]))‘(?P<q>[^‘’\n]{2,600}?(?:’\w[^‘’\n]{0,600}?)*?)’(?=[\s,.;:!?)]|$)", re.M)
# verbs by which someone relays another's words ("the radio quoted him as saying", "cited A")
_RELAYING_VERBS = frozenset({"quote", "cite"})
# a quoted name of a work, not words someone said: "a video titled “...”"
_TITLED = re.compile(r"\b(?:titled|entitled|headlined|named|captioned|nicknamed|dubbed|so-called|known\s+as)\s*$"
                     # a charge quoted by its name: "on charges of “inciting discord”", "charged with “...”"
                     r"|\b(?:charges?|charged|accused|convicted|suspected|suspicion|guilty)\s+(?:of|with|under)\s*$"
                     r"|\b(?:article|crime|offence|offense)\s*$", re.IGNORECASE)
# a whole line in straight single quotes, as pull quotes are printed: 'It was ...'
_LINE_SINGLE = re.compile(r"(?m)^'(?P<q>[^\n]{10,600}?)'[ \t]*$")
# a dash that opens a line of dialogue, and the dash before its tail (", – said A", "! – A says")
_DASH_OPEN = re.compile(r"[–—-]\s+(?=\S)")
_DASH_TAIL = re.compile(r"(?<=[\w,.!?…])\s*,?\s+[–—-]\s+(?=\S)")
# nouns for what a body or a person issues; "the appeal says" quotes its author
_DOCUMENT_NOUNS = frozenset({"statement", "appeal", "letter", "petition", "complaint", "report", "communique",
                             "declaration", "release", "resolution", "submission", "lawsuit", "motion", "post"})
_FIRST_PERSON = re.compile(r"\b(?:I|my|me|we|our|us)\b")
SPEAKERS = ("person", "organization")
MAX_QUOTE_PARAGRAPHS = 12
# plural nouns for people or bodies that say things without being named
GENERIC_SPEAKERS = frozenset({"authorities", "police", "officials", "people", "relatives", "family", "guards",
                              "investigators", "prosecutors", "lawyers", "activists", "witnesses", "someone"})  # a quoted letter or statement may run over many paragraphs


@dataclass
class QuoteSpan:
    """A quoted stretch: [start, end) is the quoted text; ``close`` the closing mark (or the end)."""

    start: int
    end: int
    open: int
    close: int
    paragraph: int
    block: bool  # opens its paragraph
    closed: bool
    speaker: int | None = None
    step: str | None = None
    said: bool = False  # a speech verb introduces it, even when its speaker cannot be named


class QuoteFinder:
    """Finds the quotes of one document and attributes them with the sieve."""

    def __init__(self, ctx: DocContext, mentions: list[Slot], trees: dict[int, SentenceTree]) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.trees = trees  # parsed sentences by start offset
        self.mentions = sorted((m for m in mentions if m.label in SPEAKERS), key=lambda m: m.start)
        self.speech = lexicons.speech_verbs()
        self.paragraphs = self._paragraphs()
        self._paragraph_ends = [e for _s, e in self.paragraphs]
        self.quote_spans: list[QuoteSpan] = []  # set by find(): all quotes, for the steps to look past

    # -- helpers ----------------------------------------------------------------------------
    def _paragraphs(self) -> list[tuple[int, int]]:
        """Blocks between blank lines; in a text without blank lines, its lines (scraped pages
        often end each paragraph with a single line break)."""
        breaks = r"\n\s*\n|$" if re.search(r"\n\s*\n", self.text) else r"\n|$"
        spans, pos = [], 0
        for m in re.finditer(breaks, self.text):
            if self.text[pos:m.start()].strip():
                spans.append((pos, m.start()))
            pos = m.end()
        return spans

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding ``offset``."""
        # the first paragraph that ends at or after ``offset``, if it has begun by then
        ends = self._paragraph_ends
        i = bisect.bisect_left(ends, offset)
        if i < len(ends) and self.paragraphs[i][0] <= offset:
            return i
        return len(self.paragraphs) - 1

    def mentions_in(self, start: int, end: int, labels: tuple[str, ...] = SPEAKERS) -> list[Slot]:
        """Speaker-like mentions inside [start, end)."""
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.label in labels]

    def quoted(self, offset: int) -> bool:
        """True inside one of the document's quotes (words someone else said there); a quoted
        title ("the “Statement on Reprisals”") is a name, not speech."""
        return any(q.open < offset < q.close and not _title_case(self.text[q.start:q.end]) for q in self.quote_spans)

    def tree_at(self, offset: int) -> SentenceTree | None:
        """The parsed sentence holding ``offset``, if it was parsed."""
        s, _e = self.ctx.sentences[self.ctx.sentence_index(offset)]
        return self.trees.get(s)

    # -- spans ------------------------------------------------------------------------------
    def spans(self) -> list[QuoteSpan]:
        """All quoted stretches of the document, in order, quotes inside quotes left out."""
        found = list(self._paragraph_spans()) + list(self._dash_spans())
        covered = [(q.open, q.close) for q in found]
        for q in [*self._inline_spans(), *self._open_ended_spans(), *self._unopened_spans()]:
            if not any(s <= q.open < e for s, e in covered):
                found.append(q)
        return sorted(found, key=lambda q: q.start)

    def _paragraph_spans(self) -> Iterator[QuoteSpan]:
        """Paragraphs that open with a mark; the quote may run on over up to three more paragraphs
        and closes at the last mark followed by a speech verb (its tail) or ending a paragraph."""
        i = 0
        while i < len(self.paragraphs):
            start, end = self.paragraphs[i]
            if self.text[start] not in _PARAGRAPH_OPEN:
                i += 1
                continue
            close, last = None, i
            for j in range(i, min(i + MAX_QUOTE_PARAGRAPHS, len(self.paragraphs))):
                if j > i + 1 and self.text[self.paragraphs[j][0]] not in _PARAGRAPH_OPEN:
                    break  # past the next paragraph a quote goes on only where a mark opens the paragraph
                close = self._tail_close(start + 1, self.paragraphs[j][1])
                if close is not None:
                    last = j
                    break
                if self._ends_closed(*self.paragraphs[j]) or self._closes_inside(start + 1, self.paragraphs[j][1]):
                    break  # the quote ends in this paragraph, without a tail ("“…,” according to A")
            if close is None:
                last = i
                p_end = self.paragraphs[i][1]
                mark = max(self.text.rfind(c, start + 1, p_end) for c in _MARKS)
                closed = mark > start + 1
                close = mark if closed else p_end
            else:
                closed = True
            yield QuoteSpan(start + 1, close, start, close, i, True, closed)
            i = last + 1

    def _dash_spans(self) -> Iterator[QuoteSpan]:
        """Dialogue marked with dashes, as translations from Russian write it: a paragraph that
        opens with a dash and ends in a dash tail with a speech verb ("– We will appeal, – says A.")."""
        for i, (start, end) in enumerate(self.paragraphs):
            opening = _DASH_OPEN.match(self.text, start, end)
            if opening is None:
                continue
            for tail in _DASH_TAIL.finditer(self.text, opening.end(), end):
                words = re.findall(r"[a-z]+", self.text[tail.end():end].lower())[:6]
                if any(w in _speech_forms() for w in words):
                    close = tail.start()
                    yield QuoteSpan(opening.end(), close, opening.end() - 1, close, i, True, True)
                    break

    def _named_after(self, q: QuoteSpan) -> bool:
        """A name follows the quote in its own sentence ("“…,” according to A")."""
        _s, end = self.ctx.sentences[self.ctx.sentence_index(q.close)]
        return bool(self.mentions_in(q.close + 1, max(end, q.close + 1)))

    def _closes_inside(self, start: int, end: int) -> bool:
        """A closing mark in [start, end) after a word and before a space and a lower-case word
        ("“…,” according to A"): the quote ends in this paragraph."""
        return re.search(r"(?<=\S)[”»\"](?=\s+[a-z])", self.text[start:end]) is not None

    def _ends_closed(self, start: int, end: int) -> bool:
        tail = self.text[start:end].rstrip()
        return len(tail) > 1 and tail[-1] in _MARKS and tail[-2] in ".!?…,"

    def _tail_close(self, start: int, end: int) -> int | None:
        """The first closing mark in [start, end) followed, in its paragraph and before the next
        mark, by a speech verb ("..., Anna said. “...,” she added.": the first tail ends the first
        quote). A closing mark follows a word or punctuation, never a space."""
        for k in range(start, end):
            if self.text[k] not in _MARKS or (self.text[k - 1].isspace()
                                              and not re.match(r"\s*[-–—]", self.text[k + 1:k + 4])):
                continue  # an opening mark (but a garbled "... “- said A" closes)
            if self.text[k] in "’'" and self.text[k - 1].isalpha() and self.text[k + 1:k + 2].isalpha():
                continue  # an apostrophe ("the Editor’s note"), no mark at all
            after = self.text[k + 1:end].split("\n", 1)[0]
            after = re.split(r"[“”«»„\"]", after, maxsplit=1)[0][:160]
            after = re.split(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])", after, maxsplit=1)[0]  # the tail's own sentence
            # the verb may come after a long title: "A, deputy director for X and Y at B, said"
            words = re.findall(r"[a-z]+", after.lower())[:25]
            if any(w in _speech_forms() for w in words) \
                    or (re.match(r"^\s*[-–—]\s*\S", after) and self.mentions_in(k + 1, k + 1 + len(after))):
                return k
        return None

    def _inline_spans(self) -> Iterator[QuoteSpan]:
        found: list[re.Match[str]] = []
        taken = DisjointSpans()
        matches = [m for pattern in (_PAIRED, _ANY_MARKS, _SINGLE, _LINE_SINGLE) for m in pattern.finditer(self.text)]
        for m in sorted(matches, key=lambda m: (m.start(), m.start() - m.end())):  # the outermost wins
            if m.end() > m.start() and not taken.overlaps(m.start(), m.end()):
                found.append(m)
                taken.add(m.start(), m.end())
        for m in sorted(found, key=lambda m: m.start()):
            if m.start() > 0 and self.text[m.start() - 1].isalnum():
                continue  # an apostrophe-like mark inside a word
            g = "q" if m.group("q") is not None else "q2"
            yield QuoteSpan(m.start(g), m.end(g), m.start(), m.end() - 1, self.paragraph_of(m.start()), False, True)

    def _open_ended_spans(self) -> Iterator[QuoteSpan]:
        """A quote a colon opens inside a paragraph that has no closing mark after it ("she wrote:
        “I am ... "): it runs to the paragraph's end, and may go on in the next paragraph. So does
        a quote opened after a sentence when the next paragraph opens with a mark: the way English
        runs one quote over paragraphs ("…,” A said. “We are relieved …¶“The way …,” he went on")."""
        for m in re.finditer(r"(?::\s*|(?<=[.!?,”\"])\s+)[“«„\"](?=\S)", self.text):
            i = self.paragraph_of(m.start())
            _start, end = self.paragraphs[i]
            rest = self.text[m.end():end]
            if m.end() >= end or any(c in rest for c in _MARKS):
                continue
            colon = self.text[m.start()] == ":"
            follows = i + 1 < len(self.paragraphs) and self.text[self.paragraphs[i + 1][0]] in _OPEN
            if colon or (follows and rest[:1].isupper() and len(rest.split()) >= 4):
                yield QuoteSpan(m.end(), end, m.end() - 1, end, i, False, False)

    def _unopened_spans(self) -> Iterator[QuoteSpan]:
        """A paragraph whose first mark closes a quote before a speech-verb tail ("It was unfair,”
        said A."): the page lost the opening mark; the quote is the paragraph up to it."""
        for i, (start, end) in enumerate(self.paragraphs):
            first = next((k for k in range(start, end) if self.text[k] in _MARKS), None)
            if first is None or first == start or self.text[first - 1].isspace() or first - start < 20:
                continue
            if self._tail_close(start, end) == first:
                yield QuoteSpan(start, first, start, first, i, True, True)

    # -- the sieve ----------------------------------------------------------------------------
    def speech_subject(self, tree: SentenceTree, outside: tuple[int, int], near: int,
                       quote: QuoteSpan | None = None) -> int | None:
        """The speaker a speech verb outside the quote names: its subject, resolved."""
        from casefile.extract.facts.justice import EventReader

        reader = EventReader(tree, self.ctx)
        verbs = [v for v in range(len(tree)) if tree.lemma(v) in self.speech and tree.tokens[v].pos in ("VERB", "AUX")
                 and not (outside[0] <= tree.offset(v) < outside[1]) and not self.quoted(tree.offset(v))]
        inside = [i for i in range(len(tree)) if outside[0] <= tree.offset(i) < outside[1]
                  and tree.tokens[i].pos != "PUNCT"]  # the marks hang wherever the parser puts them
        # the speech verb the quote hangs from, nearest first, before any other: "telling the court
        # who condemned him: “...”" (telling), "stressing he did it “...,” his lawyers said" (stressing)
        steps: dict[int, int] = {}
        for i in inside:
            for n, a in enumerate(tree.ancestors(i)):
                if not outside[0] <= tree.offset(a) < outside[1]:
                    steps[a] = min(steps.get(a, n), n)
        for v in sorted(verbs, key=lambda v: (v not in steps, steps.get(v, 0), abs(tree.offset(v) - near))):
            if tree.kids(v, "neg"):
                continue
            subjects = [s for s in tree.kids(v, "nsubj") or reader.subject_tokens(v)
                        if not outside[0] <= tree.offset(s) < outside[1]]
            relay = next((a for a in [v, *list(tree.ancestors(v))[:2]] if tree.lemma(a) in _RELAYING_VERBS), None)
            quoted = [o for o in tree.kids(relay, "dobj") if tree.tokens[o].pos in ("PROPN", "PRON")] if relay else []
            if quoted:  # "B quoted him as saying": the one quoted speaks ("cited the names" quotes no one)
                subjects = quoted
            if not subjects:  # "“...,” her husband, A, told B": a tail the parser hung on the quote
                # not a word of a relative clause on the speaker ("A, who will return to B, said")
                relative = {j for r in range(len(tree)) if tree.dep(r) == "relcl" and tree.offset(r) >= outside[1]
                            for j in tree.subtree(r)}
                subjects = [o for o in range(len(tree)) if o < v and tree.offset(o) >= outside[1] and o not in relative
                            and tree.tokens[o].pos in ("NOUN", "PROPN") and not self.quoted(tree.offset(o))]
                subjects = [o for o in subjects if tree.tokens[o].pos == "PROPN"][-1:] or subjects[:1]
            if not subjects:  # "..., - confessed the witness": a garbled tail names the speaker after the verb
                subjects = [o for o in tree.subtree(v) if o > v and tree.tokens[o].pos in ("NOUN", "PROPN")
                            and not outside[0] <= tree.offset(o) < outside[1]][:1]
            for s in subjects:
                speaker = self.subject_speaker(tree, reader, s, min(near, outside[0]))
                if speaker is not None:
                    return speaker
            if subjects and any(self._someone(tree, s) for s in subjects):
                if quote is not None:
                    quote.said = True  # someone said it: later steps must not guess another speaker
                return None  # a subject we cannot name: leave the quote open
        return None

    def _someone(self, tree: SentenceTree, s: int) -> bool:
        """The subject names a speaker, if not one we can resolve: a pronoun, a role ("the
        investigator"), a body ("the ministry") - not a thing ("the verdict announced")."""
        lemma = tree.lemma(s)
        return (tree.tokens[s].pos == "PRON" or lemma in lexicons.role_words() or lemma in lexicons.org_words()
                or lemma in lexicons.case_roles() or lemma in GENERIC_SPEAKERS)

    def subject_speaker(self, tree: SentenceTree, reader: object, s: int, near: int) -> int | None:
        """Who a speech verb's subject names: a name or a resolved pronoun; else the name inside
        the subject ("the co-chairs of B", "the response signed by A"); else the person the text
        earlier called by the subject's noun ("the blogger")."""
        if tree.is_pronoun(s) and tree.lower(s) not in ("i", "we"):
            return self.pronoun_speaker(tree, s, near)
        people = reader.people(s, SPEAKERS) or reader.described(s)  # type: ignore[attr-defined]  # "the 68-year-old"
        if people:
            return people[0].cluster
        if tree.is_pronoun(s):
            return None
        body = tree.lemma(s) in lexicons.org_words()  # "the rights group founded by A said": the group speaks
        paper = tree.lemma(s) in _DOCUMENT_NOUNS  # "the appeal, signed by B's head A, stresses": B wrote it
        inside = [tree.slot_at[j] for j in tree.subtree(s, ("relcl", "acl") if body or paper else ("relcl",))
                  if tree.slot_at[j] is not None]
        persons, bodies = [m for m in inside if m.label == "person"], [m for m in inside if m.label == "organization"]
        named = bodies + persons if paper else persons + bodies
        if named:
            return named[0].cluster
        if paper:
            return self.document_author(tree.lower(s), tree.offset(s))
        if tree.lemma(s) in lexicons.org_words() and any(tree.lower(d) in ("the", "this") for d in tree.kids(s, "det")):
            # "the press freedom group said": the body last named before it
            limit = min(near, tree.offset(s))  # not a platform named after it ("said on Twitter")
            bodies = [m for m in self.mentions if m.label == "organization" and m.end <= limit and limit - m.end < 500]
            return bodies[-1].cluster if bodies else None
        found = self.described(tree.lemma(s), near)
        if found is None and tree.lemma(s) in lexicons.role_words() \
                and any(tree.lower(d) == "the" for d in tree.kids(s, "det")):
            # "…,” said the human rights activist: the text called no one so, but the subject of the
            # sentence before is named with the role's own words ("… of the Association for Human Rights")
            words = [tree.lower(j) for j in tree.subtree(s) if j < s and tree.tokens[j].pos in ("NOUN", "PROPN", "ADJ")]
            found = self.pronoun_speaker(tree, s, near) if words else None
            if found is not None:
                m = next((m for m in reversed(self.mentions) if m.cluster == found and m.end <= near), None)
                index = self.ctx.sentence_index(m.start) if m is not None else None
                sentence = self.text[slice(*self.ctx.sentences[index])].lower() if index is not None else ""
                found = found if all(w in sentence for w in words) else None
        return found

    def pronoun_speaker(self, tree: SentenceTree, s: int, before: int) -> int | None:
        """"he said" after a quote: the subject of the sentence before, when it names someone (a
        name, or a noun the text called someone by: "The lawyer specified ... «...», he said");
        "they wrote" after a body's statement: that body; else the pronoun's usual antecedent."""
        from casefile.extract.facts.justice import EventReader

        word = tree.lower(s)
        wanted = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(word)
        reader = EventReader(tree, self.ctx)
        for a in tree.ancestors(s):  # "A insisted that he ...": the subject of the clause above
            if tree.lemma(a) in _RELAYING_VERBS:
                continue  # "B quoted him": B is not who "him" is
            for subj in tree.kids(a, "nsubj"):
                named = [p for p in reader.people(subj, ("person",) if wanted else SPEAKERS)
                         if not wanted or name_gender(self.ctx.names.get(p.cluster, "")) in (wanted, None)]
                if named and not tree.is_pronoun(subj) and not self.quoted(tree.offset(subj)):
                    return named[0].cluster
        if word in ("he", "she"):
            found = self._previous_speaker(before, tree.offset(s), wanted)
            if found is not None:
                return found
        index = self.ctx.sentence_index(min(before, tree.sentence.start))
        for k in (index, index - 1):  # the text right before the quote: its own sentence's start, or the one before
            if k < 0:
                continue
            prev_start, _e = self.ctx.sentences[k]
            prev = self.trees.get(prev_start)
            if prev is None or prev is tree:
                continue
            subjects = [i for i in range(len(prev)) if prev.dep(i) in ("nsubj", "nsubjpass") and prev.offset(i) < before
                        and prev.dep(prev.head(i)) not in ("advcl", "relcl", "acl", "pcomp")
                        and not self.quoted(prev.offset(i))]  # a name inside the quote before is not its speaker
            for subj in subjects[:1]:  # the first subject of a main clause: what the sentence is about
                named = EventReader(prev, self.ctx).people(subj, ("person",) if word in ("he", "she") else SPEAKERS)
                wanted = {"he": "m", "she": "f"}.get(word)
                if named and wanted and name_gender(self.ctx.names.get(named[0].cluster, "")) not in (wanted, None):
                    named = []  # "Anna ... , he said": not her
                if named and (word != "they" or named[0].label == "organization"):
                    return named[0].cluster
                if not named and word in ("he", "she"):
                    described = self.described(prev.lemma(subj), prev_start)
                    if described is not None:
                        return described
            if subjects:
                break
        found = self.ctx.resolve_pronoun(tree.offset(s), word)
        if found:
            return found[0].cluster
        if word == "they":  # a statement a body made: the body last named
            bodies = [m for m in self.mentions if m.label == "organization" and m.end <= tree.offset(s)
                      and tree.offset(s) - m.end < 400]
            return bodies[-1].cluster if bodies else None
        return None

    def _previous_speaker(self, before: int, at: int, gender: str | None) -> int | None:
        """"“…,” she wrote. “…,” she added.": the speaker of the quote before this one (which opens
        at ``before``), when it is a person of the pronoun's gender, in this paragraph or the one
        before, and nobody is named outside quotes between it and the pronoun at ``at`` (a name
        inside a quote speaks of someone, it does not take the word)."""
        earlier = [q for q in self.quote_spans if q.close < before]
        if not earlier:
            return None
        prev = max(earlier, key=lambda q: q.close)
        if prev.speaker is None or self.paragraph_of(before) - self.paragraph_of(prev.close) > 1:
            return None
        if any(not self.quoted(m.start) and m.cluster != prev.speaker for m in self.mentions_in(prev.close + 1, at)):
            return None  # someone else named since ("“…,” A said. B was there. “…,” she added")
        if not any(p.cluster == prev.speaker for p in self.ctx.persons) \
                or name_gender(self.ctx.names.get(prev.speaker, "")) not in (gender, None):
            return None
        return prev.speaker

    def document_author(self, noun: str, before: int) -> int | None:
        """Who issued "the appeal" a sentence quotes: the first name of the latest sentence before
        that spoke of "an/its appeal" outside a quote ("B stated in an appeal ...")."""
        pattern = re.compile(r"\b(?:an?|the|its|their|his|her|this)\s+(?:\w+\s+)?" + re.escape(noun) + r"\b", re.I)
        index = self.ctx.sentence_index(before)
        for k in range(index - 1, max(-1, index - 12), -1):
            start, end = self.ctx.sentences[k]
            for m in pattern.finditer(self.text, start, end):
                if self.quoted(m.start()):
                    continue
                named = [n for n in self.mentions_in(start, end) if not self.quoted(n.start)]
                if named:
                    return named[0].cluster
        return None

    def described(self, noun: str, before: int) -> int | None:
        """The person the text called ``noun`` before ``before`` (see DocContext.described)."""
        return self.ctx.described(noun, before)

    def step_speech_verb(self, quotes: list[QuoteSpan]) -> None:
        """1. A speech verb in the sentence of the closing or the opening mark."""
        for q in quotes:
            offsets = [q.close, q.open - 1]
            after = self.text[q.close + 1:q.close + 40].split("\n", 1)[0]
            if re.match(r"\s*[-–—,]?\s*[a-z]", after):  # “Why was I arrested?” asked A: a new sentence
                offsets.insert(1, q.close + 1 + len(after) - len(after.lstrip(" ,-–—")))
            for offset in offsets:
                tree = self.tree_at(max(0, offset))
                if tree is None or self.paragraph_of(tree.sentence.start) != self.paragraph_of(max(0, offset)) \
                        and offset == q.close:
                    continue
                if offset == q.open - 1 and self.paragraph_of(tree.sentence.end - 1) != q.paragraph \
                        and self._named_after(q):
                    continue  # "“…,” according to A": its own sentence names the speaker, not the one before
                speaker = self.speech_subject(tree, (q.open, q.close + 1), offset, q)
                if speaker is not None:
                    q.speaker, q.step = speaker, "speech_verb"
                    break

    def step_colon_intro(self, quotes: list[QuoteSpan]) -> None:
        """2. "X said:" / "X:" right before the quote, or ending the paragraph before it."""
        for q in quotes:
            if q.speaker is not None:
                continue
            before = self.text[:q.open].rstrip()
            if not before.endswith(":"):
                continue
            colon = len(before) - 1
            tree = self.tree_at(colon)
            if tree is not None:
                speaker = self.speech_subject(tree, (q.open, q.close + 1), colon)
                if speaker is not None:
                    q.speaker, q.step = speaker, "colon_intro"
                    continue
            s, _e = self.ctx.sentences[self.ctx.sentence_index(colon)]
            s = max(s, self.text.rfind("\n", 0, colon) + 1)
            named = self.mentions_in(s, colon + 1)
            if named:
                q.speaker, q.step = named[0].cluster, "colon_intro"

    def step_according_to(self, quotes: list[QuoteSpan]) -> None:
        """3. "according to X" in the quote's sentence, outside the quote."""
        for q in quotes:
            if q.speaker is not None:
                continue
            s, e = self.ctx.sentences[self.ctx.sentence_index(q.open)]
            for m in re.finditer(r"\b[Aa]ccording to\b", self.text[s:max(e, q.close)]):
                at = s + m.end()
                if q.open <= at < q.close:
                    continue
                named = [n for n in self.mentions_in(at, at + 80) if not q.open <= n.start < q.close]
                persons = [n for n in named if n.label == "person"]
                if named:
                    q.speaker, q.step = (persons or named)[0].cluster, "according_to"
                    break
                noun = re.match(r"\s+(?:the|a|an|this|that)?\s*(\w+)", self.text[at:at + 40])
                described = self.described(noun.group(1).lower(), q.open) if noun else None
                if described is not None:  # "according to the blogger"
                    q.speaker, q.step = described, "according_to"
                    break

    def step_quoted_words(self, quotes: list[QuoteSpan]) -> None:
        """3b. Words quoted as someone's ("for phrases such as “...”", "the words “...”", "citing
        the “...”"): the person the sentence is about (its subject)."""
        for q in quotes:
            if q.speaker is not None:
                continue
            head = self.text[max(0, q.open - 60):q.open]
            if not re.search(r"\b(?:phrases?|words?|slogans?|posts?|statements?|remarks?|comments?)\s+(?:such\s+as|like)?\s*$"
                             r"|\b(?:citing|invoking)\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?$"  # "citing the “...”"
                             r"|\bsuch\s+(?:phrases?|words?|slogans?|posts?|statements?|remarks?)\s+as\s*$"
                             r"|\b(?:and|or|,)\s*$", head, re.IGNORECASE):
                continue
            tree = self.tree_at(q.open)
            if tree is None:
                continue
            from casefile.extract.facts.justice import EventReader

            reader = EventReader(tree, self.ctx)
            root = next((i for i in range(len(tree)) if tree.head(i) == i), None)
            if root is None:
                continue
            for s in reader.subject_tokens(root) or tree.kids(root, "nsubj", "nsubjpass"):
                people = reader.people(s, ("person",))
                if people and (not re.search(r"\b(?:and|or|,)\s*$", head) or self._after_words(quotes, q)):
                    q.speaker, q.step = people[0].cluster, "quoted_words"
                    break

    def _after_words(self, quotes: list[QuoteSpan], q: QuoteSpan) -> bool:
        """The quote follows another quoted phrase of the same list ("“A” and “B”")."""
        before = [p for p in quotes if p.close < q.open and q.open - p.close < 8]
        return bool(before) and before[-1].step == "quoted_words"

    def step_continued(self, quotes: list[QuoteSpan]) -> None:
        """4. A quote right after an attributed one keeps its speaker: in the same paragraph with
        no other name in between, or opening the paragraph after an unclosed one."""
        for prev, q in zip(quotes, quotes[1:]):
            if q.speaker is not None or prev.speaker is None:
                continue
            gap = self.text[prev.close + 1:q.open]
            same_paragraph = "\n" not in gap and len(gap) < 200 and all(
                m.cluster == prev.speaker for m in self.mentions_in(prev.close + 1, q.open))
            run_on = q.block and q.paragraph == prev.paragraph + 1 and not prev.closed
            if same_paragraph or run_on:
                q.speaker, q.step = prev.speaker, "continued"

    def step_paragraph_before(self, quotes: list[QuoteSpan]) -> None:
        """5. A quote alone in its paragraph: the speaker the paragraph before introduces."""
        for q in quotes:
            if q.speaker is not None or not q.block or q.paragraph == 0:
                continue
            p_start, p_end = self.paragraphs[q.paragraph]
            if self.text[q.close + 1:p_end].strip(" .,;!?”»\"'\n"):
                continue  # more than the quote in the paragraph
            prev_start, prev_end = self.paragraphs[q.paragraph - 1]
            if self.text[prev_start] in _PARAGRAPH_OPEN:
                continue  # the paragraph before is a quote of its own
            s, _e = self.ctx.sentences[self.ctx.sentence_index(max(prev_start, prev_end - 1))]
            tree = self.trees.get(s)
            speaker = self.speech_subject(tree, (q.open, q.close + 1), prev_end) if tree else None
            if speaker is None:
                named = self.mentions_in(max(s, prev_start), prev_end, ("person",))
                speaker = named[0].cluster if named else None
            if speaker is not None:
                q.speaker, q.step = speaker, "paragraph_before"

    def step_first_person(self, quotes: list[QuoteSpan]) -> None:
        """6. In a first-person document, a first-person quote is its author's."""
        if self.ctx.author is None:
            return
        for q in quotes:
            if q.speaker is None and _FIRST_PERSON.search(self.text[q.start:q.end]):
                q.speaker, q.step = self.ctx.author, "first_person"

    def step_headline(self, quotes: list[QuoteSpan]) -> None:
        """7. "X: '...'" opening a line, or "'...' - X" closing it."""
        for q in quotes:
            if q.speaker is not None:
                continue
            line_start = self.text.rfind("\n", 0, q.open) + 1
            head = self.text[line_start:q.open]
            if head.rstrip().endswith(":"):
                named = self.mentions_in(line_start, q.open)
                if named and not self.text[named[-1].end:q.open].strip(" :"):
                    q.speaker, q.step = named[-1].cluster, "headline"
                    continue
            line_end = self.text.find("\n", q.close)
            line_end = len(self.text) if line_end < 0 else line_end
            tail = self.text[q.close + 1:line_end]
            if not tail.strip() and not head.strip():  # a quote alone on its line, "- X" on the next one
                tail = self.text[q.close + 1:].lstrip("\n")
                line_end = self.text.find("\n", len(self.text) - len(tail))
                line_end = len(self.text) if line_end < 0 else line_end
                tail = self.text[q.close + 1:line_end]
            dash = re.match(r"\s*[,.]?\s*[-–—]\s*", tail)
            if dash:
                named = self.mentions_in(q.close + 1 + dash.end(), line_end)
                if named and named[0].start == q.close + 1 + dash.end():
                    q.speaker, q.step = named[0].cluster, "headline"

    # -- all ----------------------------------------------------------------------------------
    def find(self, steps: tuple[str, ...] | None = None) -> list[Quote]:
        """All quotes of the document with their speakers, in order."""
        quotes = self._without_titles(self.spans())
        self.quote_spans = quotes
        for name, step in SIEVE:
            if steps is None or name in steps:
                open_ = [q for q in quotes if not q.said or q.speaker is not None]
                step(self, open_)  # a quote whose speaker a verb named but we could not: left open
        out = []
        names = {(m.start, m.end) for m in self.mentions}
        for q in quotes:
            quote = self._quote(q)
            if (quote.start, quote.start + len(quote.text.rstrip(",.;:"))) in names:
                continue  # “Strong Steppe,”: a quoted name, not words anyone said
            words = len(quote.text.split())
            if _short_name(quote.text):
                continue  # “Media Watch”, ‘Open Door Project’: a quoted name, not words anyone said
            if words >= 2 and (q.speaker is not None or q.said or (words >= 10 and re.search(r"[.!?,]$", quote.text))):
                out.append(quote)
            elif words == 1 and q.speaker is not None and (_JUDGED_AS.search(self.text[max(0, q.open - 20):q.open])
                                                           or q.step == "speech_verb"):
                out.append(quote)  # "condemned the verdict as “absurd”", "said they were “stunned”": their word
            out += self._relayed(q)
        return out

    def _relayed(self, q: QuoteSpan) -> list[Quote]:
        """Words a quote relays from someone it names ("“A told me, ‘I burned my notes.’”"):
        the inner quote is A's."""
        out = []
        for m in _RELAYED.finditer(self.text, q.start, q.end):
            named = [n.cluster for n in self.mentions_in(q.start, m.start("verb"), ("person",))
                     if not self.text[n.end:m.start("verb")].strip()]  # the name right before the verb
            word = re.search(r"([A-Z][a-z]+)\s+$", self.text[q.start:m.start("verb")])
            if not named and word:  # "Timur told me": the one person of the text with that first name
                named = [c for c, name in self.ctx.names.items() if name.split()[0] == word.group(1)
                         and len(name.split()) > 1][:2]
                named = named if len(named) == 1 else []
            inner = m.group("inner").strip()
            if named and len(inner.split()) >= 3:
                start = m.start("inner") + m.group("inner").index(inner)
                out.append(Quote(start=start, end=start + len(inner), text=inner, speaker=named[-1]))
        return out

    def _without_titles(self, spans: list[QuoteSpan]) -> list[QuoteSpan]:
        """Drop quoted titles ("reports headlined “A” and “B”"): after a titling word, or joined by
        "and"/"or"/a comma to a title just dropped."""
        kept, last_title = [], -1
        for q in spans:
            head = self.text[max(0, q.open - 30):q.open]
            joined = last_title >= 0 and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", self.text[last_title:q.open])
            if _TITLED.search(head) or joined:
                last_title = q.close + 1
                continue
            kept.append(q)
        return kept

    def _quote(self, q: QuoteSpan) -> Quote:
        text = self.text[q.start:q.end].strip(" ,\n" + _MARKS)
        offset = self.text.find(text, q.start, max(q.end, q.start + len(text))) if text else q.start
        return Quote(start=offset, end=offset + len(text), text=text, speaker=q.speaker)


# inside a quote, a name, a speech verb and a quote in single marks: "A told me, 'I ...'"
_RELAYED = re.compile(r"(?P<verb>\b(?:told|said|says|wrote|asked|added)\b)(?:\s+(?:me|us|him|her|them))?[,:]\s*"
                      r"['‘](?P<inner>[^'‘’\n]{8,600}?)['’](?=\s*[,.!?\"”]|\s*$)")
# the words before a one-word quote that make it someone's judgement, not a scare quote
_JUDGED_AS = re.compile(r"\b(?:as|called|calls|call|calling|dubbed|labell?ed|branded|termed)\s+(?:(?:it|them|this|that)\s+)?$",
                        re.IGNORECASE)


def _short_name(text: str) -> bool:
    """Four words or fewer in title case, the first and the last capitalised, with no end
    punctuation: a name ("Open Door Project"), not a sentence ("Free Them Now!")."""
    words = text.split()
    return 0 < len(words) <= 4 and _title_case(text) and not re.search(r"[.!?]$", text) \
        and words[0][:1].isupper() and words[-1][:1].isupper()


def _title_case(text: str) -> bool:
    """Most words capitalised, as in a title or a name ("Statement on Retaliation Against X")."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


@cache
def _speech_forms() -> frozenset[str]:
    """Inflected forms of the speech verbs, to spot a tail before the parse is consulted."""
    return frozenset(f for v in lexicons.speech_verbs() for f in lexicons.inflections(v))


SIEVE: list[tuple[str, Callable[[QuoteFinder, list[QuoteSpan]], None]]] = [
    ("speech_verb", QuoteFinder.step_speech_verb),
    ("colon_intro", QuoteFinder.step_colon_intro),
    ("according_to", QuoteFinder.step_according_to),
    ("quoted_words", QuoteFinder.step_quoted_words),
    ("continued", QuoteFinder.step_continued),
    ("paragraph_before", QuoteFinder.step_paragraph_before),
    ("first_person", QuoteFinder.step_first_person),
    ("headline", QuoteFinder.step_headline),
]


def quote_spans(ctx: DocContext, mentions: list[Slot]) -> list[tuple[int, int]]:
    """The quoted stretches of a document, before attribution (to tell a first-person text)."""
    return [(q.start, q.end) for q in QuoteFinder(ctx, mentions, {}).spans()]


def find_quotes(ctx: DocContext, mentions: list[Slot], trees: dict[int, SentenceTree] | None = None,
                steps: tuple[str, ...] | None = None) -> list[Quote]:
    """Quotes of a document with speakers as cluster indexes (None when unattributed)."""
    return QuoteFinder(ctx, mentions, trees or {}).find(steps)
