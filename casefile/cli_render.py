"""Rendering helpers for the CLI: rich tables on a terminal, plain text when piped, JSON for scripts."""
from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from casefile.store.fact_queries import CaseRecord, FactView, LawView, QuoteView
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
    print_facts(con, detail.facts, title=f"facts ({len(detail.facts)})", empty="facts: (none)")
    print_quotes(con, detail.quotes, title=f"quotes ({len(detail.quotes)})", empty="quotes: (none)")


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


# -- facts, case records, laws and quotes -------------------------------------------------------------

def _flat(text: str) -> str:
    return " ".join(text.split())


def fact_details(f: FactView) -> str:
    """Object, value and place of a fact on one line (``-`` when it has none)."""
    parts = [p for p in (f.object_name, f.value) if p]
    if f.place_name:
        parts.append(f"in {f.place_name}")
    return "; ".join(parts) or "-"


def fact_sources(f: FactView) -> Text:
    """Each evidence sentence, prefixed with its document's title (or id), one a line."""
    return Text("\n".join(f"{e.title or e.document}: {_flat(e.text)}" for e in f.evidence))


def _table(title: str | None, columns: Iterable[str]) -> Table:
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold", justify="right" if col == "#" else "left")
    return table


def print_facts(con: Console, facts: list[FactView], title: str | None = None, empty: str = "no facts") -> None:
    """Facts as a table: date, type, subject, details and the sentences stating them."""
    if not facts:
        con.print(empty)
        return
    table = _table(title, ("date", "fact", "subject", "details", "source"))
    for f in facts:
        table.add_row(f.date or "", f.type, Text(f.subject_name or f.subject), Text(fact_details(f)), fact_sources(f))
    con.print(table)


def print_case(con: Console, record: CaseRecord) -> None:
    """A person's legal record step by step, with co-defendants and the source of each step."""
    con.print(entity_heading(record.person))
    if not record.steps:
        con.print(f"no legal record for {record.person.name} (no detention, charge, trial, ... facts)")
        return
    table = _table(f"legal record ({len(record.steps)} steps)",
                   ("#", "date", "step", "details", "co-defendants", "source"))
    for i, step in enumerate(record.steps, 1):
        f = step.fact
        details = fact_details(f)
        if f.subject != record.person.id:  # a complaint against this person: say who made it
            details = "; ".join(p for p in (f"by {f.subject_name}", f.value) if p)
        table.add_row(str(i), f.date or "", f.type, Text(details),
                      Text(", ".join(r.name for r in step.co_defendants)), fact_sources(f))
    con.print(table)
    names = ", ".join(f"{r.name} ({r.id})" for r in record.co_defendants) or "(none)"
    con.print(Text(f"co-defendants: {names}"))


def print_laws(con: Console, laws: list[LawView]) -> None:
    """Legal provisions with their attributes and the parties they were applied to."""
    if not laws:
        con.print("no laws")
        return
    table = _table(None, ("#", "law", "article", "parts", "code", "applied to", "id"))
    for i, law in enumerate(laws, 1):
        a = law.attributes
        parts = ", ".join(str(p) for p in a.get("parts", []) or [])
        applied = "; ".join(f"{p.name} ({', '.join(p.facts)})" for p in law.parties)
        table.add_row(str(i), Text(law.name), str(a.get("article", "")), parts, Text(str(a.get("code", ""))),
                      Text(applied), Text(law.id))
    con.print(table)


def print_quotes(con: Console, quotes: list[QuoteView], title: str | None = None, empty: str = "no quotes") -> None:
    """Quotations with their speaker (``-`` when unattributed) and document."""
    if not quotes:
        con.print(empty)
        return
    table = _table(title, ("#", "speaker", "quote", "document"))
    for i, qv in enumerate(quotes, 1):
        table.add_row(str(i), Text(qv.speaker_name or "-"), Text(_flat(qv.text)), Text(qv.title or qv.document))
    con.print(table)
