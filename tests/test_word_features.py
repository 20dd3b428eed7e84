"""Our featurizer gives underthesea_core's features, and so the model's tags, on real lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from underthesea_core import CRFFeaturizer

from vnreport.lang import word_features
from vnreport.lang.tokenizer import _segmenter, _WordSegmenter
from vnreport.lang.word_features import WordFeatures, parse_templates

CORPORA = Path(__file__).parent.parent / "corpora"

# fmt: off
EDGE_LINES = [
    "a",                                   # one syllable: every context is BOS or EOS
    "Chủ tịch",                            # two
    "UBND 2024 -5 +7 Hà Nội",              # digits with signs, an upper-case abbreviation
    "2147483647 2147483648 -2147483648",   # the 32-bit bounds isdigit keeps to
    "٣ ١٢ ⅷ",                              # digits that are not ASCII
    "ĐẮK LẮK đắk lắk Đắk Lắk",             # case of whole words and of first letters
    "ß İstanbul ǅ Σ ΑΣ",                   # letters whose case maps change their length
    "( ) . , ; : – … “ ”",                 # punctuation only
    "sinh viên đi học sinh viên",          # dictionary words, repeated n-grams
]
# fmt: on


def _corpus_lines() -> list[str]:
    lines: list[str] = []
    for split in ("dev", "heldout", "wild"):
        for path in sorted((CORPORA / split).glob("*.txt"))[:6]:
            lines.extend(line for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line.strip()]


@pytest.fixture(scope="module")
def segmenter() -> _WordSegmenter:
    return _segmenter()


@pytest.fixture(scope="module")
def model_parts(segmenter: _WordSegmenter) -> tuple[list[str], set[str]]:
    from vnreport.lang.tokenizer import _word_model_parts

    parts = _word_model_parts()
    return parts["features"], parts["dictionary"]


def _syllables(segmenter: _WordSegmenter, line: str) -> list[str]:
    return [match.group() for match in segmenter._syllables.finditer(line)]


def _reference(parts: tuple[list[str], set[str]], syllables: list[str]) -> list[list[str]]:
    output: list[list[str]] = CRFFeaturizer(*parts).process([[[s] for s in syllables]])[0]
    return output


def _as_sets(rows: list[list[str]]) -> list[frozenset[str]]:
    return [frozenset(row) for row in rows]


def test_the_bundled_model_is_computed_here(model_parts: tuple[list[str], set[str]]) -> None:
    templates = parse_templates(model_parts[0])
    assert templates is not None
    assert len(templates) == len(model_parts[0]) == 43
    assert {template.width for template in templates} == {1, 2, 3}


def test_corpus_lines_get_the_same_features_and_tags(
    segmenter: _WordSegmenter, model_parts: tuple[list[str], set[str]]
) -> None:
    templates = parse_templates(model_parts[0])
    assert templates is not None
    features = WordFeatures(templates, model_parts[1])
    lines = _corpus_lines()
    assert len(lines) > 100
    for line in lines:
        syllables = _syllables(segmenter, line)
        if not syllables:
            continue
        ours, theirs = features(syllables), _reference(model_parts, syllables)
        assert _as_sets(ours) == _as_sets(theirs), line
        assert segmenter._tagger.tag(ours) == segmenter._tagger.tag(theirs), line


@pytest.mark.parametrize("line", EDGE_LINES)
def test_edge_lines_get_the_same_features(
    model_parts: tuple[list[str], set[str]], line: str
) -> None:
    templates = parse_templates(model_parts[0])
    assert templates is not None
    syllables = line.split(" ")
    assert _as_sets(WordFeatures(templates, model_parts[1])(syllables)) == _as_sets(
        _reference(model_parts, syllables)
    )


def test_an_empty_line_has_no_features(model_parts: tuple[list[str], set[str]]) -> None:
    templates = parse_templates(model_parts[0])
    assert templates is not None
    assert WordFeatures(templates, model_parts[1])([]) == []


_SYLLABLE = st.text(
    alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạếềểễệốồổỗộ0123456789+-.,%"),
    min_size=1,
    max_size=7,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_SYLLABLE, min_size=1, max_size=12))
def test_random_syllables_get_the_same_features(syllables: list[str]) -> None:
    from vnreport.lang.tokenizer import _word_model_parts

    parts = _word_model_parts()
    templates = parse_templates(parts["features"])
    assert templates is not None
    features = WordFeatures(templates, parts["dictionary"])
    assert _as_sets(features(syllables)) == _as_sets(
        _reference((parts["features"], parts["dictionary"]), syllables)
    )


def test_the_row_cache_stays_bounded_and_correct(
    monkeypatch: pytest.MonkeyPatch, model_parts: tuple[list[str], set[str]]
) -> None:
    monkeypatch.setattr(word_features, "_MAX_ROWS", 50)
    templates = parse_templates(model_parts[0])
    assert templates is not None
    features = WordFeatures(templates, model_parts[1])
    syllables = [f"tổ {index}" for index in range(400)]
    syllables = " ".join(syllables).split(" ")
    for _ in range(2):
        assert _as_sets(features(syllables)) == _as_sets(_reference(model_parts, syllables))
        assert all(len(rows) <= 50 for rows in features._rows.values())


@pytest.mark.parametrize(
    "templates",
    [
        [],  # nothing to compute
        ["T[0][1]"],  # a second column: our syllables have one
        ["T[0].isupper"],  # a function underthesea_core may have and we do not
        ["T[1,-1]"],  # an end before its start
        ["W[0]"],  # not a token template
        ["T[0]", "T[0].lower", "x"],  # one bad template refuses the whole list
    ],
)
def test_templates_of_other_shapes_are_refused(templates: list[str]) -> None:
    assert parse_templates(templates) is None


def test_templates_are_read_with_their_window() -> None:
    parsed = parse_templates(["T[-2]", "T[-1,1].is_in_dict", "T[0,2].lower"])
    assert parsed is not None
    assert [(t.start, t.end, t.width, t.function) for t in parsed] == [
        (-2, -2, 1, ""),
        (-1, 1, 3, "is_in_dict"),
        (0, 2, 3, "lower"),
    ]
