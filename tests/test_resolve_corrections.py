"""casefile.resolve.corrections: judgements recorded, applied at once, respected later, undone."""
from __future__ import annotations

import shutil

import pytest

from casefile.errors import CasefileError, NotFoundError
from casefile.resolve import resolve_store
from casefile.resolve.corrections import mark_distinct, merge_entities, retype_entity, split_alias, undo_last
from casefile.store import Store
from casefile.store.queries import find_entity


@pytest.fixture()
def store(web_store, tmp_path):
    db = tmp_path / "web.db"
    shutil.copy(web_store, db)
    opened = Store(db)
    yield opened
    opened.close()


def test_merge_then_undo(store):
    merged = merge_entities(store, find_entity(store, "Nurlan Abenov"), find_entity(store, "Nurbol Abenov"))
    assert [e.name for e in merged] == ["Nurlan Abenov"] and "Nurbol Abenov" in merged[0].aliases
    resolve_store(store)  # what the next ingest does
    assert "Nurbol Abenov" in find_entity(store, "Nurlan Abenov").aliases
    assert undo_last(store)["kind"] == "merge"
    assert find_entity(store, "Nurbol Abenov").id != find_entity(store, "Nurlan Abenov").id
    with pytest.raises(NotFoundError, match="no judgement to undo"):
        undo_last(store)


def test_retype_is_respected_by_later_resolutions(store):
    (entity,) = retype_entity(store, find_entity(store, "Qala Times"), "event")
    assert entity.type == "event"
    resolve_store(store)
    assert find_entity(store, "Qala Times").type == "event"
    with pytest.raises(CasefileError, match="unknown entity type 'planet'"):
        retype_entity(store, entity, "planet")
    with pytest.raises(CasefileError, match="already of type event"):
        retype_entity(store, find_entity(store, "Qala Times"), "event")


def test_split_and_distinct(store):
    kept, detached = split_alias(store, find_entity(store, "Nurlan Abenov"), "abenov")
    assert kept.name == "Nurlan Abenov" and detached.name == "Abenov"
    a, b = find_entity(store, "Nurlan Abenov"), find_entity(store, "Nurbol Abenov")
    mark_distinct(store, a, b)
    assert [j["kind"] for j in store.judgements()] == ["split", "distinct"]
    with pytest.raises(CasefileError, match="is not an alias"):
        split_alias(store, a, "Nobody")
    with pytest.raises(CasefileError, match="must have the same type"):
        merge_entities(store, a, find_entity(store, "Qala Times"))
