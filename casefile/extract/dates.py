"""Date expressions normalised against the document's date and context.

The model marks date expressions (DATE spans); ``dateparser`` normalises them against the
reference date. The rules here cover what it misses or gets wrong for news ("November 12 last
year", "last December", a month and day when no year is known) and find dates the model did not
mark. "On October 8" in an article about 2020 -> 2020-10-08; "14.09.16" -> 2016-09-14. The
reference is the publication date, else a dateline, else the year the document names most.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from casefile.nlp.lexicons import MONTH_NAMES, WEEKDAY_NAMES

MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted((m.title() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "November 12 last year": the year relative to the document's
_REL_YEAR = r"(?:,?\s+(?P<relyear>(?i:last|this|next|the\s+previous|the\s+following))\s+year\b)?"
_PATTERNS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<yy>\d{2}|\d{4})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)" + _REL_YEAR),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?!,?\s*(?:19|20)\d\d)" + _REL_YEAR),
    re.compile(r"\b(?P<rel>(?i:last|this|next))\s+" + _MONTH + r"\b"),
    re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b"),
    re.compile(r"\b(?i:in|since|until|by|during|early|late|end\s+of|beginning\s+of|mid-?)\s+(?:the\s+)?" + _MONTH + r"\b"),
    re.compile(r"\b(?i:in|since|until|by|during)\s+" + _YEAR + r"\b"),
    re.compile(r"\b(?P<relyear>(?i:last|this|next))\s+year\b"),
]


_DATELINE_CHARS = 200  # a full date this close to the start, at the start of a line (after a
# place or "Published"), is the article's dateline
# the start of a line before a dateline's date: "ALMATY, ", "Published: ", "(Berlin, " (a rights
# group's press release puts its dateline in brackets)
_DATELINE_PREFIX = re.compile(r"\s*\(?(?:[A-Z][A-Za-z .'’-]{1,40},\s*|(?i:published|posted|updated|date)[:\s]*)?")


@dataclass(frozen=True)
class DateRef:
    """What a document's dates are normalised against."""

    year: int | None
    month: int | None = None
    day: int | None = None


def reference_for(text: str, published: str | None) -> DateRef:
    """The publication date, or the year the document names most often."""
    if published and re.match(r"\d{4}", published):
        month = int(published[5:7]) if re.match(r"\d{4}-\d{2}", published) else None
        day = int(published[8:10]) if re.match(r"\d{4}-\d{2}-\d{2}", published) else None
        return DateRef(int(published[:4]), month, day)
    head = text[:_DATELINE_CHARS]
    dateline = next((v for s, _e, v in find_dates(head, DateRef(None)) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)
                     and is_dateline(text, s)), None)
    if dateline:  # "ALMATY, March 4, 2024. ...": the dateline dates the article
        return DateRef(int(dateline[:4]), int(dateline[5:7]), int(dateline[8:10]))
    years = Counter(re.findall(r"\b((?:19|20)\d\d)\b", text))
    return DateRef(int(years.most_common(1)[0][0]) if years else None)


def is_dateline(text: str, start: int) -> bool:
    """True when a date at ``start`` is the article's dateline, not an event's date."""
    return start < _DATELINE_CHARS and bool(_DATELINE_PREFIX.fullmatch(text[text.rfind("\n", 0, start) + 1:start]))


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and month is not None:
        # a leap year stands in for an unknown year, so "--02-29" stays possible
        if not 1 <= day <= calendar.monthrange(2000 if year is None else year, month)[1]:
            return None
    if year is None:
        return f"--{month:02d}-{day:02d}" if month and day else (f"--{month:02d}" if month else None)
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str, ref: DateRef) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) for each date expression, most specific patterns first, no overlaps."""
    out: list[tuple[int, int, str]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in out):
                continue
            value = _normalise(m, ref)
            if value:
                out.append((m.start(), m.end(), value))
    if ref.year and ref.month and ref.day:
        for m in _WEEKDAY.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _ in out):
                out.append((m.start(), m.end(), _weekday(m, ref)))
    return sorted(out)


# "on Monday", "last Friday": news dates events by weekday, relative to the article's own date
_WEEKDAY = re.compile(r"\b(?P<rel>on|last|this\s+past|next|this\s+coming)\s+(?P<wd>(?i:" + "|".join(WEEKDAY_NAMES) + r"))\b")


def _weekday(m: re.Match[str], ref: DateRef) -> str:
    """The weekday nearest the reference date: on or before it, or after it for "next"."""
    base = dt.date(ref.year, ref.month, ref.day)  # type: ignore[arg-type]
    target = WEEKDAY_NAMES.index(m.group("wd").lower())
    if m.group("rel").startswith("next") or m.group("rel").endswith("coming"):
        delta = (target - base.weekday()) % 7 or 7
    else:
        delta = -((base.weekday() - target) % 7)
        if m.group("rel") != "on" and delta == 0:
            delta = -7  # "last Monday" said on a Monday is a week ago
    return (base + dt.timedelta(days=delta)).isoformat()


def _normalise(m: re.Match[str], ref: DateRef) -> str | None:
    g = m.groupdict()
    day = int(g["day"]) if g.get("day") else None
    if g.get("mnum"):
        yy = int(g["yy"])
        year = yy if yy > 999 else (2000 + yy if yy < 50 else 1900 + yy)
        month = int(g["mnum"])
        return _iso(year, month, day) if 1 <= month <= 12 and day and 1 <= day <= 31 else None
    month = _month(g["month"]) if g.get("month") else None
    year = int(g["year"]) if g.get("year") else ref.year
    if not (g.get("year") or g.get("rel") or g.get("relyear")) and ref.year is not None and ref.month is not None \
            and month is not None and month - ref.month >= 2:
        # "in September" in an article of May: news tells what happened, last September (a date a
        # few weeks ahead may be a hearing to come, so only months well past the article's turn)
        year = ref.year - 1
    if g.get("rel") and ref.year is not None and month is not None:
        if g["rel"].lower() == "last":
            year = ref.year - 1 if ref.month is None or month >= ref.month else ref.year
        elif g["rel"].lower() == "next":
            year = ref.year + 1 if ref.month is not None and month <= ref.month else ref.year
    if g.get("relyear") and ref.year is not None:
        rel = g["relyear"].lower()
        year = ref.year - 1 if rel in {"last", "the previous"} else ref.year + 1 if rel in {"next", "the following"} \
            else ref.year
    if day is not None and not 1 <= day <= 31:
        return None
    return _iso(year, month, day)


# a date expression names a calendar point: a month, a weekday, a year, a numeric date or a day
# relative to the article ("yesterday", "three days ago"); durations ("two years") do not
_CALENDAR_WORDS = re.compile(r"(?i:\b(?:" + "|".join(MONTH_NAMES + WEEKDAY_NAMES) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|"
                             r"oct|nov|dec|yesterday|today|ago|(?:last|this|next)\s+year)\b)|\b(?:19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
# relative to another event, not to the article: dateparser would count from the publication date
_RELATIVE_TO_ARTICLE = re.compile(r"(?i)\b(?:last|this|next)\b")
_EVENT_RELATIVE = re.compile(r"(?i)\b(?:later|earlier|before|after|previous|preceding|following|next|same|that|then)\b")


@cache
def _parser(base: dt.datetime) -> object:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"})


def _base(ref: DateRef) -> dt.datetime:
    """dateparser's reference: the publication day, or the last day of the reference year/month."""
    year = ref.year or dt.date.today().year
    month = ref.month or 12
    day = ref.day or calendar.monthrange(year, month)[1]
    return dt.datetime(year, month, day)


@lru_cache(maxsize=4096)
def normalise_date(expression: str, ref: DateRef) -> str | None:
    """ISO date (YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD) of one date expression, or None.

    The rules go first for forms whose meaning depends on the article's own year, and for years
    and dates that carry their year (read as dateparser reads them, far faster); dateparser for
    the rest. Weekdays and "ago" need a known publication day, a bare month and day a year.
    """
    if not _CALENDAR_WORDS.search(expression) or _EVENT_RELATIVE.search(expression):
        return None
    ruled = find_dates(expression, ref)
    whole = ruled and ruled[0][1] - ruled[0][0] >= len(expression.strip()) - 6
    if whole and (_RELATIVE_TO_ARTICLE.search(expression) or ref.year is None):
        return ruled[0][2]  # "last December", "November 12 last year"; or no year to count from
    has_year = re.findall(r"\b(?:19|20)\d\d\b", expression)
    if has_year and (expression.strip() == has_year[0] or (whole and len(ruled) == 1)):
        # a year, or a day or month with its year: the rules read these as dateparser does,
        # at a hundredth of the cost (checked on every date expression of our test articles)
        return has_year[0] if expression.strip() == has_year[0] else ruled[0][2]
    if ref.year is None and not has_year:  # no year to count from: month and day at most
        found = ruled or find_dates("in " + expression, ref)
        return found[0][2] if found else None
    needs_day = re.search(r"(?i)\b(?:ago|today|yesterday|" + "|".join(WEEKDAY_NAMES) + r")\b", expression)
    bare = re.fullmatch(r"(?i)\s*(?:on\s+)?(" + "|".join(WEEKDAY_NAMES) + r")\s*", expression)
    if bare and ref.year and ref.month and ref.day:
        # a bare weekday is read as "on <weekday>": the nearest one on or before the article's day
        # ("on Tuesday" in an article dated a Tuesday is that day; dateparser would go a week back)
        return find_dates("on " + bare.group(1), ref)[0][2]
    data = None
    if has_year or not needs_day or (ref.year and ref.month and ref.day):
        data = _parser(_base(ref)).get_date_data(expression)  # type: ignore[attr-defined]
    if data is None or data.date_obj is None:
        if ruled:
            return ruled[0][2]
        return has_year[0] if len(set(has_year)) == 1 else None  # "the autumn of 2011", "mid-2021"
    when = data.date_obj
    if data.period == "year":
        return f"{when.year:04d}"
    if data.period in ("month", "week"):
        return f"{when.year:04d}-{when.month:02d}"
    return when.date().isoformat()


def document_dates(text: str, model_dates: list[tuple[int, int]], ref: DateRef) -> list[tuple[int, int, str]]:
    """Every normalised date of a document: the model's date spans, then the rules' finds that
    the model did not mark; (start, end, ISO) in text order."""
    out: list[tuple[int, int, str]] = []
    for start, end in model_dates:
        value = normalise_date(text[start:end], ref)
        if value:
            out.append((start, end, value))
    for start, end, value in find_dates(text, ref):
        if not any(s < end and start < e for s, e, _v in out):
            out.append((start, end, value))
    return sorted(out)
