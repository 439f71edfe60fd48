"""Normalise the many ways sources state a publication date to an ISO YYYY-MM-DD string."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_PDF_DATE = re.compile(r"^\s*D:(\d{4})(\d{2})(\d{2})")
_OTHER_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%Y")


def iso_date(value: object) -> str | None:
    """Return ``value`` as "YYYY-MM-DD" when it is a date, datetime or parseable string, else None."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _ISO_PREFIX.match(text) or _PDF_DATE.match(text)
    if match:
        return _checked(*(int(part) for part in match.groups()))
    for fmt in _OTHER_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date().isoformat()  # RFC 2822, as in RSS feeds
    except (TypeError, ValueError, IndexError):
        return None


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
