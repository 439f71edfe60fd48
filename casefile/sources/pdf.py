"""PDF files: the text layer read by pypdf, page by page."""
from __future__ import annotations

import io
import logging

from pypdf import PdfReader

from casefile.errors import SourceError, one_line
from casefile.models import SourceDocument
from casefile.sources.dates import iso_date
from casefile.sources.decoding import normalise_newlines


# pypdf logs every repair it makes to a damaged file; the one line casefile prints is enough
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(source: str, data: bytes, limit: int) -> SourceDocument:
    """Read the text layer of a PDF, pages joined by a blank line (raises SourceError); stops with
    an error once the text passes ``limit`` characters (pypdf bounds each stream it unpacks)."""
    # pypdf raises many exception types on damaged files; any of them means "unreadable".
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(source, "corrupt or unreadable PDF: encrypted with a password")
        pages, total = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            total += len(pages[-1])
            if total > limit:
                raise SourceError(source, f"PDF text passes the limit of {limit} characters")
        info = reader.metadata
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(source, f"corrupt or unreadable PDF: {one_line(exc, 120)}") from exc
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise SourceError(source, "PDF has no text layer (scanned image?)")
    title, published = None, None
    if info is not None:
        title = (info.get("/Title") or "").strip() or None
        published = iso_date(str(info.get("/CreationDate") or ""))
    return SourceDocument(
        source=source, text=normalise_newlines(text), format="pdf", title=title, published=published
    )
