"""What fact patterns need from the document around a sentence: pronouns, dates, places."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from casefile.extract.dates import DateRef, find_dates, is_dateline
from casefile.extract.facts.masking import Slot
from casefile.extract.facts.patterns import PLIST


@dataclass
class DocContext:
    """Per-document context: person mentions in order, sentence spans, date reference."""

    text: str
    sentences: list[tuple[int, int]]
    persons: list[Slot]
    ref: DateRef
    laws: list[Slot] = field(default_factory=list)
    quotes: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, speaker cluster)
    witnesses: set[int] = field(default_factory=set)  # people the text has called witnesses so far

    def __post_init__(self) -> None:
        self.persons.sort(key=lambda s: s.start)
        self.laws.sort(key=lambda s: s.start)
        self._person_starts = [p.start for p in self.persons]

    def antecedent(self, offset: int, pronoun: str) -> list[Slot]:
        """The person(s) a pronoun at ``offset`` most likely refers to.

        "he"/"she": the last person mentioned before it (within a few sentences);
        "they"/"their": the last group of two or more people named together.
        """
        if pronoun in {"I", "me", "my", "We", "we"}:  # first person inside a quote: its speaker
            return [Slot("person", speaker, start, start) for start, end, speaker in self.quotes
                    if start <= offset < end][:1]
        i = bisect.bisect_left(self._person_starts, offset)
        before = [p for p in self.persons[:i] if offset - p.end < 600]
        if not before:
            return []
        if pronoun.lower() in {"they", "their", "them"}:
            groups: dict[int, list[Slot]] = {}
            for p in before:
                groups.setdefault(self.sentence_index(p.start), []).append(p)
            for idx in sorted(groups, reverse=True)[:2]:
                distinct = {p.cluster: p for p in groups[idx]}
                if len(distinct) >= 2:
                    return list(distinct.values())
            return []
        return [before[-1]]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset``."""
        starts = [s for s, _e in self.sentences]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def date_near(self, start: int, end: int, trigger: int) -> str | None:
        """The date expression of the sentence closest to the trigger (earlier ones preferred)."""
        dates = find_dates(self.text[start:end], self.ref)
        events = [d for d in dates if not is_dateline(self.text, start + d[0])]
        dates = events or dates  # "ALMATY, May 3 - ... detained on Monday": Monday dates the event
        if not dates:
            return None
        return min(dates, key=lambda d: abs(start + d[0] - trigger) + (0 if start + d[0] <= trigger else 40))[2]


# after the trigger, the people acted on may come first ("detained A and B in Almaty"); no comma
# in between, so an apposition ("A, a blogger from Almaty") never lends its place to the event
_PLACE_AFTER = re.compile(r"[^.;⟨]{0,25}?(?:" + PLIST + r"[^.;,⟨]{0,15}?)?\b(?:in|at|near)\s+(?:the\s+)?(⟨L\d+⟩)")


def place_after(masked: str, slots: dict[str, Slot], pos: int) -> int | None:
    """A location named right after a trigger ("detained in Almaty", "detained A in Almaty"), as a cluster index."""
    m = _PLACE_AFTER.match(masked, pos)
    return slots[m.group(1)].cluster if m else None
