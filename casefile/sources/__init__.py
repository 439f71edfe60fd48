"""Read documents from files and folders: text, Markdown, HTML, PDF, DOCX, JSON and JSON Lines.

``iter_sources`` never stops at a bad file: it yields a SourceError for it and goes on. Whatever
goes wrong inside a reader (a library's own exception, a recursion limit, a broken link, a name
that is not UTF-8) is that one file's failure. Readers of packed formats (DOCX, PDF) stop at
``unpacked_limit`` of extracted data, so a small file cannot unpack into gigabytes.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from casefile.errors import SourceError, one_line
from casefile.models import SourceDocument
from casefile.sources.html import read_html
from casefile.sources.json_records import read_json
from casefile.sources.paths import display_path, source_name
from casefile.sources.text import read_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# how much larger than the file limit the unpacked content of a DOCX or PDF may be; at least
# MIN_UNPACKED (an empty Word document already unpacks to nearly a megabyte)
EXPANSION = 5
MIN_UNPACKED = 16 * 1024 * 1024


def unpacked_limit(max_bytes: int) -> int:
    """The most a DOCX or PDF of at most ``max_bytes`` may unpack to."""
    return max(max_bytes * EXPANSION, MIN_UNPACKED)

Reader = Callable[[str, bytes], SourceDocument | list[SourceDocument | SourceError]]


def read_pdf(source: str, data: bytes, limit: int | None = None) -> SourceDocument:
    """A PDF's text (pypdf is imported on the first PDF: most runs have none)."""
    from casefile.sources.pdf import read_pdf as read

    return read(source, data, limit=limit or unpacked_limit(len(data)))


def read_docx(source: str, data: bytes, limit: int | None = None) -> SourceDocument:
    """A DOCX's text (python-docx is imported on the first DOCX: most runs have none)."""
    from casefile.sources.docx import read_docx as read

    return read(source, data, limit=limit or unpacked_limit(len(data)))

_READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": partial(read_text, markdown=True),
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".json": read_json,
    ".jsonl": partial(read_json, lines=True),
}
SUPPORTED_SUFFIXES = frozenset(_READERS)
_PACKED = frozenset({".pdf", ".docx"})  # readers that take the unpacking limit


def iter_sources(
    paths: Sequence[str | os.PathLike[str]], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[SourceDocument | SourceError]:
    """Yield a document, or a SourceError for each unreadable file, from files and folders.

    Folders are walked recursively in sorted order, skipping hidden entries and unsupported files.
    """
    for raw in paths:
        path = Path(raw)
        if _is_dir(path):
            for item in _walk(path):
                if isinstance(item, SourceError):
                    yield item
                else:
                    yield from _read_all(item, max_bytes)
        elif not os.path.lexists(path):
            yield SourceError(source_name(path), "no such file or directory")
        else:
            yield from _read_all(path, max_bytes)


def count_files(paths: Sequence[str | os.PathLike[str]]) -> int:
    """How many readable files the paths hold (folders walked as ``iter_sources`` does), unread."""
    return sum(1 for _path in files(paths))


def files(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Path]:
    """The files the paths hold (folders walked as ``iter_sources`` does), unread."""
    for raw in paths:
        path = Path(raw)
        if _is_dir(path):
            yield from (item for item in _walk(path) if not isinstance(item, SourceError))
        elif os.path.lexists(path):
            yield path


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a link loop or an unreadable parent: read as a file, which then fails clearly
        return False


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[SourceDocument]:
    """Read every document in one file; raises SourceError (for a JSON file: its first bad record)."""
    results = _read(path, max_bytes)
    for result in results:
        if isinstance(result, SourceError):
            raise result
    return results  # type: ignore[return-value]  # no SourceError left, checked above


def _read_all(path: Path, max_bytes: int) -> list[SourceDocument | SourceError]:
    try:
        return _read(path, max_bytes)
    except SourceError as error:
        return [error]
    except Exception as exc:  # noqa: BLE001 - a reader's bug is this file's failure
        return [SourceError(source_name(path), f"cannot read: {type(exc).__name__}: {one_line(exc)}")]


def _read(path: Path, max_bytes: int) -> list[SourceDocument | SourceError]:
    source = source_name(path)
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise SourceError(source, f"unsupported file type '{display_path(path.suffix)}' (supported: {supported})")
    try:
        if os.path.islink(path) and not os.path.exists(path):
            raise SourceError(display_path(path), f"broken or looping symbolic link (to {display_path(os.readlink(path))})")
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(source, f"file is {size} bytes, over the limit of {max_bytes} bytes")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(source, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:  # the file grew, or is a special file with no meaningful size
        raise SourceError(source, f"file is over the limit of {max_bytes} bytes")
    if not data.strip():
        raise SourceError(source, "empty file")
    result = reader(source, data, limit=unpacked_limit(max_bytes)) if suffix in _PACKED else reader(source, data)  # type: ignore[call-arg]
    return result if isinstance(result, list) else [result]


def _walk(folder: Path) -> Iterator[Path | SourceError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield SourceError(source_name(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            # Symlinked folders are not followed, so a link loop cannot make the walk endless.
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
            elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            elif entry.is_symlink() and not os.path.exists(path):
                target = display_path(os.readlink(path))
                yield SourceError(display_path(path), f"skipped: broken or looping symbolic link (to {target})")
            elif entry.is_file():
                yield path
        except OSError as exc:
            yield SourceError(display_path(path), f"cannot read: {exc.strerror or exc}")
