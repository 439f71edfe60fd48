"""A Russian sentence parsed by natasha, with the document's mentions over it: the small tree
questions the Russian fact readers ask (``casefile.extract.russian_facts``, ``russian_orders``).
"""
from __future__ import annotations

from dataclasses import dataclass

from casefile.extract.lists import NamedLists
from casefile.extract.russian_relations import is_post
from casefile.models import Quote
from casefile.nlp import lexicons
from casefile.nlp.russian_names import readings

# the clauses that hang on a verb and state something of their own
OTHER_CLAUSES = frozenset({"ccomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "csubj", "xcomp"})


@dataclass(frozen=True)
class Clause:
    """One parsed sentence with its tokens' children and the document's mentions over it."""

    text: str
    tokens: tuple
    children: dict[int, list[int]]
    mentions: list[tuple[int, int, int, str]]  # start, end, entity, label: of the whole document
    quotes: list[Quote]
    lists: NamedLists | None = None  # the document's lists of names, for counted groups

    def speaker_at(self, k: int) -> int | None:
        """The speaker of the quotation that holds token ``k``, if it has one."""
        at = self.tokens[k].start
        return next((q.speaker for q in self.quotes if q.start <= at < q.end), None)

    def word(self, k: int) -> str:
        """Token ``k`` as written, lower-cased."""
        return self.text[self.tokens[k].start:self.tokens[k].end].lower()

    def entity_at(self, k: int, label: str) -> int | None:
        """The entity of ``label`` whose mention covers token ``k``."""
        tok = self.tokens[k]
        return next((e for s, end, e, lab in self.mentions if lab == label and s <= tok.start and tok.end <= end), None)

    def kids(self, i: int, *deps: str) -> list[int]:
        return [k for k in self.children.get(i, []) if not deps or self.tokens[k].dep in deps]

    def people(self, k: int) -> set[int]:
        """The people the phrase at token ``k`` names (see ``people_at``)."""
        return people_at(self.tokens, self.children, k, self.mentions, self.text)

    def preposition(self, k: int) -> str:
        """The preposition of the phrase at ``k``, with its fixed words ("в отношении")."""
        words = []
        for c in self.kids(k, "case"):
            words += [self.word(c)] + [self.word(f) for f in self.kids(c, "fixed")]
        return " ".join(words)


def in_clause(clause: Clause, i: int) -> list[int]:
    """The tokens under the verb at ``i``, leaving out the clauses that hang on it."""
    out, stack = [], list(clause.children.get(i, []))
    seen = {i}
    while stack:
        k = stack.pop()
        if k in seen or clause.tokens[k].dep in OTHER_CLAUSES:
            continue
        seen.add(k)
        out.append(k)
        stack.extend(clause.children.get(k, []))
    return sorted(out)


def below(children: dict[int, list[int]], i: int) -> list[int]:
    """The tokens under ``i``; the parser's heads may form a cycle, so each is visited once."""
    out, seen, stack = [], {i}, list(children.get(i, []))
    while stack:
        k = stack.pop()
        if k in seen:
            continue
        seen.add(k)
        out.append(k)
        stack.extend(children.get(k, []))
    return out


def unreal(tokens: tuple, children: dict[int, list[int]], i: int) -> bool:
    """Negated ("не задержан"), or under a verb of wish, threat or possibility ("может быть
    арестован", "грозит арестовать")."""
    if any(tokens[k].lemma == "не" for k in children.get(i, [])):
        return True
    head = tokens[i].head
    if head != i and tokens[i].dep == "conj" and "INFN" in tokens[i].tag:
        head = tokens[head].head if tokens[head].head != head else head  # "просил признать … и назначить"
    return head != i and tokens[head].lemma in lexicons.load("russian_irrealis_words")


def people_at(tokens: tuple, children: dict[int, list[int]], k: int, mentions: list[tuple[int, int, int, str]],
              text: str | None = None) -> set[int]:
    """The people named by the phrase at token ``k``, the names in apposition to it and the
    phrases joined to those ("политзаключённых А и Б", "Х и Y")."""
    found: set[int] = set()
    seen, stack = {k}, [k]
    while stack:
        c = stack.pop()
        found |= {p for s, e, p, label in mentions if label == "person" and s <= tokens[c].start and tokens[c].end <= e}
        if text is not None and is_post(tokens[c].lemma):
            found |= post_holder(tokens, c, mentions, text)
        for d in children.get(c, []):
            if d not in seen and tokens[d].dep in ("conj", "flat:name", "appos", "flat") \
                    and not (tokens[d].dep == "appos" and text is not None and _other_case(tokens[c], tokens[d], text)):
                seen.add(d)
                stack.append(d)
    return found


# words a post's phrase may hold before its holder's name: quotation marks around a body's name
_NAME_QUOTES = frozenset("«»\"„“”")
# how far after the post word its holder's name may begin ("председатель совета тейпов народа Х")
_POST_REACH = 8


def post_holder(tokens: tuple, c: int, mentions: list[tuple[int, int, int, str]], text: str) -> set[int]:
    """The person named right after the post word at ``c`` and the words of its phrase ("глава
    ингушского отделения «Фонда» Х"), whatever the parser hung the name on: no verb, no other
    post and no punctuation but quotation marks between them."""
    for j in range(c + 1, min(len(tokens), c + 1 + _POST_REACH)):
        token = tokens[j]
        named = [p for s, e, p, label in mentions if label == "person" and s == token.start]
        if named:
            return set(named)
        word = text[token.start:token.end]
        if ("VERB" in token.tag or "INFN" in token.tag or is_post(token.lemma)
                or (not word[:1].isalnum() and word not in _NAME_QUOTES)):
            return set()
    return set()


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _other_case(head: object, word: object, text: str) -> bool:
    """An apposition of a post that cannot be in its head's case is no apposition ("Всеволода Б,
    …, судья В приговорила": the judge, only nominative, is the subject the parser hung on the
    object). Every reading of both words counts: one form is often several cases."""
    def cases(token: object) -> set[str]:
        return {c for r in readings(text[token.start:token.end].lower())  # type: ignore[attr-defined]
                for c in _CASES if c in r.tag}
    if not text[word.start:word.end].islower():  # type: ignore[attr-defined]
        return False  # a name's guessed cases are no evidence; a post's ("судья") are
    a, b = cases(head), cases(word)
    return bool(a and b and not a & b)
