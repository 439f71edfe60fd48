"""Russian quotations and their speakers (casefile.extract.russian_quotes): typewriter quotes and
a post named instead of the speaker. Every name here is invented for these tests.
"""
from __future__ import annotations

import pytest


def quotes(extract, text: str) -> set[tuple]:
    ex = extract(text)
    return {(q.text, None if q.speaker is None else ex.entities[q.speaker].name) for q in ex.quotes}


def test_typewriter_quotes_with_the_speaker_after(extract_ru):
    text = '"Я не признаю этот приговор и буду его обжаловать", — сказала Динара Омарова.'
    assert ("Я не признаю этот приговор и буду его обжаловать", "Динара Омарова") in quotes(extract_ru, text)
    # near miss: a short name in typewriter quotes is no quotation
    assert not quotes(extract_ru, 'Динара Омарова работает в газете "Новый день".')


def test_a_post_named_instead_of_the_speaker_is_the_one_who_holds_it(extract_ru):
    text = ("Дело рассматривал судья Тимур Садыков. «Ходатайство защиты отклонить полностью», — сказал судья.")
    assert ("Ходатайство защиты отклонить полностью", "Тимур Садыков") in quotes(extract_ru, text)
    # near miss: two judges named before, so "судья" tells no one
    text = ("В коллегию вошли судья Тимур Садыков и судья Ержан Касымов. "
            "«Ходатайство защиты отклонить полностью», — сказал судья.")
    assert ("Ходатайство защиты отклонить полностью", None) in quotes(extract_ru, text)


def test_a_post_no_one_holds_goes_to_the_one_named_last_if_the_verb_agrees(extract_ru):
    text = "Об этом сообщила Динара Омарова.\n\n«Блогера привезли в суд без адвоката», — написала экс-депутат."
    assert ("Блогера привезли в суд без адвоката", "Динара Омарова") in quotes(extract_ru, text)
    # near miss: the one named last is a man, the verb a woman's
    text = "Об этом сообщил Тимур Садыков.\n\n«Блогера привезли в суд без адвоката», — написала экс-депутат."
    assert ("Блогера привезли в суд без адвоката", None) in quotes(extract_ru, text)


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a post with its court before the name: the name holds it
    ("Судья Северного районного суда Динара Омарова оправдала Ержана Касымова. «Доказательств вины нет», "
     "— заявила судья.", "Доказательств вины нет", "Динара Омарова"),
    # a colleague is the source named before, not the one the text calls a colleague
    ("Тимур Садыков сообщил о задержании своего коллеги Ержана Касымова. По словам Садыкова, обыск был "
     "грубым.\n\n«Это вызов всей профессии», — заявил коллега задержанного.", "Это вызов всей профессии", "Тимур Садыков"),
    # a statement the quote is said to be in: its author
    ("«Задержание было законным», — говорится в заявлении Департамента полиции Караганды.",
     "Задержание было законным", "Департамент полиции Караганды"),
])
def test_a_speaker_named_by_a_post_a_tie_or_a_paper(extract_ru, text, quote, speaker):
    assert (quote, speaker) in quotes(extract_ru, text)


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # of two people after the verb, the one in the nominative speaks; the client is in the dative
    ("«Этот процесс был показательным с первого дня», — заявил после приговора Ержану Касымову его адвокат "
     "Тимур Садыков.", "Этот процесс был показательным с первого дня", "Тимур Садыков"),
    # a lawyer named with the client's genitive between: the nominative name is the lawyer's
    ("Адвокат блогера Тимур Садыков навестил подзащитного. По его словам, Ержан Касымов болен. "
     "«Он сильно болен и почти не ест», - отметил адвокат.", "Он сильно болен и почти не ест", "Тимур Садыков"),
])
def test_the_speaker_in_the_nominative_and_the_source_of_po_ego_slovam(extract_ru, text, quote, speaker):
    assert (quote, speaker) in quotes(extract_ru, text)


@pytest.mark.parametrize(("text", "quote", "speaker", "found"), [
    # a body's short name in «» does not end the speaker's clause; near miss: the sentence ends first
    ("«Мы продолжим защищать людей», — заявил в последнем слове председатель НПО "
     "«Степной альянс» адвокат Ержан Касымов.", "Мы продолжим защищать людей", "Ержан Касымов", True),
    ("«Мы продолжим защищать людей», — говорится в заявлении НПО «Степной альянс». "
     "Ержан Касымов его подписал.", "Мы продолжим защищать людей", "Ержан Касымов", False),
    # "сказал он" is the subject of the sentence right before the quote; near miss: no name opens it,
    # the one who spoke last is the speaker
    ("Суд осудил Тимура Садыкова. Активист рассказал, что говорил с Ержаном Касымовым в мае. "
     "Сам Садыков не согласен с приговором. «Я ни в чём не виноват», — сказал он.",
     "Я ни в чём не виноват", "Тимур Садыков", True),
    ("Тимур Садыков рассказал, что говорил с Ержаном Касымовым в мае. По делу нет решения. "
     "«Я ни в чём не виноват», — сказал он.", "Я ни в чём не виноват", "Тимур Садыков", True),
])
def test_the_clause_of_a_speech_tail_and_the_subject_before_it(extract_ru, text, quote, speaker, found):
    assert ((quote, speaker) in quotes(extract_ru, text)) is found


def test_near_miss_a_client_in_the_genitive_after_the_post_is_not_the_lawyer(extract_ru):
    text = ("Адвокат блогера Тимура Садыкова подала жалобу. По её словам, Садыков болен. "
            "«Он сильно болен и почти не ест», - отметила адвокат.")
    assert ("Он сильно болен и почти не ест", "Тимур Садыков") not in quotes(extract_ru, text)


def test_an_opinion_introduced_by_po_mneniyu_may_start_in_lower_case(extract_ru):
    text = "По мнению правозащитника Ерлана Калиева, «это дело сфабриковано от начала до конца»."
    assert ("это дело сфабриковано от начала до конца", "Ерлан Калиев") in quotes(extract_ru, text)
    # near miss: a lower-case term in quotes with no one introducing it is no quotation
    assert not quotes(extract_ru, "Ерлана Калиева обвиняют в «распространении заведомо ложной информации».")


def test_the_person_before_a_colon_speaks_not_the_platform(extract_ru):
    text = "Тимур Садыков написал в Facebook: «Я ни в чём не виноват и не признаю вину»."
    assert ("Я ни в чём не виноват и не признаю вину", "Тимур Садыков") in quotes(extract_ru, text)


def test_a_post_named_instead_of_the_speaker_is_the_person_named_last(extract_ru):
    text = "Суд оштрафовал Ержана Касымова на 50 МРП. «Мы будем обжаловать», — сказал активист."
    ex = extract_ru(text)
    assert [ex.entities[q.speaker].name for q in ex.quotes if q.speaker is not None] == ["Ержан Касымов"]


def test_a_post_named_instead_of_the_speaker_is_not_a_person_with_another_post(extract_ru):
    text = "Ержана Касымова оштрафовала судья Асель Нуржанова. «Мы будем обжаловать», — сказал активист."
    ex = extract_ru(text)
    assert [q.speaker for q in ex.quotes] == [None]


def test_dialogue_turns_without_tails_alternate_between_the_two_the_text_names(extract_ru):
    turns = ("— За что меня наказывают?\n\n— Решение уже принято судом.\n\n— Но я ничего не нарушал.\n\n"
             "Так прошёл разговор между блогером Русланом Ахметовым и судьёй Гульнарой Сейтовой.")
    found = quotes(extract_ru, turns)
    assert ("За что меня наказывают?", "Руслан Ахметов") in found
    assert ("Решение уже принято судом.", "Гульнара Сейтова") in found
    assert ("Но я ничего не нарушал.", "Руслан Ахметов") in found
    # near miss: dash lines with no one said to speak them are a list, not a dialogue
    text = "— закрыть дело полностью;\n\n— вернуть изъятые вещи.\n\nАдвокат Руслан Ахметов подал жалобу."
    assert not quotes(extract_ru, text)


def test_a_dialogue_line_with_a_tail_and_the_untailed_answer_to_it(extract_ru):
    text = ("Блогер Руслан Ахметов попросил суд вызвать свидетеля.\n\n"
            "— А кого именно вы хотите вызвать? — спросила судья Гульнара Сейтова.\n\n"
            "— Сотрудника полиции, который меня задержал.")
    found = quotes(extract_ru, text)
    assert ("А кого именно вы хотите вызвать", "Гульнара Сейтова") in found
    assert ("Сотрудника полиции, который меня задержал.", "Руслан Ахметов") in found
    # near miss: a paragraph of narration between them: the dash line answers no one
    text = ("Блогер Руслан Ахметов попросил суд вызвать свидетеля.\n\n"
            "— А кого именно вы хотите вызвать? — спросила судья Гульнара Сейтова.\n\n"
            "В зале стало тихо.\n\n— Сотрудника полиции, который меня задержал.")
    assert not any(q.startswith("Сотрудника") for q, _s in quotes(extract_ru, text))


def test_a_short_answer_after_a_colon_and_a_quote_opening_the_next_paragraph(extract_ru):
    text = ("После приговора Руслан Ахметов заявил, что не согласен с решением суда.\n\n"
            "«Свидетели подтвердили, что я ни в чём не виноват».\n\nСудья спросила об апелляции. "
            "Ахметов ответил: «Конечно, обжалуем».")
    found = quotes(extract_ru, text)
    assert ("Свидетели подтвердили, что я ни в чём не виноват", "Руслан Ахметов") in found
    assert ("Конечно, обжалуем", "Руслан Ахметов") in found
    # near miss: two quoted words with no speech verb before the colon are a label, not a quote
    text = "Руслан Ахметов был в куртке с надписью: «Свободу журналистам»."
    assert not quotes(extract_ru, text)


def test_words_a_lawyer_passed_on_are_the_clients(extract_ru):
    text = "«Я не откажусь от своих слов и буду бороться дальше», — передал слова Руслана Ахметова его адвокат."
    assert ("Я не откажусь от своих слов и буду бороться дальше", "Руслан Ахметов") in quotes(extract_ru, text)


@pytest.mark.parametrize(("text", "opening", "speaker"), [
    # a quotation with a quotation inside is one quote
    ("Её муж Тимур Садыков рассказал о задержании. «Её вызвали «для разговора» и увезли без повестки. "
     "Адвоката к ней не пустили», – рассказал он.", "Её вызвали «для разговора»", "Тимур Садыков"),
    # a quotation over two paragraphs goes to the tail after the last
    ("«Дело заказное от начала до конца. Я не жду справедливости.\n"
     "Кроме того, у меня изъяли два ноутбука и телефон», – поделился с нами Ержан Касымов.", "Дело заказное",
     "Ержан Касымов"),
    # a tail set inside the marks names the speaker
    ("«Мы будем обжаловать, – сказала Динара Омарова после заседания. – Приговор несправедлив».",
     "Мы будем обжаловать", "Динара Омарова"),
])
def test_balanced_marks_and_tails_inside_them(extract_ru, text, opening, speaker):
    assert any(t.startswith(opening) and s == speaker for t, s in quotes(extract_ru, text))


def test_a_mark_opened_and_never_closed_is_no_quotation(extract_ru):
    assert not quotes(extract_ru, "«Дело заказное от начала до конца.\nЕржан Касымов не ждёт справедливости.")


def test_words_quoted_as_someones_after_a_verb_of_calling_are_that_persons(extract_ru):
    text = "Адвокат Тимур Садыков назвал решение суда «незаконным»."
    assert ("незаконным", "Тимур Садыков") in quotes(extract_ru, text)
    # near miss: a quoted name of an article after a verdict is nobody's words
    assert not quotes(extract_ru, "Суд признал Тимура Садыкова виновным по статье «Клевета».")


def test_a_quote_opening_its_paragraph_after_po_ego_slovam_is_that_persons(extract_ru):
    text = ("Ещё один активист, Ерлан Жумабеков, по его словам, был задержан у вокзала.\n\n"
            "«Меня посадили в машину и увезли в отдел без объяснений».")
    assert ("Меня посадили в машину и увезли в отдел без объяснений", "Ерлан Жумабеков") in quotes(extract_ru, text)
    # near miss: the pronoun's gender matches no one named before it
    text = ("Ещё один активист, Ерлан Жумабеков, по её словам, был задержан у вокзала.\n\n"
            "«Меня посадили в машину и увезли в отдел без объяснений».")
    assert ("Меня посадили в машину и увезли в отдел без объяснений", "Ерлан Жумабеков") not in quotes(extract_ru, text)


def test_a_tail_naming_a_client_and_then_the_lawyer_goes_to_the_lawyer(extract_ru):
    text = "«Мы рады, что протест не удовлетворён», — заявил один из адвокатов Асель Нуржановой Тимур Садыков."
    assert ("Мы рады, что протест не удовлетворён", "Тимур Садыков") in quotes(extract_ru, text)
    # near miss: two people named after the verb with no post before the first: the first speaks
    text = "«Мы рады, что протест не удовлетворён», — заявили Асель Нуржанова и Тимур Садыков."
    assert ("Мы рады, что протест не удовлетворён", "Асель Нуржанова") in quotes(extract_ru, text)


def test_a_quote_in_a_bodys_paper_is_the_body_named_before(extract_ru):
    text = ("Прокуратура Тулпарской области обжалует приговор.\n\n«Обвиняемый задержан в мае. Ему предъявлено "
            "обвинение.\n\nСледствие установило его вину», — говорится в заявлении прокуратуры.")
    assert any(s == "Прокуратура Тулпарской области" for _q, s in quotes(extract_ru, text))
    # near miss: a lawyer speaking in court is no court's paper
    text = "Дело рассматривает Тулпарский районный суд. «Мой подзащитный невиновен», — заявил в суде адвокат."
    assert ("Мой подзащитный невиновен", "Тулпарский районный суд") not in quotes(extract_ru, text)


def test_angle_brackets_printed_for_guillemets_quote_too(extract_ru):
    text = "<Этот вопрос требует разъяснения>, - заявил Тимур Садыков журналистам."
    assert ("Этот вопрос требует разъяснения", "Тимур Садыков") in quotes(extract_ru, text)
    # near miss: markup or an address in angle brackets quotes no one
    assert not quotes(extract_ru, "Письмо пришло с адреса <info/press=1>, - сообщил Тимур Садыков.")


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a plural verb with no subject and a court "в ...": the court speaks
    ("Блогер Марат Исаев приговорён к трём годам. «Суд признал Исаева виновным и назначил три года колонии», "
     "— сообщили агентству «Степь Ньюс» в Медеуском районном суде.",
     "Суд признал Исаева виновным и назначил три года колонии", "Медеуский районный суд"),
    # the court's verdict speaks for the court, whose kind word is not its first
    ("Медеуский районный суд приговорил блогера Марата Исаева к трём годам. \"Признать Исаева виновным и "
     "назначить ему три года лишения свободы\", - говорится в приговоре суда.",
     "Признать Исаева виновным и назначить ему три года лишения свободы", "Медеуский районный суд"),
    # a colon ends the paragraph before the quote
    ("Правозащитница Айгуль Сапарова у себя в Фейсбуке описывает атмосферу в зале суда:\n"
     "«Страшный приговор – четыре года колонии. Сначала тишина, потом слёзы и гнев».",
     "Страшный приговор – четыре года колонии. Сначала тишина, потом слёзы и гнев", "Айгуль Сапарова"),
    # a lone dialogue line after "по словам судьи Х"
    ("По словам судьи Ерлана Касымова, который вёл дело, вина подсудимой Дины Омаровой «полностью доказана».\n"
     "— Учитывая, что вы ранее не были судимы, вам назначается более мягкое наказание.\n"
     "Омарова намерена обжаловать приговор.",
     "Учитывая, что вы ранее не были судимы, вам назначается более мягкое наказание.", "Ерлан Касымов"),
    # a letter quoted inside a typewriter quote does not cut it
    ("Судья Динара Омарова огласила приговор. \"Признать Исаева виновным по п. \"д\" ч. 2 ст. 207 УК и "
     "назначить три года\", - говорится в приговоре судьи Динары Омаровой.",
     "Признать Исаева виновным по п. \"д\" ч. 2 ст. 207 УК и назначить три года", "Динара Омарова"),
])
def test_bodies_colons_lone_lines_and_inner_letters(extract_ru, text, quote, speaker):
    assert (quote, speaker) in quotes(extract_ru, text)


def test_a_lone_dialogue_line_after_a_paragraph_that_reports_no_one_has_no_speaker(extract_ru):
    text = ("Суд вынес приговор Дине Омаровой.\n"
            "— Учитывая, что вы ранее не были судимы, вам назначается более мягкое наказание.\n")
    assert not any(s is not None for _q, s in quotes(extract_ru, text))
    # a plural verb with a person named after it: the person, not the court
    text = ("«Суд признал Исаева виновным», — сообщили в Медеуском районном суде адвокаты Ержан Касымов "
            "и Динара Омарова.")
    assert ("Суд признал Исаева виновным", "Медеуский районный суд") not in quotes(extract_ru, text)
