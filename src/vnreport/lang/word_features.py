"""The CRF word model's features, computed in Python with each n-gram's features cached.

underthesea_core's `CRFFeaturizer.process` builds every feature string of every syllable anew,
in a Rust loop that allocates one Python string per feature (43 per syllable for the bundled
model). Articles of one genre repeat their syllables and pairs, so here each n-gram's feature
strings are built once and then shared: a syllable's features are a handful of cached tuples.
The result is the same set of strings `process` gives, which the tests check on our corpora.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Row caches are cleared past this many n-grams, so memory stays flat on any archive.
_MAX_ROWS = 20_000
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_INT32 = range(-(2**31), 2**31)
BOS, EOS = "BOS", "EOS"


def _is_digit(gram: str, _dictionary: frozenset[str]) -> bool:
    # underthesea_core parses the n-gram as a 32-bit integer.
    return _INTEGER.fullmatch(gram) is not None and int(gram) in _INT32


def _is_title(gram: str, _dictionary: frozenset[str]) -> bool:
    return all(part[:1] == part[:1].upper() for part in gram.split(" "))


def _is_in_dict(gram: str, dictionary: frozenset[str]) -> bool:
    return gram.lower() in dictionary


_PREDICATES: dict[str, Callable[[str, frozenset[str]], bool]] = {
    "isdigit": _is_digit,
    "istitle": _is_title,
    "is_in_dict": _is_in_dict,
}
_FUNCTIONS = {"", "lower", *_PREDICATES}


@dataclass(frozen=True)
class Template:
    """One feature template: the syllables `start..end` around the current one, and a function."""

    text: str
    start: int
    end: int
    function: str  # "" (the n-gram itself), "lower", or a key of _PREDICATES

    @property
    def width(self) -> int:
        return self.end - self.start + 1


def parse_templates(texts: Iterable[str]) -> list[Template] | None:
    """The templates, or None when one is of a shape this module does not compute."""
    templates: list[Template] = []
    for text in texts:
        match = _TEMPLATE.fullmatch(text)
        if match is None:
            return None
        start = int(match[1])
        end = start if match[2] is None else int(match[2])
        function = match[3] or ""
        if function not in _FUNCTIONS or end < start:
            return None
        templates.append(Template(text, start, end, function))
    return templates or None


# A row holds, per template group of one width, the feature strings of one n-gram.
_Row = tuple[tuple[str, ...], ...]


def _assembler(parts: int) -> Callable[[Iterable[tuple[tuple[str, ...], ...]]], list[list[str]]]:
    """A function joining each syllable's `parts` tuples into one list.

    Unpacking a fixed number of tuples in a list display is about 2.5 times faster than
    `list(chain.from_iterable(...))`, and this join is most of the featurizing time; the
    source is built from a count, never from input.
    """
    names = ", ".join(f"p{index}" for index in range(parts))
    stars = ", ".join(f"*p{index}" for index in range(parts))
    joined: Callable[[Iterable[tuple[tuple[str, ...], ...]]], list[list[str]]] = eval(
        f"lambda syllables: [[{stars}] for {names}, in syllables]"
    )
    return joined


class WordFeatures:
    """`CRFFeaturizer(templates, dictionary).process` for one sentence of syllables."""

    def __init__(self, templates: list[Template], dictionary: Iterable[str]) -> None:
        self._dictionary = frozenset(dictionary)
        groups: dict[tuple[int, int], list[Template]] = {}
        for template in templates:
            groups.setdefault((template.width, template.start), []).append(template)
        self._widths = sorted({width for width, _ in groups})
        # Per width: its groups' templates; a row has one entry per group, in this order.
        self._groups = {
            width: [group for (w, _), group in sorted(groups.items()) if w == width]
            for width in self._widths
        }
        # Where a syllable's features come from: (width, group index, start offset).
        self._plan = [
            (width, index, group[0].start)
            for width in self._widths
            for index, group in enumerate(self._groups[width])
        ]
        self._boundary = {
            (width, marker): tuple(
                tuple(f"{template.text}={marker}" for template in group)
                for group in self._groups[width]
            )
            for width in self._widths
            for marker in (BOS, EOS)
        }
        # The two strings a predicate template can give, built once and shared.
        self._verdicts = {
            template.text: (f"{template.text}=False", f"{template.text}=True")
            for template in templates
            if template.function in _PREDICATES
        }
        # The functions each width's templates use, so a row computes each value once.
        self._functions = {
            width: sorted({t.function for group in self._groups[width] for t in group})
            for width in self._widths
        }
        self._rows: dict[int, dict[str, _Row]] = {width: {} for width in self._widths}
        starts = [start for _, _, start in self._plan]
        self._left = max(0, -min(starts))
        self._right = max(0, *starts)
        self._assemble = _assembler(len(self._plan))

    def __call__(self, syllables: list[str]) -> list[list[str]]:
        count = len(syllables)
        padded: dict[int, list[_Row]] = {}
        for width in self._widths:
            grams = [" ".join(syllables[i : i + width]) for i in range(count - width + 1)]
            padded[width] = (
                [self._boundary[width, BOS]] * self._left
                + [self._row(width, gram) for gram in grams]
                + [self._boundary[width, EOS]] * (self._right + width)
            )
        left = self._left
        columns = [
            [row[index] for row in padded[width][left + start : left + start + count]]
            for width, index, start in self._plan
        ]
        return self._assemble(zip(*columns, strict=True))

    def _row(self, width: int, gram: str) -> _Row:
        rows = self._rows[width]
        row = rows.get(gram)
        if row is None:
            if len(rows) >= _MAX_ROWS:
                rows.clear()
            row = rows[gram] = self._new_row(width, gram)
        return row

    def _new_row(self, width: int, gram: str) -> _Row:
        values: dict[str, str | bool] = {}
        for function in self._functions[width]:
            if function == "":
                values[function] = gram
            elif function == "lower":
                values[function] = gram.lower()
            else:
                values[function] = _PREDICATES[function](gram, self._dictionary)
        return tuple(
            tuple(
                f"{template.text}={value}"
                if isinstance(value := values[template.function], str)
                else self._verdicts[template.text][value]
                for template in group
            )
            for group in self._groups[width]
        )
