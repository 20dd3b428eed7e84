"""Highlights over a text that may overlap, cut into properly nested open/close/text pieces.

An official's mention sits inside a recommendation, a unit inside a caption's figure; two items
may even cross ("… tổ Giao Lâm, phường …" where one ends inside the other). HTML elements nest,
so a mark that crosses another is split: it closes where the inner one must close and opens
again right after, as a continuation of the same item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted stretch `[start, end)` of the text, for one extracted item."""

    start: int
    end: int
    kind: str
    record: str  # the id of the item's record, shared by all its marks
    anchor: str  # the element id of this mark (its first piece carries it)
    rank: int = 0  # order among marks with the same extent: lower is outer


@dataclass(frozen=True, slots=True)
class Piece:
    """An instruction for the template: open a mark, close the last one, or write text."""

    op: Literal["open", "close", "text"]
    text: str = ""
    mark: Mark | None = None
    first: bool = False  # the first piece of its mark: it carries the anchor


def pieces(text: str, start: int, end: int, marks: Iterable[Mark]) -> list[Piece]:
    """`text[start:end]` with `marks` (clipped to it) as nested open/close/text pieces."""
    within = {
        Mark(max(m.start, start), min(m.end, end), m.kind, m.record, m.anchor, m.rank)
        for m in marks
    }
    clipped = sorted(
        (m for m in within if m.start < m.end), key=lambda m: (m.start, -m.end, m.rank, m.anchor)
    )
    starting: dict[int, list[Mark]] = {}
    for mark in clipped:
        starting.setdefault(mark.start, []).append(mark)
    boundaries = sorted({start, end} | {m.start for m in clipped} | {m.end for m in clipped})
    out: list[Piece] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    for position, following in zip(boundaries, [*boundaries[1:], None], strict=True):
        reopen = _close_ending(stack, position, out)
        for mark in _outer_first([*reopen, *starting.get(position, [])]):
            out.append(Piece("open", mark=mark, first=mark not in opened))
            opened.add(mark)
            stack.append(mark)
        if following is not None and following > position:
            out.append(Piece("text", text=text[position:following]))
    out.extend(Piece("close") for _ in stack)
    return out


def _close_ending(stack: list[Mark], position: int, out: list[Piece]) -> list[Mark]:
    """Close the marks ending at `position` and every mark opened inside them; the inner ones
    that go on past `position` are returned, to open again."""
    ending = [index for index, mark in enumerate(stack) if mark.end == position]
    if not ending:
        return []
    above = stack[ending[0] :]
    del stack[ending[0] :]
    out.extend(Piece("close") for _ in above)
    return [mark for mark in above if mark.end > position]


def _outer_first(marks: Sequence[Mark]) -> list[Mark]:
    return sorted(marks, key=lambda m: (-m.end, m.rank, m.anchor))
