"""Photo captions and credits: "Photo: AGENCY", "Cover picture: news.example", "Photo by ...", "(Photo: ...)".

A credit names its source in a few words; a sentence that mentions a photo goes on in lower case
or ends like a sentence, and is kept.
"""
from __future__ import annotations

import re

_MEDIA = r"(?:photos?|photographs?|images?|pictures?|illustrations?|videos?|фото(?:графия)?|изображение|иллюстрация|видео|кадр)"
MAX_CREDIT_WORDS = 6
MAX_CAPTION_WORDS = 40

# "<anything> Photo: SOURCE" / "Photo credit: SOURCE" / "На фото: ..." (the label may close a caption)
_LABELLED = re.compile(rf"(?:^|.*?[\s.,;|–—-])(?:на )?{_MEDIA}(?: credits?| source| courtesy)?\s*[:©]\s*(?P<credit>.+)", re.IGNORECASE)
# "Photo by SOURCE" / "Image credit SOURCE" / "Photo courtesy of SOURCE"
_BY = re.compile(rf"{_MEDIA}\s+(?:by|credits?|courtesy(?: of)?|from|автора?)\s*:?\s+(?P<credit>.+)", re.IGNORECASE)
# "(Photo: SOURCE)" alone or closing a caption
_PARENTHESISED = re.compile(rf".*\(\s*{_MEDIA}\s*(?::|©|by\b|credits?\b)[^()]*\)", re.IGNORECASE)
_DOMAIN_OR_HANDLE = re.compile(r"@\w+|[\w-]+(\.[\w-]+)+(/\S*)?", re.IGNORECASE)


def is_caption_credit(line: str) -> bool:
    """True for a photo caption carrying a credit, or a bare credit line."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > MAX_CAPTION_WORDS:
        return False
    if _PARENTHESISED.fullmatch(stripped):
        return True
    match = _BY.fullmatch(stripped) or _LABELLED.fullmatch(stripped)
    return bool(match) and _looks_like_credit(match.group("credit"))


def _looks_like_credit(credit: str) -> bool:
    credit = credit.strip()
    words = credit.split()
    if not words or len(words) > MAX_CREDIT_WORDS or credit[-1] in "!?":
        return False
    if _DOMAIN_OR_HANDLE.fullmatch(credit):
        return True
    # A full stop after a lower-case word ends a sentence; agency names rarely take one.
    if credit.endswith(".") and not re.search(r"\b[A-Z]\.$|\.[a-z]{2,}\.$", credit):
        return False
    first = credit[0]
    # Latin credits are proper names (capitalised); Russian credits are often "пресс-служба ...".
    return not ("a" <= first <= "z")
