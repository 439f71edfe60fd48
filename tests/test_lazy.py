import sys

import pytest

from casefile.lazy import lazy_module


def test_a_lazy_module_runs_only_when_an_attribute_is_read(tmp_path, monkeypatch):
    (tmp_path / "casefile_lazy_probe.py").write_text(
        "import builtins\nbuiltins.casefile_lazy_probe_runs = getattr(builtins, 'casefile_lazy_probe_runs', 0) + 1\n"
        "VALUE = 42\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "casefile_lazy_probe", raising=False)
    import builtins

    module = lazy_module("casefile_lazy_probe")
    assert getattr(builtins, "casefile_lazy_probe_runs", 0) == 0
    assert module.VALUE == 42
    assert builtins.casefile_lazy_probe_runs == 1
    assert lazy_module("casefile_lazy_probe") is module  # the second call finds it imported
    del builtins.casefile_lazy_probe_runs
    monkeypatch.delitem(sys.modules, "casefile_lazy_probe")


def test_a_missing_module_is_an_import_error():
    with pytest.raises(ImportError, match="no_such_casefile_module"):
        lazy_module("no_such_casefile_module")
