"""Justice events (ACE 2005 Justice types): detention, charge, trial, conviction, sentence,
acquittal, release, fine, appeal, interrogation, search and seizure, complaints.

Patterns read masked sentences: a subject (a list of people, or a pronoun resolved to the
people named before), an optional apposition, an auxiliary, then the trigger. A negation or a
modal just before the trigger ("was not charged", "could be detained") drops the fact: missing
a fact is better than inventing one.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from casefile.extract.facts.context import DocContext, place_after
from casefile.extract.facts.masking import MaskedSentence, Slot
from casefile.extract.facts.patterns import (
    APPOSITION, AUX, LAW, ORG, PER, PLIST, PRONOUN, SUBJECT, TRIGGERS,
)
from casefile.extract.facts.values import money, negated_before, sentence_term
from casefile.models import Fact

_PASSIVE = {t: re.compile(SUBJECT + APPOSITION + AUX + r"(?P<trig>" + p + r")\b") for t, p in TRIGGERS.items()}
# a second passive verb coordinated with the first: "A was convicted in 2020 ... and sentenced to ..."
_ALL_TRIGGERS = "|".join(TRIGGERS.values())
_COORDINATED = {t: re.compile(SUBJECT + APPOSITION + AUX + r"(?:" + _ALL_TRIGGERS + r"|summoned|taken|brought|called|"
                              r"escorted|transferred)\b(?:[^.;⟨]|⟨[ALO]\d+⟩){0,150}?"
                              r",?\s+and\s+(?:then\s+|later\s+|subsequently\s+)?(?:was\s+|were\s+)?(?P<trig>" + p + r")\b")
                for t, p in TRIGGERS.items()}
# the people acted on, or an object pronoun: "sentenced him to", "fined her for" (not "fined her brother X")
_OBJECT = r"(?:" + PLIST + r"|\b(?:him|them)\b|\bher(?=\s+(?:to|for|with|on|in|under|at)\b|\s*[.,;]))"
_ACTIVE = {t: re.compile(r"\b(?P<trig>" + TRIGGERS[t] + r")\s+(?:the\s+|a\s+)?(?:[a-z][\w-]*\s+){0,3}?(?P<subj>" + _OBJECT + r")")
           for t in ("detention", "interrogation", "sentence", "conviction", "fine", "release", "charge", "acquittal")}
# "found A guilty under ...", "found her not guilty"
_FOUND = re.compile(r"\b(?P<trig>found)\s+(?P<subj>" + _OBJECT + r")\s+(?P<neg>not\s+)?guilty\b")
_ORG_SUBJECT = re.compile(r"\bfrom\s+(?:the\s+)?(?P<subj>" + ORG + r")" + AUX + r"(?P<trig>charged|fined|accused)\b")
_SPENT = re.compile(SUBJECT + r"[^.;⟨]{0,60}?\bspent\s+(?P<trig>[\w\s-]{1,20}?\s(?:days?|weeks?|months?|years?))\s+"
                    r"(?:in\s+)?(?:prison|jail|custody|detention|pre-trial\s+detention)")
_SPENT_WHERE = re.compile(r"\b(?:prison|jail|custody|detention|colony)\b[^.;⟨]{0,20}?\bwhere\s+" + SUBJECT
                          + r"\s+spent\s+(?P<trig>[\w\s-]{1,20}?\s(?:days?|weeks?|months?|years?))")
_UNDER_CASE = re.compile(r"^[^.;]{0,40}?\bunder\s+(?:a|an|the|another|one)?\s*(?:\w+\s+){0,2}?(?:criminal\s+)?case\s+"
                         r"(?:\w+\s+){0,2}?under\s+(?P<law>" + LAW + r")")
_SAME_ARTICLE = re.compile(r"\bunder\s+(?:this|that|these|those|the\s+same|the\s+said)\s+[Aa]rticles?\b")
_RECEIVED = re.compile(r"(?P<subj>" + PLIST + r")\s*,?\s+(?:all\s+|each\s+|also\s+)?(?P<trig>received|got|were\s+handed|was\s+handed|"
                       r"were\s+given|was\s+given)\s+(?P<what>[^.;]{0,60}?\b(?:sentences?|terms?|years?)\b[^.;]{0,50})")
# what was received is a punishment: a sentence, or a term of a known kind ("two years in a penal colony")
_PUNISHMENT = re.compile(r"\bsentences?\b|\b(?:prison|jail|custodial)\s+terms?\b", re.IGNORECASE)
_BARE_TERM = re.compile(r"[\d.]+ (?:years?|months?|days?)")
_CHARGES_AFTER = re.compile(r"\bon\s+(?:charges?\s+of|(?:a\s+)?charges?\s+(?:under|for))\s+(?P<what>[^.;]{3,120}?(?:(?P<law>" + LAW + r")|(?=[.;,]|$)))")
_RETURNED = re.compile(r"(?P<trig>returned\s+to\s+freedom|released\s+from\s+(?:prison|custody|jail))[^.;⟨]{0,30}?,?\s*" + SUBJECT)
_SEARCHED_HOMES_OF = re.compile(r"\b(?P<trig>searched|raided)\s+(?:[^.;]{0,80}?\b)?(?:homes?|apartments?|flats?|houses?)\s+of\s+(?P<subj>[^.;]{0,200})")
_SEIZED = re.compile(r"(?P<trig>seized|confiscated|taken)\s+from\s+(?P<subj>their|his|her|my|" + PLIST + r")")
_GOING_TO = re.compile(SUBJECT + r"[^.;⟨]{0,40}?\b(?:going|went|goes|go|summoned)\s+to\s+(?P<trig>interrogations?|questioning)\b")
_SUMMONED_FOR = re.compile(r"\b(?P<trig>summoned|called|invited|brought)\s+(?P<subj>" + PLIST + r")\s+"
                           r"(?:to\s+(?:the\s+)?[^.;,⟨]{0,30}?\s)?(?:for|to)\s+(?:an?\s+)?(?:questioning|interrogations?)\b")
_CUSTODY_OF = re.compile(r"\b(?:extended|extends|extending|prolonged|ordered|upheld)\s+(?:the\s+)?(?P<trig>pre-trial\s+detention|"
                         r"house\s+arrest|arrest|custody|detention)\s+of\s+(?:[a-z][\w-]*\s+){0,3}?(?P<subj>" + PLIST + r")")
_IN_CUSTODY = re.compile(SUBJECT + APPOSITION + r"\s+(?:has|had|have)\s+(?:already\s+)?been\s+(?:held\s+|kept\s+)?(?P<trig>in\s+(?:pre-trial\s+)?"
                         r"(?:custody|detention|jail|prison)|under\s+house\s+arrest)\b")
_DENIES = re.compile(SUBJECT + r"\s+(?:\w+\s+)?(?P<trig>denies|denied|rejects|rejected|pleaded\s+not\s+guilty\s+to|"
                     r"pleads\s+not\s+guilty\s+to)\s+(?:all\s+)?(?:the\s+)?charges?(?:\s+(?:under|of)\s+(?P<law>" + LAW + r"))?")
# "his own interrogation protocol", "A's interrogation record": a record of A being questioned
_OWN_PROTOCOL = re.compile(r"(?P<subj>" + PER + r"|his|her|their)(?:'s|’s)?\s+(?:own\s+)?(?P<trig>interrogation|questioning)\s+"
                           r"(?:protocols?|records?|reports?|transcripts?)\b")
# "A search was carried out at A's home", "searches were conducted in the flats of A and B"
_SEARCH_AT = re.compile(r"\b(?P<trig>[Ss]earch(?:es)?)\s+(?:was|were|had\s+been)\s+(?:carried\s+out|conducted|held|made)\s+"
                        r"(?:at|in)\s+(?:the\s+)?(?:(?:homes?|flats?|apartments?|offices?|houses?)\s+of\s+(?P<subj>" + PLIST
                        + r")|(?P<subj2>" + PER + r")(?:'s|’s)\s+(?:home|flat|apartment|office|house))")
_SEARCHED_HOME = re.compile(r"(?P<subj>" + PLIST + r"|his|her|their)(?:'s|’s)?\s+(?:home|homes|apartment|apartments|office|house|flat)s?"
                            + AUX + r"(?P<trig>searched|raided)")
_WITH_FINE = re.compile(r"(?P<trig>with\s+(?:a\s+|heavy\s+)?fines?|ordered\s+to\s+pay\s+a\s+fine)\b")
_CASE_OF = re.compile(r"\bcase\s+(?:of|against)\s+(?:[a-z][\w\s-]{0,30}?\s)?(?P<subj>" + PER + r")")
_OPENED_AGAINST = re.compile(r"\b(?:case|proceedings)\s+(?:was\s+|were\s+)?(?:opened|initiated|launched|brought)\s+against\s+(?P<subj>" + PLIST + r")")
_HEARING = re.compile(r"\b(?P<trig>hearing|trial)\s+(?:of|in)\s+the\s+case\s+(?:concerning|against|of)\s+[^.;⟨]{0,60}?(?P<subj>" + ORG + r"|" + PER + r")")
_TRIAL_OF = re.compile(r"\b(?P<trig>trial)\s+of\s+(?P<subj>" + PLIST + r")")
_UPHELD = re.compile(r"\b(?P<trig>upheld|overturned|quashed|rejected)\s+(?:the\s+)?(?:verdict|sentence|appeal|conviction)")
_COMPLAINT = re.compile(r"(?P<subj>" + PER + r"|" + ORG + r")[^.;⟨]{0,40}?\b(?P<trig>filed|lodged|submitted|wrote)\s+(?:a|an|the)?\s*"
                        r"(?:lawsuit|complaint|claim|statement|appeal|petition)\s+(?:to\s+[^.;⟨]{0,40}?\s)?against\s+(?:the\s+)?"
                        r"(?P<obj>" + PER + r"|" + ORG + r"|official|blogger|journalist|activist|man|woman)")


_OBJECT_PATTERNS = frozenset([*_ACTIVE.values(), _FOUND])  # where "her" is an object, not a possessive
_OBJECT_PRONOUNS = {"him": "he", "them": "they", "her": "she"}


def _subjects(ms: MaskedSentence, ctx: DocContext, m: re.Match[str], group: str = "subj") -> list[Slot]:
    text = m.group(group)
    if m.re in _OBJECT_PATTERNS:  # "sentenced him": the pronoun's antecedent as the subject form
        text = _OBJECT_PRONOUNS.get(text, text)
    if re.fullmatch(PRONOUN + r"|their|his|her|my", text):
        return ctx.antecedent(ms.offset(m.start(group)), text)
    return ms.mentions_in(text, "P") or ms.mentions_in(text, "O")


def _fact(ms: MaskedSentence, ctx: DocContext, type_: str, subj: Slot, trig_pos: int, **kw: object) -> Fact:
    return Fact(type=type_, subject=subj.cluster, start=ms.start, end=ms.end,
                date=ctx.date_near(ms.start, ms.end, ms.offset(trig_pos)),
                place=place_after(ms.masked, ms.slots, trig_pos), **kw)  # type: ignore[arg-type]


def _law_after(ms: MaskedSentence, pos: int, doc: str, ctx: DocContext) -> tuple[int | None, str | None]:
    """The law named after a charge trigger, and the charge wording."""
    rest = ms.masked[pos:]
    m = re.search(LAW, rest)
    if m:
        slot = ms.slot(m.group())
        return slot.cluster, doc[slot.start:slot.end]
    if _SAME_ARTICLE.search(rest if pos == 0 else rest[:40]):
        prior = [law for law in ctx.laws if law.end <= ms.start and re.search(r"\d", doc[law.start:law.end])]  # "under this Article": the last one named
        if prior:
            return prior[-1].cluster, doc[prior[-1].start:prior[-1].end]
    m = re.match(r"\s*(?:with|of|for)\s+(?P<what>[^.;,⟨]{4,80})", rest)
    if m:
        return None, m.group("what").strip()
    m = re.search(r"(?:Article|article)\s+[“\"«]([^”\"»]{3,200})[”\"»]", rest)
    return (None, ms.unmask(m.group(1), doc)) if m else (None, None)


def justice_facts(ms: MaskedSentence, ctx: DocContext, text: str) -> Iterator[Fact]:
    """Every justice event the sentence states about people (or organisations)."""
    masked = ms.masked
    seen: set[tuple[str, int, object]] = set()

    def emit(type_: str, subjects: list[Slot], pos: int, **kw: object) -> Iterator[Fact]:
        target = kw.get("object") if type_ == "complained_against" else None  # one complaint may name several
        for s in subjects:
            if (type_, s.cluster, target) not in seen:
                seen.add((type_, s.cluster, target))
                yield _fact(ms, ctx, type_, s, pos, **kw)

    coordinated = _COORDINATED.items() if " and " in masked else ()  # no "and", no second verb: skip the scan
    for type_, pattern in [*_PASSIVE.items(), *coordinated]:
        for m in pattern.finditer(masked):
            if negated_before(masked, m.start("trig")):
                continue
            yield from _justice_event(ms, ctx, type_, _subjects(ms, ctx, m), m, text, emit)
    for m in _FOUND.finditer(masked):
        if negated_before(masked, m.start("trig")):
            continue
        yield from _justice_event(ms, ctx, "acquittal" if m.group("neg") else "conviction", _subjects(ms, ctx, m),
                                  m, text, emit)
    for type_, pattern in _ACTIVE.items():
        for m in pattern.finditer(masked):
            if negated_before(masked, m.start("trig")):
                continue
            yield from _justice_event(ms, ctx, type_, _subjects(ms, ctx, m), m, text, emit)
    for m in _ORG_SUBJECT.finditer(masked):
        type_ = {"charged": "charge", "fined": "fine", "accused": "charge"}[m.group("trig")]
        yield from _justice_event(ms, ctx, type_, _subjects(ms, ctx, m), m, text, emit)
    for m in list(_SPENT.finditer(masked)) + list(_SPENT_WHERE.finditer(masked)):
        yield from emit("detention", _subjects(ms, ctx, m), m.start("trig"), value=m.group("trig").strip())
    for m in list(_CUSTODY_OF.finditer(masked)) + list(_IN_CUSTODY.finditer(masked)):
        if not negated_before(masked, m.start("trig")):
            yield from emit("detention", _subjects(ms, ctx, m), m.start("trig"))
    for m in _DENIES.finditer(masked):  # "He denies the charges under Article N": he is charged
        law = ms.slot(m.group("law")) if m.group("law") else None
        yield from emit("charge", _subjects(ms, ctx, m), m.start("trig"), object=law.cluster if law else None,
                        value=ctx.text[law.start:law.end] if law else None)
    for m in list(_GOING_TO.finditer(masked)) + list(_SUMMONED_FOR.finditer(masked)) + list(_OWN_PROTOCOL.finditer(masked)):
        if not negated_before(masked, m.start("trig")):
            yield from emit("interrogation", _subjects(ms, ctx, m), m.start("trig"))
    for m in _RECEIVED.finditer(masked):
        if negated_before(masked, m.start("trig"), 30):
            continue
        what = ms.unmask(m.group("what"), ctx.text)
        term = sentence_term(what) or ("suspended sentence" if re.search(r"suspended", what, re.IGNORECASE) else None)
        if not _PUNISHMENT.search(what) and not (term and _BARE_TERM.fullmatch(term) is None):
            continue  # "received death threats for years", "got a two-year contract": no verdict
        yield from emit("conviction", _subjects(ms, ctx, m), m.start("trig"), object=_under_law(ms, m.end("trig")))
        if term or re.search(r"\d|years?", what):
            yield from emit("sentence", _subjects(ms, ctx, m), m.start("trig"), value=term or what.strip())
    for m in _RETURNED.finditer(masked):
        yield from emit("release", _subjects(ms, ctx, m), m.start("trig"))
    for m in _SEARCHED_HOMES_OF.finditer(masked):
        if not negated_before(masked, m.start("trig")):
            yield from emit("search_seizure", ms.mentions_in(m.group("subj")), m.start("trig"))
    for m in _SEARCH_AT.finditer(masked):
        if not negated_before(masked, m.start("trig")):
            subjects = ms.mentions_in(m.group("subj") or m.group("subj2"))
            yield from emit("search_seizure", subjects, m.start("trig"))
    for regex in (_SEIZED, _SEARCHED_HOME):
        for m in regex.finditer(masked):
            if not negated_before(masked, m.start("trig")):
                yield from emit("search_seizure", _subjects(ms, ctx, m), m.start("trig"))
    for m in _WITH_FINE.finditer(masked):
        subj = ms.mentions_in(masked[:m.start()], "P")[:1] or ms.mentions_in(masked[:m.start()], "O")[:1]
        if not negated_before(masked, m.start()):
            law, wording = _law_after(ms, 0, ctx.text, ctx)  # "charged under Article X with fines"
            value = money(text[ms.offset(m.start()) - ms.start:]) or (f"fine under {wording}" if law is not None else None)
            yield from emit("fine", subj, m.start("trig"), value=value, object=law)
    for regex in (_CASE_OF, _OPENED_AGAINST):
        for m in regex.finditer(masked):
            law = re.search(LAW, masked)
            if law and not negated_before(masked, m.start()):
                yield from emit("charge", _subjects(ms, ctx, m), m.start(), object=ms.slot(law.group()).cluster)
    for regex in (_HEARING, _TRIAL_OF):
        for m in regex.finditer(masked):
            yield from emit("trial", _subjects(ms, ctx, m), m.start("trig"))
    for m in _COMPLAINT.finditer(masked):
        subj = _subjects(ms, ctx, m)
        obj_text = m.group("obj")
        obj = ms.slot(obj_text).cluster if obj_text.startswith("⟨") else _prior_other(ms, ctx, subj)
        if obj is not None:  # "against the official": the last other person named before
            yield from emit("complained_against", subj, m.start("trig"), object=obj)
    named_against = [ms.slot(a) for a in _AGAINST.findall(masked)]
    for regex in (_CLAIMANT, _COMPLAINT_BY):
        for m in regex.finditer(masked):
            if negated_before(masked, m.start()):
                continue
            subj = _subjects(ms, ctx, m)
            against = [a for a in named_against if a.cluster not in {s.cluster for s in subj}]
            obj = against[0].cluster if against else _prior_other(ms, ctx, subj)
            if obj is not None:  # "The claimant was X": the complaint was against the person the text is about
                yield from emit("complained_against", subj, m.start("trig"), object=obj)
    for m in _AT_REQUEST_OF.finditer(masked):
        if negated_before(masked, m.start()) or not _JUSTICE_CONTEXT.search(
                ctx.text[max(0, ms.start - 400):ms.end]):
            continue  # "at the request of the family": a complaint only where a case is being told
        subj = _subjects(ms, ctx, m)
        targets = ctx.antecedent(ms.start, "they") or ctx.antecedent(ms.start, "he")
        for target in targets:
            if target.cluster not in {s.cluster for s in subj}:
                yield from emit("complained_against", subj, m.start("trig"), object=target.cluster)


def _prior_other(ms: MaskedSentence, ctx: DocContext, subjects: list[Slot]) -> int | None:
    """The last person named before this sentence who is not one of the subjects."""
    prior = [p for p in ctx.antecedent(ms.start, "he") if p.cluster not in {s.cluster for s in subjects}]
    return prior[0].cluster if prior else None


_CLAIMANT = re.compile(r"\b(?P<trig>claimant|complainant|plaintiff)s?\s+(?:was|were|is|are)\s+(?:the\s+|a\s+)?"
                       r"(?:[a-z][\w-]*\s+){0,3}?(?P<subj>" + PLIST + r"|" + ORG + r")")
_AGAINST = re.compile(r"\bagainst\s+(?:the\s+)?(" + PER + r"|" + ORG + r")")
_COMPLAINT_BY = re.compile(r"\b(?P<trig>complaint|lawsuit|claim|statement\s+to\s+the\s+police|petition)\s+"
                           r"(?:filed\s+|lodged\s+|submitted\s+)?(?:by|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?"
                           r"(?P<subj>" + PLIST + r"|" + ORG + r")")
# "organised at the request of the heads of X": X asked for the case against the people named before
_AT_REQUEST_OF = re.compile(r"\b(?:at|by|on|upon)\s+the\s+(?P<trig>request|complaint|application|petition)\s+of\s+(?:the\s+)?"
                            r"(?:(?:heads?|management|leadership|head\s+office|owners?|lawyers?)\s+of\s+(?:the\s+)?)?"
                            r"(?P<subj>" + ORG + r"|" + PER + r")")
_JUSTICE_CONTEXT = re.compile(r"\b(?:detained|arrested|charged|searched|seized|case|prosecut\w+|interrogat\w+|"
                              r"questioned|accused|convicted|sentenced)\b", re.IGNORECASE)
_UNDER_LAW = re.compile(r"(?:(?!\b(?:while|whereas|and|but|who|which)\b)(?:[^.;⟨]|⟨[POLE]\d+⟩)){0,120}?"
                        r"(?:\bunder\s+|\(\s*)(?P<law>" + LAW + r")")  # "under Article N" or "(Article N)"


def _under_law(ms: MaskedSentence, pos: int) -> int | None:
    """The law a verdict or fine was given under, stated in the clause after the trigger."""
    m = _UNDER_LAW.match(ms.masked, pos)
    return ms.slot(m.group("law")).cluster if m else None


def _justice_event(ms: MaskedSentence, ctx: DocContext, type_: str, subjects: list[Slot], m: re.Match[str],
                   text: str, emit) -> Iterator[Fact]:  # type: ignore[no-untyped-def]
    pos = m.start("trig")
    after = text[ms.offset(m.end("trig")) - ms.start:]
    if type_ in {"sentence", "conviction"}:
        charge = _CHARGES_AFTER.search(ms.masked[m.end("trig"):])
        if charge:  # "sentenced ... on charges of X under Article N": the charge too
            law = ms.slot(charge.group("law")) if charge.group("law") else None
            yield from emit("charge", subjects, pos, object=law.cluster if law else None,
                            value=ms.unmask(charge.group("what"), ctx.text).strip())
    if type_ == "sentence":
        term = sentence_term(after[:300])
        yield from emit("conviction", subjects, pos, object=_under_law(ms, m.end("trig")))
        if term:
            yield from emit("sentence", subjects, pos, value=term)
        return
    if type_ == "charge":
        law, wording = _law_after(ms, m.end("trig"), ctx.text, ctx)
        yield from emit("charge", subjects, pos, object=law, value=wording)
        return
    if type_ == "conviction":
        clause = re.match(r"[^;,]*(?:\([^)]*\))?", ms.masked[m.end("trig"):]).group()
        orgs = re.findall(ORG, clause)  # the organisation the clause ends on: "... the territory of X (Y)" -> Y
        law = re.search(LAW, clause)
        obj = ms.slot(orgs[-1]).cluster if orgs else (ms.slot(law.group()).cluster if law else None)
        wording = re.match(r"\s*(?:of|for|under)\s+([^.;]{4,120}?)(?=\s+and\s+(?:was\s+|were\s+)?sentenced\b|$)", clause)
        value = ms.unmask(wording.group(1), ctx.text).strip() if wording else None
        yield from emit("conviction", subjects, pos, object=obj, value=value)
        return
    if type_ == "detention":  # "taken ... to the financial police": who holds them
        agent = re.match(r"[^.;⟨]{0,30}?\b(?:by|to)\s+(?:the\s+)?(?P<org>" + ORG + r")", ms.masked[m.end("trig"):])
        if agent:
            yield from emit("detention", subjects, pos, object=ms.slot(agent.group("org")).cluster)
            return
    if type_ == "fine":
        yield from emit("fine", subjects, pos, value=money(after[:120]), object=_under_law(ms, m.end("trig")))
        return
    if type_ == "search_seizure":
        yield from emit("search_seizure", subjects, pos)
        return
    if type_ in {"interrogation", "detention"}:
        under = _UNDER_CASE.match(ms.masked[m.end("trig"):])
        if under:  # "interrogated under a case under Article X": the case concerns them
            law = ms.slot(under.group("law"))
            yield from emit("charge", subjects, pos, object=law.cluster, value=ctx.text[law.start:law.end])
    yield from emit(type_, subjects, pos)


_UPHELD_OF = re.compile(r"\b(?P<trig>upheld|confirmed|overturned|quashed|annulled)\s+(?:the\s+)?(?:verdict|sentence|conviction)\s+"
                        r"(?:of|against|for)\s+(?:[a-z][\w-]*\s+){0,3}?(?P<subj>" + PER + r")")
_APPEAL_DECIDED = re.compile(r"(?P<subj>" + PER + r"|\b(?:[Hh]is|[Hh]er|[Tt]heir))(?:'s|’s)?\s+(?:cassation\s+|final\s+)?"
                             r"(?P<trig>appeals?)\s+(?:was|were|has\s+been|had\s+been)\s+(?P<outcome>rejected|dismissed|"
                             r"denied|turned\s+down|granted|satisfied)(?:\s+by\s+(?:the\s+)?(?P<court>" + ORG + r"))?")


def appeal_facts(ms: MaskedSentence, ctx: DocContext) -> Iterator[Fact]:
    """"The court upheld the verdict": an appeal decided, about the last person convicted before;
    "A's appeal was rejected by the Supreme Court": A's appeal, decided by that court."""
    def appeal(subject: int, court: int | None, upheld: bool, m: re.Match[str]) -> Fact:
        return Fact("appeal", subject, ms.start, ms.end, object=court,
                    value="verdict upheld" if upheld else "verdict overturned",
                    date=ctx.date_near(ms.start, ms.end, ms.offset(m.start("trig"))))

    for m in _UPHELD_OF.finditer(ms.masked):  # "the court upheld the sentence of A": A's appeal failed
        if not negated_before(ms.masked, m.start("trig"), 30):
            court = ms.mentions_in(ms.masked[:m.start()], "O")
            yield appeal(ms.slot(m.group("subj")).cluster, court[-1].cluster if court else None,
                         m.group("trig") in {"upheld", "confirmed", "rejected"}, m)
    for m in _APPEAL_DECIDED.finditer(ms.masked):
        subj = m.group("subj")
        people = [ms.slot(subj)] if subj.startswith("⟨") else ctx.antecedent(ms.offset(m.start()), subj.lower())
        court = ms.slot(m.group("court")).cluster if m.group("court") else None
        for p in people[:1]:
            yield appeal(p.cluster, court, m.group("outcome") not in {"granted", "satisfied"}, m)
    for m in _UPHELD.finditer(ms.masked):
        court = ms.mentions_in(ms.masked[:m.start()], "O")
        if court:
            outcome = "verdict upheld" if m.group("trig") in {"upheld", "rejected"} else "verdict overturned"
            yield Fact("appeal", court[-1].cluster, ms.start, ms.end, value=outcome,
                       date=ctx.date_near(ms.start, ms.end, ms.offset(m.start())))
