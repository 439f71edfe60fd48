"""Justice events from the dependency parse: detention, interrogation, search, charge, trial,
conviction, sentence, acquittal, release, fine.

A trigger is a verb or noun of the justice lexicon (or an idiom: "taken into custody", "stood
trial", "received five years"). The person acted on is read off the tree (see events.toml for
the roles); lists, coordinated verbs, relative clauses and reduced participles are followed;
pronouns go to the person they stand for. A negation, a modal or a governing word of wish or
fear ("called for the release of A") drops the event: missing a fact is better than inventing one.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from casefile.extract.courts import judge_words
from casefile.extract.facts.context import DocContext
from casefile.extract.facts.tree import POSSESSIVE, RELATIVE, SentenceTree, Slot
from casefile.extract.facts.values import money, number_of, respective_terms, sentence_term
from casefile.models import Fact
from casefile.nlp import lexicons

NOUN_POS = ("NOUN", "PROPN")
QUOTE_MARKS = "“”‘’«»\"'"
MAX_IMPLIED_DEFENDANTS = 12
TEMPORAL_PREPOSITIONS = frozenset({"since", "after", "before", "during", "until", "following", "upon", "prior"})
# verbs of both lists whose detention reading gives way to the sentence when a term follows
# ("jailed for five years"); "arrested for ten days" is both an arrest and a sentence
SENTENCING_DETENTION_VERBS = frozenset({"jail", "imprison", "incarcerate"})
VERB_POS = ("VERB", "AUX", "ADJ")  # the tagger sometimes reads "was charged" as an adjective
PEOPLE = ("person", "organization")
# a term of custody before trial, which a court "sentences" no one to in the legal sense
_REMAND = re.compile(r"(?i)^\W*(?:\w+\W+){0,6}?to\s+(?:[\w-]+\s+){0,3}(?:of|in)\s+pre-?trial\s+(?:detention|custody|arrest)\b")
# verbs that put a penalty on someone: the person is the object of "on" ("passed on A")
_ONTO_VERBS = frozenset({"pass", "impose"})
# "accuse" states a charge only in the mouth of the justice system ("prosecutors accused A of fraud")
_ACCUSING_VERBS = frozenset({"accuse"})
_LEGAL_ACCUSERS = frozenset({
    "prosecutor", "prosecutors", "prosecution", "procurator", "procuracy", "investigator", "investigators",
    "police", "policeman", "policemen", "militia", "court", "courts", "judge", "judges", "tribunal", "authorities",
    "indictment", "investigation", "committee", "service", "ministry", "agency", "office", "bureau", "department",
    "directorate", "he", "she", "they", "it"})  # a pronoun: its antecedent is not known here
# plural nouns for people that name no trade ("the men were detained")
# nouns of time a misparsed verb may hang on ("later in the day sentenced")
_TIME_NOUNS = frozenset({"day", "week", "month", "year", "evening", "morning", "afternoon", "night", "time"})
# words that count or add charges without saying what they are for
_COUNTING_WORDS = frozenset({"several", "other", "new", "additional", "further", "more", "fresh", "various", "many",
                             "multiple", "numerous", "some", "two", "three", "four", "five", "serious", "criminal"})
_OTHERS = frozenset({"other", "remaining"})  # "the other seven defendants": the rest of a group
_PEOPLE_NOUNS = frozenset({"men", "women", "people", "persons", "individuals", "brothers", "sisters", "friends"})
# branches of a noun phrase that name someone else than the phrase: "A's lawyer", "the wife of A",
# "A, who ...", "A, detained in May, ..."
PHRASE_BOUNDARIES = ("poss", "prep", "relcl", "acl", "advcl", "ccomp", "xcomp", "agent", "dobj", "nsubj",
                     "nsubjpass", "parataxis", "npadvmod", "case", "mark", "cc", "punct", "det", "amod", "nummod")


@dataclass(frozen=True)
class Idiom:
    """A verb that states an event only with a given object: "taken into custody", "received five years"."""

    type: str
    verbs: frozenset[str]
    prep: str | None
    objects: frozenset[str]
    particles: frozenset[str]
    undergoer: bool  # the person acted on is the active subject ("X stood trial")
    governed_by: frozenset[str] = frozenset()  # counts only under one of these verbs ("ordered to pay")


# a comma before a word that opens another clause: what follows is no longer the event's phrase
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?=(?:as|because|while|who|whom|which|when|whereas|although|though|since|after|before|"
                           r"and|but|where)\b)")
# "to" and a number or a counted year or month: a term ("to ten years", "to 6 1/2 years")
_TO_TERM = re.compile(r"to\s+(?:\S+\s+){0,2}?(?:\d|[a-z]+[\s-](?:years?|months?))")
# the steps a judge takes in person: who takes them ordered them
_RULED = frozenset({"sentence", "conviction", "acquittal", "fine"})
# verbs by which a judge or a court states a ruling named by a noun ("announced the verdict")
_PRONOUNCING = frozenset({"announce", "read", "deliver", "hand", "pronounce", "issue", "pass", "render"})
# nouns for a group of so many people ("the trio")
_COLLECTIVES = {"duo": 2, "pair": 2, "trio": 3, "quartet": 4, "quintet": 5, "sextet": 6}


@dataclass(frozen=True)
class EventRoles:
    """How one event type's object and value are found (events.toml)."""

    object: tuple[str, ...]
    value: tuple[str, ...]
    needs: str | None = None
    implies: tuple[str, ...] = ()
    implies_with_value: tuple[str, ...] = ()
    fact: str | None = None  # the fact type this entry states, when it is a variant of another


# participles that give the noun before them its name: "a journalist named A"
_NAMING_VERBS = frozenset({"name", "call"})


@dataclass
class Triggers:
    """The justice lexicon arranged for lookup by lemma."""

    verbs: dict[str, list[str]] = field(default_factory=dict)
    nouns: dict[str, list[str]] = field(default_factory=dict)
    idioms: list[Idiom] = field(default_factory=list)
    guilty: frozenset[str] = frozenset()
    cases: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)  # type -> verbs, nouns
    words: frozenset[str] = frozenset()  # every lemma above


@cache
def triggers() -> Triggers:
    """Trigger lemmas by event type, from the justice lexicon."""
    out = Triggers()
    table = lexicons.justice_events()
    for type_ in roles_table():
        entry = table.get(type_, {})
        for lemma in entry.get("verbs", ()):  # type: ignore[union-attr]
            out.verbs.setdefault(lemma, []).append(type_)
        for lemma in entry.get("nouns", ()):  # type: ignore[union-attr]
            out.nouns.setdefault(lemma, []).append(type_)
        for key, undergoer in (("light_verbs", False), ("undergoer_verbs", True)):
            for idiom in entry.get(key, ()):  # type: ignore[union-attr]
                out.idioms.append(Idiom(type_, frozenset(idiom["verbs"]), idiom.get("prep"),
                                        frozenset(idiom.get("objects", ())), frozenset(idiom.get("particles", ())),
                                        undergoer, frozenset(idiom.get("governed_by", ()))))
    out.guilty = frozenset(table["conviction"].get("guilty_verbs", ()))  # type: ignore[arg-type]
    for type_, entry in table.items():
        if "case_verbs" in entry:
            out.cases[type_] = (frozenset(entry["case_verbs"]), frozenset(entry["case_nouns"]))  # type: ignore[arg-type]
    out.words = frozenset(set(out.verbs) | set(out.nouns) | out.guilty | {v for i in out.idioms for v in i.verbs}
                          | {v for verbs, _nouns in out.cases.values() for v in verbs})
    return out


@cache
def roles_table() -> dict[str, EventRoles]:
    """events.toml: the object and value roles of each event type."""
    data = tomllib.loads(resources.files(__package__).joinpath("events.toml").read_text(encoding="utf-8"))
    return {t: EventRoles(tuple(v.get("object", ())), tuple(v.get("value", ())), v.get("needs"),
                          tuple(v.get("implies", ())), tuple(v.get("implies_with_value", ())), v.get("fact"))
            for t, v in data.items()}


@dataclass
class Event:
    """One stated event: its type, trigger token, the people acted on, and the clause it spans."""

    type: str
    trigger: int
    patients: list[Slot]
    clause: int  # the token whose subtree holds the event's details (dates, places, laws)
    agents: list[Slot] = field(default_factory=list)
    details: list[int] = field(default_factory=list)  # tokens whose phrases may hold the term or offence


class EventReader:
    """Reads the justice events of one parsed sentence."""

    def __init__(self, tree: SentenceTree, ctx: DocContext) -> None:
        self.tree = tree
        self.ctx = ctx
        self.irrealis = lexicons.irrealis_words()

    # -- people ------------------------------------------------------------------------------
    def people(self, i: int, labels: tuple[str, ...] = PEOPLE, acted_on: bool = False) -> list[Slot]:
        """Who the noun phrase at ``i`` names, with everyone coordinated or in apposition with it
        ("the director, A, the editor, B, and journalist C"); pronouns and relative pronouns
        resolved. Possessors, prepositional phrases and clauses inside the phrase are not it
        ("A's lawyer", "the wife of A", "A, who ...")."""
        t = self.tree
        if t.lower(i) in RELATIVE:  # "A, who was detained": the noun the clause describes
            clause = next((a for a in t.ancestors(i) if t.dep(a) in ("relcl", "acl")), None)
            if clause is None or clause == t.head(clause):
                return []
            noun = t.head(clause)
            if i > 0 and t.lower(i - 1) == ",":  # "A and B, who ...": set off by a comma, it describes them all
                while t.dep(noun) == "conj" and t.head(noun) != noun:
                    noun = t.head(noun)
            return self.people(noun, labels)
        if t.slot_at[i] is None and t.dep(i) in ("compound", "amod") and t.slot_at[t.head(i)] is not None:
            i = t.head(i)  # "activists [A and B]": the title word is a modifier of the name
        skip = PHRASE_BOUNDARIES
        if t.dep(i) == "pobj" and t.tokens[t.head(t.head(i))].pos == "NOUN":
            skip = PHRASE_BOUNDARIES + ("appos",)  # "the wife of A, B": B is the wife, not A
        out: list[Slot] = []
        for j in t.subtree(i, skip):
            if t.slot_at[j] is None and t.tokens[j].pos == "NOUN":
                out += [s for s in [displaced_apposition(t, j)] if s is not None and s.label in labels]
            if (t.is_pronoun(j) or (j == i and t.lower(j) in POSSESSIVE)) and (j == i or t.dep(j) in ("conj", "appos")):
                found = self.ctx.resolve_pronoun(t.offset(j), t.lower(j), acted_on) or self._named_later(j)
                out.extend(found)
                continue
            slot = t.slot_at[j]
            top = j
            while slot is not None and t.slot_at[t.head(top)] is slot and t.head(top) != top:
                top = t.head(top)  # the name's own head token
            if slot is not None and t.dep(top) == "appos" and t.lone_apposition(t.head(top), top):
                continue
            modifier = t.dep(j) == "compound" and t.slot_at[t.head(j)] not in (None, slot)
            if slot is not None and slot.label == "organization" and self._body_of_people(j):
                continue  # "three B journalists were convicted": they were, not B
            if slot is not None and slot.label in labels and not modifier:  # "the deputy A B": A modifies B
                out.append(slot)
        if not out:  # "an activist named A", "a man called A": the name the clause gives the noun
            out = [s for a in t.kids(i, "acl") if t.lemma(a) in _NAMING_VERBS
                   for c in t.kids(a, "oprd", "attr", "dobj", "xcomp") for s in [t.slot_at[c]]
                   if s is not None and s.label in labels]
        if not out and t.lemma(i) in lexicons.kinship_words():
            out = self.kin_of(i)  # "my son was arrested": the son the text named
        if not out and acted_on and t.tokens[i].pos in (*NOUN_POS, "ADJ") and t.lemma(i) not in lexicons.case_roles() \
                and t.lower(i) != "accused" and not (t.tokens[i].tag == "NNS" and t.kids(i, "nummod")):
            out = self.described(i)  # not "the three defenders": a group, not the one called a defender
        if not out and acted_on and t.slot_at[i] is None and (t.lemma(i) in lexicons.case_roles() or t.lower(i) == "accused") \
                and any(t.lower(d) in ("the", "these", "those", "both", "all") for d in t.kids(i, "det", "predet")) \
                and t.count(i) is None and not any(t.lower(a) in _OTHERS for a in t.kids(i, "amod")):
            # "the accused were taken to court": the people the case is about
            verbs = [t.head(i)] + t.kids(t.head(i), "aux", "auxpass")
            plural = t.tokens[i].tag == "NNS" or any(t.lower(w) in ("are", "were", "have") for w in verbs)
            group = (self.ctx.case_group or self.ctx.defendants[-2:]) if plural else self.ctx.defendants[-1:]
            out = [Slot("person", c, t.offset(i), t.offset(i)) for c in group]
        if not out and acted_on and t.slot_at[i] is None:
            out = self._group(i)  # "the two were sentenced", "both men were detained"
        if not out and "organization" in labels and t.tokens[i].tag == "NNS" and t.lemma(i) in lexicons.role_words():
            # "two activists from B were charged": the body stands for its unnamed people
            out = [s for o in t.prep_objects(i, "from", "of")
                   for s in [next((t.slot_at[j] for j in t.subtree(o, ("relcl",)) if t.slot_at[j] is not None
                                   and t.slot_at[j].label == "organization"), None)] if s][:1]
        if any(p.label == "person" for p in out):  # "TV producers A and B", "A, the head of channel B": the
            # body only describes them; a body coordinated with the people is acted on with them
            out = [p for p in out if p.label == "person" or self._coordinated_with(p, i)]
        head = t.slot_at[i]
        if head is not None and head in out:  # "the deputy A B": the phrase's head B first
            out.remove(head)
            out.insert(0, head)
        return unique_clusters(out)

    def _body_of_people(self, j: int) -> bool:
        """Token ``j`` of a body's name modifies a noun of people ("B journalists", "B staff")."""
        t = self.tree
        head = t.head(j)
        while head != t.head(head) and t.slot_at[head] is t.slot_at[j]:
            head = t.head(head)  # from inside the name to the noun it modifies
        return t.slot_at[head] is None and t.tokens[head].pos == "NOUN" and (
            t.lemma(head) in lexicons.role_words() or t.lemma(head) in lexicons.membership_words()
            or t.lower(head) in _PEOPLE_NOUNS)

    def _group(self, i: int) -> list[Slot]:
        """"the two", "all three", "both", "both men", "the journalists": the people a case step
        named together before (as many as the phrase counts, when it counts them). "Eleven
        journalists" (no "the") is the list of eleven names next to it, else no one known; "the
        rest", "the other three" are the latest group without those whose verdict was told."""
        t = self.tree
        dets = {t.lower(d) for d in t.kids(i, "det", "predet", "nummod", "amod")}
        word = t.lower(i)
        size: float | None = None
        definite = bool(dets & {"the", "all", "these", "those", "both"})
        if word == "both" and t.dep(i) in ("nsubj", "nsubjpass", "dobj"):
            size = 2
        elif word in ("all", "each", "both") and t.tokens[i].pos in ("PRON", "DET") and t.prep_objects(i, "of"):
            # "all of them were charged": the people "them" stands for
            return [p for o in t.prep_objects(i, "of") if t.is_pronoun(o)
                    for p in self.ctx.resolve_pronoun(t.offset(o), t.lower(o), True)]
        elif word in ("rest", "others", "remainder") or (dets & _OTHERS and t.tokens[i].tag == "NNS"):
            counted = [n for n in (number_of(t.lower(k)) for k in t.kids(i, "nummod")) if n]
            rest = self.ctx.rest_of_group() if "the" in dets or word == "others" else []
            if counted and len(rest) != counted[0]:
                return []
            return [Slot("person", c, t.offset(i), t.offset(i)) for c in rest]
        elif t.tokens[i].pos == "NUM":
            if not definite:
                return []
            size = number_of(word)
        elif word in _COLLECTIVES and definite:  # "the trio were convicted"
            size = _COLLECTIVES[word]
        elif t.tokens[i].tag == "NNS" and (t.lemma(i) in lexicons.role_words() or word in _PEOPLE_NOUNS
                                           or t.lemma(i) in lexicons.membership_words()
                                           or t.lemma(i) in lexicons.case_roles()):
            counted = [n for n in (number_of(t.lower(k)) for k in t.kids(i, "nummod")) if n]
            if not definite:  # "eleven journalists": the eleven names listed next to it, if any
                listed = self.ctx.named_list(t.offset(i), int(counted[0])) if counted and counted[0] >= 2 else []
                return [Slot("person", c, t.offset(i), t.offset(i)) for c in listed]
            size = 2 if "both" in dets else (counted[0] if counted else None)
        else:
            return []
        group = list(self.ctx.case_group)
        if size is None and len(group) < 2:
            # "the defenders" before any case was told: the people listed in the sentence before or after
            group = self.ctx.nearest_list(t.offset(i)) if t.tokens[i].tag == "NNS" and "the" in dets else []
            if len(group) < 2:
                return []
        if size is not None and len(group) != size:
            group = self.ctx.defendants[-int(size):] if len(self.ctx.defendants) >= size >= 2 else []
            group = group or self.ctx.named_list(t.offset(i), int(size))
        return [Slot("person", c, t.offset(i), t.offset(i)) for c in group]

    def kin_of(self, i: int) -> list[Slot]:
        """"my son", "her husband": the relative the text named before, by a stated kinship."""
        t = self.tree
        for p in t.kids(i, "poss"):
            owners = self.ctx.resolve_pronoun(t.offset(p), t.lower(p)) if t.tokens[p].pos == "PRON" \
                else self.people(p, ("person",))
            for owner in owners[:1]:
                found = self.ctx.relative(owner.cluster, t.lemma(i))
                if found is not None:
                    return [Slot("person", found, t.offset(i), t.offset(i))]
        return []

    def _named_later(self, j: int) -> list[Slot]:
        """A pronoun in a phrase that opens the sentence, before any name, stands for the main
        clause's subject: "Following her arrest in May, A was moved to a prison"."""
        t = self.tree
        root = next((r for r in range(len(t)) if t.head(r) == r), None)
        if root is None or j > root:
            return []
        subjects = [p for s in t.kids(root, "nsubj", "nsubjpass") if s > j for p in self.people(s, ("person",))]
        return subjects[:1]

    def _coordinated_with(self, slot: Slot, i: int) -> bool:
        """The mention is the phrase's head or one of its conjuncts ("A and the B foundation")."""
        t = self.tree
        heads = set(t.conjuncts(i))
        return any(j in heads for j, s in enumerate(t.slot_at) if s is slot)

    def described(self, i: int) -> list[Slot]:
        """"The 29-year-old", "the activist", "the opposition figure": a definite description of a
        person the text named before - the one it called so, else what the sentence before was about."""
        t = self.tree
        if t.slot_at[i] is not None or not any(t.lower(d) == "the" for d in t.kids(i, "det")):
            return []
        noun = t.lemma(i)
        aged = t.lower(i).endswith("year-old") or (t.lower(i) == "old" and any(
            t.lemma(c) in ("year", "years") for c in t.kids(i, "npadvmod")))  # "the 29-year-old"
        if noun not in lexicons.role_words() and not aged and noun not in ("man", "woman"):
            return []
        called = self.ctx.described(noun, t.offset(i)) if noun in lexicons.role_words() else None
        if called is not None:
            return [Slot("person", called, t.offset(i), t.offset(i))]
        if not aged and noun not in ("man", "woman"):
            return []  # "the officer" the text never introduced is someone else
        topic = self.ctx.topic(t.offset(i))  # "the 29-year-old": what the sentence before was about
        return [topic] if topic is not None else []

    # -- voice and inherited subjects ---------------------------------------------------------
    def passive(self, v: int) -> bool:
        """Passive voice, marked ("was detained") or reduced ("A, detained in May"; "detained and charged")."""
        t = self.tree
        if t.marked_passive(v):
            return True
        if t.dep(v) == "amod":  # a participle before its noun: the noun is acted on, in either tag
            return True
        if self._headline(v):
            return True
        head = t.head(v)
        if t.dep(v) == "conj" and head != v and not t.kids(v, "nsubj", "dobj", "aux") and self.passive(head):
            return True  # "was convicted ... and sentenced": the tagger may read the second as past tense
        if t.tokens[v].tag != "VBN" or t.kids(v, "nsubj", "dobj", "aux"):
            return False
        return t.dep(v) in ("acl", "relcl", "conj", "advcl", "xcomp", "ROOT", "ccomp", "pcomp", "amod")

    def _headline(self, v: int) -> bool:
        """Headline grammar: "A jailed for five years", "Activist A detained in B" - a justice verb
        with a named person as subject, no object and no auxiliary is a passive without its "was"."""
        t = self.tree
        if t.tokens[v].tag not in ("VBD", "VBN") or t.kids(v, "dobj", "aux", "auxpass", "dative", "prt"):
            return False
        if t.tokens[v].tag == "VBD" and t.text[t.sentence.start:t.sentence.end].rstrip().endswith((".", "!", "?")):
            return False  # a past tense in a full sentence is active: "A searched for his keys."
        if t.lemma(v) not in triggers().verbs:
            return False
        return any(s.label == "person" for n in t.kids(v, "nsubj") for s in [t.mention(n, ("person",))] if s)

    def subject_tokens(self, v: int) -> list[int]:
        """The subject of a verb, or the one it shares: a coordinated or subordinate verb takes its
        head's subject; a participle describing a noun takes that noun."""
        t = self.tree
        dep, head = t.dep(v), t.head(v)
        if dep == "amod" and head != v:
            return [head]
        own = [self._displaced_subject(s) for s in t.kids(v, "nsubjpass", "nsubj")]
        if len(own) > 1 and t.kids(own[0], "prep") and min(t.subtree(own[1])) == max(t.subtree(own[0])) + 1:
            # "reporters from the weekly of editor A were charged": the small parser makes A a second
            # subject where it ends the first one's prepositional phrase
            own = own[:1]
        if own:
            return own
        if head == v:
            return []
        if dep == "acl" and t.lemma(head) in _TIME_NOUNS and t.dep(head) == "pobj":
            # "detained and later in the day sentenced to ...": the parser hangs the second verb on the
            # time; it is the clause's verb, with that clause's subject
            verb = next((a for a in t.ancestors(head) if t.tokens[a].pos in VERB_POS), None)
            return self.subject_tokens(verb) if verb is not None else []
        if dep in ("acl", "amod"):  # "A, detained in May"; the parser's "sentenced [amod] activists A and B"
            return [head]
        if dep == "relcl":
            return [head]
        if dep == "xcomp" and t.kids(head, "dobj"):  # "ordered A to pay": A pays
            return t.kids(head, "dobj")
        if dep in ("conj", "advcl", "xcomp", "pcomp") and t.tokens[head].pos in VERB_POS:
            return self.subject_tokens(head)
        if dep == "pcomp":  # "after being detained": the verb of the clause the preposition joins
            grand = t.head(head)
            return self.subject_tokens(grand) if grand != head else []
        return []

    def _names_before(self, v: int) -> list[Slot]:
        """The people named before a passive verb whose parsed subject names no one, read by
        position where the small parser lost the phrase ("director A and rights defenders B and
        C were sentenced", "defenders" taken for a verb): the names from the sentence's start to
        the auxiliary, when nothing but names, title words, commas and "and" lies between -
        no preposition, possessive or verb form that would put a name in another phrase."""
        t = self.tree
        aux = min(t.kids(v, "auxpass"))
        out: list[Slot] = []
        for j in range(aux):
            slot, tag = t.slot_at[j], t.tokens[j].tag
            if slot is not None:
                if slot.label == "person" and slot not in out:
                    out.append(slot)
            elif tag in ("IN", "TO", "VBD", "VBG", "VBN", "MD", "WP", "WDT", "WRB", "PRP", "PRP$") \
                    or (tag == "POS" and t.slot_at[j - 1] is not None and t.slot_at[j - 1].label == "person"):
                return []
        return out

    def _displaced_subject(self, s: int) -> int:
        """The real subject where the parser took a name ending a prepositional phrase for it:
        "eleven journalists from the team of reporter A were arrested" - A is in the phrase of
        "journalists", the subject. A name right after "of" or "from" (titles between) is no subject."""
        t = self.tree
        if t.slot_at[s] is None:
            return s
        k = min(t.subtree(s)) - 1
        while k >= 0 and t.tokens[k].tag in ("VBG", "JJ"):  # "of investigating journalist A"
            k -= 1
        if k < 0 or t.lower(k) not in ("of", "from") or t.dep(k) != "prep":
            return s
        h = t.head(k)
        while t.dep(h) == "pobj" and t.head(h) != h and t.head(t.head(h)) != t.head(h):
            h = t.head(t.head(h))  # up the chain of phrases: "team" < "from" < "journalists"
        return h if h < k and t.slot_at[h] is None and t.tokens[h].pos in NOUN_POS else s

    def objects(self, v: int) -> list[int]:
        """Direct objects of an active verb, or of the verb it is coordinated with."""
        t = self.tree
        own = t.kids(v, "dobj")
        if own:
            return own
        if t.dep(v) == "conj":  # "detained and questioned A": A hangs on one of them
            return t.kids(t.head(v), "dobj")
        for c in t.kids(v, "conj"):
            if t.kids(c, "dobj") and not t.kids(c, "nsubj"):
                return t.kids(c, "dobj")
        return []

    # -- what makes an event unreal ------------------------------------------------------------
    def unreal(self, i: int) -> bool:
        """Negated, modal, conditional, or governed by a word of wish, threat or fear."""
        t = self.tree
        if t.kids(i, "neg") or self.modal_verb(i):
            return True
        if self.conditional(i):
            return True
        if any(t.lower(m) == "whether" for a in [i, *list(t.ancestors(i))[:3]] for m in t.kids(a, "mark")):
            return True  # "unknown whether he intends to appeal": asked, not stated
        if any(t.lemma(a) in self.irrealis for a in t.kids(i, "amod")):  # "a possible arrest"
            return True
        if any(t.lower(d) == "no" for d in t.kids(i, "det")):  # "no search was carried out"
            return True
        if t.tokens[i].pos in NOUN_POS and t.dep(i) == "pobj" and t.lower(t.head(i)) == "for":
            return True  # "working for his release", "a plea for a fair trial": wished for, not done
        if t.dep(i) == "xcomp" and t.lemma(t.head(i)) == "be" and any(t.lower(a) == "to" for a in t.kids(i, "aux")):
            return True  # "A is to be tried on Monday", "the trial is to begin": planned, not done
        if any(t.lower(a) == "yet" for a in t.kids(i, "advmod")) or (
                t.dep(i) == "xcomp" and any(t.lower(a) == "yet" for a in t.kids(t.head(i), "advmod"))):
            return True  # "has yet to stand trial", "not yet charged"
        node = i
        for _ in range(4):  # up through "to be detained", "for the release of", "threat of arrest"
            head = t.head(node)
            if head == node or (t.dep(node) == "pobj" and t.lower(head) in TEMPORAL_PREPOSITIONS):
                break  # "since his arrest", "after the trial": a time, not what is wished for
            if t.dep(node) not in ("xcomp", "ccomp", "pobj", "prep", "dobj", "pcomp", "acl", "nsubjpass", "advcl") \
                    and t.tokens[node].pos not in ("ADP",):
                break
            if t.lemma(head) in self.irrealis or t.kids(head, "neg") and t.dep(node) in ("xcomp", "dobj"):
                return True
            if t.tokens[head].pos in VERB_POS and t.dep(node) != "prep":
                if t.dep(node) == "advcl":
                    break
                if any(self._modal(a) for a in t.kids(head, "aux")) and t.dep(node) in ("xcomp", "dobj"):
                    return True
            node = head
        return False

    def conditional(self, v: int) -> bool:
        """A clause opened by "if", "unless" or "whether" ("if convicted, ...")."""
        return any(self.tree.lower(m) in ("if", "unless", "whether") for m in self.tree.kids(v, "mark"))

    def modal_verb(self, v: int) -> bool:
        """A verb with an auxiliary of wish or possibility ("could be detained"), or the second verb
        of a pair that shares it ("should drop the charges and free him")."""
        t = self.tree
        if any(self._modal(a) for a in t.kids(v, "aux", "auxpass")):
            return True
        return t.dep(v) == "conj" and not t.kids(v, "nsubj", "nsubjpass", "aux", "auxpass") \
            and any(self._modal(a) for a in t.kids(t.head(v), "aux", "auxpass"))

    def _modal(self, a: int) -> bool:
        """An auxiliary of wish or possibility ("could be detained"); the month "May" the parser
        sometimes reads as one ("on 3 May the court sentenced"), or a name's word, is not."""
        t = self.tree
        return t.lemma(a) in self.irrealis and not (t.word(a) == "May" and a > 0) \
            and t.slot_at[a] is None  # "Can Dundar was acquitted": a given name the parser read as a modal

    # -- triggers ------------------------------------------------------------------------------
    def events(self) -> Iterator[Event]:
        """Every justice event the sentence states."""
        t = self.tree
        table = triggers()
        for i in t.having(table.words):
            lemma, pos = t.lemma(i), t.tokens[i].pos
            if pos in VERB_POS:
                if lemma in table.guilty:
                    yield from self._found_guilty(i)
                for type_ in table.verbs.get(lemma, ()):
                    yield from self._verb_event(i, type_)
                for idiom in table.idioms:
                    if lemma in idiom.verbs and self._idiom_fits(i, idiom):
                        yield from self._idiom_event(i, idiom)
                for type_, (verbs, nouns) in table.cases.items():
                    if lemma in verbs:
                        yield from self._case_verb(i, type_, nouns)
            if pos in NOUN_POS:
                for type_ in table.nouns.get(lemma, ()):
                    yield from self._noun_event(i, type_)

    def _verb_event(self, v: int, type_: str) -> Iterator[Event]:
        t = self.tree
        if t.tokens[v].pos == "ADJ" and t.tokens[v].tag not in ("VBN", "JJ"):
            return
        if self.unreal(v):
            return
        if self.passive(v):
            patients = [p for s in self.subject_tokens(v) for p in self.people(s, acted_on=True)]
            patients += self.together_with(v, self.subject_tokens(v))
            if not patients and t.kids(v, "auxpass"):
                patients = self._names_before(v)
            if not patients and type_ == "search_seizure":  # "A's home was searched", "seized from A's flat"
                patients = [p for s in self.subject_tokens(v) for p in self.owners(s)]
                patients += [p for o in t.prep_objects(v, "from") for p in self.people(o) + self.owners(o)]
            agents = [p for a in t.prep_objects(v, "by") + (t.kids(v, "nsubj") if t.dep(v) == "amod" else [])
                      for p in self.people(a)]
        else:
            patients = [p for o in self.objects(v) for p in self.people(o, acted_on=True)]
            patients += self.together_with(v, self.objects(v)) if patients else []
            if not patients and type_ == "search_seizure":  # "searched A's home", "seized ... from A"
                patients = [p for o in self.objects(v) for p in self.owners(o)]
                patients += [p for o in t.prep_objects(v, "from") for p in self.people(o) + self.owners(o)]
            subjects = sorted(t.kids(v, "nsubj"), key=lambda s: abs(v - s))[:1]  # the subject nearest the verb
            agents = [p for s in subjects for p in self.people(s)]
        if patients and t.lemma(v) in _ACCUSING_VERBS and not self._legal_accuser(v):
            return  # "the minister accused A of meddling": a reproach, not a charge
        if patients:
            yield Event(type_, v, patients, v, agents, details=t.kids(v, "prep", "dobj", "npadvmod"))

    def _legal_accuser(self, v: int) -> bool:
        """Whoever accuses is a prosecutor, investigator, police or court, or is not said (a
        passive "A was accused of fraud" in a justice text is the prosecution's)."""
        t = self.tree
        accusers = t.prep_objects(v, "by") if self.passive(v) else (t.kids(v, "nsubj") or self.subject_tokens(v))
        if not accusers:  # "responded by accusing B of ...": the one who responded accuses
            return True
        words = {t.lemma(j) for a in accusers for j in t.subtree(a, ("relcl",))} | \
                {t.lower(j) for a in accusers for j in t.subtree(a, ("relcl",))}
        return bool(words & _LEGAL_ACCUSERS)

    def together_with(self, v: int, heads: list[int]) -> list[Slot]:
        """People acted on together with the named ones: "A was detained alongside B", "charged A
        along with B", "detained dozens, including A"."""
        t = self.tree
        found: list[Slot] = []
        stack, seen = [v, *heads], set()
        while stack:  # "alongside dozens of protesters, including A": one phrase inside the other
            h = stack.pop()
            if h in seen:
                continue
            seen.add(h)
            for p in t.kids(h, "prep"):
                word = t.lower(p)
                if word in ("along", "together"):  # "along with B" parsed as "along" > "with" > B
                    p = next((w for w in t.kids(p, "prep") if t.lower(w) == "with"), p)
                    word = t.lower(p)
                if word in ("alongside", "including") or (word == "with" and (any(
                        t.lower(a) in ("along", "together") for a in t.kids(p, "advmod"))
                        or (p > 0 and t.lower(p - 1) in ("along", "together")))):  # "along" hung on the verb
                    for o in t.kids(p, "pobj"):
                        found += self.people(o, ("person",))
                        stack += [o] + [q for q in t.prep_objects(o, "of")]
        return found

    def owners(self, i: int) -> list[Slot]:
        """Whose place or things the phrase at ``i`` names: "A's home", "the office of B", "the B office"."""
        t = self.tree
        out: list[Slot] = []
        for j in t.conjuncts(i):
            holders = t.kids(j, "poss") + t.prep_objects(j, "of")
            out += [p for h in holders for p in self.people(h)]
            out += [s for c in t.kids(j, "compound", "nmod") for s in [t.mention(c)] if s is not None]
        return unique_clusters(out)

    def _idiom_fits(self, v: int, idiom: Idiom) -> bool:
        t = self.tree
        if idiom.governed_by and t.lemma(t.head(v)) not in idiom.governed_by:
            return False
        if idiom.particles:
            return any(t.lower(c) in idiom.particles for c in t.kids(v, "prt", "acomp", "advmod", "oprd", "ccomp", "xcomp"))
        if idiom.prep:  # the phrase may hang on the verb or on its object ("summoned A for questioning")
            heads = [v] + t.kids(v, "dobj")
            objects = [o for h in heads for o in t.prep_objects(h, idiom.prep)]
            objects += [c for o in objects for c in t.kids(o, "compound", "amod")]  # "a detention centre"
            return any(self._names_object(o, idiom.objects) for o in objects)
        held = t.kids(v, "dobj", "attr", "nsubjpass", "oprd")
        if t.dep(v) in ("acl", "relcl"):  # "the sentence (that was) passed on A": the noun it describes
            held.append(t.head(v))
        return any(self._names_object(o, idiom.objects) for o in held)

    def _names_object(self, o: int, objects: frozenset[str]) -> bool:
        """The token at ``o`` is one of ``objects``: a lemma, or two words, a modifier and its noun
        ("death penalty"), which also keep the noun alone from meaning anything else (a "death
        penalty" is no "penalty" of another idiom that lists it with "-death")."""
        t = self.tree
        modifiers = {t.lemma(c) for c in t.kids(o, "compound", "amod")}
        if any(w.startswith("-") and w[1:] in modifiers for w in objects):
            return False
        return t.lemma(o) in objects or any(f"{m} {t.lemma(o)}" in objects for m in modifiers)

    def _idiom_event(self, v: int, idiom: Idiom) -> Iterator[Event]:
        t = self.tree
        if self.unreal(v):
            return
        if idiom.undergoer or self.passive(v):
            patients = [p for s in self.subject_tokens(v) for p in self.people(s, acted_on=True)]
            if self.passive(v) and not idiom.undergoer and t.lemma(v) in ("hand", "give"):
                patients = patients or [p for d in t.kids(v, "dative") for p in self.people(d)]
            if not idiom.undergoer and t.lemma(v) in _ONTO_VERBS:  # "the sentence passed on A"
                patients = [p for o in t.prep_objects(v, "on") for p in self.people(o)]
        elif t.lemma(v) in _ONTO_VERBS:  # "the court imposed a term on A"
            patients = [p for o in t.prep_objects(v, "on") for p in self.people(o)]
        else:
            receivers = t.kids(v, "dative") + t.prep_objects(v, "to")
            patients = [p for o in (receivers or self.objects(v)) for p in self.people(o)]
        if patients:
            details = t.kids(v, "dobj", "prep", "attr", "npadvmod")
            if t.dep(v) in ("acl", "relcl"):  # "the 30-month sentence passed on A": the noun holds the term
                details.append(t.head(v))
            yield Event(idiom.type, v, patients, v, details=details)

    def _found_guilty(self, v: int) -> Iterator[Event]:
        """"found A guilty (of X)"; "A was found (not) guilty": a conviction, or an acquittal."""
        t = self.tree
        guilty = [j for j in t.subtree(v, ("relcl", "advcl", "conj")) if t.lower(j) == "guilty" and j != v]
        # "found A and B guilty": the small parser may make "guilty" a conjunct of the names
        guilty = guilty or [j for d in t.kids(v, "dobj") for j in t.conjuncts(d) if t.lower(j) == "guilty"]
        if not guilty:
            return
        g = guilty[0]
        negated = bool(t.kids(g, "neg") or t.kids(v, "neg"))
        if self.modal_verb(v) or self.conditional(v):  # "could be found guilty", "if found guilty, A faces"
            return
        if self.passive(v):
            holders = self.subject_tokens(v)
        else:
            holders = t.kids(v, "dobj") or t.kids(g, "nsubj")
        patients = [p for h in holders for p in self.people(h)]
        patients += self.together_with(v, holders) if patients else []  # "found guilty along with B"
        if patients:
            yield Event("acquittal" if negated else "conviction", v, unique_clusters(patients), v,
                        [p for s in t.kids(v, "nsubj") for p in self.people(s)] if not self.passive(v) else [],
                        details=[g])

    def _case_verb(self, v: int, type_: str, case_nouns: frozenset[str]) -> Iterator[Event]:
        """A verb acting on someone's case: "opened a criminal case against A", "charges were
        brought against A" (a charge); "began to examine the case of A" (a trial)."""
        t = self.tree
        nouns = [n for n in t.kids(v, "dobj", "nsubjpass") if t.lemma(n) in case_nouns]
        if not nouns or self.unreal(v):
            return
        targets = t.prep_objects(v, "against") + [o for n in nouns for o in t.prep_objects(n, "against")]
        if type_ != "charge":  # whose case: "the case of A", "A's case"
            targets += [o for n in nouns for o in t.kids(n, "poss") + t.prep_objects(n, "of")]
        patients = [p for o in targets for p in self.people(o, acted_on=True)]
        if patients:
            agents = [p for s in self.subject_tokens(v) for p in self.people(s)]
            yield Event(type_, v, patients, v, agents, details=nouns)

    def _sentence_law(self) -> bool:
        return any(s is not None and s.label == "law" for s in self.tree.slot_at)

    def _noun_event(self, n: int, type_: str) -> Iterator[Event]:
        """"the arrest of A", "A's detention", "charges against A", "the verdict in A's case"."""
        t = self.tree
        if self.unreal(n) or t.kids(n, "neg"):
            return
        holders = t.kids(n, "poss") + t.prep_objects(n, "of", "against", "for") if type_ != "charge" \
            else t.kids(n, "poss") + t.prep_objects(n, "against")
        if type_ in ("sentence", "conviction"):  # "the sentence handed down on A", "... issued to A"
            holders += t.prep_objects(n, "on") + [o for a in t.kids(n, "acl") for j in t.subtree(a)
                                                  if t.lower(j) in ("on", "to") and t.head(j) == a
                                                  for o in t.kids(j, "pobj") if t.mention(o, ("person",))]
        if type_ == "charge" and t.lemma(n) == "case":  # "the case of A under Article N": a case needs its law
            holders = (t.kids(n, "poss") + t.prep_objects(n, "of", "against")) if self._sentence_law() else []
        governing = [t.head(n)] if t.dep(n) in ("dobj", "nsubj", "nsubjpass", "attr") else []
        for case in t.prep_objects(n, "in", "on") + [c for g in governing for c in t.prep_objects(g, "in")]:
            if t.lemma(case) == "case":  # "the verdict in A's case", "passed a verdict in the case of A"
                holders += t.kids(case, "poss") + t.prep_objects(case, "of", "against")
        if type_ == "search_seizure":  # "raids on their homes", "a search was carried out at A's home"
            holders += t.prep_objects(n, "on", "at", "in") + [o for g in governing for o in t.prep_objects(g, "at", "in")]
        if not holders and t.dep(n) in ("dobj", "nsubjpass", "nsubj") and type_ == "charge":
            holders = t.prep_objects(t.head(n), "against")  # "brought charges against A"
        if not holders and type_ == "trial":
            holders = _tried_roles(t, n)  # "A, who went on trial in May"
        patients = [p for h in holders for p in self.people(h, ("person",) if type_ != "fine" else PEOPLE, acted_on=True)]
        if not patients and t.dep(n) in ("dobj", "nsubjpass") and type_ in ("fine", "sentence"):
            # "imposed a fine of 500 euros on A": on the verb, or hung on the amount
            ons = t.prep_objects(t.head(n), "on") + [o for j in t.subtree(n, ("relcl", "acl")) if t.lower(j) == "on"
                                                      and t.dep(j) == "prep" for o in t.kids(j, "pobj")]
            patients = [p for o in ons for p in self.people(o, ("person",))]
        specific = t.dep(n) != "compound" and (t.tokens[n].tag != "NNS" or any(
            t.lower(d) in ("the", "these", "those") for d in t.kids(n, "det")))  # not "fair trials", "trial dates"
        named_case = any(t.mention(c, ("organization",)) for c in t.kids(n, "compound", "nmod", "amod", "poss"))
        if type_ == "trial" and specific and not patients and (
                (not holders and 0 < len(self.ctx.defendants) <= MAX_IMPLIED_DEFENDANTS) or named_case):
            # "the trial", "the hearing" with no one named: the people the text has told the case of; a
            # trial named after a body ("the B trial") is of all of them, however many
            patients = [Slot("person", c, t.offset(n), t.offset(n)) for c in self.ctx.defendants]
        if type_ == "search_seizure":
            patients += [p for h in holders for p in self.owners(h)]
        patients = unique_clusters(patients)
        if patients:
            clause = next((a for a in t.ancestors(n) if t.tokens[a].pos in VERB_POS), n)
            yield Event(type_, n, patients, clause, details=[n])


# verbs whose subject (or object) is the one tried: "A went on trial", "A stood trial", "A was put
# on trial", "they brought A to trial"
_TRIAL_VERBS = {"go": "nsubj", "be": "nsubj", "stand": "nsubj", "face": "nsubj", "remain": "nsubj",
                "put": "dobj", "bring": "dobj"}


def _tried_roles(t: SentenceTree, n: int) -> list[int]:
    """The words naming who is tried when the noun "trial" hangs on a verb (see _TRIAL_VERBS)."""
    verb = t.head(n)
    if t.dep(n) == "pobj" and t.lower(verb) in ("on", "to"):
        verb = t.head(verb)
    if verb == n or t.lemma(verb) not in _TRIAL_VERBS or (t.dep(n) == "dobj" and t.lemma(verb) not in ("stand", "face")):
        return []
    roles = t.kids(verb, _TRIAL_VERBS[t.lemma(verb)], "nsubjpass")
    if not roles and _TRIAL_VERBS[t.lemma(verb)] == "nsubj" and t.dep(verb) == "conj":
        roles = t.kids(t.head(verb), "nsubj", "nsubjpass")  # "A was arrested and went on trial": A
    return roles


def displaced_apposition(t: SentenceTree, noun: int) -> Slot | None:
    """"the wife of A, B": the parser hangs B on A; B names the noun's referent, not A's."""
    for o in t.prep_objects(noun, "of"):
        owner = t.slot_at[o]
        for a in t.kids(o, "appos"):
            named = t.slot_at[a]
            if owner is not None and named is not None and named is not owner and named.label == owner.label == "person":
                return named
    return None


def unique_clusters(slots: list[Slot]) -> list[Slot]:
    """The slots with the first of each entity only, in order."""
    seen: set[int] = set()
    out = []
    for s in slots:
        if s.cluster not in seen:
            seen.add(s.cluster)
            out.append(s)
    return out


# -- from events to facts ------------------------------------------------------------------------

class FactBuilder:
    """Turns events into facts: object, value, date and place from the event's clause."""

    def __init__(self, tree: SentenceTree, ctx: DocContext) -> None:
        self.tree = tree
        self.ctx = ctx

    def facts(self, event: Event) -> Iterator[Fact]:
        """The facts one event states (a sentence also states a conviction)."""
        roles = roles_table()
        term = self.term(event)
        if event.type in ("sentence", "conviction") and self.tree.lemma(event.trigger) == "sentence" \
                and _REMAND.search(self._after_trigger(event)):
            # "sentenced to two months of pre-trial detention": a remand, read as a detention
            event = Event("detention", event.trigger, event.patients, event.clause, event.agents, event.details)
            term = None
        if event.type == "detention" and term and self.tree.lemma(event.trigger) in SENTENCING_DETENTION_VERBS:
            return  # "jailed for five years": the sentence reading of the same verb states it
        gapped = self._gapped_terms(event) if term else {}
        if gapped:  # "sentenced A to ten years, B to nine, and C to seven": each named with their term
            extra = [slot for slot in gapped if all(slot.cluster != p.cluster for p in event.patients)]
            event = replace(event, patients=event.patients + extra)
        types = [(event.type, False)] + [(t, False) for t in roles[event.type].implies]
        types += [(t, True) for name, _ in list(types) for t in roles[name].implies_with_value]
        if roles[event.type].needs == "term" and not term:
            return  # "sentenced" without a term states a conviction only through that verb's own entry
        for name, needs_value in types:
            spec = roles[name]
            value = self.value(event, spec.value, term)
            if needs_value and not value:
                continue
            obj = self.object(event, spec.object)
            date, place = self.date(event), self.place(event)
            each = self._respective(event, value, term)
            if value == term:
                each.update({slot.cluster: found for slot, found in gapped.items()})
            for p in event.patients:
                yield Fact(spec.fact or name, p.cluster, self.tree.sentence.start, self.tree.sentence.end,
                           object=obj.cluster if obj is not None and obj.cluster != p.cluster else None,
                           value=each.get(p.cluster, value), date=date, place=place)
        yield from self._rulings(event, term)

    def _rulings(self, event: Event, term: str | None) -> Iterator[Fact]:
        """"Judge A sentenced B to five years", "the X court convicted B", "B was sentenced by
        the X court": a judge or a court that sentences, convicts, acquits or fines someone, or
        a court that remands them, ordered it ("ordered" with the one ruled on and what was
        ruled). A judge counts only as the active subject; "by A" may be a witness's account."""
        t = self.tree
        if event.type not in _RULED and event.type != "detention":
            return
        active = bool(t.kids(event.trigger, "nsubj")) and not t.marked_passive(event.trigger)
        courts = [a for a in event.agents if a.cluster in self.ctx.courts]
        if not courts and len(self.ctx.courts) == 1 and self._bare_court(event.trigger):
            courts = [Slot("organization", self.ctx.courts[0], -1, -1)]  # "the court": the document's one court
        judges = [a for a in event.agents if a.label == "person"] if active and event.type in _RULED else []
        verb = t.head(event.trigger)
        if t.tokens[event.trigger].pos in NOUN_POS and t.dep(event.trigger) == "dobj" \
                and t.lemma(verb) in _PRONOUNCING and not t.marked_passive(verb):
            # "Judge A announced the verdict in B's case", "the X court handed down B's sentence"
            phrase = [j for n in t.kids(verb, "nsubj") for j in t.subtree(n, ("relcl", "acl", "prep"))]
            said = [s for j in phrase for s in [t.slot_at[j]] if s is not None]
            if any(t.lower(j) in judge_words() for j in phrase):  # a judge, not a lawyer reading it out
                judges += [s for s in said if s.label == "person"]
            courts += [s for s in said if s.cluster in self.ctx.courts]
        ruled = f"{t.word(event.trigger)} {term}" if term else t.word(event.trigger)
        date, place = self.date(event), self.place(event)
        for ruler in unique_clusters(judges + courts):
            for p in event.patients:
                if p.cluster != ruler.cluster:
                    yield Fact("ordered", ruler.cluster, t.sentence.start, t.sentence.end,
                               object=p.cluster, value=ruled, date=date, place=place)

    def _bare_court(self, v: int) -> bool:
        """The one acting at ``v`` is a court the sentence does not name ("the court sentenced A",
        "A was fined by the court"), and the text speaks of no court it leaves unnamed."""
        t = self.tree
        who = t.prep_objects(v, "by") if t.marked_passive(v) else t.kids(v, "nsubj")
        definite = [w for w in who if t.slot_at[w] is None and t.lemma(w) in ("court", "tribunal")
                    and any(t.lower(d) in ("the", "this") for d in t.kids(w, "det"))]
        # "a foreign court sentenced A": a court the text never names, so "the court" may be it too
        return bool(definite) and not self.ctx.unnamed_court

    def _gapped_terms(self, event: Event) -> dict[Slot, str]:
        """"sentenced A to ten years, B to nine years, and C to seven", "A was sentenced to six
        years, B to five": with the verb left out of the later pairs, the small parser hangs
        names and "to" phrases anywhere, so they are paired by position: each "to" phrase with a
        term goes to the one person named between it and the one before (the first, in the
        passive, to the verb's subject)."""
        t, v = self.tree, event.trigger
        phrases = [(j, t.text[t.offset(j):t.offset(j) + 40]) for j in range(v + 1, len(t)) if t.lower(j) == "to"]
        tos = [(j, term) for j, phrase in phrases if _TO_TERM.match(phrase) and (term := sentence_term(phrase)) is not None]
        if len(tos) < 2:
            return {}
        out: dict[Slot, str] = {}
        previous = v
        for n, (j, term) in enumerate(tos):
            named = unique_clusters([slot for k in range(previous + 1, j) if (slot := t.slot_at[k]) is not None
                                     and slot.label == "person"])
            if not named and n == 0 and len(event.patients) == 1:
                named = event.patients
            if len(named) != 1:
                return {}
            out[named[0]] = term
            previous = j
        return out

    def _respective(self, event: Event, value: str | None, term: str | None) -> dict[int, str]:
        """"A and B were sentenced to six and five years": each person's own term, by the order
        of the names and of the numbers, when they are as many."""
        if not term or value != term or len(event.patients) < 2:
            return {}
        terms = respective_terms(self._after_trigger(event))
        people = sorted(event.patients, key=lambda p: p.start)
        if len(terms) != len(people):
            return {}
        return {p.cluster: found for p, found in zip(people, terms)}

    def _after_trigger(self, event: Event) -> str:
        t = self.tree
        return t.text[t.tokens[event.trigger].end:t.tokens[max(self.clause_tokens(event))].end][:200]

    def clause_tokens(self, event: Event) -> list[int]:
        return self.tree.subtree(event.clause, ("relcl", "ccomp", "parataxis"))

    def term(self, event: Event) -> str | None:
        t = self.tree
        end = t.tokens[max(self.clause_tokens(event))].end
        rest = t.text[t.tokens[event.trigger].end:t.sentence.end]
        for j in event.details:
            if t.dep(j) == "prep" and t.lower(j) not in ("to", "for", "of", "with"):
                continue
            stretch = t.text[t.offset(min(t.subtree(j))):end][:200]
            found = sentence_term(_CLAUSE_BREAK.split(stretch, maxsplit=1)[0])  # not "..., as he asked for two years"
            if found:
                if "suspended" not in found and re.match(r"[^.;]*\bsuspended\b", rest):
                    found += " suspended"  # "to two years, suspended": the clause the parser cut off
                return found
        if t.lemma(event.trigger) == "sentence":  # "sentenced ... to five years" the parser hung elsewhere
            after = t.text[t.tokens[event.trigger].end:t.sentence.end]
            to = re.search(r"\bto\b", after)
            if to:
                return sentence_term(after[to.start():to.start() + 120])
        if t.lemma(event.trigger) in SENTENCING_DETENTION_VERBS:  # "jailed A ... for seven years", hung elsewhere
            after = t.text[t.tokens[event.trigger].end:t.sentence.end]
            term = re.search(r"\bfor\s+(?:\S+\s+){1,4}?(?:years?|months?)\b", after[:120])
            if term and not re.search(r"[,;]", after[:term.start()]):
                return sentence_term(term.group()[4:])
        return None

    def value(self, event: Event, kinds: tuple[str, ...], term: str | None) -> str | None:
        for kind in kinds:
            if kind == "term" and term:
                return term
            if kind == "money":
                t = self.tree
                found = money(t.text[t.offset(event.trigger):t.tokens[max(self.clause_tokens(event))].end][:160])
                if found:
                    return found
            if kind == "offence":
                found = self.offence(event)
                if found:
                    return found
            if kind == "case_law":  # "questioned in a case under Article N": the law of that case
                t = self.tree
                clause = t.subtree(event.clause, ("relcl", "ccomp", "parataxis", "advcl", "conj"))
                law = self.law(event) if any(t.lemma(j) == "case" for j in clause) else None
                if law is not None:
                    return self.ctx.text[law.start:law.end]
            if kind == "named_charge":  # "convicted on charges of X", "detained on fraud charges"
                found = self.offence(event)
                if found and (re.search(r"\bcharges?\b", found) or self._charge_nouns(event)):
                    return found
            if kind == "charge":
                law = self.law(event)
                offence = self.offence(event)
                if law is not None:
                    law_text = self.ctx.text[law.start:law.end]
                    return f"{law_text} ({offence})" if offence and law_text not in offence else (offence or law_text)
                if offence:
                    return offence
        return None

    def _charge_nouns(self, event: Event) -> list[int]:
        """The charge nouns an event states: "faces charges", "on fraud charges"."""
        t = self.tree
        found = [d for d in event.details if t.lemma(d) in ("charge", "accusation")]
        for d in event.details:  # "on fraud charges", also hung lower: "to two years ... on fraud charges"
            if t.dep(d) == "prep":
                found += [o for j in t.subtree(d, ("relcl", "acl")) if t.dep(j) == "prep" and (j == d or t.lower(j) == "on")
                          for o in t.kids(j, "pobj") if t.lemma(o) == "charge"]
        return list(dict.fromkeys(found))

    def offence(self, event: Event) -> str | None:
        """What the event was for: "of fraud", "with extremism", "on charges of X", "for a post"."""
        t = self.tree
        heads = [event.trigger] + [d for d in event.details if t.tokens[d].pos == "ADJ"]  # "guilty of X"
        if t.lemma(event.trigger) in _ACCUSING_VERBS:
            heads += t.kids(event.trigger, "dobj")  # "accused A of X": the parser may hang "of X" on A
        included: list[int] = []
        for c in self._charge_nouns(event):  # "faces charges of fraud", "is on extremism charges"
            named = t.prep_objects(c, "of", "for", "under")
            if named:
                heads.append(c)
            else:
                kinds = [j for j in t.subtree(c, ("relcl", "prep")) if j < c and t.tokens[j].pos not in ("DET", "PRON", "PUNCT")
                         and t.lower(j) not in _COUNTING_WORDS]  # "several other charges" names no offence
                text = t.span_text(kinds).strip(QUOTE_MARKS + " ")
                if len(text) >= 4:
                    return text
                included += t.prep_objects(c, "including") + t.prep_objects(t.head(c), "including")
        # "charges were brought ..., including fraud": what the charges include
        for o in [o for h in heads for o in t.prep_objects(h, "of", "with", "for", "over", "on")] + included:
            if t.lemma(o) in ("year", "month", "day", "hour", "time") or t.slot_at[o] is not None:
                continue  # a term or a person ("the sentence of A"), not what it was for
            prep = t.head(o)
            if t.lower(prep) == "with" and (t.lower(t.head(prep)) in ("along", "together")
                                            or any(t.lower(k) == "together" for k in t.kids(t.head(prep), "advmod"))):
                continue  # "charged together with her colleagues": who else was, not what for
            if t.lower(t.head(o)) == "on" and t.lemma(o) not in ("charge", "charges", "accusation", "suspicion"):
                continue  # "on Friday", "on the square": not an offence
            named = t.prep_objects(o, "of") if t.lemma(o) in ("charge", "charges", "accusation", "suspicion") else []
            if named:  # "on charges of X": the charge is X
                o = named[0]
            toks = t.subtree(o, ("relcl",))  # "charges of X" stays whole: it names the charge
            text = re.sub(r"\s*\([^)]*\)?\s*$", "", t.span_text(toks))  # the law in brackets is the law's
            text = re.sub(r"(?:\s*,)?\s+(?:and|or|but)$", "", text.strip(" ,;(" + QUOTE_MARKS)).strip(" ,;")
            if text.count('"') % 2 or text.count("“") != text.count("”"):
                text = re.sub(r'["“”]', "", text)  # "of "spreading lies": the quote closes outside the phrase
            if len(text) >= 4 and not text[0].isdigit() and t.tokens[o].pos != "PRON":
                prep = t.head(o)
                return (t.word(prep) + " " + text if t.lower(prep) == "on" else text)[:160]
        return None

    def law(self, event: Event) -> Slot | None:
        t = self.tree
        for j in t.subtree(event.clause, ("relcl", "ccomp", "parataxis", "advcl", "conj")):
            slot = t.slot_at[j]
            if slot is not None and slot.label == "law":
                return slot
        clause_verbs = {event.clause} | set(t.ancestors(event.clause))
        laws = {}
        for j, slot in enumerate(t.slot_at):  # a law the parser hung on the same governing verb
            if slot is not None and slot.label == "law":
                verb = next((a for a in t.ancestors(j) if t.tokens[a].pos in VERB_POS), None)
                if verb is None or verb in clause_verbs:
                    laws[slot.cluster] = slot
        return next(iter(laws.values())) if len(laws) == 1 else None

    def object(self, event: Event, kinds: tuple[str, ...]) -> Slot | None:
        t = self.tree
        for kind in kinds:
            if kind == "agent" and event.agents:
                return event.agents[0]
            if kind == "to_body":
                for o in t.prep_objects(event.trigger, "to", "by"):
                    slot = t.mention(o, ("organization",))
                    if slot is not None:
                        return slot
            if kind == "court":
                for o in t.prep_objects(event.trigger, "in", "by", "at", "before"):
                    slot = t.mention(o, ("organization",))
                    if slot is not None:
                        return slot
                orgs = [a for a in event.agents if a.label == "organization"]
                if orgs:
                    return orgs[0]
            if kind == "law":
                law = self.law(event)
                if law is not None:
                    return law
            if kind == "offence_body":
                heads = [event.trigger] + [d for d in event.details if t.tokens[d].pos == "ADJ"]
                for o in [o for h in heads for o in t.prep_objects(h, "of", "for")]:
                    bodies = [s for j in t.subtree(o, ("relcl",)) for s in [t.slot_at[j]]
                              if s is not None and s.label == "organization"]
                    if bodies:
                        return bodies[-1]
        return None

    def date(self, event: Event) -> str | None:
        t = self.tree
        toks = self.clause_tokens(event)
        lo, hi = t.offset(min(toks)), t.tokens[max(toks)].end
        inside = {t.offset(j) for j in toks}
        found = [d for d in self.ctx.dates_in(t.sentence.start, t.sentence.end)
                 if lo <= d[0] < hi and any(d[0] <= s < d[1] for s in inside)]
        trig = t.offset(event.trigger)
        if not found:  # the parse hung the date elsewhere: the sentence's date nearest before the trigger,
            # unless it stands in a clause or phrase of its own ("A, who was elected on 3 May, was
            # detained"; "sentenced after the coup in May")
            elsewhere = {t.offset(j) for j in range(len(t)) if self._in_other_clause(j, event)}
            found = [d for d in self.ctx.dates_in(t.sentence.start, t.sentence.end)
                     if (d[0] <= trig or t.dep(event.clause) == "ROOT")
                     and not any(d[0] <= s < d[1] for s in elsewhere)]
        if not found:
            return None
        return min(found, key=lambda d: abs(d[0] - trig) + (0 if d[0] <= trig else 40))[2]

    def _in_other_clause(self, j: int, event: Event) -> bool:
        """Token ``j`` lies in a relative clause, a participle or an after/before phrase that is
        not the event's own."""
        t = self.tree
        own = {event.trigger, event.clause}
        for a in [j, *t.ancestors(j)]:
            if a in own:
                return False
            if t.dep(a) in ("relcl", "acl", "advcl", "ccomp", "parataxis"):
                return True
            if t.dep(a) == "pobj" and t.lower(t.head(a)) in ("after", "before", "following", "since", "until") \
                    and t.tokens[a].pos in ("NOUN", "PROPN") and not any(
                        d[0] <= t.offset(a) < d[1] for d in self.ctx.dates_in(t.sentence.start, t.sentence.end)):
                return True
        return False

    def place(self, event: Event) -> int | None:
        t = self.tree
        heads = [event.trigger] + ([event.clause] if event.clause != event.trigger else [])
        for h in heads:
            for o in t.prep_objects(h, "in", "at", "near", "outside"):
                slot = t.mention(o, ("location",))
                if slot is not None:
                    return slot.cluster
        return None


def justice_facts(tree: SentenceTree, ctx: DocContext) -> Iterator[Fact]:
    """Every justice fact of one parsed sentence."""
    builder = FactBuilder(tree, ctx)
    for event in EventReader(tree, ctx).events():
        yield from builder.facts(event)
