"""Facts behind each name: justice events and relations, each with its evidence sentence.

Facts are read off the dependency parse of the sentences the backend parsed (those with a
trigger word next to a name or pronoun; see casefile/nlp/parse.py): justice events in
justice.py (roles in events.toml), relations in relations.py (relations.toml). Lists of
signatories, which are rows rather than sentences, are read in rows.py.
"""
from __future__ import annotations

import bisect
import re

from casefile.extract.facts.author import document_author, interview_turns
from casefile.extract.facts.context import DocContext
from casefile.extract.facts.justice import justice_facts
from casefile.extract.facts.relations import relation_facts
from casefile.extract.facts.rows import row_facts
from casefile.extract.facts.tree import SentenceTree, Slot
from casefile.models import Fact, ParsedSentence


CASE_STEPS = frozenset({"detention", "interrogation", "charge", "trial", "conviction", "sentence", "acquittal"})
VERDICTS = frozenset({"conviction", "sentence", "acquittal"})


def sentence_trees(text: str, parses: list[ParsedSentence], mentions: list[Slot]) -> dict[int, SentenceTree]:
    """The parsed sentences of a document with its mentions laid over them, by start offset."""
    by_start = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    return {p.start: SentenceTree(text, p, by_start[bisect.bisect_left(starts, p.start):bisect.bisect_left(starts, p.end)])
            for p in parses}


def extract_facts(ctx: DocContext, trees: dict[int, SentenceTree], mentions: list[Slot]) -> list[Fact]:
    """All facts a document states, one Fact per (type, subject, object) and sentence."""
    facts: list[Fact] = []
    for start in sorted(trees):
        tree = trees[start]
        if ctx.in_question(tree.sentence.end - 1) or _yes_no_question(tree):
            continue  # "Will he be put on trial?" asserts nothing
        sentence = [*justice_facts(tree, ctx), *relation_facts(tree, ctx)]
        sentence += _charges_of_verdicts(sentence)
        facts.extend(_distinct(_fullest_positions(sentence)))
        for f in sentence:  # "the trial" later on is theirs; the latest named last
            if f.type in CASE_STEPS:
                if f.subject in ctx.defendants:
                    ctx.defendants.remove(f.subject)
                ctx.defendants.append(f.subject)
        ctx.kin += [(f.subject, f.object, (f.value or "").lower()) for f in sentence
                    if f.type == "family" and f.object is not None]
        group = list(dict.fromkeys(f.subject for f in sentence if f.type in CASE_STEPS))
        if len(group) >= 2:
            ctx.case_group = group
            ctx.groups.append(group)
        ctx.decided |= {f.subject for f in sentence if f.type in VERDICTS}
    facts.extend(row_facts(ctx.text, mentions))
    facts.extend(witness_statements(ctx))
    return facts


_POINTING = re.compile(r"\b(?:this|that|these|those|it|which)\b", re.IGNORECASE)
_ON_CHARGES = re.compile(r"^on\s+(?:charges?|accusations?|suspicion)\s+(?:of\s+)?", re.IGNORECASE)


def _charges_of_verdicts(facts: list[Fact]) -> list[Fact]:
    """"convicted of fraud", "sentenced for inciting discord": whoever was convicted of an offence
    was charged with it, whether or not the sentence says so (one charge per person and offence)."""
    charged = {(f.subject, (f.value or "").lower()) for f in facts if f.type == "charge"}
    out = []
    for f in facts:
        if f.type == "conviction" and f.value and (f.subject, f.value.lower()) not in charged \
                and not _POINTING.search(f.value):  # "for this": the offence is told elsewhere
            charged.add((f.subject, f.value.lower()))
            offence = _ON_CHARGES.sub("", f.value)  # "on charges of X": the charge is X
            out.append(Fact("charge", f.subject, f.start, f.end, value=offence, date=f.date))
    return out


def _yes_no_question(tree: SentenceTree) -> bool:
    """A question opening with an auxiliary or a modal ("Was he charged?"); a wh-question ("Why
    was I arrested?") takes its event as given."""
    text = tree.text[tree.sentence.start:tree.sentence.end].rstrip(" \"”»’")
    return text.endswith("?") and len(tree) > 0 and tree.tokens[0].pos == "AUX"


def _distinct(facts: list[Fact]) -> list[Fact]:
    """One fact per (type, subject, object) in a sentence; the first statement (with its value) wins."""
    seen: set[tuple[str, int, int | None]] = set()
    out = []
    for f in facts:
        if (f.type, f.subject, f.object) not in seen:
            seen.add((f.type, f.subject, f.object))
            out.append(f)
    return out


def _fullest_positions(facts: list[Fact]) -> list[Fact]:
    """Of one sentence's position facts with the same holder and role, keep the one that names
    the organisation ("B's President A": President of B, not just President)."""
    placed = {(f.subject, (f.value or "").lower()) for f in facts if f.type == "position" and f.object is not None}
    return [f for f in facts if not (f.type == "position" and f.object is None
                                     and (f.subject, (f.value or "").lower()) in placed)]


def witness_statements(ctx: DocContext) -> list[Fact]:
    """A quotation by someone the text calls a witness is their testimony (evidence: its sentence)."""
    out = []
    for start, _end, speaker in ctx.quotes:
        if speaker in ctx.witnesses:
            s, e = ctx.sentences[ctx.sentence_index(start)]
            dates = ctx.dates_in(s, e)
            out.append(Fact("testified", speaker, s, e, date=dates[0][2] if dates else None))
    return out


__all__ = ["DocContext", "Slot", "SentenceTree", "document_author", "extract_facts", "interview_turns", "sentence_trees"]
