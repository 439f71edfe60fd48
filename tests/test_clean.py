"""Cleaning rules: what is removed, what must survive, and that cleaning is stable and traceable."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.clean import clean_text
from casefile.clean.offsets import delete_spans

BODY = (
    "The regional court in Dunmore heard the case of the former harbour director on Monday.\n\n"
    "Prosecutors said the contracts had been signed without a tender."
)


def cleaned(text: str) -> str:
    return clean_text(text).text


def test_plain_article_is_unchanged() -> None:
    result = clean_text(BODY)
    assert result.text == BODY
    assert result.removed == []


@pytest.mark.parametrize(
    "noise",
    [
        "Join our [WhatsApp](#) group for daily court news!",
        "Follow us on Facebook and Instagram",
        "Related Articles",
        "Related posts:",
        "Read also: Dunmore council elects a new chair",
        "Read more",
        "Scroll Top",
        "Back to top",
        "Noticed a typo? Mark the words and hit *Ctrl+Enter* so our editors can fix it.",
        "Share this article",
        "Share on Facebook",
        "Share: Facebook Twitter Telegram",
        "Поделиться: ВКонтакте, Telegram",
        "Tweet",
        "Facebook Twitter WhatsApp",
        "We use cookies to give you the best experience on our website.",
        "Accept all cookies",
        "© 2024 Dunmore Daily. All rights reserved.",
        "Advertisement",
        "Comments",
        "12 comments",
        "News",
        "Politics | World",
        "Home > News > Courts",
        "Подписывайтесь на наш канал в Telegram",
        "Читайте также: суд отложил заседание",
    ],
)
def test_boilerplate_line_is_removed(noise: str) -> None:
    assert cleaned(f"{BODY.splitlines()[0]}\n\n{noise}\n\n{BODY.splitlines()[2]}") == BODY


@pytest.mark.parametrize(
    "caption",
    [
        "Cover picture: dunmore-news.example",
        "Photo: WIREFOTO",
        "The former director leaves the court building. Photo: Anna Kell / WIREFOTO",
        "Photo by Jonah Marr",
        "Image credit: Harbour Press Service",
        "(Photo: WIREFOTO)",
        "Фото: пресс-служба суда",
    ],
)
def test_caption_and_credit_lines_are_removed(caption: str) -> None:
    assert cleaned(f"{BODY.splitlines()[0]}\n{caption}\n\n{BODY.splitlines()[2]}") == BODY


def test_repeated_caption_keeps_one() -> None:
    caption = "The harbour at dawn, seen from the old lighthouse"
    text = f"{BODY.splitlines()[0]}\n\n{caption}\n{caption}\n\n{BODY.splitlines()[2]}"
    assert cleaned(text) == f"{BODY.splitlines()[0]}\n\n{caption}\n\n{BODY.splitlines()[2]}"


def test_repeated_credit_is_dropped_entirely() -> None:
    text = f"{BODY.splitlines()[0]}\n\nPhoto: WIREFOTO\nPhoto: WIREFOTO\n\n{BODY.splitlines()[2]}"
    assert cleaned(text) == BODY


def test_duplicated_headline_keeps_one() -> None:
    title = "Harbour Director Goes on Trial"
    assert cleaned(f"{title}\n\n{title}\n\n{BODY}") == f"{title}\n\n{BODY}"
    assert cleaned(f"News\n\n{title}\n\nNews\n{title}\n\n{BODY}") == f"{title}\n\n{BODY}"


def test_footer_in_another_script_is_removed() -> None:
    footer = "Редакция сайта\n\nВсе материалы защищены законом об авторском праве\n\n2024"
    assert cleaned(f"{BODY}\n\n{footer}") == BODY


def test_latin_footer_under_russian_article_is_removed() -> None:
    russian = "Суд в Дунморе продолжил рассмотрение дела бывшего директора порта.\n\nПрокурор попросил отложить заседание."
    assert cleaned(f"{russian}\n\nDunmore Daily Media Group\nContact the editors") == russian


def test_foreign_paragraph_in_the_middle_is_kept() -> None:
    middle = "Суд отложил заседание."
    text = f"{BODY.splitlines()[0]}\n\n{middle}\n\n{BODY.splitlines()[2]}"
    assert cleaned(text) == text


def test_markup_residue() -> None:
    text = (
        "## Background\n\n"
        "The **harbour master** wrote in a [memo](https://example.org/m) and an [appendix](#) that repairs cost \\$730.   \n"
        "The *first* hearing and the __second__ hearing were closed.\n\n\n\n\n"
        "The verdict is due in May."
    )
    assert cleaned(text) == (
        "Background\n\n"
        "The harbour master wrote in a memo and an appendix that repairs cost $730.\n"
        "The first hearing and the second hearing were closed.\n\n"
        "The verdict is due in May."
    )


def test_quotes_and_arithmetic_are_left_alone() -> None:
    text = "“We will appeal,” said the lawyer. «Нет», — ответил он. A 2 * 3 grid and the A* rating stayed."
    assert cleaned(f"{text}\n\n{BODY}") == f"{text}\n\n{BODY}"


@pytest.mark.parametrize(
    "sentence",
    [
        "The police released a photo of the suspect on Tuesday, and it was shared widely.",
        "Photos by the police showed the suspect at the station.",
        "The channel gained thousands of subscribers after the hearing.",
        "Subscribers complained that comments under the video were deleted.",
        "“Follow the money,” the prosecutor told the court.",
        "Copyright law was amended in 2019 after a long debate.",
        "He shared the documents with journalists on the same day.",
    ],
)
def test_sentences_that_mention_noise_words_are_kept(sentence: str) -> None:
    text = f"{BODY.splitlines()[0]}\n\n{sentence}\n\n{BODY.splitlines()[2]}"
    assert cleaned(text) == text


def test_russian_document_is_kept_whole() -> None:
    text = (
        "Суд Дунмора рассмотрит дело бывшего директора порта\n\n"
        "В понедельник районный суд начал слушания по делу о контрактах без тендера.\n\n"
        "Адвокат заявил, что его подзащитный не признаёт вину, и попросил вызвать свидетелей.\n\n"
        "«Мы будем обжаловать любое решение», — сказал он журналистам после заседания."
    )
    result = clean_text(text)
    assert result.text == text
    assert result.removed == []


def test_removed_spans_refer_to_the_original() -> None:
    original = f"News\n\n{BODY.splitlines()[0]}\nPhoto: WIREFOTO\n\n**{BODY.splitlines()[2]}**"
    result = clean_text(original)
    assert result.removed == [(0, 6), (6 + len(BODY.splitlines()[0]) + 1, 6 + len(BODY.splitlines()[0]) + 17),
                              (len(original) - len(BODY.splitlines()[2]) - 4, len(original) - len(BODY.splitlines()[2]) - 2),
                              (len(original) - 2, len(original))]
    assert delete_spans(original, result.removed) == result.text == BODY


def test_headings_are_kept_and_reported() -> None:
    text = f"Harbour Director on Trial\n\n{BODY}\n\nWitnesses Change Their Testimony\n\nThe case continues.\n\n1. Mr. Jonah Marr, Dunmore"
    result = clean_text(text)
    assert result.text == text
    assert [result.text[start:end] for start, end in result.headings] == [
        "Harbour Director on Trial",
        "Witnesses Change Their Testimony",
    ]


def test_single_line_document_has_no_heading() -> None:
    assert clean_text("Harbour Director on Trial").headings == []


def test_sentence_case_and_punctuated_lines_are_not_headings() -> None:
    text = f"The court met again\n\nWho Decides?\n\n{BODY}"
    assert clean_text(text).headings == []


LINES = st.sampled_from(
    [
        "", " ", "News", "Photo: WIREFOTO", "Join our [WhatsApp](#) group!", "Share this",
        "Harbour Director on Trial", "Суд отложил заседание.", "**bold** and *it* and __under__",
        "\\$5 and \\\\$6", "[a](b) [[c](d)](e)", "***x***", "Related Articles", "Tweet  ",
        BODY.splitlines()[0], "Всё хорошо", "© 2024", "a\r", "2024",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=12).map("\n".join))
def test_cleaning_is_idempotent_and_only_deletes(text: str) -> None:
    result = clean_text(text)
    assert clean_text(result.text).text == result.text
    assert delete_spans(text, result.removed) == result.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_cleaning_arbitrary_text_is_idempotent(text: str) -> None:
    result = clean_text(text)
    assert clean_text(result.text).text == result.text
    assert delete_spans(text, result.removed) == result.text
    assert all(0 <= start < end <= len(result.text) for start, end in result.headings)


def test_rows_after_a_colon_line_are_a_list_not_headings():
    from casefile.clean.headings import find_headings

    text = ("Joint Statement On Press Freedom\n\nSigned by:\nSteppe Media Foundation\nNorthern Lights Committee\n\n"
            "Press Freedom Matters Now\nThe statement was sent on Monday.")
    found = [text[s:e] for s, e in find_headings(text)]
    assert found == ["Joint Statement On Press Freedom", "Press Freedom Matters Now"]
