"""Posts, memberships and family ties beside Russian names (casefile.extract.russian_relations).

Every name and body here is invented for these tests.
"""
from __future__ import annotations

import pytest

from casefile.extract.russian import extract_russian_document


@pytest.fixture(scope="module")
def natasha():
    from casefile.config import Config
    from casefile.nlp.russian import NatashaBackend

    return NatashaBackend(Config())


def relations(backend, text: str) -> set[tuple]:
    [analysis] = list(backend.analyse([text]))
    ex = extract_russian_document(text, analysis)

    def name(i):
        return None if i is None else ex.entities[i].name

    return {(f.type, name(f.subject), name(f.object), f.value) for f in ex.facts
            if f.type in ("position", "member_of", "family", "subordinate_of")}


def test_a_post_before_the_name(natasha):
    found = relations(natasha, "Иск поддержал адвокат Тимур Садыков. Дело вела мировой судья Асель Нуржанова.")
    assert ("position", "Тимур Садыков", None, "адвокат") in found
    assert ("position", "Асель Нуржанова", None, "мировой судья") in found


def test_a_post_after_the_name_with_its_body(natasha):
    text = "Ержан Касымов, главный редактор газеты «Степной вестник», получил повестку."
    found = relations(natasha, text)
    assert any(f[0] == "position" and f[1] == "Ержан Касымов" and f[3] == "главный редактор" for f in found)


def test_members_listed_after_their_body(natasha):
    text = "Суд оштрафовал членов партии «Новый путь» Марата Оспанова и Гульнару Бекову."
    found = relations(natasha, text)
    members = {f[1] for f in found if f[0] == "member_of"}
    assert members == {"Марат Оспанов", "Гульнара Бекова"}


def test_a_body_in_quotes_with_a_comma(natasha):
    text = "Штраф получил лидер движения «Степь, вперёд» Ерлан Жумабеков."
    found = relations(natasha, text)
    assert any(f[0] == "position" and f[1] == "Ерлан Жумабеков" and f[3] == "лидер" for f in found)


def test_kinship_between_two_named_people(natasha):
    found = relations(natasha, "Гульмира Еркебаева, жена Болата Еркебаева, подала жалобу.")
    assert ("family", "Гульмира Еркебаева", "Болат Еркебаев", "жена") in found


def test_a_verb_between_noun_and_name_states_nothing(natasha):
    # near miss: the lawyer is someone else; the name is the subject of another clause
    found = relations(natasha, "Адвокат заявил суду Тимур Садыков не виновен.")
    assert not any(f[1] == "Тимур Садыков" for f in found)


def test_a_post_before_someone_elses_name_is_not_theirs(natasha):
    # near miss: "пресс-секретарь Б А" - А is the secretary, Б is whose
    found = relations(natasha, "Об этом сообщила пресс-секретарь Марата Оспанова Дина Бекова.")
    assert ("position", "Дина Бекова", None, "пресс-секретарь") in found
    assert ("subordinate_of", "Дина Бекова", "Марат Оспанов", "пресс-секретарь") in found
    assert not any(f[0] == "position" and f[1] == "Марат Оспанов" for f in found)
