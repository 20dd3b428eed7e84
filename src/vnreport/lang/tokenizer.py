"""A spaCy tokenizer that segments Vietnamese words with underthesea's bundled CRF model.

`doc.text` is the normalized input (see `vnreport.normalize`), so every character offset a
component records indexes the same string the Report carries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from vnreport.normalize import normalize_text
from vnreport.pipeline.store import TEXT_KEY

_LINE = re.compile(r"[^\n]+")
_NON_SPACE = re.compile(r"\S+")


def _segment(line: str) -> list[str]:
    from underthesea import word_tokenize

    words: list[str] = word_tokenize(line, use_token_normalize=False)
    return words


def _word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of words: underthesea's words, never crossing a line break."""
    for line_match in _LINE.finditer(text):
        line = line_match.group()
        if not line.strip():
            continue
        offset = line_match.start()
        cursor = 0
        for word in _segment(line):
            start = end = -1
            for syllable in word.split(" "):
                found = line.find(syllable, cursor)
                if found < 0:
                    break
                if start < 0:
                    start = found
                end = cursor = found + len(syllable)
            if start >= 0:
                yield offset + start, offset + end
        # Characters the segmenter dropped still become tokens, so nothing is lost.
        if cursor < len(line):
            for rest in _NON_SPACE.finditer(line, cursor):
                yield offset + rest.start(), offset + rest.end()


def _fill_gaps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add tokens for any non-space characters the segmenter skipped; keep spans ordered."""
    filled: list[tuple[int, int]] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:
            continue
        if start > cursor:
            filled.extend((m.start(), m.end()) for m in _NON_SPACE.finditer(text, cursor, start))
        filled.append((start, end))
        cursor = end
    filled.extend((m.start(), m.end()) for m in _NON_SPACE.finditer(text, cursor))
    return filled


class UndertheseaTokenizer:
    """Normalizes text and splits it into underthesea words; pickles for `nlp.pipe(n_process)`."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        text = normalize_text(text)
        spans = _fill_gaps(text, list(_word_spans(text)))
        words: list[str] = []
        spaces: list[bool] = []
        cursor = 0
        for index, (start, end) in enumerate(spans):
            if start > cursor:
                # Whitespace beyond one space becomes a whitespace token, as spaCy does.
                gap = text[cursor:start]
                if words and gap.startswith(" ") and not spaces[-1]:
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
            words.append(text[start:end])
            next_start = spans[index + 1][0] if index + 1 < len(spans) else len(text)
            has_space = end < next_start and text[end] == " "
            spaces.append(has_space)
            cursor = end + (1 if has_space else 0)
        if cursor < len(text):
            words.append(text[cursor:])
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        return doc

    def pipe(self, texts: Iterator[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def __reduce__(self) -> tuple[type[UndertheseaTokenizer], tuple[Vocab]]:
        return (UndertheseaTokenizer, (self.vocab,))

    # The tokenizer has no state of its own to serialize.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> UndertheseaTokenizer:
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, **kwargs: Any) -> UndertheseaTokenizer:
        return self


def create_tokenizer() -> Callable[[Language], UndertheseaTokenizer]:
    """The registered tokenizer factory, `vnreport.UndertheseaTokenizer.v1`."""

    def make(nlp: Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab)

    return make


registry.tokenizers.register("vnreport.UndertheseaTokenizer.v1", func=create_tokenizer)
