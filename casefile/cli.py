"""The ``casefile`` command line: thin wrappers over the library.

Every command takes ``--db FILE`` (default ``casefile.db``, or the ``CASEFILE_DB`` environment
variable). Errors casefile raises on purpose are printed as one line and exit with status 1.
"""
from __future__ import annotations

import functools
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

# casefile spreads documents over forked worker processes; OpenBLAS threads (numpy, under the
# Russian models) would only compete with them, and in forked workers they made a run twice as
# slow. Set before numpy loads; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click  # noqa: E402 - after the thread setting, like the imports below

from casefile.lazy import lazy_module
from casefile.errors import CasefileError, NotFoundError
from casefile.models import ENTITY_TYPES, NAME_SCRIPTS
from casefile.store.db import DEFAULT_DB, Store

# tables and colours (rich) are needed only once a command has something to print
render = lazy_module("casefile.cli_render")

ENTITY_TYPE = click.Choice(ENTITY_TYPES, case_sensitive=False)


class ProcessCount(click.ParamType):
    """A positive number of worker processes, or "auto"."""

    name = "processes"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int | str:
        if isinstance(value, int) or str(value).lower() == "auto":
            return value if isinstance(value, int) else "auto"
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            self.fail(f"{value!r} is not a positive number of processes or 'auto'", param, ctx)
        return number


def _handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn CasefileError (and SQLite errors) into one clear line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CasefileError as exc:
            raise click.ClickException(str(exc)) from exc
        except sqlite3.Error as exc:
            db = kwargs.get("db", "")
            raise click.ClickException(f"{db}: database error: {exc}") from exc

    return wrapper


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--db FILE`` option shared by every command."""
    return click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="CASEFILE_DB",
                        metavar="FILE", help="The casefile SQLite database (env CASEFILE_DB).")(func)


def entity_type_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--type T`` option of commands that look one entity up by name (lower-cased)."""
    return click.option("--type", "type_", type=ENTITY_TYPE, default=None, help="Only consider entities of this type.",
                        callback=lambda _ctx, _param, value: value.lower() if value else None)(func)


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--json`` flag: machine-readable output."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


def _emit(data: Any, as_json: bool, printer: Callable[[Any, Any], None]) -> None:
    """Print ``data`` as JSON for scripts, or with ``printer`` as tables on the console."""
    if as_json:
        render.print_json(data)
    else:
        printer(render.console(), data)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("casefile")
    except PackageNotFoundError:
        return "unknown (not installed)"


@contextmanager
def open_store(db: str, create: bool = False, readonly: bool = False) -> Iterator[Store]:
    """Open the store, refusing directories, and always close it; commands that only read open
    it read-only (so they work on a file they may not write), writers are told when they wait."""
    if Path(db).is_dir():
        raise CasefileError(f"{db}: is a directory, not a casefile database")
    store = Store(db, create=create, readonly=readonly, on_wait=lambda message: click.echo(message, err=True))
    try:
        yield store
    finally:
        store.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=_version(), prog_name="casefile", message="%(prog)s %(version)s")
def main() -> None:
    """casefile: turn folders of articles into one searchable SQLite file of who, what and where.

    Start with `casefile ingest FOLDER`, then explore with `entities`, `show`, `search`, `stats`,
    and the facts with `case`, `timeline`, `laws` and `quotes`; correct the machine with `merge`
    and `split`; hand data on with `export`.
    """


# -- ingest ------------------------------------------------------------------------------------

@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="TOML configuration file (default: ./casefile.toml when present).")
@click.option("--model", default=None, metavar="NAME", help="NER model name or path (overrides the config).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Refuse files larger than N bytes (DOCX and PDF may unpack to 5 times that, or 16 MB).")
@click.option("--max-chars", type=click.IntRange(min=1), default=None, metavar="N",
              help="Refuse texts longer than N characters (longer than 100,000: analysed in pieces).")
@click.option("--processes", type=ProcessCount(), default=None, metavar="N|auto",
              help="NLP worker processes, or auto (default: all cores when the run is large enough).")
@click.option("--prune", is_flag=True, help="Also remove stored documents whose file is gone from these folders.")
@click.option("--names", type=click.Choice(NAME_SCRIPTS), default=None,
              help="Show entity names in this script from now on (kept in the database; default: original).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
@_handle_errors
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str, config_file: str | None, model: str | None,
           max_bytes: int | None, max_chars: int | None, processes: int | str | None, prune: bool,
           names: str | None, quiet: bool) -> None:
    """Read files and folders (text, HTML, PDF, DOCX, JSON) into the database.

    Unchanged files are skipped, changed files replace their older version, a moved or renamed
    file keeps its document under the new path. A file that cannot be read or analysed gets a
    FAILED line and the run goes on; the status is then 1. Ctrl-C (or SIGTERM) stops after the
    document in hand: what is stored stays, and the next run resumes.
    """
    from casefile.config import load_config
    from casefile.ingest import ingest_paths

    config = load_config(config_file, ner_model=model, max_bytes=max_bytes, max_chars=max_chars,
                         n_process=processes)
    progress = not quiet and sys.stderr.isatty()
    with open_store(db, create=True) as store, _stopping() as stop:
        store.check_integrity()
        if names is not None:
            store.set_name_script(names)  # the entities are resolved again when it changed
        report = ingest_paths(list(paths), store, config, progress, stop=stop, prune=prune)
        seconds = getattr(report, "seconds", None)
        timing = f" in {seconds:.1f} s" if isinstance(seconds, (int, float)) else ""
        moved = f", moved {report.moved}" if getattr(report, "moved", 0) else ""
        removed = f", removed {report.removed}" if getattr(report, "removed", 0) else ""
        click.echo(f"ingested {report.ingested}, unchanged {report.unchanged}{moved}{removed}, "
                   f"failed {len(report.failed)} ({report.entities} entities{timing})")
        for language, count in sorted(getattr(report, "without_entities", {}).items()):
            click.echo(f"{count} document{'s' if count != 1 else ''} in language '{language}' stored and searchable; "
                       f"no entities extracted (no backend reads it yet)", err=True)
        for source, reason in report.failed:
            click.echo(f"FAILED {source}: {' '.join(reason.split())}", err=True)
        if getattr(report, "interrupted", False) or stop.is_set():
            click.echo(f"interrupted: {report.ingested} stored, run again to resume", err=True)
            ctx.exit(128 + stop.signum)
        from casefile.store.queries import list_entities
        render.print_entities(render.console(), list_entities(store, limit=15), title="top entities")
    if report.failed:
        ctx.exit(1)


class _StopEvent(threading.Event):
    """Set by SIGINT or SIGTERM; remembers which, for the exit status (130 or 143)."""

    signum: int = signal.SIGINT


@contextmanager
def _stopping() -> Iterator[_StopEvent]:
    """While the block runs, SIGINT and SIGTERM ask the run to stop after the current document
    (a second Ctrl-C stops at once); the handlers before are restored after."""
    stop = _StopEvent()

    def handle(signum: int, _frame: object) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.signum = signum
        stop.set()
        click.echo("stopping after the current document (Ctrl-C again to stop at once)", err=True)

    if threading.current_thread() is not threading.main_thread():
        yield stop  # signals reach the main thread only
        return
    before = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


@main.command()
@click.argument("targets", nargs=-1, required=True, metavar="PATH|ID...")
@db_option
@_handle_errors
def remove(targets: tuple[str, ...], db: str) -> None:
    """Remove documents (by file path, folder, or document id) and what was derived from them,
    then re-resolve the entities."""
    from casefile.resolve import resolve_store
    from casefile.sources.paths import is_under, source_name

    with open_store(db) as store:
        stored = store.sources()
        chosen: list[str] = []
        for target in targets:  # every target is checked before anything is removed
            path = source_name(target)
            matched = [doc_id for doc_id, source in stored if doc_id == target or is_under(source, path)]
            if not matched:
                raise NotFoundError(f"{target}: no stored document has this path or id")
            chosen += [doc_id for doc_id in matched if doc_id not in chosen]
        removed = sum(store.delete_document(doc_id) for doc_id in chosen)
        entities = resolve_store(store)
    click.echo(f"removed {removed} document{'s' if removed != 1 else ''} ({entities} entities)")


# -- exploring -----------------------------------------------------------------------------------

@main.command()
@db_option
@click.option("--type", "type_", type=ENTITY_TYPE, default=None, help="Only entities of this type.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True, metavar="N",
              help="Show at most N entities (0: all).")
@json_option
@_handle_errors
def entities(db: str, type_: str | None, limit: int, as_json: bool) -> None:
    """List entities, named in the most documents first."""
    from casefile.store.queries import list_entities

    with open_store(db, readonly=True) as store:
        found = list_entities(store, type_=type_.lower() if type_ else None, limit=limit or None)
    _emit(found, as_json, render.print_entities)


@main.command()
@click.argument("name_or_id", metavar="NAME|ID")
@db_option
@entity_type_option
@json_option
@_handle_errors
def show(name_or_id: str, db: str, type_: str | None, as_json: bool) -> None:
    """Show one entity: aliases, documents, mentions in their sentences, co-mentions, facts, quotes."""
    from casefile.store.queries import entity_detail, find_entity

    with open_store(db, readonly=True) as store:
        entity = find_entity(store, name_or_id, type_)
        detail = entity_detail(store, entity.id)
    _emit(detail, as_json, render.print_detail)


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, metavar="N",
              help="Show at most N documents.")
@json_option
@_handle_errors
def search(query: str, db: str, limit: int, as_json: bool) -> None:
    """Full-text search over titles and texts (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*)."""
    from casefile.store.queries import search as run_search

    with open_store(db, readonly=True) as store:
        hits = run_search(store, query, limit=limit)
    _emit(hits, as_json, render.print_hits)


@main.command()
@db_option
@json_option
@_handle_errors
def stats(db: str, as_json: bool) -> None:
    """Counts of documents, sentences, mentions, entities by type, judgements, tokens, languages."""
    from casefile.store.queries import stats as run_stats

    with open_store(db, readonly=True) as store:
        numbers = run_stats(store)
    _emit(numbers, as_json, render.print_stats)


# -- facts and quotes --------------------------------------------------------------------------------

@main.command()
@click.argument("name_or_id", metavar="NAME|ID")
@db_option
@json_option
@_handle_errors
def case(name_or_id: str, db: str, as_json: bool) -> None:
    """A person's legal record, detention to release: dated steps, co-defendants, source sentences."""
    from casefile.store.fact_queries import case_record
    from casefile.store.queries import find_entity

    with open_store(db, readonly=True) as store:
        record = case_record(store, find_entity(store, name_or_id, "person").id)
    _emit(record, as_json, render.print_case)


@main.command()
@click.argument("name_or_id", metavar="NAME|ID")
@db_option
@entity_type_option
@json_option
@_handle_errors
def timeline(name_or_id: str, db: str, type_: str | None, as_json: bool) -> None:
    """Every dated fact about one entity, oldest first (a year before its months and days)."""
    from casefile.store.fact_queries import timeline as run_timeline
    from casefile.store.queries import find_entity

    with open_store(db, readonly=True) as store:
        entity = find_entity(store, name_or_id, type_)
        facts = run_timeline(store, entity.id)
    if as_json:
        render.print_json(facts)
        return
    out = render.console()
    out.print(render.entity_heading(entity))
    render.print_facts(out, facts, title=f"timeline ({len(facts)} dated facts)", empty="no dated facts")


@main.command()
@db_option
@json_option
@_handle_errors
def laws(db: str, as_json: bool) -> None:
    """Legal provisions named in the documents, and who was charged, convicted or fined under each."""
    from casefile.store.fact_queries import laws as run_laws

    with open_store(db, readonly=True) as store:
        found = run_laws(store)
    _emit(found, as_json, render.print_laws)


@main.command()
@click.argument("name_or_id", metavar="[NAME|ID]", required=False)
@db_option
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True, metavar="N",
              help="Show at most N quotes (0: all).")
@json_option
@_handle_errors
def quotes(name_or_id: str | None, db: str, limit: int, as_json: bool) -> None:
    """Direct quotations, of one speaker when NAME is given, with their documents."""
    from casefile.store.fact_queries import quotes as run_quotes
    from casefile.store.queries import find_entity

    with open_store(db, readonly=True) as store:
        speaker = find_entity(store, name_or_id).id if name_or_id is not None else None
        found = run_quotes(store, speaker, limit=limit or None)
    _emit(found, as_json, render.print_quotes)


# -- export ---------------------------------------------------------------------------------------

@main.command()
@db_option
@click.option("--format", "fmt", default="jsonl", show_default=True, metavar="jsonl|ftm|gexf|csv",
              help="jsonl (casefile's own), ftm (FollowTheMoney, for Aleph), gexf (Gephi), csv (a folder or .zip).")
@click.option("-o", "--output", default="-", metavar="PATH",
              help="Write to PATH (csv: a folder, or a .zip file) instead of standard output.")
@click.option("--type", "types", type=ENTITY_TYPE, multiple=True, help="Only entities of this type (repeatable).")
@click.option("--min-documents", type=click.IntRange(min=0), default=0, metavar="N",
              help="Only entities named in at least N documents.")
@click.option("--co-mentions", is_flag=True, help="gexf: also link entities named in one sentence (weighted).")
@click.option("--excel", is_flag=True, help="csv: start each file with a byte-order mark, for Excel.")
@_handle_errors
def export(db: str, fmt: str, output: str, types: tuple[str, ...], min_documents: int, co_mentions: bool,
           excel: bool) -> None:
    """Export the store: JSON lines, FollowTheMoney entities, a GEXF graph or CSV tables.

    Facts are kept when their subject and object are among the exported entities.
    """
    from casefile.export import FORMATS, ExportOptions, export as run_export
    from casefile.store.export_queries import EntitySelection

    selection = EntitySelection(tuple(sorted({t.lower() for t in types})), min_documents)
    options = ExportOptions(selection, co_mentions=co_mentions, excel=excel)
    with open_store(db, readonly=True) as store:
        try:
            count = run_export(store, fmt.lower(), output, options)
        except BrokenPipeError:  # e.g. `casefile export | head`: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
    if output != "-":
        click.echo(f"wrote {count} {FORMATS[fmt.lower()][1]} to {output}", err=True)


@main.command("datasette-metadata")
@db_option
@click.option("-o", "--output", default="-", metavar="FILE", help="Write to FILE instead of standard output.")
@_handle_errors
def datasette_metadata(db: str, output: str) -> None:
    """Write Datasette metadata (titles, descriptions, facets, search) for `datasette DB -m FILE`.

    Opens the database for writing once, so a store made by an older casefile gets its views.
    """
    import json

    from casefile.export.datasette import datasette_metadata as build
    from casefile.export.output import output_stream

    with open_store(db):
        pass  # opening for writing adds any missing views
    with output_stream(output) as out:
        out.write(json.dumps(build(db), indent=2, ensure_ascii=False) + "\n")
    if output != "-":
        click.echo(f"wrote {output}; run: datasette {db} -m {output}", err=True)


# -- corrections -----------------------------------------------------------------------------------

@main.command()
@click.argument("first", metavar="ID")
@click.argument("second", metavar="ID")
@db_option
@json_option
@_handle_errors
def merge(first: str, second: str, db: str, as_json: bool) -> None:
    """Record that two entities are the same thing, and re-resolve.

    The judgement is stored by name, so later ingests keep respecting it.
    """
    from casefile.resolve.corrections import merge_entities
    from casefile.store.queries import find_entity

    with open_store(db) as store:
        a, b = find_entity(store, first), find_entity(store, second)
        result = merge_entities(store, a, b)
    if as_json:
        render.print_json(result)
        return
    out = render.console()
    out.print(f"merged {a.name} + {b.name}")
    render.print_entities(out, result, title="result")


@main.command()
@click.argument("name_or_id", metavar="ID")
@click.option("--alias", required=True, metavar="NAME", help="The alias to detach into its own entity.")
@db_option
@json_option
@_handle_errors
def split(name_or_id: str, alias: str, db: str, as_json: bool) -> None:
    """Record that one alias of an entity names something else, and re-resolve."""
    from casefile.resolve.corrections import split_alias
    from casefile.store.queries import find_entity

    with open_store(db) as store:
        entity = find_entity(store, name_or_id)
        result = split_alias(store, entity, alias)
        alias = next((a for a in entity.aliases if a.casefold() == alias.casefold()), alias)
    if as_json:
        render.print_json(result)
        return
    out = render.console()
    out.print(f"split {alias} from {entity.name}")
    render.print_entities(out, result, title="result")


# -- web -------------------------------------------------------------------------------------------

@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (only this machine by default).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--read-only", is_flag=True, help="Refuse every change (review judgements answer 403).")
@_handle_errors
def serve(db: str, host: str, port: int, read_only: bool) -> None:
    """Browse the database in a local web app: search, entities, documents, network, laws, review."""
    import uvicorn

    from casefile.web import create_app

    app = create_app(db, read_only=read_only)
    reach = "only this machine can reach it" if host in ("127.0.0.1", "localhost", "::1") else \
        "WARNING: other machines may reach it, and it has no login"
    mode = ", read-only" if read_only else ""
    click.echo(f"casefile serving {db}{mode} at http://{host}:{port}/ ({reach}); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


if __name__ == "__main__":  # pragma: no cover
    main()
