"""Plain text and Markdown files: decoded as is; cleaning happens later."""
from __future__ import annotations

from casefile.models import SourceDocument
from casefile.sources.decoding import decode_text


def read_text(source: str, data: bytes, markdown: bool = False) -> SourceDocument:
    """Read a .txt or .md file's bytes into a SourceDocument (raises SourceError)."""
    return SourceDocument(
        source=source, text=decode_text(source, data), format="markdown" if markdown else "text"
    )
