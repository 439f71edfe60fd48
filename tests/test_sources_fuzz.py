"""Property test of the readers: random bytes, and truncated or mutated valid files of every format,
never raise anything but casefile's own SourceError. ``bench/fuzz_readers.py`` runs the same
property over many more cases; the suite runs a small sample.

The seed documents are invented for this test.
"""
from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.errors import SourceError
from casefile.sources import _READERS, _PACKED

TEXT = "The court in Kenstep fined the reporter Ilyas Dosbolov.\n\nHe said he would appeal the fine.\n"
HTML = ("<!doctype html><html><head><title>Fine in Kenstep</title><meta charset='utf-8'></head><body>"
        "<article><h1>Fine in Kenstep</h1><p>The court in Kenstep fined the reporter Ilyas Dosbolov.</p>"
        "<p>He said he would appeal the fine.</p></article><script>var x = 1;</script></body></html>")
JSON = json.dumps([{"title": "Fine in Kenstep", "published": "2024-03-02", "text": TEXT},
                   {"headline": "Appeal", "body": "Dosbolov appealed on Monday."}])
JSONL = "\n".join(json.dumps({"text": f"Record {i}: the court in Kenstep sat again."}) for i in range(3))


def _pdf() -> bytes:
    """A one-page PDF with a text layer, written object by object."""
    stream = b"BT /F1 12 Tf 72 720 Td (The court in Kenstep fined the reporter Ilyas Dosbolov.) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = "Fine in Kenstep"
    document.add_paragraph("The court in Kenstep fined the reporter Ilyas Dosbolov.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Dosbolov"
    table.rows[0].cells[1].text = "appeal"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SEEDS: dict[str, bytes] = {
    ".txt": TEXT.encode(), ".md": ("# Fine\n\n" + TEXT).encode(), ".html": HTML.encode(),
    ".json": JSON.encode(), ".jsonl": JSONL.encode(), ".pdf": _pdf(), ".docx": _docx(),
}
LIMIT = 4 * 1024 * 1024


def read(suffix: str, data: bytes) -> None:
    """Read ``data`` as a file of this type; only SourceError may come out."""
    reader = _READERS[suffix]
    try:
        reader("fuzz" + suffix, data, limit=LIMIT) if suffix in _PACKED else reader("fuzz" + suffix, data)  # type: ignore[call-arg]
    except SourceError:
        pass


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A seed file of some format, truncated, with bytes flipped, inserted or deleted."""
    suffix = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[suffix])
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "duplicate"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at:at + draw(st.integers(1, 256))]
    return suffix, bytes(data)


@st.composite
def mutated_docx_part(draw: st.DrawFn) -> tuple[str, bytes]:
    """A DOCX whose zip is intact but one part's XML is damaged (a damaged zip fails early)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(SEEDS[".docx"]))
    names = source.namelist()
    target = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in names:
            data = bytearray(source.read(name))
            if name == target and data:
                for _ in range(draw(st.integers(1, 4))):
                    at = draw(st.integers(0, len(data) - 1))
                    data[at:at + draw(st.integers(0, 32))] = draw(st.binary(max_size=8))
            package.writestr(name, bytes(data))
    return ".docx", out.getvalue()


random_files = st.tuples(st.sampled_from(sorted(SEEDS)), st.binary(max_size=2048))
cases = st.one_of(mutated(), mutated_docx_part(), random_files)


def test_the_seeds_are_readable():
    """The unmutated seeds are good files (so a mutation starts from a real document)."""
    for suffix, data in SEEDS.items():
        reader = _READERS[suffix]
        result = reader("seed" + suffix, data, limit=LIMIT) if suffix in _PACKED else reader("seed" + suffix, data)  # type: ignore[call-arg]
        documents = result if isinstance(result, list) else [result]
        assert any("Kenstep" in getattr(d, "text", "") for d in documents), suffix


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases)
def test_readers_raise_only_source_errors(case):
    read(*case)
