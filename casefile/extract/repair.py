"""Type and boundary repair of NER spans, using name morphology and document context.

Small models type Central Asian surnames as organisations or places, cut names at an ALL-CAPS
surname, or glue a place to a person. The rules here look at the shape of the name (given-name
lexicon, surname suffixes, role words) and at the rest of the document (the same surname typed
as a person elsewhere), never at particular names.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache

from casefile.clean.boilerplate import SOCIAL_NETWORKS
from casefile.extract.cues import body_kind_before, cue_label, is_bare_name_word
from casefile.extract.junk import OWNED_LANGUAGE_DESK, is_numbered_name
from casefile.extract.spans import (Cand, cut_colon, cut_dash_tail, drop_leading_place, extend_mission_region,
                                   extend_of_phrase, extend_org_head, extend_right, patronymic_follows)
from casefile.nlp import lexicons, names
from casefile.nlp.keys import fold, one_letter_apart, token_key
from casefile.nlp.org_keys import org_key
from casefile.nlp.english import is_english_word
from casefile.nlp.gazetteer import is_town, is_world_region
from casefile.nlp.territories import (
    is_capital, is_country_code, is_main_territory_name, is_national_capital, is_territory, territory_code,
)

_RETYPABLE = {"organization", "location", "event", "work", "product", "norp"}
# prepositions of where something is, unlike "at" or "of", which also take a body ("works at")
_SPATIAL_BEFORE = re.compile(r"\b(?:near|outside|inside|opposite|behind|in\s+front\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_PREPOSITION = re.compile(r"\b(?:in|from|to|near|at|of|across|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)


def _tokens(text: str) -> list[str]:
    return text.split()


@cache
def _human_verb() -> re.Pattern[str]:
    """A verb only people do (the human_verbs lexicon), after an optional list of further names
    and an auxiliary: a bare capitalised token doing it is a person, not a place."""
    forms = sorted(lexicons.load("human_verbs"), key=len, reverse=True)
    return re.compile(
        r"^\s*(?:,\s*[A-Z][\w'’\-]+\s*)*(?:,?\s*and\s+[A-Z][\w'’\-]+\s*)?"
        r"(?:had\s+been\s+|has\s+been\s+|was\s+|were\s+|also\s+|then\s+)?"
        r"(?:" + "|".join(map(re.escape, forms)) + r")\b"
    )


# "X and Y portals": names coordinated before a plural kind of body are bodies of that kind
_PLURAL_BODY_AFTER = re.compile(r"\s+and\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?P<kind>[a-z]+s)\b")
# the name a body is "known as" after the body's own name ("the Tolqyn Service, known locally as X")
_ALIAS_OF_BODY = re.compile(r"\b(?P<head>[A-Z][\w-]*),?\s+(?:(?:also|better|widely)\s+)?known\s+(?:locally\s+|widely\s+)?as\s+"
                            r"[“\"«]?$")


def _known_town(text: str) -> bool:
    return is_capital(text) or is_town(text)


def _trade_after(words: list[str]) -> bool:
    """Lower-case words after a name end in a person's trade, with no organisation word before it
    ("bus driver" yes, "factory manager" no: the manager of the factory the name names)."""
    for w in words:
        if names.is_org_word(w):
            return False
        if names.is_role_word(w):
            return True
    return False


def retype(doc: str, cand: Cand) -> str | None:
    """The corrected label of one span from its own shape and context; None drops it. A named
    place of custody ("X Prison", "Penal Colony No. 2") is a place, whatever else it looked like."""
    label = _retype(doc, cand)
    return "location" if label in ("organization", "person") and names.is_custody_facility(cand.text(doc)) else label


def _retype(doc: str, cand: Cand) -> str | None:
    text = cand.text(doc)
    toks = _tokens(text)
    if not toks or cand.origin != "model":
        return cand.label
    has_org_word = any(names.is_org_word(t) for t in toks)
    if cand.label != "person" and names.is_initials_and_surname(toks):
        return "person"  # "B. Tolqynov": initials only ever precede a person's surname
    if cand.label != "person" and len(toks) >= 2 and toks[0].isupper() and names.is_role_word(toks[0]) \
            and all(is_bare_name_word(t) for t in toks[1:]):
        return "person"  # "CFO Vardze": a post's acronym before a name (the repair cuts it off)
    if cand.label != "person" and len(toks) <= 2 and not has_org_word and patronymic_follows(doc, cand.end):
        return "person"  # "Aidana Asan kyzy": a father's name and the patronymic word that follows it
    if is_numbered_name(text):
        return "organization"  # "Kanal 7": a channel or station, never a person or a place
    if cand.label == "person" and len(toks) >= 2 and is_territory(toks[-1]) and not names.is_given_name(toks[0]) \
            and not names.looks_like_surname(toks[0]):
        return "organization"  # "Kolos Kazakhstan": a body's edition for a country, no one's name
    if re.fullmatch(r"[\w\-]+\.(?:[a-z]{2,3})", text) or _DOTTED.fullmatch(text):
        return "organization"  # a news site's domain ("Example.kz") or dotted name ("Steppe.Vesti", "X.asia")
    cued = cue_label(doc, cand)
    if cued is not None:
        return cued  # "X's husband", "the capital X", "X daily": the words around decide
    # the word after the name, past a bracketed gloss ("the X (Y) party") or out of one ("(Y) party")
    following = re.match(r"\)?(?:\s+\([^()\n]{1,40}\))?\s+([a-z]+)\b", doc[cand.end:cand.end + 70])
    body_after = following is not None and names.is_org_word(following.group(1))  # "the Karasu court"
    if cand.label == "person" and re.search(r"\b(?:his|her|their|its|my|our)\s+$", doc[max(0, cand.start - 8):cand.start]):
        # "his X (translation) video blog": a possessive before the name, a body's kind after its gloss
        kind = re.match(r"\s+(?:\([^()]{1,60}\)\s+)?(?:[a-z]+\s+)?([a-z]+)\b", doc[cand.end:cand.end + 90])
        if kind is not None and names.is_org_word(kind.group(1)) and not names.is_role_word(kind.group(1)):
            return "organization"
    if (is_territory(text) or ((is_town(text) or is_national_capital(text)) and not names.looks_like_surname(text)
                                and not body_after)) and (not has_org_word or is_main_territory_name(text)):
        return "location"  # a country ("the Russian Federation"), or a town or capital the model took for something else
    if cand.label in {"person", "organization", "location", "norp", "product"} and following \
            and names.is_org_word(following.group(1)) \
            and not is_territory(text) and not _known_town(text) and not names.is_demonym(text) \
            and (cand.label != "location" or names.is_given_name(text)
                 or (following.group(1) in lexicons.load("political_group_words") and len(toks) > 1)):
        return "organization"  # "the X studio", "the X party", "the X court" (even if X looks like a name)
    before = doc[max(0, cand.start - 40):cand.start]
    plural_after = _PLURAL_BODY_AFTER.match(doc, cand.end)
    if cand.label in {"person", "location"} and plural_after and names.is_org_word(plural_after.group("kind")) \
            and not is_territory(text) and not _known_town(text):
        return "organization"  # "X and Y portals", "X and Y parties"
    if cand.label == "person" and _named_after_a_person(toks):
        return "organization"  # "Tolqynov Today": an outlet named after its founder
    lower_after = re.match(r"(?:\s+[a-z]+\b){1,3}", doc[cand.end:cand.end + 40])
    if len(toks) == 1 and cand.label == "organization" and not text.isupper() and lower_after \
            and _trade_after(lower_after.group().split()) and not names.is_given_name(text) \
            and not names.looks_like_surname(text):
        return "location"  # "the X bus driver": a home town before a person's trade
    if len(toks) == 1 and re.match(r"\s+(?:district|region|regional|oblast|province|provincial)\b",
                                   doc[cand.end:cand.end + 14]):
        return "location"  # "the X district court", "X regional prosecutor": X names a region
    if re.search(r"\s(?:Avenue|Street|Square|Boulevard|Prospect|Road|Lane|Highway|Embankment|Park|Monument|"
                 r"Memorial|Cemetery|Bridge|Stadium)$", text) or re.match(r"(?:Monument|Memorial|Square|Park)\s+"
                                                                     r"(?:of|to)\s", text):
        return "location"  # a street, a square, a monument: a place, not an organisation
    if re.search(r"\s(?:Museum|Theatre|Theater|Airport|Palace|Cathedral|Mosque|Hotel)$", text) \
            and _SPATIAL_BEFORE.search(doc[max(0, cand.start - 20):cand.start]):
        return "location"  # "near the X Museum": the building where something happened
    if cand.label in {"location", "person"} and len(toks) > 1 and names.is_org_word(toks[-1]) \
            and toks[-1][:1].isupper() and names.person_name_score(toks) < 0.5:
        return "organization"  # "the Tolqyn Embassy", "Dala City Court": a body, headed by its kind
    alias_of = _ALIAS_OF_BODY.search(before)
    if cand.label in {"person", "location"} and alias_of and names.is_org_word(alias_of.group("head")):
        return "organization"  # "the X Service, known locally as Y": Y is the body's other name
    if text.lower() in SOCIAL_NETWORKS:
        return "organization"  # an online platform (the model calls some of them people)
    single_place_word = (len(toks) == 1 and not text.isupper() and not names.is_given_name(text)
                         and not names.looks_like_surname(text) and not has_org_word)
    if single_place_word and cand.label in {"organization", "person"} \
            and re.search(r"\b(?:in|near|from|across|outside|inside)\s+(?:the\s+)?$", doc[max(0, cand.start - 12):cand.start]) \
            and not re.match(r"\s+[a-z]", doc[cand.end:cand.end + 3]):
        return "location"  # "in Pavlodar", "in Kostanay": a place the model typed otherwise
    if len(toks) == 1 and cand.label == "person" and not names.is_given_name(text) \
            and re.search(r"\b(?:the|The)\s+$", doc[max(0, cand.start - 4):cand.start]):
        # people do not take "the"; a place after a preposition, otherwise not a name we can type
        return "location" if _PLACE_PREPOSITION.search(doc[max(0, cand.start - 16):cand.start - 4]) else None
    if len(toks) == 1 and cand.label == "location" and names.is_given_name(text) and not is_territory(text) \
            and not _known_town(text) and not _PLACE_PREPOSITION.search(doc[max(0, cand.start - 12):cand.start]):
        return "person"  # a given name typed as a place
    if cand.label in _RETYPABLE and not has_org_word:
        if len(toks) == 1 and names.looks_like_surname(toks[0]) \
                and (names.has_strong_surname_suffix(toks[0]) or not is_english_word(toks[0])) \
                and not _PLACE_PREPOSITION.search(doc[max(0, cand.start - 12):cand.start]):
            return "person"
        if len(toks) >= 2 and names.is_given_name(toks[0]) and not any(names.is_role_word(t) for t in toks) \
                and names.person_name_score(toks) >= 0.5:
            return "person"
        if len(toks) == 2 and names.has_strong_surname_suffix(toks[1]) and toks[0][:1].isupper() \
                and not toks[0].isupper() and not is_territory(toks[0]) and not _known_town(toks[0]) \
                and not is_english_word(toks[0]) and names.person_name_score(toks) >= 0.5:
            return "person"  # an unfamiliar given name before a surname ending: "Makhambet Seitov"
        if cand.label == "location" and text.isupper() and len(text) <= 3 and territory_code(text) is None \
                and not is_country_code(text):
            return "organization"  # a party or group code in a list, not a country
        if len(toks) == 1 and cand.label in {"location", "organization"} and not text.isupper() \
                and _human_verb().match(doc[cand.end:cand.end + 80]) \
                and not names.is_demonym(toks[0]) \
                and not _PLACE_PREPOSITION.search(doc[max(0, cand.start - 12):cand.start]):
            return "person"
    if cand.label == "person":
        if len(toks) == 1 and re.fullmatch(r"[A-Z]{2,6}", text) and not names.is_given_name(text):
            return "organization"  # "KNB spokesperson X": an acronym, not a person
        if has_org_word and names.person_name_score(toks) < 0.5:
            return "organization"
        if all(names.is_role_word(t) or names.is_honorific(t) or not t[:1].isupper() for t in toks):
            return None
    return cand.label


def _named_after_a_person(toks: list[str]) -> bool:
    """A surname and then an ordinary English word, with no given name or initial: the name of a
    project or outlet built on a person's name ("Tolqynov Live"), not a person's full name."""
    if len(toks) < 2 or any(names.is_given_name(t) or names.is_initial(t) for t in toks):
        return False
    last = toks[-1]
    return (names.looks_like_surname(toks[0]) and last[:1].isupper() and not last.isupper()
            and is_english_word(last) and not names.looks_like_surname(last))


# a name of two words joined by a dot, as outlets write theirs ("Steppe.Vesti", "Kolos.asia")
_DOTTED = re.compile(r"[A-Za-z][\w-]*\.[A-Za-z][\w-]+")


def join_dotted(doc: str, cand: Cand) -> Cand:
    """A span that stops at a dot joining two words with no space ("Steppe" of "Steppe.Vesti"):
    the whole dotted name."""
    m = re.match(r"\.[A-Za-z][\w-]+", doc[cand.end:cand.end + 40])
    after = m.group()[1:] if m is not None else ""
    if after[:1].isupper() and (is_english_word(after.lower()) or names.is_given_name(after)):
        return cand  # "Ivan.Then he left": a sentence run on with no space, not a name
    if m is not None and cand.end > 0 and doc[cand.end - 1].isalpha():
        end = cand.end + m.end()
        if end >= len(doc) or not doc[end].isalnum():
            return Cand(cand.start, end, cand.label, cand.origin)
    return cand


# what kind of outlet a name is, written after it in lower case ("the X newspaper")
_OUTLET_KINDS = frozenset({"newspaper", "daily", "weekly", "magazine", "website", "portal", "outlet"})


def cut_platform(doc: str, cand: Cand) -> Cand:
    """"X Telegram" of "the X Telegram channel": an outlet's name with the platform it publishes
    on glued to it; the outlet is X. "X newspaper": the kind of outlet in lower case is no part
    of its name."""
    words = cand.text(doc).split()
    if cand.label != "organization" or len(words) < 2:
        return cand
    platform = words[-1].lower() in SOCIAL_NETWORKS \
        and re.match(r"\s+(?:channel|page|account|group|feed)\b", doc[cand.end:cand.end + 12]) is not None
    if not platform and words[-1] not in _OUTLET_KINDS:
        return cand
    return Cand(cand.start, cand.start + len(cand.text(doc)) - len(words[-1]) - 1, cand.label, cand.origin)


# the kind of a settlement or an area, written after its name in lower case ("the X township");
# "region" stays: "X region" is how the names of regions are written
_PLACE_KINDS_AFTER = frozenset({"city", "town", "township", "village", "province", "county"})


def cut_place_kind(doc: str, cand: Cand) -> Cand:
    """"Hengshan city" -> "Hengshan": the kind of place in lower case is no part of its name
    ("Ho Chi Minh City", in capitals, keeps it)."""
    words = cand.text(doc).split()
    if len(words) < 2 or words[-1] not in _PLACE_KINDS_AFTER:
        return cand
    return Cand(cand.start, cand.start + len(cand.text(doc)) - len(words[-1]) - 1, cand.label, cand.origin)


def repair_boundaries(doc: str, cand: Cand, places: set[str]) -> list[Cand]:
    """Fix the edges of one span; may return two spans (a place glued before a person)."""
    out: list[Cand] = []
    cand = cut_platform(doc, cut_dash_tail(doc, cut_colon(doc, cand)))
    if cand.label != "person":
        shared = split_shared_surname(doc, cand)
        if shared:
            return shared
    if cand.label == "organization":
        split = split_trailing_person(doc, cand)
        if split:
            return split
    if cand.label == "location":
        cand = cut_place_kind(doc, cand)
    if cand.label in {"organization", "location"}:
        cand = extend_of_phrase(doc, extend_org_head(doc, cand, places), lambda w: w in places or is_territory(w))
        cand = extend_mission_region(doc, cand, lambda w: w in places or is_territory(w) or is_world_region(w))
        owned = split_possessive_place(doc, cand, places) or split_possessive_body(doc, cand)
        return owned if owned else split_place_acronym(doc, cand)
    if cand.label == "person":
        toks = _tokens(cand.text(doc))
        while len(toks) > 1 and names.is_role_word(toks[0]):  # "Judge Anna X" -> "Anna X"
            cand = Cand(cand.start + len(toks[0]) + 1, cand.end, cand.label, cand.origin)
            toks = toks[1:]
        cand, place = drop_leading_place(doc, cand, places)
        if place is not None and not names.is_role_word(place.text(doc)):
            out.append(place)
        cand = extend_right(doc, extend_left(doc, cand))
        out.extend(split_surname_pairs(doc, cand))
        return out
    return [cand]


# a title-case word (or two joined by a hyphen) right before a span, after a non-letter
_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?<![A-Za-z][ ,])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $")


def extend_left(doc: str, cand: Cand) -> Cand:
    """"Torvild Haugsmo-Lie" read as the surname alone: a one-word person span takes the word
    before it when that word can only be a name (a given name, or a word with no other reading)
    and is not itself the end of a longer run of capitalised words."""
    if len(cand.text(doc).split()) != 1:
        return cand
    m = _WORD_BEFORE.search(doc, max(0, cand.start - 40), cand.start)
    if m is None or m.end() != cand.start or names.is_honorific(m.group(1)) or not _name_word(m.group(1)):
        return cand
    return Cand(m.start(1), cand.end, cand.label, cand.origin)


def split_trailing_person(doc: str, cand: Cand) -> list[Cand]:
    """"the founder of Kanal TV Oren Wald": a body's name run on into the person named after it
    (a given name and a surname after a body word or an acronym) is the body, then the person."""
    toks = cand.text(doc).split()
    if len(toks) < 3 or not names.is_given_name(toks[-2]) or not names.person_name_score(toks[-2:]) >= 0.6:
        return []
    head = toks[-3]
    if not (names.is_org_word(head) or (head.isupper() and len(head) >= 2) or body_kind_before(doc, cand.start)) \
            or names.is_org_word(toks[-1]):
        return []  # "the newswire Tolqyn Anna Vorn": a kind before the body's name will do
    person_start = cand.start + cand.text(doc).rindex(toks[-2] + " " + toks[-1])
    body_end = cand.start + len(cand.text(doc)[:person_start - cand.start].rstrip())
    return [Cand(cand.start, body_end, "organization", cand.origin), Cand(person_start, cand.end, "person", cand.origin)]


_SHARED_SURNAME = re.compile(r"(?P<first>[A-Z][\w'’-]+) and (?P<second>[A-Z][\w'’-]+ (?P<surname>[A-Z][\w'’-]+))$")


_TWO_SURNAMES = re.compile(r"(?P<first>[A-Z][\w'’-]+) and (?P<second>[A-Z][\w'’-]+)")


def split_shared_surname(doc: str, cand: Cand) -> list[Cand]:
    """"Anna and Maria Petrova" read as one body: two people who share the surname written once.
    "Petrov and Sidorov" read as one body: two people named by their surnames."""
    two = _TWO_SURNAMES.fullmatch(cand.text(doc))
    if two and all(names.has_strong_surname_suffix(w) and not is_territory(w) for w in two.groups()) \
            and not all(_known_town(w) for w in two.groups()):
        return [Cand(cand.start + two.start(g), cand.start + two.end(g), "person", cand.origin)
                for g in ("first", "second")]
    m = _SHARED_SURNAME.fullmatch(cand.text(doc))
    if not m or not names.looks_like_surname(m.group("surname")) \
            or not all(_name_word(w) for w in (m.group("first"), m.group("second").split()[0])):
        return []
    return [Cand(cand.start + m.start("first"), cand.start + m.end("first"), "person", cand.origin),
            Cand(cand.start + m.start("second"), cand.start + m.end("second"), "person", cand.origin)]


def _name_word(word: str) -> bool:
    """A given name, or a word with no other reading: no English word, place, title or body."""
    if names.is_given_name(word):
        return True
    return not (is_english_word(word) or is_territory(word) or _known_town(word) or names.is_org_word(word)
                or names.is_role_word(word) or names.is_demonym(word))


_OWNER_PLACE = re.compile(r"(?P<owner>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)['’]s (?P<place>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)")


def split_possessive_place(doc: str, cand: Cand, places: set[str]) -> list[Cand]:
    """"ACR’s Europe" read as one body: a body and the part of the world its desk covers ("ACR’s
    Europe and Asia program"), two mentions. Empty when the part after the possessive is no place."""
    m = _OWNER_PLACE.fullmatch(cand.text(doc))
    if not m or cand.label != "organization":
        return []
    place = m.group("place")
    if not (is_territory(place) or is_world_region(place) or _known_town(place) or place in places):
        return []
    owner_label = "location" if is_territory(m.group("owner")) else "organization"
    return [Cand(cand.start, cand.start + m.end("owner"), owner_label, cand.origin),
            Cand(cand.start + m.start("place"), cand.end, "location", cand.origin)]


_OWNER_BODY = re.compile(r"(?P<owner>[A-Z][\w.&/-]*(?: (?:(?:of|for|and|the) )*[A-Z][\w.&/-]*)*)['’]s "
                         r"(?P<body>[A-Z][\w'’-]*(?: [\w'’-]+)*)")


def split_possessive_body(doc: str, cand: Cand) -> list[Cand]:
    """"ACR’s Office for Media Freedom" read as one body: the owner (an acronym or a body) and
    its office, department or committee, two bodies. A country's body ("Ardania’s State Council
    for Roads") is a place and a body; a body's post ("ACR’s Senior Campaigner") is the body
    alone. Empty when the part after the possessive is neither a body nor a post."""
    m = _OWNER_BODY.fullmatch(cand.text(doc))
    if not m or cand.label != "organization":
        return []
    owner, body = m.group("owner"), m.group("body").split()
    place = is_territory(owner) or _known_town(owner)  # "Ardania’s …", "Tarsk’s District Court"
    owner_span = Cand(cand.start, cand.start + m.end("owner"), "location" if place else "organization", cand.origin)
    if names.is_role_word(body[-1]) and not names.is_org_word(body[-1]) and not names.is_role_word(owner.split()[-1]):
        return [owner_span]
    if OWNED_LANGUAGE_DESK.fullmatch(" ".join(body)) and not names.is_org_word(body[0]) and not names.is_role_word(body[0]) \
            and (owner.isupper() or len(owner.split()) >= 2 or "/" in owner):
        return [owner_span]  # "the Broadcaster’s Uzbek Service", "…’s Dungan": an outlet's desk, the outlet
    if place and len(body) >= 2 and any(names.is_org_word(w) for w in body):
        return [owner_span, Cand(cand.start + m.start("body"), cand.end, "organization", cand.origin)]
    if len(owner.split()) == 1 and _named_person(doc, owner) and len(body) >= 2:
        # "Vardanian’s Civil Contract": a politician's party, the person and the body
        return [Cand(owner_span.start, owner_span.end, "person", cand.origin),
                Cand(cand.start + m.start("body"), cand.end, "organization", cand.origin)]
    if len(body) < 2 or not names.is_org_word(body[0]):
        return []  # "the General Prosecutor’s Office" is one body's name
    if not (owner.isupper() or (names.is_org_word(owner.split()[-1]) and not names.is_role_word(owner.split()[-1]))):
        return []
    return [Cand(cand.start, cand.start + m.end("owner"), "organization", cand.origin),
            Cand(cand.start + m.start("body"), cand.end, "organization", cand.origin)]


def _named_person(doc: str, word: str) -> bool:
    """``word`` is a person's surname: a strong surname ending, or a surname shape the document
    also writes after a given name ("Artur Vardanian" ... "Vardanian’s party")."""
    if names.is_org_word(word) or is_english_word(word) or not names.looks_like_surname(word):
        return False
    if names.has_strong_surname_suffix(word):
        return True
    return any(names.is_given_name(m.group(1))
               for m in re.finditer(r"\b([A-Z][a-z]+) " + re.escape(word) + r"\b", doc))


def split_place_acronym(doc: str, cand: Cand) -> list[Cand]:
    """"Estonia RPL" -> a country and an acronym: list rows glue a country to a party code."""
    m = re.fullmatch(r"(.+) ([A-Z]{2,6})", cand.text(doc))
    if m and is_territory(m.group(1)) and not (m.group(1).isupper() and cand.origin == "dateline"):
        # (a dateline's place in capitals is one name: "NORTH CITY (AP) --")
        mid = cand.start + len(m.group(1))
        return [Cand(cand.start, mid, "location", cand.origin), Cand(mid + 1, cand.end, "organization", cand.origin)]
    return [cand]


def join_leading_adjectives(text: str, model: list[Cand]) -> list[Cand]:
    """A capitalised adjective the model read as a group of people right before a body's name of
    two words or more is the name's first word ("Liberal" + "Farmers’ Party"); a people's or a
    country's adjective is not ("Russian" + "Foreign Ministry")."""
    out: list[Cand] = []
    for cand in model:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "norp" and cand.label == "organization" and text[prev.end:cand.start] == " " \
                and len(cand.text(text).split()) >= 2 and len(prev.text(text).split()) == 1 \
                and not names.is_demonym(prev.text(text)):
            out[-1] = Cand(prev.start, cand.end, "organization", cand.origin)
            continue
        out.append(cand)
    return out


def join_adjacent_persons(doc: str, cands: list[Cand]) -> list[Cand]:
    """Two person spans separated by one space are one name the model cut in two."""
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: c.start):
        if out and out[-1].label == c.label == "person" and doc[out[-1].end:c.start] == " " \
                and (not any(names.looks_like_surname(t) for t in _tokens(out[-1].text(doc)))
                     or c.text(doc).isupper()):
            out[-1] = Cand(out[-1].start, c.end, "person", out[-1].origin)
        else:
            out.append(c)
    return out


def split_surname_pairs(doc: str, cand: Cand) -> list[Cand]:
    """Two surnames and no given name ("Ivanova Petrov") are two people, not one full name."""
    matches = list(re.finditer(r"\S+", cand.text(doc)))
    toks = [m.group() for m in matches]
    if len(toks) == 2 and not any(names.is_given_name(t) for t in toks) \
            and all(names.has_strong_surname_suffix(t) for t in toks) and not all(t.isupper() for t in toks):
        return [Cand(cand.start + m.start(), cand.start + m.end(), "person", cand.origin) for m in matches]
    return [cand]


def harmonise_full_names(doc: str, cands: list[Cand]) -> None:
    """A full name typed as a body or place is a person when its words are all name words and
    the document uses its surname or its given name for a person: a headline "Anna Vorn" typed
    as an organisation beside "Vorn said" or "Anna Voorn" in the text."""
    bare: set[str] = set()
    givens: set[str] = set()
    for c in cands:
        toks = _tokens(c.text(doc))
        if c.label == "person":
            bare.add(toks[-1].casefold())
            if len(toks) >= 2:
                givens.add(token_key(toks[0]))
    for c in cands:
        toks = _tokens(c.text(doc))
        if c.label != "person" and c.origin == "model" and 2 <= len(toks) <= 3 \
                and (toks[-1].casefold() in bare or token_key(toks[0]) in givens) \
                and all(is_bare_name_word(t) for t in toks):
            c.label = "person"


def harmonise_labels(doc: str, cands: list[Cand]) -> None:
    """Give every mention of a token the label it has in the document's full person names.

    If "Anna Petrova" is a person, a bare "Petrova" typed as a place elsewhere in the same
    document is the same person; likewise a lone given name ("Anna") that starts a full name.
    """
    surnames: set[str] = set()
    givens: dict[str, str] = {}  # token key of a full name's first word -> that word
    persons: set[str] = set()
    for c in cands:
        toks = _tokens(c.text(doc))
        if c.label == "person" and len(toks) >= 2:
            surnames.add(toks[-1].lower())
            givens[token_key(toks[0])] = toks[0]
            persons.add(c.text(doc))
    org_texts = {c.text(doc) for c in cands if c.label == "organization"}
    # bodies the words around them name as such ("the X party", "the newspaper X")
    kinds = {c.text(doc) for c in cands if c.label == "organization" and c.origin in ("kind_led", "kind_trailed", "legal_form")}
    # "X" beside "X LLP" or "JSC X": the bare name of a body the document names with its legal form
    org_cores = {org_key(t) for t in org_texts if org_key(t) != fold(t)}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in cands:
        if c.origin == "model":
            votes[c.text(doc).casefold()][c.label] += 1
    written = defaultdict(Counter)  # the same surface in ordinary case: "URALSK," in a dateline is "Uralsk"
    for c in cands:
        if c.origin == "model" and not c.text(doc).isupper():
            written[c.text(doc).casefold()][c.label] += 1
    for c in cands:
        toks = _tokens(c.text(doc))
        labels = votes.get(c.text(doc).casefold())
        if c.text(doc).isupper() and len(c.text(doc)) > 3 and written.get(c.text(doc).casefold()):
            labels = written[c.text(doc).casefold()]
        if c.origin == "model" and labels and c.label != "person":
            top, n = labels.most_common(1)[0]
            if n > labels[c.label] and top != "person":  # majority label of the same surface
                c.label = top
        if c.label == "person" and (any(o.startswith(c.text(doc) + " ") for o in org_texts) or c.text(doc) in kinds):
            c.label = "organization"  # "X" and "X newspaper", "the X party": the person reading was wrong
            continue
        if c.label in {"person", "location"} and c.origin == "model" and fold(c.text(doc)) in org_cores:
            c.label = "organization"
            continue
        if c.label != "person" and c.origin == "model" and c.text(doc) in persons:
            c.label = "person"
        if len(toks) == 1 and c.label != "person" and c.origin == "model":
            tok = toks[0].lower()
            if tok in surnames or (token_key(tok) in givens and _given_name_use(doc, toks[0])) \
                    or _misspelt_surname(tok, surnames, doc):
                c.label = "person"


def _misspelt_surname(word: str, surnames: set[str], doc: str) -> bool:
    """A word written once that is one letter off the surname of a full name in the document
    ("Pertova" once beside "Anna Petrova" throughout): a slip of the pen for it."""
    if names.is_org_word(word) or is_english_word(word) or doc.lower().count(word) != 1:
        return False
    return sum(1 for s in surnames if one_letter_apart(s, word)) == 1


def _given_name_use(doc: str, word: str) -> bool:
    """A word that starts a full name in the document is that person's given name, unless it
    reads as a place, a title or an ordinary word the document also writes in lower case."""
    if names.is_given_name(word):
        return True
    if is_main_territory_name(word) or _known_town(word) or names.is_role_word(word) or names.is_org_word(word):
        return False
    return re.search(r"(?<![\w'’-])" + re.escape(word.lower()) + r"(?![\w'’-])", doc) is None


def harmonise_lists(doc: str, cands: list[Cand]) -> None:
    """In a list ("Taraz, Uralsk and Kostanay") a one-word member the model typed differently
    from all the others takes their type, unless its own shape says otherwise."""
    ordered = sorted(cands, key=lambda c: c.start)
    chains: list[list[Cand]] = []
    for c in ordered:
        if chains and re.fullmatch(r",\s*|\s+and\s+|,\s*and\s+", doc[chains[-1][-1].end:c.start]):
            chains[-1].append(c)
        else:
            chains.append([c])
    for chain in chains:
        if len(chain) < 3:
            continue
        labels = Counter(c.label for c in chain)
        top, n = labels.most_common(1)[0]
        if n < len(chain) - 1:
            continue
        for c in chain:
            word = c.text(doc)
            if c.label != top and len(word.split()) == 1 and c.origin == "model" \
                    and not names.is_org_word(word) and not word.isupper():
                c.label = top


_NAME_ITEM = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}"
_NAME_LIST = re.compile(rf"(?<![\w'’-]){_NAME_ITEM}(?:,\s+{_NAME_ITEM}){{0,}},?\s+and\s+{_NAME_ITEM}(?![\w'’-])")
_LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s+")


def complete_name_lists(doc: str, cands: list[Cand]) -> list[Cand]:
    """In a list of full names ("A B, C D, E F and G H") where the model tagged most items as
    persons, an item it missed, or cut to one word, is a person too, when each of its words
    can be part of a name (no ordinary word, place or body word); in a pair ("A B and C D"),
    when it also opens with a known given name. Returns the spans to add; a cut item's span is
    widened in place."""
    added: list[Cand] = []
    persons = {(c.start, c.end): c for c in cands if c.label == "person"}
    for m in _NAME_LIST.finditer(doc):
        items, pos = [], m.start()
        for sep in _LIST_SEPARATOR.finditer(doc, m.start(), m.end()):
            items.append((pos, sep.start()))
            pos = sep.end()
        items.append((pos, m.end()))
        tagged = [span for span in items if span in persons]
        if len(tagged) < max(1, len(items) - 2) or (len(items) > 2 and len(tagged) < 2):
            continue
        for start, end in items:
            if (start, end) in persons:
                continue
            inside = [c for c in cands if c.start < end and start < c.end]
            words = doc[start:end].split()
            if any(c.label != "person" or c.start < start or c.end > end for c in inside) \
                    or not all(names.is_given_name(w) or is_bare_name_word(w) for w in words) \
                    or (len(items) == 2 and not names.is_given_name(words[0])):
                continue
            if inside:
                inside[0].start, inside[0].end = start, end
            else:
                added.append(Cand(start, end, "person", "name_list"))
    return added
