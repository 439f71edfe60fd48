"""The web app in a real browser: Debian's chromium driven by Playwright, against a live server.

Screenshots of every page at 1280 and 390 px wide are written to artifacts/screenshots/. Without
chromium or Playwright the tests are skipped on a developer's machine and fail in CI (CI=true).
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
WIDTHS = {"wide": (1280, 900), "phone": (390, 844)}


def _browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (scripts/setup.sh installs it as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_store, tmp_path_factory) -> Iterator[str]:
    """A live casefile server over a copy of the web store; yields its base URL."""
    import uvicorn

    from casefile.web import create_app

    db = tmp_path_factory.mktemp("browser") / "web.db"
    shutil.copy(web_store, db)
    port = _free_port()
    live = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    for _ in range(200):
        if live.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    live.should_exit = True
    thread.join(10)


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.dialogs = dialogs  # type: ignore[attr-defined]
    yield tab
    context.close()


def shoot(tab, name: str) -> None:
    """Screenshots of the page at both widths."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in WIDTHS.items():
        tab.set_viewport_size({"width": width, "height": height})
        tab.wait_for_timeout(150)
        tab.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=label == "phone" or name != "document")
    tab.set_viewport_size({"width": 1280, "height": 900})


def test_search_entity_document_merge_undo(page, server):
    page.goto(server + "/")
    shoot(page, "overview")
    page.fill("form.bigsearch input[name=q]", "Abenov")
    page.press("form.bigsearch input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Abenov")
    shoot(page, "search")
    page.click("section.names a:text-is('Nurlan Abenov')")
    page.wait_for_selector("h1:has-text('Nurlan Abenov')")
    assert page.locator("ol.timeline > li").count() >= 2
    shoot(page, "entity")

    page.click("ul.mentions li a.muted >> nth=0")
    page.wait_for_url("**/document/**")
    focus = page.locator("#focus")
    assert focus.is_visible()
    mention = page.locator("article.doctext a.m.t-person", has_text="Nurlan Abenov").first
    assert mention.is_visible()
    assert mention.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    shoot(page, "document")

    page.goto(server + "/review")
    candidate = page.locator("section.candidate", has=page.locator("a:text-is('Nurbol Abenov')")).first
    shoot(page, "review")
    candidate.locator("button:text-is('Same')").click()
    page.wait_for_url("**/entity/**")
    assert page.locator("h1").inner_text().startswith("Nurlan Abenov")
    assert page.locator("span.alias:text-is('Nurbol Abenov')").count() == 1
    shoot(page, "merged")

    page.goto(server + "/review")
    page.click("button:text-is('Undo the last judgement')")
    page.wait_for_url("**/review")
    assert page.locator("section.candidate a:text-is('Nurbol Abenov')").count() >= 1
    assert page.locator("text=Latest judgements").count() == 0


def test_network_draws_and_a_node_opens_its_page(page, server):
    page.goto(server + "/network")
    page.wait_for_selector("#graph canvas", timeout=10_000)
    shoot(page, "network")
    page.wait_for_function("() => document.getElementById('graph').graph !== undefined")
    page.wait_for_timeout(300)  # the graph fits itself again after the screenshots' resizing
    x, y, name = page.evaluate("""() => {
        const box = document.getElementById('graph'), node = box.graph.nodes()[0];
        const at = node.renderedPosition(), edge = box.getBoundingClientRect();
        return [edge.left + at.x, edge.top + at.y, node.data('name')]; }""")
    page.mouse.click(x, y)
    page.wait_for_url("**/entity/**")
    assert page.locator("h1").inner_text().startswith(name)
    page.goto(server + "/laws")
    assert page.locator("a:text-is('Article 274 of the Criminal Code')").count() == 1
    shoot(page, "laws")
    page.goto(server + "/documents")
    assert page.locator("ul.docs li").count() == 3
    shoot(page, "documents")
    assert page.goto(server + "/entity/nope").status == 404
    assert "no entity with id" in page.locator("p.message").inner_text()
    shoot(page, "not-found")


def test_hostile_document_fires_no_dialog(page, server):
    page.goto(server + "/search?q=pwned")
    page.click("section.documents ul.hits a[href^='/document/'] >> nth=0")
    page.wait_for_url("**/document/**")
    page.wait_for_timeout(500)
    assert "<script>alert(\"pwned\")</script>" in page.locator("article.doctext").inner_text()
    page.goto(server + "/search?q=" + "%3Cscript%3Ealert(5)%3C%2Fscript%3E")
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]
