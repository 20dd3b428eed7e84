"""Page structure of plain text: title, lead, captions, body, byline and web debris, with sentences.

Pure functions over the text; `vnreport.pipeline.segments` puts their result on the Doc. Every
extractor reads only the content segments (title, lead, caption, body), so nothing is ever taken
from comment forms, share links or "Tin cùng chuyên mục" headlines.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from vnreport.records import Segment, SegmentKind, Span
from vnreport.resources import load_json
from vnreport.text.byline import is_signature, parse_byline, without_affiliation
from vnreport.text.page_lines import (
    dateline,
    is_all_capitals,
    is_date_widget,
    is_debris,
    is_head_chrome,
    menu_items,
    starts_tail,
)
from vnreport.text.script import UPPER, alternation

CONTENT_KINDS: frozenset[str] = frozenset({"title", "lead", "caption", "body"})

_PARAGRAPH = re.compile(r"[^\n]+")
# A run of end marks is tried once, from its first mark: a long run not followed by a sentence
# start must not be rescanned from each of its marks.
_SENTENCE_END = re.compile(
    rf"(?<![.!?…])[.!?…]++[\"')\]]*+(?=\s+[\"'(\[]?(?:{UPPER}|[0-9-]))|[:;](?=\s*$)"
)
_END_MARKS = ".!?…"
_CLOSING = "\"')]"
_BULLET = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-z][.)])\s")
_ENUMERATOR = re.compile(r"\(?(?:\d{1,2}|[a-zđ])[.)]")
_TERMINAL = re.compile(r"[.!?…:;\"]\s*$")
_ENUMERATOR_CHARS = 16  # an enumerator ("1.", "(a)") with the spaces before it, at most


@dataclass(frozen=True)
class _Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Page:
    """The parts of a page, and the publication date its dateline gives."""

    segments: list[Segment]
    published: dt.date | None = None
    dateline: Span | None = None  # the line it was read from


@cache
def _marks() -> re.Pattern[str]:
    """Caption marks ("Ảnh: …") from the boilerplate data."""
    data = load_json("boilerplate")
    return re.compile(rf"(?:^|[(\s–-])(?:{alternation(data['caption_marks'])})\s*:", re.I)


@cache
def _no_break_words() -> frozenset[str]:
    return frozenset(load_json("sentences")["no_break_after"])


def _paragraphs(text: str) -> list[_Paragraph]:
    found: list[_Paragraph] = []
    for match in _PARAGRAPH.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        found.append(_Paragraph(start, start + len(stripped), stripped))
    return found


def _debris(paragraphs: list[_Paragraph]) -> tuple[list[bool], int]:
    """Which paragraphs are web debris, and where the page furniture after the article starts."""
    tail_from = next(
        (i for i, p in enumerate(paragraphs) if i >= 2 and starts_tail(p.text)),
        len(paragraphs),
    )
    flags = [
        index >= tail_from or is_debris(paragraph.text)
        for index, paragraph in enumerate(paragraphs)
    ]
    return flags, tail_from


@lru_cache(maxsize=4)
def _paragraphs_and_debris(text: str) -> tuple[tuple[_Paragraph, ...], tuple[bool, ...], int]:
    # The tokenizer asks for the debris and the segments component for the page of the same
    # text (the same str object, whose hash Python keeps): read the paragraphs once.
    paragraphs = _paragraphs(text)
    flags, tail_from = _debris(paragraphs)
    return tuple(paragraphs), tuple(flags), tail_from


def debris_starts(text: str) -> frozenset[int]:
    """Offsets where debris paragraphs begin; the tokenizer need not segment their words."""
    paragraphs, flags, _ = _paragraphs_and_debris(text)
    return frozenset(p.start for p, flag in zip(paragraphs, flags, strict=True) if flag)


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of `text[start:end]`, split after end punctuation that is not an abbreviation."""
    no_break = _no_break_words()
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] in _END_MARKS and _last_word(text, cursor, match) in no_break:
            continue
        if match.end() - cursor <= _ENUMERATOR_CHARS and _ENUMERATOR.fullmatch(
            text[cursor : match.end()].strip()
        ):
            continue  # "1. Xử lý …": a list line's number, not a sentence
        sentence_end = match.end()
        if sentence_end > cursor:
            yield from _trimmed(text, cursor, sentence_end)
        cursor = sentence_end
    if cursor < end:
        yield from _trimmed(text, cursor, end)


def _last_word(text: str, cursor: int, match: re.Match[str]) -> str:
    """The word an end mark follows ("TP" of "TP. "), read back only to the space before it."""
    word_start = match.start()
    while word_start > cursor and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start : match.end()].rstrip(_CLOSING).rstrip(_END_MARKS)
    return word.split("(")[-1]


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def byline_author(line: str) -> str | None:
    """The author a byline names: "Hoàng Thạc" as is, "Theo Báo Lạng Sơn" → "Báo Lạng Sơn"."""
    byline = parse_byline(line)
    return byline.author if byline else None


def _is_byline(paragraph: _Paragraph, max_words: int) -> bool:
    text = paragraph.text
    # "Sơn Hải (Văn phòng HĐND và UBND thị xã)": the affiliation is not counted
    names = without_affiliation(text)
    if len(names.split()) > max_words or len(names) > 80 or len(text) > 160:
        return False
    return parse_byline(text) is not None


def _is_caption(paragraph: _Paragraph, max_chars: int) -> bool:
    text = paragraph.text
    if _marks().search(text):
        return True
    if _BULLET.match(text) or len(text) > max_chars:
        return False
    return not _TERMINAL.search(text) and len(text.split()) >= 4


def _title_index(
    paragraphs: list[_Paragraph], candidates: list[int], datelines: list[int], max_chars: int
) -> int | None:
    """The headline among the paragraphs before the article's prose.

    A page's chrome (site name, ticker, kicker) stands before the headline; a dateline stands
    right after it (or, on some portals, right before it). Without a dateline the headline is
    the first line that is not chrome, skipping a line in capitals (a site name) that another
    short line follows.
    """
    # a section label repeating an item of the page's menu is chrome too ("Giám sát - Khảo sát")
    items = frozenset().union(
        *(menu_items(p.text) for p in paragraphs[: max(candidates, default=0)])
    )
    head = [
        i
        for i in candidates
        if not is_head_chrome(paragraphs[i].text)
        and paragraphs[i].text.strip().casefold() not in items
    ]
    prose = next((i for i in head if len(paragraphs[i].text) > max_chars), None)
    if prose is not None:
        head = [i for i in head if i < prose] or head[:1]
    if not head:
        return None
    top_datelines = [d for d in datelines if prose is None or d < prose]
    if top_datelines:
        anchor = top_datelines[0]
        before = [i for i in head if i < anchor]
        after = [i for i in head if i > anchor]
        # the nearest line before the dateline, unless chrome lies between them
        if before and not any(
            is_head_chrome(paragraphs[j].text) for j in range(before[-1] + 1, anchor)
        ):
            return before[-1]
        if after:
            return after[0]
        return before[-1] if before else None
    first = head[0]
    if is_all_capitals(paragraphs[first].text) and len(head) > 1:
        following = head[1]
        if len(paragraphs[following].text) <= max_chars:
            return following
    return first


def read_page(text: str, *, max_title_chars: int, max_byline_words: int) -> Page:
    """Split a page into segments of kind title, lead, caption, body, byline, boilerplate, and
    read the publication date off its dateline ("09:05, 21/05/2021", "Ngày đăng: …")."""
    found, debris, tail_from = _paragraphs_and_debris(text)
    paragraphs = list(found)
    kinds: list[SegmentKind] = ["boilerplate" if flag else "body" for flag in debris]
    dated = [(i, dateline(p.text)) for i, p in enumerate(paragraphs[:tail_from])]
    datelines = [
        i for i, date in dated if date is not None and not is_date_widget(paragraphs[i].text)
    ]

    content = [i for i in range(tail_from) if kinds[i] != "boilerplate"]
    title = (
        _title_index(paragraphs, content, datelines, max_title_chars) if len(content) >= 2 else None
    )
    if title is not None and len(paragraphs[title].text) <= max_title_chars:
        for index in content:
            if index < title:
                kinds[index] = "boilerplate"
        kinds[title] = "title"
        content = [i for i in content if i > title]
        content = _without_head_chrome(paragraphs, content, kinds, paragraphs[title].text)
    content = _without_cut_fragments(paragraphs, content, kinds)
    if (
        len(content) >= 3
        and is_signature(paragraphs[content[-1]].text)
        and _is_byline(paragraphs[content[-2]], max_byline_words)
    ):
        kinds[content[-1]] = "boilerplate"  # "Nguyễn Văn Khải" / "Chủ tịch HĐND xã Đạo Tú"
        content = content[:-1]
    if len(content) >= 2 and _is_byline(paragraphs[content[-1]], max_byline_words):
        kinds[content[-1]] = "byline"
        content = content[:-1]
    lead_found = False
    for index in content:
        if _is_caption(paragraphs[index], max_title_chars):
            kinds[index] = "caption"
        elif not lead_found:
            kinds[index] = "lead"
            lead_found = True

    segments = [
        _segment(text, kind, paragraph) for kind, paragraph in zip(kinds, paragraphs, strict=True)
    ]
    if not datelines:
        datelines = [
            i
            for i, date in dated
            if date is not None and kinds[i] == "boilerplate" and (title is None or i > title)
        ]
    if not datelines:
        return Page(segments)
    line = paragraphs[datelines[0]]
    return Page(
        segments,
        published=dated[datelines[0]][1],
        dateline=Span(start=line.start, end=line.end, text=line.text),
    )


def _without_head_chrome(
    paragraphs: list[_Paragraph], content: list[int], kinds: list[SegmentKind], title: str
) -> list[int]:
    """Content after the title, without the kicker or repeated headline before the lead."""
    kept: list[int] = []
    for position, index in enumerate(content):
        text = paragraphs[index].text
        in_head = position < 2 and not kept
        if in_head and (text == title or is_head_chrome(text)):
            kinds[index] = "boilerplate"
            continue
        kept.append(index)
    return kept


def _without_cut_fragments(
    paragraphs: list[_Paragraph], content: list[int], kinds: list[SegmentKind]
) -> list[int]:
    """Content without the stub of a widget the saved page was cut in ("Ý k" at its end)."""
    while len(content) > 2:
        text = paragraphs[content[-1]].text
        if len(text) > 3 or parse_byline(text) is not None:
            break
        kinds[content[-1]] = "boilerplate"
        content = content[:-1]
    return content


def _segment(text: str, kind: SegmentKind, paragraph: _Paragraph) -> Segment:
    sentences = (
        [
            Span(start=s, end=e, text=text[s:e])
            for s, e in sentence_spans(text, paragraph.start, paragraph.end)
        ]
        if kind in CONTENT_KINDS
        else []
    )
    return Segment(
        kind=kind,
        span=Span(start=paragraph.start, end=paragraph.end, text=paragraph.text),
        sentences=sentences,
    )


def classify(text: str, *, max_title_chars: int, max_byline_words: int) -> list[Segment]:
    """Split an article into segments of kind title, lead, caption, body, byline, boilerplate."""
    return read_page(
        text, max_title_chars=max_title_chars, max_byline_words=max_byline_words
    ).segments
