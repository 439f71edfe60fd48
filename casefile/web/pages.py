"""The pages: thin handlers that read through casefile.store and render a template."""
from __future__ import annotations

from dataclasses import asdict
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

from casefile.models import ENTITY_TYPES
from casefile.store import browse, fact_queries, network, queries, search
from casefile.store.schema import PROCEDURE
from casefile.web.app import CYTOSCAPE_DIR, WebError, int_param, render, store_for
from casefile.web.text import parse_range

PAGE_SIZE = 20
# the fact types an entity page lists under their own heading, in this order
FACT_SECTIONS = (("position", "Positions"), ("family", "Family"), ("member_of", "Memberships"),
                 ("subordinate_of", "Superiors"), ("represents", "Represents"), ("ordered", "Orders"),
                 ("complained_against", "Complaints"), ("testified", "Testimony"),
                 ("retracted_testimony", "Retracted testimony"))


def overview_page(request: Request) -> HTMLResponse:
    """Counts, the most documented people, organisations and places, the latest documents."""
    with store_for(request) as store:
        return render(request, "overview.html", {"overview": browse.overview(store)})


def documents_page(request: Request) -> HTMLResponse:
    """Every document, a page at a time."""
    offset = int_param(request, "offset")
    with store_for(request) as store:
        return render(request, "documents.html", {"page": browse.documents_page(store, offset, 50)})


def search_page(request: Request) -> HTMLResponse:
    """Words over the documents' text and a name over entity names and aliases, with facets."""
    q = request.query_params.get("q", "").strip()[:500]
    type_ = request.query_params.get("type") or None
    year = request.query_params.get("year")
    document = request.query_params.get("doc") or None
    offset, name_offset = int_param(request, "offset"), int_param(request, "names_from")
    if type_ is not None and type_ not in ENTITY_TYPES:
        raise WebError(400, f"unknown entity type {type_[:40]!r}; valid types: {', '.join(ENTITY_TYPES)}")
    current = {"q": q, "type": type_, "year": year, "doc": document}

    def link(**changes: object) -> str:
        """This search's address with some filters changed (None drops one)."""
        params = {k: v for k, v in {**current, **changes}.items() if v is not None and v is not False}
        return "/search?" + urlencode(params)

    context: dict = {**current, "offset": offset, "names_from": name_offset, "link": link, "docs": None, "names": None, "doc_facet": []}
    if q:
        with store_for(request) as store:
            context["names"] = search.search_names(store, q, type_, document, PAGE_SIZE, name_offset)
            context["docs"] = search.search_documents(store, q, offset, PAGE_SIZE, year)
            context["doc_facet"] = search.documents_naming(store, [h.entity.id for h in context["names"].hits])
    return render(request, "search.html", context)


def entity_page(request: Request) -> HTMLResponse:
    """An entity: aliases, documents, legal record, facts by kind, quotes, mentions, co-mentions."""
    offset = int_param(request, "offset")
    with store_for(request) as store:
        detail = queries.entity_detail(store, request.path_params["entity_id"], mention_limit=0)
        entity = detail.entity
        if entity.type == "person":  # a person's legal record; anything else's dated facts
            record = fact_queries.case_record(store, entity.id)
            steps, steps_title = record.steps, "Legal record"
        else:
            steps = [fact_queries.CaseStep(f) for f in fact_queries.timeline(store, entity.id)]
            steps_title = "Timeline"
        in_steps = {step.fact.id for step in steps}
        sections = [(title, [f for f in detail.facts if f.type == kind]) for kind, title in FACT_SECTIONS]
        listed = {kind for kind, _ in FACT_SECTIONS} | set(PROCEDURE if entity.type == "person" else ())
        other = [f for f in detail.facts if f.type not in listed and f.id not in in_steps]
        return render(request, "entity.html", {
            "detail": detail, "entity": entity, "steps": steps, "steps_title": steps_title,
            "sections": [s for s in sections if s[1]],
            "other_facts": other, "mentions": browse.entity_mentions(store, entity.id, offset, PAGE_SIZE),
            "titles": browse.document_titles(store, [d.id for d in detail.documents]),
            "entity_types": ENTITY_TYPES, **_graph_context(network.neighbourhood(store, entity.id)),
        })


def _graph_context(graph: network.Graph) -> dict:
    return {"graph": graph, "names": {n.id: n.name for n in graph.nodes}}


def _graph_json(graph: network.Graph, centre: str | None = None) -> JSONResponse:
    nodes = [{"data": {**asdict(n), "centre": n.id == centre}} for n in graph.nodes]
    edges = [{"data": {**asdict(e), "label": e.type}} for e in graph.edges]
    return JSONResponse({"elements": nodes + edges, "fact_types": graph.fact_types})


def entity_graph_json(request: Request) -> JSONResponse:
    """The entity's direct links, for Cytoscape."""
    with store_for(request) as store:
        entity = queries.get_entity(store, request.path_params["entity_id"])
        return _graph_json(network.neighbourhood(store, entity.id), entity.id)


def document_page(request: Request) -> HTMLResponse:
    """A document's clean text with every mention highlighted by type, its facts and quotes beside."""
    with store_for(request) as store:
        view = browse.document_view(store, request.path_params["document_id"])
    return render(request, "document.html", {"view": view, "focus": parse_range(request.query_params.get("hl"))})


def _network_filters(request: Request) -> tuple[str | None, list[str]]:
    entity = request.query_params.get("entity") or None
    fact_types = [t for t in request.query_params.getlist("fact") if t]
    return entity, fact_types


def network_page(request: Request) -> HTMLResponse:
    """The network of people and organisations; filters by entity and fact type."""
    entity_id, fact_types = _network_filters(request)
    with store_for(request) as store:
        entity = queries.find_entity(store, entity_id) if entity_id else None  # an id, or a name
        graph = network.network(store, entity.id if entity else None, fact_types or None)
    return render(request, "network.html", {"entity": entity, "chosen": fact_types,
                                            "has_cytoscape": _has_cytoscape(), **_graph_context(graph)})


def network_json(request: Request) -> JSONResponse:
    """The network's nodes and edges for Cytoscape, with the page's filters."""
    entity_id, fact_types = _network_filters(request)
    with store_for(request) as store:
        entity = queries.find_entity(store, entity_id) if entity_id else None
        centre = entity.id if entity else None
        return _graph_json(network.network(store, centre, fact_types or None), centre)


def _has_cytoscape() -> bool:
    return (CYTOSCAPE_DIR / "cytoscape.min.js").is_file()


def laws_page(request: Request) -> HTMLResponse:
    """Legal provisions with the people and organisations charged, convicted or fined under each."""
    with store_for(request) as store:
        return render(request, "laws.html", {"laws": fact_queries.laws(store)})
