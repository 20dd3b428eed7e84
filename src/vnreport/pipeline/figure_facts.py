"""Which figure mentions are one fact: a number restated is listed once, two equal numbers twice.

"5 hộ nghèo và 5 hộ cận nghèo" is two facts, and so is "thôn A nhận 10 triệu đồng, thôn B nhận
10 triệu đồng": equal value and unit are not enough, or sums over the figures would be wrong. A
later mention restates an earlier one when it is the same span, or when value, upper value and
unit agree, the things measured agree ("41 hồ sơ bị thiếu thông tin" … "xác minh 41 hồ sơ": one
subject starts with the other; within one sentence they must be equal) and the clauses before
the numbers name no different places or people ("Thôn Nà Phai có 5 hộ" … "Thôn Bản Chang có
5 hộ" stays two).

Lookups go through indexes of bounded size, so an article of a million equal numbers costs a
linear pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnreport.records import Figure
from vnreport.text.script import UPPER_LETTERS

_CLAUSE_MARK = re.compile(r"[,;:(]")
_CLAUSE_CHARS = 120  # how far back the clause before a number is read for names
_CANDIDATES = 4  # earlier mentions kept per index entry; more equal ones stay separate facts


@dataclass(frozen=True)
class _Mention:
    sentence: int
    subject: tuple[str, ...]
    names: frozenset[str]


def _names_before(text: str, sentence_start: int, start: int) -> frozenset[str]:
    """Capitalised words of the clause before a number, but the sentence's first word."""
    window = max(sentence_start, start - _CLAUSE_CHARS)
    clause_start = window
    for mark in _CLAUSE_MARK.finditer(text, window, start):
        clause_start = mark.end()
    words = text[clause_start:start].split()
    if clause_start == sentence_start and words:
        words = words[1:]
    return frozenset(word for word in words if word[0] in UPPER_LETTERS)


class FigureFacts:
    """Collects the figures of an article, dropping mentions that restate one already kept."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.figures: list[Figure] = []
        self._spans: set[tuple[int, int]] = set()
        # (value, value_max, unit, subject prefix) → earlier mentions with that subject prefix
        self._by_prefix: dict[tuple[object, ...], list[_Mention]] = {}

    def add(self, figure: Figure, *, sentence: int, sentence_start: int) -> bool:
        """Keep `figure` unless it restates a kept one; whether it was kept."""
        span = (figure.span.start, figure.span.end)
        if span in self._spans:
            return False
        subject = tuple((figure.subject or "").casefold().split())
        mention = _Mention(
            sentence, subject, _names_before(self.text, sentence_start, figure.span.start)
        )
        fact = (figure.value, figure.value_max, figure.unit)
        if self._restates(fact, mention):
            return False
        self._spans.add(span)
        self.figures.append(figure)
        for size in range(len(subject) + 1):
            kept = self._by_prefix.setdefault((*fact, subject[:size]), [])
            if len(kept) < _CANDIDATES:
                kept.append(mention)
        return True

    def _restates(self, fact: tuple[object, ...], mention: _Mention) -> bool:
        # Earlier subjects that start with this one, then earlier subjects this one starts with.
        candidates = list(self._by_prefix.get((*fact, mention.subject), ()))
        for size in range(len(mention.subject)):
            candidates.extend(
                earlier
                for earlier in self._by_prefix.get((*fact, mention.subject[:size]), ())
                if earlier.subject == mention.subject[:size]
            )
        return any(_same_fact(earlier, mention) for earlier in candidates)


def _same_fact(earlier: _Mention, later: _Mention) -> bool:
    if earlier.sentence == later.sentence and earlier.subject != later.subject:
        return False  # one sentence listing "5 hộ, 5 hộ cận nghèo" counts two groups
    return not (earlier.names and later.names and earlier.names != later.names)
