"""casefile.web.text: cutting text into highlighted pieces."""
from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, strategies as st

from casefile.store.search import HIT_CLOSE, HIT_OPEN
from casefile.web.text import parse_range, pieces, snippet_pieces


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def test_spans_and_focus_cut_the_text():
    text = "Police detained Ana Lee in Velmora."
    cut = pieces(text, [Span(16, 23), Span(27, 34)], focus=(0, 23))
    assert "".join(p.text for p in cut) == text
    assert [(p.text, p.span is not None, p.focus) for p in cut] == [
        ("Police detained ", False, True), ("Ana Lee", True, True), (" in ", False, False),
        ("Velmora", True, False), (".", False, False)]
    assert [p.first_focus for p in cut].count(True) == 1 and cut[0].first_focus


def test_overlapping_and_out_of_range_spans_are_dropped():
    text = "Ana Lee Smith"
    cut = pieces(text, [Span(0, 7), Span(4, 13), Span(5, 99)], focus=(3, 99))
    assert [(p.text, p.span) for p in cut] == [("Ana Lee", Span(0, 7)), (" Smith", None)]
    assert not any(p.focus for p in cut)


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(-5, 45), st.integers(-5, 45)), max_size=6))
def test_pieces_always_rebuild_the_text(text, ranges):
    cut = pieces(text, [Span(a, b) for a, b in ranges])
    assert "".join(p.text for p in cut) == text


def test_snippet_hits():
    cut = snippet_pieces(f"the {HIT_OPEN}editor{HIT_CLOSE} was {HIT_OPEN}held{HIT_CLOSE}")
    assert [(p.text, bool(p.span)) for p in cut] == [("the ", False), ("editor", True), (" was ", False), ("held", True)]


def test_parse_range():
    assert parse_range("12-40") == (12, 40)
    assert parse_range(None) is None and parse_range("-4") is None and parse_range("a-b") is None
