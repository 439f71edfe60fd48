"""Hand-written word lists used by name recognition and matching.

Each list lives in a ``*.txt`` file next to this module (one lowercase entry
per line, ``#`` starts a comment) and is loaded once, on first use.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = [
    "load",
    "given_names",
    "surname_suffixes",
    "patronymic_suffixes",
    "org_words",
    "role_words",
    "honorifics",
    "legal_form_words",
    "demonyms",
]


@cache
def load(name: str) -> frozenset[str]:
    """Return the entries of lexicon file ``name`` (without ``.txt``) as a frozenset."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            # Hyphens are written in some lists for readability; store bare.
            entries.add(line.lstrip("-"))
    return frozenset(entries)


def given_names() -> frozenset[str]:
    """Common given names (all origins), lowercase Latin."""
    return load("given_names")


def surname_suffixes() -> frozenset[str]:
    """Typical surname endings (Slavic, Turkic, Caucasian), no hyphen."""
    return load("surname_suffixes")


def patronymic_suffixes() -> frozenset[str]:
    """Patronymic endings (-ovich, -ovna, -uly, -kyzy ...), no hyphen."""
    return load("patronymic_suffixes")


def org_words() -> frozenset[str]:
    """Head words that mark a capitalised phrase as an organisation."""
    return load("org_words")


def role_words() -> frozenset[str]:
    """Role / title words that are never a personal name on their own."""
    return load("role_words")


def honorifics() -> frozenset[str]:
    """Courtesy titles (mr, dr, prof ...), without trailing dots."""
    return load("honorifics")


def legal_form_words() -> frozenset[str]:
    """Legal-form descriptors (single words and multi-word phrases)."""
    return load("legal_form_words")


def demonyms() -> frozenset[str]:
    """Nationality adjectives / demonyms that are not locations."""
    return load("demonyms")


def name_particles() -> frozenset[str]:
    """Particles joined to a surname (van, von, de, al ...)."""
    return load("name_particles")


def patronym_links() -> frozenset[str]:
    """Words linking a given name to a father's name (ibn, bin, bint, ben)."""
    return load("patronym_links")


def separate_patronymics() -> frozenset[str]:
    """Turkic patronymic words written apart after the father's name (kyzy, uly, uulu, ogly ...)."""
    return load("separate_patronymics")
