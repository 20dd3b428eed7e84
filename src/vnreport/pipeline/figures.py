"""Figures: every number with a unit, what it measures, parsed the Vietnamese way.

A figure is a number (digits "1.619", "2,5", "06" or words "hai mươi") followed by a unit from
the lexicon: a count noun ("06 mô hình"), a measure ("3,5 km"), money ("2,5 tỷ đồng") or a
percentage ("50%", "một trăm phần trăm"). Ranges ("từ 3 đến 5 mô hình") give `value_max`, and
approximators before the number ("khoảng", "hơn", "gần") give `approximate` and `bound`.
A number with no unit is never a figure, and neither is one that a label word before it makes
an identifier ("mức độ 3", "phường 5", "số 12", "năm 2023") or one glued to a slash or a hyphen
("14/9", "71/1998/NĐ-CP", "Covid-19").

The scan is a handful of precompiled regular expressions over each content sentence; every one
is linear (no nested quantifiers), so megabyte-long runs of digits cost a single pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.numbers import Number, number_words, parse_number, parse_number_words
from vnreport.pipeline import store
from vnreport.pipeline.segments import content_sentences
from vnreport.records import Bound, Figure
from vnreport.resources import load_json

KIND = "figures"

_DIGITS = r"\d[\d.,]*"
_SUBJECT_STOP = re.compile(r"[,;:.()!?\"]| – | - ")
_SUBJECT_STOP_WORDS = frozenset(
    ["và", "với", "trong", "đạt", "chiếm", "tăng", "giảm", "so", "để", "nhưng", "còn", "gồm"]
)
_LEFT_VERBS = re.compile(
    r"(?:\s(?:thực hiện|đã|hiện|ước|dự kiến|trong đó|có|là|đạt|chiếm|bằng|tăng|giảm|"
    r"được|với|tỷ lệ|tỉ lệ|lên|xuống|còn|đến|tới|khoảng|hơn|trên|gần|dưới))+$",
    re.IGNORECASE,
)
_LEFT_CONNECTORS = re.compile(
    r"^(?:trong đó|đến nay|hiện nay|riêng|toàn|tổng|kết quả|năm nay|có)\s", re.IGNORECASE
)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Lexicon:
    number: re.Pattern[str]
    scale: re.Pattern[str]
    unit: re.Pattern[str]
    range_tail: re.Pattern[str]
    approximator: re.Pattern[str]
    not_after: re.Pattern[str]
    percent: dict[str, str]
    money: dict[str, float | None]
    scales: dict[str, int]
    scale_money: frozenset[str]
    glued: frozenset[str]
    approximators: dict[str, Bound | None]
    not_approximate: frozenset[str]
    openers: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_json("figures_units")
    context = load_json("figures_context")
    words = _alternation(number_words())
    number = re.compile(
        rf"(?P<digits>{_DIGITS})|(?P<words>(?<!\w)(?:{words})(?!\w)(?:[ ](?:{words})(?!\w))*)",
        re.IGNORECASE,
    )
    units = _alternation([*data["percent"], *data["money"], *data["units"]])
    scales = _alternation(data["scales"])
    scale = re.compile(rf"(?P<space>[ ]?)(?P<scale>{scales})(?!\w)")
    unit = re.compile(rf"(?P<space>[ ]?)(?P<unit>{units})(?![\w²³])")
    joiners = _alternation(data["range_joiners"])
    range_tail = re.compile(
        rf"[ ]?(?P<percent>%|phần trăm)?[ ]?(?:{joiners})[ ]?(?P<second>{_DIGITS})"
    )
    approximator = re.compile(
        rf"(?:^|[\s(,])(?P<word>{_alternation(data['approximators'])})[ ]$", re.IGNORECASE
    )
    not_after = re.compile(
        rf"(?:^|[\s(,])(?P<before>\w+ )?(?:{_alternation(context['not_after'])})[ ]?$",
        re.IGNORECASE,
    )
    return _Lexicon(
        number=number,
        scale=scale,
        unit=unit,
        range_tail=range_tail,
        approximator=approximator,
        not_after=not_after,
        percent=dict(data["percent"]),
        money=dict(data["money"]),
        scales=dict(data["scales"]),
        scale_money=frozenset(data["scale_money"]),
        glued=frozenset(data["glued"]),
        approximators=dict(data["approximators"]),
        not_approximate=frozenset(data["not_approximate"]),
        openers=frozenset(data["range_openers"]),
    )


@dataclass(frozen=True)
class _Unit:
    """The unit after a number: where it ends, as recorded, and its multiplier in đồng."""

    end: int
    unit: str
    vnd_factor: float | None
    is_percent: bool


def _unit_at(text: str, pos: int, glued_ok: bool) -> _Unit | None:
    """The unit starting at `pos` (after an optional space), or None."""
    lexicon = _lexicon()
    scale_match = lexicon.scale.match(text, pos)
    scale: str | None = None
    if scale_match is not None and scale_match.group("space"):
        scale, pos = scale_match.group("scale"), scale_match.end()
    match = lexicon.unit.match(text, pos)
    if match is not None and not match.group("space"):
        unit = match.group("unit")
        if scale or not glued_ok or unit not in lexicon.glued:
            match = None
    if match is None:
        if scale is None or scale not in lexicon.scale_money:
            return None
        return _Unit(pos, scale, float(lexicon.scales[scale]), is_percent=False)
    unit = match.group("unit")
    if unit in lexicon.percent:
        return None if scale else _Unit(match.end(), lexicon.percent[unit], None, is_percent=True)
    multiplier = lexicon.scales[scale] if scale else 1
    recorded = f"{scale} {unit}" if scale else unit
    factor: float | None = None
    if unit in lexicon.money:
        money = lexicon.money[unit]
        factor = None if money is None else float(money * multiplier)
    return _Unit(match.end(), recorded, factor, is_percent=False)


def _is_label(text: str, start: int) -> bool:
    """Whether a label word right before `start` makes the number an identifier."""
    match = _lexicon().not_after.search(text, max(0, start - 40), start)
    if match is None:
        return False
    before = (match.group("before") or "").strip().casefold()
    return before not in ("mỗi", "các", "những", "một", "tổng")


def _approximation(text: str, start: int) -> tuple[bool, Bound | None]:
    lexicon = _lexicon()
    match = lexicon.approximator.search(text, max(0, start - 20), start)
    if match is None:
        return False, None
    word = match.group("word").casefold()
    return word not in lexicon.not_approximate, lexicon.approximators.get(word)


def _bad_neighbours(text: str, start: int, end: int) -> bool:
    """A digit string glued to letters, slashes, hyphens or colons is a code, date or time."""
    before = text[start - 1] if start else " "
    if before.isalnum() or before in "/_.,":
        return True
    if before in "-–" and start >= 2 and text[start - 2].isalnum():
        return True
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if after in "/:" and after2.isalnum():
        return True
    return after in "-–" and after2.isalpha()


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: Number
    value_max: Number | None
    unit: _Unit


def _digit_figure(text: str, match: re.Match[str]) -> _Found | None:
    token = match.group("digits").rstrip(".,")
    start, end = match.start(), match.start() + len(token)
    if _bad_neighbours(text, start, end) or _is_label(text, start):
        return None
    value = parse_number(token)
    if value is None:
        return None
    lexicon = _lexicon()
    tail = lexicon.range_tail.match(text, end)
    if tail is not None:
        second_token = tail.group("second").rstrip(".,")
        second_end = tail.start("second") + len(second_token)
        second = parse_number(second_token)
        if second is None or second <= value or _bad_neighbours(text, tail.start("second"), second_end):
            return None
        unit = _unit_at(text, second_end, glued_ok=True)
        if unit is None or (tail.group("percent") and not unit.is_percent):
            return None
        return _Found(start, unit.end, value, second, unit)
    unit = _unit_at(text, end, glued_ok=True)
    if unit is None:
        return None
    return _Found(start, unit.end, value, None, unit)


def _word_figure(text: str, match: re.Match[str]) -> _Found | None:
    words = match.group("words").split(" ")
    start = match.start()
    if _is_label(text, start):
        return None
    unit_pos = match.end()
    lexicon = _lexicon()
    if len(words) > 1 and words[-1].casefold() in lexicon.scales:
        # "hai tỷ đồng" is 2 "tỷ đồng", as "2 tỷ đồng" is.
        words = words[:-1]
        unit_pos = match.end() - len(match.group("words").rsplit(" ", 1)[1]) - 1
    if len(words) == 1 and words[0].casefold() == "một":
        return None  # "một" is mostly the article "a", not a count
    value = parse_number_words(words)
    if value is None:
        return None
    unit = _unit_at(text, unit_pos, glued_ok=False)
    if unit is None:
        return None
    return _Found(start, unit.end, value, None, unit)


def _clip_words(text: str, limit: int) -> str:
    words = text.split()
    return " ".join(words[:limit])


def _right_context(text: str, pos: int, limit: int) -> str:
    stop = _SUBJECT_STOP.search(text, pos)
    words: list[str] = []
    for word in text[pos : stop.start() if stop else len(text)].split():
        if word.casefold() in _SUBJECT_STOP_WORDS or len(words) >= limit:
            break
        words.append(word)
    return " ".join(words)


def _left_context(text: str, pos: int, limit: int) -> str:
    boundary = max(text.rfind(mark, 0, pos) for mark in ",;:(")
    left = text[boundary + 1 : pos].strip()
    left = _LEFT_VERBS.sub("", " " + left).strip()
    left = _LEFT_CONNECTORS.sub("", left)
    return " ".join(left.split()[-limit:])


def _subject(text: str, found: _Found, approx_start: int, limit: int) -> str | None:
    right = _right_context(text, found.end, limit)
    if found.unit.is_percent:
        left = _left_context(text, approx_start, limit)
        subject = left or right
        if subject.casefold().startswith(("các ", "số ")):
            subject = subject.split(" ", 1)[1]
        return subject or None
    return _clip_words(f"{found.unit.unit} {right}".strip(), limit)


def figures_in(text: str, start: int, end: int, *, max_subject_words: int) -> Iterator[Figure]:
    """The figures of the sentence `text[start:end]`, with spans into `text`."""
    sentence = text[start:end]
    lexicon = _lexicon()
    cursor = 0
    for match in lexicon.number.finditer(sentence):
        if match.start() < cursor:
            continue
        found = (
            _digit_figure(sentence, match)
            if match.group("digits")
            else _word_figure(sentence, match)
        )
        if found is None:
            continue
        cursor = found.end
        approx_start = found.start
        before = sentence[max(0, found.start - 4) : found.start].casefold()
        if found.value_max is not None and before.endswith(tuple(f"{w} " for w in lexicon.openers)):
            approx_start = found.start - len(before.rsplit(" ", 2)[-2]) - 1
        approximate, bound = _approximation(sentence, approx_start)
        if found.value_max is not None:
            approximate, bound = False, None
        amount = None
        if found.unit.vnd_factor is not None:
            amount = float(found.value) * found.unit.vnd_factor
        yield Figure(
            value=found.value,
            value_max=found.value_max,
            unit=found.unit.unit,
            subject=_subject(sentence, found, approx_start, max_subject_words),
            approximate=approximate,
            bound=bound,
            amount_vnd=amount,
            span=store.grounded(text, start + found.start, start + found.end),
        )


class FigureFinder:
    """Finds the figures of the article's content sentences."""

    def __init__(self, *, max_subject_words: int) -> None:
        self.max_subject_words = max_subject_words

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Figure]:
        """The figures of every content sentence, in text order."""
        text = doc.text
        found: list[Figure] = []
        for _, sentence in content_sentences(doc):
            found.extend(
                figures_in(
                    text, sentence.start, sentence.end, max_subject_words=self.max_subject_words
                )
            )
        return found

    def set_annotations(self, doc: Doc, figures: list[Figure]) -> None:
        """Store the figures and their spans, labelled with the unit."""
        store.put(doc, KIND, figures, ((f.span.start, f.span.end, f.unit) for f in figures))


@Language.factory(
    "vnreport_figures",
    default_config={"max_subject_words": 12},
    requires=["doc.spans"],
    assigns=["doc.spans"],
)
def make_figure_finder(nlp: Language, name: str, max_subject_words: int) -> FigureFinder:
    """Factory of the `vnreport_figures` component."""
    return FigureFinder(max_subject_words=max_subject_words)
