"""JSON and JSON Lines files holding one or many article records."""
from __future__ import annotations

import json
from typing import Any

from casefile.errors import SourceError
from casefile.models import SourceDocument
from casefile.sources.dates import iso_date
from casefile.sources.decoding import decode_text, normalise_newlines

TEXT_FIELDS = ("text", "content", "body", "article")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "published_at", "pubdate")
LIST_FIELDS = ("items", "articles", "documents")


def read_json(source: str, data: bytes, lines: bool = False) -> list[SourceDocument | SourceError]:
    """Read every record of a .json (``lines=False``) or .jsonl file.

    A bad record becomes a SourceError for ``source#N`` in the list; a bad file raises SourceError.
    """
    text = decode_text(source, data)
    if lines:
        return _read_lines(source, text)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(source, f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    return [_record(source, index, record) for index, record in enumerate(_records(source, parsed))]


def _read_lines(source: str, text: str) -> list[SourceDocument | SourceError]:
    results: list[SourceDocument | SourceError] = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        index = len(results)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            results.append(SourceError(f"{source}#{index}", f"invalid JSON at line {line_number}: {exc.msg}"))
            continue
        results.append(_record(source, index, record))
    return results


def _records(source: str, parsed: Any) -> list[Any]:
    if isinstance(parsed, list):
        return parsed
    if isinstance(parsed, dict):
        for name in LIST_FIELDS:
            if isinstance(parsed.get(name), list):
                return parsed[name]
        return [parsed]
    raise SourceError(source, "expected a JSON object or a list of objects")


def _record(source: str, index: int, record: Any) -> SourceDocument | SourceError:
    name = f"{source}#{index}"
    if not isinstance(record, dict):
        return SourceError(name, f"record is a JSON {type(record).__name__}, not an object")
    text = _first_text(record, TEXT_FIELDS)
    if text is None:
        return SourceError(name, f"record has no text (expected one of: {', '.join(TEXT_FIELDS)})")
    return SourceDocument(
        source=name,
        text=normalise_newlines(text),
        format="json",
        title=_first_text(record, TITLE_FIELDS),
        url=_first_text(record, URL_FIELDS),
        published=iso_date(_first_text(record, DATE_FIELDS)),
    )


def _first_text(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
