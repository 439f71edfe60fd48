"""The on-disk cache of derived tables (casefile.nlp.cache)."""
from __future__ import annotations

import pytest

from casefile.nlp.cache import cache_dir, cached


class Builder:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def cache_path(tmp_path, monkeypatch):
    path = tmp_path / "cache"
    monkeypatch.setenv("CASEFILE_CACHE", str(path))
    return path


def test_cache_dir_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_CACHE", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("CASEFILE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "casefile"


def test_builds_once_and_reads_back(cache_path):
    build = Builder({"velmora": ("Norvania", 3)})
    assert cached("towns-1.0", build) == {"velmora": ("Norvania", 3)}
    assert (cache_path / "towns-1.0.pickle").is_file()
    assert cached("towns-1.0", build) == {"velmora": ("Norvania", 3)}
    assert build.calls == 1


def test_another_key_is_built_anew(cache_path):
    cached("towns-1.0", Builder(["old"]))
    newer = Builder(["new"])
    assert cached("towns-2.0", newer) == ["new"]
    assert newer.calls == 1


def test_an_unwritable_cache_still_returns_the_built_value(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CASEFILE_CACHE", str(blocker / "cache"))  # its parent is a file: no folder can be made
    build = Builder([1, 2, 3])
    assert cached("towns-1.0", build) == [1, 2, 3]
    assert cached("towns-1.0", build) == [1, 2, 3]
    assert build.calls == 2  # nothing was stored, so it is built again


@pytest.mark.parametrize("content", [b"", b"not a pickle at all", b"\x80\x05\x95"])
def test_a_corrupt_cache_file_is_rebuilt_and_replaced(cache_path, content):
    cache_path.mkdir()
    (cache_path / "towns-1.0.pickle").write_bytes(content)
    build = Builder({"ostravel": "Norvania"})
    assert cached("towns-1.0", build) == {"ostravel": "Norvania"}
    assert cached("towns-1.0", build) == {"ostravel": "Norvania"}
    assert build.calls == 1  # the rebuilt table replaced the corrupt file
