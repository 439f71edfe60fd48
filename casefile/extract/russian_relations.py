"""Posts, memberships and family ties stated next to a name in Russian text.

Russian news names a person's post, body or kin right beside the name, in a few fixed shapes:
before it ("адвокат Дмитрий Орлов", "мировой судья участка № 5 А", "член партии «Х» А и Б",
"жена блогера Б Гульмира") or after it, set off by a comma ("А, главный редактор газеты «Х»,";
"Гульмира, жена Б,"). The nouns are lexicons (``nlp/lexicons/russian_role_words.txt``,
``russian_membership_words.txt``, ``russian_kinship.txt``); the words between the noun and the
name may only be a name, a quoted name, or nouns and adjectives (the body's own words), never a
verb or a preposition, so "адвокат заявил, что А …" states nothing about А.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from casefile.models import Fact, LocalEntity
from casefile.nlp import lexicons
from casefile.nlp.russian import may_be_adjective, phrase_nominative
from casefile.nlp.russian_names import PRONOUN_GENDER, name_gender, readings

_WORD = re.compile(r"[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*")
_QUOTED = re.compile(r"[«„“\"][^«»„“”\"\n]{1,80}[»“”\"]")
_BREAK = re.compile(r"[.;:!?()\n—–]|,(?!\s*\d)")  # where a noun phrase before or after a name ends
_BODY_GAP = re.compile(r"[\s«»\"“”„]*(?:,|\s+и)[\s«»\"“”„]*(?:[а-яё]+[\s«»\"“”„]+)?")  # "и журнала «Б»"
_WORKS = re.compile(r"(?<![а-яё])работа(?:ет|ла|л|ют|ли)\s+(?:в|во|на)\s+")
_LIST_GAP = re.compile(r"\s*(?:,\s*|\s+и\s+|\s*,\s*и\s+)\s*")
MAX_BETWEEN = 5  # words between the noun and the name (the body's name, a court's number)
BETWEEN_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})


@cache
def roles() -> frozenset[str]:
    """Nouns of posts and occupations."""
    return lexicons.load("russian_role_words")


@cache
def memberships() -> frozenset[str]:
    """Nouns of belonging to a body."""
    return lexicons.load("russian_membership_words")


@cache
def kinship() -> frozenset[str]:
    """Nouns of family ties."""
    return lexicons.load("russian_kinship")


@dataclass(frozen=True, order=True)
class _Mention:
    start: int
    end: int
    entity: int
    label: str


def is_post(lemma: str) -> bool:
    """A post or trade, also compounded ("журналист-расследователь") or former ("экс-депутат")."""
    if lemma in roles():
        return True
    parts = lemma.split("-")
    if len(parts) < 2:
        return False
    return parts[0] in roles() or (parts[0] in ("экс", "вице") and parts[1] in roles())


def dictionary_form(word: str) -> str:
    """The dictionary form of a Russian word's most likely reading ("адвокатов" -> "адвокат")."""
    return readings(word.lower())[0].normal_form  # type: ignore[attr-defined]


def _pos(word: str) -> str | None:
    return readings(word.lower())[0].tag.POS  # type: ignore[attr-defined]


def russian_relations(text: str, entities: list[LocalEntity], sentences: list[tuple[int, int]]) -> list[Fact]:
    """Position, member_of and family facts stated beside the people of one Russian document."""
    mentions = sorted(_Mention(m.start, m.end, i, e.label) for i, e in enumerate(entities) for m in e.mentions)
    genders = {i: name_gender(e.name) for i, e in enumerate(entities) if e.label == "person"}
    starts = [s for s, _e in sentences]
    # people written in the nominative: after a post's phrase, such a name is the post's holder
    nominative = {m.start for m in mentions if m.label == "person" and text[m.start:m.end] == entities[m.entity].name}
    facts: dict[tuple, Fact] = {}
    for k, person in enumerate(mentions):
        if person.label != "person":
            continue
        s = max(0, bisect.bisect_right(starts, person.start) - 1)
        sent_start, sent_end = sentences[s] if sentences else (0, len(text))
        if k + 1 < len(mentions) and mentions[k + 1].label == "person" \
                and not text[person.end:mentions[k + 1].start].strip():
            continue  # "пресс-секретарь Б А": Б is whose secretary А is
        listed = _listed_after(text, mentions, k)
        workplace = _works_at(text, person, mentions, sent_end)
        if workplace is not None:  # "А … сейчас работает в издании «Б»"
            fact = Fact("position", person.entity, sent_start, sent_end, object=workplace, value="сотрудник")
            facts.setdefault((fact.type, fact.subject, fact.object, fact.value), fact)
        found = _before(text, person, mentions, sent_start, alone=not listed, genders=genders,
                        declined=person.start not in nominative and not _verb_after(text, person.end)) \
            or _after(text, person, mentions, sent_end, nominative) \
            or _set_off(text, person, mentions, sent_start)
        if found is None:
            continue
        bodies = [found[1], *_coordinated_bodies(text, mentions, found[1], person.end, sent_end)] \
            if found[0] in ("position", "member_of") and found[1] is not None else [found[1]]
        new = [Fact(found[0], member.entity, sent_start, sent_end, object=body, value=found[2])
               for member in ([person, *listed] if found[3] else [person]) for body in bodies]
        if found[0] == "position":  # "ректор Б, председатель В и глава Г А": every post of the run
            new += [Fact("position", person.entity, sent_start, sent_end, object=body, value=post)
                    for post, body in _posts_listed_before(text, person, mentions, sent_start)]
        boss = _superior(text, person, mentions, k) if found[0] == "position" else None
        if boss is not None:
            new.append(Fact("subordinate_of", person.entity, sent_start, sent_end, object=boss, value=found[2]))
        for fact in new:
            facts.setdefault((fact.type, fact.subject, fact.object, fact.value), fact)
    return list(facts.values())


def _before(text: str, person: _Mention, mentions: list[_Mention], lo: int, alone: bool = False,
            genders: dict[int, str | None] | None = None, declined: bool = False) -> tuple | None:
    """(type, object, value, shared by a list) from the noun before the name, or None. A post
    before another person's name in between ("жена блогера Б А") is that person's; a kinship
    noun further back then ties the two. A post in the plural before one person (``alone``) is
    other people's, whose the person is ("адвокаты А": A's lawyers). A post in the nominative
    before a ``declined`` name is not that person's either ("адвокат Болата": Болат's lawyer)."""
    cut = max([m.end() for m in _BREAK.finditer(text, lo, person.start)
               if not _covered(m.start(), mentions, text, lo)] + [lo])
    words = [w for w in _WORD.finditer(text, cut, person.start) if not _covered(w.start(), mentions, text, cut)]
    fallback = None
    for back, word in enumerate(reversed(words)):
        lemma = dictionary_form(word.group())
        if not (is_post(lemma) or lemma in memberships() or lemma in kinship()):
            continue
        if back + 1 < len(words) and _of_another(words[len(words) - back - 2].group(), word.group()):
            continue  # "адвокат активиста А": the activist's lawyer; the post is the noun before
        if alone and lemma not in kinship() and "plur" in readings(word.group().lower())[0].tag:  # type: ignore[operator]
            return None
        if declined and lemma not in kinship() and word.group().lower() == lemma and back == 0:
            return None
        between = words[len(words) - back:]
        if len(between) > MAX_BETWEEN or any(_pos(w.group()) not in BETWEEN_POS for w in between):
            break
        inside = [m for m in mentions if word.end() <= m.start and m.end <= person.start]
        if lemma in kinship() and not inside:  # "А и его мать Б": whose kin the pronoun says
            inside = _possessor(text, word.start(), person, mentions, lo, genders or {})
        found = _relation(text, words[:len(words) - back], word, lemma, inside, plural=True)
        if lemma in kinship() or not any(m.label == "person" for m in inside):
            return found
        fallback = fallback or found
    return fallback


_LINK = re.compile(r",\s+|\s+и\s+")


def _posts_listed_before(text: str, person: _Mention, mentions: list[_Mention], lo: int) -> list[tuple[str, int | None]]:
    """The earlier posts of a run joined by commas and "и" before a name ("ректор университета Б,
    председатель ассоциации В и глава совета Г А"), each with the body named in its part; the run
    ends at the first part that does not open with a post."""
    parts, offsets, at = [], [], lo
    for link in _LINK.finditer(text, lo, person.start):
        after = _WORD.match(text, link.end())
        if link.group().strip() == "и" and (after is None or not is_post(dictionary_form(after.group()))):
            continue  # "Университета журналистики и массовых коммуникаций": inside a body's name
        parts.append(text[at:link.start()])
        offsets.append(at)
        at = link.end()
    parts.append(text[at:person.start])
    offsets.append(at)
    out: list[tuple[str, int | None]] = []
    first = _WORD.search(parts[-1]) if parts else None
    if first is None or not is_post(dictionary_form(first.group())):
        return out
    for part, start in reversed(list(zip(parts[:-1], offsets[:-1]))):
        end = start + len(part)
        persons = [m.end for m in mentions if m.label == "person" and start <= m.start and m.end <= end]
        post = next((w for w in _WORD.finditer(text, max([start, *persons]), end)
                     if is_post(dictionary_form(w.group())) and not _covered(w.start(), mentions, text, start)), None)
        if post is None:
            break
        inside = [m.entity for m in mentions if m.label == "organization" and post.end() <= m.start and m.end <= end]
        out.append((dictionary_form(post.group()), inside[0] if inside else None))
        if text[start:post.start()].strip():
            break  # "писал ректор Б, …": the run's first post, after other words
    return out


def _of_another(before: str, word: str) -> bool:
    """``word`` is a post or kin noun in the genitive right after another one ("адвокат
    активиста", "жена блогера"): it names whose the first one is."""
    lemma = dictionary_form(before)
    return (is_post(lemma) or lemma in kinship()) and any(
        "gent" in r.tag for r in readings(word.lower())[:2])  # type: ignore[attr-defined]


def _possessor(text: str, at: int, person: _Mention, mentions: list[_Mention], lo: int,
               genders: dict[int, str | None]) -> list[_Mention]:
    """"его/её" right before a kinship noun at ``at``: the person named last before it in the
    sentence, if the pronoun's gender agrees with the name's; when the sentence names no one
    before it ("Её брат А рассказал …"), the person of that gender named last in the paragraph."""
    m = re.search(r"(?i)\b(его|её|ее)\s+$", text[lo:at])
    if m is None:
        return []
    gender = PRONOUN_GENDER.get(m.group(1).lower())
    before = [x for x in mentions if x.label == "person" and lo <= x.start and x.end <= lo + m.start()
              and x.entity != person.entity]
    if not before:
        paragraph = text.rfind("\n", 0, lo) + 1
        before = [x for x in mentions if x.label == "person" and paragraph <= x.start and x.end <= lo
                  and x.entity != person.entity and genders.get(x.entity) == gender]
    if not before or genders.get(before[-1].entity) not in (gender, None):
        return []
    return before[-1:]


def _set_off(text: str, person: _Mention, mentions: list[_Mention], lo: int) -> tuple | None:
    """"Ещё один активист, А, …": a post right before a name set off by commas on both sides."""
    before = re.search(r",\s*$", text[lo:person.start])
    if before is None or not re.match(r"\s*,", text[person.end:person.end + 3]):
        return None
    return _before(text, _Mention(person.start - len(before.group()), person.start - len(before.group()),
                                  person.entity, person.label), mentions, lo, alone=True)


def _superior(text: str, person: _Mention, mentions: list[_Mention], k: int) -> int | None:
    """"пресс-секретарь Б А": Б, named right before А after a post, is whom А works for."""
    if k == 0 or mentions[k - 1].label != "person" or text[mentions[k - 1].end:person.start].strip():
        return None
    return mentions[k - 1].entity


def _verb_after(text: str, at: int) -> bool:
    """A finite verb right after offset ``at`` ("Дина Х считает"): the name before it is its
    subject, in the nominative, whatever case the tagger gave it."""
    m = _WORD.match(text, at + 1) if text[at:at + 1] == " " else None
    return m is not None and "VERB" in str(readings(m.group().lower())[0].tag)  # type: ignore[attr-defined]


def _after(text: str, person: _Mention, mentions: list[_Mention], hi: int, nominative: set[int]) -> tuple | None:
    """The same from an apposition after a comma, or a predicate after a dash (the copula of a
    nominal sentence): "А, главный редактор газеты «Х»,", "А – сотрудник редакции «Х»"."""
    m = re.match(r"\s*,\s*|\s+[–—-]\s+|\s*[–—]\s*", text[person.end:hi])
    if m is None:
        return None
    lo = person.end + m.end()
    stop = next((b.start() for b in _BREAK.finditer(text, lo, hi)), hi)
    words = [w for w in _WORD.finditer(text, lo, stop) if not _covered(w.start(), mentions, text, lo)]
    lead = 0
    while lead < len(words) and _pos(words[lead].group()) == "ADJF":
        lead += 1
    if lead >= len(words) or lead > 2:
        return None
    word = words[lead]
    lemma = dictionary_form(word.group())
    if not (is_post(lemma) or lemma in memberships() or lemma in kinship()):
        return None
    inside = [x for x in mentions if word.end() <= x.start and x.end <= stop]
    if any(x.label == "person" and x.start in nominative for x in inside):
        return None  # "член совета А, глава фонда «Х» Б": the post is Б's (a name in the nominative)
    return _relation(text, words[:lead + 1], word, lemma, inside, plural=False)


def _relation(text: str, head: list[re.Match[str]], word: re.Match[str], lemma: str,
              inside: list[_Mention], plural: bool) -> tuple | None:
    """The fact a noun states with the names that follow it (``inside``)."""
    body = next((m.entity for m in inside if m.label == "organization"), None)
    if lemma in kinship():
        kin = next((m.entity for m in inside if m.label == "person"), None)
        return ("family", kin, lemma, False) if kin is not None else None
    if lemma in memberships() and body is not None:
        return ("member_of", body, lemma, plural)
    if not is_post(lemma):
        return None
    adjectives = []
    for w in reversed(head[:-1]):
        if not may_be_adjective(w.group()) or w.end() + 1 < (adjectives[0] if adjectives else word).start() \
                or text[w.start() - 1:w.start()] == "-":
            break  # "36-летнего": an age, not a kind of post
        adjectives.insert(0, w)
    start = adjectives[0].start() if adjectives else word.start()
    phrase = phrase_nominative(text[start:word.end()]).lower().split()
    return ("position", body, " ".join([*(_singular(a, lemma) for a in phrase[:-1]), lemma]), plural)


def _singular(adjective: str, noun: str) -> str:
    """An adjective agreeing with the noun's singular ("бывшие операторы" -> "бывший оператор")."""
    reading = readings(adjective)[0]
    gender = readings(noun)[0].tag.gender or "masc"  # type: ignore[attr-defined]
    if "plur" not in reading.tag:  # type: ignore[attr-defined]
        return adjective
    form = reading.inflect({"sing", "nomn", gender})  # type: ignore[attr-defined]
    return form.word if form is not None else adjective


def _covered(at: int, mentions: list[_Mention], text: str, lo: int) -> bool:
    """A word (or a mark) inside a name or a quoted name: part of what the noun governs."""
    return any(m.start <= at < m.end for m in mentions) or _quoted(at, text, lo)


def _quoted(at: int, text: str, lo: int) -> bool:
    """``at`` lies inside a quoted name ("партии «Алга, вперёд!»")."""
    return any(q.start() <= at < q.end() for q in _QUOTED.finditer(text, max(0, lo - 1), at + 80))


def _works_at(text: str, person: _Mention, mentions: list[_Mention], hi: int) -> int | None:
    """The body a person "работает в" / "работает на" later in the sentence, no one else named
    between ("А, сейчас работает в издании «Б»"): a few lower-case words may stand before the body."""
    for m in _WORKS.finditer(text, person.end, hi):
        between = [x for x in mentions if person.end <= x.start < m.start() and x.label == "person"]
        if between:
            return None
        body = next((x for x in mentions if m.end() <= x.start < hi), None)
        if body is not None and body.label == "organization" \
                and re.fullmatch(r"(?:[\s«\"“„]|[а-яё]+)*", text[m.end():body.start]) \
                and len(_WORD.findall(text, m.end(), body.start)) <= 2:
            return body.entity
        return None
    return None


def _coordinated_bodies(text: str, mentions: list[_Mention], body: int, lo: int, hi: int) -> list[int]:
    """Bodies coordinated with ``body`` after its first mention past ``lo`` ("сотрудник редакции
    «А» и «Б»", "газеты «А» и журнала «Б»": of both), each joined by "и" or a comma and at most
    one lower-case word."""
    first = next((m for m in mentions if m.entity == body and lo <= m.start < hi), None)
    if first is None:
        return []
    out, previous = [], first
    for m in mentions:
        if m.start < previous.end or m.start >= hi:
            continue
        if m.label != "organization" or not _BODY_GAP.fullmatch(text[previous.end:m.start]):
            break
        out.append(m.entity)
        previous = m
    return [e for e in dict.fromkeys(out) if e != body]


def _listed_after(text: str, mentions: list[_Mention], k: int) -> list[_Mention]:
    """The people listed right after mention ``k`` ("А, Б и В")."""
    out = []
    previous = mentions[k]
    for m in mentions[k + 1:]:
        if m.label != "person" or not _LIST_GAP.fullmatch(text[previous.end:m.start]):
            break
        out.append(m)
        previous = m
    return out
