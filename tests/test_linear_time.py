"""Adversarial inputs: every component's time grows linearly with input size (a ratio, not a clock).

Each check times the same shape at 1× and 8× its size inside one test and compares the two: 8×
the input may cost about 8× the time, a quadratic scan 64×. Timings are the best of several runs
with the garbage collector off, and a shape that looks slow is measured again before it fails,
so a loaded machine does not fail the test.

The tokenizer (underthesea's segmentation) is timed on real text of the shapes that reach it.
The components are timed on Docs made of the tokenizer's words for one unit, repeated, so that
every entry of every lexicon can be tried in seconds.
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import vnreport
from vnreport.lang.tokenizer import TEXT_KEY
from vnreport.resources import load_json, load_lines

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "dev"
FACTOR = 8
RATIO_LIMIT = 24  # linear gives about FACTOR, quadratic FACTOR squared (64)
_REGEX_SYNTAX = re.compile(r"[\\()\[\]{}?*+|^$]")
_TITLE = "Tiêu đề\n\n"

# fmt: off
SHAPES = [
    "TP. ",                     # an abbreviation that never ends a sentence
    "Chủ tịch ",                # a title without a name
    "Chủ tịch, ",               # titles joined by commas
    "Hoàng Thạc\n",             # byline-like lines
    "- ",                       # a dash run
    "- - - … ",
    "…",
    "......",
    "1.2.3.4.5.6.7.8.9.0",      # digits and dots, no space
    "1.2,3.4,5.6,7",
    "1234567890",
    "12-34-",
    "a.b.c.d.",
    "1a.",
    "'a'",
    "Nguyễn Văn Bình Hà Lê ",   # capitalised syllables without end
    "Ông Nguyễn Văn An, Chủ tịch UBND xã Yên Đĩnh; ",
    "tổ tổ tổ dân phố ",        # repeated type words
    "đề nghị đề nghị, ",        # an ask without end
    "phường Tân Lập, ",         # an endless list of units
    "(((– ; : ",                # punctuation
    "1.619 hộ, 92,6%, 2,5 tỷ đồng; ",
    "hai mươi ",
    "Sáng 14/9, ",
    " ".join(sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8").split()),  # one line
]
PUNCTUATION = [*".,;:!?…–-—()[]\"'/\\|*&%#@+=<>", ". ", ", ", "; ", ": ", "– ", "\n", "\n\n"]
CAPITALISED = ["A ", "Ab ", "ABC ", "Đ. ", "H'Bia ", "Nguyễn ", "Thị ", "UBND ", "TP ", "X. "]
NUMBERS = ["1 ", "06 ", "1.619 ", "92,6% ", "19/19 ", "14/9 ", "3-5 ", "0912.345.678 ", "hai "]
# fmt: on


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "_doc":
                yield key
                yield from _strings(item)


@cache
def lexicon_entries() -> dict[str, list[str]]:
    """Every entry of every bundled lexicon, by resource (patterns reduced to plain ones)."""
    found: dict[str, list[str]] = {}
    for resource in sorted(resources.files("vnreport.resources").iterdir(), key=str):
        name, _, suffix = resource.name.rpartition(".")
        if suffix == "json":
            strings = _strings(load_json(name))
        elif suffix == "txt":
            strings = iter(load_lines(name))
        else:
            continue
        entries = {s.strip() for s in strings if s.strip() and not _REGEX_SYNTAX.search(s)}
        found[name] = sorted(entries)
    return found


def _best(run: Callable[[], dict[str, float]], rounds: int) -> dict[str, float]:
    best: dict[str, float] = {}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            for name, seconds in run().items():
                best[name] = min(seconds, best.get(name, seconds))
    finally:
        if enabled:
            gc.enable()
    return best


def _component_seconds(nlp: Language, doc: Doc) -> dict[str, float]:
    times: dict[str, float] = {}
    for name, component in nlp.pipeline:
        started = time.thread_time()
        doc = component(doc)
        times[name] = time.thread_time() - started
    return times


@cache
def _tokens(nlp: Language, text: str) -> tuple[str, tuple[str, ...], tuple[bool, ...]]:
    """The tokenizer's (normalized) text, words and spaces of `text`."""
    doc = nlp.make_doc(text)
    return doc.text, tuple(t.text for t in doc), tuple(bool(t.whitespace_) for t in doc)


def _repeated(nlp: Language, unit: str, size: int) -> Doc:
    """A Doc of `unit` repeated to about `size` characters after a title, as the tokenizer
    splits `unit` (and the title), its text kept where the tokenizer keeps it."""
    piece = unit if unit[-1:].isspace() else unit + " "
    count = max(1, size // len(piece))
    title, title_words, title_spaces = _tokens(nlp, _TITLE)
    text, words, spaces = _tokens(nlp, piece)
    doc = Doc(
        nlp.vocab,
        words=[*title_words, *words * count],
        spaces=[*title_spaces, *spaces * count],
    )
    doc.user_data[TEXT_KEY] = title + text * count
    assert doc.text == doc.user_data[TEXT_KEY]
    return doc


def component_ratios(nlp: Language, unit: str, size: int) -> dict[str, float]:
    """Per component, its time on `unit` repeated to FACTOR × `size` over its time at `size`."""
    small, large = _repeated(nlp, unit, size), _repeated(nlp, unit, size * FACTOR)
    ratios: dict[str, float] = {}
    for rounds in (1, 5):  # measure again, longer, before calling a component slow
        low = _best(lambda: _component_seconds(nlp, small), rounds)
        high = _best(lambda: _component_seconds(nlp, large), rounds)
        ratios = {name: high[name] / max(low[name], 1e-6) for name in low}
        if max(ratios.values()) < RATIO_LIMIT:
            break
    return ratios


def _slow(nlp: Language, units: list[str], size: int) -> list[str]:
    slow = []
    for unit in units:
        ratios = component_ratios(nlp, unit, size)
        slow.extend(
            f"{unit!r} in {name}: {ratio:.0f}x for {FACTOR}x the input"
            for name, ratio in ratios.items()
            if ratio >= RATIO_LIMIT
        )
    return slow


@pytest.mark.parametrize("resource", sorted(lexicon_entries()))
def test_every_lexicon_entry_repeated(nlp: Language, resource: str) -> None:
    entries = lexicon_entries()[resource]
    assert entries, resource
    units = [*entries, *(f"{entry}. " for entry in entries if entry[:1].isupper())]
    assert _slow(nlp, units, 400) == []


@pytest.mark.parametrize(
    "units",
    [SHAPES, PUNCTUATION, [c * 40 for c in PUNCTUATION], CAPITALISED, NUMBERS],
    ids=["shapes", "punctuation", "punctuation-runs", "capitalised", "numbers"],
)
def test_adversarial_shapes_in_every_component(nlp: Language, units: list[str]) -> None:
    assert set(component_ratios(nlp, units[0], 100)) == set(nlp.pipe_names)
    assert _slow(nlp, units, 1_000) == []


_PIECES = st.sampled_from(
    [entry for entries in lexicon_entries().values() for entry in entries]
    + PUNCTUATION
    + CAPITALISED
    + NUMBERS
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_PIECES, min_size=1, max_size=5), st.sampled_from([" ", ", ", ". ", "\n", ""]))
def test_generated_shapes_in_every_component(
    nlp: Language, pieces: list[str], separator: str
) -> None:
    unit = separator.join(pieces) + separator
    assert _slow(nlp, [unit], 1_000) == []


def _extract_seconds(nlp: Language, text: str) -> float:
    started = time.thread_time()
    vnreport.extract(text, nlp=nlp)
    return time.thread_time() - started


@pytest.mark.parametrize("pattern", SHAPES, ids=[shape[:24] for shape in SHAPES])
def test_whole_pipeline_with_its_tokenizer(nlp: Language, pattern: str) -> None:
    """The tokenizer and every component on real text, end to end."""
    small = _TITLE + (pattern * (2_000 // len(pattern) + 1))[:2_000]
    large = _TITLE + (pattern * (2_000 * FACTOR // len(pattern) + 1))[: 2_000 * FACTOR]
    ratio = 0.0
    for rounds in (2, 4):
        low = _best(lambda: {"all": _extract_seconds(nlp, small)}, rounds)["all"]
        high = _best(lambda: {"all": _extract_seconds(nlp, large)}, rounds)["all"]
        ratio = high / low
        if ratio < RATIO_LIMIT:
            break
    assert ratio < RATIO_LIMIT, f"{pattern!r}: {ratio:.1f}x slower for {FACTOR}x the input"


def test_a_long_run_of_digits_and_dots_is_one_token_and_keeps_the_text(nlp: Language) -> None:
    run = "1.2" * 100_000
    text = f"{_TITLE}Xã có {run} hộ và 12 hộ nghèo.\n"
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert run in [token.text for token in doc]
    report = vnreport.extract(text, nlp=nlp)
    assert report.text == text
    assert (12, "hộ") in [(f.value, f.unit) for f in report.figures]
