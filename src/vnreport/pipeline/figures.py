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
from collections.abc import Callable, Iterable, Iterator
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
_LISTED = re.compile(r"(?<![\d.,])\d{1,4}(?:,[ ]| và | hoặc | – | - )$")
_SUBJECT_STOP = re.compile(r"[,;:.()!?\"]| – | - ")
_SUBJECT_STOP_WORDS = frozenset(
    ["và", "với", "trong", "đạt", "chiếm", "tăng", "giảm", "so", "để", "nhưng", "còn", "gồm"]
)
_LEFT_VERBS = re.compile(
    r"(?:\s(?:thực hiện|đã|hiện|ước|dự kiến|trong đó|có|là|đạt|chiếm|bằng|tăng|giảm|"
    r"được|với|tỷ lệ|tỉ lệ|lên|xuống|còn|đến|tới|khoảng|hơn|trên|gần|dưới))+$",
    re.IGNORECASE,
)
_LEFT_CONNECTORS = re.compile(r"^(?:trong đó|đến nay|hiện nay|riêng|năm nay|có)\s", re.IGNORECASE)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Lexicon:
    number: re.Pattern[str]
    scale: re.Pattern[str]
    unit: re.Pattern[str]
    quoted_unit: re.Pattern[str]
    not_units: frozenset[str]
    heads: frozenset[str]
    range_tail: re.Pattern[str]
    labels: frozenset[str]
    label_words: int
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
    # Case-sensitive with capitalized first words is several times faster than IGNORECASE.
    words = _alternation(number_words())
    first = _alternation([*number_words(), *(w[0].upper() + w[1:] for w in number_words())])
    number = re.compile(
        rf"(?P<digits>{_DIGITS})|(?P<words>(?<!\w)(?:{first})(?!\w)(?:[ ](?:{words})(?!\w))*)"
    )
    units = _alternation([*data["percent"], *data["money"], *data["units"]])
    scales = _alternation(data["scales"])
    scale = re.compile(rf"(?P<space>[ ]?)(?P<scale>{scales})(?!\w)")
    unit = re.compile(rf"(?P<space>[ ]?)(?P<unit>{units})(?![\w²³])")
    joiners = _alternation(data["range_joiners"])
    range_tail = re.compile(
        rf"[ ]?(?P<percent>%|phần trăm)?[ ]?(?:{joiners})[ ]?(?P<second>{_DIGITS})"
    )
    labels = frozenset(label.casefold() for label in context["not_after"])
    return _Lexicon(
        number=number,
        scale=scale,
        unit=unit,
        quoted_unit=re.compile(rf"[ ]\"(?P<unit>{units})(?![\w²³])", re.IGNORECASE),
        not_units=frozenset(context["not_units"]),
        heads=frozenset(data["heads"]),
        range_tail=range_tail,
        labels=labels,
        label_words=max(len(label.split()) for label in labels),
        percent=dict(data["percent"]),
        money=dict(data["money"]),
        scales=dict(data["scales"]),
        scale_money=frozenset(data["scale_money"]),
        glued=frozenset(data["glued"]),
        approximators={k.casefold(): v for k, v in data["approximators"].items()},
        not_approximate=frozenset(data["not_approximate"]),
        openers=frozenset(data["range_openers"]),
    )


# Where the word starting at a character offset ends (the word segmenter's words), or None.
WordEnd = Callable[[int], int | None]


def _doc_word_end(doc: Doc) -> WordEnd:
    def word_end(pos: int) -> int | None:
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or span.start_char != pos:
            return None
        return span.end_char

    return word_end


def _shifted(word_end: WordEnd, offset: int) -> WordEnd:
    """`word_end` of a whole text, seen from a sentence that starts at `offset`."""

    def shifted(pos: int) -> int | None:
        end = word_end(pos + offset)
        return None if end is None else end - offset

    return shifted


@dataclass(frozen=True)
class _Unit:
    """The unit after a number: where it ends, as recorded, and its multiplier in đồng."""

    end: int
    unit: str
    vnd_factor: float | None
    is_percent: bool


def _unit_at(text: str, pos: int, glued_ok: bool, word_end: WordEnd | None = None) -> _Unit | None:
    """The unit starting at `pos` (after an optional space), or None.

    A lexicon unit wins; a quoted one ('17 "Tổ liên gia …"') is read case-insensitively; with
    `word_end` (word boundaries of the word segmenter) any other noun-like word counts too.
    """
    lexicon = _lexicon()
    quoted = _quoted_unit(text, pos)
    if quoted is not None:
        return quoted
    scale: str | None = None
    scale_match = lexicon.scale.match(text, pos)
    if scale_match is not None and scale_match.group("space"):
        scale, pos = scale_match.group("scale"), scale_match.end()
    match = lexicon.unit.match(text, pos)
    if (
        match is not None
        and not match.group("space")
        and (scale or not glued_ok or match.group("unit") not in lexicon.glued)
    ):
        match = None  # "3km" is a unit, "3x" and "2 tỷđồng" are not
    if match is not None:
        return _lexicon_unit(text, match, scale, word_end)
    if scale is None:
        return None if word_end is None else _open_unit(text, pos, word_end)
    if scale in lexicon.scale_money:  # "hơn 2 tỷ"
        return _Unit(pos, scale, float(lexicon.scales[scale]), is_percent=False)
    return None


def _quoted_unit(text: str, pos: int) -> _Unit | None:
    """A count unit opening a quoted name: 17 "Tổ liên gia an toàn" counts "tổ"."""
    lexicon = _lexicon()
    quoted = lexicon.quoted_unit.match(text, pos)
    if quoted is None:
        return None
    unit = quoted.group("unit").casefold()
    if unit in lexicon.money or unit in lexicon.percent:
        return None
    return _Unit(quoted.end(), unit, None, is_percent=False)


def _lexicon_unit(
    text: str, match: re.Match[str], scale: str | None, word_end: WordEnd | None
) -> _Unit | None:
    lexicon = _lexicon()
    unit = match.group("unit")
    if unit in lexicon.percent:
        return None if scale else _Unit(match.end(), lexicon.percent[unit], None, is_percent=True)
    if unit in lexicon.money:
        money = lexicon.money[unit]
        multiplier = lexicon.scales[scale] if scale else 1
        factor = None if money is None else float(money * multiplier)
    else:
        factor = None
        if not scale and word_end is not None:
            joined = _joined_unit(text, match.end() - len(unit), match.end(), word_end)
            if joined is not None:
                return joined
    recorded = f"{scale} {unit}" if scale else unit
    return _Unit(match.end(), recorded, factor, is_percent=False)


def _joined_unit(text: str, start: int, end: int, word_end: WordEnd) -> _Unit | None:
    """A one-syllable classifier the segmenter joins to its noun names the thing: "suất ăn"."""
    unit = text[start:end]
    if " " in unit or unit in _lexicon().heads or not text[end + 1 : end + 2].islower():
        return None
    if not text.startswith(" ", end):
        return None
    word_stop = word_end(start)
    if word_stop is None or word_stop <= end:
        return None
    word = text[start:word_stop]
    if not (word.replace(" ", "").isalpha() and word.islower()):
        return None
    return _Unit(word_stop, word, None, is_percent=False)


def _open_unit(text: str, pos: int, word_end: WordEnd) -> _Unit | None:
    """The segmenter's word after a number as its unit, when it can be one ("2 máy bơm")."""
    if not text.startswith(" ", pos):
        return None
    end = word_end(pos + 1)
    if end is None:
        return None
    word = text[pos + 1 : end]
    if not word[0].islower() or not word.replace(" ", "").isalpha():
        return None
    lexicon = _lexicon()
    folded = word.casefold()
    if folded in lexicon.not_units or folded.split(" ", 1)[0] in lexicon.not_units:
        return None
    if folded.split(" ", 1)[0] in number_words():
        return None
    return _Unit(end, word, None, is_percent=False)


def _last_words(text: str, end: int, count: int) -> list[str]:
    """The last `count` words before `end`, lower-cased (a few dozen characters are read)."""
    return text[max(0, end - 12 * count) : end].casefold().split()[-count:]


def _phrase_before(words: list[str], phrases: frozenset[str], longest: int) -> int:
    """How many of the last `words` form a phrase of `phrases` (longest first), or 0."""
    for size in range(min(longest, len(words)), 0, -1):
        if " ".join(words[-size:]) in phrases:
            return size
    return 0


def _is_label(text: str, start: int) -> bool:
    """Whether a label word right before `start` makes the number an identifier.

    A list of labels counts as one: in "tổ dân phố số 41 và 42", 42 is a label too.
    """
    listed = _LISTED.search(text, max(0, start - 24), start)
    if listed is not None:
        start = listed.start()
    lexicon = _lexicon()
    words = _last_words(text, start, lexicon.label_words + 1)
    size = _phrase_before(words, lexicon.labels, lexicon.label_words)
    if not size:
        return False
    before = words[-size - 1] if len(words) > size else ""
    return before not in ("mỗi", "các", "những", "một", "tổng", "trong")


def _approximation(text: str, start: int) -> tuple[bool, Bound | None]:
    lexicon = _lexicon()
    words = _last_words(text, start, 2)
    size = _phrase_before(words, frozenset(lexicon.approximators), 2)
    if not size:
        return False, None
    word = " ".join(words[-size:])
    return word not in lexicon.not_approximate, lexicon.approximators[word]


def _bad_neighbours(text: str, start: int, end: int, *, second: bool = False) -> bool:
    """A digit string glued to letters, slashes, hyphens or colons is a code, date or time.

    `second` is the upper end of a range, which the hyphen before it belongs to ("10-15").
    """
    before = text[start - 1] if start else " "
    if before.isalnum() or before in "/_.,":
        return True
    if not second and before in "-–":
        return True  # "Covid-19", "Covid -19"; a bullet dash has a space after it
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


def _digit_figure(text: str, match: re.Match[str], word_end: WordEnd | None) -> _Found | None:
    token = match.group("digits").rstrip(".,")
    start, end = match.start(), match.start() + len(token)
    if _bad_neighbours(text, start, end):
        return None
    value = parse_number(token)
    if value is None:
        return None
    tail = _lexicon().range_tail.match(text, end)
    if tail is not None:
        found = _range_figure(text, start, value, tail, word_end)
    else:
        unit = _unit_at(text, end, glued_ok=True, word_end=word_end)
        found = None if unit is None else _Found(start, unit.end, value, None, unit)
    if found is None or _is_label(text, start):
        return None
    return found


def _range_figure(
    text: str, start: int, value: Number, tail: re.Match[str], word_end: WordEnd | None
) -> _Found | None:
    """A range whose unit follows its upper end: "từ 3 đến 5 mô hình", "70-80%"."""
    second_token = tail.group("second").rstrip(".,")
    second_end = tail.start("second") + len(second_token)
    second = parse_number(second_token)
    if (
        second is None
        or second <= value
        or _bad_neighbours(text, tail.start("second"), second_end, second=True)
    ):
        return None  # "20-5-2024" and "12-3" are dates
    unit = _unit_at(text, second_end, glued_ok=True, word_end=word_end)
    if unit is None or (tail.group("percent") and not unit.is_percent):
        return None
    return _Found(start, unit.end, value, second, unit)


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


def figures_in(
    text: str,
    start: int,
    end: int,
    *,
    max_subject_words: int,
    word_end: WordEnd | None = None,
) -> Iterator[Figure]:
    """The figures of the sentence `text[start:end]`, with spans into `text`.

    `word_end` gives where the word starting at an offset of `text` ends (the word segmenter's
    words); with it, a number followed by any noun-like word is a figure, not only one followed
    by a lexicon unit.
    """
    sentence = text[start:end]
    local_ends = None if word_end is None else _shifted(word_end, start)
    lexicon = _lexicon()
    cursor = 0
    for match in lexicon.number.finditer(sentence):
        if match.start() < cursor:
            continue
        found = (
            _digit_figure(sentence, match, local_ends)
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
        word_end = _doc_word_end(doc)
        found: list[Figure] = []
        seen: set[tuple[Number, Number | None, str]] = set()
        for _, sentence in content_sentences(doc):
            for figure in figures_in(
                text,
                sentence.start,
                sentence.end,
                max_subject_words=self.max_subject_words,
                word_end=word_end,
            ):
                # A fact restated later (in a recommendation, a caption) is still one fact.
                key = (figure.value, figure.value_max, figure.unit)
                if key not in seen:
                    seen.add(key)
                    found.append(figure)
        return found

    def set_annotations(self, doc: Doc, figures: list[Figure]) -> None:
        """Store the figures and their spans, labelled with the unit."""
        store.put(doc, KIND, figures, ((f.span.start, f.span.end, f.unit) for f in figures))


@Language.factory(
    "vnreport_figures",
    default_config={"max_subject_words": 16},
    requires=["doc.spans"],
    assigns=["doc.spans"],
)
def make_figure_finder(nlp: Language, name: str, max_subject_words: int) -> FigureFinder:
    """Factory of the `vnreport_figures` component."""
    return FigureFinder(max_subject_words=max_subject_words)
