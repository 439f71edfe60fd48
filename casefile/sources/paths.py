"""How a file's path is written in the store and on the terminal.

A path is stored as its absolute form with symbolic links resolved, so one file reached by a
relative, an absolute or a linked path is one document. File names are bytes on POSIX: bytes that
are not UTF-8 are written as ``\\xNN`` escapes, and line breaks and other control characters as
``\\n``, ``\\t`` or ``\\xNN``, so every stored path is valid text and prints on one line.
"""
from __future__ import annotations

import os
from pathlib import Path

_CONTROL = {i: f"\\x{i:02x}" for i in range(32)} | {127: "\\x7f", 10: "\\n", 13: "\\r", 9: "\\t"}


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` as printable text: undecodable bytes and control characters escaped."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace").translate(_CONTROL)


def canonical_path(path: str | os.PathLike[str]) -> Path:
    """The absolute path with links resolved (the path itself when it cannot be resolved)."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def source_name(path: str | os.PathLike[str]) -> str:
    """The name a file's documents are stored under: its canonical path, displayed."""
    return display_path(canonical_path(path))


def record_file(source: str) -> str:
    """The file part of a stored source ("/a/b.json#3" -> "/a/b.json")."""
    head, sep, tail = source.rpartition("#")
    return head if sep and tail.isdigit() and head.lower().endswith((".json", ".jsonl")) else source


def is_under(source: str, root: str) -> bool:
    """True when a stored source (a file, or a record of one) is the stored path ``root`` or lies
    in the folder ``root``."""
    file = record_file(source)
    return file == root or file.startswith(root.rstrip(os.sep) + os.sep)
