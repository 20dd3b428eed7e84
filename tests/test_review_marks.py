"""Overlapping highlights become properly nested pieces, split where two items cross."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnreport.review.marks import Mark, Piece, pieces

TEXT = "đồng chí Nguyễn Thị Huế đề nghị phường Huyền Tụng rà soát 06 mô hình"


def _render(result: list[Piece]) -> str:
    """Pieces as bracket markup: [a:…] for a mark whose anchor is a, [a+:…] for its continuation."""
    out = []
    for piece in result:
        if piece.op == "text":
            out.append(piece.text)
        elif piece.op == "open":
            assert piece.mark is not None
            out.append(f"[{piece.mark.anchor}{'' if piece.first else '+'}:")
        else:
            out.append("]")
    return "".join(out)


def _mark(anchor: str, start: int, end: int, rank: int = 0) -> Mark:
    return Mark(start, end, "k", anchor, anchor, rank)


# fmt: off
CASES = [
    # marks (anchor, start, end, rank) over "abcdefghij"  →  markup
    ([],                                          "abcdefghij"),
    ([("a", 2, 5, 0)],                            "ab[a:cde]fghij"),
    ([("a", 0, 10, 0), ("b", 2, 4, 0)],           "[a:ab[b:cd]efghij]"),               # nested
    ([("a", 2, 6, 0), ("b", 4, 8, 0)],            "ab[a:cd[b:ef]][b+:gh]ij"),          # crossing
    ([("a", 2, 4, 0), ("b", 4, 6, 0)],            "ab[a:cd][b:ef]ghij"),               # adjacent
    ([("b", 2, 6, 1), ("a", 2, 6, 0)],            "ab[a:[b:cdef]]ghij"),               # same extent: rank
    ([("a", 0, 6, 0), ("b", 2, 6, 0)],            "[a:ab[b:cdef]]ghij"),               # same end
    ([("a", 1, 9, 0), ("b", 3, 5, 0), ("c", 4, 7, 0)],
     "a[a:bc[b:d[c:e]][c+:fg]hi]j"),                                                  # three deep
    ([("a", -3, 3, 0), ("b", 8, 14, 0)],          "[a:abc]defgh[b:ij]"),               # clipped
    ([("a", 4, 4, 0)],                            "abcdefghij"),                       # empty
]
# fmt: on


@pytest.mark.parametrize(("marks", "expected"), CASES)
def test_marks_nest_and_split_where_they_cross(
    marks: list[tuple[str, int, int, int]], expected: str
) -> None:
    result = pieces("abcdefghij", 0, 10, [_mark(*mark) for mark in marks])
    assert _render(result) == expected


def test_a_segment_takes_only_its_own_stretch_of_the_text() -> None:
    unit = _mark("u", TEXT.index("phường"), TEXT.index(" rà"))
    result = pieces(TEXT, TEXT.index("đề"), TEXT.index(" 06"), [unit])
    assert _render(result) == "đề nghị [u:phường Huyền Tụng] rà soát"


_SPANS = st.lists(
    st.tuples(st.integers(-2, 12), st.integers(-2, 12), st.integers(0, 2)), max_size=6
)


@given(_SPANS, st.integers(0, 5), st.integers(5, 10))
def test_pieces_keep_the_text_and_cover_each_mark_exactly(
    spans: list[tuple[int, int, int]], start: int, end: int
) -> None:
    text = "0123456789"
    marks = [_mark(f"m{i}", a, b, rank) for i, (a, b, rank) in enumerate(spans)]
    result = pieces(text, start, end, marks)
    assert "".join(p.text for p in result if p.op == "text") == text[start:end]
    covered: dict[str, set[int]] = {}
    firsts: list[str] = []
    stack: list[Mark] = []
    position = start
    for piece in result:
        if piece.op == "open":
            assert piece.mark is not None
            stack.append(piece.mark)
            if piece.first:
                firsts.append(piece.mark.anchor)
        elif piece.op == "close":
            assert stack, "a close with nothing open"
            stack.pop()
        else:
            for mark in stack:
                covered.setdefault(mark.anchor, set()).update(
                    range(position, position + len(piece.text))
                )
            position += len(piece.text)
    assert not stack
    expected = {
        mark.anchor: set(range(max(mark.start, start), min(mark.end, end)))
        for mark in marks
        if max(mark.start, start) < min(mark.end, end)
    }
    assert covered == expected
    assert sorted(firsts) == sorted(expected)  # one anchored first piece per visible mark
