"""The review queue and its actions, and the export downloads.

Each action is a POST guarded by :func:`casefile.web.app.checked_form`; it records a judgement
through :mod:`casefile.resolve.corrections` (the same judgements `casefile merge` and
`casefile split` store, applied now and by every later ingest) and redirects to the result.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from urllib.parse import quote

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, StreamingResponse

from casefile.errors import NotFoundError
from casefile.models import ENTITY_TYPES
from casefile.resolve import corrections
from casefile.store import review
from casefile.store.db import Store
from casefile.store.queries import EntitySummary, get_entity
from casefile.web.app import WebError, checked_form, int_param, render, store_for

# format -> (file suffix, media type); csv is a zip of its tables
DOWNLOADS = {"jsonl": (".jsonl", "application/x-ndjson"), "ftm": (".ftm.json", "application/x-ndjson"),
             "gexf": (".gexf", "application/xml"), "csv": (".zip", "application/zip")}
CHUNK = 64 * 1024


def review_page(request: Request) -> HTMLResponse:
    """Candidate merges side by side, best first, with the latest judgements to undo."""
    limit = int_param(request, "limit", 10, 100)
    with store_for(request) as store:
        candidates = review.merge_candidates(store, limit)
        cards = [(c, review.entity_card(store, c.a), review.entity_card(store, c.b)) for c in candidates]
        return render(request, "review.html", {"cards": cards, "judgements": review.recent_judgements(store),
                                               "entity_types": ENTITY_TYPES})


def _entity(store: Store, form: dict[str, str], field: str) -> EntitySummary:
    value = form.get(field, "")
    if not value:
        raise WebError(400, f"the form gave no {field}")
    return get_entity(store, value)


async def _judge(request: Request, apply: Callable[[Store, dict[str, str]], list[EntitySummary] | None]) -> RedirectResponse:
    """Check the form, apply one correction in a worker thread, then show the entity it left
    (or the queue)."""
    form = await checked_form(request)

    def work() -> list[EntitySummary] | None:
        with store_for(request, write=True) as store:
            return apply(store, form)
    entities = await run_in_threadpool(work)
    return RedirectResponse(f"/entity/{quote(entities[0].id)}" if entities else "/review", status_code=303)


async def merge(request: Request) -> RedirectResponse:
    """"Same": merge two entities; shows the merged entity."""
    return await _judge(request, lambda store, form: corrections.merge_entities(
        store, _entity(store, form, "a"), _entity(store, form, "b")))


async def distinct(request: Request) -> RedirectResponse:
    """"Different": keep two entities apart and out of the queue."""
    return await _judge(request, lambda store, form: corrections.mark_distinct(
        store, _entity(store, form, "a"), _entity(store, form, "b")))


async def split(request: Request) -> RedirectResponse:
    """"Split this alias": the mentions named so are someone else; shows what is left."""
    return await _judge(request, lambda store, form: corrections.split_alias(
        store, _entity(store, form, "entity"), form.get("alias", "")))


async def retype(request: Request) -> RedirectResponse:
    """Correct an entity's type; shows the entity with its new type."""
    return await _judge(request, lambda store, form: corrections.retype_entity(
        store, _entity(store, form, "entity"), form.get("type", "")))


async def undo(request: Request) -> RedirectResponse:
    """Withdraw the latest judgement and re-resolve."""
    def withdraw(store: Store, _form: dict[str, str]) -> None:
        corrections.undo_last(store)
    return await _judge(request, withdraw)


def _write_export(db: str, fmt: str, path: str) -> None:
    from casefile.export import export

    store = Store(db, create=False, readonly=True)
    try:
        export(store, fmt, path)
    finally:
        store.close()


def _chunks(path: str) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


async def export_download(request: Request) -> StreamingResponse:
    """The whole record in one export format, written to a temporary file and streamed from it."""
    fmt = request.path_params["fmt"]
    if fmt not in DOWNLOADS:
        raise NotFoundError(f"no export format {fmt[:40]!r}; choose one of {', '.join(DOWNLOADS)}")
    suffix, media_type = DOWNLOADS[fmt]
    folder = tempfile.mkdtemp(prefix="casefile-export-")
    path = os.path.join(folder, "casefile" + suffix)
    try:
        await run_in_threadpool(_write_export, request.app.state.db, fmt, path)
    except BaseException:
        _remove(folder)
        raise
    headers = {"Content-Disposition": f'attachment; filename="casefile{suffix}"'}
    return StreamingResponse(_chunks(path), media_type=media_type, headers=headers,
                             background=BackgroundTask(_remove, folder))


def _remove(folder: str) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
