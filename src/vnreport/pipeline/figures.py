"""Figures: every number with a unit, what it measures, parsed the Vietnamese way.

A figure is a number (digits "1.619", "2,5", "06" or words "hai mươi") followed by a unit: a
count noun ("06 mô hình"), a measure ("3,5 km"), money ("2,5 tỷ đồng", with `amount_vnd`) or a
percentage ("50%", "một trăm phần trăm"). Units come from the lexicon; after digits, a word the
segmenter finds there counts too unless it is a function, time or verb word ("2 máy bơm").
Ranges ("từ 3 đến 5 mô hình") give `value_max`, shares ("19/19 tiêu chí") their part, and
approximators before the number ("khoảng", "hơn", "gần") give `approximate` and `bound`.
A number with no unit is never a figure, and neither is one that a label word before it makes
an identifier ("mức độ 3", "phường 5", "số 12", "năm 2023") or one glued to a slash or a hyphen
("14/9", "71/1998/NĐ-CP", "Covid-19"). A fact restated is kept once, two equal numbers of
different things twice (`vnreport.pipeline.figure_facts`).

The scan is a handful of precompiled regular expressions over each content sentence; every one
is linear (no nested quantifiers), so megabyte-long runs of digits cost a single pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.figure_facts import FigureFacts
from vnreport.pipeline.segments import content_sentences
from vnreport.records import Bound, Figure
from vnreport.resources import load_json
from vnreport.text.numbers import Number, number_words, parse_number, parse_number_words
from vnreport.text.script import alternation

KIND = "figures"

_DIGITS = r"\d[\d.,]*"
_FRACTION = re.compile(r"(?P<part>\d{1,4})/(?P<whole>\d{1,4})(?=[ ])")
_LISTED = re.compile(r"(?<![\d.,])\d{1,4}(?:,[ ]| và | hoặc | – | - )$")
_SUBJECT_STOP = re.compile(r"[,;:.()!?\"]| – | - ")


@dataclass(frozen=True)
class _Lexicon:
    number: re.Pattern[str]
    scale: re.Pattern[str]
    unit: re.Pattern[str]
    quoted_unit: re.Pattern[str]
    not_units: frozenset[str]
    heads: frozenset[str]
    subject_verbs: frozenset[str]
    measures: frozenset[str]
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
    date_words: frozenset[str]
    counting: frozenset[str]
    subject_stop_words: frozenset[str]
    left_connectors: re.Pattern[str]
    point_back_before: frozenset[str]
    point_back_units: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_json("figures_units")
    context = load_json("figures_context")
    # Case-sensitive with capitalized first words is several times faster than IGNORECASE.
    words = alternation(number_words())
    first = alternation([*number_words(), *(w[0].upper() + w[1:] for w in number_words())])
    number = re.compile(
        rf"(?P<digits>{_DIGITS})|(?P<words>(?<!\w)(?:{first})(?!\w)(?:[ ](?:{words})(?!\w))*)"
    )
    units = alternation([*data["percent"], *data["money"], *data["units"]])
    scales = alternation(data["scales"])
    scale = re.compile(rf"(?P<space>[ ]?)(?P<scale>{scales})(?!\w)")
    unit = re.compile(rf"(?P<space>[ ]?)(?P<unit>{units})(?![\w²³])")
    joiners = alternation(data["range_joiners"])
    range_tail = re.compile(
        rf"[ ]?(?P<percent>%|phần trăm)?[ ]?(?:{joiners})[ ]?(?P<second>{_DIGITS})"
    )
    labels = frozenset(label.casefold() for label in context["labels"])
    return _Lexicon(
        number=number,
        scale=scale,
        unit=unit,
        quoted_unit=re.compile(rf"[ ]\"(?P<unit>{units})(?![\w²³])", re.IGNORECASE),
        not_units=frozenset(context["not_units"]),
        heads=frozenset(data["heads"]),
        subject_verbs=frozenset(context["subject_verbs"]),
        measures=frozenset(data["measures"]),
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
        date_words=frozenset(context["date_words"]),
        counting=frozenset(context["counting_words"]),
        subject_stop_words=frozenset(context["subject_stop_words"]),
        left_connectors=re.compile(
            rf"^(?:{alternation(context['left_connectors'])})(?:\s|$)", re.IGNORECASE
        ),
        point_back_before=frozenset(context["point_back_before"]),
        point_back_units=frozenset(context["point_back_units"]),
    )


# Where the word starting at a character offset ends (the word segmenter's words), or None.
_WordEnd = Callable[[int], int | None]


def _doc_word_end(doc: Doc) -> _WordEnd:
    def word_end(pos: int) -> int | None:
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or span.start_char != pos:
            return None
        return span.end_char

    return word_end


def _shifted(word_end: _WordEnd, offset: int) -> _WordEnd:
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
    measure: bool = False  # an amount (money, area, weight …) rather than a count of things


def _unit_at(text: str, pos: int, glued_ok: bool, word_end: _WordEnd | None = None) -> _Unit | None:
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
        return _Unit(pos, scale, float(lexicon.scales[scale]), is_percent=False, measure=True)
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
    text: str, match: re.Match[str], scale: str | None, word_end: _WordEnd | None
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
    measure = unit in lexicon.money or unit in lexicon.measures
    return _Unit(match.end(), recorded, factor, is_percent=False, measure=measure)


def _joined_unit(text: str, start: int, end: int, word_end: _WordEnd) -> _Unit | None:
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


def _open_unit(text: str, pos: int, word_end: _WordEnd) -> _Unit | None:
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


def _phrase_before(words: list[str], phrases: Container[str], longest: int) -> int:
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
    return before not in lexicon.counting


def _approximation(text: str, start: int) -> tuple[bool, Bound | None]:
    """`approximate` and `bound` from the words before a number ("hơn 300", "khoảng 30")."""
    lexicon = _lexicon()
    words = _last_words(text, start, 2)
    size = _phrase_before(words, lexicon.approximators, 2)
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


def _digit_figure(text: str, match: re.Match[str], word_end: _WordEnd | None) -> _Found | None:
    token = match.group("digits").rstrip(".,")
    start, end = match.start(), match.start() + len(token)
    fraction = _FRACTION.match(text, start)
    if fraction is not None:
        return _fraction_figure(text, fraction)
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


def _fraction_figure(text: str, match: re.Match[str]) -> _Found | None:
    """So many of a whole, counted in a lexicon unit: "đạt 19/19 tiêu chí", "2/3 thôn"."""
    part, whole = int(match.group("part")), int(match.group("whole"))
    start = match.start()
    before = text[start - 1] if start else " "
    if part > whole or before.isalnum() or before in "/_.,-–" or _is_label(text, start):
        return None
    if set(_last_words(text, start, 1)) & _lexicon().date_words:
        return None  # "sáng 5/9": a date
    unit = _unit_at(text, match.end(), glued_ok=False)
    if unit is None or unit.is_percent or unit.measure:
        return None
    return _Found(start, unit.end, part, None, unit)


def _range_figure(
    text: str, start: int, value: Number, tail: re.Match[str], word_end: _WordEnd | None
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


def _points_back(text: str, found: _Found, in_words: bool) -> bool:
    """A number that refers to things already named: "cả hai công trình", "hai phường"."""
    lexicon = _lexicon()
    if _phrase_before(_last_words(text, found.start, 2), lexicon.point_back_before, 2):
        return True
    return in_words and found.unit.unit.casefold() in lexicon.point_back_units


def _clip_words(text: str, limit: int) -> str:
    words = text.split()
    return " ".join(words[:limit])


def _right_context(text: str, pos: int, limit: int) -> str:
    window = min(len(text), pos + 200)
    stop = _SUBJECT_STOP.search(text, pos, window)
    words: list[str] = []
    for word in text[pos : stop.start() if stop else window].split():
        if word.casefold() in _lexicon().subject_stop_words or len(words) >= limit:
            break
        words.append(word)
    return " ".join(words)


def _left_context(text: str, pos: int, floor: int, limit: int) -> str:
    window = max(0, pos - 300, floor)
    boundary = window
    for mark in (", ", "; ", ": ", "("):
        found = text.rfind(mark, window, pos)
        if found >= 0:
            boundary = max(boundary, found + len(mark))
    words = text[boundary:pos].split()
    verbs = _lexicon().subject_verbs
    while words:
        if " ".join(words[-2:]).casefold() in verbs and len(words) >= 2:
            del words[-2:]
        elif words[-1].casefold() in verbs:
            words.pop()
        else:
            break
    left = _lexicon().left_connectors.sub("", " ".join(words))
    return " ".join(left.split()[-limit:])


def _subject(text: str, found: _Found, floor: int, limit: int) -> str | None:
    """What a figure measures: the count noun and what follows it ("mô hình Dân vận khéo"),
    or for amounts and percentages the phrase before the number ("tỷ lệ hộ nghèo")."""
    right = _right_context(text, found.end, limit)
    if found.unit.is_percent or found.unit.measure:
        left = _left_context(text, found.start, floor, limit)
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
    word_end: _WordEnd | None = None,
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
    previous_subject: str | None = None
    for match in lexicon.number.finditer(sentence):
        if match.start() < cursor:
            continue
        found = (
            _digit_figure(sentence, match, local_ends)
            if match.group("digits")
            else _word_figure(sentence, match)
        )
        if found is None or _points_back(sentence, found, not match.group("digits")):
            continue
        approximate, bound = _approximation(sentence, found.start)
        if found.value_max is not None:
            approximate, bound = False, None
        amount = None
        if found.unit.vnd_factor is not None:
            amount = float(found.value) * found.unit.vnd_factor
        # "giảm từ 5,2% xuống còn 3,1%": the second number measures what the first did.
        subject = _subject(sentence, found, cursor, max_subject_words) or previous_subject
        yield Figure(
            value=found.value,
            value_max=found.value_max,
            unit=found.unit.unit,
            subject=subject,
            approximate=approximate,
            bound=bound,
            amount_vnd=amount,
            span=store.grounded(text, start + found.start, start + found.end),
        )
        cursor, previous_subject = found.end, subject


class FigureFinder:
    """Finds the figures of the article's content sentences."""

    def __init__(self, *, max_subject_words: int) -> None:
        self.max_subject_words = max_subject_words

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Figure]:
        """The figures of every content sentence, in text order."""
        text = store.text(doc)
        word_end = _doc_word_end(doc)
        facts = FigureFacts(text)
        for index, (_, sentence) in enumerate(content_sentences(doc)):
            for figure in figures_in(
                text,
                sentence.start,
                sentence.end,
                max_subject_words=self.max_subject_words,
                word_end=word_end,
            ):
                facts.add(figure, sentence=index, sentence_start=sentence.start)
        return facts.figures

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
