"""Adversarial inputs: extraction time grows linearly with input size (a ratio, not a clock)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from spacy.language import Language

import vnreport

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "dev"
# fmt: off
PATTERNS = [
    "1.2,3.4,5.6,7",            # runs of digits, dots and commas
    "Nguyễn Văn Bình Hà Lê ",   # capitalised syllables without end
    "tổ tổ tổ dân phố ",        # repeated type words
    "đề nghị đề nghị, ",        # an ask without end
    "phường Tân Lập, ",         # an endless list of units
    "(((– ; : ",                # punctuation
    " ".join(sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8").split()),  # one line
]
# fmt: on
SMALL, FACTOR = 3_000, 8


def _seconds(nlp: Language, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        vnreport.extract(text, nlp=nlp)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("pattern", PATTERNS, ids=[pattern[:24] for pattern in PATTERNS])
def test_time_grows_linearly(nlp: Language, pattern: str) -> None:
    small = (pattern * (SMALL // len(pattern) + 1))[:SMALL]
    large = (pattern * (SMALL * FACTOR // len(pattern) + 1))[: SMALL * FACTOR]
    ratio = _seconds(nlp, "Tiêu đề\n\n" + large) / _seconds(nlp, "Tiêu đề\n\n" + small)
    # Linear growth gives about FACTOR; quadratic would give FACTOR squared (64).
    assert ratio < FACTOR * 4, f"{pattern!r}: {ratio:.1f}x slower for {FACTOR}x the input"
