"""Russian quotations and their speakers (casefile.extract.russian_quotes): typewriter quotes and
a post named instead of the speaker. Every name here is invented for these tests.
"""
from __future__ import annotations


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
