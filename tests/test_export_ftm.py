"""The FollowTheMoney export: every line a valid FtM entity, no dangling references, stable ids,
and a round trip through the followthemoney library that finds the people and their ties."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from followthemoney import model

from casefile.export.ftm import export_ftm
from casefile.export.ftm_entities import is_public_body, place_country
from casefile.export.ftm_facts import RELATIONS
from casefile.store import Store
from casefile.store.export_queries import EntitySelection


def ftm_lines(db: Path, selection: EntitySelection = EntitySelection()) -> tuple[int, str]:
    store = Store(db, create=False, readonly=True)
    try:
        buf = io.StringIO()
        return export_ftm(store, buf, selection), buf.getvalue()
    finally:
        store.close()


def read_back(raw: str) -> list:
    """The export as the library reads it: proxies, values cleaned."""
    return [model.get_proxy(json.loads(line), cleaned=False) for line in raw.splitlines()]


def check_valid(raw: str) -> None:
    """Each line is an entity of the model that the library's validation accepts, whose values
    survive FtM's cleaning unchanged, and whose entity references all resolve."""
    ids = set()
    proxies = []
    for line in raw.splitlines():
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        proxy.schema.validate(proxy.to_dict())  # raises InvalidData
        for prop, values in data["properties"].items():
            assert sorted(proxy.get(prop)) == sorted(values), (data["id"], prop)
        assert proxy.id not in ids, f"duplicate id {proxy.id}"
        ids.add(proxy.id)
        proxies.append(proxy)
    for proxy in proxies:
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, f"{proxy.id} {prop.name} -> {value} is not exported"
                assert any(p.id == value and p.schema.is_a(prop.range) for p in proxies), (proxy.id, prop.name)


def test_every_line_is_valid_ftm_without_dangling_references(export_store):
    count, raw = ftm_lines(export_store)
    assert count == len(raw.splitlines()) > 0
    check_valid(raw)


def test_demo_corpus_export_is_valid(demo_store):
    check_valid(ftm_lines(demo_store)[1])


def test_ids_are_stable_across_exports(export_store, query):
    assert ftm_lines(export_store)[1] == ftm_lines(export_store)[1]
    ids = [json.loads(line)["id"] for line in ftm_lines(export_store)[1].splitlines()]
    entity_ids = {r[0] for r in query(export_store, "SELECT id FROM entities WHERE type != 'law'")}
    assert {f"casefile-ent-{e}" for e in entity_ids} <= set(ids)


def test_round_trip_counts_per_schema(export_store, query):
    proxies = read_back(ftm_lines(export_store)[1])
    schemata = Counter(p.schema.name for p in proxies)
    types = Counter(dict(query(export_store, "SELECT type, COUNT(*) FROM entities GROUP BY type")))
    facts = Counter(dict(query(export_store, "SELECT type, COUNT(*) FROM facts GROUP BY type")))
    assert schemata["Article"] == query(export_store, "SELECT COUNT(*) FROM documents")[0][0]
    assert schemata["Person"] == types["person"]
    assert schemata["Organization"] + schemata["PublicBody"] == types["organization"]
    assert schemata["Address"] == types["location"]
    assert schemata["Occupancy"] == schemata["Position"] == facts["position"]
    assert schemata["Family"] == facts["family"] and schemata["Membership"] == facts["member_of"]
    trials_at_court = query(export_store, "SELECT COUNT(*) FROM facts f JOIN entities o ON o.id = f.object "
                                               "WHERE f.type = 'trial' AND o.type = 'organization'")[0][0]
    assert schemata["CourtCase"] == trials_at_court >= 1
    assert schemata["CourtCaseParty"] == 2 * trials_at_court
    justice = sum(n for t, n in facts.items() if t not in RELATIONS)
    assert schemata["Event"] == justice + types["event"]
    assert schemata["UnknownLink"] >= facts["ordered"] >= 1  # a court's or a judge's ruling on someone


def test_known_person_occupancy_family_and_trial(export_store):
    proxies = read_back(ftm_lines(export_store)[1])
    by_id = {p.id: p for p in proxies}
    arman = next(p for p in proxies if p.schema.name == "Person" and "Arman Tolegenov" in p.get("name"))
    saule = next(p for p in proxies if p.schema.name == "Person" and "Saule Tolegenova" in p.get("name"))
    qala = next(p for p in proxies if "Qala Times" in p.get("name"))
    posts = [by_id[o.first("post")] for o in proxies if o.schema.name == "Occupancy" and o.first("holder") == arman.id]
    assert any(post.first("organization") == qala.id for post in posts)
    family = [f for f in proxies if f.schema.name == "Family" and f.first("person") == arman.id]
    assert [(f.first("relative"), f.first("relationship")) for f in family] == [(saule.id, "wife")]
    court = next(p for p in proxies if "Almaly District Court of Velmora" in p.get("name"))
    assert court.schema.name == "PublicBody"
    defendant = next(p for p in proxies if p.schema.name == "CourtCaseParty" and p.first("role") == "defendant")
    assert defendant.first("party") == arman.id
    assert by_id[defendant.first("case")].first("court") == "Almaly District Court of Velmora"
    detention = next(p for p in proxies if p.schema.name == "Event" and "Bolat Nurlanov" in p.first("name"))
    assert detention.first("country") == "kz" and detention.first("location") == "Kazakhstan"
    assert detention.first("date") == "2024-06-02"


def test_every_entity_and_relation_cites_its_article(export_store):
    proxies = read_back(ftm_lines(export_store)[1])
    articles = {p.id for p in proxies if p.schema.name == "Article"}
    for p in proxies:
        if p.schema.name == "Article":
            assert p.first("fileName") and p.first("bodyText") and p.first("language") == "eng"
            continue
        assert p.get("proof") and set(p.get("proof")) <= articles, p.id
        if p.schema.is_a("Interval"):
            assert p.get("summary"), p.id  # the evidence sentence


def test_selection_keeps_references_inside(export_store):
    count, raw = ftm_lines(export_store, EntitySelection(("person",)))
    check_valid(raw)
    schemata = Counter(p.schema.name for p in read_back(raw))
    assert schemata["Person"] > 0 and schemata["Organization"] == schemata["PublicBody"] == 0
    assert schemata["Occupancy"] > 0 and schemata["Family"] == 1  # posts without a body, the wife


def test_ftm_command_line_validates_the_file(export_store, tmp_path):
    out = tmp_path / "case.ftm.json"
    out.write_text(ftm_lines(export_store)[1], encoding="utf-8")
    ftm = Path(sys.executable).with_name("ftm")
    if not ftm.exists():
        pytest.skip("the ftm command is not installed beside this Python")
    checked = subprocess.run([str(ftm), "validate", "-i", str(out)], capture_output=True, text=True, check=True)
    assert len(checked.stdout.splitlines()) == len(out.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(("name", "public"), [
    ("Almaly District Court of Velmora", True), ("Ministry of Internal Affairs", True), ("KNB", True),
    ("the Prosecutor's Office", True), ("Верховный суд", True),
    ("Committee for Press Freedom", False), ("Qala Times", False), ("Union of Free Journalists", False),
])
def test_public_bodies(name, public):
    assert is_public_body(name) is public


def test_place_country():
    assert place_country("Kazakhstan") == "kz" and place_country("Velmora") is None
