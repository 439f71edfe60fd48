"""A parsed sentence with the document's entity mentions laid over its tokens.

Fact extraction reads roles off the dependency tree: who is the passive subject, the direct
object, the pobj of "by" or "under". ``SentenceTree`` answers those questions and maps a token
to the mention it belongs to, so an extractor never deals with character offsets.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from casefile.models import ParsedSentence, ParsedToken
from casefile.extract.facts import vocabulary


@dataclass(frozen=True)
class Slot:
    """One entity mention: its type, its entity (cluster) index in the document, its span."""

    label: str
    cluster: int
    start: int  # offsets in the document
    end: int


# a dateline with a wire service's credit opening a sentence: "ANKARA (Reuters) - ", "KYIV (AP) --"
_DATELINE_CREDIT = re.compile(r"\s*[A-Z][\w .,'’-]{1,40}?\s*\([A-Za-z/&. -]{1,20}\)\s*(?:--|[-–—])\s*")

PERSONAL = frozenset({"he", "she", "they", "him", "her", "them", "i", "me", "we", "us"})
POSSESSIVE = frozenset({"his", "her", "their", "my", "our"})
RELATIVE = frozenset({"who", "whom", "that", "which", "whose"})


class SentenceTree:
    """Tokens, heads, children and mentions of one parsed sentence."""

    def __init__(self, text: str, sentence: ParsedSentence, mentions: list[Slot]) -> None:
        self.text = text
        self.sentence = sentence
        self.tokens: tuple[ParsedToken, ...] = sentence.tokens
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for i, tok in enumerate(self.tokens):
            if tok.head != i:
                self.children[tok.head].append(i)
        self.lemmas = [vocabulary.lemma(text[t.start:t.end], t.lemma) for t in self.tokens]
        for i, tok in enumerate(self.tokens):  # "began hearing the case": with an object, the form is a verb's
            if tok.pos == "VERB" and any(self.tokens[c].dep == "dobj" for c in self.children[i]):
                self.lemmas[i] = vocabulary.verb_of(text[tok.start:tok.end]) or self.lemmas[i]
        self.by_lemma: dict[str, list[int]] = {}
        for i, lemma in enumerate(self.lemmas):
            self.by_lemma.setdefault(lemma, []).append(i)
        self.slot_at: list[Slot | None] = [None] * len(self.tokens)
        credit = _DATELINE_CREDIT.match(text, sentence.start, sentence.end)
        first = credit.end() if credit else sentence.start  # "ANKARA (Reuters) -" is no actor of the sentence
        inside = [m for m in mentions if first <= m.start < sentence.end]
        for i, tok in enumerate(self.tokens):
            for m in inside:
                if m.start <= tok.start and tok.end <= m.end:
                    self.slot_at[i] = m
                    break

    def __len__(self) -> int:
        return len(self.tokens)

    # -- words -------------------------------------------------------------------------------
    def word(self, i: int) -> str:
        """The token's text as written."""
        t = self.tokens[i]
        return self.text[t.start:t.end]

    def lemma(self, i: int) -> str:
        """The token's lemma, lower-cased (see vocabulary.lemma)."""
        return self.lemmas[i]

    def having(self, lemmas: set[str] | frozenset[str] | dict[str, object]) -> list[int]:
        """The tokens whose lemma is one of ``lemmas``, in order: scanners visit only these."""
        found = [i for lemma in lemmas for i in self.by_lemma.get(lemma, ())] if len(lemmas) < len(self.by_lemma) \
            else [i for i, lemma in enumerate(self.lemmas) if lemma in lemmas]
        return sorted(found)

    def lower(self, i: int) -> str:
        """The token's text, lower-cased."""
        return self.word(i).lower()

    def dep(self, i: int) -> str:
        """The token's dependency label."""
        return self.tokens[i].dep

    def head(self, i: int) -> int:
        """Index of the token's head (the root is its own head)."""
        return self.tokens[i].head

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of ``i`` (with one of ``deps`` when given), in sentence order."""
        return [c for c in self.children[i] if not deps or self.tokens[c].dep in deps]

    def marked_passive(self, v: int) -> bool:
        """``v`` has a passive subject or auxiliary ("was detained")."""
        return bool(self.kids(v, "nsubjpass", "auxpass", "csubjpass"))

    def prep_objects(self, i: int, *preps: str) -> list[int]:
        """Objects of the prepositions under ``i``: "detained [in] Almaty" -> Almaty."""
        out = []
        for p in self.kids(i, "prep", "agent", "dative"):
            if not preps or self.lower(p) in preps:
                out.extend(self.kids(p, "pobj", "pcomp"))
        return out

    def subtree(self, i: int, skip: tuple[str, ...] = ()) -> list[int]:
        """``i`` and everything under it, in order; branches whose label is in ``skip`` are left out."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(c for c in self.children[j] if self.tokens[c].dep not in skip)
        return sorted(out)

    def span_text(self, indexes: list[int]) -> str:
        """The document text from the first to the last of ``indexes``."""
        if not indexes:
            return ""
        return self.text[self.tokens[min(indexes)].start:self.tokens[max(indexes)].end]

    def offset(self, i: int) -> int:
        """Document offset of token ``i``."""
        return self.tokens[i].start

    def ancestors(self, i: int) -> Iterator[int]:
        """The heads above ``i``, nearest first."""
        seen = {i}
        while self.head(i) not in seen:
            i = self.head(i)
            seen.add(i)
            yield i

    # -- mentions ----------------------------------------------------------------------------
    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the tokens coordinated with it ("A, B and C"), in order."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.kids(j, "conj"))
        return sorted(out)

    def mention(self, i: int, labels: tuple[str, ...] = ("person", "organization")) -> Slot | None:
        """The mention a noun phrase headed by ``i`` names: the token's own mention, or one in an
        apposition or compound ("the activist, A," / "activist A" / "lawyer of A" is not it)."""
        slot = self.slot_at[i]
        if slot is not None:
            return slot if slot.label in labels else None
        for deps in (("appos",), ("compound", "nmod", "npadvmod", "amod")):  # "the X project “B”": B, not X
            for c in self.kids(i, *deps):
                slot = self.slot_at[c]
                if slot is not None and slot.label in labels:
                    return slot
        return None

    def coordinated(self, slot: Slot) -> list[Slot]:
        """The mentions coordinated with ``slot`` ("A, B and C"), itself included, in order; the
        conjunction may hang on any token of a name."""
        tokens = [i for i, s in enumerate(self.slot_at) if s is slot]
        seen: list[Slot] = [slot]
        stack = list(tokens)
        while stack:
            j = stack.pop()
            links = self.kids(j, "conj") + ([self.head(j)] if self.dep(j) == "conj" else [])
            for k in links:
                other = self.slot_at[k]
                if other is not None and other.label == slot.label and other not in seen:
                    seen.append(other)
                    stack += [i for i, s in enumerate(self.slot_at) if s is other]
        return sorted(seen, key=lambda s: s.start)

    def count(self, i: int) -> int | None:
        """How many a plural noun counts ("eleven journalists", "11 journalists"), or None."""
        from casefile.extract.facts.values import number_of

        for k in self.kids(i, "nummod"):
            n = number_of(self.lower(k))
            if n is not None and n == int(n):
                return int(n)
        return None

    def lone_apposition(self, noun: int, p: int) -> bool:
        """A name in apposition to a counted plural noun that names fewer people than it counts
        ("four reporters [...] A": the parser's misreading, not the four)."""
        n = self.count(noun)
        if n is None or n < 2 or self.tokens[noun].tag not in ("NNS", "NNPS"):
            return False
        slot = self.slot_at[p]
        return slot is not None and len(self.coordinated(slot)) < n

    def is_pronoun(self, i: int) -> bool:
        """A personal pronoun that may stand for a named person ("he", "them", "I")."""
        return self.lower(i) in PERSONAL and self.tokens[i].pos == "PRON"
