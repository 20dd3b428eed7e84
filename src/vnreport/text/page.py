"""Page structure of plain text: title, lead, captions, body, byline and web debris, with sentences.

Pure functions over the text; `vnreport.pipeline.segments` puts their result on the Doc. Every
extractor reads only the content segments (title, lead, caption, body), so nothing is ever taken
from comment forms, share links or "Tin cùng chuyên mục" headlines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from vnreport.records import Segment, SegmentKind, Span
from vnreport.resources import load_json
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
_TERMINAL = re.compile(r"[.!?…:;\"]\s*$")
# A byline names people: capitalised words, joined by dashes, commas or "&", maybe "(TTXVN)".
_BYLINE_NAME = re.compile(
    rf"^(?:{UPPER}\w*\.?\s?)+(?:\s*[-–,&]\s*(?:{UPPER}\w*\.?\s?)+)*(?:\s*\([^()]{{1,40}}\))?$"
)


@dataclass(frozen=True)
class _Paragraph:
    start: int
    end: int
    text: str


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_json("boilerplate")
    tail = re.compile("(?:" + "|".join(data["tail"]) + r")\s*", re.IGNORECASE)
    line = re.compile("(?:" + "|".join(data["line"]) + r")\s*", re.IGNORECASE)
    return tail, line


@cache
def _marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Caption marks ("Ảnh: …") and byline sources ("Theo Báo …") from the boilerplate data."""
    data = load_json("boilerplate")
    caption = re.compile(rf"(?:^|[(\s–-])(?:{alternation(data['caption_marks'])})\s*:", re.I)
    source = re.compile(rf"^(?:{alternation(data['byline_sources'])})\s+(.+?)\s*$")
    return caption, source


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
    tail_pattern, line_pattern = _patterns()
    tail_from = next(
        (i for i, p in enumerate(paragraphs) if i >= 2 and tail_pattern.fullmatch(p.text)),
        len(paragraphs),
    )
    flags = [
        index >= tail_from or line_pattern.fullmatch(paragraph.text) is not None
        for index, paragraph in enumerate(paragraphs)
    ]
    return flags, tail_from


def debris_starts(text: str) -> frozenset[int]:
    """Offsets where debris paragraphs begin; the tokenizer need not segment their words."""
    paragraphs = _paragraphs(text)
    flags, _ = _debris(paragraphs)
    return frozenset(p.start for p, flag in zip(paragraphs, flags, strict=True) if flag)


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of `text[start:end]`, split after end punctuation that is not an abbreviation."""
    no_break = _no_break_words()
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] in _END_MARKS and _last_word(text, cursor, match) in no_break:
            continue
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
    source = _marks()[1].match(line)
    if source:
        return source.group(1).rstrip(".")
    if _BYLINE_NAME.match(line):
        return line.rstrip(".").strip()
    return None


def _is_byline(paragraph: _Paragraph, max_words: int) -> bool:
    text = paragraph.text
    if len(text.split()) > max_words or len(text) > 80:
        return False
    return byline_author(text) is not None


def _is_caption(paragraph: _Paragraph, max_chars: int) -> bool:
    text = paragraph.text
    if _marks()[0].search(text):
        return True
    if _BULLET.match(text) or len(text) > max_chars:
        return False
    return not _TERMINAL.search(text) and len(text.split()) >= 4


def classify(text: str, *, max_title_chars: int, max_byline_words: int) -> list[Segment]:
    """Split an article into segments of kind title, lead, caption, body, byline, boilerplate."""
    paragraphs = _paragraphs(text)
    debris, tail_from = _debris(paragraphs)
    kinds: list[SegmentKind] = ["boilerplate" if flag else "body" for flag in debris]

    content = [i for i in range(tail_from) if kinds[i] != "boilerplate"]
    if len(content) >= 2 and len(paragraphs[content[0]].text) <= max_title_chars:
        kinds[content[0]] = "title"
        content = content[1:]
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

    segments: list[Segment] = []
    for kind, paragraph in zip(kinds, paragraphs, strict=True):
        sentences = (
            [
                Span(start=s, end=e, text=text[s:e])
                for s, e in sentence_spans(text, paragraph.start, paragraph.end)
            ]
            if kind in CONTENT_KINDS
            else []
        )
        segments.append(
            Segment(
                kind=kind,
                span=Span(start=paragraph.start, end=paragraph.end, text=paragraph.text),
                sentences=sentences,
            )
        )
    return segments
