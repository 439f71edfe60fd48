"""Rule-based finders for names a statistical NER model tends to miss on this domain.

Each rule is a general pattern of how names are written, not a list of names:
an honorific before a name, an organisation's name in quotes after its legal form
(a Central Asian and Russian convention), a capitalised phrase headed by an organisation word
("the Turan District Court of Aktau"), and acronyms defined in parentheses.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from casefile.extract.dates import MONTH_NAMES, WEEKDAY_NAMES
from casefile.extract.spans import PUBLIC_BODIES, Cand
from casefile.nlp import lexicons, names
from casefile.nlp.english import is_english_word
from casefile.nlp.gazetteer import in_town_list, is_town
from casefile.nlp.territories import is_main_territory_name, is_territory

_NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
# courtesy titles that stand before a name (the lexicon also lists ones written after it)
_AFTER_NAME = frozenset({"jr", "sr", "esq"})
_TITLES = r"(?:" + "|".join(sorted((h.title() for h in lexicons.honorifics() - _AFTER_NAME), key=len, reverse=True)) + r")"
_HONORIFIC = re.compile(r"\b(?P<h>" + _TITLES + r")\.?\s+(?P<name>" + _NAME_TOKEN + r"(?:[ \-]" + _NAME_TOKEN + r"){0,3})")
_OPEN_QUOTES = "“\"«„"
_CLOSE_FOR = {"“": "”", "\"": "\"", "«": "»", "„": "“"}
_ACRONYM_DEF = re.compile(r"\((?P<acr>[A-Z][A-Z&.\-]{1,9})\b[^)]{0,40}\)")
# "The Association of Free Media of X (Freemed)": a body's one-word short name in brackets
_SHORT_NAME_DEF = re.compile(r"\((?P<acr>[A-Z][a-z]{3,14})\)")
# "the group X (also known as the Y Initiative)": a body's other name, in brackets
_ALSO_KNOWN_AS = re.compile(r"[”\"']?\s*\((?:also\s+)?(?:known|called)\s+as\s+(?:the\s+)?"
                            r"(?P<acr>[A-Z][\w'’-]*(?:\s+(?:of|for|and|the)?\s*[A-Z][\w'’-]*){0,5})\)")


def honorific_names(doc: str) -> Iterator[Cand]:
    """Mr./Ms./Dr. followed by capitalised tokens is a person ("Mr. Paolo VERDINI")."""
    for m in _HONORIFIC.finditer(doc):
        tokens = m.group("name").split()
        while tokens and (names.is_role_word(tokens[-1]) or names.is_org_word(tokens[-1])):
            tokens.pop()
        if tokens:
            start = m.start("name")
            yield Cand(start, start + len(" ".join(tokens)), "person", "honorific")


# a trade opening a sentence before a name: "Blogger A B said", "Journalist A B was detained"
_TRADE_LED = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))(?P<role>[A-Z][a-z]+)\s+"
                        r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})(?![\w'’-])", re.M)


def trade_led_names(doc: str) -> Iterator[Cand]:
    """"Blogger A B was detained": a capitalised trade opening a sentence, then two or three
    capitalised words that can only be a name, the first a known given name, is a person (the
    model often misses a name it reads as part of a title)."""
    for m in _TRADE_LED.finditer(doc):
        words = m.group("name").split()
        if names.is_role_word(m.group("role")) and names.is_given_name(words[0]) \
                and not any(names.is_org_word(w) or names.is_role_word(w) for w in words):
            yield Cand(m.start("name"), m.end("name"), "person", "trade_led")


# the speaker of a quote's tail, named by a capitalised word or two: "“...,” Price said", "“...,”
# said Vance"; the verbs of speech that open such a tail most often
_TAIL_SPEAKER = re.compile(r"[”\"]\s*,?\s*(?:(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:said|says|added|wrote|told)\b"
                           r"|(?:said|says|added|wrote)\s+(?P<name2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=\s*[.,;]))")


def tail_speakers(doc: str) -> Iterator[Cand]:
    """"“...,” Price said": the capitalised word that says a quote is its speaker, a person, even
    when it is also an English word the model reads as a common noun. Not a body, a post, a
    country or a town ("“...,” Police said", "“...,” Russia said")."""
    for m in _TAIL_SPEAKER.finditer(doc):
        group = "name" if m.group("name") else "name2"
        words = m.group(group).split()
        if any(names.is_org_word(w) or names.is_role_word(w) or names.is_honorific(w) or names.is_demonym(w)
               or is_main_territory_name(w) or is_town(w) or w.lower() in _NOT_SPEAKER_WORDS for w in words):
            continue
        yield Cand(m.start(group), m.end(group), "person", "tail_speaker")


# two to four capitalised words opening a sentence or a line, then a comma and an article
_APPOSED = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,3}),[ \t]+(?:an?|the)[ \t]", re.M)


def apposed_names(doc: str) -> Iterator[Cand]:
    """"A B C, a local activist known for ..., was convicted": the words a post in apposition
    describes are a person's name (the cue of ``casefile.extract.cues``), where the model found
    none; words that may only be a body's, a post's or a place's are no name."""
    from casefile.extract.cues import cue_label

    for m in _APPOSED.finditer(doc):
        cand = Cand(m.start("name"), m.end("name"), "person", "apposed")
        words = m.group("name").split()
        if not any(names.is_org_word(w) or names.is_role_word(w) or is_territory(w) or names.is_demonym(w)
                   or w.lower() in _NOT_SPEAKER_WORDS for w in words) and cue_label(doc, cand) == "person":
            yield cand


# capitalised words that open a tail without naming anyone
_NOT_SPEAKER_WORDS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that", "the", "a", "an", "one",
                                "officials", "authorities", "prosecutors", "witnesses", "activists", "lawyers",
                                "critics", "residents", "sources", "reports", "media", "state"})


# "the City Court", "the District Court": a body's generic name after "the"
_GENERIC_BODY = re.compile(r"(?<=\bthe )(?P<name>(?:[A-Z][a-z]+ ){1,2}(?:Court|Prosecutor's Office|Police Department|Akimat))\b")


def generic_body_mentions(doc: str, bodies: list[Cand]) -> list[Cand]:
    """"The City Court" after "the Bishkek City Court": a body's generic name, every word a word of
    bodies or levels, that ends exactly one body named in full in the text, as a mention of it."""
    out: list[Cand] = []
    for m in _GENERIC_BODY.finditer(doc):
        name = m.group("name")
        if not names.is_generic_body_name(name):
            continue
        full = {doc[b.start:b.end] for b in bodies if b.label == "organization" and b.end - b.start > len(name)
                and (doc[b.start:b.end].endswith(" " + name) or f" {name} of " in doc[b.start:b.end])}
        if len(full) == 1 and not any(b.start < m.end() and m.start() < b.end for b in bodies):
            out.append(Cand(m.start("name"), m.end("name"), "organization", "generic_body"))
    return out


# kinds of bodies whose name follows in quotes, as legal forms do: "the weekly “X”"
_KINDS = ("project", "channel", "movement", "initiative", "campaign", "newspaper", "weekly", "magazine", "portal",
          "website", "party", "bloc", "union", "network", "coalition", "club", "group", "center", "centre", "society",
          "institute", "committee", "council", "platform", "agency", "organization", "organisation", "association",
          "foundation", "fund", "bureau")


def _legal_form_pattern() -> re.Pattern[str]:
    forms = sorted([*lexicons.legal_form_words(), *_KINDS], key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(r"\b(?:" + alternation + r")\s*[" + re.escape(_OPEN_QUOTES) + "]", re.IGNORECASE)


def quoted_org_names(doc: str) -> Iterator[Cand]:
    """A legal form followed by a quoted name ("the NGO “Bright Steppe”") is an organisation."""
    pattern = _legal_form_pattern()
    for m in pattern.finditer(doc):
        open_q = doc[m.end() - 1]
        start = m.end()
        # nested: the quoted text may itself open with another legal form and quote
        inner = pattern.match(doc, start)
        if inner:
            continue
        close = _CLOSE_FOR.get(open_q, "”")
        line_end = doc.find("\n", start)
        line_end = len(doc) if line_end < 0 else line_end
        candidates = [i for i in (doc.find(close, start, line_end), doc.find("”", start, line_end),
                                  doc.find("\"", start, line_end)) if i > start]
        end = min(candidates) if candidates else -1
        if end < 0 or end - start > 160:
            continue
        last_open = max(doc.rfind(q, start, end) for q in _OPEN_QUOTES)
        if last_open >= start:  # nested: LLC “Association “Name”” -> the innermost name
            start = last_open + 1
        name = doc[start:end].strip()
        if name and name[0].isupper():
            yield Cand(start, start + len(doc[start:end].rstrip()), "organization", "legal_form")


_CAP = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_MONTH = r"(?:" + "|".join(m.title() for m in MONTH_NAMES) + r")\b"
_CALENDAR = r"(?:" + "|".join(d.title() for d in WEEKDAY_NAMES) + r"|" + "|".join(m.title() for m in MONTH_NAMES) + r")\b"
_CAP_PHRASE = re.compile(r"(?<![\w'’-])" + _CAP + r"(?:[ \t]+(?:(?:of|for|and|on)[ \t]+(?:the[ \t]+)?)?(?!" + _CALENDAR
                         + r")" + _CAP + r")+")  # one line: a heading above is not part of a name
_CONNECTORS = {"of", "for", "on", "the", "and"}
# capitalised function words only appear inside names in Title Case headings and titles
_TITLE_WORDS = {"Against", "On", "In", "For", "With", "To", "At", "By", "From", "About", "And", "Or", "Is", "Are",
                "Was", "Were", "How", "Why", "What", "Who", "Over", "After", "Before", "Into", "Under"}


def headed_org_names(doc: str, headings: list[tuple[int, int]] | None = None) -> Iterator[Cand]:
    """A capitalised phrase of 3+ words whose head is an organisation word, with a name-like word
    in it, is an organisation: "The Turan District Court of Aktau". Title-case headings are skipped."""
    for phrase in _CAP_PHRASE.finditer(doc):
        if any(s <= phrase.start() < e for s, e in headings or []):
            continue
        offset = phrase.start()
        for part in _bodies(phrase.group()):
            cand = _headed(part, offset)
            offset += len(part)
            if cand is not None:
                yield cand


# a plural role word and a linking word before a capitalised phrase: "Lawyers for Civic Freedom"
_ROLE_LED = re.compile(r"(?<![\w'’-])(?P<role>[A-Z][a-z]+) (?P<link>Without|without|For|for|In|in|Against|against|"
                       r"Beyond|beyond|Across|across|Under|under) (?:[Tt]he )?"
                       r"(?P<rest>[A-Z][\w'’-]+(?: (?:and |of (?:the )?)?[A-Z][\w'’-]+){0,3})")


def role_led_org_names(doc: str) -> Iterator[Cand]:
    """A plural role word, a linking word and a capitalised phrase name a body of those people
    ("Lawyers for Civic Freedom", "Engineers Without Limits"): the model reads the role word as
    a title and the rest as a person. "Reporters in Taraz" (a place after "in") is no name."""
    for m in _ROLE_LED.finditer(doc):
        if not names.is_role_plural(m.group("role")):
            continue
        rest = m.group("rest").split()
        first = rest[0].rstrip("'’s")
        cut = next((i for i, w in enumerate(rest) if i and (names.is_role_word(w) or names.is_honorific(w)
                                                           or names.is_given_name(w))), len(rest))
        while cut > 1 and rest[cut - 1] in {"and", "of", "the"}:
            cut -= 1  # "X Without Borders Director Anna": the title and the name after it are not the body's
        if is_territory(first) or is_town(first) or in_town_list(first) or names.is_demonym(first) \
                or names.is_given_name(first) or (m.group("link").islower() and len(rest) == 1
                                                  and names.looks_like_surname(first)):
            continue  # "Lawyers for Almaty", "Reporters for Kazakh media", "Lawyers for Anna Petrova"
        end = m.start("rest") + len(" ".join(rest[:cut]))
        end -= 2 if re.search(r"['’]s$", doc[m.start():end]) else 0
        yield Cand(m.start(), end, "organization", "role_led")


# a quoted capitalised name: 'Steppe Media', “Steppe Media”, "Steppe Media"
_QUOTED_NAME = re.compile(r"(?<![\w'’])['‘“\"](?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*){0,4})[,.]?['’”\"](?![\w])")


def staff_quoted_bodies(doc: str) -> Iterator[Cand]:
    """A quoted name that people work for: after a role or membership word and "of", "at" or
    "for" ("an employee of 'X'", "the leaders of “X”"), before a plural one ("'X' executives",
    "“X” journalists") or a word of membership ("a 'X' member"), or before a capitalised word of
    bodies ("the “X” Party"). A quoted
    title with no such word (a film, a book) is not a body."""
    staff = lexicons.role_words() | lexicons.membership_words()
    for m in _QUOTED_NAME.finditer(doc):
        before = re.search(r"([a-z-]+?)s?\s+(?:of|at|for|from|with)\s+(?:the\s+)?$", doc[max(0, m.start() - 40):m.start()])
        after = re.match(r"\s+([A-Za-z-]+?)(s?)\b", doc[m.end():m.end() + 30])
        kind = after is not None and after.group(1)[:1].isupper() and names.is_org_word(after.group(1))
        member = after is not None and after.group(1) in lexicons.membership_words()  # "a “X” member"
        if (before and before.group(1) in staff) or kind or member or (after and after.group(1) in staff and after.group(2)):
            yield Cand(m.start("name"), m.end("name"), "organization", "quoted_staff")


# a kind of outlet or body in lower case right before a capitalised name, which may end in a number:
# "sister project X Y", "news channel X 13", "opposition party X 24"
_KIND_LED = re.compile(r"\b(?:newspaper|weekly|magazine|outlet|website|portal|channel|station|agency|project|"
                       r"platform|party|movement)\s+(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?: [1-9]\d{0,2})?)"
                       r"(?![\w'’-]| [A-Z\d])")


# a place's name in its Slavic adjective form before a public body: "the Vortansky court", "a Dalannyi prison"
_ADJECTIVAL_BODY = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:sk(?:y|iy|ii|oy|oi|aya|oye)|nn(?:y|yi|iy|oy)))"
                              r"(?: (?:district|city|regional|garrison|military))? (?P<body>[a-z]+)\b")


def adjectival_bodies(doc: str) -> Iterator[Cand]:
    """A place's name in its adjective form before a court, prison or colony is that body ("the
    Vortansky district court"): the model types the adjective as a person or a people, or not at
    all. A surname before such a word has no adjective ending of this kind in English texts."""
    for m in _ADJECTIVAL_BODY.finditer(doc):
        if m.group("body") in PUBLIC_BODIES:
            yield Cand(m.start(), m.end(), "organization", "adjectival_body")


def kind_led_org_names(doc: str) -> Iterator[Cand]:
    """A capitalised name right after the kind of body it is ("news channel X 13", "sister project
    X Y") is that body, number and all; the model cuts such names or reads them as people. A full
    person's name there is the body's owner or subject ("the party Anna Vorn founded"), and common
    words without a number are a description ("the party Congress"), no body."""
    for m in _KIND_LED.finditer(doc):
        words = m.group("name").split()
        if names.person_name_score(words) >= 0.5 or any(is_territory(w) or names.is_demonym(w) for w in words) \
                or (not words[-1].isdigit() and all(is_english_word(w) for w in words)):
            continue
        yield Cand(m.start("name"), m.end("name"), "organization", "kind_led")


# kinds of political group that are sure after a name in lower case: not "movement" ("the X
# movement" may be a cause) or "front" (a battle line)
SURE_GROUP_WORDS = tuple(sorted(lexicons.load("political_group_words") - {"movement", "front"}))


# a capitalised name right before the kind of group it is, in lower case: "the Green Dawn party",
# "their Free Steppe alliance"; after an article, a possessive or a comma, so that the name starts there
_KIND_TRAILED = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|opposition|ruling|banned|new)|['’]s|[,(])\s+"
                           r"(?P<name>[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|for|and)){0,4})"
                           r" (?:" + "|".join(SURE_GROUP_WORDS) + r")\b")


def kind_trailed_org_names(doc: str) -> Iterator[Cand]:
    """A capitalised name before the kind of group it is ("the Green Dawn party") is that group:
    the model misses such names or reads them as a person. A person's full name there owns the
    group ("Anna Vorn's party" never matches: the kind follows the name itself), and one common
    word alone ("the Labour party" aside) is a description ("the Reform movement" is kept: the
    capital says it is a name)."""
    for m in _KIND_TRAILED.finditer(doc):
        words = m.group("name").split()
        while words and words[-1] in ("of", "for", "and"):
            words.pop()
        if not words or names.person_name_score(words) >= 0.5 or all(is_territory(w) or names.is_demonym(w) for w in words):
            continue
        start = m.start("name")
        yield Cand(start, start + len(" ".join(words)), "organization", "kind_trailed")


def _bodies(phrase: str) -> list[str]:
    """Split "X Ministry and the Y Committee" in two, but keep "Bureau for ... and the Rule of Law":
    the part after "and the" is another body only when it has an organisation word of its own."""
    pieces = re.split(r"(\s+and\s+the\s+)", phrase)
    parts = [pieces[0]]
    for joint, piece in zip(pieces[1::2], pieces[2::2]):
        if any(names.is_org_word(w) for w in piece.split()):
            parts += [joint, piece]
        else:
            parts[-1] += joint + piece
    return parts


def _headed(phrase: str, offset: int) -> Cand | None:
    toks = list(re.finditer(r"\S+", phrase))
    words = [t.group() for t in toks]
    if any(w in _TITLE_WORDS for w in words[1:]):
        return None  # "Open Letter To The ... Council": a title in Title Case
    while len(words) > 1 and (names.is_role_word(words[0]) or words[0] in _CONNECTORS):
        toks, words = toks[1:], words[1:]  # "Chief Inspector of the Bureau": the title is not the name
    of_the = [i for i in range(1, len(words) - 1) if words[i] == "of" and words[i + 1] == "the"]
    if of_the and any(names.is_org_word(w) for w in words[of_the[0]:]) and \
            any(names.is_org_word(w) for w in words[:of_the[0]]):
        toks, words = toks[:of_the[0]], words[:of_the[0]]  # "X Committee of the Y Office": two bodies
    heads = [i for i, w in enumerate(words) if names.is_org_word(w) and w[:1].isupper()]
    if not heads:
        return None
    last = heads[-1]
    tail = words[last + 1:]
    if words[last].isupper() and 1 <= len(tail) <= 2 and all(_name_like(w) and not names.is_org_word(w) for w in tail):
        # "the Prize-winning NGO Aurora": a kind written as an acronym, then the body's own name
        return Cand(offset + toks[last + 1].start(), offset + toks[-1].end(), "organization", "org_head")
    if any(w in {"of", "for", "on"} for w in words[heads[0] + 1:]):
        last = len(words) - 1  # "Bureau for Human Rights and Rule of Law", "Court of Aktau"
    first = 1 if words[0] in {"The", "A", "An"} else 0
    core = [w for w in words[first:last + 1] if w not in _CONNECTORS]
    if not any(_name_like(w) for w in core):
        return None
    if len(core) < 3 and not (len(core) == 2 and _coined(core[0])):
        return None  # "Supreme Court": a generic pair, left to the model; "Halyk Bank": a coined name
    possessive = re.search(r"['’]s?$", toks[last].group())  # "Human Rights Watch's researcher": not the name
    end = offset + toks[last].end() - (len(possessive.group()) if possessive else 0)
    return Cand(offset + toks[first].start(), end, "organization", "org_head")


def _common(word: str) -> bool:
    """A word with another reading than a name part: English, a town, a country, a people."""
    return is_english_word(word) or is_town(word) or is_territory(word) or names.is_demonym(word)


def _coined(word: str) -> bool:
    """A word that only a name would use: no English word, given name, place or title."""
    return _name_like(word) and not (names.is_given_name(word) or _common(word))


def _name_like(word: str) -> bool:
    """A word that makes a phrase a name rather than a generic title: not an org or role word."""
    return not (names.is_org_word(word) or names.is_role_word(word))


_TWO_NAMES = re.compile(r"(?<![\w.'’-])(?P<given>[A-Z][a-z]+)(?P<patronymic>\s+[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna))?"
                        r"\s+(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=['’]s\b|[^\w'’-]|$)")  # possessive allowed


def _given_like(word: str) -> bool:
    """A known given name, or a word that could only be one: not English, not a place, a people,
    an organisation or a role word ("Aset" before "Nurlanov")."""
    if names.is_given_name(word):
        return True
    return _name_like(word) and not (_common(word) or names.looks_like_surname(word))


def morphology_names(doc: str) -> Iterator[Cand]:
    """A known given name followed by a word with a surname ending is a person ("Askhat
    Zheksebayev", "Dmitriy Vasilyevich Orlov"), though the model tagged nothing there."""
    end = 0
    for word in re.finditer(r"(?<![\w.'’-])[A-Z]", doc):  # every capitalised word may start a name
        m = _TWO_NAMES.match(doc, word.start())
        if m is None or word.start() < end:
            continue
        given, surname = m.group("given"), m.group("surname")
        if _given_like(given) and names.has_strong_surname_suffix(surname) \
                and not names.is_org_word(surname) and not names.is_role_word(given):
            end = m.end()
            yield Cand(m.start(), m.end(), "person", "morphology")


_AFTER_PLACE_WORD = re.compile(r"\b(?:in|from|near|outside|to|across|around|(?:square|streets|outskirts|centre|center|"
                               r"residents|people|mayor|city|town|village)\s+of)\s+(?:the\s+(?:city|town|village)\s+of\s+)?"
                               r"(?P<town>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!\s+[A-Z])")


def town_mentions(doc: str) -> Iterator[Cand]:
    """A town of the GeoNames list after "in", "from", "near"... is a location ("police in Taraz")."""
    for m in _AFTER_PLACE_WORD.finditer(doc):
        if is_town(m.group("town")):
            yield Cand(m.start("town"), m.end("town"), "location", "gazetteer")


_ROW = re.compile(r"(?m)^[ \t]*(?:\d+[.)][ \t]*)?(?:" + _TITLES + r"\.?[ \t]+)?"
                  r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,4}[ \t]*,[ \t]*(?P<loc>[A-Z][A-Za-z .'’-]{2,40}?)[ \t]*,[ \t]*"
                  r"(?P<org>[A-Z][A-Z/&\-]{1,12})[ \t]*[.;]?[ \t]*$")


def list_row_names(doc: str) -> Iterator[Cand]:
    """A signatory row "Mr Name SURNAME, Country, GROUP": the country is a location and the
    group code an organisation (a parliamentary group, a party)."""
    for m in _ROW.finditer(doc):
        if is_territory(m.group("loc")):
            yield Cand(m.start("loc"), m.end("loc"), "location", "list_row")
            yield Cand(m.start("org"), m.end("org"), "organization", "list_row")


_DOMAIN = re.compile(r"(?<![\w@./-])(?P<site>[A-Z][\w-]+\.(?:kz|kg|uz|tj|tm|ru|ua|by|az|am|ge|com|org|net|info|media|news))\b"
                     r"(?![./\w])")


def domain_names(doc: str) -> Iterator[Cand]:
    """A news site named by its domain ("Orda.kz", "Vlast.kz") is an organisation."""
    for m in _DOMAIN.finditer(doc):
        yield Cand(m.start("site"), m.end("site"), "organization", "domain")


_SIGNATORIES_INTRO = re.compile(r"(?im)^.*\b(?:signed|signatories|undersigned|endorsed|supported)\b.*:[ \t]*$")
_ORGS_SIGNING = re.compile(r"\b(?:undersigned|signatory|following)\s+(?:\w+\s+)?(?:organi[sz]ations|groups|NGOs)\b",
                           re.IGNORECASE)


def signatory_organisations(doc: str) -> Iterator[Cand]:
    """In a statement "by the undersigned organisations", each row of its "Signed:" list that is not
    a person's name is an organisation ("Freedom Watch Norway")."""
    if not _ORGS_SIGNING.search(doc):
        return
    for intro in _SIGNATORIES_INTRO.finditer(doc):
        pos = intro.end() + 1
        while pos < len(doc):
            end = doc.find("\n", pos)
            end = len(doc) if end < 0 else end
            row = doc[pos:end].strip()
            if not row or len(row.split()) > 14 or row[-1] in ".!?;" or not row[0].isupper():
                break
            if names.person_name_score(row.split()) < 0.5 and not re.match(r"(?:Article|Art\.)\s+\d", row):
                start = doc.index(row, pos)
                paren = row.find(" (")  # "Reporters Without Borders (RSF)": the acronym is its own mention
                yield Cand(start, start + (paren if paren > 0 else len(row)), "organization", "signatory")
            pos = end + 1


_DATELINE = re.compile(r"(?m)^(?P<place>[A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]+){0,2})(?:,\s+(?=(?:\d{1,2}\s+)?"
                       + _MONTH + r"\.?\s*\d)|\s+\([A-Z][A-Za-z/&.]{1,14}\)\s*(?:--|[-–—]))")  # "X (AP) --"


# "TARAZ, Kazakhstan --": a place, its country, a dash
_DATELINE_COUNTRY = re.compile(r"(?m)^(?P<place>[A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]+){0,2}),\s+"
                               r"(?P<country>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})\s*(?:--|[-–—])\s")


def dateline_places(doc: str) -> Iterator[Cand]:
    """The place that opens a news dateline ("TARAZ, 4 March 2024 -", "Strasbourg, 5 October 2023",
    "SAN PEDRO (AP) --", "TARAZ, Kazakhstan --") is a location."""
    matches = [*_DATELINE.finditer(doc), *(m for m in _DATELINE_COUNTRY.finditer(doc) if is_territory(m.group("country")))]
    for m in matches:
        place = m.group("place")
        ordinary_word = " " not in place and is_english_word(place) and not (in_town_list(place) or is_territory(place))
        if len(place) > 2 and (place.isupper() or not names.is_given_name(place.split()[0])) and not ordinary_word:
            yield Cand(m.start("place"), m.end("place"), "location", "dateline")


def acronym_definitions(doc: str, spans: list[Cand]) -> dict[str, Cand]:
    """Map acronyms defined as "Full Name (ACR)" to the full-name span just before them. The
    letters must be the name's initials in order; for a body of two words or more, in any order,
    since its acronym is often of its name in another language ("Kurdistan Workers' Party (PKK)")."""
    found: dict[str, Cand] = {}
    by_end = sorted(spans, key=lambda c: c.end)
    for m in _definitions(doc):
        acr = m.group("acr").replace(".", "")
        for cand in reversed(by_end):
            if cand.end <= m.start() and m.start() - cand.end <= 3:
                full = doc[cand.start:cand.end]
                if _defines(full, cand.label, acr, doc.count(acr) > 1):
                    found[acr] = cand
                break
            if cand.end < m.start() - 3:
                break
    return found


def _definitions(doc: str) -> list[re.Match[str]]:
    """Every bracketed acronym, one-word short name or other name ("also known as"), in text order."""
    return sorted([*_ACRONYM_DEF.finditer(doc), *_SHORT_NAME_DEF.finditer(doc), *_ALSO_KNOWN_AS.finditer(doc)],
                  key=lambda m: m.start())


def _defines(full: str, label: str, acr: str, reused: bool) -> bool:
    """Whether "(acr)" after the span ``full`` is its short form: the initials in order; for a
    body of two words or more also its initials in any order, a one-word short name that is no
    word, place or people ("(Freemed)"), or an acronym in the body's own language, one letter a
    word (three or more), that the text goes on to use ("Journalists Without Chains (JSL) ... JSL
    said", "Steppe Farmers' Union (KDB) ... KDB"; a one-off "(DPA)" may be a wire agency's
    credit)."""
    if acr.isupper() and _initials_match(full, acr):
        return True
    if label == "organization" and len(acr.split()) >= 2:
        return True  # "X (also known as Y Z)": only the other-name pattern gives words
    if label != "organization" or len(full.split()) < 2:
        return False
    if not acr.isupper():
        return not (is_english_word(acr) or is_town(acr) or is_territory(acr) or names.is_demonym(acr)
                    or names.is_given_name(acr))
    initials = _initials(full).upper()
    # a party's name of three words or more: parties keep the acronym of their own language
    # ("Liberal Farmers’ Party (KTP)"), so the brackets are no wire's credit even used once
    headed = full.split()[-1].lower() in ("party", "movement", "front") and len(full.split()) >= 3
    return set(acr) <= set(initials) or _translated_acronym(full, acr) \
        or ((reused or headed) and len(acr) == len(initials) and len(acr) >= 3)  # "Steppe Farmers' Union (KDB)"


def defined_acronym_spans(doc: str, acronyms: dict[str, Cand], taken: list[Cand]) -> list[Cand]:
    """The "(ACR)" of each definition as a mention of its body, where no span covers it yet:
    an acronym defined once and never used again still names the body."""
    out: list[Cand] = []
    for m in _definitions(doc):
        acr = m.group("acr")
        full = acronyms.get(acr.replace(".", ""))
        start, end = m.start("acr"), m.end("acr")
        if full is not None and full.label == "organization" and full.end <= m.start() \
                and not any(c.start < end and start < c.end for c in taken + out):
            out.append(Cand(start, end, "organization", "acronym"))
    return out


def _initials(full: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", full) if w[0].isupper())


def _translated_acronym(full: str, acr: str) -> bool:
    """An acronym of the body's name in its own language, word for word ("Democratic Way of
    Zarkania (DPZ)"): one letter per capitalised word, the first and the last letters agreeing."""
    initials = _initials(full).upper()
    return len(initials) == len(acr) >= 3 and acr[0].upper() == initials[0] and acr[-1].upper() == initials[-1]


def _initials_match(full: str, acr: str) -> bool:
    """The acronym's letters appear, in order, as initials of the full name's words."""
    it = iter(_initials(full).upper())
    return len(acr) >= 2 and all(ch in it for ch in acr.upper())


_NICKNAME = re.compile(
    r"\s*,?\s*(?:(?P<paren>\()\s*|(?P<kw>(?:better\s+|widely\s+|also\s+)?known(?:\s+(?:to|among|by)"
    r"(?:\s+\w+){1,3}?)?\s+as|nicknamed|dubbed|"
    r"also\s+called|a\.k\.a\.|aka)\s*)"
    r"[“\"«‘'](?P<nick>[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2})[”\"»’']"
)


# "X alias Nick", "X, aka Nick": the nickname needs no quotation marks after these words
_ALIAS = re.compile(r"\s*,?\s*\(?(?:alias|aka|a\.k\.a\.)\s+(?P<nick>[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2})")


# "Given Surname (Othername)": a second surname or a pen name in brackets after a full name
_BRACKETED_NAME = re.compile(r"\s*\((?P<nick>[A-Z][a-z][\w'’\-]{2,})\)")


def nickname_definitions(doc: str, persons: list[Cand]) -> dict[str, Cand]:
    """Map nicknames the text ties to a name ("X, known as “Nick”", "X (“Nick”)", "X alias
    Nick", "Given Surname (Othername)") to that name."""
    found: dict[str, Cand] = {}
    for cand in persons:
        m = _NICKNAME.match(doc, cand.end) or _ALIAS.match(doc, cand.end) or _bracketed_name(doc, cand)
        if m:
            found.setdefault(m.group("nick"), cand)
    return found


def _bracketed_name(doc: str, cand: Cand) -> re.Match[str] | None:
    """One capitalised word in brackets after a full name that is no word, place, body or post
    ("A B (Cgizi)"; not "A B (Reuters)" style outlets the model tags, not "(Kazakhstan)")."""
    m = _BRACKETED_NAME.match(doc, cand.end)
    if m is None or len(doc[cand.start:cand.end].split()) < 2:
        return None
    word = m.group("nick")
    if is_english_word(word) or is_town(word) or is_territory(word) or names.is_org_word(word) \
            or names.is_role_word(word) or names.is_demonym(word):
        return None
    return m


def nickname_mentions(doc: str, nicknames: dict[str, Cand]) -> list[Cand]:
    """Every occurrence of a defined nickname, as a person span."""
    out: list[Cand] = []
    for nick in nicknames:
        for m in re.finditer(r"(?<![\w])" + re.escape(nick) + r"(?![\w])", doc):
            out.append(Cand(m.start(), m.end(), "person", "nickname"))
    return out


# "the ACR", also with a country's adjective between ("the Moldovan KGB")
_ACRONYM = re.compile(r"(?<![\w.&/-])(?P<the>(?:the|The)\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?)?(?P<acr>[A-Z]{2,6})(?![\w&/-])")


# a post and the preposition of employment right before an acronym: "Vice-President of FIDH"
_ROLE_OF = re.compile(r"\b(?P<role>[A-Za-z]+(?:-[A-Za-z]+)?)\s+(?:of|at|for|with)\s+(?:the\s+)?$")


def acronym_mentions(doc: str, taken: list[Cand]) -> list[Cand]:
    """Acronyms the model missed: an ALL-CAPS word used with "the", more than once in running text,
    or after a post and "of/at/for" ("Vice-President of FIDH") names an organisation ("the CPF
    said ..."). Countries and legal forms are left out."""
    from casefile.nlp.territories import territory_code

    counts: dict[str, int] = {}
    with_article: set[str] = set()
    for m in _ACRONYM.finditer(doc):
        counts[m.group("acr")] = counts.get(m.group("acr"), 0) + 1
        if m.group("the") and (not m.group("adj") or names.is_demonym(m.group("adj"))):
            with_article.add(m.group("acr"))
    out: list[Cand] = []
    for m in _ACRONYM.finditer(doc):
        acr = m.group("acr")
        line_start = doc.rfind("\n", 0, m.start()) + 1
        line = doc[line_start:doc.find("\n", m.end()) if doc.find("\n", m.end()) >= 0 else len(doc)]
        employer = _ROLE_OF.search(doc[max(0, m.start() - 40):m.start()])  # "Vice-President of FIDH"
        employer_named = employer is not None and names.is_role_word(employer.group("role").split("-")[-1]) \
            and not is_english_word(acr.lower())  # not "head of IT" (is_junk drops trades: "PR", "HR")
        if line.isupper() or (counts[acr] < 2 and acr not in with_article and not employer_named):
            continue  # an all-caps headline or dateline, or a one-off abbreviation
        if acr.lower() in lexicons.legal_form_words() or territory_code(acr) or names.is_role_word(acr):
            continue
        start, end = m.start("acr"), m.end("acr")
        if not any(c.start < end and start < c.end for c in taken):
            out.append(Cand(start, end, "organization", "acronym"))
    return out
