from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.language import Language

from vnreport.lang import UndertheseaTokenizer
from vnreport.normalize import normalize_text

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
