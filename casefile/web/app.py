"""The web app: routes, templates, error pages and the guards of state-changing requests.

Pages read the store through :mod:`casefile.store` query functions only; each request opens its
own connection (read-only for pages, read-write for the review actions), so a running ingest
never blocks a page (WAL) and a page never sees half a write.
"""
from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from casefile.errors import CasefileError, NotFoundError
from casefile.store.db import Store
from casefile.web import text

HERE = Path(__file__).resolve().parent
# Cytoscape.js is installed by npm (scripts/setup.sh) into the checkout's node_modules, never copied here
CYTOSCAPE_DIR = HERE.parents[1] / "node_modules" / "cytoscape" / "dist"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(pieces=text.pieces, highlight_range=text.highlight_range, snippet_pieces=text.snippet_pieces)
    return env


TEMPLATES = Jinja2Templates(env=_environment())


class WebError(CasefileError):
    """A request the app refuses, with the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@contextmanager
def store_for(request: Request, write: bool = False) -> Iterator[Store]:
    """An open store for one request: read-only for pages, read-write for actions."""
    store = Store(request.app.state.db, create=False, readonly=not write)
    try:
        yield store
    finally:
        store.close()


def render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    """A page from ``template``; every page gets the CSRF token and whether the app is read-only."""
    context = {"request": request, "csrf": request.app.state.csrf, "read_only": request.app.state.read_only,
               "q": "", **context}
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status)


def int_param(request: Request, name: str, default: int = 0, maximum: int = 1_000_000) -> int:
    """A non-negative integer query parameter; a 400 for anything else."""
    value = request.query_params.get(name)
    if value is None or value == "":
        return default
    if not value.isdigit() or int(value) > maximum:
        raise WebError(400, f"{name} must be a whole number from 0 to {maximum}, not {value[:40]!r}")
    return int(value)


def _same_origin(request: Request) -> bool:
    """False when the browser says the request comes from another site (Origin, else Referer)."""
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed or claimed == "null":
        return claimed is None
    parts = urlsplit(claimed)
    return parts.netloc == request.headers.get("host", "") and parts.scheme in ("http", "https")


async def checked_form(request: Request) -> dict[str, str]:
    """The form of a state-changing request, once it passed the guards: a writable app, the same
    origin, the page's CSRF token. Raises WebError(403) otherwise."""
    if request.app.state.read_only:
        raise WebError(403, "this casefile server is read-only (--read-only): nothing can be changed")
    if not _same_origin(request):
        raise WebError(403, "refused: the request comes from another site")
    form = await request.form()
    token = str(form.get("csrf", ""))
    if not hmac.compare_digest(token.encode(), request.app.state.csrf.encode()):
        raise WebError(403, "refused: the form's security token is missing or out of date; reload the page")
    return {k: str(v) for k, v in form.items()}


async def _error_page(request: Request, exc: Exception) -> Response:
    if isinstance(exc, WebError):
        status, message = exc.status, str(exc)
    elif isinstance(exc, NotFoundError):
        status, message = 404, str(exc)
    elif isinstance(exc, HTTPException):
        status, message = exc.status_code, exc.detail or "error"
    elif isinstance(exc, CasefileError):
        status, message = 400, str(exc)
    else:
        status, message = 500, "internal error: the server could not show this page"
    return render(request, "error.html", {"status": status, "message": message}, status=status)


# Defence in depth behind the escaping: no inline script runs, nothing loads from elsewhere, no
# other site may frame the pages (their buttons change the store), no address leaves the app.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                 b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # "no-referrer" would make a browser send "Origin: null"
]


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)
        await self.app(scope, receive, with_headers)


def create_app(db: str, read_only: bool = False) -> Starlette:
    """The casefile web app over the store at ``db``; with ``read_only``, every change is refused."""
    from casefile.web import actions, pages

    Store(db, create=False, readonly=True).close()  # fail now, with casefile's message, on a bad file
    routes = [
        Route("/", pages.overview_page),
        Route("/search", pages.search_page),
        Route("/entity/{entity_id}", pages.entity_page),
        Route("/entity/{entity_id}/graph.json", pages.entity_graph_json),
        Route("/document/{document_id}", pages.document_page),
        Route("/documents", pages.documents_page),
        Route("/network", pages.network_page),
        Route("/network.json", pages.network_json),
        Route("/laws", pages.laws_page),
        Route("/review", actions.review_page),
        Route("/review/merge", actions.merge, methods=["POST"]),
        Route("/review/distinct", actions.distinct, methods=["POST"]),
        Route("/review/split", actions.split, methods=["POST"]),
        Route("/review/retype", actions.retype, methods=["POST"]),
        Route("/review/undo", actions.undo, methods=["POST"]),
        Route("/export/{fmt}", actions.export_download),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Mount("/vendor/cytoscape", StaticFiles(directory=CYTOSCAPE_DIR, check_dir=False), name="cytoscape"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)],
                    exception_handlers={Exception: _error_page, HTTPException: _error_page, CasefileError: _error_page})
    app.state.db = db
    app.state.read_only = read_only
    app.state.csrf = secrets.token_urlsafe(32)
    return app
