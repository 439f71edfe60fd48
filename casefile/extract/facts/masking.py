"""Sentences with entity mentions replaced by placeholders, so fact patterns read like grammar.

"On July 20, Anna Petrova and Ivan Sidorov were detained" becomes
"On July 20, ⟨P3⟩ and ⟨P5⟩ were detained": P person, O organisation, L location, A law,
E event, followed by the cluster index. Patterns then match on placeholders, not on names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = {"person": "P", "organization": "O", "location": "L", "law": "A", "event": "E"}
PLACEHOLDER = re.compile(r"⟨([POLAE])(\d+)⟩")


@dataclass(frozen=True)
class Slot:
    """One mention behind a placeholder."""

    label: str
    cluster: int
    start: int  # offsets in the document
    end: int


@dataclass
class MaskedSentence:
    """A sentence with placeholders, and the way back to the document."""

    start: int
    end: int
    masked: str
    slots: dict[str, Slot]  # placeholder text -> mention

    def slot(self, placeholder: str) -> Slot:
        """The mention behind a placeholder."""
        return self.slots[placeholder]

    def mentions_in(self, fragment: str, prefix: str = "P") -> list[Slot]:
        """Mentions of one kind named inside a fragment of the masked text, in order."""
        return [self.slots[m.group()] for m in PLACEHOLDER.finditer(fragment) if m.group(1) == prefix]

    def unmask(self, fragment: str, doc: str) -> str:
        """A fragment of the masked text with the original names put back."""
        return PLACEHOLDER.sub(lambda m: doc[self.slots[m.group()].start:self.slots[m.group()].end], fragment)

    def offset(self, masked_index: int) -> int:
        """Document offset of a position in the masked text (approximate inside placeholders)."""
        delta = 0
        for ph, slot in sorted(self.slots.items(), key=lambda kv: kv[1].start):
            pos = slot.start - self.start + delta
            if pos >= masked_index:
                break
            delta += len(ph) - (slot.end - slot.start)
        return self.start + masked_index - delta


def mask_sentence(text: str, start: int, end: int, mentions: list[Slot]) -> MaskedSentence:
    """Replace the mentions inside [start, end) of ``text`` with placeholders."""
    pieces: list[str] = []
    slots: dict[str, Slot] = {}
    cursor = start
    for m in sorted(mentions, key=lambda s: s.start):
        if m.start < cursor or m.end > end:
            continue
        pieces.append(text[cursor:m.start])
        ph = f"⟨{PREFIX[m.label]}{m.cluster}⟩"
        pieces.append(ph)
        slots[ph] = m
        cursor = m.end
    pieces.append(text[cursor:end])
    return MaskedSentence(start, end, "".join(pieces), slots)
