"""Bylines: who wrote the article, which source it is taken from, or which mark stands for them.

"MINH ANH", "Thu Hà - Quốc Việt", "Tin, ảnh: Hoàng Lan", "Tin: Hoàng Ngân - Ảnh: Tẩn Mẩy",
"Hồng Nhung (Văn phòng HĐND huyện)", "PV", "Thu Hà - PVHTT", "Theo Báo Lạng Sơn",
"Nguồn: baoxyz.vn". Prefixes, photo credits and marks are data (`resources/boilerplate.json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vnreport.resources import load_json
from vnreport.text.script import UPPER, UPPER_LETTERS, alternation

_NAME = re.compile(rf"{UPPER}[\w'’]*\.?(?:[ ]{UPPER}[\w'’]*\.?){{0,4}}")
_PARTS = re.compile(r"[ ]+[-–][ ]+|[ ]*[,;&][ ]*|[ ]+và[ ]+")
_AFFILIATION = re.compile(r"[ ]*\([^()]{1,60}\)$")
_TRAILING = " ./"
_CAPITALS = frozenset(UPPER_LETTERS)


@dataclass(frozen=True)
class Byline:
    """What a byline line says: the authors by name, the text naming them, a mark, a source."""

    authors: tuple[str, ...] = ()
    written: str | None = None  # the authors as the line writes them: "Thu Hà - Quốc Việt"
    mark: str | None = None  # "PV", "CTV": a reporter left unnamed
    source: str | None = None  # "Báo Lạng Sơn" of "Theo Báo Lạng Sơn"

    @property
    def author(self) -> str | None:
        """The authors as written, else the source the article is credited to."""
        return self.written or self.source


@dataclass(frozen=True)
class _Lexicon:
    source: re.Pattern[str]
    prefix: re.Pattern[str]
    photo: re.Pattern[str]
    marks: frozenset[str]
    office: re.Pattern[str]
    office_words: frozenset[str]
    signature: re.Pattern[str]


_SIGNATURE_WORDS = 12


@cache
def _lexicon() -> _Lexicon:
    data = load_json("boilerplate")
    return _Lexicon(
        source=re.compile(rf"(?:{alternation(data['byline_sources'])})[ ]*:?[ ]+(?P<source>.+)"),
        prefix=re.compile(rf"(?:{alternation(data['byline_prefixes'])})[ ]*:[ ]*", re.I),
        photo=re.compile(rf"[ ]*[-–,;|][ ]*(?:{alternation(data['photo_credits'])})[ ]*:.*$"),
        marks=frozenset(mark.casefold() for mark in data["byline_marks"]),
        office=re.compile(rf"(?:{alternation(data['byline_offices'])})(?=[ ])"),
        office_words=frozenset(data["byline_office_words"]),
        signature=re.compile(rf"(?:{alternation(data['byline_signatures'])})(?=[ ])"),
    )


def _is_mark(part: str, lexicon: _Lexicon) -> bool:
    return part.strip("()").casefold() in lexicon.marks


def is_signature(line: str) -> bool:
    """The title line under a byline's name ("Chủ tịch HĐND xã Đạo Tú"): short, no sentence."""
    short = len(line.split()) <= _SIGNATURE_WORDS and not line.endswith((".", ":"))
    return short and _lexicon().signature.match(line) is not None


def without_affiliation(line: str) -> str:
    """The line without a closing affiliation in parentheses: "Sơn Hải (Văn phòng …)"."""
    return _AFFILIATION.sub("", line)


def parse_byline(line: str) -> Byline | None:
    """The byline a line is, or None when the line is not one.

    A byline is a source ("Theo …", "Nguồn: …"), a mark ("PV", "CTV"), or capitalised names
    joined by dashes, commas, "&" or "và", after an optional prefix ("Tin, ảnh:") and before an
    optional photo credit ("- Ảnh: …"), an affiliation in parentheses or a mark ("- PVHTT").
    """
    lexicon = _lexicon()
    text = line.strip().rstrip(_TRAILING)
    source = lexicon.source.fullmatch(text)
    if source:
        return Byline(source=source.group("source").rstrip(_TRAILING))
    if _is_mark(text, lexicon):
        return Byline(mark=text.strip("()"))
    prefix = lexicon.prefix.match(text)
    if prefix:
        text = text[prefix.end() :]
    photo = lexicon.photo.search(text)
    if photo:
        text = text[: photo.start()]
    text = without_affiliation(text).strip(_TRAILING)
    return _names(text, lexicon) or _office(text, lexicon)


def _office(text: str, lexicon: _Lexicon) -> Byline | None:
    """An office signing the article: "TT. HĐND xã Tân Hiệp", "Văn phòng HĐND và UBND huyện"."""
    head = lexicon.office.match(text)
    if head is None or len(text.split()) > 10:
        return None
    words = text[head.end() :].split()
    # capitalised words, unit words, and the second syllable of a name ("Văn hóa", "Xã hội")
    previous = [text[: head.end()].rsplit(maxsplit=1)[-1], *words]
    if not all(
        word in lexicon.office_words or word[:1] in _CAPITALS or before[:1] in _CAPITALS
        for word, before in zip(words, previous, strict=False)
    ):
        return None
    return Byline(authors=(text,), written=text)


def _names(text: str, lexicon: _Lexicon) -> Byline | None:
    names: list[tuple[int, int]] = []
    mark: str | None = None
    cursor = 0
    for separator in [*_PARTS.finditer(text), None]:
        end = separator.start() if separator else len(text)
        part = text[cursor:end]
        cursor = separator.end() if separator else len(text)
        if not part:
            return None
        if _is_mark(part, lexicon) or (names and _is_short_mark(part)):
            mark = mark or part.strip("()")
        elif _NAME.fullmatch(part) and mark is None:
            names.append((end - len(part), end))
        else:
            return None
    if not names:
        return Byline(mark=mark) if mark else None
    authors = tuple(text[start:end] for start, end in names)
    return Byline(authors=authors, written=text[names[0][0] : names[-1][1]], mark=mark)


def _is_short_mark(part: str) -> bool:
    """An office mark after a name: "PVHTT" in "Thu Hà - PVHTT" (one capitalised token)."""
    return " " not in part and 2 <= len(part) <= 6 and part.isupper()
