"""Repairs of Russian spans (casefile.extract.russian_repair). Names and bodies are invented."""
from __future__ import annotations

import pytest

from casefile.extract.russian import common_word, known_place
from casefile.extract.russian_repair import (bodies_before_places, cut_parenthesis, dateline_place, extend_body,
                                             is_common_acronym, quoted_bodies, split_two_people, tidy_body)
from casefile.models import Span


def span(text: str, surface: str, label: str, normal: str | None = None) -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), label, surface, normal)


def test_acronyms_of_common_nouns_name_no_one():
    assert is_common_acronym("СИЗО") and is_common_acronym("СМИ")
    assert not is_common_acronym("КНБ")  # near miss: a body's acronym


def test_a_name_runs_into_the_acronym_after_it():
    text = "Комитет лесного надзора (КЛН сообщил"
    cut = cut_parenthesis(span(text, "Комитет лесного надзора (КЛН", "organization"))
    assert cut.text == "Комитет лесного надзора" and text[cut.start:cut.end] == cut.text
    whole = span(text, "Комитет лесного надзора", "organization")
    assert cut_parenthesis(whole) == whole  # near miss: nothing to cut


def test_a_body_goes_on_over_the_place_it_serves():
    text = "Заречный районный суд по гражданским делам города Велмора вынес решение."
    court = span(text, "Заречный районный суд", "organization", "Заречный районный суд")
    town = span(text, "Велмора", "location")
    longer = extend_body(text, court, [town])
    assert longer.text == "Заречный районный суд по гражданским делам города Велмора"
    # near miss: a place further on, after a verb, is not the court's
    text = "Заречный районный суд вынес решение в Велморе."
    court = span(text, "Заречный районный суд", "organization")
    assert extend_body(text, court, [span(text, "Велморе", "location")]) == court


def test_a_court_goes_on_over_what_it_hears_when_no_place_follows():
    text = "Жалобу рассмотрел Межрайонный суд по уголовным делам, он отказал."
    court = span(text, "Межрайонный суд", "organization", "Межрайонный суд")
    assert extend_body(text, court, []).normal == "Межрайонный суд по уголовным делам"
    # near miss: a body that is no court, and a court followed by an ordinary "по" phrase
    text = "Фонд по уголовным делам не работает. Межрайонный суд по вторникам не работает."
    fund, court = span(text, "Фонд", "organization"), span(text, "Межрайонный суд", "organization")
    assert extend_body(text, fund, []) == fund and extend_body(text, court, []) == court


def test_a_quoted_name_after_the_kind_of_body_is_that_body():
    text = "Активисты движения «Тихая степь» и сторонники «Зелёного берега» вышли к акимату. Он сказал «Хватит»."
    found = {s.text: s.normal for s in quoted_bodies(text, [])}
    assert found == {"Тихая степь": "Тихая степь", "Зелёного берега": "Зелёный берег"}  # not the verb's «Хватит»


def test_the_name_opening_a_dateline_is_a_place_written_as_a_name():
    text = "Заголовок\nКАРАГАНДА, 3 апреля 2022 года. Районный суд рассмотрел жалобу."
    place = dateline_place(text, span(text, "КАРАГАНДА", "organization", "КАРАГАНДА"))
    assert (place.label, place.normal) == ("location", "Караганда")


def test_a_body_before_a_date_and_a_verb_is_no_dateline():
    text = "Новость\nМВД, 3 апреля сообщило о задержании двух человек."
    body = span(text, "МВД", "organization")
    assert dateline_place(text, body) == body
    inside = "Вчера ПРОКУРАТУРА, 3 апреля 2022 года. Текст."  # not at the start of a line
    assert dateline_place(inside, span(inside, "ПРОКУРАТУРА", "organization")).label == "organization"


def test_a_body_noun_before_a_place_names_a_body():
    text = "Жалобу рассмотрел Суд №4 Каратауского района. В районном суде Жетысуйского района отказали."
    places = [span(text, "Каратауского района", "location", "Каратауский район"),
              span(text, "Жетысуйского района", "location", "Жетысуйский район")]
    bodies = {(b.text, b.normal) for b in bodies_before_places(text, places)}
    assert bodies == {("Суд №4 Каратауского района", "Суд №4 Каратауского района"),
                      ("районном суде Жетысуйского района", "Районный суд Жетысуйского района")}
    # near miss: the people of a district are no body
    text = "Жители Каратауского района вышли на митинг."
    assert not list(bodies_before_places(text, [span(text, "Каратауского района", "location")]))


def test_a_body_of_a_district_named_by_its_adjective(extract_ru):
    ex = extract_ru("Дело рассматривал суд Заречного района. Вечером в Заречном районе шёл дождь.")
    bodies = [e.name for e in ex.entities if e.label == "organization"]
    assert bodies == ["Суд Заречного района"]


def test_a_body_before_a_district_and_its_name(extract_ru):
    ex = extract_ru("Его задержали сотрудники прокуратуры района Тогызкент.")
    assert [e.name for e in ex.entities if e.label == "organization"] == ["Прокуратура района Тогызкент"]


def test_one_full_name_left_in_two_cases_is_one_person(extract_ru):
    ex = extract_ru("Суд арестовал Хайрулло Тогаева. Адвокат Хайрулло Тогаев обжаловал решение. "
                    "Назира Тогаева, его сестра, пришла в суд.")
    people = sorted(e.name for e in ex.entities if e.label == "person")
    assert len([p for p in people if p.startswith("Хайрулло")]) == 1 and any(p.startswith("Назира") for p in people)


def test_a_capitalised_post_opening_a_persons_span_is_cut():
    from casefile.extract.russian_repair import cut_leading_post

    span = cut_leading_post(Span(0, 23, "PER", "Журналист Тимур Омаров", "Журналист Тимур Омаров"))
    assert (span.text, span.normal, span.start) == ("Тимур Омаров", "Тимур Омаров", 10)
    # near miss: a given name that opens the span stays
    span = cut_leading_post(Span(0, 12, "PER", "Тимур Омаров", "Тимур Омаров"))
    assert span.text == "Тимур Омаров"


def test_a_website_named_by_its_address_and_a_district_body_with_an_adjective_between():
    from casefile.extract.russian_repair import site_names

    text = "главный редактор сайта steppe.news.kz уволился; а слово pass.word тут ни при чём"
    assert [s.text for s in site_names(text, [])] == ["steppe.news.kz"]  # near miss: no "сайт" before it
    text = "жалоба на решение суда столичного района Каратау"
    place = Span(text.index("Каратау"), len(text), "location", "Каратау")
    found = list(bodies_before_places(text, [place]))
    assert [s.text for s in found] == ["суда столичного района Каратау"]


def test_two_full_names_read_as_one_are_two_people():
    text = "племянница Тимура Садыкова Асель Нуржанова приговорена"
    parts = split_two_people(span(text, "Тимура Садыкова Асель Нуржанова", "PER"))
    assert [p.text for p in parts] == ["Тимура Садыкова", "Асель Нуржанова"]
    # near miss: a given name, a patronymic and a surname are one person
    text = "судья Тимур Ерланович Садыков Нуржанов отказал"
    assert len(split_two_people(span(text, "Тимур Ерланович Садыков Нуржанов", "PER"))) == 1


@pytest.mark.parametrize(("word", "common"), [
    ("Адвокат", True), ("Армянский", True),  # a post, an adjective opening a sentence
    ("Садыков", False), ("Роза", False),  # near misses: a surname; a word that is also a given name
    ("Тиктокер", False),  # near miss: a word the dictionary does not know may be a name
])
def test_a_lone_word_the_dictionary_knows_only_as_a_word_is_no_name(word, common):
    assert common_word(word) is common


def test_a_lone_town_is_a_place_but_its_adjective_is_not():
    assert known_place("Караганды") and not known_place("Карагандинский")


def _body(text: str, surface: str, label: str = "ORG") -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), label, surface)


@pytest.mark.parametrize(("text", "surface", "tidied", "label"), [
    ("Сообщило Радио Кокпар, суд города Талас молчит.", "Радио Кокпар, суд города Талас", "Радио Кокпар", "ORG"),
    ("Видео вышло в Telegram-канале издания.", "Telegram-канале", "Telegram", "ORG"),
    ("Отчёт (проект НПО) Армении вышел.", "НПО) Армении", "НПО", "ORG"),
    ("Митинг прошёл на Площади Согласия.", "Площади Согласия", "Площади Согласия", "location"),
    ("Глава фонда «Рабочий стол» выступил.", "фонда «Рабочий", "фонда «Рабочий стол»", "ORG"),  # on to its mark
    ("Сообщило Радио Кокпар.", "Радио Кокпар", "Радио Кокпар", "ORG"),  # near miss: one name, as it is
])
def test_a_body_span_is_cut_to_one_name(text, surface, tidied, label):
    out = tidy_body(text, _body(text, surface, "PER" if label == "location" else "ORG"))
    assert (out.text, out.label) == (tidied, label)


def test_a_trade_noun_before_a_full_name_is_cut_whatever_the_posts_list_says():
    from casefile.extract.russian_repair import cut_leading_post

    span = cut_leading_post(Span(0, 28, "PER", "Стоматолога Динару Омарову", "Стоматолога Динара Омарова"))
    assert (span.text, span.normal) == ("Динару Омарову", "Динара Омарова")
    # near miss: before one word the noun may be the name itself ("Соловей Омаров" stays)
    span = cut_leading_post(Span(0, 14, "PER", "Соловей Омаров", "Соловей Омаров"))
    assert span.text == "Соловей Омаров"


def entities(extract_ru, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.label) for e in extract_ru(text).entities}


def test_ordinary_words_in_capitals_are_no_bodies_acronyms_are(extract_ru):
    found = entities(extract_ru, "ЗАРЕЧНЫЙ. Суд приговорил Тимура Садыкова к трём годам.\nАРЕСТ\n"
                                 "ОБСЕ выразила обеспокоенность, сообщил МВД.")
    assert not {name for name, _label in found} & {"АРЕСТ", "Арест"}
    assert {("ОБСЕ", "organization"), ("МВД", "organization")} <= found  # acronyms stay bodies


def test_a_bodys_name_without_an_adverb_before_it_or_the_one_it_judged_after_it(extract_ru):
    found = entities(extract_ru, "Сегодня Медеуский районный суд приговорил Тимура Садыкова к трём годам.")
    assert ("Медеуский районный суд", "organization") in found
    found = entities(extract_ru, "Суд Садыкову продлил арест.")
    assert not any(label == "organization" and "Садыков" in name for name, label in found)
    # near miss: a place after the court is part of its name
    assert ("Суд Заречного района", "organization") in entities(extract_ru, "Суд Заречного района продлил арест.")


def test_a_lone_given_name_joins_the_full_name_natasha_left_declined(extract_ru):
    ex = extract_ru("Суд приговорил активиста Фаиля Курманова к четырём годам. Фаиль не признал вину.")
    people = [e for e in ex.entities if e.label == "person"]
    assert len(people) == 1 and {m.text for m in people[0].mentions} >= {"Фаиль"}
    # near miss: two full names with that given name, so the lone one says nothing of which
    ex = extract_ru("Суд приговорил Фаиля Курманова и Фаиля Сеитова к четырём годам. Фаиль не признал вину.")
    assert len([e for e in ex.entities if e.label == "person"]) == 3
