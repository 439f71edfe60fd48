"""Posts, memberships and family ties beside Russian names (casefile.extract.russian_relations).

Every name and body here is invented for these tests.
"""
from __future__ import annotations

import pytest

RELATIONS = ("position", "member_of", "family", "subordinate_of")


def relations(ru_facts, text: str) -> set[tuple]:
    return {f for f in ru_facts(text) if f[0] in RELATIONS}


def test_a_post_before_the_name(ru_facts):
    found = relations(ru_facts, "Иск поддержал адвокат Тимур Садыков. Дело вела мировой судья Асель Нуржанова.")
    assert ("position", "Тимур Садыков", None, "адвокат") in found
    assert ("position", "Асель Нуржанова", None, "мировой судья") in found


def test_a_post_after_the_name_with_its_body(ru_facts):
    text = "Ержан Касымов, главный редактор газеты «Степной вестник», получил повестку."
    found = relations(ru_facts, text)
    assert any(f[0] == "position" and f[1] == "Ержан Касымов" and f[3] == "главный редактор" for f in found)


def test_members_listed_after_their_body(ru_facts):
    text = "Суд оштрафовал членов партии «Новый путь» Марата Оспанова и Гульнару Бекову."
    found = relations(ru_facts, text)
    members = {f[1] for f in found if f[0] == "member_of"}
    assert members == {"Марат Оспанов", "Гульнара Бекова"}


def test_a_body_in_quotes_with_a_comma(ru_facts):
    text = "Штраф получил лидер движения «Степь, вперёд» Ерлан Жумабеков."
    found = relations(ru_facts, text)
    assert any(f[0] == "position" and f[1] == "Ерлан Жумабеков" and f[3] == "лидер" for f in found)


def test_kinship_between_two_named_people(ru_facts):
    found = relations(ru_facts, "Гульмира Еркебаева, жена Болата Еркебаева, подала жалобу.")
    assert ("family", "Гульмира Еркебаева", "Болат Еркебаев", "жена") in found


def test_a_verb_between_noun_and_name_states_nothing(ru_facts):
    # near miss: the lawyer is someone else; the name is the subject of another clause
    found = relations(ru_facts, "Адвокат заявил суду Тимур Садыков не виновен.")
    assert not any(f[1] == "Тимур Садыков" for f in found)


def test_a_post_before_someone_elses_name_is_not_theirs(ru_facts):
    # near miss: "пресс-секретарь Б А" - А is the secretary, Б is whose
    found = relations(ru_facts, "Об этом сообщила пресс-секретарь Марата Оспанова Дина Бекова.")
    assert ("position", "Дина Бекова", None, "пресс-секретарь") in found
    assert ("subordinate_of", "Дина Бекова", "Марат Оспанов", "пресс-секретарь") in found
    assert not any(f[0] == "position" and f[1] == "Марат Оспанов" for f in found)


def test_a_post_in_the_plural_before_one_name_is_other_peoples(ru_facts):
    found = relations(ru_facts, "Адвокаты Тимура Садыкова обжаловали приговор.")
    assert not any(f[1] == "Тимур Садыков" for f in found)  # his lawyers, not his post
    # near miss: the plural before a list of names is each one's post
    found = relations(ru_facts, "В суд пришли журналисты Асель Нуржанова и Ержан Касымов.")
    assert {("position", "Асель Нуржанова", None, "журналист"), ("position", "Ержан Касымов", None, "журналист")} <= found


def test_a_post_with_an_adjective_that_could_be_a_noun(ru_facts):
    found = relations(ru_facts, "Суд арестовал главного редактора Айгерим Омарову.")
    assert ("position", "Айгерим Омарова", None, "главный редактор") in found
    # near miss: a noun before the post is not part of it
    found = relations(ru_facts, "Суд арестовал сотрудника редакции Айгерим Омарову.")
    assert not any(f[3] and "редакци" in f[3].split()[0] for f in found)


def test_a_post_set_off_by_commas_before_the_name(ru_facts):
    found = relations(ru_facts, "Еще один активист, Ахмет Сапаров, был задержан полицией.")
    assert ("position", "Ахмет Сапаров", None, "активист") in found
    # near miss: a post and then a list of others, no comma after the name
    found = relations(ru_facts, "Об этом сообщил адвокат, Тимур Садыков и Болат Оспанов не согласились.")
    assert not found


def test_kin_named_after_his_or_her(ru_facts):
    found = relations(ru_facts, "Игорь Жаркевский и его мать Светлана публикуют новости.")
    assert ("family", "Светлана", "Игорь Жаркевский", "мать") in found
    # near miss: "его" cannot be a woman's
    assert not relations(ru_facts, "Асель Нуржанова и его мать Светлана пришли.")


def test_a_post_of_someone_elses_named_after_it_is_not_the_persons(ru_facts):
    found = relations(ru_facts, "Адвокат активиста Гульнара Бажкенова обжаловала приговор.")
    assert ("position", "Гульнара Бажкенова", None, "адвокат") in found
    assert not any(f[3] == "активист" for f in found)  # near miss: she is the activist's lawyer


def test_a_post_after_a_dash_in_a_nominal_sentence(ru_facts):
    found = relations(ru_facts, "Ержан Касымов – корреспондент газеты «Степной вестник».")
    assert any(f[0] == "position" and f[1] == "Ержан Касымов" and f[2] == "Степной вестник" for f in found)


def test_a_dash_before_a_verb_states_no_post(ru_facts):
    found = relations(ru_facts, "Ержан Касымов – так считает суд – нарушил порядок проведения собраний.")
    assert not any(f[0] == "position" and f[1] == "Ержан Касымов" for f in found)


def test_a_post_in_two_coordinated_bodies(ru_facts):
    found = relations(ru_facts, "Ержан Касымов – корреспондент газеты «Степной вестник» и журнала «Караван».")
    bodies = {f[2] for f in found if f[0] == "position" and f[1] == "Ержан Касымов"}
    assert bodies == {"Степной вестник", "Караван"}


def test_works_at_a_body(ru_facts):
    found = relations(ru_facts, "Асель Нуржанова, бывший юрист фонда, сейчас работает в издании «Степной вестник».")
    assert ("position", "Асель Нуржанова", "Степной вестник", "сотрудник") in found


def test_works_in_a_city_or_for_someone_else_is_no_post(ru_facts):
    found = relations(ru_facts, "Асель Нуржанова сейчас работает в Алматы.")
    assert not any(f[3] == "сотрудник" for f in found)
    found = relations(ru_facts, "Асель Нуржанова сообщила, что Тимур Садыков работает в газете «Степной вестник».")
    assert not any(f[1] == "Асель Нуржанова" and f[3] == "сотрудник" for f in found)


def test_a_turkic_patronymic_word_is_part_of_the_name(extract_ru):
    ex = extract_ru("Суд арестовал журналистку Айдану Асанбек кызы на два месяца.")
    assert "Айдана Асанбек кызы" in [e.name for e in ex.entities if e.label == "person"] or \
        any(e.name.endswith("кызы") for e in ex.entities if e.label == "person")


def test_compound_and_former_posts(ru_facts):
    found = relations(ru_facts, "Экс-депутат парламента Тимур Садыков поддержал журналиста-расследователя Динару Омарову.")
    assert any(f[0] == "position" and f[1] == "Тимур Садыков" and f[3] == "экс-депутат" for f in found)
    assert any(f[0] == "position" and f[1] == "Динара Омарова" and f[3] == "журналист-расследователь" for f in found)
    # near miss: a hyphenated word that is no post says nothing
    found = relations(ru_facts, "Северо-запад страны посетил Тимур Садыков.")
    assert not any(f[0] == "position" for f in found)


def test_a_plural_post_is_stated_in_the_singular_with_its_adjectives(ru_facts):
    found = relations(ru_facts, "Суд оправдал бывших сотрудников «Степного вестника» Тимура Садыкова и Ержана Касымова.")
    assert {f[3] for f in found if f[0] in ("position", "member_of")} <= {"бывший сотрудник"}
    assert found


def test_every_post_of_a_run_before_the_name(ru_facts):
    text = ("Жалобу подал декан Степного университета, председатель ассоциации «Новый путь» "
            "и глава совета фонда «Дала» Ерлан Жумабеков.")
    posts = {f[3] for f in relations(ru_facts, text) if f[0] == "position" and f[1] == "Ерлан Жумабеков"}
    assert {"декан", "председатель", "глава"} <= posts
    # near miss: a post before another person's name in the list is that person's
    text = "На заседании были адвокат Тимур Садыков, журналист Ерлан Жумабеков."
    found = relations(ru_facts, text)
    assert ("position", "Ерлан Жумабеков", None, "адвокат") not in found


def test_a_possessive_kin_noun_opening_a_sentence_ties_to_the_person_named_before(ru_facts):
    text = "Журналистку Асель Нуржанову задержали в среду. Её брат Тимур Садыков рассказал об этом."
    assert ("family", "Тимур Садыков", "Асель Нуржанова", "брат") in relations(ru_facts, text)
    # near miss: the pronoun's gender matches no one named before
    text = "Журналиста Ерлана Жумабекова задержали в среду. Её брат Тимур Садыков рассказал об этом."
    assert not {f for f in relations(ru_facts, text) if f[0] == "family"}


def test_an_age_before_a_post_is_no_part_of_it(ru_facts):
    found = relations(ru_facts, "Суд арестовал Тимура Садыкова, 40-летнего журналиста. Бывший судья Марат Оспанов промолчал.")
    assert ("position", "Тимур Садыков", None, "журналист") in found
    assert ("position", "Марат Оспанов", None, "бывший судья") in found  # near miss: a real adjective stays


def test_a_calling_or_a_clergy_rank_before_the_name_is_a_post(ru_facts):
    found = relations(ru_facts, "Суд арестовал архиепископа Тимура Садыкова и рэпера Ержана Касымова.")
    assert {("position", "Тимур Садыков", None, "архиепископ"), ("position", "Ержан Касымов", None, "рэпер")} <= found
    # near miss: a word that names no calling ("соседа") gives no post
    assert not relations(ru_facts, "Суд арестовал соседа Тимура Садыкова.")


@pytest.mark.parametrize(("text", "fact"), [
    ("Суд отклонил жалобу публициста Ержана Омарова.", ("position", "Ержан Омаров", None, "публицист")),
    ("Суд продлил арест для социолога Бориса Кузнецова.", ("position", "Борис Кузнецов", None, "социолог")),
])
def test_an_occupation_before_a_name_in_any_case(ru_facts, text, fact):
    assert fact in relations(ru_facts, text)
    # near miss: the occupation of a group, then a verb, then the name
    assert not {f for f in relations(ru_facts, "Социологи спорят, прав ли Борис Кузнецов.") if f[0] == "position"}
