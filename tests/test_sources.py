"""Reading every supported format, and every kind of bad input, into SourceDocument / SourceError."""
from __future__ import annotations

import codecs
import datetime
import json
import os
from pathlib import Path

import docx
import pytest

from casefile.errors import SourceError
from casefile.models import SourceDocument
from casefile.sources import SUPPORTED_SUFFIXES, count_files, iter_sources, read_source
from casefile.sources.dates import iso_date

ARTICLE = "The harbour council of Westmere approved a new budget on Tuesday."


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """Build a minimal valid PDF whose pages show the given lines in Helvetica."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    for lines in pages:
        page_id, content_id = len(objects) + 1, len(objects) + 2
        kids.append(f"{page_id} 0 R")
        stream = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            "/Resources << /Font << /F1 0 0 R >> >> >>"
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    font_id = len(objects) + 1
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects = [obj.replace("/F1 0 0 R", f"/F1 {font_id} 0 R") for obj in objects]
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    trailer_extra = ""
    if title:
        objects.append(f"<< /Title ({title}) /CreationDate (D:20210304120000Z) >>")
        trailer_extra = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{trailer_extra} >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def only_document(path: Path, **kwargs: int) -> SourceDocument:
    documents = read_source(path, **kwargs)
    assert len(documents) == 1
    return documents[0]


def error_reason(path: Path, **kwargs: int) -> str:
    with pytest.raises(SourceError) as caught:
        read_source(path, **kwargs)
    assert caught.value.path == str(path)
    return caught.value.reason


# --- formats ---------------------------------------------------------------------------------

def test_text_file_is_read_with_newlines_normalised(tmp_path: Path) -> None:
    path = write(tmp_path / "note.txt", f"{ARTICLE}\r\nSecond line.\r\n")
    document = only_document(path)
    assert document == SourceDocument(str(path), f"{ARTICLE}\nSecond line.\n", "text")


@pytest.mark.parametrize(
    "data",
    [("\ufeff" + ARTICLE).encode("utf-8"), ARTICLE.encode("utf-16"), codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")],
    ids=["utf-8 BOM", "utf-16 LE BOM", "utf-16 BE BOM"],
)
def test_text_encodings_with_bom(tmp_path: Path, data: bytes) -> None:
    assert only_document(write(tmp_path / "a.txt", data)).text == ARTICLE


def test_markdown_is_kept_as_is(tmp_path: Path) -> None:
    markdown = "# Budget vote\n\nThe **council** met [today](https://example.org).\n"
    document = only_document(write(tmp_path / "a.md", markdown))
    assert document.format == "markdown"
    assert document.text == markdown


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = f"""<!DOCTYPE html><html><head><title>Westmere budget approved</title>
    <meta property="article:published_time" content="2022-05-17T09:30:00+02:00">
    <link rel="canonical" href="https://news.example.org/westmere-budget"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
    <article><h1>Westmere budget approved</h1><p>{ARTICLE}</p>
    <p>The mayor, Olga Brennick, said the harbour would be dredged before winter.</p>
    <p>Opposition members of the council voted against the plan after a long debate.</p></article>
    <footer>Copyright notice and footer menu links</footer>
    <script>var tracking = "should never appear";</script></body></html>"""
    document = only_document(write(tmp_path / "page.html", page))
    assert document.format == "html"
    assert ARTICLE in document.text and "Olga Brennick" in document.text
    for noise in ("World news menu", "footer menu", "tracking"):
        assert noise not in document.text
    assert document.title == "Westmere budget approved"
    assert document.url == "https://news.example.org/westmere-budget"
    assert document.published == "2022-05-17"


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"><title>Суд</title></head><body><p>Суд отложил заседание по делу.</p></body></html>'
    document = only_document(write(tmp_path / "ru.htm", page.encode("cp1251")))
    assert "Суд отложил заседание" in document.text
    assert document.title == "Суд"


def test_pdf_pages_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "report.pdf", make_pdf([["First page text."], ["Second page text."]], title="Court report"))
    document = only_document(path)
    assert document.text == "First page text.\n\nSecond page text."
    assert (document.format, document.title, document.published) == ("pdf", "Court report", "2021-03-04")


def test_docx_paragraphs_tables_and_properties(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Hearing of 3 March")
    word.add_paragraph("")
    word.add_paragraph(ARTICLE)
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Judge"
    table.cell(0, 1).text = "Anna Petrovna Kell"
    word.add_paragraph("The hearing was adjourned.")
    word.core_properties.title = "Hearing notes"
    word.core_properties.created = datetime.datetime(2023, 1, 9, 8, 0)
    path = tmp_path / "notes.docx"
    word.save(str(path))
    document = only_document(path)
    assert document.text == f"Hearing of 3 March\n\n{ARTICLE}\n\nJudge\n\nAnna Petrovna Kell\n\nThe hearing was adjourned."
    assert (document.format, document.title, document.published) == ("docx", "Hearing notes", "2023-01-09")


def test_json_list_of_records_with_field_aliases(tmp_path: Path) -> None:
    records = [
        {"headline": "One", "body": "First body.", "link": "https://a.example/1", "pubdate": "17 May 2022"},
        {"title": "Two", "text": "Second text.", "published": "2021-02-03T10:00:00Z"},
        {"content": "Third content.", "date": "sometime last year"},
    ]
    path = write(tmp_path / "feed.json", json.dumps({"articles": records}))
    documents = read_source(path)
    assert [d.source for d in documents] == [f"{path}#0", f"{path}#1", f"{path}#2"]
    assert [d.text for d in documents] == ["First body.", "Second text.", "Third content."]
    assert (documents[0].title, documents[0].url, documents[0].published) == ("One", "https://a.example/1", "2022-05-17")
    assert documents[1].published == "2021-02-03"
    assert documents[2].published is None


def test_single_json_object_is_record_zero(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"article": ARTICLE}))
    assert only_document(path).source == f"{path}#0"


def test_jsonl_records(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"text": "Alpha."}\n\n{"text": "Beta."}\n')
    assert [(d.source, d.text) for d in read_source(path)] == [(f"{path}#0", "Alpha."), (f"{path}#1", "Beta.")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2020-07-20", "2020-07-20"), ("D:20190102000000", "2019-01-02"), ("Mon, 06 Sep 2021 10:00:00 GMT", "2021-09-06"),
     ("March 5, 2020", "2020-03-05"), ("2020-13-45", None), ("", None), (None, None)],
)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


# --- bad input -------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"  \n\t\n"], ids=["zero bytes", "whitespace"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    assert error_reason(write(tmp_path / "empty.txt", data)) == "empty file"


@pytest.mark.parametrize(
    "data", [bytes(range(256)) * 4, b"ab\x01\x02\x03\x04\x05cd\x06\x07\x08"], ids=["NUL bytes", "control chars"]
)
def test_binary_junk(tmp_path: Path, data: bytes) -> None:
    assert error_reason(write(tmp_path / "junk.txt", data)) == "looks like binary data, not text"


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", "Café crème".encode("latin-1"))
    assert error_reason(path) == "cannot decode as UTF-8 (byte 0xe9 at offset 3)"


def test_oversize_file(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 100)
    assert error_reason(path, max_bytes=10) == "file is 100 bytes, over the limit of 10 bytes"


def test_corrupt_pdf(tmp_path: Path) -> None:
    reason = error_reason(write(tmp_path / "bad.pdf", b"%PDF-1.4\nthis is not really a pdf at all\n"))
    assert reason.startswith("corrupt or unreadable PDF: ")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = write(tmp_path / "scan.pdf", make_pdf([[]]))
    assert error_reason(path) == "PDF has no text layer (scanned image?)"


@pytest.mark.parametrize("data", [b"plain words, not a zip archive", b"PK\x03\x04broken zip"])
def test_corrupt_docx(tmp_path: Path, data: bytes) -> None:
    assert error_reason(write(tmp_path / "bad.docx", data)).startswith("corrupt or unreadable DOCX: ")


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root ignores file modes
            pytest.skip("running as a user who can read mode-000 files")
        assert error_reason(path) == "cannot read: Permission denied"
    finally:
        path.chmod(0o644)


def test_directory_read_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "looks-like.txt"
    folder.mkdir()
    assert error_reason(folder) == "cannot read: Is a directory"


def test_invalid_json(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.json", '[\n{"text": "ok"},\n{"text": oops}\n]')
    assert error_reason(path) == "invalid JSON at line 3: Expecting value"


def test_json_bad_records_do_not_stop_good_ones(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.json", json.dumps([{"text": "Good one."}, {"title": "No text"}, "a string", {"body": "Good two."}]))
    results = list(iter_sources([path]))
    assert [r.source if isinstance(r, SourceDocument) else r.path for r in results] == [f"{path}#{n}" for n in range(4)]
    assert [type(r) for r in results] == [SourceDocument, SourceError, SourceError, SourceDocument]
    assert results[1].reason.startswith("record has no text")
    with pytest.raises(SourceError):
        read_source(path)


def test_jsonl_bad_line_is_one_record_error(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"text": "Alpha."}\n{broken\n{"text": "Gamma."}\n')
    results = list(iter_sources([path]))
    assert isinstance(results[1], SourceError)
    assert (results[1].path, results[1].reason) == (f"{path}#1", "invalid JSON at line 2: Expecting property name enclosed in double quotes")
    assert [r.text for r in results if isinstance(r, SourceDocument)] == ["Alpha.", "Gamma."]


# --- walking ---------------------------------------------------------------------------------

def test_folder_walk_is_sorted_skips_hidden_and_unsupported_and_continues_past_bad_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Bee text.")
    write(tmp_path / "a.txt", "Ay text.")
    write(tmp_path / "c.txt", b"")
    write(tmp_path / "image.png", b"\x89PNG")
    write(tmp_path / ".hidden.txt", "Hidden text.")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", "Hidden folder.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "d.md", "Dee text.")
    write(tmp_path / "sub" / "e.pdf", b"%PDF-1.4 garbage")
    write(tmp_path / "sub" / "f.txt", "Eff text.")
    results = list(iter_sources([tmp_path]))
    summary = [(Path(r.source if isinstance(r, SourceDocument) else r.path).name, type(r).__name__) for r in results]
    assert summary == [
        ("a.txt", "SourceDocument"), ("b.txt", "SourceDocument"), ("c.txt", "SourceError"),
        ("d.md", "SourceDocument"), ("e.pdf", "SourceError"), ("f.txt", "SourceDocument"),
    ]
    assert results[0].source == str(tmp_path / "a.txt")


def test_explicit_paths_missing_and_unsupported(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    image = write(tmp_path / "image.png", b"\x89PNG")
    missing = tmp_path / "missing.txt"
    results = list(iter_sources([str(missing), image, good]))
    assert isinstance(results[0], SourceError) and results[0].reason == "no such file or directory"
    assert isinstance(results[1], SourceError) and results[1].reason.startswith("unsupported file type '.png'")
    assert isinstance(results[2], SourceDocument) and results[2].source == str(good)


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".json", ".jsonl"}


# --- counting ----------------------------------------------------------------------------------

def test_count_files_walks_folders_like_iter_sources_without_reading(tmp_path: Path) -> None:
    for name in ("a.txt", "sub/deeper/b.md", "sub/C.JSON", "sub/empty.txt", ".drafts/d.txt", ".e.txt", "f.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path / name, b"" if "empty" in name else "Some text.")
    # hidden files and folders and unsupported types are skipped; an empty file still counts
    assert count_files([tmp_path]) == 4
    assert count_files([tmp_path / "sub"]) == 3


def test_count_files_of_explicit_and_missing_paths(tmp_path: Path) -> None:
    records = write(tmp_path / "feed.jsonl", '{"text": "One."}\n{"text": "Two."}\n')
    image = write(tmp_path / "image.png", b"\x89PNG")
    # a file of many records is one file; a named unsupported file is one (iter_sources reports it)
    assert count_files([records, str(image), tmp_path / "missing.txt", tmp_path / "missing-folder"]) == 2
    assert count_files([]) == 0


def test_html_with_control_characters_in_its_text_is_read():
    from casefile.sources.html import read_html

    page = (b"tml><\x01tml><head><title>Fine in Kenstep</title></head><body><article><h1>\x01ine in Kenstep</h1>"
            b"<p>The court fined the reporter.</p></article></body></html>")
    document = read_html("control.html", page)
    assert "The court fined the reporter." in document.text
