"""Legal provisions as entities: "Article 209 of the Penal Code", "the third part of Article 209",
"Article 456-2, Part 1 of the Administrative Code", "Art. 361-4".

Each mention is parsed into article, part, paragraph and code. The entity is the article of a
code; a bare "Article 209" takes the code the document names for that article elsewhere (or the
only code it names at all). A quoted title right after the article becomes an alias.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

_ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
}
_NUM = r"\d+(?:[-.]\d+)*"
_ORD = r"(?:" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th)?)"
_CODE_KIND = r"(?P<kind>Penal|Criminal|Administrative|Civil|Labou?r|Tax|Land|Criminal[- ]Procedur(?:e|al)|Civil[- ]Procedur(?:e|al))"
_CODE = (
    r"(?:\s+of\s+(?:the\s+)?(?:(?P<country1>[A-Z][\w ]{2,40}?)(?:'s|’s)\s+)?" + _CODE_KIND +
    r"\s+Code(?:\s+of\s+(?:the\s+)?(?P<country2>(?:Republic\s+of\s+)?[A-Z]\w+(?:\s+Republic)?))?"
    r"|\s+of\s+the\s+Code\s+of\s+(?P<kind2>Administrative\s+Offen[cs]es|Criminal\s+Procedure))"
)
_ARTICLE = re.compile(
    r"(?:(?:the\s+)?(?P<part_ord>" + _ORD + r")\s+part\s+of\s+|(?:Part|part)\s+(?P<part_pre>\d+)\s+of\s+)?"
    r"\b(?:Article|Art\.|article)\s+(?P<article>" + _NUM + r")"
    r"(?:,?\s+(?:Part|part)\s+(?P<part_post>\d+))?"
    r"(?:,?\s+(?:paragraph|para\.|clause)\s+(?P<paragraph>\d+))?"
    r"(?:" + _CODE + r")?"
    r"(?:\s+[“\"«](?P<title>[^”\"»\n]{3,160})[”\"»])?"
)
_ANY_CODE = re.compile(r"\b" + _CODE_KIND + r"\s+Code\b|\bCode\s+of\s+Administrative\s+Offen[cs]es\b")


@dataclass(frozen=True)
class Provision:
    """One mention of a legal provision, parsed."""

    start: int
    end: int
    article: str
    part: str | None
    paragraph: str | None
    code: str | None  # "criminal", "administrative", ... (penal and criminal are one code)
    title: str | None

    @property
    def name(self) -> str:
        """Canonical entity name: the article of its code (parts belong to facts, not entities)."""
        code = f" of the {self.code.replace('-', ' ').title()} Code" if self.code else ""
        return f"Article {self.article}{code}"


def _code_kind(kind: str | None) -> str | None:
    if not kind:
        return None
    kind = kind.lower().replace(" ", "-")
    if kind == "penal":
        return "criminal"  # "Penal Code" and "Criminal Code" are translations of one code
    if kind.startswith("administrative"):
        return "administrative"
    if kind.startswith("criminal-procedur"):
        return "criminal-procedure"
    return kind.split("-")[0] if "procedur" not in kind else kind


def find_provisions(text: str) -> list[Provision]:
    """Every provision mentioned in the text, with codes filled in from document context."""
    found: list[Provision] = []
    for m in _ARTICLE.finditer(text):
        part = m.group("part_ord") or m.group("part_pre") or m.group("part_post")
        if part:
            part = _ORDINALS.get(part.lower(), re.sub(r"\D", "", part))
        end = m.end()
        title = m.group("title")
        if title and not title[:1].isupper():
            # a lower-case quotation is not a title: the span ends before its opening mark
            title, end = None, len(text[:m.start("title") - 1].rstrip())
        found.append(Provision(
            start=m.start(), end=end, article=m.group("article"), part=part,
            paragraph=m.group("paragraph"), code=_code_kind(m.group("kind") or m.group("kind2")),
            title=title.strip() if title else None,
        ))
    return _fill_codes(found, {_code_kind(m.group("kind")) or "administrative" for m in _ANY_CODE.finditer(text)})


# Russian: "ст. 274 УК РК", "части 2 статьи 174 Уголовного кодекса", "ч. 1 ст. 488 КоАП". Laws
# are written in fixed formulas, so a pattern reads them (as the English one above does).
_RU_CODES = {"ук": "criminal", "уголовного кодекса": "criminal", "коап": "administrative",
             "кодекса об административных правонарушениях": "administrative", "упк": "criminal-procedure",
             "уголовно-процессуального кодекса": "criminal-procedure", "гк": "civil", "гражданского кодекса": "civil"}
_RU_ARTICLE = re.compile(
    r"(?:(?:ч\.|част(?:ь|и|ью))\s*(?P<part_pre>\d+)\s+)?"
    r"\b(?:ст\.|стать(?:я|и|е|ю|ей|ёй))\s*(?P<article>" + _NUM + r")"
    r"(?:,?\s+(?:ч\.|част(?:ь|и|ью))\s*(?P<part_post>\d+))?"
    r"(?:\s+(?P<code>" + "|".join(sorted((re.escape(c) for c in _RU_CODES), key=len, reverse=True)) + r")"
    r"(?:\s+(?:РК|РФ|КР|РБ|РТ|РУз|Республики\s+[А-ЯЁ]\w+))?)?",
    re.IGNORECASE,
)


def find_russian_provisions(text: str) -> list[Provision]:
    """Every provision a Russian text mentions, as the English ones are parsed (so "ст. 274 УК РК"
    is "Article 274 of the Criminal Code"), with codes filled in as for English."""
    found = []
    for m in _RU_ARTICLE.finditer(text):
        code = _RU_CODES.get(" ".join(m.group("code").lower().split())) if m.group("code") else None
        found.append(Provision(start=m.start(), end=m.end(), article=m.group("article"),
                               part=m.group("part_pre") or m.group("part_post"), paragraph=None, code=code,
                               title=None))
    return _fill_codes(found, {p.code for p in found if p.code})


def _fill_codes(found: list[Provision], doc_codes: set[str | None]) -> list[Provision]:
    """A bare "Article 209" takes the code named for the same article, else the document's only
    code (``doc_codes``: the codes the document names)."""
    by_article: dict[str, Counter[str]] = {}
    for p in found:
        if p.code:
            by_article.setdefault(p.article, Counter())[p.code] += 1
    out = []
    for p in found:
        code = p.code
        if code is None and p.article in by_article:
            code = by_article[p.article].most_common(1)[0][0]
        elif code is None and len(doc_codes) == 1:
            code = next(iter(doc_codes))
        out.append(replace(p, code=code))
    return out
