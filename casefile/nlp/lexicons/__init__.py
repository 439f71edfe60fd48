"""Hand-written word lists used by name recognition and matching.

Each list lives in a ``*.txt`` file next to this module (one lowercase entry
per line, ``#`` starts a comment) and is loaded once, on first use.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

__all__ = [
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "QUOTE_MARKS",
    "lines",
    "load",
    "given_names",
    "surname_suffixes",
    "patronymic_suffixes",
    "org_words",
    "role_words",
    "honorifics",
    "given_name_variants",
    "legal_form_words",
    "demonyms",
    "justice_events",
    "russian_justice_events",
    "speech_verbs",
    "case_roles",
    "gendered_words",
    "everyday_justice_words",
    "kinship_words",
    "superior_words",
    "membership_words",
    "irrealis_words",
    "inflections",
    "trigger_lemmas",
    "lemma_table",
]


MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# the marks that open or close a quotation in English and Russian text
QUOTE_MARKS = "“”«»„\""


def lines(filename: str) -> list[str]:
    """The entries of a packaged lexicon file, lowercased, without comments or blank lines."""
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return [line for line in (raw.split("#", 1)[0].strip().lower() for raw in text.splitlines()) if line]


@cache
def load(name: str) -> frozenset[str]:
    """Return the entries of lexicon file ``name`` (without ``.txt``) as a frozenset."""
    # Hyphens are written in some lists for readability; store bare.
    return frozenset(line.lstrip("-") for line in lines(f"{name}.txt"))


@cache
def female_given_names() -> frozenset[str]:
    """The given names listed under a "(female)" heading of the given-name lexicon."""
    text = resources.files(__package__).joinpath("given_names.txt").read_text(encoding="utf-8")
    out, female = set(), False
    for raw in text.splitlines():
        if raw.startswith("# ---"):
            female = "(female)" in raw
        elif female:
            out.update(raw.split("#", 1)[0].strip().lower().split())
    return frozenset(out)


@cache
def given_names() -> frozenset[str]:
    """Common given names (all origins), lowercase Latin, with every listed variant spelling."""
    return load("given_names") | frozenset(v for group in given_name_variants() for v in group)


@cache
def given_name_variants() -> tuple[tuple[str, ...], ...]:
    """Spellings of one given name across the region's languages ("Sergei", "Siarhei", "Serhiy"),
    each group led by the spelling the keys use."""
    return tuple(tuple(v.strip() for v in line.split(",") if v.strip()) for line in lines("given_name_variants.txt"))


def surname_suffixes() -> frozenset[str]:
    """Typical surname endings (Slavic, Turkic, Caucasian), no hyphen."""
    return load("surname_suffixes")


def patronymic_suffixes() -> frozenset[str]:
    """Patronymic endings (-ovich, -ovna, -uly, -kyzy ...), no hyphen."""
    return load("patronymic_suffixes")


def org_words() -> frozenset[str]:
    """Head words that mark a capitalised phrase as an organisation."""
    return load("org_words")


@cache
def role_words() -> frozenset[str]:
    """Role / title words that are never a personal name on their own, with the shared posts
    made of them ("co-founder", "cofounder", "co-chair")."""
    words = load("role_words")
    shared = {f"co-{w}" for w in words} | {f"co{w}" for w in words}
    return words | shared


def honorifics() -> frozenset[str]:
    """Courtesy titles (mr, dr, prof ...), without trailing dots."""
    return load("honorifics")


def legal_form_words() -> frozenset[str]:
    """Legal-form descriptors (single words and multi-word phrases)."""
    return load("legal_form_words")


def demonyms() -> frozenset[str]:
    """Nationality adjectives / demonyms that are not locations."""
    return load("demonyms")


@cache
def justice_events() -> dict[str, dict[str, object]]:
    """The justice-event word table (``justice.toml``): event type -> verbs, nouns and idioms."""
    text = resources.files(__package__).joinpath("justice.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def russian_justice_events() -> dict[str, dict[str, object]]:
    """The Russian justice-verb table (``russian_justice.toml``): event type -> verbs (dictionary
    forms), the word a verb requires, the events it implies."""
    return tomllib.loads(resources.files(__package__).joinpath("russian_justice.toml").read_text(encoding="utf-8"))


def everyday_justice_words() -> frozenset[str]:
    """Justice-lexicon words that are everyday English too ("case", "order", "find")."""
    return load("everyday_justice_words")


@cache
def gendered_words() -> dict[str, str]:
    """Words that tell the gender of the person they describe: word -> "m" or "f"."""
    pairs = (line.split() for line in lines("gendered_words.txt"))
    return {p[0]: p[1] for p in pairs if len(p) == 2}


def case_roles() -> frozenset[str]:
    """Roles in a case, not posts: witness, victim, defendant, claimant ..."""
    return load("case_roles")


def speech_verbs() -> frozenset[str]:
    """Verbs that introduce speech (lemmas): said, told, wrote, stressed ..."""
    return load("speech_verbs")


@cache
def kinship_words() -> frozenset[str]:
    """Kinship nouns with their "-in-law" compounds (son, son-in-law, sister ...)."""
    base = load("kinship")
    in_law = {f"{w}-in-law" for w in ("son", "daughter", "brother", "sister", "father", "mother", "parent")}
    return base | frozenset(in_law)


def superior_words() -> frozenset[str]:
    """Nouns naming a superior at work (chief, boss, superior ...)."""
    return load("superior_words")


def membership_words() -> frozenset[str]:
    """Nouns tying a person to an organisation as one of its people (member, supporter ...)."""
    return load("membership_words")


def irrealis_words() -> frozenset[str]:
    """Modals, verbs, nouns and adjectives that make an event hypothetical or wished for."""
    return load("irrealis_words")


# irregular forms of the verbs in these lists; regular ones are built by rule
_IRREGULAR = {
    "hold": ("held",), "take": ("took", "taken"), "put": ("put",), "send": ("sent",), "bring": ("brought",),
    "give": ("gave", "given"), "find": ("found",), "get": ("got", "gotten"), "stand": ("stood",),
    "go": ("went", "gone"), "spend": ("spent",), "keep": ("kept",), "set": ("set",), "let": ("let",),
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "be": ("is", "are", "was", "were", "been", "am", "being"),
    "come": ("came",), "make": ("made",), "withdraw": ("withdrew", "withdrawn"), "try": ("tried", "tries"),
    "deny": ("denied", "denies"), "quiz": ("quizzed",), "uphold": ("upheld",),
    "swear": ("swore", "sworn"), "become": ("became",), "begin": ("began", "begun"), "speak": ("spoke", "spoken"),
    "flee": ("fled",), "fight": ("fought",), "seek": ("sought",), "hear": ("heard",), "pay": ("paid",), "leave": ("left",), "lead": ("led",), "run": ("ran",),
    "lose": ("lost",), "win": ("won",), "throw": ("threw", "thrown"), "cut": ("cut",),
}
_VOWELS = set("aeiou")


def inflections(lemma: str) -> set[str]:
    """Likely inflected forms of an English verb or noun lemma (for cheap pre-filtering, not
    for grammar): detain -> detains, detained, detaining; try -> tried; plan -> planned."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS \
            and (lemma[-3] not in _VOWELS or lemma[-4:-2] == "qu"):  # the u of "qu" is no vowel
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # plan -> planned, acquit -> acquitted
    forms.update(_IRREGULAR.get(lemma, ()))
    return forms


def name_particles() -> frozenset[str]:
    """Particles joined to a surname (van, von, de, al ...)."""
    return load("name_particles")


def patronym_links() -> frozenset[str]:
    """Words linking a given name to a father's name (ibn, bin, bint, ben)."""
    return load("patronym_links")


def separate_patronymics() -> frozenset[str]:
    """Turkic patronymic words written apart after the father's name (kyzy, uly, uulu, ogly ...)."""
    return load("separate_patronymics")


@cache
def trigger_lemmas() -> dict[str, str]:
    """Inflected form -> lemma for every word of the trigger lexicons (justice, speech, kinship,
    role, membership, superior): casefile parses without spaCy's lemmatizer, and the lexicons'
    own words are known exactly."""
    words: set[str] = set(speech_verbs()) | kinship_words() | superior_words() | membership_words() | role_words()
    for entry in justice_events().values():
        for value in entry.values():
            if isinstance(value, list) and value and isinstance(value[0], str):
                words.update(value)
            elif isinstance(value, list):
                for idiom in value:
                    words.update(idiom.get("verbs", ()))
                    words.update(idiom.get("objects", ()))
    return lemma_table(words)


def lemma_table(words: set[str]) -> dict[str, str]:
    """Inflected form -> lemma for a set of lemmas; a form two lemmas share goes to the shorter,
    a listed word to itself ("hearing"), a listed plural to its singular ("years" -> "year")."""
    forms: dict[str, str] = {}
    for word in sorted(words, key=lambda w: (len(w), w)):
        for form in sorted(inflections(word)):
            forms.setdefault(form, word)
    irregular = {form: lemma for lemma, found in _IRREGULAR.items() if lemma in words for form in found}
    for word in words:  # a listed word is its own lemma ("hearing", not "hear"), unless it is a plural
        if not any(word == base + tail for base, tail in ((word[:-1], "s"), (word[:-2], "es")) if base in words) \
                and not (word.endswith("ies") and word[:-3] + "y" in words) and word not in irregular:
            forms[word] = word  # ... or another listed verb's irregular form ("found" is "find")
    return forms
