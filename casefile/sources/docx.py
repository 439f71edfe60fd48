"""Word .docx files: paragraphs and table cells in document order, read by python-docx."""
from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table

from casefile.errors import SourceError, one_line
from casefile.models import SourceDocument
from casefile.sources.dates import iso_date
from casefile.sources.decoding import normalise_newlines


def read_docx(source: str, data: bytes, limit: int) -> SourceDocument:
    """Read a .docx file's paragraphs and table cells, joined by a blank line (raises SourceError).
    A package that would unpack to more than ``limit`` bytes is refused before it is unpacked."""
    _check_unpacked_size(source, data, limit)
    # python-docx surfaces zip, XML and package errors with many types; all mean "unreadable".
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [text for item in document.iter_inner_content() for text in _block_texts(item)]
        properties = document.core_properties
        title, created = properties.title, properties.created
    except Exception as exc:
        raise SourceError(source, f"corrupt or unreadable DOCX: {one_line(exc, 120)}") from exc
    text = "\n\n".join(block for block in blocks if block)
    if not text:
        raise SourceError(source, "DOCX has no text")
    return SourceDocument(
        source=source, text=normalise_newlines(text), format="docx",
        title=(title or "").strip() or None, published=iso_date(created),
    )


def _check_unpacked_size(source: str, data: bytes, limit: int) -> None:
    """Refuse a zip bomb: the sizes in the zip directory are what unpacking may produce (Python's
    zipfile never returns more bytes than a member declares)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(member.file_size for member in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise SourceError(source, f"corrupt or unreadable DOCX: {exc}") from exc
    if unpacked > limit:
        raise SourceError(source, f"DOCX unpacks to {unpacked} bytes, over the limit of {limit} bytes")


def _block_texts(item: object) -> list[str]:
    if not isinstance(item, Table):
        return [item.text.strip()]
    texts: list[str] = []
    seen: set[object] = set()
    for row in item.rows:
        for cell in row.cells:
            # Merged cells are returned once per grid column they span.
            if cell._tc not in seen:
                seen.add(cell._tc)
                texts.extend(text for inner in cell.iter_inner_content() for text in _block_texts(inner))
    return texts
