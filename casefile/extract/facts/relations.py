"""Relations between people and organisations: position, member_of, family, subordinate_of,
ordered, testified, retracted_testimony.

Positions come from appositions, the way news reports introduce people: "A, chairman of B",
"Deputy Head of B, A", "the press secretary of B A", "A - head of the NGO “B”",
"B's researcher A", "police investigator A". The role phrase must end in a role word.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from casefile.extract.facts.context import DocContext
from casefile.extract.facts.masking import MaskedSentence, Slot
from casefile.extract.facts.patterns import BOSS, KINSHIP, LOC, ORG, ORG_OR_LOC, PER, PLIST, PRONOUN
from casefile.extract.facts.values import negated_before
from casefile.models import Fact
from casefile.nlp import lexicons, names

_NOT_MODIFIER = {"what", "how", "why", "when", "where", "which", "said", "says", "about", "with", "by", "from", "to", "for", "and", "or", "but", "that", "this",
                 "also", "who", "her", "his", "their", "its", "the", "a", "an", "of", "was", "is", "were",
                 "under", "in", "on", "at", "into", "over", "after", "before", "as", "than", "including",
                 # justice verbs: "a court fined activist X" -> the role is "activist"
                 "fined", "detained", "arrested", "sentenced", "convicted", "charged", "jailed", "acquitted",
                 "released", "questioned", "interrogated", "searched", "summoned", "named", "called"}
# a role modifier is any word but these function words, so a role phrase never swallows "said the"
_W = r"(?!(?:" + "|".join(sorted(_NOT_MODIFIER)) + r")\b)[A-Za-z][\w'’-]*"
_DET = r"(?:(?:the|a|an|its|The|A|An|Its)\s+)?"
# the head of a role phrase is a role word, checked inside the regex so a failed candidate never
# hides a good one further right ("the case of a public figure X")
_ROLE_SUFFIX = r"-(?:in-chief|general|at-large|elect)"  # "editor-in-chief", "secretary-general"
_ROLE_HEAD = (r"(?i:" + "|".join(sorted((re.escape(w) for w in lexicons.role_words()), key=len, reverse=True))
              + r")(?:" + _ROLE_SUFFIX + r")?\b")
_ROLE_BARE = r"(?:(?:" + _W + r"|" + LOC + r")\s+){0,3}?" + _ROLE_HEAD
_NOT_POSSESSED = r"(?<!\bher\s)(?<!\bhis\s)(?<!\btheir\s)(?<!\bmy\s)(?<!\bour\s)"  # "her chief X": a relation
# the same with modifiers in between ("her former chief X"), which a fixed-width lookbehind cannot see
_POSSESSED_BEFORE = re.compile(r"\b(?:her|his|their|my|our)\s+(?:(?:former|ex|then|deputy|direct|immediate|"
                               r"acting|current|new|longtime|long-time)(?:\s+|-))+$", re.IGNORECASE)
_ROLE = r"(?:^|(?<=[\s,(:;—–-]))" + _NOT_POSSESSED + _DET + r"(?P<role>" + _ROLE_BARE + r")"
_OF = r"\s+(?:of|at|for|in)\s+(?:the\s+)?(?:[^⟨⟩.;,]{0,30}?\s)?"
_HONORIFIC = r"(?:(?:Mr|Ms|Mrs|Miss|Dr|Lord|Lady|Baroness|Sir)\.?\s+)?"
_POSITION_PATTERNS = [
    # "Deputy Head of the Department of Finance, A" / "the press secretary of B A" / "the head of B, Colonel A"
    re.compile(_ROLE + _OF + r"(?P<org>" + ORG_OR_LOC + r")[“”\"]?\s*,?\s*(?:(?P<rank>[A-Z][a-z]+)\s+)?" + _HONORIFIC
               + r"(?P<per>" + PER + r")"),
    # "Kazakhstan's President A", "the ministry's spokesman A"
    re.compile(r"(?P<org>" + ORG_OR_LOC + r")(?:'s|’s)\s+(?P<role>" + _ROLE_BARE + r")\s+" + _HONORIFIC + r"(?P<per>" + PER + r")"),
    # "the chief translator, A, for B"
    re.compile(_ROLE + r",\s*(?P<per>" + PER + r"),\s*(?:for|of|at)\s+(?:the\s+)?(?P<org>" + ORG_OR_LOC + r")"),
    # "A, the owner of B" / "A - head of the NGO “B”"
    re.compile(r"(?P<per>" + PER + r")\s*(?:,|-|–|—)\s*(?:the\s+|a\s+|an\s+|its\s+)?" + _ROLE + _OF
               + r"(?:[^⟨⟩.;]{0,40}?)?[“\"«]?(?P<org>" + ORG_OR_LOC + r")"),
    # "A, B's Central Asia researcher"
    re.compile(r"(?P<per>" + PER + r")\s*,\s*(?P<org>" + ORG + r")(?:'s|’s)\s+(?P<role>" + _ROLE_BARE + r")\b"),
    # "A, media manager, public figure and former member of B"
    re.compile(r"(?P<per>" + PER + r")\s*,\s*" + _DET + r"(?P<role>" + _ROLE_BARE + r"(?:\s*(?:,|and)\s*" + _DET
               + _ROLE_BARE + r"){1,3})" + _OF + r"(?P<org>" + ORG_OR_LOC + r")"),
    # "A, the deputy akim of the region," / "A, a blogger," (no named organisation)
    re.compile(r"(?P<per>" + PER + r")\s*,\s*" + _DET + r"(?P<role>" + _ROLE_BARE + r")"
               + r"(?P<rest>\s+(?:of|at|in)\s+(?:the|a|an|its|his|her|their)\s+[a-z][a-z\s-]{2,30}?)?(?=\s*(?:,|\.|;|$))"),
    # "police investigator A", "the investigator of the police department Mr. A"
    re.compile(_ROLE + r"(?P<rest>\s+of\s+(?:the\s+)?[a-z][\w\s]{2,40}?)?\s+" + _HONORIFIC + r"(?P<per>" + PER + r")"),
]
# "A, who heads the B": the verb names the post
_HEADS = re.compile(r"(?P<per>" + PER + r")\s*,?\s+(?:who\s+)?(?:now\s+|currently\s+)?(?P<verb>heads|headed|leads|led|chairs|"
                    r"chaired|directs|directed|runs|ran|founded|co-founded)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?[“\"«]?"
                    r"(?P<org>" + ORG + r")")
_HEAD_ROLE = {"heads": "head", "headed": "head", "leads": "leader", "led": "leader", "chairs": "chair",
              "chaired": "chair", "directs": "director", "directed": "director", "runs": "head", "ran": "head",
              "founded": "founder", "co-founded": "co-founder"}
_NAMED_AFTER = re.compile(r"\s+(?:project|channel|page|account|group|movement|initiative|programme|program|show)\s*"
                          r"[“\"«]?(?P<org>" + ORG + r")")
_MEMBER_FROM = re.compile(r"(?P<per>" + PLIST + r")\s+(?:from|of|representing)\s+(?:the\s+)?(?:[^⟨⟩.;,]{0,40}?)?[“\"«]?(?P<org>" + ORG + r")")
_MEMBER_OF = [
    re.compile(r"\bmember\s+of\s+(?:the\s+)?(?P<org>" + ORG + r")(?:\s+(?:party|movement|union|bloc|group))?\s*,?\s*(?P<per>" + PER + r")"),
    re.compile(r"(?P<per>" + PER + r")\s*,?\s*(?:is\s+|was\s+)?(?:a\s+|an\s+)?(?:former\s+)?member\s+of\s+(?:the\s+)?(?P<org>" + ORG + r")"),
]
_LIST_ROW = re.compile(r"^\s*(?:\d+[.)]\s*)?" + _HONORIFIC + r"(?P<per>" + PER + r")\s*,\s*(?P<loc>" + LOC + r")\s*,?\s*(?P<org>" + ORG + r")\s*$")
# a few lower-case words describing the relative: "the nephew of former energy minister X"
_DESC = r"(?:(?:the|a|an)\s+)?(?:(?!(?:and|or|with|to|by|from|for|but|who|which)\b)[a-z][\w-]*\s+){0,4}"
_FAMILY = [
    re.compile(r"(?P<b>" + PER + r")(?:'s|’s)\s+(?P<kin>" + KINSHIP + r")\s*,?\s*" + _DESC + r"(?P<a>" + PER + r")"),
    re.compile(r"(?P<a>" + PER + r")\s*,\s*(?:the\s+|a\s+)?(?P<kin>" + KINSHIP + r")\s+of\s+" + _DESC + r"(?P<b>" + PER + r")"),
    re.compile(r"\b(?P<b>his|her|their)\s+(?P<kin>" + KINSHIP + r")\s*,?\s*" + _DESC + r"(?P<a>" + PER + r")"),
]
_SUBORDINATE = re.compile(r"\b(?:her|his|their)\s+(?:former\s+|direct\s+|immediate\s+)?(?P<boss>" + BOSS + r")\s*,?\s*(?P<obj>" + PER + r")")
_ORDERED = re.compile(r"(?P<subj>" + PER + r"|" + ORG + r")\s*,?\s+(?:personally\s+|allegedly\s+|reportedly\s+)?"
                      r"(?P<trig>ordered|instructed|commanded)\s+(?P<what>[^.;]{3,120})")  # "the akim, X, instructed"
_RETRACTED = [
    re.compile(r"(?P<subj>" + PER + r"|" + PRONOUN + r")\s+(?:also\s+|later\s+)?(?P<trig>rejected|retracted|withdrew|recanted|repudiated|renounced)\s+"
               r"(?:(?:his|her|their|the|earlier|previous|initial|own)\s+)*(?:testimony|testimonies|statements?)"
               r"(?:\s+(?:about|against|on|regarding)\s+(?:(?:his|her|their|the)\s+)?(?:former\s+)?(?:\w+\s+)?(?P<obj>" + PER + r"))?"),
    re.compile(r"(?P<subj>" + PER + r")\s+(?P<trig>insisted|said|claimed|stated)\s+(?:that\s+)?(?:he\s+|she\s+)?(?:did\s+not|never)\s+(?:give|gave|make|made|sign)\s+(?:such|this|that|the|any)\s+(?:testimony|statement)"),
]
# "a witness, deputy chairman of the commission X" / "the witness taxi driver X" - but not "a witness
# in the trial of X", where X is the accused
_WITNESS = re.compile(r"\bwitness(?:es)?\s*(?:,\s*(?:[^⟨.;,]{0,60}?\s)?|\s(?:(?!(?:of|in|at|for|against|to|by|with|"
                      r"from)\b)[a-z][\w-]*\s+){0,3})(?P<per>" + PER + r")")
# what a witness says, in court or about their testimony: "X insisted that ...", "X, later, explained"
_WITNESS_SAYS = re.compile(r"(?P<subj>" + PER + r")\s*,?(?:[^⟨.;]{0,80}?\s)?(?P<trig>claimed|said|says|insisted|stated|told|"
                           r"explained|admitted|confirmed|noticed|recalled|confessed|testified)\b")
_TESTIFIED = re.compile(r"(?P<subj>" + PER + r")\s+(?P<trig>testified)(?:\s+against\s+(?P<obj>" + PER + r"))?")


def _role_ok(role: str) -> bool:
    words = [w for w in re.sub(r"⟨L\d+⟩|,", " ", role).split() if w != "and"]
    return (bool(words) and names.is_role_word(re.sub(_ROLE_SUFFIX + "$", "", words[-1]))
            and not any(w.lower() in _NOT_MODIFIER for w in words)
            and not any(w[:1].isupper() and names.is_given_name(w) for w in words))


def _clean_role(role: str, ms: MaskedSentence, doc: str) -> str:
    role = ms.unmask(role, doc)
    return re.sub(r"^(?:the|a|an|its|his|her)\s+", "", role.strip(), flags=re.IGNORECASE)


def _fact(ms: MaskedSentence, type_: str, subj: Slot, obj: Slot | None = None, value: str | None = None) -> Fact:
    return Fact(type_, subj.cluster, ms.start, ms.end, object=obj.cluster if obj else None, value=value)


def relation_facts(ms: MaskedSentence, ctx: DocContext) -> Iterator[Fact]:
    """Positions, memberships, family ties, subordination, orders and testimony in one sentence."""
    masked, doc = ms.masked, ctx.text
    seen: set[tuple[str, int, int | None]] = set()

    def emit(f: Fact) -> Iterator[Fact]:
        key = (f.type, f.subject, f.object)
        if key not in seen:
            seen.add(key)
            yield f

    for pattern in _POSITION_PATTERNS:
        for m in pattern.finditer(masked):
            role = m.group("role")
            if not _role_ok(role) or _POSSESSED_BEFORE.search(masked, 0, m.start("role")):
                continue
            if m.groupdict().get("rank") and not names.is_role_word(m.group("rank")):
                continue  # "the head of B, Colonel A" - a rank, not any capitalised word
            org = ms.slot(m.group("org")) if "org" in m.groupdict() and m.group("org") else None
            named = _NAMED_AFTER.match(masked, m.end("org")) if org is not None else None
            if named:  # "the manager of the YouTube project “X”": X is the body, YouTube its platform
                org = ms.slot(named.group("org"))
            value = _clean_role(role + (m.group("rest") or "" if "rest" in m.groupdict() else ""), ms, doc)
            yield from emit(_fact(ms, "position", ms.slot(m.group("per")), org, value))
    for m in _HEADS.finditer(masked):
        if not negated_before(masked, m.start("verb"), 30):
            yield from emit(_fact(ms, "position", ms.slot(m.group("per")), ms.slot(m.group("org")),
                                  _HEAD_ROLE[m.group("verb")]))
    for m in _MEMBER_FROM.finditer(masked):
        for per in ms.mentions_in(m.group("per")):
            yield from emit(_fact(ms, "member_of", per, ms.slot(m.group("org")), "representative"))
    for pattern in _MEMBER_OF:
        for m in pattern.finditer(masked):
            yield from emit(_fact(ms, "member_of", ms.slot(m.group("per")), ms.slot(m.group("org")), "member"))
    for line in masked.split("\n"):
        m = _LIST_ROW.match(line)
        if m:
            per = ms.slot(m.group("per"))
            yield from emit(_fact(ms, "member_of", per, ms.slot(m.group("org")), "member"))
            yield from emit(_fact(ms, "represents", per, ms.slot(m.group("loc"))))
    for pattern in _FAMILY:
        for m in pattern.finditer(masked):
            a = ms.slot(m.group("a"))
            b_text = m.group("b")
            bs = [ms.slot(b_text)] if b_text.startswith("⟨") else [
                p for p in ctx.antecedent(ms.offset(m.start()), "he") if p.cluster != a.cluster]
            for b in bs[:1]:
                yield from emit(_fact(ms, "family", a, b, m.group("kin").lower()))
    for m in _SUBORDINATE.finditer(masked):
        before = ms.mentions_in(masked[:m.start()])
        if before:
            yield from emit(_fact(ms, "subordinate_of", before[0], ms.slot(m.group("obj")), m.group("boss")))
    for m in _ORDERED.finditer(masked):
        if negated_before(masked, m.start("trig"), 30):
            continue
        subj = ms.slot(m.group("subj"))
        target = re.search(PER + r"|" + ORG, m.group("what"))
        value = _clean_role(m.group("what"), ms, doc)
        yield from emit(_fact(ms, "ordered", subj, ms.slot(target.group()) if target else None, value))
    for pattern in _RETRACTED:
        for m in pattern.finditer(masked):
            subj_text = m.group("subj")
            subjects = [ms.slot(subj_text)] if subj_text.startswith("⟨") else ctx.antecedent(ms.offset(m.start()), subj_text)
            obj = ms.slot(m.group("obj")) if m.groupdict().get("obj") else None
            for s in subjects:
                yield from emit(_fact(ms, "retracted_testimony", s, obj))
    for m in _WITNESS.finditer(masked):
        ctx.witnesses.add(ms.slot(m.group("per")).cluster)
    for m in _WITNESS_SAYS.finditer(masked):
        subj = ms.slot(m.group("subj"))
        if subj.cluster in ctx.witnesses and not negated_before(masked, m.start("trig"), 30):
            yield from emit(_fact(ms, "testified", subj))  # a witness's account, as they gave it
    for m in _TESTIFIED.finditer(masked):
        if not negated_before(masked, m.start("trig"), 30):
            obj = ms.slot(m.group("obj")) if m.group("obj") else None
            yield from emit(_fact(ms, "testified", ms.slot(m.group("subj")), obj))
