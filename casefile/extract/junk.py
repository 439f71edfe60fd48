"""Filters for spans that are not names of real-world things.

Headings and titles read as organisations, job titles, legal-form words, demonyms, currency
prefixes, law names, keyboard shortcuts and photo credits are all rejected by their shape.
"""
from __future__ import annotations

import re
from functools import lru_cache

from casefile.extract.spans import Cand
from casefile.extract.titles import after_work_kind, in_quoted_title
from casefile.nlp import lexicons, names
from casefile.nlp.english import is_english_word
from casefile.nlp.territories import is_territory

_KEEP = {"person", "organization", "location", "event"}
_LAW_HEAD = {"code", "law", "constitution", "article", "articles", "act", "decree", "statute", "subparagraph",
             "paragraph", "clause"}
# acronyms of trades, departments and kinds of body: no body's name ("the IT industry", "head of HR")
_TRADE_ACRONYMS = {"it", "hr", "pr", "qa", "tv", "pc", "ai", "ceo", "cfo", "coo", "cto", "ngo", "ngos"}
_NO_PLACE = {"earth", "world", "west", "east", "north", "south", "globe"}
_HONOURS = {"award", "awards", "prize", "prizes", "medal"}
_MEDIA_TAIL = {"photo", "photos", "video", "image", "images", "footage"}
# lowercase words that may sit inside an organisation's name ("X city court", "Akimat of Y region")
_LOWER_OK = {"of", "the", "and", "for", "on", "in", "to", "without", "against", "with", "at", "de", "du", "des", "la",
             "city", "region", "district", "oblast", "regional"}
_NAME_LINKS = {"to", "without", "against", "with", "at"}
_OPEN_Q = "“\"«„'‘"
_CLOSE_Q = "”\"»“'’"


def _org_before_of(toks: list[str]) -> bool:
    """An organisation word heads the name before an "of"/"for" phrase ending in a law word."""
    head = []
    for t in toks:
        if t.lower() in {"of", "for", "on"}:
            break
        head.append(t)
    return len(head) < len(toks) and any(names.is_org_word(t) for t in head)


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_NUMBERED_NAME = re.compile(r"(?P<word>[A-Z][a-z]{2,})[ -][1-9]\d?")


def is_numbered_name(text: str) -> bool:
    """"Kanal 7", "Tolqyn-24": a coined word and a small number, the way TV channels and radio
    stations are named. A law ("Article 19"), a month or an English word before the number is not.
    An address ("Dostyk 12") has the same shape, so a model's span of it is kept only when the text
    names it more than once."""
    m = _NUMBERED_NAME.fullmatch(text)
    return m is not None and not is_english_word(m.group("word")) and m.group("word").lower() not in _LAW_HEAD \
        and not is_territory(m.group("word"))


# an outlet's desk for one language or people: "Kazakh Service", "Dungan language service"
_LANGUAGE = r"[A-Z][a-z]+(?: [Ll]anguage)?"
_DESK = r"[Ss]ervice|[Dd]esk|[Ss]ection"
_LANGUAGE_DESK = re.compile(rf"{_LANGUAGE} (?:{_DESK})")
# ... and after an owner's possessive, where the desk's word may be left out ("X’s Dungan") and
# an edition or a bureau counts too
OWNED_LANGUAGE_DESK = re.compile(rf"{_LANGUAGE}(?: (?:{_DESK}|[Ee]dition|[Bb]ureau))?")


def is_junk(doc: str, cand: Cand, headings: list[tuple[int, int]], sentence_starts: set[int]) -> bool:
    """True when the span should not become an entity mention."""
    text = cand.text(doc)
    toks = text.split()
    numbered_body = cand.label == "organization" and any(names.is_org_word(t) for t in toks) \
        and all(not ch.isdigit() for t in toks if not _ORDINAL.fullmatch(t) for ch in t)  # "the 3rd Criminal Court"
    if cand.label not in _KEEP or not toks or not (text[0].isupper() or names.is_article_surname(text)
                                                   or (numbered_body and _ORDINAL.fullmatch(toks[0]))):
        return True
    lowered = [t.lower().strip(".,") for t in toks]
    if (any(ch.isdigit() for ch in text) and cand.origin != "kind_led" and not numbered_body
            and not (cand.label == "organization" and is_numbered_name(text) and doc.count(text) > 1)) \
            or re.search(r"[+@#=<>{}|]", text):
        return True
    if re.match(r" ?\$\s?\d", doc[cand.end:cand.end + 4]):  # "HK$900", "US $112": a currency prefix
        return True
    if cand.label == "organization" and _LANGUAGE_DESK.fullmatch(text) and re.search(r"['’]s\s+$", doc[max(0, cand.start - 4):cand.start]):
        return True  # "B’s Kazakh Service": the outlet's desk, which the mention of B stands for
    if len(toks) == 1 and (text.isupper() or text.lower() in lexicons.load("money_units")) \
            and re.search(r"\d\s*$", doc[max(0, cand.start - 4):cand.start]):
        return True  # "100 MCI", "5 KZT", "900 Euro": a unit after a number
    if cand.label == "organization" and cand.origin == "model" and toks[-1].islower() and len(toks) <= 3 \
            and re.search(r"\b(?:a|an)\s+$", doc[max(0, cand.start - 4):cand.start]):
        return True  # "a Moscow court", "an Almaty prison": a description, not a name
    if len(toks) == 1 and text.isupper() and lowered[0] in _TRADE_ACRONYMS:
        return True  # "the IT industry", "a PR firm": a trade, not a body
    if cand.label == "location" and len(toks) == 1 and lowered[0] in _NO_PLACE:
        return True  # "the West", "on Earth": a bloc or the planet, no place of the case
    if any(t in _HONOURS for t in lowered) and not any(names.is_org_word(t) for t in toks):
        return True  # "the Golden Pen Award", "the Prize for Courage": an honour, not a body
    if len(toks) == 1 and re.match(r"\.\s*\d", doc[cand.end:cand.end + 4]):
        return True  # "Art. 174", "No. 7": an abbreviation before a number
    if (lowered[-1] in _LAW_HEAD and not _org_before_of(toks)) or (lowered[0] in _LAW_HEAD and cand.label != "person"):
        return True  # "the Media Law", "Code of Conduct" - but not "Bureau for ... Rule of Law"
    if lowered[-1] in _MEDIA_TAIL:
        return True
    if all(names.is_role_word(t) or names.is_honorific(t) or t.lower() in {"of", "the", "and", "for"}
           for t in toks) or (len(toks) == 1 and names.is_org_word(toks[0])):
        return True  # "Deputy Head", "Corporation": a title or a generic word, not a name
    if cand.label == "organization" and re.match(r"\s*[“\"«„][A-Z]", doc[cand.end:cand.end + 4]) \
            and names.is_org_word(toks[-1]) and all(is_english_word(t) or names.is_org_word(t) for t in toks):
        return True  # "the Human Rights Center “X”": the kind of body; the quoted name is its name
    if cand.label == "organization" and text.isupper() and re.search(r"\b(?:a|an|no|any)\s+$", doc[max(0, cand.start - 5):cand.start]) \
            and not _employer_before_role(doc, cand.end):
        return True  # "there was no ABC": an acronym used as a common noun (but "an ABC reporter")
    if cand.label == "location" and names.is_demonym(toks[0]) and len(toks) > 1:
        return True  # "Tajik Astraea": an adjective phrase, not a place
    if " ".join(lowered) in _legal_forms():
        return True
    if names.is_demonym(text) or (names.is_demonym(toks[0]) and all(t[:1].islower() for t in toks[1:])):
        return True
    if cand.label == "organization" and len(toks) >= 2 and (is_territory(toks[0]) or toks[0] in ("US", "UK")) \
            and all(t.islower() for t in toks[1:]):
        return True  # "U.S. embassy", "Ruritania government": a country's body described, not named
    if cand.label != "person" and names.is_role_word(toks[0]) and cand.origin == "model" \
            and not names.is_org_word(toks[-1]):
        return True  # "Deputy Governor of X" is a title, not an organisation
    if cand.label == "organization" and cand.origin == "model" and any(
            t[:1].islower() and t.lower() not in _LOWER_OK and not names.is_org_word(t) for t in toks):
        return True  # "Turkmen officials": an adjective and a common noun
    if cand.label == "organization" and cand.origin == "model" and any(
            t in _NAME_LINKS and (i + 1 == len(toks) or not toks[i + 1][:1].isupper()) for i, t in enumerate(toks)):
        return True  # "Talgar to the firm": "to" inside a name links capitalised words ("Committee to Protect")
    if len(toks) == 1 and text.endswith("s") and names.is_given_name(text[:-1]) and not names.is_given_name(text):
        return True  # "the two Seriks": a plural of a given name
    if cand.label == "organization" and cand.origin == "model" and len(toks) > 1 and names.is_role_word(toks[-1]):
        return True  # "UN Special Rapporteur": a title
    if cand.label == "organization" and _followed_by_role_word(doc, cand):
        return True  # "the Senior Outreach [Coordinator]"
    if cand.label != "person" and cand.origin == "model" and _in_heading(cand, headings, doc):
        return True
    if cand.origin == "model" and _inside_heading(cand, headings, doc) and not is_territory(text) and all(
            is_english_word(t) and not names.looks_like_surname(t) for t in toks):
        return True  # a common word of a title ("Why Rivers Are Drying in ...")
    if cand.label != "person" and cand.origin == "model" and len(toks) >= 3 and _quoted_title(doc, cand):
        return True
    if cand.origin == "model" and after_work_kind(doc, cand):
        return True  # "the documentary “X”", "a report titled X": a work, not its subject
    title = in_quoted_title(doc, cand) if cand.origin == "model" else None
    if title is not None and (cand.label != "person" or (title[0], title[1]) == (cand.start, cand.end)):
        return True  # a body or place inside a quoted headline, or the whole headline read as a person
    if cand.label == "organization" and re.match(r"-based\b", doc[cand.end:cand.end + 7]):
        return True  # "Independent X-based newspaper": a descriptive phrase ending in a place
    if cand.label != "person" and text.isupper() and (text in _law_acronyms(doc) or text in _common_noun_acronyms(doc)
                                                      or _ARTICLE_OF.search(doc[max(0, cand.start - 40):cand.start])):
        return True  # "Criminal Code (CC)", "Art. 12 of the CC", "natural gas (NG)": no body's name
    if len(toks) == 1 and cand.origin == "model" and cand.start in sentence_starts \
            and is_english_word(toks[0]) and not names.is_given_name(toks[0]) \
            and not names.looks_like_surname(toks[0]) and cand.label in {"person", "organization"}:
        return True  # "Border guards ...": a capitalised common word
    return False


def strip_heading_words(doc: str, cand: Cand, headings: list[tuple[int, int]]) -> Cand:
    """In a Title Case heading, a name runs into capitalised verbs ("X Detained", "X Police Briefly
    Detain"): cut them; a body keeps its head word."""
    if cand.label not in {"person", "organization"} or not _inside_heading(cand, headings):
        return cand
    toks = list(re.finditer(r"\S+", cand.text(doc)))
    while len(toks) > 1 and is_english_word(toks[-1].group()) and not names.looks_like_surname(toks[-1].group()) \
            and not (cand.label == "organization" and names.is_org_word(toks[-1].group())):
        toks.pop()
    start = cand.start
    if cand.label == "person" and len(toks) == 2 and _other_given_name(doc, toks[0].group(), toks[1].group()):
        start += toks[1].start()  # "Rebel Ally Novak Jailed": the text calls her "Dana Novak"
    return Cand(start, cand.start + toks[-1].end(), cand.label, cand.origin)


def _other_given_name(doc: str, first: str, surname: str) -> bool:
    """``first`` is an English word and the text writes ``surname`` after another given name."""
    if not is_english_word(first.lower()):
        return False
    return any(m.group(1) != first and names.is_given_name(m.group(1))
               for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", doc))


def strip_trailing_roles(doc: str, cand: Cand) -> Cand:
    """"East Africa Correspondent" -> "East Africa": a place name followed by a job title."""
    text = cand.text(doc)
    toks = list(re.finditer(r"\S+", text))
    while len(toks) > 1 and cand.label == "location" and names.is_role_word(toks[-1].group()):
        toks.pop()
    end = cand.start + toks[-1].end() if toks else cand.end
    return Cand(cand.start, end, cand.label, cand.origin)


def _legal_forms() -> frozenset[str]:
    from casefile.nlp import lexicons

    return lexicons.legal_form_words()


def _followed_by_role_word(doc: str, cand: Cand) -> bool:
    """A capitalised title follows: the span is its first words ("the Senior Outreach
    [Coordinator]"), unless the span is a body by its head word and a name follows the title
    ("X District Court Judge Anna B": the judge's court)."""
    m = re.match(r" ([A-Z][a-z]+)\b( [A-Z][a-z]+)?", doc[cand.end:cand.end + 40])
    if not (m and names.is_role_word(m.group(1))):
        return False
    head = cand.text(doc).split()[-1]
    return not (names.is_org_word(head) and m.group(2) and not names.is_role_word(m.group(2).strip()))


def _in_heading(cand: Cand, headings: list[tuple[int, int]], doc: str = "") -> bool:
    """The span covers most of a heading line: the heading itself was read as a name. A line
    ending in a comma is a salutation or a list row running on, not a heading."""
    for start, end in headings:
        if start <= cand.start and cand.end <= end:
            if doc[start:end].rstrip().endswith(","):
                return False
            return (cand.end - cand.start) >= 0.5 * (end - start)
    return False


_ARTICLE_OF = re.compile(r"\b(?:Art|Arts|Article|Articles)\.?\s+[\w.,()\s-]{1,25}?\s+of\s+(?:the\s+)?$")
_LAW_ACRONYM = re.compile(r"\b(?:Code|Law|Act|Constitution)\s*\((?P<acr>[A-Z]{2,6})\)")


_DEFINED = re.compile(r"\((?P<acr>[A-Z]{2,6})\)")


@lru_cache(maxsize=8)
def _common_noun_acronyms(doc: str) -> set[str]:
    """Acronyms a text defines for lower-case words ("liquefied natural gas (LNG)"): a thing's
    abbreviation, not a body's."""
    out: set[str] = set()
    for m in _DEFINED.finditer(doc):
        acr = m.group("acr")
        words = re.findall(r"[\w-]+", doc[max(0, m.start() - 80):m.start()])[-len(acr):]
        if len(words) == len(acr) and all(w[:1].islower() for w in words) \
                and "".join(w[0] for w in words).upper() == acr:
            out.add(acr)
    return out


@lru_cache(maxsize=8)  # asked once per span of the same document
def _law_acronyms(doc: str) -> set[str]:
    """Acronyms a text defines for a law ("the Criminal Code (CC)")."""
    return {m.group("acr") for m in _LAW_ACRONYM.finditer(doc)}


def _inside_heading(cand: Cand, headings: list[tuple[int, int]], doc: str = "") -> bool:
    return any(start <= cand.start and cand.end <= end and not doc[start:end].rstrip().endswith(",")
               for start, end in headings)


def _quoted_title(doc: str, cand: Cand) -> bool:
    """The span is (nearly) all of a quoted string: the title of a video, report or statement."""
    before = doc[max(0, cand.start - 5):cand.start].rstrip()
    after = doc[cand.end:cand.end + 5].lstrip()
    opened = before[-1:] in _OPEN_Q or (before.lower().endswith("the") and before[-4:-3] in _OPEN_Q)
    return opened and after[:1] in _CLOSE_Q


def _employer_before_role(doc: str, end: int) -> bool:
    """An acronym right before a person's trade names their employer: "a KNB officer", "an XYZ
    correspondent"."""
    m = re.match(r"\s+([a-z]+)\b", doc[end:end + 30])
    return m is not None and names.is_role_word(m.group(1))
