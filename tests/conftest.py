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
def demo_store(tmp_path_factory, spacy_backend) -> Path:
    """Path of a SQLite store holding the ingested and resolved demo corpus (read it, don't change it)."""
    from casefile.config import Config
    from casefile.ingest import ingest_paths
    from casefile.store import Store

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store(path, create=True)
    try:
        report = ingest_paths([str(DEMO_CORPUS)], store, Config(), backend=spacy_backend)
    finally:
        store.close()
    assert report.failed == [], report.failed
    assert report.ingested == len(list(DEMO_CORPUS.iterdir()))
    return path
