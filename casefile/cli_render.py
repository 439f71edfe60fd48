"""Rendering helpers for the CLI: rich tables on a terminal, plain text when piped, JSON for scripts."""
from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from casefile.store.queries import EntityDetail, EntitySummary, MentionDetail, SearchHit

PLAIN_WIDTH = 160  # piped output: wide enough that rows are rarely wrapped
HIGHLIGHT_STYLE = "bold reverse"


def console(stderr: bool = False) -> Console:
    """A console on the current stdout (or stderr); wide and colourless when not a terminal."""
    file = sys.stderr if stderr else sys.stdout
    con = Console(file=file, highlight=False)
    if not con.is_terminal:
        con = Console(file=file, highlight=False, width=PLAIN_WIDTH, no_color=True)
    return con


def to_jsonable(obj: object) -> object:
    """Dataclasses (and lists of them) as plain JSON values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(o) for o in obj]
    return obj


def print_json(obj: object) -> None:
    """Print ``obj`` as indented JSON (UTF-8, not ASCII-escaped) on stdout."""
    sys.stdout.write(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2) + "\n")


def _aliases(aliases: list[str], n: int = 6) -> str:
    shown = ", ".join(aliases[:n])
    return shown + (f" (+{len(aliases) - n})" if len(aliases) > n else "")


def entity_table(entities: Iterable[EntitySummary], title: str | None = None) -> Table:
    """A ranked table of entities."""
    table = Table(title=title, title_justify="left")
    table.add_column("#", justify="right", style="dim")
    table.add_column("name", style="bold")
    table.add_column("type")
    table.add_column("docs", justify="right")
    table.add_column("mentions", justify="right")
    table.add_column("aliases")
    table.add_column("id", style="dim", overflow="fold")
    for i, e in enumerate(entities, 1):
        table.add_row(str(i), Text(e.name), e.type, str(e.documents), str(e.mentions),
                      Text(_aliases(e.aliases)), Text(e.id))
    return table


def print_entities(con: Console, entities: list[EntitySummary], title: str | None = None) -> None:
    """The entity table, or a one-line note when there are none."""
    if not entities:
        con.print("no entities" + (" (the database holds no resolved entities yet)" if title is None else ""))
        return
    con.print(entity_table(entities, title))


def entity_heading(e: EntitySummary) -> Text:
    """``Name  (type, N documents, N mentions)  id`` on one line."""
    text = Text(e.name, style="bold")
    text.append(f"  ({e.type}, {e.documents} document{'s' * (e.documents != 1)}, "
                f"{e.mentions} mention{'s' * (e.mentions != 1)})  id {e.id}")
    return text


def highlight_sentence(sentence: str, start: int, spans: Iterable[tuple[int, int]], terminal: bool) -> Text:
    """The sentence with each [start, end) span (document offsets) highlighted.

    On a terminal the spans are styled bold/reverse; in plain output they are wrapped in [[ ]].
    Line breaks inside the sentence become spaces so each sentence prints on one line.
    """
    flat = sentence.replace("\r", " ").replace("\n", " ")
    rel = sorted({(max(0, s - start), min(len(flat), e - start)) for s, e in spans})
    if terminal:
        text = Text(flat)
        for s, e in rel:
            text.stylize(HIGHLIGHT_STYLE, s, e)
        return text
    out, pos = [], 0
    for s, e in rel:
        if s < pos:  # overlapping spans: keep the first
            continue
        out += [flat[pos:s], "[[", flat[s:e], "]]"]
        pos = e
    out.append(flat[pos:])
    return Text("".join(out))


def print_detail(con: Console, detail: EntityDetail) -> None:
    """Type, aliases, documents, mentions in context and co-mentioned entities."""
    e = detail.entity
    con.print(entity_heading(e))
    con.print(Text("aliases: " + (", ".join(e.aliases) if e.aliases else "(none)")))
    docs = Table(title=f"documents ({len(detail.documents)})", title_justify="left")
    for col in ("published", "title", "path", "id"):
        docs.add_column(col, overflow="fold")
    for d in detail.documents:
        docs.add_row(d.published or "", Text(d.title or ""), Text(d.source), Text(d.id))
    con.print(docs)
    sources = {d.id: d.source for d in detail.documents}
    groups: dict[tuple[str, int], list[MentionDetail]] = {}
    for m in detail.mentions:
        groups.setdefault((m.document, m.sentence_start), []).append(m)
    con.print(Text(f"mentions ({len(detail.mentions)}, in {len(groups)} sentences)", style="bold"))
    for (doc, _), ms in groups.items():
        line = Text()
        line.append(f"  {sources.get(doc, doc)}: ", style="dim")
        line.append_text(highlight_sentence(ms[0].sentence_text, ms[0].sentence_start,
                                            [(m.start, m.end) for m in ms], con.is_terminal))
        con.print(line, soft_wrap=not con.is_terminal)
    if detail.co_mentions:
        co = Table(title="named in the same sentences", title_justify="left")
        for col, just in (("name", "left"), ("type", "left"), ("sentences", "right"), ("id", "left")):
            co.add_column(col, justify=just, overflow="fold")
        for c in detail.co_mentions:
            co.add_row(Text(c.name), c.type, str(c.count), Text(c.id))
        con.print(co)
    else:
        con.print("named in the same sentences: (none)")


def print_hits(con: Console, hits: list[SearchHit]) -> None:
    """Search hits with their snippets (matches marked with [ ])."""
    if not hits:
        con.print("no matches")
        return
    table = Table()
    for col in ("#", "published", "title", "path", "snippet"):
        table.add_column(col, overflow="fold")
    for i, h in enumerate(hits, 1):
        table.add_row(str(i), h.published or "", Text(h.title or ""), Text(h.source),
                      Text(h.snippet.replace("\n", " ")))
    con.print(table)


def print_stats(con: Console, numbers: dict) -> None:
    """Counts as a two-column table."""
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in numbers.items():
        if isinstance(value, dict):
            for sub, n in value.items():
                table.add_row(f"{key}: {sub}", str(n))
        elif isinstance(value, bool):
            table.add_row(key, "yes" if value else "no (run `casefile ingest` again)")
        else:
            table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    con.print(table)
