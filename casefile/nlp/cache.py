"""A small on-disk cache for data derived from installed packages (town lists and the like).

Derived tables that take a second to build are pickled to ``$CASEFILE_CACHE`` (default
``$XDG_CACHE_HOME/casefile`` or ``~/.cache/casefile``) under a key that names the data's version,
so a new version of the data never reads an old table. Any failure to read or write the cache is
silent: the table is then simply built again.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """Where derived tables are kept."""
    if os.environ.get("CASEFILE_CACHE"):
        return Path(os.environ["CASEFILE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "casefile"


def cached(key: str, build: Callable[[], T]) -> T:
    """The table stored under ``key``, or ``build()`` (stored for next time)."""
    path = cache_dir() / f"{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own file, written below
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    value = build()
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
            tmp_name = tmp.name
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp_name, path)  # readers never see a half-written file
    except (OSError, pickle.PicklingError):
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
    return value
