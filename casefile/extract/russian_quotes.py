"""Direct quotations in Russian text and who said them.

Quotes are the text inside «ёлочки», „лапки“ or “…”, and the dialogue lines that open with a dash.
A quote is attributed, in this order, to:
1. the name after it and a speech verb: «…», — сказал Х / «…» — заявила адвокат Х;
2. the name before a speech verb and a colon that introduce it: Х заявил: «…»;
3. "по словам Х" before it: По словам Х, «…».
4. a pronoun after it and a speech verb («…», — считает он): the person of the pronoun's gender
   who last spoke, or else was last named, in the quote's paragraph or the two before;
5. a speaker named before it in its paragraph with a speech verb (Х рассказала, что … «…»);
6. a name alone before a colon, as in a headline (Х: «…»).
The name is a person's or a body's mention; a quote with none is kept without a speaker.
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from casefile.extract.russian_relations import dictionary_form, is_post, roles
from casefile.extract.spans import DisjointSpans
from casefile.models import LocalEntity, Quote
from casefile.nlp import lexicons
from casefile.nlp.russian_names import name_gender, readings

_MARKED = re.compile(r"[«„“](?P<q>[^«»„“”\n]{3,600}?)[»“”]")
_STRAIGHT = re.compile(r'"(?P<q>[^"\n]{3,600}?)"')  # typewriter quotes, where a site has no others
_INNER_LETTER = re.compile(r'(?<=\s)"([^"\s]{1,3})"(?=\s)')  # "п. "д" ч. 2": a quoted letter inside a quote
# angle brackets some sites print for «», around Russian words only (no markup, no address)
_ANGLED = re.compile(r"<(?P<q>[А-ЯЁа-яё][^<>\n=/]{2,600}?)>")
_DIALOGUE = re.compile(r"(?m)^[ \t]*[—–][ \t]*(?P<q>[^—–\n]{3,600}?)[,!?…]?[ \t]+[—–][ \t]+(?=\w)")
_AFTER = re.compile(r"^[ \t]*[,.!?…]?[ \t]*[—–-][ \t]*(?P<verb>[а-яё]+)")
_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)
# nouns that stand for a speaker the text named before, besides posts ("— заявил коллега задержанного")
_SPEAKER_NOUNS = frozenset({"коллега", "собеседник", "собеседница"})
# what a body issues, in whose words a quote is given ("— говорится в заявлении прокуратуры")
_PAPERS = frozenset({"заявление", "сообщение", "ответ", "письмо", "документ", "релиз", "пресс-релиз", "постановление",
                     "решение", "обращение", "служба", "приговор", "определение"})
# «…», — считает он / — сказала она / — он сказал
_PRONOUN_AFTER = re.compile(r"^[ \t]*[,.!?…]?[ \t]*[—–-][ \t]*(?:(?P<verb>[а-яё]+)[ \t]+(?P<pron>он|она)\b"
                            r"|(?P<pron2>он|она)[ \t]+(?P<verb2>[а-яё]+))", re.IGNORECASE)
SPEAKERS = ("person", "organization")
_ACCORDING_TO = re.compile(r"[Пп]о\s+(?:словам|мнению|данным)\s+")
# "по его словам": the source is the one the pronoun stands for
_THEIR_WORDS = re.compile(r"[Пп]о\s+(?P<who>его|её|ее)\s+(?:словам|мнению|данным)")
WINDOW = 120  # characters around a quote that may hold its verb and speaker


_LONGEST = 1500  # characters a quote may run to across its paragraphs


class _Span:
    """A quotation found by ``_guillemet_quotes``, read like the patterns' matches: the whole
    quotation with its marks, or (with a group name) the text between them."""

    def __init__(self, start: int, end: int, inner: str) -> None:
        self._start, self._end, self._inner = start, end, inner

    def start(self, group: str | None = None) -> int:
        return self._start + (1 if group else 0)

    def end(self, group: str | None = None) -> int:
        return self._end - (1 if group else 0)

    def group(self, _name: str) -> str:
        return self._inner


def _guillemet_quotes(text: str) -> list[_Span]:
    """«…» quotations that the one-line pattern misses: those with a quotation inside («… «на
    беседу» …») and those that run over paragraphs and close only in the last («…\n…», — сказал Х).
    Each opening « is matched with the » that brings the nesting back to zero."""
    out: list[_Span] = []
    pos = 0
    while (start := text.find("«", pos)) >= 0:
        depth, i, end = 0, start, -1
        while i < min(len(text), start + _LONGEST):
            depth += (text[i] == "«") - (text[i] == "»")
            if depth == 0:
                end = i + 1
                break
            i += 1
        if end < 0:
            pos = start + 1
            continue
        inner = text[start + 1:end - 1]
        if "«" in inner or "\n" in inner:
            out.append(_Span(start, end, inner))
        pos = end
    return out


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs that introduce speech."""
    return lexicons.load("russian_speech_verbs")


def is_speech_verb(word: str) -> bool:
    """A form of a speech verb ("заявила", "сказал", "говорит")."""
    return any(p.normal_form in speech_verbs() and p.tag.POS in ("VERB", "INFN", "GRND")
               for p in readings(word.lower())[:3])


def find_russian_quotes(text: str, entities: list[LocalEntity]) -> list[Quote]:
    """Every quotation of the text with its speaker's entity index, or None."""
    mentions = sorted((m.start, m.end, i) for i, e in enumerate(entities) if e.label in SPEAKERS for m in e.mentions)
    starts = [m[0] for m in mentions]
    genders = {i: name_gender(e.name) for i, e in enumerate(entities) if e.label == "person"}
    # where a person is named in the nominative: of two people after a speech verb, the speaker
    nominative = frozenset(m.start for i, e in enumerate(entities) if e.label == "person" for m in e.mentions
                           if text[m.start:m.end] == e.name)
    # ... or by the nominative of their surname alone ("Сам Х не согласен")
    subjects = nominative | frozenset(m.start for e in entities if e.label == "person" for m in e.mentions
                                      if text[m.start:m.end] == e.name.split()[-1])
    quotes: list[Quote] = []
    taken = DisjointSpans()
    # a letter quoted inside a straight quote ("п. "д" ч. 2 ст. 207") would pair with its marks
    masked = _INNER_LETTER.sub(lambda m: "\x01" + m.group(1) + "\x01", text)
    for pattern in (None, _MARKED, _STRAIGHT, _ANGLED, _DIALOGUE):
        for m in _guillemet_quotes(text) if pattern is None else pattern.finditer(masked if pattern is _STRAIGHT else text):
            if taken.overlaps(m.start(), m.end()):
                continue
            content = m.group("q").strip()
            introduced = _ACCORDING_TO.search(text[max(0, m.start() - WINDOW):m.start()]) is not None
            said = _said_with_colon(text, m.start())  # "Х ответил: «Конечно, обжалуем»"
            short = len(content.split()) < 3 or (content[:1].islower() and len(content.split()) < 8)
            # "Х назвал приговор «незаконным»": read only for the short quotes it may keep
            called = _called_in_sentence(text, m.start(), mentions) if short else None
            if (len(content.split()) < (2 if said else 3) and called is None) \
                    or (content[:1].islower() and len(content.split()) < 8
                        and not (introduced or said or called is not None)):
                continue  # a name («Кахарман») or a term («в распространении ложной информации»)
            start = m.start("q") + m.group("q").index(content)
            content = text[start:start + len(content)]  # the document's own marks, not the mask
            taken.add(m.start(), m.end())
            end = m.end("q") if pattern is _DIALOGUE else m.end()  # a dialogue line's tail is its own dash
            speaker = _speaker(text, m.start(), end, mentions, starts, genders, nominative)
            if speaker is None and len(content.split()) < 3:
                speaker = called  # a phrase quoted as the words of the one named before it
            if speaker is None:
                speaker = _inner_tail_speaker(text, m.start("q"), m.end("q"), mentions, set(genders))
            if speaker is None:
                speaker = _pronoun_speaker(text, m.start(), m.end(), mentions, genders, subjects)
            if speaker is None:
                speaker = _reported_speaker(text, m.start(), mentions, set(genders))
            if speaker is None and not text[_paragraph_start(text, m.start()):m.start()].strip() \
                    and _AFTER.match(text[end:end + WINDOW]) is None:  # no tail of its own ("— гласил …")
                # a quote that opens its paragraph: the speaker of the paragraph before ("Х заявил, что
                # не согласен с приговором." / "«…»")
                before = _previous_paragraph_start(text, m.start())
                speaker = _reported_speaker(text, m.start(), mentions, set(genders), lo=before)
                if speaker is None:
                    speaker = _own_words_speaker(text, before, m.start(), mentions, genders)
            quotes.append(Quote(start, start + len(content), content, speaker))
    quotes += _dialogue_turns(text, taken, mentions, set(genders), quotes)
    return sorted(quotes, key=lambda q: q.start)


_TURN = re.compile(r"(?m)^[ \t]*[—–][ \t]*(?P<q>\S[^\n]{2,600}?)[ \t]*$")
# "Это фрагмент диалога между А и Б": the text names who spoke the turns, in the order they spoke
_BETWEEN = re.compile(r"(?:диалог|разговор|перепалк|спор|обмен\w*\s+реплик)\w*\s+(?:\w+\s+){0,2}?между\s+", re.IGNORECASE)


def _dialogue_turns(text: str, taken: DisjointSpans, mentions: list[tuple[int, int, int]],
                    people: set[int], said: list[Quote]) -> list[Quote]:
    """Dialogue lines with no tail ("— Что я нарушил?" / "— Пост не соответствует ..."): when the
    paragraph after or before the run says whose dialogue it is ("диалог между А и Б"), the
    turns go to A and B in turn, starting with the one named first; right after a turn whose
    tail named its speaker X ("— …? — спросила судья X."), they answer X: the person named last
    before that turn, then X, in turn."""
    turns = [m for m in _TURN.finditer(text) if not taken.overlaps(m.start(), m.end())
             and len(m.group("q").split()) >= 2]
    runs: list[list[re.Match[str]]] = []
    for m in turns:
        if runs and not text[runs[-1][-1].end():m.start()].strip():
            runs[-1].append(m)
        else:
            runs.append([m])
    out: list[Quote] = []
    for run in runs:
        pair = _answering(text, run[0].start(), mentions, people, said)
        if pair is None and len(run) < 2:
            # a lone line: the speaker the paragraph before reports ("По словам судьи Х, …" / "— …")
            speaker = _previous_paragraph_speaker(text, run[0].start(), mentions, people)
            if speaker is not None:
                content = run[0].group("q")
                out.append(Quote(run[0].start("q"), run[0].start("q") + len(content), content, speaker))
            continue
        window = [(run[-1].end(), min(len(text), run[-1].end() + 400)), (max(0, run[0].start() - 400), run[0].start())]
        for lo, hi in window if pair is None else ():
            cue = _BETWEEN.search(text, lo, hi)
            if cue:
                named = [i for s, _e, i in mentions if cue.end() <= s < cue.end() + 160 and i in people]
                pair = list(dict.fromkeys(named))[:2]
                break
        if pair is None or len(pair) != 2:
            continue
        for k, m in enumerate(run):
            content = m.group("q")
            out.append(Quote(m.start("q"), m.start("q") + len(content), content, pair[k % 2]))
    return out


def _previous_paragraph_speaker(text: str, start: int, mentions: list[tuple[int, int, int]],
                                people: set[int]) -> int | None:
    """The speaker the paragraph before offset ``start`` reports: by a speech verb ("Х заявил,
    что …") or "по словам Х"."""
    lo = _previous_paragraph_start(text, start)
    speaker = _reported_speaker(text, start, mentions, people, lo=lo)
    said = _ACCORDING_TO.search(text, lo, start)
    if speaker is None and said is not None:
        speaker = next((i for s, _e, i in mentions if said.end() <= s < start and i in people), None)
    return speaker


def _answering(text: str, start: int, mentions: list[tuple[int, int, int]], people: set[int],
               said: list[Quote]) -> list[int] | None:
    """[Y, X] when the dialogue line at ``start`` answers the one before it, which X spoke: Y is
    the person named last before X's line (whom X was talking to); None otherwise."""
    before = [q for q in said if q.end <= start and q.speaker is not None]
    if not before:
        return None
    last = before[-1]
    line = text.rfind("\n", 0, last.start) + 1
    gap = text[text.find("\n", last.end) if "\n" in text[last.end:start] else start:start]
    if not re.match(r"[ \t]*[—–]", text[line:last.start]) or gap.strip():
        return None  # the line before is no dialogue line, or text stands between
    named = [i for s, _e, i in mentions if s < line and line - s < 600 and i in people and i != last.speaker]
    return [named[-1], last.speaker] if named else None


def _speaker(text: str, start: int, end: int, mentions: list[tuple[int, int, int]], starts: list[int],
             genders: dict[int, str | None], nominative: frozenset[int] = frozenset()) -> int | None:
    people = set(genders)
    after = _AFTER.match(text[end:end + WINDOW])
    if after and is_speech_verb(after.group("verb")):
        limit = _clause_end(text, end + after.end())
        found = [(s, i) for s, e, i in mentions if end + after.end() <= s and e <= limit]
        named = [i for _s, i in found]
        persons = [(s, i) for s, i in found if i in people]
        if len(persons) > 1 and _after_post(text, persons[0][0]):
            return persons[-1][1]  # "— заявил один из адвокатов Б Х": the lawyer, not the client
        subjects = [i for s, i in persons if s in nominative]
        if len(persons) > 1 and len(subjects) == 1:  # "— заявил после приговора Б-у его адвокат Х": Х
            return subjects[0]
        if not persons and after.group("verb").endswith("ли"):
            # "— сообщили агентству в районном суде": a body speaks through an unnamed plural
            inside = [i for s, i in found if re.search(r"\bво?\s+$", text[max(0, s - 4):s])]
            if inside:
                return inside[0]
        if named:  # a person before a body ("— написала в Facebook Х")
            return next((i for i in named if i in people), named[0])
        holder = _role_holder(text, end + after.end(), limit, start, mentions, genders, after.group("verb"), nominative)
        if holder is not None:  # "— зачитал судья": the judge the text named
            return holder
        body = _named_body(text, end + after.end(), limit, start, mentions, people)
        if body is not None:  # "— говорится в заявлении прокуратуры": the prosecutor's office named before
            return body
    before = text[max(0, start - WINDOW):start]
    lo = start - len(before)
    head = len(text[:start].rstrip())  # the colon may end the paragraph before ("Х пишет:" / «…»)
    if head and text[head - 1] == ":":
        clause = _sentence_start(text, head - 1, max(0, head - 1 - WINDOW * 2))
        words = [w for w in _WORD.finditer(text, clause, head)]
        if any(is_speech_verb(w.group()) for w in words):
            named = [i for s, e, i in mentions if clause <= s and e <= head]
            if named:  # "Х написал в Facebook: «…»": the person, not the platform
                return next((i for i in reversed(named) if i in people), named[-1])
    said = _ACCORDING_TO.search(before)
    if said:
        return _first_between(mentions, starts, lo + said.end(), start)
    if before.rstrip().endswith(":"):  # a headline's "Х: «…»": the name is all there is before the colon
        clause = _sentence_start(text, start, lo)
        found = _last_between(mentions, starts, clause, start)
        if found is not None and not _WORD.search(text[_mention_end(mentions, found, start):start]):
            return found
    return None


def _named_body(text: str, lo: int, hi: int, before: int, mentions: list[tuple[int, int, int]],
                people: set[int]) -> int | None:
    """A body's kind named instead of the speaker, in whose paper the quote is ("— говорится в
    заявлении прокуратуры", "— говорится в приговоре суда"): the last body before the quote whose
    name holds that kind ("Прокуратура Н-ской области", "Н-ский районный суд")."""
    words = {dictionary_form(w.group()) for w in _WORD.finditer(text, lo, hi)}
    kinds = words & lexicons.load("russian_org_words")
    if not kinds or not words & _PAPERS or words & (roles() | _SPEAKER_NOUNS):
        return None  # "— заявил в суде адвокат": the lawyer speaks, not the court
    bodies = [(s, i) for s, e, i in mentions if i not in people and s < before
              and any(dictionary_form(w.group()) in kinds for w in _WORD.finditer(text[s:e]))]  # "Н-ский суд"
    return max(bodies)[1] if bodies else None


def _after_post(text: str, at: int) -> bool:
    """A post noun right before offset ``at`` ("адвокатов Б"): the name after it is whose post it is."""
    words = list(_WORD.finditer(text, max(0, at - 30), at))
    return bool(words) and words[-1].end() >= at - 2 and is_post(dictionary_form(words[-1].group()))


def _role_holder(text: str, lo: int, hi: int, before: int, mentions: list[tuple[int, int, int]],
                 genders: dict[int, str | None], verb: str = "", nominative: frozenset[int] = frozenset()) -> int | None:
    """A post named instead of the speaker ("— сказал судья", "— заявила экс-депутат", "— заявил
    коллега задержанного"): the one person the text names right after that post ("судья Х",
    "судья Н-ского суда Х") before the quote; None when there is none or several."""
    words = [dictionary_form(w.group()) for w in _WORD.finditer(text, lo, hi)][:3]
    post = next((w for w in words if w in roles() or w in _SPEAKER_NOUNS), None)
    if post is None:
        return None
    people, holders = set(genders), set()
    bodies = {s: e for s, e, i in mentions if i not in people}
    # "коллега" is a tie, not a post: "его коллега Х" names the other one, so no holder is looked for
    for m in _WORD.finditer(text, 0, before) if post not in _SPEAKER_NOUNS else ():
        word = m.group().lower()
        if word.startswith(post[:4]) and readings(word)[0].normal_form == post:  # type: ignore[attr-defined]
            after = next((e for s, e in bodies.items() if m.end() < s <= m.end() + 2), m.end())  # "судья Н-ского суда Х"
            holders |= {i for s, _e, i in mentions if i in people and after < s <= after + 2}
            # "адвокат правозащитника Х" with Х in the nominative: Х is the lawyer (in the genitive,
            # the client); one word between the post and the name
            gap = _WORD.match(text, after + 1)
            if gap is not None and gap.group()[:1].islower():
                holders |= {i for s, _e, i in mentions if i in people and s in nominative and gap.end() < s <= gap.end() + 2}
    if len(holders) == 1:
        return holders.pop()
    if holders:
        return None
    # no one is named with the post: the person named last before the quote (within a short
    # reach), unless the text names that person with another post ("судья Х" is no activist) or
    # the verb's gender is not theirs ("— заявила судья" is no man); one the text gave as a source
    # before ("По словам Х, …") goes first: "коллега задержанного" is not the one detained
    last = max(((s, i) for s, _e, i in mentions if i in people and before - 400 <= s < before), default=None)
    if last is None:
        return None
    sources = [m.end() for m in _ACCORDING_TO.finditer(text, max(0, before - 400), before)]
    source = next((i for s, _e, i in mentions if sources and sources[-1] <= s <= sources[-1] + 2), None)
    own = list(_THEIR_WORDS.finditer(text, max(0, last[0] - 200), before))
    if own and own[-1].start() < last[0] and source is None:
        # "По его словам, Б еле дышал": the one "его" stands for spoke, named before, not Б
        gender = "f" if own[-1].group("who").lower() in ("её", "ее") else "m"
        earlier = [(s, i) for s, _e, i in mentions if i in people and s < own[-1].start()
                   and genders.get(i) in (gender, None) and s >= before - 400]
        if earlier:
            last = max(earlier)
    if source is not None and source in people:
        last = (0, source)
    elif sources:
        return None  # the source is someone the text does not name as a person
    ahead = [dictionary_form(w.group()) for w in _WORD.finditer(text, max(0, last[0] - 40), last[0])][-2:]
    if last[0] and any(w in roles() and w != post for w in ahead):
        return None
    said_by = "f" if verb.lower().endswith("ла") else "m" if verb.lower().endswith("л") else None
    return None if said_by and genders.get(last[1]) not in (said_by, None) else last[1]


def _mention_end(mentions: list[tuple[int, int, int]], entity: int, before: int) -> int:
    return max(e for s, e, i in mentions if i == entity and e <= before)


def _pronoun_speaker(text: str, start: int, end: int, mentions: list[tuple[int, int, int]],
                     genders: dict[int, str | None], subjects: frozenset[int] = frozenset()) -> int | None:
    """«…», — считает он: the subject of the sentence right before the quote in its paragraph
    ("Сам Х не согласен. «…», — сказал он"); else the person who last spoke before the quote (in
    its paragraph or the two before) with a name of the pronoun's gender, or else the last such
    person named there."""
    m = _PRONOUN_AFTER.match(text[end:end + WINDOW])
    if m is None or not is_speech_verb(m.group("verb") or m.group("verb2")):
        return None
    wanted = "m" if (m.group("pron") or m.group("pron2")).lower() == "он" else "f"
    agrees = {i for i, gender in genders.items() if gender in (wanted, None)}
    paragraph = _paragraph_start(text, start)
    opened = _sentence_start(text, start - 1, paragraph, ".!?")
    previous = _sentence_start(text, opened - 1, paragraph, ".!?")
    lead = [i for s, _e, i in mentions if previous <= s < opened and s in subjects and i in agrees
            and len(text[previous:s].split()) <= 2]
    if lead:
        return lead[0]
    earliest = _previous_paragraph_start(text, _previous_paragraph_start(text, start))
    found = _reported_speaker(text, start, mentions, set(genders), earliest, agrees)
    if found is not None:
        return found
    return next((i for s, _e, i in reversed(mentions) if earliest <= s < start and i in agrees), None)


def _paragraph_start(text: str, at: int) -> int:
    """Where the paragraph (line) holding ``at`` begins."""
    return text.rfind("\n", 0, at) + 1


def _previous_paragraph_start(text: str, at: int) -> int:
    """Where the paragraph before the one holding ``at`` begins (blank lines between skipped)."""
    end = _paragraph_start(text, at) - 1
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    return _paragraph_start(text, end) if end > 0 else 0


def _reported_speaker(text: str, start: int, mentions: list[tuple[int, int, int]], people: set[int],
                      lo: int | None = None, allowed: set[int] | None = None) -> int | None:
    """Х рассказала, что …, «…»: the speaker next to the last speech verb before the quote (from
    ``lo``, by default its paragraph's start) that has one: a person or body named before the
    verb in its clause, or else the first person after it."""
    lo = _paragraph_start(text, start) if lo is None else lo
    verbs = [w for w in _WORD.finditer(text, lo, start) if is_speech_verb(w.group())]
    for verb in reversed(verbs):
        clause = _sentence_start(text, verb.start(), lo, ".!?«»\n")
        before = [i for s, e, i in mentions if clause <= s and e <= verb.start() and (allowed is None or i in allowed)]
        if before:
            return before[-1]
        after = [i for s, e, i in mentions if verb.end() <= s and e <= start and (allowed is None or i in allowed)]
        named = [i for i in after if i in people]
        if after:
            return (named or after)[0]
    return None


_OWN_WORDS = re.compile(r"\b[Пп]о\s+(?P<pron>его|её|ее)\s+словам\b")


def _own_words_speaker(text: str, lo: int, hi: int, mentions: list[tuple[int, int, int]],
                       genders: dict[int, str | None]) -> int | None:
    """"Х, по его словам, был задержан …" / "«…»": the person of the pronoun's gender named last
    before "по его словам" in the paragraph before the quote."""
    found = None
    for m in _OWN_WORDS.finditer(text, lo, hi):
        gender = "m" if m.group("pron") == "его" else "f"
        named = [i for s, e, i in mentions if lo <= s and e <= m.start() and genders.get(i, "x") in (gender, None)]
        found = named[-1] if named else found
    return found


# «…, – сказал Х, – …»: the tail set inside one pair of marks, between dashes
_INNER_TAIL = re.compile(r"[,.!?…]?[ \t]+[—–][ \t]+(?P<verb>[а-яё]+)[ \t]+(?P<rest>[^—–\n]{1,120}?)[ \t]+[—–][ \t]+")


def _inner_tail_speaker(text: str, lo: int, hi: int, mentions: list[tuple[int, int, int]],
                        people: set[int]) -> int | None:
    """The speaker a tail inside the quotation names («Мы устали, – сказала Х. – Хватит»)."""
    for m in _INNER_TAIL.finditer(text, lo, hi):
        if is_speech_verb(m.group("verb")):
            named = [i for s, e, i in mentions if m.start("rest") <= s and e <= m.end("rest")]
            if named:
                return next((i for i in named if i in people), named[0])
    return None


_CALLING = frozenset({"назвать", "называть", "охарактеризовать", "характеризовать"})


def _called_in_sentence(text: str, start: int, mentions: list[tuple[int, int, int]]) -> int | None:
    """Words quoted as someone's in the sentence that names them: a name, then a verb of calling
    or of speech, then the quote, with no other quote between ("Адвокат Х назвал решение
    «незаконным»", "Х указал, что сведения «порочат его честь»"): the name's entity index. None
    for a term quoted as a name («по статье «Клевета»», «признал виновной по статье «…»»)."""
    lo = max(text.rfind(ch, 0, start) for ch in ".!?\n»") + 1
    last = list(_WORD.finditer(text, lo, start))
    if last and dictionary_form(last[-1].group()) in _NAMING_NOUNS:
        return None
    for w in last:
        dictionary = dictionary_form(w.group())
        if dictionary in _CALLING or (is_speech_verb(w.group()) and dictionary not in _VERDICT_VERBS):
            named = [i for s, e, i in mentions if lo <= s and e <= w.start()]
            if named:
                return named[-1]
    return None


# nouns a quoted name follows: an article, a law, a case, an outlet ("по статье «Клевета»")
_NAMING_NOUNS = frozenset({"статья", "закон", "дело", "кодекс", "операция", "проект", "издание", "газета", "канал",
                           "телеканал", "движение", "партия", "организация", "фонд", "книга", "фильм", "песня"})
# speech verbs that also give a verdict ("признал виновной"): they quote no one
_VERDICT_VERBS = frozenset({"признать"})


def _said_with_colon(text: str, start: int) -> bool:
    """A colon right before the quote, after a speech verb in its clause ("Х ответил: «…»")."""
    before = text[max(0, start - WINDOW):start].rstrip()
    if not before.endswith(":"):
        return False
    clause = before[max(before.rfind(ch) for ch in ".!?\n") + 1:]
    return any(is_speech_verb(w.group()) for w in _WORD.finditer(clause))


def _sentence_start(text: str, at: int, floor: int, marks: str = ".!?\n") -> int:
    """Where the sentence (or, with other ``marks``, the clause) holding offset ``at`` begins: just
    after the last of ``marks`` before ``at``, and not before ``floor``."""
    return max([floor] + [text.rfind(ch, floor, at) + 1 for ch in marks])


def _clause_end(text: str, at: int) -> int:
    """Where the clause from ``at`` ends: at a sentence's end or a quotation; a body's short name
    in «» inside it ("председатель НПО «Х» Б") does not end it."""
    while True:
        m = _CLAUSE_STOP.search(text, at)
        if m is None:
            return len(text)
        close = text.find("»", m.end(), m.end() + 60) if m.group() == "«" else -1
        if close < 0 or not text[m.end():m.end() + 1].isupper() or "." in text[m.end():close]:
            return m.start()
        at = close + 1


_CLAUSE_STOP = re.compile(r"[.!?\n«]")


def _first_between(mentions: list[tuple[int, int, int]], starts: list[int], lo: int, hi: int) -> int | None:
    i = bisect.bisect_left(starts, lo)
    return mentions[i][2] if i < len(mentions) and mentions[i][1] <= hi else None


def _last_between(mentions: list[tuple[int, int, int]], starts: list[int], lo: int, hi: int) -> int | None:
    i = bisect.bisect_left(starts, hi) - 1
    return mentions[i][2] if i >= 0 and mentions[i][0] >= lo else None
