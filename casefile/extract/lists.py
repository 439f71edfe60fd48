"""Lists of people a document names together, for a counted group that stands for them.

"Eleven journalists were detained. A, B, ... were placed in custody" and the Russian "суд
арестовал 11 сотрудников: А – ...; Б – ...": the counted group is the list nearby that names
exactly as many people, in one sentence or in a run of list lines (sentences that each open
with a name). Language-independent: it sees only sentence spans and person mentions.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

# what may stand before a list line's name: bullets and dashes
_LINE_MARKS = " \t\r\n-–—•*·"


@dataclass
class NamedLists:
    """The people named together in each sentence and in each run of list lines of one document."""

    text: str
    sentences: list[tuple[int, int]]
    persons: list[tuple[int, int]]  # (start offset, person cluster) of every person mention
    _lists: list[tuple[int, int, list[int]]] = field(default_factory=list, init=False)
    _starts: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._starts = [s for s, _e in self.sentences]
        by_sentence: dict[int, list[int]] = {}
        openers: dict[int, int] = {}
        for start, cluster in sorted(self.persons):
            k = self.sentence_index(start)
            named = by_sentence.setdefault(k, [])
            if cluster not in named:
                named.append(cluster)
            if k not in openers and self.sentences and not self.text[self.sentences[k][0]:start].strip(_LINE_MARKS):
                openers[k] = cluster
        self._lists = [(k, k, named) for k, named in sorted(by_sentence.items()) if len(named) >= 2]
        run: list[int] = []
        for k in sorted(openers) + [-2]:
            if run and k != run[-1] + 1:
                people = list(dict.fromkeys(openers[j] for j in run))
                if len(people) >= 2:
                    self._lists.append((run[0], run[-1], people))
                run = []
            run.append(k)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def _first(self, offset: int, steps: list[int], size: int | None = None) -> list[int]:
        """The people of the first list met at the sentence ``offset``'s sentence plus each step in
        turn (of exactly ``size`` people, when given); empty when none."""
        here = self.sentence_index(offset)
        for k in steps:
            for first, last, people in self._lists:
                if first <= here + k <= last and (size is None or len(people) == size):
                    return people
        return []

    def of_size(self, offset: int, size: int, reach: int = 2) -> list[int]:
        """The people of the nearest list that names exactly ``size`` of them: the sentence at
        ``offset`` first, then up to ``reach`` sentences after and before it, the nearest first.
        Empty when no list there has that size."""
        return self._first(offset, [0] + [d for r in range(1, reach + 1) for d in (r, -r)], size)

    def nearest(self, offset: int) -> list[int]:
        """The people of a list in the sentence before the one at ``offset``, else in the one
        after it ("the defenders were freed. A and B ..."); empty when neither has one."""
        return self._first(offset, [-1, 1])

    def around(self, offset: int, reach: int = 2) -> list[int]:
        """The people of the nearest list to the sentence at ``offset`` (itself first, then the
        sentences before and after it, the nearest first), whatever its size; empty when none."""
        return self._first(offset, [0] + [d for r in range(1, reach + 1) for d in (-r, r)])
