"""Facts behind each name: justice events and relations, each with its evidence sentence.

Only sentences that carry a trigger (a justice verb, a kinship or role word, a membership or
order word) are masked and matched, so adding facts costs little on long documents.
"""
from __future__ import annotations

import re
from functools import cache

from casefile.extract.facts.context import DocContext
from casefile.extract.facts.justice import appeal_facts, justice_facts
from casefile.extract.facts.masking import Slot, mask_sentence
from casefile.extract.facts.patterns import BOSS, KINSHIP, TRIGGERS
from casefile.extract.facts.relations import relation_facts
from casefile.models import Fact
from casefile.nlp import lexicons


MAX_SENTENCE_CHARS = 2500  # longer "sentences" are unsplit tables or lists


@cache
def _trigger() -> re.Pattern[str]:
    words = "|".join(TRIGGERS.values())
    roles = "|".join(sorted(lexicons.role_words(), key=len, reverse=True))
    return re.compile(
        r"\b(?:" + words + r"|" + KINSHIP + r"|" + BOSS + r"|" + roles + r"|member|from|ordered|instructed|"
        r"testif\w*|testimon\w*|seized|confiscated|freedom|fines?|spent|case|trial|hearing|upheld|overturned|"
        r"lawsuit|complaint|claimant|complainant|plaintiff|petition|request|retracted|recanted|rejected|withdrew|received|got|handed|given|sentences?|"
        r"questioning|interrogations?|witness\w*|custody|arrest\w*|denie[sd]|guilty|search(?:es)?)\b",
        re.IGNORECASE,
    )


def extract_facts(ctx: DocContext, mentions: list[Slot]) -> list[Fact]:
    """All facts a document states, one Fact per (type, subject, object) and sentence."""
    facts: list[Fact] = []
    trigger = _trigger()
    by_start = sorted(mentions, key=lambda s: s.start)
    for start, end in ctx.sentences:
        if end - start > MAX_SENTENCE_CHARS:
            continue  # a table or a list run together, not a sentence: its patterns would be slow and wrong
        sentence = ctx.text[start:end]
        list_row = len(sentence) < 160 and sentence.count(",") >= 2 and "\n" not in sentence
        if not trigger.search(sentence) and not list_row:
            continue
        inside = [m for m in by_start if start <= m.start and m.end <= end]
        if not inside and not re.search(r"\b(?:he|she|they|their|his|her|I|my)\b", sentence, re.IGNORECASE):
            continue
        ms = mask_sentence(ctx.text, start, end, inside)
        facts.extend(justice_facts(ms, ctx, sentence))
        facts.extend(appeal_facts(ms, ctx))
        facts.extend(_fullest_positions(list(relation_facts(ms, ctx))))
    facts.extend(_witness_quotes(ctx))
    return facts


def _fullest_positions(facts: list[Fact]) -> list[Fact]:
    """Of one sentence's position facts with the same holder and role, keep the one that names
    the organisation ("Kazakhstan's President A": President of Kazakhstan, not just President)."""
    placed = {(f.subject, (f.value or "").lower()) for f in facts if f.type == "position" and f.object is not None}
    return [f for f in facts if not (f.type == "position" and f.object is None
                                     and (f.subject, (f.value or "").lower()) in placed)]


def _witness_quotes(ctx: DocContext) -> list[Fact]:
    """A quotation by someone the text calls a witness is their testimony (evidence: its sentence)."""
    out = []
    for start, _end, speaker in ctx.quotes:
        if speaker in ctx.witnesses:
            s, e = ctx.sentences[ctx.sentence_index(start)]
            out.append(Fact("testified", speaker, s, e, date=ctx.date_near(s, e, start)))
    return out


__all__ = ["DocContext", "Slot", "extract_facts"]
