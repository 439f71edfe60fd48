"""Justice facts of Russian sentences, read off natasha's dependency parse.

The verbs and what they state are data (``nlp/lexicons/russian_justice.toml``). For each verb of the
table: its object, or the subject of its passive form, is the person acted on; a negation
("не задержан") or a verb of wish or possibility above it drops the event; "к N годам" under
"приговорить" is the term.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from casefile.models import Fact, LocalEntity, ParsedSentence, Quote
from casefile.extract.courts import court_indexes
from casefile.extract.lists import NamedLists
from casefile.extract.russian_clause import Clause, below, in_clause, unreal
from casefile.extract.russian_orders import orderers, russian_complaints
from casefile.nlp import lexicons
from casefile.nlp.russian import NUMBER_WORDS, trigger_requirements
from casefile.nlp.russian_names import FIRST_PERSON, PLURAL_PRONOUNS, PRONOUN_GENDER, name_gender, readings

_INTENT = frozenset({"намерен", "намеренный", "планировать", "собираться", "решить", "намереваться"})
PRONOUN_REACH = 400  # characters back to the person a pronoun may stand for

# words that stand for a group of people named before or after ("их", "всех", "каждому из них")
_GROUP_WORDS = PLURAL_PRONOUNS | {"всех", "все", "каждому", "каждого", "каждый", "обоих", "обеих"}
_UNITS = {"год": "years", "лет": "years", "месяц": "months", "сутки": "days", "день": "days"}
_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
# "12 марта 2023 года", "в марте 2023 года", "в ноябре прошлого года", "12 марта": dates are fixed formulas
_DATE = re.compile(r"(?:(?P<prep>\b[вс])\s+)?\b(?:(?P<day>\d{1,2})\s+)?(?P<month>[а-я]+)"
                   r"(?:\s+(?:(?P<year>(?:19|20)\d\d)\s+год|(?P<rel>прошлого|этого|текущего|позапрошлого)\s+года))?",
                   re.IGNORECASE)
_YEAR_ONLY = re.compile(r"\bв\s+(?P<rel>прошлом|этом|текущем|позапрошлом)\s+году\b", re.IGNORECASE)
# third-person pronouns that are also possessives ("его коллега")
_POSSESSIVE_FORMS = frozenset({"его", "её", "ее", "их"})
# the steps a court takes: the court that takes them ordered them
_RULED = frozenset({"sentence", "conviction", "acquittal", "fine", "detention"})
# the steps whose object, when the sentence names no other, is the court: the one acting, or the
# only court the document names
_BY_COURT = frozenset({"sentence", "conviction", "acquittal", "trial"})
_YEARS_BACK = {"прошл": 1, "позап": 2, "этого": 0, "этом": 0, "текущ": 0, "этот": 0}


def table() -> dict[str, dict[str, object]]:
    """russian_justice.toml: event type -> verbs, required words, implied events."""
    return lexicons.russian_justice_events()


@cache
def _by_verb() -> dict[str, str]:
    return {verb: type_ for type_, entry in table().items() for verb in entry["verbs"]}  # type: ignore[union-attr]


def russian_date(text: str, year: int | None = None) -> str | None:
    """The first date of a Russian text: full ("12 марта 2023 года" -> "2023-03-12"), a month ("в
    марте 2023 года", "в ноябре прошлого года"), a day and month ("12 марта", in ``year``, the year
    the document is about), or a year ("в прошлом году" -> ``year`` - 1); None when there is none."""
    for m in _DATE.finditer(text):
        word = m.group("month").lower()
        month = next((i for i, stem in enumerate(_MONTHS, start=1)
                      if word.startswith(stem) and (stem != "ма" or word in ("мая", "май", "мае"))), None)
        day = int(m.group("day")) if m.group("day") else None
        if month is None or (day is not None and not 1 <= day <= 31):
            continue
        when = int(m.group("year")) if m.group("year") else _relative_year(m.group("rel"), year)
        if when is None or not (day or m.group("year") or m.group("rel") or m.group("prep")):
            continue  # a bare month word ("май") with nothing that makes it a date
        return f"{when}-{month:02d}" + (f"-{day:02d}" if day else "")
    m = _YEAR_ONLY.search(text)
    if m is not None:
        when = _relative_year(m.group("rel"), year)
        return str(when) if when is not None else None
    return None


def _relative_year(rel: str | None, year: int | None) -> int | None:
    """The year "прошлого / этого / позапрошлого года" means, counted from ``year``."""
    if year is None:
        return None
    return year - _YEARS_BACK.get((rel or "этот")[:5].lower(), 0)


def russian_facts(parses: list[ParsedSentence], entities: list[LocalEntity], text: str,
                  quotes: list[Quote] = (), sentences: list[tuple[int, int]] = ()) -> list[Fact]:  # type: ignore[assignment]
    """The justice facts of a document's parsed sentences, dated by the date their sentence gives;
    "я" in a quotation is its speaker."""
    mentions = sorted((m.start, m.end, i, e.label) for i, e in enumerate(entities) for m in e.mentions)
    genders = {i: name_gender(e.name) for i, e in enumerate(entities) if e.label == "person"}
    years = Counter(re.findall(r"\b((?:19|20)\d\d)\b", text))  # the year the document is about
    year = int(years.most_common(1)[0][0]) if years else None
    lists = NamedLists(text, list(sentences), [(s, e) for s, _end, e, label in mentions if label == "person"])
    courts = court_indexes(entities)
    facts: list[Fact] = []
    for sentence in parses:
        tokens = sentence.tokens
        date = russian_date(text[sentence.start:sentence.end], year)
        children: dict[int, list[int]] = {}
        for i, t in enumerate(tokens):
            if t.head != i:
                children.setdefault(t.head, []).append(i)
        clause = Clause(text, tokens, children, mentions, list(quotes), lists)
        verbs = [(i, *found) for i in range(len(tokens)) for found in [_stated(clause, i)] if found is not None]
        facts += [Fact("complained_against", who, sentence.start, sentence.end, object=target, value=word, date=date)
                  for who, target, word in russian_complaints(clause)]
        for i, type_, entry, value in verbs:
            t = tokens[i]
            passive = "pssv" in t.tag or any(tokens[k].dep == "aux:pass" for k in children.get(i, []))
            acted_on = passive or t.lemma in entry.get("subject_acted_on", ())  # type: ignore[operator]
            patients = _patients(clause, i, acted_on, entry, genders)
            if value is None and type_ in ("charge", "conviction"):
                value = _offence(clause, i)  # "обвинили в мошенничестве", "признан виновным в X"
                if value is not None and re.match(r"соверш\w+ преступлени", value):
                    value = None  # "в совершении преступления, предусмотренного …": the provision tells it
            objects = _objects(clause, i, acted_on, entry.get("object", ()), alone=len(verbs) == 1)  # type: ignore[arg-type]
            court = _ruling_court(clause, i, acted_on, courts) if type_ in _RULED | {"trial"} else None
            # "Х получил девять лет колонии" in an article about one court: that court's sentence
            by_court = court if court is not None else courts[0] if len(courts) == 1 else None
            if objects == [None] and type_ in _BY_COURT:
                objects = [by_court]
            laws = [o for o in objects if o is not None and entities[o].label == "law"]
            for p in sorted(patients):
                for kind in [type_, *entry.get("implies", [])]:  # type: ignore[union-attr]
                    for obj in objects if kind == type_ else [by_court if kind in _BY_COURT else None]:
                        facts.append(Fact(kind, p, sentence.start, sentence.end, object=obj,
                                          value=value if kind == type_ else None, date=date))
                for kind in entry.get("implies_with_law", []):  # type: ignore[union-attr]
                    facts += [Fact(kind, p, sentence.start, sentence.end, object=law, date=date) for law in laws]
                term = _term(clause.tokens, clause.children, i) \
                    if entry.get("implies_with_term") or entry.get("implies_with_days") else None
                if term is not None:  # "осудили Х на пять лет": the term, too; "арестован на 15 суток":
                    # days of arrest are an administrative sentence (months of arrest await a trial)
                    kinds = entry.get("implies_with_term", []) + (entry.get("implies_with_days", [])  # type: ignore[operator]
                                                                   if term.split()[1].startswith("day") else [])
                    facts += [Fact(kind, p, sentence.start, sentence.end, value=term, date=date) for kind in kinds]
                accusation = _accusation(clause, i) if type_ in ("conviction", "sentence", "detention") else None
                if accusation is None and type_ in ("conviction", "sentence", "fine"):
                    accusation = _punished_for(clause, i)  # "оштрафовал Х за пост": charged with it
                if accusation is not None:  # "приговорён … по обвинению в госизмене": charged with it
                    facts.append(Fact("charge", p, sentence.start, sentence.end, object=laws[0] if laws else None,
                                      value=accusation, date=date))
            rulers = orderers(clause, i)
            if court is not None and type_ in _RULED:  # a court that sentences, convicts, acquits, fines or arrests ordered it
                rulers.add(court)
            facts += [Fact("ordered", who, sentence.start, sentence.end, object=p, value=value or clause.word(i),
                           date=date) for who in sorted(rulers - patients) for p in sorted(patients)]
    return facts


def _offence(clause: Clause, i: int) -> str | None:
    """The offence "в X" of a charge or a verdict at ``i``: on the verb ("обвиняют в мошенничестве"),
    on its noun ("предъявили обвинение в X") or on "виновным" ("признан виновным в X")."""
    tokens = clause.tokens
    heads = [i] + [k for k in clause.kids(i, "obj", "xcomp", "nsubj:pass")
                   if tokens[k].lemma in ("обвинение", "виновный", "виновная")]
    for h in heads:
        for k in clause.kids(h, "obl", "nmod"):
            if clause.preposition(k) == "в" and tokens[k].pos == "NOUN" and clause.entity_at(k, "person") is None \
                    and clause.entity_at(k, "location") is None and tokens[k].lemma not in _NOT_OFFENCES and not _month(tokens[k].lemma):
                return _phrase_text(clause, k)
    return None


def _accusation(clause: Clause, i: int) -> str | None:
    """The offence of "по обвинению в X" / "по обвинению в совершении X" under the verb at ``i``."""
    tokens = clause.tokens
    for k in in_clause(clause, i):
        if tokens[k].lemma == "обвинение" and clause.preposition(k) == "по":
            offence = [c for c in clause.kids(k, "nmod", "obl") if clause.preposition(c) == "в"]
            if offence:
                return _phrase_text(clause, offence[0])
    return None


# nouns of time and place after "за" that name no offence ("за два дня до", "за рубежом")
_NOT_OFFENCES = frozenset({"год", "месяц", "неделя", "день", "сутки", "час", "минута", "рубеж", "период", "время", "счёт",
                           "счет", "исключение"})


def _month(lemma: str) -> bool:
    """A month's name ("мае" -> "май", "марте" -> "март")."""
    return lemma == "май" or any(lemma.startswith(stem) and len(lemma) <= len(stem) + 1 for stem in _MONTHS if len(stem) > 2)


def _punished_for(clause: Clause, i: int) -> str | None:
    """The offence of "за X" on the verb at ``i`` ("оштрафовал Х за пост в соцсетях", "осуждён за
    участие в митинге"): what the person was punished for, and so charged with."""
    tokens = clause.tokens
    for k in clause.kids(i, "obl"):
        if clause.preposition(k) != "за" or tokens[k].pos != "NOUN" or tokens[k].lemma in _NOT_OFFENCES \
                or clause.kids(k, "nummod", "nummod:gov") or clause.entity_at(k, "person") is not None:
            continue
        return _phrase_text(clause, k)
    return None


def _phrase_text(clause: Clause, k: int) -> str:
    """The words of the phrase at ``k`` without its preposition ("в госизмене" -> "госизмене")."""
    tokens, span = clause.tokens, [k, *below(clause.children, k)]
    start = min(tokens[c].start for c in span if tokens[c].dep != "case")
    return clause.text[start:max(tokens[c].end for c in span)].strip(" ,«»\"")


def _stated(clause: Clause, i: int) -> tuple[str, dict, str | None] | None:
    """(event type, its table entry, its value) when the token at ``i`` states a justice event:
    a verb of the table, not negated or wished, with the word it requires and the term it needs."""
    tokens, t = clause.tokens, clause.tokens[i]
    type_ = _by_verb().get(t.lemma)
    if type_ is None or unreal(tokens, clause.children, i):
        return None
    entry = table()[type_]
    if t.pos == "NOUN" and not any(clause.preposition(k) in entry.get("against", ()) or tokens[k].lemma == "дело"
                                   or (not clause.preposition(k) and clause.entity_at(k, "person") is not None)
                                   for k in clause.kids(i, "nmod")):
        return None  # a noun states the event only with whom it concerns: "суд над Х", "рассмотрение
        # дела", "арест Х"
    beneath = below(clause.children, i)
    under = {w for k in beneath for w in (tokens[k].lemma, clause.word(k))}  # lemma or form
    wanted = trigger_requirements().get(t.lemma)
    if wanted and not wanted & under:
        return None
    kept = {tokens[k].lemma for k in beneath if clause.preposition(k) != "вместо"}  # "вместо штрафа"
    other = next((kind for word, kind in entry.get("instead", {}).items() if word in kept), None)  # type: ignore[union-attr]
    if other is not None:  # "приговорил к штрафу": the step that word names, with that step's value
        # "приговорил к штрафу" is a criminal court's (a conviction, too); "назначил штраф" may be an
        # administrative one, which convicts no one of a crime
        implied = entry.get("implies", []) if t.lemma in entry.get("convicting_verbs", ()) else []  # type: ignore[operator]
        type_, entry = other, {**table()[other], "implies": implied}
    value = _value(clause, i, entry.get("value", ()), clause.text)  # type: ignore[arg-type]
    if value is None and t.lemma in entry.get("needs_term", ()):  # type: ignore[operator]
        return None
    if type_ == "appeal" and _announced(clause, i):
        value = "appeal announced"  # as in English: a step said to come
    return type_, entry, value


def _announced(clause: Clause, i: int) -> bool:
    """"будет обжаловать", "обжалует", "намерен обжаловать": an appeal said to come."""
    t = clause.tokens[i]
    future = "futr" in t.tag or any(clause.tokens[k].lemma == "быть" for k in clause.kids(i, "aux"))
    return future or (t.dep == "xcomp" and t.head != i and clause.tokens[t.head].lemma in _INTENT)


def _patients(clause: Clause, i: int, acted_on: bool, entry: dict, genders: dict[int, str | None]) -> set[int]:
    """The people the verb at ``i`` acts on: its object (or passive subject), a pronoun there
    resolved to the person named last before it with its gender, or a person in a phrase with one
    of the entry's "against" prepositions on the verb or on the case it opens ("дело против Х")."""
    tokens, heads = clause.tokens, _object_heads(clause, i, acted_on)
    if not heads and tokens[i].dep == "conj" and tokens[i].head != i:  # "Х оправдали …, но признали виновной"
        heads = _object_heads(clause, tokens[i].head, acted_on)
    if not heads and acted_on and tokens[i].dep == "conj" and tokens[i].head != i:
        # "А увезли, а Б была доставлена … и допрошена": the parser hangs both passives on the first
        # verb; the later one shares the subject of the passive before it
        before = [c for c in clause.kids(tokens[i].head, "conj") if c < i]
        heads = next((clause.kids(c, "nsubj:pass") for c in reversed(before) if clause.kids(c, "nsubj:pass")), [])
    if acted_on and not heads and tokens[i].dep == "xcomp" and tokens[i].head != i:  # "Х намерен обжаловать"
        heads = clause.kids(tokens[i].head, "nsubj")
    found: set[int] = set()
    for k in heads:
        word = clause.word(k)
        if word in _POSSESSIVE_FORMS and k + 1 in heads:
            continue  # "оштрафовал его коллегу": the parser takes the possessive for a second object
        if tokens[k].lemma in entry.get("counsel", ()):  # "адвокаты Х подали …": Х's
            found |= {p for n in clause.kids(k, "nmod") if not clause.preposition(n)
                      for p in clause.people(n)}
            continue
        if tokens[k].lemma == "который" and tokens[i].dep.startswith("acl") and tokens[i].head != i:
            found |= clause.people(_described(clause, i, plural=word == "которые"))  # "А, который …"
        elif word in _GROUP_WORDS and clause.entity_at(k, "person") is None:
            found |= _group_antecedent(clause, k)  # "признал всех виновными", "назначил каждому из них"
        elif clause.entity_at(k, "person") is not None or word not in PRONOUN_GENDER.keys() | FIRST_PERSON:
            found |= clause.people(k) or _listed_after_dash(clause, k)
        elif word in PRONOUN_GENDER:  # "судья А приговорила его": "его" is not the subject
            found |= _named_or_antecedent(clause, k, genders, set() if acted_on else _subjects(clause, i))
        elif clause.speaker_at(k) is not None:
            found.add(clause.speaker_at(k))  # type: ignore[arg-type]
    if not found and not acted_on:  # "назначил каждому из них": the parser may hang the group word anywhere
        found |= {p for k in clause.kids(i, "det", "iobj", "obl", "nmod") if clause.word(k) in _GROUP_WORDS
                  for p in _group_antecedent(clause, k)}
    if not found:  # "арестовал 11 сотрудников", the parser hanging the group anywhere in the clause
        found |= _counted_group(clause, i)
    if acted_on and not found:  # "Х предъявлено обвинение": the person in the dative, the charge the subject
        found |= {p for k in clause.kids(i, "iobj", "obl") if "datv" in tokens[k].tag and not clause.kids(k, "case")
                  for p in clause.people(k)}
    verb = tokens[i]
    if not heads and acted_on and verb.dep == "acl" and "PRTF" in verb.tag and verb.head != i:
        found |= clause.people(verb.head)  # "Х, обвиняемого в …"
    owned = entry.get("case_owner")
    if tokens[i].pos == "NOUN":  # "после ареста Х": the genitive of the event's noun
        found |= {p for k in clause.kids(i, "nmod") if not clause.preposition(k) for p in clause.people(k)}
    if owned:  # "рассмотрел дело активиста Х", "продлил арест Х", "продлил срок содержания под стражей Х"
        nouns = {"дело"} if owned is True else set(owned)
        nominal = clause.kids(i, "nmod") if tokens[i].pos == "NOUN" else []  # "рассмотрение дела Х"
        for h in clause.kids(i, "obj", "nsubj:pass") + nominal:
            if tokens[h].lemma in nouns:  # "приговор Х" (genitive) or "приговор Х-у" (dative)
                genitives = [k for k in clause.kids(h, "nmod", "iobj") if not clause.preposition(k)]
                genitives += [g for k in genitives for g in clause.kids(k, "nmod") if not clause.preposition(g)]
                found |= {p for k in genitives for p in clause.people(k)}
    if entry.get("place_owner"):  # "обыск в его квартире", "в квартире Х"
        places = [k for h in [i, *clause.kids(i, "obj")] for k in clause.kids(h, "obl", "nmod") if clause.preposition(k) == "в"]
        for k in places:
            for d in clause.kids(k, "det", "nmod"):
                found |= _named_or_antecedent(clause, d, genders)
    against = entry.get("against", ())
    if against:
        for k in clause.kids(i) + [c for h in clause.kids(i, "obj", "nsubj:pass") for c in clause.kids(h, "nmod")]:
            if tokens[k].dep in ("obl", "nmod") and clause.preposition(k) in against:
                found |= clause.people(k)
    return found


def _object_heads(clause: Clause, i: int, acted_on: bool) -> list[int]:
    """The phrases the verb at ``i`` acts on: its passive subject, or its object, or a name that
    can only be accusative where the parser put a subject ("Х оправдали")."""
    if acted_on:
        return clause.kids(i, "nsubj:pass", "nsubj")
    heads = clause.kids(i, "obj", "iobj")
    wanted = trigger_requirements().get(clause.tokens[i].lemma, frozenset())
    # "вынес приговор Х": the verb acts on its noun ("приговор"), the noun on the person in the dative
    heads = [h for k in heads for h in ([c for c in clause.kids(k, "iobj", "nmod") if not clause.preposition(c)]
                                         if clause.tokens[k].lemma in wanted else [k])]
    if not heads and "plur" in clause.tokens[i].tag:
        heads = [k for k in clause.kids(i, "nsubj") if _accusative_name(clause, k)]
    return heads


def _accusative_name(clause: Clause, k: int) -> bool:
    """The phrase at ``k`` is a person's name that may be accusative and cannot be nominative
    ("Асель Нуржанову"; the surname decides, a given name may not decline), whatever the parser made of it."""
    if clause.entity_at(k, "person") is None:
        return False
    words = [clause.word(j) for j in [k, *clause.kids(k, "flat:name")]]
    forms = [r for w in words for r in readings(w) if "Surn" in r.tag]  # type: ignore[operator]
    forms = forms or [r for w in words for r in readings(w) if "Name" in r.tag]  # type: ignore[operator]
    return bool(forms) and any("accs" in r.tag for r in forms) and not any("nomn" in r.tag for r in forms)  # type: ignore[operator]


def _named_or_antecedent(clause: Clause, k: int, genders: dict[int, str | None], skip: set[int] = frozenset()) -> set[int]:  # type: ignore[assignment]
    """The people the phrase at ``k`` names, or for "его/её" the person it stands for (not one of ``skip``)."""
    word = clause.word(k)
    if word in PRONOUN_GENDER and clause.entity_at(k, "person") is None:
        return _antecedent(clause, clause.tokens[k].start, PRONOUN_GENDER[word], genders, skip)
    return clause.people(k)


def _subjects(clause: Clause, i: int) -> set[int]:
    """The people named as the subject of the verb at ``i``."""
    return {p for s in clause.kids(i, "nsubj") for p in clause.people(s)}


def _antecedent(clause: Clause, offset: int, gender: str, genders: dict[int, str | None],
                skip: set[int] = frozenset()) -> set[int]:  # type: ignore[assignment]
    """The person named last before ``offset`` (within a short reach, leaving out ``skip``), if the gender agrees."""
    before = [(s, e) for s, end, e, lab in clause.mentions if lab == "person" and end <= offset
              and offset - end <= PRONOUN_REACH and e not in skip]
    if not before:
        return set()
    person = max(before)[1]
    return {person} if genders.get(person) in (gender, None) else set()


def _objects(clause: Clause, i: int, acted_on: bool, roles: list[str], alone: bool) -> list[int | None]:
    """The fact's objects by the entry's roles, the first found: the authority (the active
    subject, or the instrumental under a passive: "задержан полицией"), or the provisions of the
    clause (each one a fact: "по статьям … (ч. 2 ст. X) и … (ст. Y)"); provisions elsewhere in the
    sentence (in brackets) only when the verb is the sentence's only justice verb (``alone``)."""
    tokens = clause.tokens
    for role in roles:
        if role == "authority":
            body = _authority(clause, i, acted_on)
            if body is not None:
                return [body]
        elif role == "law":
            own = in_clause(clause, i) + [j for x in clause.kids(i, "xcomp") for j in [x, *in_clause(clause, x)]]
            laws = _laws(clause, own) or (_laws(clause, range(len(tokens))) if alone else [])  # "признал виновным по статье
            if laws:
                return laws  # type: ignore[return-value]
    return [None]


def _authority_heads(clause: Clause, i: int, acted_on: bool) -> list[int]:
    """Who acts at ``i``: the active subject, or the instrumental under a passive."""
    if not acted_on:
        return clause.kids(i, "nsubj")
    return clause.kids(i, "obl:agent") + [k for k in clause.kids(i, "obl") if "ablt" in clause.tokens[k].tag
                                          and not clause.kids(k, "case")]


def _authority(clause: Clause, i: int, acted_on: bool) -> int | None:
    """The body that acts at ``i`` ("суд арестовал", "задержан полицией"), if one is named."""
    heads = _authority_heads(clause, i, acted_on)
    for k in heads:
        for j in [k, *clause.kids(k, "nmod", "flat", "flat:name", "amod")]:
            body = clause.entity_at(j, "organization")
            if body is not None:
                return body
    if not heads and not acted_on:  # "Н-ский райсуд 14 мая приговорил": the parser lost the subject of
        # an active verb on a word it does not know; a body opening the sentence before the verb acts
        first = clause.entity_at(0, "organization")
        if first is not None and all(clause.entity_at(k, "person") is None for k in range(i)):
            return first
    return None


def _ruling_court(clause: Clause, i: int, acted_on: bool, courts: list[int]) -> int | None:
    """The court that rules at ``i``: a court named as the one acting, or "суд" unnamed when the
    document names exactly one court ("суд приговорил А"; "арестован судом")."""
    body = _authority(clause, i, acted_on)
    if body is not None:
        return body if body in courts else None
    bare = any(clause.tokens[k].lemma in ("суд", "трибунал") and clause.entity_at(k, "organization") is None
               for k in _authority_heads(clause, i, acted_on))
    return courts[0] if bare and len(courts) == 1 else None


def _laws(clause: Clause, tokens: Iterable[int]) -> list[int]:
    """The provisions whose names begin among ``tokens``, each once, in order (a provision's name may
    run on into words the parser hangs on another verb: "оправдали по статье 330 …, но признали")."""
    spans = [(clause.tokens[k].start, clause.tokens[k].end) for k in tokens]
    return list(dict.fromkeys(e for s, _end, e, label in sorted(clause.mentions)
                              if label == "law" and any(a <= s < b for a, b in spans)))


def _value(clause: Clause, i: int, kinds: list[str], text: str) -> str | None:
    """The term of a sentence ("к пяти годам") or the amount of a fine ("на 50 МРП")."""
    for kind in kinds:
        if kind == "term":
            found = _term(clause.tokens, clause.children, i)
            tokens = clause.tokens
            if found is None and tokens[i].dep == "conj" and tokens[i].head != i:
                # "признал … и назначил по 4 года": the parser may hang the term on the first verb
                later = [k for k in clause.kids(tokens[i].head, "obl", "obj") if k > i]
                found = next((f for k in later for f in [_term_in(tokens, clause.children, [k, *below(clause.children, k)])] if f), None)
            return found
        if kind == "money":
            amount = _money(clause, i, text)
            if amount:
                return amount
    return None


# words that multiply the number before them in an amount ("50 тысяч", "100 тыс.")
_THOUSANDS = frozenset({"тысяча", "тыс", "миллион", "млн", "миллиард", "млрд"})


def _money(clause: Clause, i: int, text: str) -> str | None:
    tokens = clause.tokens
    for k in in_clause(clause, i):
        if tokens[k].lemma in lexicons.load("russian_money_units"):
            numbers = [n for n in clause.kids(k, "nummod", "nummod:gov") if any(ch.isdigit() for ch in clause.word(n))
                       or tokens[n].lemma in NUMBER_WORDS or tokens[n].lemma in _THOUSANDS]
            if numbers:  # "50 тысяч рублей", "44 000 рублей": the number's own words too
                first = min(j for n in numbers for j in [n, *below(clause.children, n)])
                return text[tokens[first].start:tokens[k].end]
    return None


def _described(clause: Clause, clause_verb: int, plural: bool) -> int:
    """The noun a relative clause describes; "которые" after a list describes the whole list, whose
    last name the parser hangs the clause on ("А и Б, которые …")."""
    tokens, n = clause.tokens, clause.tokens[clause_verb].head
    while plural and tokens[n].dep in ("conj", "appos", "flat:name") and tokens[n].head != n:
        n = tokens[n].head
    return n


def _group_antecedent(clause: Clause, k: int) -> set[int]:
    """The people "их", "всех" or "каждому из них" stand for: the list of names nearest to the
    sentence (itself, then the sentences around it); "каждому" alone only with "из них"."""
    word = clause.word(k)
    if word.startswith("кажд") and not any(clause.word(n) in ("них", "осужденных", "осуждённых")
                                          for n in clause.kids(k, "nmod", "obl")):
        return set()
    if clause.lists is None:
        return set()
    return set(clause.lists.around(clause.tokens[k].start))


def _counted_group(clause: Clause, i: int) -> set[int]:
    """"Суд арестовал 11 сотрудников редакции": a counted noun of people in the verb's clause
    stands for the list nearby that names as many people (``NamedLists``)."""
    tokens = clause.tokens
    if clause.lists is None:
        return set()
    people_nouns = lexicons.load("russian_role_words") | lexicons.load("russian_membership_words") | {"человек"}
    for k in below(clause.children, i):  # the parser may make the group a conjunct of another phrase
        if tokens[k].lemma not in people_nouns or clause.entity_at(k, "person") is not None or _under_other_verb(clause, k, i):
            continue
        for n in clause.kids(k, "nummod", "nummod:gov"):
            word = clause.word(n)
            size = NUMBER_WORDS.get(tokens[n].lemma) or (int(word) if word.isdigit() else None)
            if size and size >= 2 and size == int(size):
                listed = clause.lists.of_size(tokens[k].start, int(size))
                if listed:
                    return set(listed)
    return set()


def _under_other_verb(clause: Clause, k: int, i: int) -> bool:
    """Token ``k`` hangs on a verb other than ``i`` on the way up to it (another clause's words)."""
    tokens, seen = clause.tokens, {k}
    h = tokens[k].head
    while h != i and h not in seen:
        if "VERB" in tokens[h].tag or "INFN" in tokens[h].tag:
            return True
        seen.add(h)
        h = tokens[h].head
    return False


def _listed_after_dash(clause: Clause, k: int) -> set[int]:
    """"Пятерых арестовали — А, Б и В": a counted group stands for the people listed after a dash."""
    tokens = clause.tokens
    if tokens[k].lemma not in NUMBER_WORDS and not tokens[k].lemma.endswith(("ое", "еро")):
        return set()
    dashes = [j for j, t in enumerate(tokens) if clause.word(j) in ("-", "—", "–") and j > k]
    return {p for j, t in enumerate(tokens) if dashes and j > dashes[0] and t.dep in ("parataxis", "appos", "root")
            for p in clause.people(j)}  # the parser may make the list a root


def _term(tokens: tuple, children: dict[int, list[int]], i: int) -> str | None:
    """"к пяти годам", "к 3 годам и 6 месяцам" under the verb: the term, as "5 years"; "к
    пожизненному заключению": "life imprisonment", as in English."""
    found = _term_in(tokens, children, below(children, i))
    if found is None and any(tokens[k].lemma == "пожизненный" for k in below(children, i)):
        return "life imprisonment"
    return found


def _term_in(tokens: tuple, children: dict[int, list[int]], among: list[int]) -> str | None:
    """The first term stated by a unit word among ``among`` and its number."""
    for k in among:
        unit = _UNITS.get(tokens[k].lemma)
        if unit is None:
            continue
        for n in children.get(k, []):
            number = _number(tokens[n].lemma)
            if number:
                if any(tokens[h].lemma == "половина" for h in below(children, k)):
                    number += 0.5  # "пять с половиной лет"
                shown = int(number) if float(number).is_integer() else number
                term = f"{shown} {unit}" if shown != 1 else f"1 {unit.rstrip('s')}"
                kind = next((_TERM_KINDS[tokens[g].lemma] for g in children.get(k, []) if tokens[g].lemma in _TERM_KINDS), None)
                if kind is None:  # "лишения / ограничения свободы", hung on the unit word
                    kind = next((_TERM_KINDS[tokens[g].lemma] for g in below(children, k) if tokens[g].lemma in _TERM_KINDS),
                                None)
                return f"{term} {kind}" if kind else term
    return None


def _number(word: str) -> float | None:
    """A numeral word's value, or a number in digits with a decimal point or comma ("7,5")."""
    found = NUMBER_WORDS.get(word)
    if found is not None:
        return found
    digits = word.replace(",", ".", 1)
    return float(digits) if digits.replace(".", "", 1).isdigit() else None


# the kind of a term, as the English terms name it ("5 years prison", "3 years restricted freedom")
_TERM_KINDS = {"лишение": "prison", "ограничение": "restricted freedom", "колония": "prison",
               "пробация": "probation", "арест": "arrest"}
