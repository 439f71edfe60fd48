"""One root exception for everything casefile raises on purpose.

Messages name the file, table or option at fault and, where it helps, the valid choices,
so the CLI can print them as one clear line.
"""
from __future__ import annotations


def one_line(exc: BaseException, width: int = 160) -> str:
    """An exception's message on one line, cut to ``width`` characters (its type when empty)."""
    return " ".join(str(exc).split())[:width] or type(exc).__name__


class CasefileError(Exception):
    """Root of every error casefile raises deliberately."""


class SourceError(CasefileError):
    """A document could not be read or decoded; names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(CasefileError):
    """The SQLite store is missing, foreign, of another schema version, or inconsistent."""


class ConfigError(CasefileError):
    """A configuration value (model name, backend, limit) is invalid."""


class NotFoundError(CasefileError):
    """A requested entity, document or judgement does not exist."""


class ExportError(CasefileError):
    """An export cannot be written: an unknown format, a bad option, an unwritable output."""
