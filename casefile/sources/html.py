"""HTML pages: trafilatura's main text and metadata, with a plain lxml fallback."""
from __future__ import annotations

import logging
import re
from functools import cache
from html.parser import HTMLParser
from types import ModuleType

import lxml.html
from lxml import etree

from casefile.errors import SourceError
from casefile.models import SourceDocument
from casefile.sources.dates import iso_date
from casefile.sources.decoding import decode_text, normalise_newlines

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_INVISIBLE = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form")
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd tr td th br pre blockquote section article header "
    "main figure figcaption table ul ol".split()
)
_DATE_META = (
    "article:published_time", "og:published_time", "datePublished", "date", "pubdate", "dc.date",
)


def read_html(source: str, data: bytes) -> SourceDocument:
    """Extract the main text, title, url and date of an HTML page (raises SourceError)."""
    markup = _XML_DECLARATION.sub("", _decode_html(source, data))
    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(source, f"cannot parse HTML: {exc}") from exc
    title, url, published = _page_metadata(tree)
    text = None
    flat = _flat_text(markup)
    if _words(_tree_text(tree)) < LOST_TEXT_SHARE * _words(flat):
        # libxml2 drops what lies past its nesting limit (and trafilatura parses with it too):
        # the tree has lost text, so the page is read flat
        return SourceDocument(source=source, text=normalise_newlines(flat), format="html",
                              title=title, url=url, published=published)
    trafilatura = _trafilatura()
    if trafilatura is not None:
        text = trafilatura.extract(
            markup, include_comments=False, include_tables=False, favor_precision=True
        )
        meta = trafilatura.extract_metadata(markup)
        title = meta.title or title
        url = meta.url or url
        published = iso_date(meta.date) or published
    if not text or not text.strip():
        text = _visible_text(tree)
    if not text.strip():
        raise SourceError(source, "no readable text in HTML")
    return SourceDocument(
        source=source, text=normalise_newlines(text), format="html",
        title=title, url=url, published=published,
    )


@cache
def _trafilatura() -> ModuleType | None:
    # A broken install (e.g. lxml without lxml_html_clean) should degrade extraction, not stop ingest.
    try:
        import trafilatura
    except ImportError as exc:
        log.warning("trafilatura unavailable (%s); using plain HTML text extraction", exc)
        return None
    return trafilatura


def _decode_html(source: str, data: bytes) -> str:
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        if encoding not in ("utf-8", "utf8"):
            try:
                return normalise_newlines(data.decode(encoding))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common; UTF-8 detection below gives the clear error
    return decode_text(source, data)


def _page_metadata(tree: lxml.html.HtmlElement) -> tuple[str | None, str | None, str | None]:
    title = tree.findtext(".//title")
    title = " ".join(title.split()) if title else None
    url = _first(tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'))
    published = None
    for name in _DATE_META:
        candidates = tree.xpath(
            f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]/@content'
        )
        published = iso_date(_first(candidates))
        if published:
            break
    published = published or iso_date(_first(tree.xpath("//time/@datetime")))
    return title or None, url, published


def _visible_text(tree: lxml.html.HtmlElement) -> str:
    body = tree.find("body")
    root = body if body is not None else tree
    for element in root.xpath(" | ".join(f"//{tag}" for tag in _INVISIBLE)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            # libxml2 parses control characters it then refuses to set back: they go
            element.text = "\n" + _XML_UNSAFE.sub("", element.text or "")
            element.tail = "\n" + _XML_UNSAFE.sub("", element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n\n".join(line for line in lines if line)


# the tree holding less than this share of the page's words means the parser lost some
LOST_TEXT_SHARE = 0.9


def _words(text: str) -> int:
    return len(text.split())


def _tree_text(tree: lxml.html.HtmlElement) -> str:
    return " ".join(tree.xpath("//text()[not(ancestor::script) and not(ancestor::style)]"))


class _FlatText(HTMLParser):
    """The visible text of a page read as a stream of tags, whatever their nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _flat_text(markup: str) -> str:
    reader = _FlatText()
    reader.feed(markup)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).splitlines())
    return "\n\n".join(line for line in lines if line)


def _first(values: list[str]) -> str | None:
    return values[0].strip() or None if values else None
