"""What fact and quote extraction need from the whole document: who a pronoun stands for, who
wrote a first-person text, which dates it names, which quotes have which speakers."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from casefile.extract.dates import DateRef, is_dateline
from casefile.extract.facts.tree import Slot
from casefile.extract.lists import NamedLists
from casefile.nlp import lexicons

# surname and patronymic endings that tell a woman's name from a man's in the region's
# naming systems ("-ova"/"-kyzy" female, "-ov"/"-uly" male); English names tell nothing here
_FEMALE = re.compile(r"(?:ova|eva|yova|ina|yna|aya|kaya|skaya|kyzy|qyzy|gyzy|kizi|ovna|evna|ichna)$", re.I)
_MALE = re.compile(r"(?:ov|ev|yov|in|yn|sky|skiy|skii|uly|ulu|ogly|oglu|ovich|evich|ich)$", re.I)


def name_gender(name: str) -> str | None:
    """'f' or 'm' when the name's endings tell (Slavic and Turkic forms), else None."""
    for word in reversed(name.split()):
        word = word.strip(".,")
        if len(word) < 4:
            continue
        if _FEMALE.search(word):
            return "f"
        if _MALE.search(word):
            return "m"
    return None


# kinship seen from the other side: A is B's mother -> B is A's son, daughter or child
INVERSE_KIN = {
    "mother": ("son", "daughter", "child"), "father": ("son", "daughter", "child"), "parent": ("son", "daughter", "child"),
    "son": ("mother", "father", "parent"), "daughter": ("mother", "father", "parent"), "child": ("mother", "father", "parent"),
    "husband": ("wife", "spouse"), "wife": ("husband", "spouse"), "spouse": ("husband", "wife"),
    "brother": ("brother", "sister", "sibling"), "sister": ("brother", "sister", "sibling"),
    "uncle": ("nephew", "niece"), "aunt": ("nephew", "niece"), "nephew": ("uncle", "aunt"), "niece": ("uncle", "aunt"),
    "grandfather": ("grandson", "granddaughter", "grandchild"), "grandmother": ("grandson", "granddaughter", "grandchild"),
    "grandson": ("grandfather", "grandmother", "grandparent"), "granddaughter": ("grandfather", "grandmother", "grandparent"),
}


# a court the text does not name ("a foreign court", "an appeals court in the capital")
_UNNAMED_COURT = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){0,3}?(?:court|tribunal)\b")


# words that open a clause set before the main one ("After his arrest, A said …")
_OPENING_CLAUSE_WORDS = frozenset({"although", "though", "after", "before", "when", "while", "despite", "following",
                                   "upon", "since", "in", "during", "until", "once", "because", "at"})


@dataclass
class DocContext:
    """Per-document context: person mentions in order, sentence spans, dates, quotes, author."""

    text: str
    sentences: list[tuple[int, int]]
    persons: list[Slot]
    ref: DateRef
    laws: list[Slot] = field(default_factory=list)
    dates: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, ISO) in text order
    author: int | None = None  # the person who wrote a first-person document, when it names them
    country: int | None = None  # the country the document names most (a location entity)
    names: dict[int, str] = field(default_factory=dict)  # cluster -> display name (for gender)
    courts: list[int] = field(default_factory=list)  # the bodies the document names that are courts
    parties: set[int] = field(default_factory=set)  # the bodies the document calls a party, alliance, ...
    quotes: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, speaker cluster)
    witnesses: set[int] = field(default_factory=set)  # people the text calls witnesses
    defendants: list[int] = field(default_factory=list)  # people the text has told a case against so far
    case_group: list[int] = field(default_factory=list)  # the latest two or more people a case step named together
    groups: list[list[int]] = field(default_factory=list)  # every such group so far, oldest first
    decided: set[int] = field(default_factory=set)  # people whose verdict the text has told so far
    kin: list[tuple[int, int, str]] = field(default_factory=list)  # (a, b, word): a is b's <word>, as stated so far
    turns: list[tuple[int, int, int | None, bool]] = field(default_factory=list)  # interview turns: span, speaker, question

    def __post_init__(self) -> None:
        self.persons.sort(key=lambda s: s.start)
        self.laws.sort(key=lambda s: s.start)
        self._person_starts = [p.start for p in self.persons]
        self._sentence_starts = [s for s, _e in self.sentences]
        self._date_starts = [d[0] for d in self.dates]
        self._genders: dict[int, str | None] = {}
        self._named: NamedLists | None = None

    def _quoted_phrase(self, person: Slot, offset: int) -> bool:
        """The name is inside a short quoted phrase that closes before ``offset`` in its sentence
        ("for “slandering A,” the court kept him in custody"): the wording of a charge or a slogan, no
        one the sentence is about."""
        start = self.sentences[self.sentence_index(person.start)][0] if self.sentences else 0
        opened = max(self.text.rfind(q, start, person.start) for q in "“\"")
        closed = max(self.text.rfind(q, start, person.start) for q in "”")
        if opened < 0 or closed > opened:
            return False
        close = self.text.find("”", person.end, offset)
        return 0 <= close and close - opened < 80

    def resolve_pronoun(self, offset: int, pronoun: str, acted_on: bool = False, _depth: int = 0) -> list[Slot]:
        """The person(s) a pronoun at ``offset`` stands for, or nothing when unsure.

        First person: the speaker of the quote it is in, else the author of a first-person
        document. "he"/"she": the last person named within a few sentences whose name does not
        tell the other gender. "they": the last two or more people named together.
        """
        word = pronoun.lower()
        if word in {"i", "me", "my"}:
            for start, end, speaker in self.quotes:
                if start <= offset < end:
                    return [Slot("person", speaker, start, start)]
            for start, end, speaker, _question in self.turns:  # an interview: the turn's speaker
                if start <= offset < end:
                    return [Slot("person", speaker, start, start)] if speaker is not None else []
            return [Slot("person", self.author, offset, offset)] if self.author is not None else []
        if word in {"we", "us", "our"}:
            return []
        if acted_on and word in {"they", "them", "their"} and self.case_group:
            # "they were charged": the people the case is about, not the last names in passing
            return [Slot("person", c, offset, offset) for c in self.case_group]
        i = bisect.bisect_left(self._person_starts, offset)
        before = [p for p in self.persons[:i] if offset - p.end < 600]
        if word in {"they", "them", "their"}:
            groups: dict[int, list[Slot]] = {}
            for p in before:
                groups.setdefault(self.sentence_index(p.start), []).append(p)
            for idx in sorted(groups, reverse=True)[:2]:
                distinct = {p.cluster: p for p in groups[idx]}
                if len(distinct) >= 2:
                    return list(distinct.values())
            return []
        wanted = "f" if word in {"she", "her", "hers"} else "m"
        # in an interview turn, the speaker's own label is no antecedent: "MOOR: He is fine."
        labels = {speaker for start, end, speaker, _q in self.turns if start <= offset < end}
        fits = [p for p in before if self.gender(p.cluster) in (wanted, None) and p.cluster not in labels
                and not self._quoted_phrase(p, offset)]
        here = self.sentence_index(offset)
        same = [p for p in fits if self.sentence_index(p.start) == here]
        if same:  # "A said he was detained": the nearest name before it in its sentence
            return [same[-1]]
        ahead = self._named_after_clause(offset, here, wanted)
        if ahead is not None:  # "Although the judge ordered his release, A remains held": A
            return [ahead]
        for back in range(1, 4):  # else what an earlier sentence was about: its first fitting name,
            # or the one its own pronoun stands for when that comes first ("A spoke. He met B. He said")
            earlier = [p for p in fits if self.sentence_index(p.start) == here - back]
            pronoun = self._pronoun_before(here - back, earlier[0].start if earlier else None, wanted)
            if pronoun is not None and _depth < 3:
                return self.resolve_pronoun(pronoun, word, acted_on, _depth + 1)
            if earlier:
                return [earlier[0]]
        return fits[-1:]  # a run of sentences with only pronouns: the last fitting name before them

    def _named_after_clause(self, offset: int, sentence: int, gender: str) -> Slot | None:
        """The person named right after the comma that closes the opening clause a pronoun is in
        ("After his arrest, A said …"), when that clause names no one."""
        if not 0 <= sentence < len(self.sentences):
            return None
        start, end = self.sentences[sentence]
        first = re.match(r"\s*(\w+)", self.text[start:end])
        if first is None or first.group(1).lower() not in _OPENING_CLAUSE_WORDS:
            return None  # "The judge ordered his release, A said": no opening clause, reported speech
        comma = self.text.find(",", offset, end)
        if comma < 0:
            return None
        i = bisect.bisect_left(self._person_starts, comma)
        if i >= len(self.persons):
            return None
        person = self.persons[i]
        if person.start >= end or self.text[comma + 1:person.start].strip() \
                or self.gender(person.cluster) not in (gender, None):
            return None
        return person

    def _pronoun_before(self, sentence: int, before: int | None, gender: str) -> int | None:
        """The offset of a personal pronoun of ``gender`` that opens sentence ``sentence`` (within its
        first few words, before ``before``), or None."""
        if not 0 <= sentence < len(self.sentences):
            return None
        start, end = self.sentences[sentence]
        words = ("he", "him", "his") if gender == "m" else ("she", "her")
        m = re.search(r"\b(" + "|".join(words) + r")\b", self.text[start:min(end, start + 40)], re.IGNORECASE)
        if m is None or (before is not None and start + m.start() > before):
            return None
        return start + m.start()

    def named_list(self, offset: int, size: int) -> list[int]:
        """The people of the nearest list naming exactly ``size`` of them (see ``NamedLists``),
        for a counted group ("eleven journalists were arrested. A, B, ... were placed in custody")."""
        return self._lists().of_size(offset, size)

    def nearest_list(self, offset: int) -> list[int]:
        """The people of the list in the sentence before ``offset``'s, else in the one after."""
        return self._lists().nearest(offset)

    def _lists(self) -> NamedLists:
        if self._named is None:
            self._named = NamedLists(self.text, self.sentences, [(p.start, p.cluster) for p in self.persons])
        return self._named

    def rest_of_group(self) -> list[int]:
        """"the rest were acquitted": the latest group of people a case step named together that
        still has people whose verdict the text has not told, without those it has."""
        for group in reversed(self.groups):
            rest = [c for c in group if c not in self.decided]
            if rest and len(rest) < len(group):
                return rest
        return []

    def relative(self, of: int, word: str) -> int | None:
        """Who is ``of``'s <word> by a kinship the text stated ("my son" after "A, mother of B": B)."""
        for a, b, stated in reversed(self.kin):
            if b == of and stated == word:
                return a
        for a, b, stated in reversed(self.kin):  # "A is the mother of B": B is A's son or daughter
            if a == of and word in INVERSE_KIN.get(stated, ()):
                return b
        return None

    def in_question(self, offset: int) -> bool:
        """True inside an interviewer's turn: questions state no facts."""
        return any(start <= offset < end and question for start, end, _s, question in self.turns)

    def gender(self, cluster: int) -> str | None:
        """'m' or 'f' when the document tells: a word describing the person next to a mention
        ("her husband, A", "Mr A", "spokeswoman A"), else the name's ending; None when unknown."""
        if cluster in self._genders:
            return self._genders[cluster]
        words = lexicons.gendered_words()
        votes = {"m": 0, "f": 0}
        for p in self.persons:
            if p.cluster != cluster:
                continue
            before = re.findall(r"[A-Za-z]+", self.text[max(0, p.start - 30):p.start])[-3:]
            after = re.match(r"\s*,\s*(?:a|an|the|his|her)?\s*([A-Za-z]+)", self.text[p.end:p.end + 40])
            for w in before + ([after.group(1)] if after else []):
                if w.lower() in words:
                    votes[words[w.lower()]] += 1
        found = "m" if votes["m"] > votes["f"] else "f" if votes["f"] > votes["m"] else None
        if found is None:
            written = max((self.text[p.start:p.end] for p in self.persons if p.cluster == cluster), key=len, default="")
            found = name_gender(self.names.get(cluster, written))
        self._genders[cluster] = found
        return self._genders[cluster]

    def topic(self, offset: int, back: int = 2) -> Slot | None:
        """The first person named in the nearest of the ``back`` sentences before ``offset``."""
        here = self.sentence_index(offset)
        for k in range(1, back + 1):
            named = [p for p in self.persons if self.sentence_index(p.start) == here - k]
            if named:
                return named[0]
        return None

    def described(self, noun: str, before: int) -> int | None:
        """The last person before ``before`` whom the text called ``noun`` ("the blogger" -> the one
        introduced as "blogger X" or "X, a blogger"); None for a noun that names no role."""
        if noun not in lexicons.role_words():
            return None
        near = re.compile(r"\b" + re.escape(noun) + r"s?\b", re.IGNORECASE)
        i = bisect.bisect_left(self._person_starts, before)
        for k in range(i - 1, -1, -1):
            m = self.persons[k]
            # a noun before the name stands in the name's sentence and after any other name: in
            # "Blogger A was fined. B paid." and "Blogger A met B", B is no blogger
            lo = max(m.start - 40, self.persons[k - 1].end if k else 0,
                     self.sentences[self.sentence_index(m.start)][0] if self.sentences else 0)
            ahead = self.text[lo:m.start]
            behind = re.match(r"\s*,\s*(?:a|an|the)?\s*[^,.;]{0,30}", self.text[m.end:m.end + 50])
            if near.search(ahead) or (behind and near.search(behind.group())):
                return m.cluster
        return None

    @cached_property
    def unnamed_court(self) -> bool:
        """The text speaks of a court it does not name ("a foreign court sentenced A")."""
        return _UNNAMED_COURT.search(self.text) is not None

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset``."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def dates_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The normalised dates inside [start, end), the article's dateline left out when the
        span has others ("ALMATY, May 3 - ... detained on Monday": Monday dates the event)."""
        lo = bisect.bisect_left(self._date_starts, start)
        hi = bisect.bisect_left(self._date_starts, end)
        found = self.dates[lo:hi]
        events = [d for d in found if not is_dateline(self.text, d[0])]
        return events or found
