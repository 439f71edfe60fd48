"""Route tests of the review queue's actions: guards (CSRF, origin, read-only) and judgements."""
from __future__ import annotations

import re
import shutil

import pytest
from starlette.testclient import TestClient

from casefile.resolve import resolve_store
from casefile.store import Store
from casefile.store.queries import find_entity
from casefile.web import create_app


@pytest.fixture()
def db(web_store, tmp_path) -> str:
    """A copy of the web store, to change."""
    copy = tmp_path / "web.db"
    shutil.copy(web_store, copy)
    return str(copy)


@pytest.fixture()
def client(db) -> TestClient:
    return TestClient(create_app(db), follow_redirects=False)


def csrf(client: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/review").text).group(1)


def ids(db: str, *names: str) -> list[str]:
    store = Store(db, create=False, readonly=True)
    try:
        return [find_entity(store, n).id for n in names]
    finally:
        store.close()


def kinds(db: str) -> list[str]:
    store = Store(db, create=False, readonly=True)
    try:
        return [j["kind"] for j in store.judgements()]
    finally:
        store.close()


def test_merge_needs_the_csrf_token(client, db):
    a, b = ids(db, "Nurlan Abenov", "Nurbol Abenov")
    for token in (None, "", "forged"):
        form = {"a": a, "b": b} | ({"csrf": token} if token is not None else {})
        response = client.post("/review/merge", data=form)
        assert response.status_code == 403 and "security token" in response.text
    assert kinds(db) == []


def test_merge_from_another_site_is_refused(client, db):
    a, b = ids(db, "Nurlan Abenov", "Nurbol Abenov")
    token = csrf(client)
    for header in ({"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page"}, {"Origin": "null"}):
        response = client.post("/review/merge", data={"a": a, "b": b, "csrf": token}, headers=header)
        assert response.status_code == 403 and "another site" in response.text
    assert kinds(db) == []


def test_read_only_server_refuses_every_change(db):
    client = TestClient(create_app(db, read_only=True), follow_redirects=False)
    a, b = ids(db, "Nurlan Abenov", "Nurbol Abenov")
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/review").text).group(1)
    for path in ("/review/merge", "/review/distinct", "/review/split", "/review/retype", "/review/undo"):
        response = client.post(path, data={"a": a, "b": b, "csrf": token})
        assert response.status_code == 403 and "read-only" in response.text
    assert kinds(db) == []


def test_same_merges_and_undo_separates_again(client, db):
    a, b = ids(db, "Nurlan Abenov", "Nurbol Abenov")
    token = csrf(client)
    response = client.post("/review/merge", data={"a": a, "b": b, "csrf": token},
                           headers={"Origin": "http://testserver"})
    assert response.status_code == 303
    merged = client.get(response.headers["location"]).text
    assert "<h1>Nurlan Abenov" in merged and '<span class="alias">Nurbol Abenov</span>' in merged
    assert kinds(db) == ["merge"]
    store = Store(db)
    try:  # a later ingest resolves again: the judgement still holds
        resolve_store(store)
        assert "Nurbol Abenov" in find_entity(store, "Nurlan Abenov").aliases
    finally:
        store.close()
    assert "Latest judgements" in client.get("/review").text
    assert client.post("/review/undo", data={"csrf": token}).status_code == 303
    assert kinds(db) == []
    first, second = ids(db, "Nurlan Abenov", "Nurbol Abenov")
    assert first != second


def test_different_takes_the_pair_out_of_the_queue(client, db):
    a, b = ids(db, "Nurlan Abenov", "Nurbol Abenov")
    response = client.post("/review/distinct", data={"a": a, "b": b, "csrf": csrf(client)})
    assert response.status_code == 303 and response.headers["location"] == "/review"
    assert kinds(db) == ["distinct"]
    queue = client.get("/review").text
    assert not any("Nurlan Abenov</a>" in c and "Nurbol Abenov</a>" in c for c in queue.split('class="candidate"')[1:])


def test_split_this_alias(client, db):
    (nurlan,) = ids(db, "Nurlan Abenov")
    response = client.post("/review/split", data={"entity": nurlan, "alias": "Abenov", "csrf": csrf(client)})
    assert response.status_code == 303
    store = Store(db, create=False, readonly=True)
    try:
        assert "Abenov" not in find_entity(store, "Nurlan Abenov").aliases
    finally:
        store.close()
    assert kinds(db) == ["split"]


def test_type_correction(client, db):
    (qala,) = ids(db, "Qala Times")
    assert 'action="/review/retype"' in client.get("/review").text
    response = client.post("/review/retype", data={"entity": qala, "type": "event", "csrf": csrf(client)})
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert '<span class="badge t-event">event</span>' in page
    retyped = response.headers["location"].rsplit("/", 1)[1]
    bad = client.post("/review/retype", data={"entity": retyped, "type": "<b>planet</b>", "csrf": csrf(client)})
    assert bad.status_code == 400 and "<b>planet</b>" not in bad.text


def test_bad_ids_and_empty_undo(client):
    token = csrf(client)
    assert client.post("/review/merge", data={"a": "nope", "b": "nope2", "csrf": token}).status_code == 404
    assert client.post("/review/merge", data={"csrf": token}).status_code == 400
    response = client.post("/review/undo", data={"csrf": token})
    assert response.status_code == 404 and "no judgement to undo" in response.text


def test_merge_of_different_types_is_refused(client, db):
    a, b = ids(db, "Nurlan Abenov", "Qala Times")
    response = client.post("/review/merge", data={"a": a, "b": b, "csrf": csrf(client)})
    assert response.status_code == 400 and "same type" in response.text


def test_anything_but_a_person_gets_a_timeline_instead_of_a_record(client, db):
    (nurbol,) = ids(db, "Nurbol Abenov")
    assert "<h2>Legal record</h2>" in client.get(f"/entity/{nurbol}").text
    response = client.post("/review/retype", data={"entity": nurbol, "type": "organization", "csrf": csrf(client)})
    page = client.get(response.headers["location"]).text
    assert "<h2>Legal record</h2>" not in page and "<h2>Timeline</h2>" in page
    timeline = page.split('class="timeline"')[1].split("</ol>")[0]
    assert "2023-06" in timeline and "fine" in timeline.lower()
