"""Shared fixtures: the real NER backend (loaded once per session) and the ingested demo corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO_CORPUS = ROOT / "demo" / "corpus"


@pytest.fixture(scope="session")
def spacy_backend():
    """The configured spaCy backend, loaded once for every test that runs the real model."""
    from casefile.config import Config
    from casefile.nlp.backends import load_backend

    return load_backend(Config())


@pytest.fixture(scope="session")
def natasha():
    """The Russian backend (natasha), loaded once per session."""
    from casefile.config import Config
    from casefile.nlp.russian import NatashaBackend

    return NatashaBackend(Config())


@pytest.fixture(scope="session")
def extract_ru(natasha):
    """Analyse one Russian text and extract its entities, facts and quotes."""
    from casefile.extract.russian import extract_russian_document

    def extract(text: str):
        [analysis] = list(natasha.analyse([text]))
        return extract_russian_document(text, analysis)

    return extract


@pytest.fixture(scope="session")
def ru_facts(extract_ru):
    """The facts of one Russian text as (type, subject name, object name, value)."""
    def facts(text: str) -> set[tuple]:
        ex = extract_ru(text)

        def name(i):
            return None if i is None else ex.entities[i].name

        return {(f.type, name(f.subject), name(f.object), f.value) for f in ex.facts}

    return facts


def ingest_folder(folder: Path, db: Path, backend) -> Path:
    """Ingest and resolve every file of ``folder`` into a new store at ``db``; no file may fail."""
    from casefile.config import Config
    from casefile.ingest import ingest_paths
    from casefile.store import Store

    store = Store(db, create=True)
    try:
        report = ingest_paths([str(folder)], store, Config(), backend=backend)
    finally:
        store.close()
    assert report.failed == [], report.failed
    assert report.ingested == len(list(folder.iterdir()))
    return db


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory, spacy_backend) -> Path:
    """Path of a SQLite store holding the ingested and resolved demo corpus (read it, don't change it)."""
    return ingest_folder(DEMO_CORPUS, tmp_path_factory.mktemp("demo") / "demo.db", spacy_backend)


@pytest.fixture(scope="session")
def query():
    """``query(db, sql)``: the rows of one SQL query on a store file, read-only, as tuples."""
    from casefile.store import Store

    def run(db: Path, sql: str) -> list[tuple]:
        store = Store(db, create=False, readonly=True)
        try:
            return [tuple(r) for r in store.conn.execute(sql)]
        finally:
            store.close()

    return run


# Short invented articles for the export tests: a detained editor with a post at an outlet, a wife,
# a charge under a law, a trial before a court, a membership, and a detention in a country.
EXPORT_TEXTS = {
    "editor_detained.txt": (
        "Editor Detained in Velmora\n\n"
        "VELMORA, 3 March 2024 - Police in Velmora detained Arman Tolegenov, the editor of the news site "
        "Qala Times, on Monday.\n\n"
        "Tolegenov's wife, Saule Tolegenova, said six officers searched their flat. \"They took every laptop "
        "we have,\" she said.\n\n"
        "Marat Iskakov, a spokesman for the Velmora police department, said Tolegenov was charged under "
        "Article 274 of the Criminal Code.\n"),
    "editor_trial.txt": (
        "Trial of Editor Opens\n\n"
        "VELMORA, 20 May 2024 - Arman Tolegenov was tried by the Almaly District Court of Velmora on Tuesday.\n\n"
        "His lawyer, Dinara Sarsenova, said the charge under Article 274 of the Criminal Code was "
        "\"built on nothing\".\n\n"
        "Tolegenov is a member of the Union of Free Journalists. On 28 May 2024 the Almaly District Court "
        "of Velmora sentenced Tolegenov to two years in prison.\n\n"
        "Bolat Nurlanov, the blogger, was detained in Kazakhstan on 2 June 2024.\n"),
}


@pytest.fixture(scope="session")
def export_store(tmp_path_factory, spacy_backend) -> Path:
    """Path of a store holding EXPORT_TEXTS, ingested and resolved (read it, don't change it)."""
    folder = tmp_path_factory.mktemp("export_texts")
    for name, text in EXPORT_TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return ingest_folder(folder, folder.parent / "export.db", spacy_backend)



# Invented articles for the web app's tests, one JSON record a file (title, URL, date): an editor's
# legal record, a blogger whose name is close to the editor's (a review candidate), and a hostile page
# whose text, title and URL hold markup and script.
WEB_RECORDS = {
    "editor_arrest.json": {
        "title": "Editor Detained in Velmora", "url": "https://news.example/velmora-editor", "published": "2024-03-04",
        "text": "VELMORA, 3 March 2024 - Police in Velmora detained Nurlan Abenov, the editor of the news site "
                "Qala Times, on Monday.\n\nAbenov's wife, Saule Abenova, said six officers searched their flat. "
                "\"They took every laptop we have,\" she said.\n\nMarat Iskakov, a spokesman for the Velmora police "
                "department, said Abenov was charged under Article 274 of the Criminal Code.\n"},
    "editor_sentenced.json": {
        "title": "Editor Sentenced", "url": "https://news.example/velmora-verdict", "published": "2024-05-29",
        "text": "VELMORA, 28 May 2024 - The Almaly District Court of Velmora sentenced Nurlan Abenov to two years "
                "in prison.\n\nHis lawyer, Dinara Sarsenova, said the charge under Article 274 of the Criminal "
                "Code was \"built on nothing\".\n"},
    "blogger_fined.json": {
        "title": "Blogger Fined in Tasqala <script>alert(3)</script>", "url": "javascript:alert(4)",
        "published": "2023-06-12",
        "text": "TASQALA, 12 June 2023 - A court in Tasqala fined the blogger Nurbol Abenov for a post about the "
                "governor.\n\nNurbol Abenov said he would keep writing. <script>alert(\"pwned\")</script> "
                "<img src=x onerror=alert(1)> \"><svg onload=alert(2)>\n"},
}


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, spacy_backend) -> Path:
    """Path of a store holding WEB_RECORDS, ingested and resolved (copy it before changing it)."""
    import json

    folder = tmp_path_factory.mktemp("web_records")
    for name, record in WEB_RECORDS.items():
        (folder / name).write_text(json.dumps(record), encoding="utf-8")
    return ingest_folder(folder, folder.parent / "web.db", spacy_backend)


@pytest.fixture(scope="session")
def web_reader(web_store):
    """The web store opened read-only, shared by the tests that only read it."""
    from casefile.store import Store

    store = Store(web_store, create=False, readonly=True)
    yield store
    store.close()
