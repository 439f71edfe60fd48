"""Where an export goes: standard output, or a file written whole or not at all.

A file is written beside its final name (``NAME.part``) and renamed when complete, so a failed or
interrupted export never leaves a truncated file that looks finished.
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from casefile.errors import ExportError

STDOUT = "-"


def cannot_write(path: str, exc: OSError) -> ExportError:
    """The one-line error for an output that cannot be written."""
    return ExportError(f"{path}: cannot write ({exc.strerror or exc})")


@contextmanager
def atomic_file(path: str, binary: bool = False) -> Iterator[IO]:
    """A new file at ``path``, visible only once the block ends without an error."""
    tmp = f"{path}.part"
    try:
        with open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, path)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


@contextmanager
def output_stream(path: str, binary: bool = False) -> Iterator[IO]:
    """Standard output (UTF-8 whatever the locale says) for ``-``, else an atomic file."""
    if path != STDOUT:
        with atomic_file(path, binary) as fh:
            yield fh
        return
    if binary:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if isinstance(sys.stdout, io.TextIOWrapper) and (sys.stdout.encoding or "").lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
    yield sys.stdout
    sys.stdout.flush()
