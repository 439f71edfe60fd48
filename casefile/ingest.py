"""The main job: read sources, clean, analyse, extract, store, then resolve across documents.

Each document is written in its own transaction, so an interrupted run leaves a consistent
store and the next run picks up where it stopped (unchanged documents are skipped by hash).
Whatever goes wrong with one document (reading, cleaning, the model, extraction, storing) is that
document's failure: the rest of its batch is stored, and the entities are resolved at the end of
every run that changed the store.
"""
from __future__ import annotations

import gc
import hashlib
import itertools
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from casefile.clean import clean_text
from casefile.config import Config, worker_count
from casefile.errors import CasefileError, SourceError, StoreError
from casefile.extract import Extraction, extract_document, warm_caches
from casefile.models import Analysis, SourceDocument
from casefile.nlp.backends import AnalysisError, NerBackend, analyse_and_finish, load_backend
from casefile.nlp.language import detect_language
from casefile.resolve import resolve_store
from casefile.sources import count_files, files, iter_sources
from casefile.sources.paths import is_under, record_file, source_name
from casefile.store import DocumentRecord, Store


# the language of the main backend (``Config.ner_backend``); documents in the languages of
# OTHER_LANGUAGES go to the backend their config key names (see below), the others are stored
# unanalysed
MAIN_LANGUAGE = "en"
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")

# batches per worker at least: a free worker takes the next batch, so small batches let the
# workers finish together (measured on 40 news articles: 10 beat 4 and 20 by 2-3% of the run)
BATCHES_PER_WORKER = 10


@dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    moved: int = 0
    without_entities: dict[str, int] = field(default_factory=dict)  # language -> documents no backend read
    removed: int = 0
    interrupted: bool = False
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
             progress: object | None, stop: threading.Event | None = None) -> Iterator[_Pending]:
    seen: set[str] = set()
    for item in iter_sources(paths, max_bytes=config.max_bytes):
        if stop is not None and stop.is_set():
            return  # no new document; those in flight are stored
        if progress is not None:
            progress.update(1)  # type: ignore[attr-defined]
        if isinstance(item, SourceError):
            report.failed.append((item.path, item.reason))
            continue
        try:
            pending = _prepare(store, item, config, report, seen)
        except CasefileError as exc:
            report.failed.append((item.source, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - one document's bug must not end the run
            report.failed.append((item.source, f"cannot prepare: {type(exc).__name__}: {exc}"))
            continue
        if pending is not None:
            yield pending


def _prepare(store: Store, item: SourceDocument, config: Config, report: IngestReport,
             seen: set[str]) -> _Pending | None:
    """The document ready for analysis, or None when it is stored already (its path is updated
    when its file was moved or renamed)."""
    doc_id = document_id(item.text)
    stored = store.document_source(doc_id)
    if doc_id in seen or stored is not None:
        if doc_id not in seen and stored is not None and stored != item.source \
                and not os.path.lexists(record_file(stored)):
            store.move_document(doc_id, item.source)  # the same text, from a file that moved
            report.moved += 1
        report.unchanged += 1
        seen.add(doc_id)
        return None
    seen.add(doc_id)
    if len(item.text) > config.max_chars:
        raise CasefileError(f"text is {len(item.text)} characters, over the limit of {config.max_chars} "
                            f"(config key max_chars)")
    cleaned = clean_text(item.text)
    if not cleaned.text.strip():
        raise CasefileError("no text left after removing boilerplate")
    return _Pending(item, doc_id, cleaned.text, cleaned.headings, detect_language(cleaned.text))


def _extract(text: str, analysis: Analysis, context: tuple[int, list, str | None]) -> dict[str, Any]:
    """Extraction of one document as plain data, or {"error": reason}: runs in the NLP workers.
    ``context`` is (sequence number, headings, publication date): all a worker needs to be sent."""
    _seq, headings, published = context
    return _guarded(lambda: extract_document(text, analysis, headings, published))


def _extract_russian(text: str, analysis: Analysis, context: tuple[int, list, str | None]) -> dict[str, Any]:
    """Extraction of one Russian document as plain data, or {"error": reason}."""
    from casefile.extract.russian import extract_russian_document

    return _guarded(lambda: extract_russian_document(text, analysis))


def _guarded(extract: Any) -> dict[str, Any]:
    try:
        return extract().to_plain()
    except CasefileError as exc:
        return {"error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one document's bug must not end the run
        return {"error": f"extraction failed: {type(exc).__name__}: {exc}"}


def _analyse_and_store(backend: NerBackend, documents: Iterator[_Pending], finish: Any, store: Store,
                       report: IngestReport, stop: threading.Event | None) -> None:
    """Analyse the documents with ``backend``, extract with ``finish`` and store each one."""
    waiting: dict[int, _Pending] = {}

    def items() -> Iterator[tuple[str, tuple[int, list, str | None]]]:
        for seq, item in enumerate(documents):
            waiting[seq] = item  # the document stays here; its text and a little context travel
            yield item.clean, (seq, item.headings, item.source.published)

    for analysis, context, result in analyse_and_finish(backend, items(), finish):
        item = waiting.pop(context[0])
        if isinstance(result, AnalysisError) or "error" in result:
            report.failed.append((item.source.source, str(result) if isinstance(result, AnalysisError)
                                  else result["error"]))
        else:
            _store(store, item, analysis, result, report)
        if stop is not None and stop.is_set():
            break


def _store_without_entities(store: Store, item: _Pending, report: IngestReport) -> None:
    """A document in a language no backend reads: stored and searchable, with no entities."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(item.clean)]
    analysis = Analysis(sentences=sentences or [(0, len(item.clean))], spans=[], tokens=len(item.clean.split()))
    if _store(store, item, analysis, Extraction([], [], []).to_plain(), report):
        report.without_entities[item.language] = report.without_entities.get(item.language, 0) + 1


def _store(store: Store, item: _Pending, analysis: Analysis, result: dict[str, Any], report: IngestReport) -> bool:
    """Write one analysed document; a failure to store it is its own failure only (False)."""
    try:
        extraction = Extraction.from_plain(result)
        store.write_document(DocumentRecord(
            id=item.doc_id, source=item.source.source, format=item.source.format,
            title=item.source.title, url=item.source.url, published=item.source.published,
            language=item.language, raw_text=item.source.text, text=item.clean,
            tokens=analysis.tokens, sentences=analysis.sentences, entities=extraction.entities,
            facts=extraction.facts, quotes=extraction.quotes,
        ))
    except StoreError:
        raise  # the database itself is at fault (locked, damaged): no later document would fare better
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back; the run goes on
        report.failed.append((item.source.source, f"cannot store: {type(exc).__name__}: {exc}"))
        return False
    report.ingested += 1
    report.tokens += analysis.tokens
    return True


def prune_missing(store: Store, paths: list[str]) -> int:
    """Remove the stored documents whose file no longer exists under ``paths`` (files or
    folders); returns how many were removed. A stored path with escaped bytes (a name that is not
    UTF-8) is matched against the files found, not looked up as written."""
    roots = [source_name(p) for p in paths]
    present: set[str] | None = None
    removed = 0
    for doc_id, source in store.sources():
        file = record_file(source)
        if not any(is_under(source, root) for root in roots) or os.path.lexists(file):
            continue
        if present is None:
            present = {source_name(p) for p in files(paths)}
        if file not in present:
            removed += store.delete_document(doc_id)
    return removed


class OtherLanguage(NamedTuple):
    """How documents in a language other than the main one are read."""

    config_key: str  # the config key naming its backend
    finish: Any  # its extraction, run in the workers
    warm_up: str  # an invented text that touches what its extraction reads (dictionary, tables,
    # quotes, courts): extracted once before the workers fork, so that they share those tables


OTHER_LANGUAGES = {"ru": OtherLanguage("russian_backend", _extract_russian,
                                       "Судья Иван Петров приговорил Анну Сидорову к двум годам лишения свободы "
                                       "по статье 174 УК РК. «Мы обжалуем приговор», — сказала она в Алматы.")}


def _backend_for(config: Config, documents: int, other: OtherLanguage | None = None) -> NerBackend:
    """The configured backend, with as many worker processes as a run of ``documents`` can use;
    ``other`` for the backend of another language than the main one."""
    workers = worker_count(config, documents)
    if workers > 1:
        warm_caches(english_dates=other is None)  # before the workers fork, so they share the tables
    # batches small enough that every worker gets several: a short run stays balanced
    batch = max(1, min(config.batch_size, -(-documents // (workers * BATCHES_PER_WORKER)))) if workers > 1 \
        else config.batch_size
    backend = load_backend(replace(config, n_process=workers, batch_size=batch))
    if workers > 1 and other is not None:
        for analysis in backend.analyse([other.warm_up]):
            other.finish(other.warm_up, analysis, (0, [], None))
    gc.freeze()  # the model too outlives the run (see ingest_paths)
    return backend


class _Loading:
    """A backend for another language, loaded in a thread from the moment its first document is
    read: the model loads while the rest of the folder is read and cleaned."""

    def __init__(self, config: Config, documents: int, other: OtherLanguage) -> None:
        self._backend: NerBackend | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, args=(config, documents, other), daemon=True)
        self._thread.start()

    def _load(self, config: Config, documents: int, other: OtherLanguage) -> None:
        try:
            self._backend = _backend_for(config, documents, other)
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            self._error = exc

    def result(self) -> NerBackend:
        """The loaded backend (waits for it); the loading error, if it failed."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._backend is not None
        return self._backend


def ingest_paths(paths: list[str], store: Store, config: Config, progress: bool = False,
                 backend: NerBackend | None = None, stop: threading.Event | None = None,
                 prune: bool = False) -> IngestReport:
    """Ingest files and folders into the store and re-resolve entities; never stops on a bad file.

    ``stop``, once set (by a signal handler), ends the run after the document being stored; the
    report then says ``interrupted`` and the entities are left for the next run to resolve.
    ``prune`` removes the stored documents whose file is gone from the folders given.
    """
    started = time.perf_counter()
    report = IngestReport()
    # the model and tables outlive the run: the collector need not scan them again and again,
    # and forked workers then do not copy the memory pages it would have touched
    gc.freeze()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(desc="documents", unit="doc", file=sys.stderr)
    others: dict[str, list[_Pending]] = {}  # documents in another language than the main backend's
    loading: dict[str, _Loading] = {}  # their backends, loaded in the background while reading goes on
    try:
        def main_language() -> Iterator[_Pending]:
            for item in _pending(store, paths, config, report, bar, stop):
                if item.language == MAIN_LANGUAGE:
                    yield item
                else:
                    others.setdefault(item.language, []).append(item)
                    if item.language in OTHER_LANGUAGES and item.language not in loading:
                        other = OTHER_LANGUAGES[item.language]
                        loading[item.language] = _Loading(replace(config, ner_backend=getattr(config, other.config_key)),
                                                          count_files(paths), other)

        documents = main_language()
        first = next(documents, None)  # the main model is loaded only for a run that needs it
        if first is not None:
            main_backend = backend or _backend_for(config, count_files(paths))
            _analyse_and_store(main_backend, itertools.chain([first], documents), _extract, store, report, stop)
        for language, documents in sorted(others.items()):
            if stop is not None and stop.is_set():
                break
            if language in OTHER_LANGUAGES:
                _analyse_and_store(loading[language].result(), iter(documents), OTHER_LANGUAGES[language].finish,
                                   store, report, stop)
            else:
                for item in documents:
                    _store_without_entities(store, item, report)
    finally:
        gc.unfreeze()
        if bar is not None:
            bar.close()
    report.interrupted = stop is not None and stop.is_set()
    if prune and not report.interrupted:
        report.removed = prune_missing(store, paths)
    if not report.interrupted and store.needs_resolution():
        report.entities = resolve_store(store)
    else:  # an interrupted run leaves the resolution to the next one
        report.entities = store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    report.seconds = time.perf_counter() - started
    return report
