"""Name keys for matching people and organisations across spellings.

``fold`` normalises script and case; ``token_key`` reduces one name token to a
transliteration-insensitive skeleton; ``person_key`` / ``persons_compatible``
decide whether two personal names may denote the same person. Organisation keys
(``org_key``, ``acronym_of``) live in ``casefile.nlp.org_keys``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from normality import ascii_text
from rigour.names import remove_person_prefixes

from casefile.nlp import lexicons

__all__ = [
    "PersonKey",
    "fold",
    "person_key",
    "persons_compatible",
    "surname_gender",
    "surname_stem",
    "token_key",
]

Gender = Literal["m", "f"]

# Practical "news" romanisation (not scholarly): matches how English-language
# media spell Central Asian and Russian names.
_CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh / Kyrgyz / Tatar / Bashkir
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
    # Ukrainian / Belarusian
    "є": "ye", "ї": "yi", "ґ": "g", "ў": "u",
    # Tajik / Uzbek Cyrillic
    "ӣ": "i", "ӯ": "u", "ҷ": "j", "ҳ": "h", "ҙ": "z", "ҫ": "s",
}

# Latin letters whose generic ASCII folding loses the sound (ş -> s would make
# Turkish/Azeri "Şahin" differ from English "Shahin").
_LATIN: dict[str, str] = {
    "ş": "sh", "ș": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "zh",
    "ğ": "g", "ǵ": "g", "ı": "i", "ə": "a", "ä": "a", "ö": "o", "ü": "u",
    "ß": "ss", "ñ": "n", "ń": "n", "ý": "y", "ó": "o", "ú": "u", "á": "a",
    "đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "å": "a",
}

_TABLE = {ord(k): v for k, v in {**_CYRILLIC, **_LATIN}.items()}

# Apostrophes / modifier letters inside names (O'Brien, Uzbek o'/g') are dropped.
_APOSTROPHES = re.compile(r"['’‘ʼʻ`´]")
_HYPHENS = re.compile(r"[‐‑‒–—―−]")
_NON_WORD = re.compile(r"[^a-z0-9\- ]+")
_SPACES = re.compile(r"\s+")
_EDGE_HYPHENS = re.compile(r"(?<![a-z0-9])-|-(?![a-z0-9])")


def to_latin(text: str) -> str:
    """Lowercase and transliterate ``text`` to ASCII; keeps punctuation."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_TABLE)
    if text.isascii():
        return text
    # Remaining scripts / diacritics: let normality do its best, char by char
    # so one unknown symbol cannot swallow neighbouring letters.
    out: list[str] = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        else:
            folded = ascii_text(ch) or ""
            out.append(folded.replace("?", "").lower())
    return "".join(out)


@lru_cache(maxsize=65536)  # names repeat across mentions and documents
def fold(text: str) -> str:
    """NFKC, transliterate to Latin ASCII, lowercase, drop punctuation, collapse spaces.

    Hyphens are kept only inside words (``anna-maria``).
    """
    text = to_latin(text)
    text = _APOSTROPHES.sub("", text)
    text = _HYPHENS.sub("-", text)
    text = _NON_WORD.sub(" ", text)
    text = _EDGE_HYPHENS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


# --- token skeletons -------------------------------------------------------

# Ordered digraph rewrites; each maps spelling variants of one sound together.
_DIGRAPHS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"shch", "sch"),  # Щ: Shchukin / Schukin
        (r"tch", "ch"),
        (r"d?dzh|d?dj|zh", "j"),  # Ж/Дж: Zhaksylyk / Jaksylyk / Dzhaksylyk; Саидджафар / Saidjafar
        (r"kh", "h"),  # Х: Khamitov / Hamitov
        (r"gh", "g"),  # Ғ: Maghzhan / Magzhan
        (r"ph", "f"),
        (r"ck", "k"),
        (r"q", "k"),  # Kazakh/Uzbek Latin q for Қ
        (r"w", "v"),
        (r"tz", "ts"),
        (r"^x", "h"),  # Uzbek Latin: Xurshid = Khurshid
        (r"x", "ks"),  # Alexandr / Aleksandr
        (r"ander$", "andr"),  # Alexander / Aleksandr
        (r"z(?:ade|ada|oda)$", "zade"),  # Persian "son of" suffix: -zade / -zada / Tajik -zoda
        (r"(?<=[a-z]{3})[ao]u(?=$|sk)", "ov"),  # Belarusian -aŭ/-oŭ: Sakau = Sakov, Zharkouski = Zharkovsky
        (r"(?<=[a-z]{3})eu$", "ev"),  # Belarusian -eŭ: Lebedzeu = Lebedzev
        (r"ou", "u"),  # French-style Oumarov
        (r"(?<=[a-z])au(?=[bcdfgjklmnprstvz])", "av"),  # Kazakh Даулет / Russian Давлет, Raushan / Ravshan
        (r"(?<=[^aeiouy])yo", "e"),  # Ё: Fyodor / Fedor, Artyom / Artem
        (r"ye", "e"),  # Yerlan / Erlan, Sergeyev / Sergeev, Aliyev / Aliev
        # German umlaut spellings (Juergen); not before v so -oev/-uev survive.
        (r"(?<![aeiouy])([ou])e(?=[bcdfgklmnprstz])", r"\1"),
        # Turkish / Azeri ş and ç, which English copy often prints bare: Kurşun / Kursun, Kılıç / Kilic
        (r"sh", "s"),
        (r"ch", "c"),
        # Г for a Latin H in Russian spellings of Azeri, Ukrainian, Belarusian and Western names
        # (Гусейнов / Huseynov, Гофман / Hoffman); Х (kh, x, h above) folds into it too
        (r"h", "g"),
        (r"y", "i"),  # Aybek / Aibek, Dmitriy / Dmitri, Yulia / Iulia
        (r"(.)\1+", r"\1"),  # Kassym / Kasym, Dmitrii / Dmitri
    )
)


def token_key(token: str) -> str:
    """Phonetic skeleton of one name token, equal across common transliterations.

    Hyphens and spaces inside the token are ignored (Anna-Maria == Annamaria).
    """
    s = re.sub(r"[^a-z]", "", fold(token))
    for pattern, repl in _DIGRAPHS:
        s = pattern.sub(repl, s)
    return s


# Feminine surname endings (on folded text) -> masculine counterpart.
_FEM_SURNAME = (
    ("tskaya", "tsky"), ("skaya", "sky"), ("cka", "cki"), ("ska", "ski"), ("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("yna", "yn"),
)
_MASC_SURNAME = (
    "ov", "ev", "in", "yn", "sky", "skiy", "skii", "ski", "uly", "uulu", "ogly", "oglu",
)
_FEM_PATRONYMIC = ("ovna", "evna", "ichna", "kyzy", "kyzi", "qyzy", "gyzy")
_MASC_PATRONYMIC = ("ovich", "evich", "ich", "uly", "ulu", "uulu", "ogly", "oglu")


def surname_gender(token: str) -> Gender | None:
    """Grammatical gender implied by a surname or patronymic ending, if any."""
    s = fold(token).replace("-", "")
    if len(s) < 4:
        return None
    if s.endswith(_FEM_PATRONYMIC) or any(s.endswith(f) for f, _ in _FEM_SURNAME):
        return "f"
    if s.endswith(_MASC_PATRONYMIC) or s.endswith(_MASC_SURNAME):
        return "m"
    return None


def surname_stem(token: str) -> str:
    """``token_key`` of a surname with the feminine ending removed (Ivanova -> Ivanov).

    Use with ``surname_gender`` so that Petrov and Petrova share a stem but differ.
    """
    s = fold(token).replace("-", "")
    if len(s) >= 5:
        for fem, masc in _FEM_SURNAME:
            if s.endswith(fem):
                s = s[: -len(fem)] + masc
                break
    return token_key(s)


# --- personal names --------------------------------------------------------

# Particles joined to a surname; dropped from the key because later mentions
# often omit them ("van der Berg" -> "Berg").
_PARTICLES = lexicons.name_particles()
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-(?=[a-z]{3})")
_PATRONYM_LINKS = lexicons.patronym_links()
_INITIAL_RE = re.compile(r"^(?:(?:[^\W\d_](?:h|u|a|e|zh)?)\.-?)+$|^[^\W\d_]$", re.UNICODE)
_INITIAL_PART = re.compile(r"([^\W\d_])(?:h|u|a|e|zh)?\.", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PersonKey:
    """Comparable decomposition of a personal name."""

    given: str | None
    initials: tuple[str, ...]
    surname: str | None
    patronymic: str | None
    gender: Gender | None
    tokens: tuple[str, ...]


def _is_initial_token(tok: str) -> bool:
    # "D.", "A.B.", "Zh.", and bare single letters ("John F Kennedy").
    return bool(_INITIAL_RE.match(tok)) and tok[:1].isupper()


def _initials_of(tok: str) -> list[str]:
    found = _INITIAL_PART.findall(tok) or [tok[:1]]
    return [fold(c)[:1] for c in found if fold(c)]


def _has_suffix(word: str, suffixes: frozenset[str], stem_min: int = 2) -> bool:
    s = fold(word).replace("-", "")
    return any(s.endswith(x) and len(s) - len(x) >= stem_min for x in suffixes)


def _surnameish(word: str) -> bool:
    return _has_suffix(word, lexicons.surname_suffixes(), 3)


def _patronymic(word: str) -> bool:
    return _has_suffix(word, lexicons.patronymic_suffixes(), 3)


@cache
def _canonical_given() -> dict[str, str]:
    """token_key of a listed variant spelling -> token_key of its name's first spelling."""
    out: dict[str, str] = {}
    for group in lexicons.given_name_variants():
        for v in group:
            out.setdefault(token_key(v), token_key(group[0]))
    return out


def given_key(word: str) -> str:
    """The key of a given name, equal across its spellings in the region's languages
    ("Siarhei" = "Sergei", "Mykola" = "Nikolai")."""
    key = token_key(word)
    key = _canonical_given().get(key, key)
    # Tajik and Persian join a given name to the surname with an "-i" (izafet): "Daleri Imomali"
    # is Daler Imomali; a final "i" after a consonant is dropped (Dmitri = Dmitr, as every spelling)
    if len(key) >= 5 and key.endswith("i") and key[-2] not in "aeiou":
        key = key[:-1]
    return key


def vowels_apart(a: str, b: str) -> bool:
    """Two spellings of one given name that differ only in their vowels ("Nurbolat"/"Nurbulat",
    "Dilshod"/"Dilshad"), with four consonants or more so that short names of their own
    ("Marat"/"Murat") stay apart."""
    def skeleton(word: str) -> str:
        return re.sub(r"[aeiouy]+", "", word)

    return a[:1] == b[:1] and len(skeleton(a)) >= 4 and skeleton(a) == skeleton(b)


def one_letter_apart(a: str, b: str, min_len: int = 6) -> bool:
    """Two spellings one letter apart (one substitution, insertion or deletion) that open with the
    same letter, both ``min_len`` letters or more: a slip of the pen ("Pertova" for "Petrova") or a
    place spelt two ways ("Homel"/"Homiel")."""
    from rigour.text.distance import levenshtein

    return min(len(a), len(b)) >= min_len and a[:1] == b[:1] and levenshtein(a, b) == 1


@cache
def _diminutives() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lexicons.lines("given_name_diminutives.txt"):
        full, *short = [given_key(w.strip()) for w in line.split(",")]
        out.update({s: full for s in short})
    return out


def full_given_key(word: str) -> str | None:
    """The given-name key of the full name a short form stands for ("Seva", "Сева" -> Vsevolod's),
    or None when ``word`` is no short form casefile knows."""
    return _diminutives().get(given_key(word))


@cache
def _given_name_keys() -> frozenset[str]:
    return frozenset(token_key(n) for n in lexicons.given_names())


def _given(word: str) -> bool:
    # Key lookup also accepts unlisted transliterations (Erjan for Yerzhan).
    parts = [p for p in fold(word).split("-") if p]
    keys = _given_name_keys()
    return bool(parts) and all(p in lexicons.given_names() or token_key(p) in keys for p in parts)


def _is_caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _strip_titles(raw: list[str]) -> list[str]:
    # Honorifics/roles only ever precede a name ("Mr.", "Judge", "Dr").
    titles = lexicons.honorifics() | lexicons.role_words()
    while raw and fold(raw[0]).replace(" ", "") in titles and len(raw) > 1:
        raw = raw[1:]
    return raw


# Slavic patronymics are never surnames (unlike Turkic -uly, which often serves as one).
_SLAVIC_PATRONYMIC = re.compile(r"[a-z]{2}(?:ovich|evich|ovna|evna|ichna)$")
_MALE_PATRONYMIC = re.compile(r"[a-z]{2}(?:ovich|evich)$")


@cache
def _female_given_keys() -> frozenset[str]:
    return frozenset(given_key(n) for n in lexicons.female_given_names())


def _order(words: list[str]) -> tuple[str | None, list[str], str | None, str | None]:
    """Split content words into (given, middle, patronymic, surname)."""
    if not words:
        return None, [], None, None
    if len(words) == 1:
        w = words[0]
        if _given(w) and not _surnameish(w) and not _is_caps(w):
            return w, [], None, None
        return None, [], None, w
    first, last = words[0], words[-1]
    # "Ivanova Maria [Petrovna]", "NOVAK Petra": surname written first.
    surname_first = (
        (_surnameish(first) and not _given(first) and _given(words[1]))
        or (_is_caps(first) and not _is_caps(words[1]))
    )
    if surname_first and not _patronymic(first):
        rest = words[1:]
        patr = rest[-1] if len(rest) > 1 and _patronymic(rest[-1]) else None
        middle = rest[1:-1] if patr else rest[1:]
        return rest[0], middle, patr, first
    if len(words) >= 3 and _patronymic(words[-2]):
        return first, words[1:-2], words[-2], last
    if len(words) == 2 and _given(first) and _SLAVIC_PATRONYMIC.search(fold(last)) \
            and not (_MALE_PATRONYMIC.search(fold(last)) and given_key(first) in _female_given_keys()):
        return first, [], last, None  # "Anna Petrovna", "Ivan Petrovich": the polite form names no
        # surname; but a woman's patronymic ends in "-ovna": "Anna Kotovich" is her surname
    return first, words[1:-1], None, last


_SEPARATE_PATRONYMICS = lexicons.separate_patronymics()


@lru_cache(maxsize=65536)
def person_key(name: str) -> PersonKey:
    """Parse a personal name into given/initials/surname/patronymic keys and gender."""
    # rigour's list of person-name prefixes ("Mr.", "The Hon.", "Captain") before our own titles
    name = remove_person_prefixes(name).strip() or name
    raw = [t for t in unicodedata.normalize("NFKC", name).split() if t.strip(".,;:")]
    raw = _strip_titles([t.strip(",;:") for t in raw])
    initials: list[str] = []
    words: list[str] = []
    patr_link: str | None = None
    i = 0
    while i < len(raw):
        tok = raw[i]
        low = fold(tok)
        if _is_initial_token(tok):
            initials.extend(_initials_of(tok))
        elif low in _PATRONYM_LINKS and i + 1 < len(raw) and words:
            patr_link = raw[i + 1]  # "Ahmed ibn Hamid": what follows is a patronym
            i += 1
        elif low in _PARTICLES or not low:
            pass
        else:
            words.append(tok)
        i += 1
    if len(words) >= 2 and fold(words[-1]) in _SEPARATE_PATRONYMICS and words[-1].islower():
        # "Aidana Asanbek kyzy": the lowercase particle and the father's name form the surname
        words = words[:-2] + [words[-2] + words[-1]]
    given, _middle, patr, surname = _order(words)
    if patr is None and patr_link is not None:
        patr = patr_link
    if given is not None and len(fold(given)) <= 1:
        initials.insert(0, fold(given)[:1])
        given = None
    if surname is not None:
        surname = _ARABIC_ARTICLE.sub("", fold(surname))
    if not initials:
        initials = [fold(x)[:1] for x in (given, patr) if x]
    gender = (surname_gender(surname) if surname else None) or (
        surname_gender(patr) if patr else None
    )
    return PersonKey(
        given=given_key(given) if given else None,
        initials=tuple(initials),
        surname=surname_stem(surname) if surname else None,
        patronymic=token_key(patr) if patr else None,
        gender=gender,
        tokens=tuple(token_key(w) for w in words),
    )


# Initial letters that may begin a given name whose key starts differently
# (Y. Erlan -> key "erlan"; Zh. / J. -> "j"; Kh. -> "h").
_INITIAL_ALIASES: dict[str, frozenset[str]] = {
    "y": frozenset("yei"), "e": frozenset("ei"), "i": frozenset("ie"),
    "z": frozenset("zj"), "d": frozenset("dj"), "j": frozenset("j"),
    "k": frozenset("kh"), "x": frozenset("hk"), "q": frozenset("k"),
    "w": frozenset("v"), "c": frozenset("ck"),
}


def _initial_matches(initial: str, name_key: str) -> bool:
    if not initial or not name_key:
        return False
    return name_key[0] in _INITIAL_ALIASES.get(initial, frozenset(initial))


def persons_compatible(a: PersonKey, b: PersonKey) -> bool:
    """True when ``a`` and ``b`` may name the same person (same surname, no conflicts)."""
    if a.surname is None or b.surname is None or a.surname != b.surname:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.given and b.given:
        if a.given != b.given and not vowels_apart(a.given, b.given):
            return False
    elif a.given or b.given:
        full, other = (a, b) if a.given else (b, a)
        if other.initials and not _initial_matches(other.initials[0], full.given or ""):
            return False
    elif a.initials and b.initials and a.initials[0] != b.initials[0]:
        return False
    return _patronymics_compatible(a, b)


def _patronymics_compatible(a: PersonKey, b: PersonKey) -> bool:
    if a.patronymic and b.patronymic:
        return a.patronymic == b.patronymic
    # "A.B. Petrov" vs "Anton Borisovich Petrov": second initial is the patronymic.
    full, other = (a, b) if a.patronymic else (b, a)
    if full.patronymic and not other.given and len(other.initials) >= 2:
        return _initial_matches(other.initials[1], full.patronymic)
    return True
