"""Relations between people and bodies, read off the parse: position, member_of, family,
subordinate_of, ordered, testified, retracted_testimony, complained_against, appeal.

Posts, memberships and kinship are stated by the noun phrase around a name: an apposition ("A,
the head of B" / "the head of B, A"), a title before the name ("Minister A", "B's chief A"), a
copula ("A is the head of B", "A was appointed head of B") or a verb of the post ("A heads B").
The noun decides the relation: a kinship word gives family, a superior word with a person's
possessive gives subordinate_of, a membership word with a body gives member_of, a role word a
position. Orders, testimony, complaints and appeals are verbs and nouns with their arguments.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources

from casefile.extract.facts.context import DocContext
from casefile.extract.facts.justice import NOUN_POS, VERB_POS, Event, EventReader, FactBuilder, unique_clusters
from casefile.extract.facts.tree import SentenceTree, Slot
from casefile.models import Fact
from casefile.nlp import lexicons, names
from casefile.nlp.keys import fold

BODIES = ("organization", "location")
MODIFIER_DEPS = ("amod", "compound", "nmod", "nummod")
OBJECT_PREPS = ("of", "at", "for", "in", "with", "to")
# the side of a case that appeals against the defendant
_PROSECUTION = frozenset({"prosecution", "prosecutor", "prosecutors", "prosecutor's", "procuracy"})
# who hears a statement made in court ("told the court", "said to the judge")
_HEARERS = frozenset({"court", "judge", "jury", "tribunal", "panel"})


@cache
def justice_words() -> frozenset[str]:
    """Every verb of the justice lexicon ("a detained activist" names no post)."""
    return frozenset(w for entry in lexicons.justice_events().values() for w in entry.get("verbs", ()))  # type: ignore[union-attr]


@cache
def justice_set(event: str, key: str) -> frozenset[str]:
    """One word list of an event of the justice lexicon (the verbs of "ordered"), as a set."""
    return frozenset(lexicons.justice_events()[event].get(key, ()))  # type: ignore[union-attr]


@cache
def justice_nouns() -> frozenset[str]:
    """Every noun of the justice lexicon ("the detention", "a complaint")."""
    return frozenset(w for entry in lexicons.justice_events().values() for w in entry.get("nouns", ()))  # type: ignore[union-attr]


@cache
def table() -> dict[str, dict[str, object]]:
    """relations.toml."""
    return tomllib.loads(resources.files(__package__).joinpath("relations.toml").read_text(encoding="utf-8"))


@cache
def subordinate_forms() -> frozenset[str]:
    """Every form of the subordinate words: the small model may leave a plural unlemmatised
    ("subordinates")."""
    return frozenset(f for w in lexicons.load("subordinate_words") for f in lexicons.inflections(w))


class RelationReader:
    """Reads the relations one parsed sentence states."""

    def __init__(self, tree: SentenceTree, ctx: DocContext) -> None:
        self.tree = tree
        self.ctx = ctx
        self.events = EventReader(tree, ctx)
        self.roles = lexicons.role_words()
        self.kin = lexicons.kinship_words()
        self.superiors = lexicons.superior_words()
        self.subordinates = subordinate_forms()
        self.membership = lexicons.membership_words()
        self.events_nouns = justice_nouns()
        self._builder: FactBuilder | None = None

    def fact(self, type_: str, subject: Slot, obj: Slot | None = None, value: str | None = None,
             trigger: int | None = None) -> Fact:
        """A fact whose evidence is this sentence; an event's date from the trigger's clause."""
        s = self.tree.sentence
        date = None
        if trigger is not None:
            self._builder = self._builder or FactBuilder(self.tree, self.ctx)
            date = self._builder.date(Event(type_, trigger, [], trigger))
        return Fact(type_, subject.cluster, s.start, s.end,
                    object=obj.cluster if obj is not None and obj.cluster != subject.cluster else None, value=value,
                    date=date)

    def facts(self) -> Iterator[Fact]:
        """Every relation of the sentence."""
        yield from self.described_people()
        yield from self.representatives()
        yield from self.post_verbs()
        yield from self.membership_verbs()
        yield from self.orders()
        yield from self.testimony()
        yield from self.complaints()
        yield from self.appeals()

    # -- the noun phrase around a name -------------------------------------------------------------
    def person_heads(self) -> list[tuple[int, Slot]]:
        """The head token of each person mention: the one whose head lies outside the mention."""
        t = self.tree
        out = []
        for i, slot in enumerate(t.slot_at):
            if slot is not None and slot.label == "person" and (t.head(i) == i or t.slot_at[t.head(i)] is not slot):
                out.append((i, slot))
            elif slot is None and t.is_pronoun(i) and t.dep(i) in ("nsubj", "nsubjpass"):  # "he is a member of B"
                found = self.ctx.resolve_pronoun(t.offset(i), t.lower(i))
                out += [(i, r) for r in (found if t.lower(i) == "they" else found[:1])]  # "they are members of B"
            elif slot is None and t.lower(i) in ("all", "each", "both") and t.tokens[i].pos in ("PRON", "DET") \
                    and t.dep(i) in ("nsubj", "nsubjpass"):  # "all of them are members of B"
                out += [(i, r) for o in t.prep_objects(i, "of") if t.lower(o) == "them"
                        for r in self.ctx.resolve_pronoun(t.offset(o), "them", True)]
        return out

    def _subject_phrase(self, d: int) -> bool:
        """The phrase at ``d``, read as an apposition, runs straight into a speech verb with no comma
        ("…a post about A, a paper's reporter and his lawyer said"): it is that verb's subject."""
        t = self.tree
        j = max([d, *t.subtree(d, ())]) + 1
        for j in range(j, min(len(t), j + 4)):  # past a few words joined to it ("and his lawyer")
            if t.tokens[j].tag in ("VBD", "VBZ", "VBP"):
                return t.lemma(j) in lexicons.speech_verbs()  # not "A, an activist and member of B was held"
            if t.word(j) in (",", ";", ".", ":", "(", ")") or t.tokens[j].pos in ("VERB", "AUX", "ADP"):
                return False
        return False

    def descriptors(self, p: int) -> list[tuple[int, bool]]:
        """Nouns describing the person at token ``p``, each with whether it is a title before the
        name (whose possessive may sit on the name: "B's chief A"). A pronoun is described only
        by a copula ("he is a member of B"), not by what the parser hangs on it."""
        t = self.tree
        if t.slot_at[p] is None:
            return self._copula_descriptors(p, t.head(p) if t.dep(p) in ("nsubj", "nsubjpass") else None)
        out = [(d, False) for d in t.kids(p, "appos") if not self._subject_phrase(d)]
        out += [(c, False) for d, _ in list(out) for o in t.prep_objects(d, "of", "at", "for")
                for c in t.kids(o, "conj") if t.slot_at[c] is None and names.is_role_word(t.word(c))]
        # "A, a deputy of B and head of C": the parser hangs the second post on the first body
        first = p
        while t.dep(first) == "conj" and t.head(first) != first:
            first = t.head(first)
        for member in t.conjuncts(first):  # "A and B, the daughters of C": a plural apposition of the list
            if member != p:
                out += [(d, False) for d in t.kids(member, "appos") if t.tokens[d].tag in ("NNS", "NNPS") and d > p]
        if first != p and t.dep(first) == "appos" and t.tokens[t.head(first)].tag == "NNS":
            out.append((t.head(first), False))  # "judges A (presiding), B and C": B and C are judges too
        if first != p:  # "by judges A, B and C": the plural title before the first name is every one's
            out += [(d, True) for d in t.kids(first, "compound", "amod", "nmod") if t.tokens[d].tag == "NNS"
                    and t.slot_at[d] is None and d < first]
            if t.slot_at[first] is None and t.tokens[first].tag == "NNS":
                out.append((first, True))  # the parser made the later names conjuncts of the title itself
        head = t.head(p)
        if t.dep(p) == "appos" and (t.tokens[head].tag == "NNS" or not self._describes_another(head, p)) \
                and not t.lone_apposition(head, p):  # a plural noun describes every name in apposition
            out.append((head, False))  # "the head of B, A" (but in a list, the noun is the first name's)
        if t.dep(p) == "appos" and t.slot_at[head] is not None and t.dep(head) == "pobj":
            out.append((t.head(t.head(head)), False))  # "the wife of B, A": the parser hangs A on B
        if t.dep(p) in ("compound", "nmod") and head > p:
            out.append((head, False))  # "A - head of B": the parser makes the name a modifier of the noun
        out += [(d, True) for d in t.kids(p, *MODIFIER_DEPS) if t.slot_at[d] is None]
        verb = head if t.dep(p) in ("nsubj", "nsubjpass") else None
        if t.dep(p) == "attr" or (t.dep(p) == "appos" and t.dep(head) == "attr"):  # "the claimant was A"
            copula = head if t.dep(p) == "attr" else t.head(head)
            out += [(d, False) for d in t.kids(copula, "nsubj") if t.lemma(copula) == "be"]
        for rel in t.kids(p, "relcl"):  # "A, who is the head of B"
            if any(t.lower(s) in ("who", "that") for s in t.kids(rel, "nsubj", "nsubjpass")):
                verb = rel
        out += self._copula_descriptors(p, verb)
        return [(d, before) for d, before in out if t.tokens[d].pos in NOUN_POS and t.slot_at[d] is None]

    def _copula_descriptors(self, p: int, verb: int | None) -> list[tuple[int, bool]]:
        """"A is the head of B", "A served as head of B", "A was appointed head of B"."""
        t = self.tree
        copulas = table()["copula_verbs"]["verbs"]  # type: ignore[index]
        if verb is None or t.lemma(verb) not in copulas or self.events.unreal(verb):
            return []
        out = [(d, False) for d in t.kids(verb, "attr", "oprd", "acomp")]
        out += [(d, False) for d in t.prep_objects(verb, "as")]
        out += [(d, False) for x in t.kids(verb, "xcomp", "ccomp", "advcl") for d in [x] + t.kids(x, "attr")
                if t.tokens[d].pos in NOUN_POS]  # "was elected to be the leader of B"
        return [(d, before) for d, before in out if t.tokens[d].pos in NOUN_POS and t.slot_at[d] is None]

    def positional(self, slot: Slot) -> list[int]:
        """Role nouns next to a name across a comma, a dash or a colon, where the small parser often
        attaches them elsewhere: "A, senior analyst at B", "A - head of B", "judge - A",
        "prosecutors: A and C". The window stops at a verb, another name or a clause break."""
        t = self.tree
        idx = [i for i in range(len(t)) if t.slot_at[i] is slot]
        out: list[int] = []
        if not idx:
            return out  # a person a pronoun stands for
        j = idx[-1] + 1
        if j < len(t) and t.word(j) in (",", "-", "–", "—"):
            found = None
            for k in range(j + 1, min(len(t), j + 9)):
                other = t.slot_at[k]
                if (other is not None and other.label == "person") or t.tokens[k].pos in ("VERB", "AUX") \
                        or t.word(k) in (",", ";", ".", "(", ")", ":") or t.lower(k) in ("who", "which", "that"):
                    break
                if t.tokens[k].pos in NOUN_POS and other is None:
                    found = k if self._describing_word(k) else None  # "the owner's friend": a friend
                elif found is not None and t.tokens[k].pos == "ADP":
                    break
            if found is not None and not (t.dep(found) in ("nsubj", "nsubjpass") and t.head(found) > found) \
                    and not self._subject_phrase(found):
                out.append(found)  # not "…a post about A, a paper's reporter said": the verb's subject
        before = self._role_before(idx[0])
        if before is not None:
            out.append(before)
        return out

    def _role_before(self, first: int) -> int | None:
        """A role noun in the stretch right before a name: "the presiding judge A", "vice-rector
        of the state university A", "Deputy Head of B, A", "prosecutors - A and C". The stretch
        ends at a verb, a clause mark, a conjunction, another name; across a comma only when the
        name is closed by punctuation too ("Head of B, A, said") and no preposition opens it."""
        t = self.tree
        j = first - 1
        while j >= 0 and (t.lower(j) in (",", "and") or (t.slot_at[j] is not None and t.slot_at[j].label == "person")):
            if t.lower(j) in (",", "and") and j + 1 < len(t) and t.slot_at[j + 1] is None:
                break
            j -= 1  # back over the earlier names of a list: "prosecutors - A and C"
        if j >= 1 and t.word(j) in ("-", "–", "—", ":"):
            return j - 1 if t.tokens[j - 1].pos in NOUN_POS and self._describing_word(j - 1) else None
        j = first - 1
        while j >= 0 and names.is_honorific(t.word(j).rstrip(".")):
            j -= 1
        if j >= 0 and t.tokens[j].pos == "ADP":
            return None  # "the lawyer of A": A is no lawyer
        comma = j >= 0 and t.word(j) == ","
        closed = True
        if comma:
            after = first
            while after < len(t) and t.slot_at[after] is t.slot_at[first]:
                after += 1
            closed = after >= len(t) or t.word(after) in (",", ".", ")", ";")
            j -= 1
        for k in range(j, max(-1, j - 8), -1):
            other = t.slot_at[k]
            if (other is not None and other.label == "person") or t.tokens[k].pos in ("VERB", "AUX", "CCONJ", "PRON") \
                    or t.word(k) in (",", ";", ".", ":", "(", ")", "“", "”", '"'):
                return None
            if other is None and t.tokens[k].pos in NOUN_POS and self._describing_word(k):
                opener = k - 1
                while opener >= 0 and t.tokens[opener].pos in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and t.slot_at[opener] is None:
                    opener -= 1
                if comma and opener >= 0 and t.tokens[opener].pos == "ADP":
                    return None  # "according to the judge, A said"
                if comma and not closed and opener >= 0:
                    return None  # "..., the lawyer, A said": only a phrase opening the sentence may run on
                return k
        return None

    def _called_witness(self, person: Slot) -> bool:
        """"a witness, A", "a second witness, an accountant at B, A": the words before the
        name, back to a verb or another name, call the person a witness."""
        t = self.tree
        idx = [i for i, s in enumerate(t.slot_at) if s is person]
        if not idx:
            return False
        for k in range(idx[0] - 1, max(-1, idx[0] - 14), -1):
            other = t.slot_at[k]
            if (other is not None and other.label == "person") or t.tokens[k].pos in ("VERB", "AUX") or t.word(k) in (".", ";"):
                return False
            if t.lemma(k) == "witness":
                return True
        return False

    def _describing_word(self, k: int) -> bool:
        word = self.head_word(k)
        base = word.split("-")[0]
        return word in self.roles or base in self.roles or base in self.kin or word in self.membership \
            or word in self.subordinates

    def positional_body(self, d: int) -> Slot | None:
        """The body after a role noun in the same stretch: "researcher at B", "head of the NGO B"."""
        t = self.tree
        for k in range(d + 1, min(len(t), d + 14)):
            if t.word(k) in (",", ";", ".") or (t.tokens[k].pos in ("VERB", "AUX") and t.tokens[k].tag != "VBN"):
                return None
            slot = t.slot_at[k]
            if slot is not None:
                return slot if slot.label in BODIES and t.lower(d + 1) in OBJECT_PREPS else None
        return None

    def _describes_another(self, d: int, p: int) -> bool:
        """The noun already describes another person named before ``p`` (as a modifier or apposition)."""
        t = self.tree
        return any(c < p and t.slot_at[c] is not None and t.slot_at[c].label == "person"
                   and t.slot_at[c] is not t.slot_at[p] for c in t.kids(d, "compound", "nmod", "appos"))

    def role_phrase(self, d: int) -> str:
        """The noun with the words before it in its phrase: "former deputy head", "well-known
        activist", "press secretary" (not determiners, possessors, names or justice verbs)."""
        t = self.tree
        left = [j for j in t.subtree(d, ("prep", "relcl", "acl", "appos", "conj", "cc", "poss")) if j < d]
        start = d
        for j in sorted(left, reverse=True):
            place_based = t.slot_at[j] is not None and t.slot_at[j].label == "location" and t.word(j + 1) == "-"
            if j != start - 1 or (t.slot_at[j] is not None and not place_based) \
                    or t.tokens[j].pos in ("DET", "PRON", "NUM", "PUNCT") and t.word(j) != "-" \
                    or (t.tokens[j].pos in ("VERB", "AUX") and (
                        t.tokens[j].tag not in ("VBG", "VBN") or t.lemma(j) in justice_words())):
                break  # a name is no part of a role, but a place is in "Shymkent-based blogger"
            start = j
        while start < d and t.word(start) in ("-", "–"):
            start += 1
        while start < d and t.lower(start) in ("year", "years", "old", "-"):
            start += 1  # "45-year-old activist": an age, no part of the post
        end = t.tokens[d].end
        tail = re.match(r"-(?:in-(?:chief|law)|general|elect|at-large)\b", t.text[end:end + 12], re.IGNORECASE)
        if t.tokens[d].tag == "NNS" and not tail:  # "journalists A and B": each one is a journalist
            phrase = t.text[t.offset(start):t.offset(d)] + t.lemma(d)
            return phrase if start < d or not t.word(d)[:1].isupper() else phrase[:1].upper() + phrase[1:]
        return t.text[t.offset(start):end + (tail.end() if tail else 0)]

    def head_word(self, d: int) -> str:
        """The noun's lemma, with "-in-law" and "-in-chief" compounds kept ("son-in-law")."""
        t = self.tree
        lemma = t.lemma(d)
        after = t.text[t.tokens[d].end:t.tokens[d].end + 9].lower()
        for tail in ("-in-law", "-in-chief", "-general"):
            if after.startswith(tail):
                return lemma + tail
        return lemma

    def body_of(self, d: int, p: int, before: bool) -> Slot | None:
        """The organisation or country a post is in: "head of B", "B's head", "B chief A", "the
        interpreter, A, for B", "an economist and employee of B" (the body of a coordinated post)."""
        t = self.tree
        shared = [o for c in t.kids(d, "conj") if t.tokens[c].pos == "NOUN" and t.slot_at[c] is None
                  for o in t.prep_objects(c, *OBJECT_PREPS)]
        for o in t.prep_objects(d, *OBJECT_PREPS) + (t.prep_objects(p, "for", "at") if p != d else []) + shared:
            slot = t.mention(o, BODIES)
            owner = next((m for q in t.kids(o, "poss") for m in [t.mention(q, ("organization",))] if m), None)
            if owner is not None and (slot is None or slot.label == "location"):
                slot = owner  # "head of B's Asia desk": B, not Asia
            if slot is None:  # "head of the press service of B"
                slot = next((t.mention(q, BODIES) for q in t.prep_objects(o, "of") if t.mention(q, BODIES)), None)
            if slot is not None:
                return slot
        for o in t.prep_objects(d, "from"):  # "a lawmaker from the X party" (not "a lawyer from B town")
            slot = t.mention(o, ("organization",))
            if slot is not None and slot.cluster in self.ctx.parties:
                return slot
        holders = t.kids(d, "poss", "compound", "nmod") + (t.kids(p, "poss", "compound", "nmod") if before else [])
        if t.dep(d) == "conj" and t.tokens[t.head(d)].pos in ("NOUN", "PROPN"):  # "B executives and employees": B's both
            holders += t.kids(t.head(d), "poss", "compound", "nmod")
        holders += [q for h in holders for q in t.kids(h, "poss")]  # "B's Europe coordinator": B owns the region's post
        found = [slot for h in holders for slot in [t.mention(h, BODIES)]
                 if slot is not None and t.slot_at[h] is not t.slot_at[p]]
        if found:  # "B's Europe and Central Asia coordinator": the body before the region
            return next((f for f in found if f.label == "organization"), found[0])
        return self.positional_body(d)

    def relative_of(self, d: int, p: int | None = None, possessive: bool = False) -> list[Slot]:
        """Whose kin or superior the noun names: "A's son", "his wife", "the son of A"; with a
        title before a name, the possessive may hang on the name ("her [former chief] A").
        ``possessive``: only a possessor ("his deputy", not "a deputy of the council")."""
        t = self.tree
        out: list[Slot] = []
        own = t.kids(p, "poss") if p is not None and t.head(d) == p else []
        for h in t.kids(d, "poss") + ([] if possessive else t.prep_objects(d, "of")) + own:
            if t.lower(h) == "whose":  # "A, whose son B ...": A
                clause = next((a for a in t.ancestors(h) if t.dep(a) == "relcl"), None)
                if clause is not None:
                    out += self.events.people(t.head(clause), ("person",))
                continue
            if t.lower(h) in ("his", "her", "their", "my"):
                out += self.ctx.resolve_pronoun(t.offset(h), t.lower(h))
                continue
            if t.slot_at[h] is None and t.lemma(h) in lexicons.case_roles() and len(set(self.ctx.defendants)) == 1:
                out.append(Slot("person", self.ctx.defendants[-1], t.offset(h), t.offset(h)))
                continue  # "the defendant's daughter": of the one person the text told a case against
            out += self.events.people(h, ("person",))
        return out

    def described_people(self) -> Iterator[Fact]:
        """Posts, memberships, kinship and superiors stated around each person's name."""
        t = self.tree
        seen: set[tuple[str, int, int | None]] = set()
        for p, person in self.person_heads():
            if self._called_witness(person):
                self.ctx.witnesses.add(person.cluster)
            found = self.descriptors(p) + [(d, False) for d in self.positional(person)]
            found += [(c, before) for d, before in found for c in t.kids(d, "conj")  # "executives and employees A, B"
                      if t.tokens[c].pos == "NOUN" and t.slot_at[c] is None and self._describing_word(c)]
            for h in t.kids(p, "poss"):  # "the X party's A": one of its people
                body = t.slot_at[h]
                if body is not None and body.label == "organization" and body.cluster in self.ctx.parties \
                        and ("member_of", person.cluster, body.cluster) not in seen:
                    seen.add(("member_of", person.cluster, body.cluster))
                    yield self.fact("member_of", person, body, "member")
            for d, before in dict.fromkeys(found):
                word = self.head_word(d)
                fact = self._relation(p, person, d, word, before)
                if fact is not None and (fact.type, fact.subject, fact.object) not in seen:
                    seen.add((fact.type, fact.subject, fact.object))
                    yield fact
                    post = (fact.value or "").lower().split()[-1:]  # "the chairman of the X party": its member
                    party = fact.type == "position" and fact.object in self.ctx.parties \
                        and bool(post) and post[0] in lexicons.load("party_post_words")
                    if party and ("member_of", fact.subject, fact.object) not in seen:  # a party's post: one of its people
                        seen.add(("member_of", fact.subject, fact.object))
                        yield self.fact("member_of", person, Slot("organization", fact.object, 0, 0), fact.value)
                    for body in self._bodies_with(fact):  # "a member of B and the C Party": of both
                        if (fact.type, fact.subject, body.cluster) not in seen:
                            seen.add((fact.type, fact.subject, body.cluster))
                            yield self.fact(fact.type, person, body, fact.value)
                    if fact.type in ("position", "member_of") and not self._in_brackets(d):  # "A and B, members of C"
                        for q in t.kids(p, "conj"):
                            other = t.slot_at[q]
                            if other is not None and other.label == "person":
                                yield self.fact(fact.type, other, self.body_of(d, p, before), fact.value)

    def _bodies_with(self, fact: Fact) -> list[Slot]:
        """The bodies coordinated with a post's or membership's body ("B and C")."""
        t = self.tree
        if fact.type not in ("position", "member_of") or fact.object is None:
            return []
        own = [j for j, s in enumerate(t.slot_at) if s is not None and s.cluster == fact.object and s.label in BODIES]
        found = [t.slot_at[c] for j in own for c in t.kids(j, "conj")
                 if t.slot_at[c] is not None and t.slot_at[c].label == "organization"]
        if own:  # read by position too: "B (ACR) and the “C” Party", which the small parser often hangs elsewhere
            k = max(own) + 1
            if k < len(t) and t.word(k) == "(":
                k = next((i + 1 for i in range(k, min(len(t), k + 6)) if t.word(i) == ")"), k)
            elif k < len(t) and t.word(k) == ")":  # the acronym in brackets is a mention of the body too
                k += 1
            if k < len(t) and t.lower(k) == "and":
                k += 1
                while k < len(t) and (t.lower(k) == "the" or t.word(k) in ('"', "“", "”", "'", "«")):
                    k += 1
                if k < len(t) and t.slot_at[k] is not None and t.slot_at[k].label == "organization":
                    found.append(t.slot_at[k])
        return unique_clusters([s for s in found if s.cluster != fact.object])

    def _in_brackets(self, d: int) -> bool:
        """The noun stands in brackets ("A (presiding judge), B and C"): it describes one name only."""
        t = self.tree
        first = min(t.subtree(d))
        return first > 0 and t.word(first - 1) == "("

    def represented(self) -> list[tuple[Slot, Slot]]:
        """"A from B", "A and C from B": people named as coming from a body (its representatives)."""
        t = self.tree
        out = []
        def bodies_of(tokens: list[int]) -> list[Slot]:
            return [s for j in tokens for o in t.prep_objects(j, "from") for s in [t.mention(o, ("organization",))] if s]

        for _i, person in self.person_heads():
            own = [j for j, s in enumerate(t.slot_at) if s is person]
            group = t.coordinated(person)
            later = [j for j, s in enumerate(t.slot_at) if s in group and s.start >= person.start]
            # its own "from B"; else the one the names coordinated after it share ("A and C from B")
            bodies = bodies_of(own) or [b for b in bodies_of(later)][:1]
            body = bodies[0] if bodies else self._from_after(max(own) if own else None)
            if body is not None:
                out.append((person, body))
        return out

    def _from_after(self, last: int | None) -> Slot | None:
        """"A from the foundation “B”" read by position, where a long list defeats the parser: "from",
        then a few words of kind, then the body, with no comma or verb in between."""
        t = self.tree
        if last is None or last + 1 >= len(t) or t.lower(last + 1) != "from":
            return None
        for k in range(last + 2, min(len(t), last + 9)):
            slot = t.slot_at[k]
            if slot is not None:
                return slot if slot.label == "organization" else None
            if t.word(k) in (",", ";", ".") or t.tokens[k].pos in ("VERB", "AUX"):
                return None
        return None

    def _relation(self, p: int, person: Slot, d: int, word: str, before: bool) -> Fact | None:
        base = word.split("-")[0] if word.endswith("-in-law") else word
        if word == "witness":  # what a witness says is testimony (see facts.witness_statements)
            self.ctx.witnesses.add(person.cluster)
        if base in self.kin:
            t = self.tree
            if t.tokens[d].tag == "NNS" and len(t.coordinated(person)) < 2 and not t.kids(d, "nummod"):
                return None  # "the daughters of A" stands by two people, not by the one name after it
            relatives = [r for r in self.relative_of(d, p) if r.cluster != person.cluster]
            return self.fact("family", person, relatives[0], word) if relatives else None
        if word in ("claimant", "complainant", "plaintiff") and self.ctx.defendants:
            against = [c for c in self.ctx.defendants if c != person.cluster]  # the case the text tells
            if against:
                return self.fact("complained_against", person, Slot("person", against[-1], 0, 0), word)
        if word in self.superiors or word in self.subordinates:
            others = [r for r in self.relative_of(d, p, possessive=word in self.subordinates)
                      if r.cluster != person.cluster and r.label == "person"]
            if others and word in self.superiors:  # "her chief A": she is A's subordinate
                return self.fact("subordinate_of", others[0], person, self.role_phrase(d))
            if others:  # "his deputy A": A is his subordinate
                return self.fact("subordinate_of", person, others[0], self.role_phrase(d))
        body = self.body_of(d, p, before)
        if word in self.membership and body is not None:
            if any(self.tree.lemma(c) == "staff" for c in self.tree.kids(d, "compound", "amod", "nmod")):
                return self.fact("position", person, body, self.role_phrase(d))  # "a staff member at B": a post
            return self.fact("member_of", person, body, word)
        if (word.split("-")[0] in self.roles or word in self.roles) and word not in lexicons.case_roles():
            phrase = self.role_phrase(d)
            if body is None:
                body = self._body_after_name(person)
            portfolio = self._portfolio(d) if word == "minister" else None
            if portfolio is not None:  # "the Minister of Water Resources A": of the ministry the text names
                phrase = f"{phrase} of {portfolio[0]}"
                body = body or portfolio[1]
            if body is None and self.ctx.country is not None and self._national(phrase):
                body = Slot("location", self.ctx.country, 0, 0)  # "President A": of the document's country
            return self.fact("position", person, body, phrase)
        return None

    def _portfolio(self, d: int) -> tuple[str, Slot | None] | None:
        """What a minister at token ``d`` is minister of ("Minister of Water Resources"), and the
        ministry of that name the document names ("Ministry of Water Resources", "Water
        Resources Ministry"), if any. The field is the capitalised words after "of", up to a name."""
        t = self.tree
        k = d + 1
        if k >= len(t) or t.lower(k) not in ("of", "for"):
            return None
        k += 1 + (k + 1 < len(t) and t.lower(k + 1) == "the")
        words: list[str] = []
        while k < len(t) and t.slot_at[k] is None and (t.word(k)[:1].isupper() or (words and t.lower(k) == "and")):
            words.append(t.word(k))
            k += 1
        while words and words[-1] == "and":
            words.pop()
        if not words:
            return None
        field = " ".join(words)
        wanted = {fold(f"ministry of {field}"), fold(f"{field} ministry")}
        ministry = next((c for c, name in self.ctx.names.items() if fold(name) in wanted), None)
        return field, Slot("organization", ministry, 0, 0) if ministry is not None else None

    def _national(self, phrase: str) -> bool:
        words = table()["national_posts"]["words"]  # type: ignore[index]
        lowered = re.sub(r"^(?:first|former|late|then|current|incumbent|acting)\s+", "", phrase.lower())
        return lowered in words

    def _body_after_name(self, person: Slot) -> Slot | None:
        """"an interpreter, A, for B": a body in a phrase right after the name."""
        t = self.tree
        idx = [i for i, s in enumerate(t.slot_at) if s is person]
        if not idx:
            return None
        k = idx[-1] + 1
        if k < len(t) and t.word(k) == ",":
            k += 1
        if k >= len(t) or t.lower(k) not in ("for", "at", "of", "from"):
            return None
        for j in range(k + 1, min(len(t), k + 7)):
            slot = t.slot_at[j]
            if slot is not None:
                return slot if slot.label in BODIES else None
            if t.word(j) in (",", ";", ".") or t.tokens[j].pos in ("VERB", "AUX"):
                return None
        return None

    def representatives(self) -> Iterator[Fact]:
        """member_of for "A from B" (and every name coordinated with A)."""
        for person, body in self.represented():
            yield self.fact("member_of", person, body, "representative")

    def post_verbs(self) -> Iterator[Fact]:
        """"A heads B", "A, who chairs B", "A founded B": A holds that post in B."""
        t = self.tree
        posts: dict[str, str] = table()["post_verbs"]  # type: ignore[assignment]
        for v in t.having(posts):
            if t.lemma(v) not in posts or t.tokens[v].pos not in VERB_POS or self.events.unreal(v):
                continue
            if self.events.passive(v):  # "B, founded by A": the body is what the verb is said of
                bodies = [s for o in self.events.subject_tokens(v) for s in [t.mention(o, ("organization",))] if s]
                holders = [h for a in t.prep_objects(v, "by") for h in self.events.people(a, ("person",))]
            else:
                bodies = [s for o in t.kids(v, "dobj") for s in [t.mention(o, ("organization",))] if s]
                holders = [h for s in t.kids(v, "nsubj") for h in self.events.people(s, ("person",))]
                if not holders and t.dep(v) in ("relcl", "acl"):
                    holders = self.events.people(t.head(v), ("person",))
            role = posts[t.lemma(v)]
            unnamed = not bodies and role != "representative" and not self.events.passive(v) \
                and any(names.is_org_word(t.word(j)) for o in t.kids(v, "dobj") for j in t.subtree(o, ("relcl", "acl")))
            for holder in holders:
                if unnamed:  # "A, who heads the party's city branch": a post in a body the sentence does not name
                    yield self.fact("position", holder, None, role)
                for body in bodies[:1]:
                    yield self.fact("member_of" if role == "representative" else "position", holder, body, role)

    def membership_verbs(self) -> Iterator[Fact]:
        """"A, who is affiliated with B", "a lawmaker affiliated with B", "A is affiliated to B":
        A is a member of B."""
        t = self.tree
        verbs: dict[str, str] = table()["membership_verbs"]  # type: ignore[assignment]
        for v in t.having(verbs):
            if t.lemma(v) not in verbs or self.events.unreal(v):
                continue
            bodies = [s for o in t.prep_objects(v, "with", "to") for k in sorted(t.subtree(o, ("relcl", "acl")))
                      for s in [t.mention(k, ("organization",))] if s]  # "the opposition B alliance": B
            holders = [h for s in self.events.subject_tokens(v) for h in self.events.people(s, ("person",))]
            if not holders and t.dep(v) in ("acl", "relcl", "amod"):  # "a lawmaker affiliated with B"
                holders = self.events.people(t.head(v), ("person",))
            for holder in holders:
                for body in bodies[:1]:
                    yield self.fact("member_of", holder, body, verbs[t.lemma(v)])

    # -- orders ----------------------------------------------------------------------------
    def orders(self) -> Iterator[Fact]:
        """"A ordered the police to detain B", "B was detained on A's orders"."""
        t = self.tree
        verbs = justice_set("ordered", "verbs")
        nouns = frozenset(table()["order_nouns"]["nouns"])  # type: ignore[index]
        for v in t.having(verbs | nouns):
            if t.lemma(v) in verbs and t.tokens[v].pos in VERB_POS and not self.events.unreal(v):
                passive = self.events.passive(v)
                givers = ([p for a in t.prep_objects(v, "by") for p in self.events.people(a)] if passive
                          else [p for s in t.kids(v, "nsubj") for p in self.events.people(s)])
                told = ([p for s in self.events.subject_tokens(v) for p in self.events.people(s)] if passive
                        else [p for o in t.kids(v, "dobj") for p in self.events.people(o)])
                # what was ordered: an action ("to detain B") or an act named by a noun ("the arrest of
                # B", "the closure of the newspaper"); "ordered a coffee" orders nothing we record
                actions = t.kids(v, "xcomp", "ccomp") or [o for o in t.kids(v, "dobj") if self._an_act(o)]
                if not actions:
                    continue
                acted_on = [p for a in actions for p in self._acted_on(a)]
                value = t.span_text(t.subtree(actions[0], ("relcl",)))
                target = (acted_on or told)[:1]
                value = re.sub(r"^(?:the|a|an)\s+", "", value) if value else value
                for giver in givers:
                    yield self.fact("ordered", giver, target[0] if target else None, value, v)
            if t.lemma(v) in nouns and t.tokens[v].pos in NOUN_POS and t.dep(v) == "pobj":
                givers = [p for h in t.kids(v, "poss") + t.prep_objects(v, "of")
                          for p in self.events.people(h) or self.events.described(h)]  # "on the governor's orders"
                governed = t.head(t.head(v))  # on [A's orders] <- detained
                if not givers or t.tokens[governed].pos not in VERB_POS or self.events.unreal(governed):
                    continue
                acted_on = self._acted_on(governed)
                for giver in givers:
                    yield self.fact("ordered", giver, acted_on[0] if acted_on else None, t.word(governed), governed)

    def _an_act(self, o: int) -> bool:
        """A noun that names an act done to someone or something: a justice noun, or one with an
        "of" phrase ("the closure of B"), or a person or body told to act."""
        t = self.tree
        return (t.slot_at[o] is not None or t.lemma(o) in self.events_nouns or bool(t.prep_objects(o, "of"))
                or (t.tokens[o].tag == "NN" and t.lower(o).endswith(("tion", "sion", "ment", "ure", "al"))))

    def _acted_on(self, a: int) -> list[Slot]:
        t = self.tree
        if t.tokens[a].pos in NOUN_POS:  # "ordered the arrest of B"; "two months of detention for B"
            heads = [a] + [o for o in t.prep_objects(a, "of") if t.slot_at[o] is None]
            owners = [h for n in heads for h in t.kids(n, "poss") + t.prep_objects(n, "of", "for", "against")]
            return [p for h in owners for p in self.events.people(h)]
        things = t.kids(a, "nsubjpass") if self.events.passive(a) else t.kids(a, "dobj")
        if not things and t.dep(a) == "ccomp":  # "ordered [A's assets seized]": a clause with no verb to be
            things = t.kids(a, "nsubj")
        people = [p for s in things for p in self.events.people(s)]
        people = people or [p for s in things for o in t.prep_objects(s, "against") for p in self.events.people(o)]
        # "A's assets", "the property of A": whose the thing acted on is
        return people or [p for s in things for o in t.kids(s, "poss") + t.prep_objects(s, "of")
                          for p in self.events.people(o, ("person",))]

    # -- testimony, complaints, appeals ----------------------------------------------------------
    def testimony(self) -> Iterator[Fact]:
        """"A testified against B", "A gave testimony", "A retracted his testimony about B"; and
        what a person the text calls a witness tells the court or says is their testimony."""
        t = self.tree
        speech = lexicons.speech_verbs()
        for v in t.having(speech) if self.ctx.witnesses or self.ctx.defendants else ():
            if t.lemma(v) in speech and t.tokens[v].pos in VERB_POS and not self.events.unreal(v):
                heard = self._to_the_court(v)  # a defendant's word to the court is testimony, too
                for s in t.kids(v, "nsubj"):
                    for w in self.events.people(s, ("person",)):
                        if w.cluster in self.ctx.witnesses or (heard and w.cluster in self.ctx.defendants):
                            yield self.fact("testified", w, None, None, v)
        testify, testimony = justice_set("testified", "verbs"), justice_set("testified", "nouns")
        giving = justice_set("testified", "giving_verbs")
        retract = justice_set("retracted_testimony", "verbs")
        statements = justice_set("retracted_testimony", "objects")
        for v in t.having(testify | giving | retract):
            if t.tokens[v].pos not in VERB_POS or self.events.unreal(v):
                continue
            lemma = t.lemma(v)
            subjects = [p for s in t.kids(v, "nsubj") or self.events.subject_tokens(v) for p in self.events.people(s)]
            objects = t.kids(v, "dobj")
            if lemma in testify or (lemma in giving and any(t.lemma(o) in testimony for o in objects)):
                against = [p for o in t.prep_objects(v, "against") + [q for o in objects for q in t.prep_objects(o, "against")]
                           for p in self.events.people(o)]
                for s in subjects:
                    yield self.fact("testified", s, against[0] if against else None)
            elif lemma in retract and any(t.lemma(o) in statements for o in objects):
                about = [p for o in objects for q in t.prep_objects(o, "about", "against", "on", "regarding")
                         for p in self.events.people(q)]
                for s in subjects:
                    yield self.fact("retracted_testimony", s, about[0] if about else None)

    def _to_the_court(self, v: int) -> bool:
        """The speech verb at ``v`` addresses the court ("told the court", "said to the judge")."""
        t = self.tree
        heard = t.kids(v, "dobj", "dative") + t.prep_objects(v, "to", "before")
        return any(t.lemma(h) in _HEARERS or (t.slot_at[h] is not None and t.slot_at[h].cluster in self.ctx.courts)
                   for h in heard)

    def complaints(self) -> Iterator[Fact]:
        """"A sued B", "A filed a complaint against B", "a case opened at the request of A" against B."""
        t = self.tree
        verbs, nouns = justice_set("complained_against", "verbs"), justice_set("complained_against", "nouns")
        filing = justice_set("complained_against", "filing_verbs")
        for v in t.having(verbs | nouns | filing):
            lemma = t.lemma(v)
            if t.tokens[v].pos in VERB_POS and not self.events.unreal(v):
                complainants = [p for s in t.kids(v, "nsubj") or self.events.subject_tokens(v) for p in self.events.people(s)]
                targets: list[Slot] = []
                if lemma == "sue":
                    targets = [p for o in t.kids(v, "dobj") for p in self.events.people(o)]
                elif lemma in verbs or (lemma in filing and any(t.lemma(o) in nouns for o in t.kids(v, "dobj"))):
                    preps = t.prep_objects(v, "against", "about") + [
                        q for o in t.kids(v, "dobj") for q in t.prep_objects(o, "against")]
                    targets = [p for o in preps for p in self.events.people(o)]
                    for o in preps:
                        if not self.events.people(o) and t.lemma(o) in self.roles:
                            named = self.ctx.described(t.lemma(o), t.offset(o))
                            if named is None:  # "against the official": the other person just named
                                prior = [p for p in self.ctx.persons if p.end <= t.sentence.start
                                         and t.sentence.start - p.end < 400 and p.cluster not in
                                         {c.cluster for c in complainants}]
                                named = prior[-1].cluster if prior else None
                            if named is not None:
                                targets.append(Slot("person", named, 0, 0))
                for c in complainants:
                    for target in targets:
                        if target.cluster != c.cluster:
                            yield self.fact("complained_against", c, target)
            if t.tokens[v].pos in NOUN_POS and lemma in nouns and t.dep(v) == "pobj" and lemma != "appeal":
                # "opened at the request of A": A complained about the person the event is about
                complainants = [p for h in t.kids(v, "poss") + t.prep_objects(v, "of") for p in self.events.people(h)]
                governed = t.head(t.head(v))
                if complainants and t.tokens[governed].pos in VERB_POS:
                    targets = self._acted_on(governed) + [p for o in t.prep_objects(governed, "against")
                                                          for p in self.events.people(o)]
                    for c in complainants:
                        for target in targets:
                            if target.cluster != c.cluster:
                                yield self.fact("complained_against", c, target)

    def appeals(self) -> Iterator[Fact]:
        """"A appealed", "the court upheld A's sentence", "A's appeal was rejected by B", "the court
        turned down A's appeal", "the court reduced A's sentence", "A lost his appeal"."""
        t = self.tree
        entry = lexicons.justice_events()["appeal"]
        rules = table()
        outcome: dict[str, str] = rules["ruling_outcome"]  # type: ignore[assignment]
        rulings, ruled = set(entry["ruling_verbs"]) | set(outcome), set(entry["ruling_objects"])  # type: ignore[arg-type]
        fates: dict[str, str] = rules["appeal_fates"]  # type: ignore[assignment]
        hearings = set(rules["appeal_hearings"]["verbs"])  # type: ignore[arg-type]
        filings = set(rules["appeal_filings"]["verbs"])  # type: ignore[arg-type]
        for v in t.having(rulings | {"appeal"} | set(fates) | hearings | filings):
            if t.tokens[v].pos not in VERB_POS:
                continue
            lemma = t.lemma(v)
            negated = bool(t.kids(v, "neg"))
            if lemma == "appeal" and not negated and self._announced(v):
                yield from self._announced_appeal(v, ruled)
                continue
            if self.events.unreal(v) and not (negated and lemma in rulings and not self.events.modal_verb(v)):
                continue
            if lemma in filings:  # "A filed an appeal"
                if not negated and any(t.lemma(o) in ("appeal", "cassation") for o in t.kids(v, "dobj", "nsubjpass")):
                    for a in self._appellants(v):
                        yield self.fact("appeal", a, None, "appealed", v)
            elif lemma == "appeal" and not negated:
                # an appeal in court: against a ruling, or to a court; "appealed to the public" is none
                court = next((s for o in t.prep_objects(v, "to", "in", "with") for s in [t.mention(o, ("organization",))] if s), None)
                ruling = [o for o in t.kids(v, "dobj") + t.prep_objects(v, "against") if t.lemma(o) in ruled]
                if court is None and not ruling:
                    continue
                appellants = self._appellants(v)
                if ruling and not any(a.label == "person" for a in appellants) \
                        and any(t.lemma(s) in _PROSECUTION for s in t.kids(v, "nsubj")):
                    # "the prosecution appealed the verdict": the appeal is in the case of the one it condemned
                    for w in unique_clusters(self._holders(v, ruling)):
                        yield self.fact("appeal", w, court, "appealed by the prosecution", v)
                    continue
                for a in appellants:
                    yield self.fact("appeal", a, court, "appealed", v)
            elif lemma in fates or lemma in hearings:
                # "A lost his appeal", "the court heard A's appeal on Monday"
                appeals = [o for o in t.kids(v, "dobj", "nsubjpass") if t.lemma(o) in ("appeal", "cassation")
                           and not t.prep_objects(o, "for")]  # "an appeal for calm" is a plea
                if not appeals or negated:
                    continue
                if lemma in fates:
                    for a in self._appellants(v):
                        yield self.fact("appeal", a, None, fates[lemma], v)
                else:
                    court = next((s for a in t.kids(v, "nsubj") for s in [t.mention(a, ("organization",))] if s), None)
                    for w in unique_clusters(self._holders(v, appeals)):
                        yield self.fact("appeal", w, court, "appeal heard", v)
            elif lemma in rulings and self._rules(v, lemma, rules):
                passive = self.events.passive(v)
                things = [o for o in (t.kids(v, "nsubjpass") if passive else t.kids(v, "dobj")) if t.lemma(o) in ruled]
                if not things:
                    continue
                judges = t.prep_objects(v, "by") if passive else t.kids(v, "nsubj")
                courts = [s for a in judges for s in [t.mention(a, ("organization",))] if s]
                if outcome.get(lemma) == "sentence reduced" and not courts \
                        and not any(t.lemma(a) in rules["court_words"]["words"] for a in judges):  # type: ignore[index]
                    continue  # "the president commuted his sentence": a pardon, not an appeal
                about_appeal = any(t.lemma(o) in ("appeal", "complaint", "cassation") for o in things)
                if lemma in ("grant", "satisfy") and not about_appeal:
                    continue
                value = outcome.get(lemma, "verdict upheld")
                if lemma in ("reject", "dismiss", "deny", "turn", "throw") and not about_appeal:
                    value = "verdict overturned"  # rejecting the verdict itself overturns it
                if negated and value != "sentence reduced":  # "did not satisfy the appeal": the verdict stands
                    value = "verdict overturned" if value == "verdict upheld" else "verdict upheld"
                for w in unique_clusters(self._holders(v, things)):
                    yield self.fact("appeal", w, courts[0] if courts else None, value, v)

    def _rules(self, v: int, lemma: str, rules: dict[str, dict[str, object]]) -> bool:
        """An everyday verb rules on a verdict only with its particle or complement: "turned down",
        "left unchanged" (not "turned", "left")."""
        t = self.tree
        particle = rules["ruling_particles"].get(lemma)
        if particle is not None:
            return any(t.lower(p) == particle for p in t.kids(v, "prt"))
        complements = rules["ruling_complements"].get(lemma)
        if complements is not None:
            return any(t.lower(c) in complements for c in t.subtree(v) if t.head(c) == v or t.dep(c) == "pobj")  # type: ignore[operator]
        return True

    def _appellants(self, v: int) -> list[Slot]:
        """Who appeals (or loses an appeal): the subject, or the person the subject describes; for
        a lawyer ("A's lawyer", "his defence"), the client."""
        t = self.tree
        counsel = set(table()["counsel_words"]["words"])  # type: ignore[index]
        out = []
        for s in t.kids(v, "nsubj") or self.events.subject_tokens(v):
            acting = t.lower(s) in counsel or any(t.lower(c) in counsel for c in t.kids(s, "compound"))  # "defence team"
            clients = [p for o in t.kids(s, "poss") + t.prep_objects(s, "for", "of")
                       for p in self.events.people(o, ("person",), acted_on=True)] if acting else []
            if (t.lemma(s) == "client" or (t.lower(s) in ("defense", "defence") and not clients)) and self.ctx.defendants:
                # "her client will appeal", "the defence would appeal": the accused
                clients = [Slot("person", self.ctx.defendants[-1], t.offset(s), t.offset(s))]
            out += clients or self.events.people(s, ("person", "organization"), acted_on=True)
        return out

    def _announced(self, v: int) -> bool:
        """"A will appeal", "A plans to appeal": an appeal said to come."""
        t = self.tree
        intents = table()["appeal_intents"]
        if any(t.lower(a) in intents["auxiliaries"] for a in t.kids(v, "aux")):  # type: ignore[operator]
            return True
        if any(t.lower(a) == "will" for a in t.kids(v, "aux")) and t.kids(v, "auxpass"):
            return True  # "the verdict will be appealed"
        head = t.head(v)
        if t.dep(v) == "acl" and t.lemma(head) in intents["verbs"] and t.tokens[head].pos in ("NOUN", "PROPN"):  # type: ignore[operator]
            return True  # "announced plans to appeal"
        return t.dep(v) == "xcomp" and t.lemma(head) in intents["verbs"] and not t.kids(head, "neg")  # type: ignore[operator]

    def _announced_appeal(self, v: int, ruled: set[str]) -> Iterator[Fact]:
        """The people who said they would appeal a ruling, or, with no ruling named, the people
        the case is about ("A plans to appeal"; not "A will appeal to voters")."""
        t = self.tree
        if any(t.lower(m) == "whether" for a in [v, *list(t.ancestors(v))[:2]] for m in t.kids(a, "mark")):
            return  # "unknown whether she intends to appeal"
        if t.dep(v) == "acl":  # "A's defence announced plans to appeal": who announced them
            v_subject = next((a for a in t.ancestors(v) if t.tokens[a].pos in VERB_POS), t.head(v))
        else:
            v_subject = v if t.kids(v, "nsubj") else t.head(v)
        appellants = self._appellants(v_subject)
        ruling = [o for o in t.kids(v, "dobj", "nsubjpass") + t.prep_objects(v, "against") if t.lemma(o) in ruled]
        if ruling and t.kids(v, "nsubjpass"):  # "the verdict will be appealed": by the one it condemned
            appellants = unique_clusters(self._holders(v, ruling)) or [
                Slot("person", c, t.offset(v), t.offset(v)) for c in self.ctx.defendants[-1:]]
        if not ruling:
            if t.prep_objects(v, "to", "for") or t.kids(v, "dobj"):
                return  # "appeal to the public", "appeal for calm", "appeal the ban"
            appellants = [a for a in appellants if a.cluster in self.ctx.defendants]
        for a in appellants:
            if a.label == "person":
                yield self.fact("appeal", a, None, "appeal announced", v)

    def _holders(self, v: int, things: list[int]) -> list[Slot]:
        """Whose sentence, verdict or appeal a ruling is about: "A's appeal", "the appeal of A's
        lawyers", "A, whose sentence was overturned", "the sentence passed on A", "upheld the
        sentence for A"."""
        t = self.tree
        out = [s for o in things for j in t.subtree(o, ("relcl",)) for s in [t.slot_at[j]]
               if s is not None and s.label == "person"]
        for o in things:
            if any(t.lower(p) == "whose" for p in t.kids(o, "poss")):
                clause = next((a for a in t.ancestors(o) if t.dep(a) == "relcl"), None)
                if clause is not None:
                    out += [p for p in self.events.people(t.head(clause), ("person",))]
            for clause in t.kids(o, "relcl", "acl"):  # "the sentence (that was) passed on A"
                out += [p for x in t.prep_objects(clause, "on", "to", "against")
                        for p in self.events.people(x, ("person",))]
        if not out:  # "overturned the sentences of the defenders": the group the phrase names
            out = [p for o in things for x in t.prep_objects(o, "of") if t.slot_at[x] is None
                   for p in self.events.people(x, ("person",), acted_on=True)]
        if not out:  # "upheld the sentence for A": the holder on the ruling verb
            out = [p for x in t.prep_objects(v, "for", "against") for p in self.events.people(x, ("person",))]
        if not out and len(set(self.ctx.defendants)) == 1 \
                and any(t.lower(d) in ("the", "his", "her") for o in things for d in t.kids(o, "det", "poss")):
            # "the court upheld the verdict": the verdict of the one person the text told a case against
            out = [Slot("person", self.ctx.defendants[-1], t.offset(v), t.offset(v))]
        return out



def relation_facts(tree: SentenceTree, ctx: DocContext) -> Iterator[Fact]:
    """Every relation fact of one parsed sentence."""
    yield from RelationReader(tree, ctx).facts()
