"""casefile.store.review: pairs of close names that resolution kept apart."""
from __future__ import annotations

import shutil

from casefile.store import Store
from casefile.store.queries import find_entity
from casefile.store.review import entity_card, merge_candidates, recent_judgements


def test_close_names_of_one_type_are_candidates(web_store):
    store = Store(web_store, create=False, readonly=True)
    try:
        pairs = {frozenset((c.a.name, c.b.name)): c for c in merge_candidates(store)}
        abenovs = pairs[frozenset(("Nurlan Abenov", "Nurbol Abenov"))]
        assert abenovs.key == "abenov" and 70 <= abenovs.score < 100
        assert not any("Velmora" in pair and "Tasqala" in pair for pair in pairs)
        assert all(c.a.type == c.b.type for c in merge_candidates(store))
        card = entity_card(store, find_entity(store, "Nurlan Abenov"), sentences=2)
        assert len(card.sentences) == 2 and len(card.documents) == 2
        assert card.entity.aliases == ["Abenov"]
    finally:
        store.close()


def test_a_pair_judged_different_leaves_the_queue(web_store, tmp_path):
    db = tmp_path / "web.db"
    shutil.copy(web_store, db)
    store = Store(db)
    try:
        store.add_judgement("distinct", "person", "Nurbol Abenov", "Nurlan Abenov")
        pairs = {frozenset((c.a.name, c.b.name)) for c in merge_candidates(store)}
        assert frozenset(("Nurlan Abenov", "Nurbol Abenov")) not in pairs
        assert [j["kind"] for j in recent_judgements(store)] == ["distinct"]
    finally:
        store.close()
