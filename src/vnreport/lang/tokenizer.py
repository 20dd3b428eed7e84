"""A spaCy tokenizer that segments Vietnamese words with underthesea's bundled CRF model.

`doc.text` is the normalized input (see `vnreport.text.normalize`), so every character offset a
component records indexes the same string the Report carries.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from vnreport.disk_cache import cached
from vnreport.errors import ResourceError
from vnreport.lang.word_features import WordFeatures, parse_templates
from vnreport.text.normalize import normalize_text
from vnreport.text.page import debris_starts

# The Doc user_data key under which the tokenizer keeps the text it was given.
TEXT_KEY = "vnreport_text"
_LINE = re.compile(r"[^\n]+")
_NON_SPACE = re.compile(r"\S+")
# A run of more characters than this without a space ("1.2.3.4…", "a.b.c.…", a long URL) holds
# no words: underthesea's syllable regex would rescan it from each of its characters
# (quadratic time), so it is never handed over and becomes one token.
_MAX_WORD_CHARS = 80
_LONG_RUN = re.compile(rf"\S{{{_MAX_WORD_CHARS + 1},}}")
# underthesea's own word segmentation model (VLSP 2013 CRF), shipped inside the package.
_MODEL_DIR = ("models", "ws_crf_vlsp2013_20230727")


class _WordSegmenter:
    """underthesea's syllable splitter and CRF word model, with each syllable's offset kept.

    `underthesea.word_tokenize` does the same per line and then joins the words into strings;
    calling the model directly keeps each syllable's offset, so words map back to the text
    without searching for them. The pattern and the model's feature list and dictionary come
    from the on-disk cache, so a fresh process need not import underthesea itself (which
    imports every one of its pipelines).
    """

    def __init__(self) -> None:
        try:
            from underthesea_core import CRFFeaturizer, CRFTagger
        except ImportError as error:
            raise ResourceError(
                "underthesea_core (underthesea's CRF) is missing; pip install -e ."
            ) from error
        parts = cached(
            "word_model", _word_model_parts, distributions=("underthesea",), files=(Path(__file__),)
        )
        self._syllables = re.compile(parts["pattern"], parts["flags"])
        templates = parse_templates(parts["features"])
        if templates is None:
            # A model with templates of another shape: let underthesea_core compute them.
            process = CRFFeaturizer(parts["features"], parts["dictionary"]).process
            self._features: Callable[[list[str]], list[list[str]]] = lambda syllables: process(
                [[[syllable] for syllable in syllables]]
            )[0]
        else:
            self._features = WordFeatures(templates, parts["dictionary"])
        self._tagger = CRFTagger()
        self._tagger.load(str(_model_dir() / "models.bin"))

    def words(self, lines: list[str]) -> list[list[tuple[int, int]]]:
        """For each line, the spans of its words (a word is one or more syllables)."""
        features, tag = self._features, self._tagger.tag
        spans: list[list[tuple[int, int]]] = []
        for line in lines:
            syllables = [match.span() for match in self._syllables.finditer(line)]
            words: list[tuple[int, int]] = []
            if syllables:
                # One line at a time: its features are tagged and freed while still in the
                # CPU cache (measured ~7 % faster than featurizing the whole article at once).
                tags = tag(features([line[start:end] for start, end in syllables]))
                for (start, end), label in zip(syllables, tags, strict=True):
                    if label == "I-W" and words:
                        words[-1] = (words[-1][0], end)
                    else:
                        words.append((start, end))
            spans.append(words)
        return spans


def _model_dir() -> Path:
    """underthesea's model folder, found without importing (running) the package."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError(
            "underthesea is required: pip install -e . (or pip install underthesea)"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    return root.joinpath("pipeline", "word_tokenize", *_MODEL_DIR)


def _word_model_parts() -> dict[str, Any]:
    """What the segmenter reads from underthesea: its syllable pattern, features, dictionary."""
    try:
        import joblib
        from underthesea.pipeline.word_tokenize.regex_tokenize import patterns
    except ImportError as error:
        raise ResourceError(
            "this underthesea has no word segmentation model where vnreport expects it; "
            "install the version pyproject.toml names (pip install -e .)"
        ) from error
    folder = _model_dir()
    try:
        features = joblib.load(folder / "features.bin")
        dictionary = joblib.load(folder / "dictionary.bin")
    except OSError as error:
        raise ResourceError(
            f"underthesea's word model is missing from {folder}; reinstall underthesea "
            "(pip install -e .)"
        ) from error
    return {
        "pattern": patterns.pattern,
        "flags": patterns.flags,
        "features": features,
        "dictionary": dictionary,
    }


@cache
def _segmenter() -> _WordSegmenter:
    return _WordSegmenter()


def word_spans(text: str, plain: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Character spans of the words of `text`, in order, never crossing a line break.

    Lines starting at an offset in `plain` (web debris) are split on spaces only, and so are
    runs of over `_MAX_WORD_CHARS` characters without a space. Characters the syllable splitter
    leaves out become tokens of their own, so no text is lost.
    """
    pieces: list[tuple[int, str, bool]] = []  # (offset, text, segment it)
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        offset = match.start()
        segment = offset + len(line) - len(line.lstrip()) not in plain
        pieces.extend(_pieces(offset, line, segment))
    segmented = [(offset, piece) for offset, piece, segment in pieces if segment]
    words = dict(zip(segmented, _segmenter().words([piece for _, piece in segmented]), strict=True))
    spans: list[tuple[int, int]] = []
    append = spans.append
    for offset, line, _ in pieces:
        cursor = 0
        for start, end in words.get((offset, line), ()):
            # Between two words there is almost always only a space: test that before searching.
            if start > cursor and not line[cursor:start].isspace():
                spans.extend(_gaps(line, offset, cursor, start))
            append((offset + start, offset + end))
            cursor = end
        if cursor < len(line) and not line[cursor:].isspace():
            spans.extend(_gaps(line, offset, cursor, len(line)))
    return spans


def _pieces(offset: int, line: str, segment: bool) -> Iterator[tuple[int, str, bool]]:
    """A line cut around its long runs without a space, which are never segmented."""
    if not segment or len(line) <= _MAX_WORD_CHARS:
        yield offset, line, segment
        return
    cursor = 0
    for run in _LONG_RUN.finditer(line):
        if line[cursor : run.start()].strip():
            yield offset + cursor, line[cursor : run.start()], True
        yield offset + run.start(), run.group(), False
        cursor = run.end()
    if line[cursor:].strip():
        yield offset + cursor, line[cursor:], True


def _gaps(line: str, offset: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans (shifted by `offset`) of the non-space runs of `line[start:end]`."""
    for match in _NON_SPACE.finditer(line, start, end):
        yield offset + match.start(), offset + match.end()


class UndertheseaTokenizer:
    """Normalizes text and splits it into underthesea words; pickles for `nlp.pipe(n_process)`."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        text = normalize_text(text)
        words: list[str] = []
        spaces: list[bool] = []
        cursor = 0
        for start, end in word_spans(text, debris_starts(text)):
            if start == cursor + 1 and words and text[cursor] == " " and not spaces[-1]:
                spaces[-1] = True  # the usual gap: one space after the previous word
            elif start > cursor:
                # Whitespace beyond one space becomes a whitespace token, as spaCy does.
                gap = text[cursor:start]
                if words and gap[0] == " " and not spaces[-1]:
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
            words.append(text[start:end])
            spaces.append(False)
            cursor = end
        if cursor < len(text):
            gap = text[cursor:]
            if words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
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
