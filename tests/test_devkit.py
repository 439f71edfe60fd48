"""The evaluation kit's targets on ../shared/corpus (skipped when the kit is not checked out).

Only reads the kit; no text of its corpus is copied into this repository.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from casefile.config import Config
from casefile.export import export_jsonl
from casefile.ingest import ingest_paths
from casefile.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
EVAL = SHARED / "eval"
SCORE = EVAL / "score.py"
GOLD = EVAL / "dev.json"

pytestmark = pytest.mark.skipif(not (CORPUS.is_dir() and SCORE.is_file() and GOLD.is_file()),
                                reason="evaluation kit ../shared/corpus and ../shared/eval not present")


@pytest.fixture(scope="module")
def result(tmp_path_factory, spacy_backend) -> dict:
    spec = importlib.util.spec_from_file_location("casefile_devkit_score", SCORE)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]

    tmp = tmp_path_factory.mktemp("devkit")
    store = Store(tmp / "dev.db")
    try:
        report = ingest_paths([str(CORPUS)], store, Config(), backend=spacy_backend)
        assert report.failed == [] and report.ingested > 0, report.failed
        export = tmp / "dev.jsonl"
        with export.open("w", encoding="utf-8") as fh:
            export_jsonl(store, fh)
    finally:
        store.close()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return scorer.score(gold, scorer.load_export(str(export)))


def _show(result: dict, *keys: str) -> str:
    return ", ".join(f"{k}={result.get(k)!r}" for k in keys)


def test_person_targets(result):
    assert result["person.recall_salient"] >= 0.95, _show(result, "person.recall_salient")
    assert result["person.precision"] >= 0.90, _show(result, "person.precision")


@pytest.mark.parametrize("type_", ["organization", "location"])
def test_org_and_location_targets(result, type_):
    assert result[f"{type_}.recall_salient"] >= 0.90, _show(result, f"{type_}.recall_salient")
    assert result[f"{type_}.precision"] >= 0.80, _show(result, f"{type_}.precision")


def test_not_entities_target(result):
    assert result["not_entities.violations"] <= 2, {k: v for k, v in result.items() if k.startswith("not_entities")}


def test_merge_targets(result):
    assert result["merge.impure"] == 0, _show(result, "merge.impure", "merge.impure_list")
    assert result["merge.split_rate"] <= 0.10, {k: v for k, v in result.items() if k.startswith("merge")}


def test_cross_doc_target(result):
    assert result["cross_doc.linked"] >= 0.90, _show(result, "cross_doc.linked", "cross_doc.unlinked")


def test_facts_targets(result):
    assert result["facts.recall"] >= 0.75, _show(result, "facts.recall", "facts.per_type")
    assert result["facts.precision_lenient"] >= 0.85, _show(result, "facts.precision_lenient")


def test_quotes_target(result):
    assert result["quotes.attributed"] >= 0.90, _show(result, "quotes.attributed", "quotes.missed")
