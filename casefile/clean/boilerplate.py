"""Site furniture that scrapers leave between paragraphs: calls to action, share prompts, labels.

Patterns match a whole line and are general (English and Russian), not copied from one site.
Lines longer than MAX_WORDS are never boilerplate, so sentences that merely mention
subscribers, comments or cookies survive.
"""
from __future__ import annotations

import re

MAX_WORDS = 25

# online platforms by name (lower case); extraction uses the list too, to type them as organisations
SOCIAL_NETWORKS = frozenset({
    "facebook", "twitter", "telegram", "whatsapp", "viber", "vk", "vkontakte", "odnoklassniki", "linkedin", "reddit",
    "pinterest", "instagram", "youtube", "tiktok", "signal", "threads", "вконтакте", "одноклассники",
})
# what a share bar lists: the networks and a few other buttons
_SOCIAL = "|".join(sorted(SOCIAL_NETWORKS | {"x", "ok", "email", "e-mail", "print", "copy link"}, key=len, reverse=True))

_LINE_PATTERNS = [
    # Calls to action: subscribe / follow / join.
    r"(please |and )?(subscribe|sign up)\b.*|(follow|join|like|find|read) us\b.*",
    r"(follow|join|read) (our|the) [\w -]{0,30}(channels?|pages?|accounts?|groups?|newsletters?|feeds?)\b.*",
    r"(подпис(ывайтесь|аться|ка|ывайся|итесь)|присоединяйтесь|следите за нами|читайте нас)\b.*",
    # Pointers to other articles.
    r"(related|similar|recommended|more|popular|latest|top|other) (posts?|articles?|news|stories|"
    r"materials?|reading)( from [\w .]+)?:?",
    r"(you (may|might) also like|don'?t miss|more on this( topic)?|see also|also read|read (also|more|next))"
    r"\b.*",
    r"(читайте|смотрите) (также|еще|ещё|тоже)\b.*|(похожие|другие|популярные) (новости|статьи|материалы)"
    r"|читать (далее|полностью)|подробнее( (здесь|тут|по ссылке|на сайте .*|читайте .*))?",
    # Navigation.
    r"(scroll|back|go|return) to top|scroll ?top|top|наверх|вернуться наверх",
    r"(home|главная)( *[>»/|›] *[^>»/|›]{1,40})+",
    # Share prompts.
    rf"(share|tweet|pin|поделиться)( (this|it|the)( article| story| post| page| news)?)?"
    rf"( (on|via|в|на) ({_SOCIAL}))?[:!.]?",
    rf"(({_SOCIAL})[ ,|•·]*)+",
    rf"(share|поделиться)( (this|it|the)( article| story| post| page| news)?)? ?[:\-–]? ?(({_SOCIAL})[ ,|•·]*)+",
    # Legal notices.
    r".*\b(all rights reserved|все права защищены)\b.*",
    r"©.*|(\(c\)|copyright ©?) ?\d{4}\b.*",
    r".*\b(we|this (web)?site|our (web)?site|сайт|мы)\b.{0,40}\b(uses?|используе[мт]|применяе[мт])"
    r" (файлы )?cookies?\b.*",
    r"(accept|allow|reject|manage|decline)( all)? cookies|cookies? (policy|settings|preferences|consent)",
    r".*\b(by (continuing|using)|продолжая)\b.{0,60}\bcookies?\b.*",
    # Advertising.
    r"(advertisement|advertising|sponsored( content)?|ad|реклама|партн[её]рский материал|на правах рекламы)",
    # Comment widgets.
    r"(\d+ )?(comments?|комментари[йеия]в?)( \(\d+\))?:?|(leave|add|post|write|show) (a |your )?comments?"
    r"|no comments yet|(оставить|добавить|написать) комментарий|(tags|теги|метки): .*",
]

# Typo-report widgets put Ctrl+Enter in a sentence of any shape.
_ANYWHERE = re.compile(r"ctrl\s*\+\s*enter", re.IGNORECASE)

_SECTION_LABELS = frozenset(
    """news latest breaking politics society economy business world sport sports culture opinion
    analysis lifestyle technology science health region regions local home top stories video photo
    photos interview blogs blog featured editorial главная новости политика общество экономика мир
    спорт культура мнения мнение аналитика происшествия регионы бизнес технологии наука здоровье
    видео фото интервью блоги""".split()
)

_BOILERPLATE = re.compile("|".join(f"(?:{pattern})" for pattern in _LINE_PATTERNS), re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """True for a line that is site furniture rather than part of the article."""
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > MAX_WORDS:
        return bool(words) and bool(_ANYWHERE.search(stripped)) and len(words) <= 2 * MAX_WORDS
    if _ANYWHERE.search(stripped) or _BOILERPLATE.fullmatch(stripped.rstrip("!.:")):
        return True
    return is_section_label(stripped)


def is_section_label(line: str) -> bool:
    """True for a lone site-section label such as "News" or "Politics | World"."""
    words = re.split(r"[\s|/•·,]+", line.strip().lower().rstrip(":"))
    return 0 < len(words) <= 3 and all(word in _SECTION_LABELS or word in ("and", "&", "и") for word in words)
