"""Run configuration (casefile.config): file, environment, overrides, and the worker count."""
from __future__ import annotations

import pytest

from casefile import config as config_module
from casefile.config import DOCUMENTS_PER_WORKER, Config, load_config, worker_count
from casefile.errors import ConfigError


@pytest.fixture(autouse=True)
def clean_environment(tmp_path, monkeypatch):
    """No casefile.toml from the working directory, no model from the environment."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CASEFILE_NER_BACKEND", raising=False)
    monkeypatch.delenv("CASEFILE_NER_MODEL", raising=False)


def test_processes_default_to_auto():
    assert Config().n_process == "auto"
    assert load_config().n_process == "auto"


@pytest.mark.parametrize(("line", "expected"), [("n_process = 4", 4), ('n_process = "auto"', "auto")])
def test_processes_from_the_config_file(tmp_path, line, expected):
    (tmp_path / "casefile.toml").write_text(f"[casefile]\n{line}\nbatch_size = 8\n")
    config = load_config()
    assert (config.n_process, config.batch_size) == (expected, 8)


def test_overrides_win_over_the_file_and_none_is_no_override(tmp_path):
    path = tmp_path / "run.toml"
    path.write_text('[casefile]\nn_process = 4\nner_model = "from_file"\n')
    config = load_config(path, n_process=2, ner_model=None)
    assert (config.n_process, config.ner_model) == (2, "from_file")


def test_the_environment_names_the_model(monkeypatch):
    monkeypatch.setenv("CASEFILE_NER_MODEL", "pipeline_from_env")
    assert load_config().ner_model == "pipeline_from_env"


@pytest.mark.parametrize("value", [0, -1, True, 2.5, "3", "AUTO", "all"])
def test_an_invalid_process_count_names_the_key_and_the_choices(value):
    with pytest.raises(ConfigError, match=r'n_process must be a positive integer or "auto"'):
        load_config(n_process=value)


@pytest.mark.parametrize("key", ["max_bytes", "batch_size"])
def test_other_limits_must_be_positive_integers(key):
    with pytest.raises(ConfigError, match=f"{key} must be a positive integer, got 'auto'"):
        load_config(**{key: "auto"})  # "auto" is for processes only


def test_unknown_keys_are_named_with_the_valid_ones(tmp_path):
    (tmp_path / "casefile.toml").write_text("[casefile]\nprocesses = 4\n")
    with pytest.raises(ConfigError, match="unknown config key.*processes.*valid keys:.*n_process"):
        load_config()


def test_a_named_config_file_must_exist_and_be_toml(tmp_path):
    with pytest.raises(ConfigError, match="missing.toml: config file not found"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("n_process = = 2\n")
    with pytest.raises(ConfigError, match="bad.toml: invalid TOML"):
        load_config(bad)


# -- worker_count ------------------------------------------------------------------------------------

@pytest.mark.parametrize("documents", [1, 10_000])
def test_an_explicit_process_count_wins(monkeypatch, documents):
    monkeypatch.setattr(config_module.os, "cpu_count", lambda: 16)
    assert worker_count(Config(n_process=3), documents) == 3


@pytest.mark.parametrize(("cores", "documents", "expected"), [
    (8, 1, 1),  # a small run: one process
    (8, 2 * DOCUMENTS_PER_WORKER - 1, 1),
    (8, 3 * DOCUMENTS_PER_WORKER, 3),  # a worker for every DOCUMENTS_PER_WORKER documents
    (8, 10_000, 8),  # a large run: every core, no more
    (None, 10_000, 1),  # the core count is unknown
])
def test_auto_grows_with_the_run_up_to_the_cores(monkeypatch, cores, documents, expected):
    monkeypatch.setattr(config_module.os, "cpu_count", lambda: cores)
    assert worker_count(Config(), documents) == expected


def test_sentences_setting_is_checked():
    from casefile.config import load_config
    from casefile.errors import ConfigError

    assert load_config(None, sentences="model").sentences == "model"
    with pytest.raises(ConfigError, match="sentences"):
        load_config(None, sentences="grammar")
