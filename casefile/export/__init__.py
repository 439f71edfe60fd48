"""Export stage: write a store's documents, entities and mentions in open formats."""
from casefile.export.jsonl import export_jsonl

FORMATS = {"jsonl": export_jsonl}

__all__ = ["FORMATS", "export_jsonl"]
