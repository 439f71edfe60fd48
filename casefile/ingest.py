"""The main job: read sources, clean, analyse, extract, store, then resolve across documents.

Each document is written in its own transaction, so an interrupted run leaves a consistent
store and the next run picks up where it stopped (unchanged documents are skipped by hash).
"""
from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from casefile.clean import clean_text
from casefile.config import Config, worker_count
from casefile.errors import CasefileError, SourceError
from casefile.extract import extract_document
from casefile.models import SourceDocument
from casefile.nlp.backends import NerBackend, load_backend
from casefile.nlp.language import detect_language
from casefile.resolve import resolve_store
from casefile.sources import count_files, iter_sources
from casefile.store import DocumentRecord, Store


@dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    entities: int = 0
    tokens: int = 0
    seconds: float = 0.0


def document_id(text: str) -> str:
    """Content hash of a document's extracted text: the same text always gets the same id."""
    return "d" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Pending:
    source: SourceDocument
    doc_id: str
    clean: str
    headings: list[tuple[int, int]]
    language: str


def _pending(store: Store, paths: list[str], config: Config, report: IngestReport,
             progress: object | None) -> Iterator[_Pending]:
    for item in iter_sources(paths, max_bytes=config.max_bytes):
        if progress is not None:
            progress.update(1)  # type: ignore[attr-defined]
        if isinstance(item, SourceError):
            report.failed.append((item.path, item.reason))
            continue
        doc_id = document_id(item.text)
        if store.has_document(doc_id):
            report.unchanged += 1
            continue
        cleaned = clean_text(item.text)
        if not cleaned.text.strip():
            report.failed.append((item.source, "no text left after removing boilerplate"))
            continue
        yield _Pending(item, doc_id, cleaned.text, cleaned.headings, detect_language(cleaned.text))


def ingest_paths(paths: list[str], store: Store, config: Config, progress: bool = False,
                 backend: NerBackend | None = None) -> IngestReport:
    """Ingest files and folders into the store and re-resolve entities; never stops on a bad file."""
    started = time.perf_counter()
    report = IngestReport()
    if backend is None:
        backend = load_backend(replace(config, n_process=worker_count(config, count_files(paths))))
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(desc="documents", unit="doc", file=sys.stderr)
    try:
        pending = _pending(store, paths, config, report, bar)
        buffered: list[_Pending] = []

        def texts() -> Iterator[str]:
            for item in pending:
                buffered.append(item)
                yield item.clean

        for analysis in backend.analyse(texts()):
            item = buffered.pop(0)
            try:
                extraction = extract_document(item.clean, analysis, item.headings, item.source.published)
            except CasefileError as exc:
                report.failed.append((item.source.source, str(exc)))
                continue
            except Exception as exc:  # noqa: BLE001 - one document's bug must not end the run
                report.failed.append((item.source.source, f"extraction failed: {type(exc).__name__}: {exc}"))
                continue
            store.write_document(DocumentRecord(
                id=item.doc_id, source=item.source.source, format=item.source.format,
                title=item.source.title, url=item.source.url, published=item.source.published,
                language=item.language, raw_text=item.source.text, text=item.clean,
                tokens=analysis.tokens, sentences=analysis.sentences, entities=extraction.entities,
                facts=extraction.facts, quotes=extraction.quotes,
            ))
            report.ingested += 1
            report.tokens += analysis.tokens
    finally:
        if bar is not None:
            bar.close()
    if store.needs_resolution():
        report.entities = resolve_store(store)
    else:
        report.entities = store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    report.seconds = time.perf_counter() - started
    return report
