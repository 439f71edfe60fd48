"""Direct quotations and their speakers.

Two shapes: a paragraph that opens with a quotation mark (it may run over several paragraphs
and close with a tail such as ", – said X" or ", X notes"), and a quotation inside a sentence
("X said: “…”", "according to X, “…”", "calling it “…”"). Scraped text mixes curly and straight
marks and sometimes closes with an opening mark, so closing is recognised by position, not by
shape. Quotes inside a quote belong to the outer speaker's text. Short quoted phrases with no
speech verb around them are scare quotes or titles, not quotes.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from casefile.extract.facts.context import DocContext
from casefile.extract.facts.masking import Slot
from casefile.models import Quote

_OPEN = "“«„\""
_MARKS = "“”«»„\""
_VERBS = (r"said|says|say|stated|states|noted|notes|told|tells|added|adds|explained|explains|confessed|"
          r"insisted|insists|claimed|claims|wrote|writes|declared|declares|asked|asks|replied|commented|"
          r"emphasi[sz]ed|stressed|recalled|continued|concluded|admitted|argued|announced|reported|warned|"
          r"recounted|complained|remarked|responded")
_TAIL = re.compile(r"^[\s,.]*[-–—]?\s*(?:\[)?(?:" + _VERBS + r")\b(?:\]\([^)]*\))?(?P<who>[^.\n;]{0,120})")
_TAIL_NAME_FIRST = re.compile(r"^[\s,]*[-–—]?\s*(?P<who>[^.\n;,“”\"]{1,80}?)\s+(?:" + _VERBS + r")\b")
_TAIL_DASH = re.compile(r"^\s*[,.]?\s*[-–—]\s*(?P<who>[^.\n;“”\"]{2,80})")
_HEAD = re.compile(r"(?:[^.\n;“”\"]{1,120}?\s*\b(?:" + _VERBS + r")\b(?:\s+that)?|"
                   r"(?<![^\s(])[Aa]ccording\s+to\s+[^“”\"\n]{1,80}?)\s*[:,]?\s*$")
_COLON_HEAD = re.compile(r"(?P<who>[^.\n;“”\"]{1,160}?)\b(?:" + _VERBS + r")\b[^“”«»\"]{0,200}:\s*$")
# a pair that holds straight quotes inside: «… "…" …» or “… "…" …”
_PAIRED = re.compile(r"«(?P<q>[^«»\n]{0,600}?\"[^«»\n]{0,600}?)»|“(?P<q2>[^“”\n]{0,600}?\"[^“”\n]{0,600}?)”")
_ANY_MARKS = re.compile(r"[“«„\"](?P<q>[^“”«»„\"\n]{2,600}?)[”»“\"]")
_INTRODUCER = re.compile(r"(?:phrases?|words?|slogans?|posts?)\s+(?:such\s+)?as\s*$|\bcall(?:ed|ing)\s+(?:it|them|him|her|this)\s*$|"
                         r"\bcall(?:ed|s)?\s+on\b[^“”\"]{0,80}\s*$|\burg(?:ed|es)\b[^“”\"]{0,60}\s*$|\bdemand(?:ed|s)\b[^“”\"]{0,60}\s*$")
_DESCRIBED_PERSON = re.compile(r"\b(?:witness|blogger|activist|journalist|lawyer|judge|investigator|defendant|"
                               r"official|officer|victim|man|woman|reporter|editor|detainee|prisoner)\b")
_DESCRIBED_ORG = re.compile(r"\b(?:document|statement|response|report|letter|ministry|agency|organi[sz]ation|"
                            r"committee|foundation|office|court|department|service|press\s+service|it)\b")


class QuoteFinder:
    """Finds quotes in one document and attributes them to entity clusters."""

    def __init__(self, ctx: DocContext, mentions: list[Slot]) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.mentions = sorted((m for m in mentions if m.label in {"person", "organization"}), key=lambda m: m.start)

    # -- speakers ----------------------------------------------------------------------------
    def _in(self, start: int, end: int, label: str | None = None) -> list[Slot]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and (label is None or m.label == label)]

    def _last_before(self, offset: int, label: str) -> Slot | None:
        prior = [m for m in self.mentions if m.end <= offset and m.label == label and offset - m.end < 1500]
        return prior[-1] if prior else None

    def speaker_in(self, start: int, end: int, quote_start: int) -> int | None:
        """The speaker named in an attribution segment [start, end)."""
        segment = self.text[start:end]
        cut = re.search(r",\s*(?:who|which|whose)\b|\s+(?:who|which)\s", segment)
        if cut:
            end = start + cut.start()
            segment = segment[:cut.start()]
        persons = self._in(start, end, "person")
        if persons:
            return persons[-1].cluster  # the head of "the deputy X Y" is the last name
        orgs = self._in(start, end, "organization")
        if orgs:
            return orgs[-1].cluster
        pron = re.search(r"\b(he|she|they|He|She|They)\b", segment)
        if pron:
            ante = self.ctx.antecedent(start + pron.start(), pron.group(1))
            return ante[0].cluster if ante else None
        described = _DESCRIBED_PERSON.search(segment.lower())
        if described:  # "the blogger told the court": the last person the text calls a blogger
            return self._described_before(described.group(), quote_start)
        described = _DESCRIBED_ORG.search(segment.lower())
        if described:
            author = self._author_of(described.group(), quote_start)
            if author is not None:
                return author
            prior = self._last_before(quote_start, "organization")
            return prior.cluster if prior else None
        return None

    def _described_before(self, noun: str, before: int) -> int | None:
        """The last person before ``before`` whom the text calls ``noun`` ("blogger X", "X, a blogger")."""
        near = re.compile(r"\b" + re.escape(noun) + r"s?\b", re.IGNORECASE)
        for m in reversed([m for m in self.mentions if m.label == "person" and m.end <= before]):
            ahead = self.text[max(0, m.start - 40):m.start]
            behind = re.match(r"\s*,\s*(?:a|an|the)?\s*[^,.;]{0,30}", self.text[m.end:m.end + 50])
            if near.search(ahead) or (behind and near.search(behind.group())):
                return m.cluster
        return None

    def _author_of(self, noun: str, before: int) -> int | None:
        """Who issued "the document" / "the statement": the first name of the last sentence that
        mentions issuing one."""
        pattern = re.compile(r"\b(?:issued|published|released|signed|sent|adopted|" + re.escape(noun) + r")\b", re.IGNORECASE)
        idx = self.ctx.sentence_index(before)
        for s, e in reversed(self.ctx.sentences[max(0, idx - 6):idx]):
            if pattern.search(self.text[s:e]):
                found = self._in(s, e, "organization") or self._in(s, e, "person")
                if found:
                    return found[0].cluster
        return None

    def sentence_subject(self, offset: int) -> int | None:
        """The first person (else organisation, else pronoun antecedent) of the sentence at offset."""
        s, _e = self.ctx.sentences[self.ctx.sentence_index(offset)]
        return self.speaker_first(s, offset)

    def speaker_first(self, start: int, end: int) -> int | None:
        """The first person or organisation named in [start, end), or a pronoun's antecedent."""
        found = self._in(start, end, "person") or self._in(start, end, "organization")
        if found:
            return found[0].cluster
        pron = re.search(r"\b(he|she|He|She|Their|their|They|they)\b", self.text[start:end])
        if pron:
            ante = self.ctx.antecedent(start + pron.start(), pron.group(1))
            return ante[0].cluster if ante else None
        return None

    # -- quotes ----------------------------------------------------------------------------
    def find(self) -> list[Quote]:
        """All quotes of the document, in order."""
        quotes = list(self._paragraph_quotes())
        covered = [(q.start, q.end) for q in quotes]
        for q in self._inline_quotes():
            if not any(s <= q.start < e for s, e in covered):
                quotes.append(q)
        quotes.sort(key=lambda q: q.start)
        for i in range(1, len(quotes)):  # “…,” recalled X. “…”: the same speaker goes on
            prev, q = quotes[i - 1], quotes[i]
            gap = self.text[prev.end:q.start]
            if q.speaker is None and prev.speaker is not None and "\n" not in gap and len(gap) < 160 \
                    and all(m.cluster == prev.speaker for m in self._in(prev.end, q.start)):
                quotes[i] = replace(q, speaker=prev.speaker)
        return quotes

    def _paragraphs(self) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for m in re.finditer(r"\n\s*\n|$", self.text):
            if self.text[pos:m.start()].strip():
                spans.append((pos, m.start()))
            pos = m.end()
        return spans

    def _paragraph_quotes(self) -> Iterator[Quote]:
        paragraphs = self._paragraphs()
        i = 0
        while i < len(paragraphs):
            start, end = paragraphs[i]
            if self.text[start] not in _OPEN:
                i += 1
                continue
            found = None
            for j in range(i, min(i + 4, len(paragraphs))):
                found = self._closing_with_tail(start + 1, paragraphs[j][1])
                if found:
                    i = j
                    break
                if self._closed(*paragraphs[j]):
                    break  # the quote ends in this paragraph without a tail
            if found:
                close, who_start, who_end = found
                speaker = self.speaker_in(who_start, who_end, start)
                yield self._quote(start + 1, close, speaker)
            else:
                last = max(self.text.rfind(c, start + 1, end) for c in _MARKS)
                close = last if last > start + 1 else end
                speaker = self._colon_speaker(paragraphs, i)
                yield self._quote(start + 1, close, speaker)
            i += 1

    def _closed(self, start: int, end: int) -> bool:
        """The paragraph ends on a closing quotation mark (after its final punctuation)."""
        tail = self.text[start:end].rstrip()
        return len(tail) > 1 and tail[-1] in _MARKS and tail[-2] in ".!?…,"

    def _closing_with_tail(self, start: int, end: int) -> tuple[int, int, int] | None:
        """The closing mark in [start, end) followed by an attribution tail, searched from the end."""
        positions = [k for k in range(end - 1, start, -1) if self.text[k] in _MARKS]
        for k in positions:
            after = self.text[k + 1:end]  # the tail is in the quote's own paragraph
            for regex in (_TAIL, _TAIL_NAME_FIRST, _TAIL_DASH):
                m = regex.match(after)
                if m and (regex is not _TAIL_DASH or self._in(k + 1, k + 1 + m.end(), None)):
                    return k, k + 1 + m.start("who"), k + 1 + m.end("who")
        return None

    def _colon_speaker(self, paragraphs: list[tuple[int, int]], i: int) -> int | None:
        """A quote paragraph after "X explained her decision as follows:" belongs to X."""
        if i == 0:
            return None
        prev_start, prev_end = paragraphs[i - 1]
        if not self.text[prev_start:prev_end].rstrip().endswith(":"):
            return None
        s, _e = self.ctx.sentences[self.ctx.sentence_index(prev_end - 1)]
        return self.speaker_first(max(s, prev_start), prev_end)

    def _inline_quotes(self) -> Iterator[Quote]:
        previous: tuple[int, int | None] = (-1, None)  # end and speaker of the last inline quote
        for m in self._inline_candidates():
            if m.start() > 0 and self.text[m.start() - 1].isalnum():
                continue
            g = "q" if m.group("q") is not None else "q2"
            qs, qe = m.start(g), m.end(g)
            words = len(m.group(g).split())
            head = self.text[max(0, m.start() - 160):m.start()]
            head = head[max(head.rfind("\n"), head.rfind(". "), head.rfind("”"), head.rfind("\"")) + 1:]
            head_start = m.start() - len(head)
            speaker = None
            tail = None
            for regex in (_TAIL, _TAIL_NAME_FIRST):
                tail = regex.match(self.text[m.end():m.end() + 200].split("\n", 1)[0])  # a tail ends with its line
                if tail:
                    speaker = self.speaker_in(m.end() + tail.start("who"), m.end() + tail.end("who"), qs)
                    break
            if speaker is None and previous[1] is not None and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*",
                                                                         self.text[previous[0]:m.start()]):
                speaker = previous[1]  # “…” and “…”: a second phrase of the same speaker
            if speaker is None and _INTRODUCER.search(head):
                speaker = self.speaker_first(head_start, m.start())
            elif speaker is None and _HEAD.search(head):
                h = _HEAD.search(head)
                speaker = self.speaker_in(head_start + h.start(), m.start(), qs)
                if speaker is None:
                    speaker = self.speaker_first(head_start, m.start())
            elif speaker is None and (colon := _COLON_HEAD.search(head)):  # "X says the case is ...: «…»"
                speaker = self.speaker_in(head_start + colon.start("who"), head_start + colon.end("who"), qs)
            attributed = speaker is not None or tail is not None
            if attributed or (words >= 10 and re.search(r"[.!?,]$", m.group(g).strip())):
                previous = (m.end(), speaker)
                yield self._quote(qs, qe, speaker)

    def _inline_candidates(self) -> list[re.Match[str]]:
        """Quoted stretches in text order: guillemets and curly pairs may hold straight quotes
        inside (a quote within a quote); other marks close at the next mark of any shape."""
        found: list[re.Match[str]] = []
        for pattern in (_PAIRED, _ANY_MARKS):
            for m in pattern.finditer(self.text):
                if not any(f.start() <= m.start() < f.end() or m.start() <= f.start() < m.end() for f in found):
                    found.append(m)
        return sorted(found, key=lambda m: m.start())

    def _quote(self, start: int, end: int, speaker: int | None) -> Quote:
        text = self.text[start:end].strip(" ,\n" + _MARKS)
        offset = self.text.find(text, start, end) if text else start
        return Quote(start=offset, end=offset + len(text), text=text, speaker=speaker)


def find_quotes(ctx: DocContext, mentions: list[Slot]) -> list[Quote]:
    """Quotes of a document with speakers as cluster indexes (None when unattributed)."""
    return [q for q in QuoteFinder(ctx, mentions).find() if len(q.text.split()) >= 2]
