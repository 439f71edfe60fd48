"""Route tests of the web app's pages (Starlette's TestClient over the invented WEB_TEXTS)."""
from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from casefile.store import Store
from casefile.store.queries import find_entity
from casefile.web import create_app


@pytest.fixture(scope="module")
def client(web_store) -> TestClient:
    return TestClient(create_app(str(web_store), read_only=True))


def entity_id(db, name: str) -> str:
    store = Store(db, create=False, readonly=True)
    try:
        return find_entity(store, name).id
    finally:
        store.close()


def document_id(client: TestClient, title: str) -> str:
    page = client.get("/documents").text
    found = re.search(r'href="/document/([^"]+)">' + re.escape(title), page)
    assert found, f"no document titled {title!r} on /documents"
    return found.group(1)


def test_overview_counts_top_people_and_documents(client):
    page = client.get("/")
    assert page.status_code == 200
    assert re.search(r"<b>3</b> documents", page.text)
    assert ">Nurlan Abenov</a>" in page.text and ">Velmora</a>" in page.text
    assert "Editor Sentenced" in page.text and 'action="/search"' in page.text
    for fmt in ("jsonl", "ftm", "gexf", "csv"):
        assert f'href="/export/{fmt}"' in page.text


def test_search_finds_names_across_spellings_and_scripts(client):
    for query in ("Abenov", "nurlan abenof", "Нурлан Абенов"):
        page = client.get("/search", params={"q": query})
        assert page.status_code == 200
        assert ">Nurlan Abenov</a>" in page.text, query


def test_search_snippets_highlight_the_hit_and_facet_by_year(client):
    page = client.get("/search", params={"q": "sentenced"}).text
    assert "<mark>sentenced</mark>" in page
    assert "2024 (1)" in page
    blogger = client.get("/search", params={"q": "Abenov", "year": "2023"}).text
    docs = blogger.split('class="documents"')[1]
    assert "Blogger Fined in Tasqala" in docs and "Editor Sentenced" not in docs


def test_search_type_facet_filters_names(client):
    page = client.get("/search", params={"q": "Velmora", "type": "location"}).text
    names = page.split('class="names"')[1].split('class="documents"')[0]
    assert ">Velmora</a>" in names and "Velmora police department</a>" not in names


@pytest.mark.parametrize("query", ['"', "AND OR (", "NEAR(a b", "*", "title:x", "a' OR 1=1 --", "\x00", "-", "^"])
def test_fts_syntax_in_the_query_box_never_fails(client, query):
    page = client.get("/search", params={"q": query})
    assert page.status_code in (200, 400) and "Traceback" not in page.text


def test_search_paging_and_bad_parameters(client):
    assert client.get("/search", params={"q": "Velmora", "offset": "1000"}).status_code == 200
    assert client.get("/search", params={"q": "Velmora", "offset": "-1"}).status_code == 400
    bad_type = client.get("/search", params={"q": "Velmora", "type": "<b>x</b>"})
    assert bad_type.status_code == 400 and "<b>x</b>" not in bad_type.text


def test_entity_page_shows_record_aliases_mentions_and_links(client, web_store):
    page = client.get(f"/entity/{entity_id(web_store, 'Nurlan Abenov')}").text
    assert "Legal record" in page and 'class="timeline"' in page
    timeline = page.split('class="timeline"')[1].split("</ol>")[0]
    assert timeline.index("detention") < timeline.index("conviction")
    assert "2024-03" in timeline and "hl=" in timeline  # each step links to its source sentence
    assert '<span class="alias">Abenov</span>' in page
    assert '<mark class="t-person">Nurlan Abenov</mark>' in page
    assert ">Qala Times</a>" in page  # named with, or linked by a fact


def test_entity_mentions_are_paged(client, web_store):
    url = f"/entity/{entity_id(web_store, 'Velmora')}"
    assert "1–4 of 4" in client.get(url).text
    later = client.get(url, params={"offset": "2"}).text
    assert "3–4 of 4" in later and "← previous" in later and later.count('<mark class="t-location">') == 2
    assert client.get(url, params={"offset": "x"}).status_code == 400


@pytest.mark.parametrize("bad", ["nope", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "e" + "0" * 12, "..%2F..%2Fetc"])
def test_bad_ids_give_a_404_page(client, bad):
    for path in (f"/entity/{bad}", f"/document/{bad}", f"/entity/{bad}/graph.json"):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "<script>" not in page.text and "Traceback" not in page.text


def test_document_page_highlights_every_mention_with_its_entity(client, web_store):
    doc = document_id(client, "Editor Sentenced")
    page = client.get(f"/document/{doc}").text
    nurlan = entity_id(web_store, "Nurlan Abenov")
    assert f'<a class="m t-person" href="/entity/{nurlan}" title="Nurlan Abenov">Nurlan Abenov</a>' in page
    assert 'class="m t-law"' in page and 'class="m t-location"' in page
    assert "built on nothing" in page  # the quote beside the text
    assert "conviction" in page.split('class="secondary"')[1]  # its facts beside the text
    assert "editor_sentenced.json#0" in page and 'href="https://news.example/velmora-verdict"' in page


def test_document_focus_marks_the_linked_sentence(client):
    doc = document_id(client, "Editor Sentenced")
    page = client.get(f"/document/{doc}", params={"hl": "0-7"}).text
    assert re.search(r'<span class="focus" id="focus"><a class="m t-location" [^>]+>VELMORA</a></span>', page)
    assert client.get(f"/document/{doc}", params={"hl": "9-99999"}).status_code == 200  # out of range: ignored


def test_hostile_document_is_shown_as_text(client):
    doc = document_id(client, "Blogger Fined in Tasqala &lt;script&gt;")
    page = client.get(f"/document/{doc}").text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<img src=x" not in page and "<svg onload" not in page
    assert "javascript:alert(4)" in page and 'href="javascript:' not in page
    search = client.get("/search", params={"q": "pwned"}).text
    assert "<script>alert" not in search and "pwned" in search


def test_network_page_and_json(client, web_store):
    page = client.get("/network")
    assert page.status_code == 200 and 'id="graph"' in page.text
    data = client.get("/network.json").json()
    nodes = {e["data"]["id"]: e["data"] for e in data["elements"] if "source" not in e["data"]}
    edges = [e["data"] for e in data["elements"] if "source" in e["data"]]
    assert edges and all(e["source"] in nodes and e["target"] in nodes for e in edges)
    assert {n["type"] for n in nodes.values()} <= {"person", "organization"}
    kind = edges[0]["type"]
    only = client.get("/network.json", params={"fact": kind}).json()
    assert {e["data"]["type"] for e in only["elements"] if "source" in e["data"]} == {kind}
    around = client.get("/network", params={"entity": entity_id(web_store, "Nurlan Abenov")}).text
    assert "Network around Nurlan Abenov" in around
    assert client.get("/network", params={"entity": "nope"}).status_code == 404


def test_laws_page_lists_who_was_charged(client):
    page = client.get("/laws").text
    law = page.split("Article 274 of the Criminal Code</a>")[1]
    assert ">Nurlan Abenov</a>" in law and "charge" in law and "article 274 · criminal code" in law


def test_review_page_proposes_close_names(client):
    page = client.get("/review").text
    candidate = page.split('class="candidate"')[1]
    assert ">Nurlan Abenov</a>" in candidate and ">Nurbol Abenov</a>" in candidate
    assert 'action="/review/merge"' in candidate and "disabled" in candidate  # read-only app


def test_static_files_are_served(client):
    assert "body" in client.get("/static/style.css").text
    assert client.get("/static/network.js").status_code == 200
    assert client.get("/static/../app.py").status_code == 404


@pytest.mark.parametrize("fmt", ["jsonl", "ftm", "gexf", "csv"])
def test_exports_download(client, fmt):
    response = client.get(f"/export/{fmt}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    body = response.content
    assert {"jsonl": b'"kind"', "ftm": b'"schema"', "gexf": b"<gexf", "csv": b"PK"}[fmt] in body[:4000]


def test_unknown_export_and_page_give_404(client):
    assert client.get("/export/xls").status_code == 404
    assert client.get("/no/such/page").status_code == 404


def test_missing_database_is_refused_at_start(tmp_path):
    from casefile.errors import StoreError

    with pytest.raises(StoreError, match="no such casefile database"):
        create_app(str(tmp_path / "none.db"))


def test_network_filter_takes_a_name(client):
    page = client.get("/network", params={"entity": "Saule Abenova"})
    assert page.status_code == 200 and "Network around Saule Abenova" in page.text
    data = client.get("/network.json", params={"entity": "Saule Abenova"}).json()
    assert any(e["data"].get("centre") for e in data["elements"])


def test_an_unexpected_error_is_a_plain_500_page(web_store, monkeypatch):
    from casefile.store import browse

    def broken(*_args, **_kwargs):
        raise RuntimeError("secret internals")
    monkeypatch.setattr(browse, "overview", broken)
    page = TestClient(create_app(str(web_store)), raise_server_exceptions=False).get("/")
    assert page.status_code == 500 and "internal error" in page.text
    assert "secret internals" not in page.text and "Traceback" not in page.text


def test_name_results_are_paged(client):
    page = client.get("/search", params={"q": "Abenov", "names_from": "1"}).text
    names = page.split('class="names"')[1].split('class="documents"')[0]
    assert "2–3 of 3" in names and "← previous names" in names
    assert client.get("/search", params={"q": "Abenov", "names_from": "x"}).status_code == 400


def test_every_answer_carries_the_security_headers(client):
    for path in ("/", "/entity/nope", "/static/style.css"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"

