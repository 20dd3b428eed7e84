from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from vnreport.lang import UndertheseaTokenizer
from vnreport.text.normalize import normalize_text
from vnreport.text.page import debris_starts

# fmt: off
WORDS = [
    ("đồng chí Nguyễn Thị Huế – Phó Chủ tịch", "Nguyễn Thị Huế"),
    ("tại phường Huyền Tụng.", "Huyền Tụng"),
    ("Đoàn kiểm tra Quy chế dân chủ", "kiểm tra"),
]
# fmt: on


@pytest.mark.parametrize(("text", "word"), WORDS)
def test_multi_syllable_words_are_single_tokens(nlp: Language, text: str, word: str) -> None:
    assert word in [token.text for token in nlp.make_doc(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Sáng ngày 14/9,  Đoàn\u00a0kiểm tra\n\n\ntại phường X.",
        "  leading and trailing  ",
        "\n\n",
        "hoà bình – “thuỷ”",
        "TP.Bắc Kạn (TX.Sa Pa)",
    ],
)
def test_doc_text_is_the_normalized_input(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    assert doc.text == normalize_text(text)


def test_tokenizer_pickles(nlp: Language) -> None:
    restored = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert isinstance(restored, UndertheseaTokenizer)
    assert [t.text for t in restored("phường Huyền Tụng")] == ["phường", "Huyền Tụng"]


def test_pipeline_round_trips_through_config_and_disk(nlp: Language, tmp_path) -> None:
    rebuilt = spacy.util.get_lang_class("vi").from_config(nlp.config)
    assert rebuilt.pipe_names == nlp.pipe_names
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = "Sáng 3/10, ông Hà Văn Tùng, Chủ tịch UBND xã Dương Quang kiểm tra tổ 5."
    assert loaded(text)._.report.officials == nlp(text)._.report.officials


def test_words_are_underthesea_words_on_corpus_lines(nlp: Language) -> None:
    from underthesea import word_tokenize

    corpus = Path(__file__).resolve().parents[1] / "corpora" / "dev"
    lines = [
        line
        for path in sorted(corpus.glob("*.txt"))[:8]
        for line in normalize_text(path.read_text(encoding="utf-8")).splitlines()
        if line.strip() and not debris_starts(line)
    ]
    assert len(lines) > 40
    for line in lines:
        ours = [" ".join(t.text.split()) for t in nlp.make_doc(line) if not t.is_space]
        assert ours == word_tokenize(line, use_token_normalize=False), line


def test_debris_lines_are_split_on_spaces_only(nlp: Language) -> None:
    text = "Tiêu đề bài\n\nNội dung bài viết ở đây.\n\nTác Giả\n\nTrả lời ý kiến\nPhó Chủ tịch UBND"
    tokens = [t.text for t in nlp.make_doc(text)]
    # "Chủ tịch" would be one word in the article; in the comment-form debris it is not segmented.
    assert tokens[-4:] == ["Phó", "Chủ", "tịch", "UBND"]
    assert "Nội dung" in tokens
