"""FollowTheMoney entities for documents and casefile entities, and the helpers every FtM
entity of the export shares (ids, provenance).

Every entity is built with the followthemoney library's model and proxies, so each value goes
through FtM's own cleaners (dates, countries, languages, URLs). Documents become ``Article``s;
persons, organisations (courts, ministries and agencies as ``PublicBody``), places (``Address``)
and named events their FtM schemata; facts become FtM's relations or ``Event``s (see
:mod:`casefile.export.ftm_facts`). Each entity and relation carries ``proof`` (the Articles it
comes from) and their ``sourceUrl``; ids are casefile's own, prefixed, so they are stable across
runs. Legal provisions have no FtM schema: their names go into the facts that cite them.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from followthemoney import model
from followthemoney.proxy import EntityProxy

from casefile.nlp import lexicons
from casefile.nlp.state_bodies import body_key, split_country
from casefile.nlp.territories import capital_country, territory_code
from casefile.store.export_queries import DocumentRow, EntityRow

# casefile's entity types and the FtM schema each becomes; law has none (its name stays in facts)
ENTITY_SCHEMATA = {"person": "Person", "organization": "Organization", "location": "Address", "event": "Event"}


class Cited(Protocol):
    """Anything that names its document and that document's URL."""

    @property
    def document(self) -> str: ...

    @property
    def url(self) -> str | None: ...


def ftm_id(kind: str, casefile_id: str) -> str:
    """A stable FtM id from a casefile id: ``casefile-<kind>-<id>``."""
    return f"casefile-{kind}-{casefile_id}"


def article_id(document_id: str) -> str:
    """The FtM id of a document's Article."""
    return ftm_id("doc", document_id)


def entity_id(casefile_entity_id: str) -> str:
    """The FtM id of a casefile entity."""
    return ftm_id("ent", casefile_entity_id)


def make_proxy(schema: str, proxy_id: str) -> EntityProxy:
    """An empty FtM entity of ``schema`` with ``proxy_id``."""
    proxy = model.make_entity(schema)
    proxy.id = proxy_id
    return proxy


def cite(proxy: EntityProxy, sources: Iterable[Cited]) -> EntityProxy:
    """Point ``proxy`` at the Articles (and their URLs) it comes from."""
    for source in sources:
        proxy.add("proof", article_id(source.document))
        if source.url:
            proxy.add("sourceUrl", source.url)
    return proxy


@lru_cache(maxsize=4096)
def place_country(name: str) -> str | None:
    """The country code of a place that is a country or a national capital, else None."""
    return territory_code(name) or capital_country(name)


@lru_cache(maxsize=4096)
def is_public_body(name: str) -> bool:
    """A court, ministry, agency or other body of the state: by a word of its name, or a
    national body's name or acronym."""
    words = {w.strip(".,;:()\"'«»").removesuffix("'s").removesuffix("’s") for w in name.lower().split()}
    return bool(words & lexicons.load("public_body_words")) or body_key(name) is not None


def article(doc: DocumentRow) -> EntityProxy:
    """A document as an FtM Article: title, file name, date, language, URL and text."""
    proxy = make_proxy("Article", article_id(doc.id))
    proxy.add("fileName", os.path.basename(doc.source) or doc.source)
    proxy.add("title", doc.title)
    proxy.add("publishedAt", doc.published)
    proxy.add("language", doc.language)
    proxy.add("sourceUrl", doc.url)
    proxy.add("bodyText", doc.text)
    return proxy


def entity(row: EntityRow) -> EntityProxy | None:
    """A casefile entity as an FtM Person, Organization, PublicBody, Address or Event (None for a law)."""
    schema = ENTITY_SCHEMATA.get(row.type)
    if schema is None:
        return None
    if schema == "Organization" and is_public_body(row.name):
        schema = "PublicBody"
    proxy = make_proxy(schema, entity_id(row.id))
    proxy.add("name", row.name)
    if schema == "Address":
        proxy.add("full", row.name)
        proxy.add("country", place_country(row.name))
    elif schema != "Event":
        proxy.add("alias", row.aliases)
    if schema in ("Organization", "PublicBody"):
        proxy.add("country", split_country(row.name)[1])
    proxy.add("description", row.first_sentence)
    return cite(proxy, row.sources)
