"""Export stage: write a store's documents, entities, facts and quotes in open formats.

``FORMATS`` names each format and how it is written: a text stream (jsonl, ftm), a byte stream
(gexf) or a set of files (csv, a folder or a zip). :func:`export` writes one to a path or to
standard output and turns every failure into one :class:`~casefile.errors.ExportError`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from casefile.errors import ExportError
from casefile.export.csv_tables import export_csv
from casefile.export.jsonl import export_jsonl
from casefile.export.output import STDOUT, output_stream
from casefile.store.db import Store
from casefile.store.export_queries import EntitySelection, snapshot


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how: the entity selection and the format's own switches."""

    selection: EntitySelection = EntitySelection()
    co_mentions: bool = False  # gexf: also an edge per pair of entities named in one sentence
    excel: bool = False  # csv: a byte-order mark first, for Excel


def _jsonl(store: Store, path: str, options: ExportOptions) -> int:
    with output_stream(path) as out:
        return export_jsonl(store, out, options.selection)


# followthemoney and networkx take a second and 60 MB to import: only the formats using them do
def _ftm(store: Store, path: str, options: ExportOptions) -> int:
    from casefile.export.ftm import export_ftm

    with output_stream(path) as out:
        return export_ftm(store, out, options.selection)


def _gexf(store: Store, path: str, options: ExportOptions) -> int:
    from casefile.export.gexf import export_gexf

    with output_stream(path, binary=True) as out:
        return export_gexf(store, out, options.selection, options.co_mentions)


def _csv(store: Store, path: str, options: ExportOptions) -> int:
    if path == STDOUT:
        raise ExportError("--format csv writes several files: give -o FOLDER or -o FILE.zip")
    return export_csv(store, path, options.selection, options.excel)


# format -> (writer, what its count counts)
FORMATS: dict[str, tuple[Callable[[Store, str, ExportOptions], int], str]] = {
    "jsonl": (_jsonl, "lines"),
    "ftm": (_ftm, "entities"),
    "gexf": (_gexf, "nodes and edges"),
    "csv": (_csv, "rows"),
}


def export(store: Store, fmt: str, path: str = STDOUT, options: ExportOptions = ExportOptions()) -> int:
    """Write the store in format ``fmt`` to ``path`` (``-``: standard output); return how many
    lines, entities, nodes and edges or rows were written."""
    if fmt not in FORMATS:
        raise ExportError(f"--format {fmt!r}: unknown format; choose one of {', '.join(FORMATS)}")
    for option, used, applies_to in (("--co-mentions", options.co_mentions, "gexf"), ("--excel", options.excel, "csv")):
        if used and fmt != applies_to:
            raise ExportError(f"{option} applies to --format {applies_to} only, not {fmt}")
    with snapshot(store):
        return FORMATS[fmt][0](store, path, options)


__all__ = ["FORMATS", "ExportOptions", "export", "export_csv", "export_jsonl"]
