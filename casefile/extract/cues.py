"""Context cues: the words right around a mention that fit only one kind of thing.

A small model types a bare surname, a capital or a newspaper's name by its look, and gets it
wrong when the name is foreign to it. The words beside the name often settle the type whatever
the name looks like: only a person has a husband or an age ("X's husband", "X, 55,"), only a
place is "the capital X", only a body is "X daily". Each cue is one named pattern; ``cue_label``
reads them, and ``harmonise_cues`` gives every mention of a name the type a cue gave one of them.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from casefile.extract.spans import Cand
from casefile.nlp import lexicons, names
from casefile.nlp.english import is_english_word
from casefile.nlp.gazetteer import is_town
from casefile.nlp.territories import is_capital, is_territory

# kin a company or a place does not have ("the firm's partner" is a business partner)
_NOT_PERSONAL_KIN = frozenset({"partner", "partners", "parent", "parents", "relative", "relatives"})


@cache
def _kin_after() -> re.Pattern[str]:
    """A possessive and a kinship noun after the name: "X's husband", "X’s elder sister"."""
    kin = sorted((k for k in lexicons.kinship_words() if k not in _NOT_PERSONAL_KIN), key=len, reverse=True)
    kin_forms = "|".join(re.escape(k) + "s?" for k in kin)
    return re.compile(r"['’]s\s+(?:(?:late|former|elder|eldest|younger|youngest|own|estranged|ex-)\s*)?"
                      r"(?:" + kin_forms + r")\b")


@cache
def _kin_apposition() -> re.Pattern[str]:
    """A kinship noun in apposition after the name: "X, a defendant's daughter,", "X, his wife,",
    "X, the son of Y": only a person is someone's kin."""
    kin = sorted((k for k in lexicons.kinship_words() if k not in _NOT_PERSONAL_KIN), key=len, reverse=True)
    kin_forms = "|".join(re.escape(k) + "s?" for k in kin)
    return re.compile(r",\s+(?:(?:an?|the|his|her|their|[A-Za-z-]+['’]s?)\s+){0,2}(?:(?:late|elder|eldest|younger|"
                      r"youngest|former|ex-)\s*)?(?:" + kin_forms + r")\b")


# an age in apposition: "X, 55, said", "X, aged 55,", "X (55)"
_AGE_AFTER = re.compile(r",\s+(?:aged\s+)?[1-9]\d?\s*,|\s+\([1-9]\d?\)")
# a kind of settlement just before the name: "the Uzbek capital X", "the city of X"
_PLACE_BEFORE = re.compile(r"\b(?:capital|capital\s+city|city|town|village|port|township)\s+(?:of\s+)?$")
# a kind of periodical just after the name: "X daily", "the X weekly"
_OUTLET_AFTER = re.compile(r"\s+(?:daily|weekly|newspaper|magazine|tabloid|gazette)\b(?!\s+(?:life|basis|routine))")

# kinds of body: "the news agency X", "X, an independent news agency,"
_BODY_KINDS = (r"(?:newspaper|weekly|daily|magazine|outlet|website|news\s+site|newswire|wire\s+service|portal|(?:TV|television|YouTube|Telegram)\s+"
               r"channel|radio(?:\s+station)?|broadcaster|news\s+agency|agency|publication|company|firm|enterprise|"
               r"holding|bank|movement|party|foundation|fund|association|NGO|organi[sz]ation|group|club|union|"
               r"charity|project|initiative|platform|network|watchdog|coalition|society|cent(?:er|re)|institute|podcast|blog)")
# the kind just before the name, after an article and up to three modifiers ("the Riga-based rights
# group X"); "the group leader X" ends in a trade, not a kind
_KIND_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w'’-]+\s+){0,3}?" + _BODY_KINDS
                          + r"|\b(?:newspaper|weekly|daily|magazine|outlet|website|portal|news\s+agency|newswire))\s+[“\"«]?$")
# the kind in an apposition after the name: "X, an independent news agency, reported"
_KIND_APPOSITION = re.compile(r",\s+(?:an?|the)\s+(?:(?!of\b)[\w'’-]+\s+){0,3}?" + _BODY_KINDS
                              + r"(?=\s*[,.;:)]|\s+(?:that|which|based|founded|registered|set|in|from|of|with)\b)")
# a media trade before the name, with the preposition of employment: "editor of X", "a reporter
# for X", "founder of X" (a mayor "of X" or a journalist "from X" speaks of a place)
_MEDIA_ROLE_OF = re.compile(r"\b(?:editor(?:-in-chief)?|editors|reporters?|correspondents?|journalists?|columnists?|"
                            r"anchor|presenter|producer|staffer|contributor|(?:co-?)?founders?)\s+"
                            r"(?:of|at|for|with)\s+(?:the\s+)?[“\"«]?$")
# a media trade right after the name: "X reporter Y", "the X correspondent"
_MEDIA_ROLE_AFTER = re.compile(r"\s+(?:reporters?|correspondents?|journalists?|editors?|columnists?|anchor|"
                               r"presenter|photographer|cameraman|staffers?)\b")

# a person's trade right before the name: "screenwriter, X", "the blogger X"; role words that
# also qualify bodies ("the opposition X", "deputy X") say nothing
_ROLE_BEFORE = re.compile(r"\b(?P<role>[a-z]+),?\s+$")
_MODIFIER_ROLES = frozenset({"opposition", "general", "major", "deputy", "vice", "executive", "chief", "head",
                             "member", "citizen", "figure", "star", "expert", "monitor", "chair", "owner", "founder",
                             "representative", "official", "victim", "witness", "defendant", "plaintiff"})

# a person's post in an apposition after the name: "X, a parliament vice-speaker", "X, the co-founder",
# "X, chief magistrate of B"
# (after an article, one capitalised adjective may come first: "X, a Ruritanian activist")
_ROLE_APPOSITION = re.compile(r",\s+(?:(?:an?|the)\s+(?:[A-Z][a-z]+\s+)?)?(?P<words>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})")
# words that end the noun phrase of an apposition
_PHRASE_ENDS = frozenset({"of", "for", "with", "in", "at", "from", "who", "which", "that", "and", "to", "on", "by"})
# role words a body may be called too ("X, a monitor of the vote"): no cue for a person
_BODY_ROLES = frozenset({"monitor", "official", "opposition", "figure", "star", "member", "owner", "observer"})

CUES: tuple[tuple[str, str], ...] = (
    ("kin_after", "person"),
    ("kin_apposition", "person"),
    ("role_before", "person"),
    ("role_apposition", "person"),
    ("age_after", "person"),
    ("place_before", "location"),
    ("outlet_after", "organization"),
    ("kind_before", "organization"),
    ("kind_apposition", "organization"),
    ("media_role_of", "organization"),
    ("media_role_after", "organization"),
)


def body_kind_before(doc: str, start: int) -> bool:
    """A kind of body right before offset ``start`` ("the news agency ", "the rights group ")."""
    return _KIND_BEFORE.search(doc[max(0, start - 60):start]) is not None


def _name_words(text: str) -> list[str]:
    return text.split()


def _cue_fires(name: str, doc: str, cand: Cand, text: str) -> bool:
    toks = _name_words(text)
    if name == "kin_after":
        return _kin_after().match(doc, cand.end) is not None and not _placeish(text)
    if name == "kin_apposition":  # "A and B Surname, the daughters of C" is two people, not one
        return _kin_apposition().match(doc, cand.end) is not None and not _placeish(text) and " and " not in text
    if name == "age_after":
        return _AGE_AFTER.match(doc, cand.end) is not None and not _placeish(text)
    if name == "role_apposition":  # "X, a parliament vice-speaker affiliated with B, …"
        m = _ROLE_APPOSITION.match(doc, cand.end)
        if m is None or not _name_like(toks) or _placeish(text):
            return False
        decided = None  # the phrase's last post or body word decides: "a parliament vice-speaker" is a
        for word in m.group("words").split():  # person, "a rights group" a body
            if word in _PHRASE_ENDS:
                break
            head = word.split("-")[-1]
            if names.is_role_word(word) or names.is_role_word(head) or names.is_role_plural(head):
                decided = head not in _BODY_ROLES
            elif names.is_org_word(word) or re.fullmatch(_BODY_KINDS, word):
                decided = False  # "a journalist project": a body's kind after a trade
        return bool(decided)
    if name == "role_before":
        m = _ROLE_BEFORE.search(doc[max(0, cand.start - 30):cand.start])
        if m is None or not names.is_role_word(m.group("role")) or not all(is_bare_name_word(t) for t in toks):
            return False
        # a role that also qualifies bodies ("the opposition X") fires only before a full name
        return m.group("role") not in _MODIFIER_ROLES or (
            len(toks) >= 2 and names.looks_like_surname(toks[-1]) and names.person_name_score(toks) >= 0.6)
    if name == "place_before":
        return (_PLACE_BEFORE.search(doc[max(0, cand.start - 20):cand.start]) is not None
                and not names.is_given_name(toks[0]) and not doc[cand.start - 1:cand.start] == "-")
    if name == "outlet_after":
        return (_OUTLET_AFTER.match(doc, cand.end) is not None and not _placeish(text)
                and not names.is_demonym(text))
    if name in ("kind_before", "kind_apposition", "media_role_of", "media_role_after"):
        return _body_cue(name, doc, cand, text, toks)
    raise KeyError(f"unknown cue {name!r}; known: {', '.join(n for n, _ in CUES)}")


def _body_cue(name: str, doc: str, cand: Cand, text: str, toks: list[str]) -> bool:
    """A body's cues; never for what reads as a person's name ("the company Marat Abenov owns") or
    a country ("a correspondent for Norway")."""
    before = doc[max(0, cand.start - 60):cand.start]
    if name == "kind_before":
        fired = _KIND_BEFORE.search(before) is not None
    elif name == "kind_apposition":
        fired = _KIND_APPOSITION.match(doc, cand.end) is not None
    elif name == "media_role_of":
        fired = _MEDIA_ROLE_OF.search(before) is not None
    else:
        fired = _MEDIA_ROLE_AFTER.match(doc, cand.end) is not None and not _placeish(text)  # "the Almaty correspondent"
    return fired and not (names.person_name_score(toks) >= 0.85 or names.is_given_name(toks[0])
                          or is_territory(text) or names.is_demonym(text))


def _placeish(text: str) -> bool:
    """A country or a town: "Russia's sons", "Minsk daily" speak of the place or its people."""
    return is_territory(text) or is_capital(text) or is_town(text)


def cue_label(doc: str, cand: Cand) -> str | None:
    """The type the words around a mention give it, or None when no cue fires."""
    text = cand.text(doc)
    if not text[:1].isupper() or any(names.is_org_word(t) for t in _name_words(text)):
        return None  # "the Karasu Court's chairman": a body's own head word decides
    for name, label in CUES:
        if _cue_fires(name, doc, cand, text):
            return label
    return None


def harmonise_cues(doc: str, cands: list[Cand]) -> None:
    """Every mention of a name takes the type a context cue gave one of its mentions (when the
    cues agree): "X's husband" makes every bare "X" in the text a person."""
    cued: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        label = cue_label(doc, c)
        if label is not None:
            cued[c.text(doc)].add(label)
    decided = {surface: next(iter(labels)) for surface, labels in cued.items() if len(labels) == 1}
    if not decided:
        return
    for c in cands:
        surface = c.text(doc)
        label = decided.get(surface)
        if label is not None and c.origin in {"model", "propagated"}:
            c.label = label


def short_form_labels(doc: str, cands: list[Cand]) -> None:
    """A one-word name the model typed place or person that begins or ends one of the text's body
    names, and is no word, place, given name or part of a person's name there, is that body's
    short form ("Ozodi's sources" after "Radio Ozodi", "in Belsat" after "Belsat TV"); but not the
    place a public body serves ("the X City Court", "the police department of X")."""
    bodies = [c.text(doc).split() for c in cands if c.label == "organization"]
    person_words = {w for c in cands if c.label == "person" and " " in c.text(doc) for w in c.text(doc).split()}
    public = lexicons.load("public_body_words") | lexicons.load("body_level_words")
    ends = {words[i] for words in bodies if len(words) > 1 and not public & {w.lower() for w in words}
            for i in (0, -1)}
    for c in cands:
        text = c.text(doc)
        if c.label in {"location", "person"} and c.origin in {"model", "propagated"} and text in ends \
                and text not in person_words and is_bare_name_word(text) and not names.is_given_name(text) \
                and not names.has_strong_surname_suffix(text):
            c.label = "organization"


def _name_like(toks: list[str]) -> bool:
    """Words that can only be a name; in a name of two words or more one of them may also be a
    town or an English word ("Chu" of a three-word name), but never a body's, a post's or a
    country's word."""
    odd = [t for t in toks if not is_bare_name_word(t)]
    return not odd or (len(toks) >= 2 and len(odd) == 1 and odd[0][:1].isupper() and not odd[0].isupper()
                       and not names.is_org_word(odd[0]) and not names.is_role_word(odd[0])
                       and not is_territory(odd[0]) and not names.is_demonym(odd[0]))


def is_bare_name_word(word: str) -> bool:
    """A capitalised word that can only be part of a name: a given name, or no English word, place,
    title or body."""
    if names.is_given_name(word):
        return True
    return (word[:1].isupper() and not word.isupper() and not is_english_word(word) and not is_territory(word)
            and not is_town(word) and not is_capital(word) and not names.is_org_word(word)
            and not names.is_role_word(word) and not names.is_demonym(word))
