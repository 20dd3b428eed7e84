"""Hostile encodings: corpus articles saved every way archives hold them give the clean Report.

Each article of `corpora/dev` below is written as UTF-8 with a BOM, UTF-16 with and without a
BOM, Windows-1258 (tone marks combining, as legacy editors wrote Vietnamese), decomposed UTF-8
and the usual mojibake; read the way a bulk run reads it, each must give the Report of the
clean UTF-8 file: the same id, the same records.
"""

from __future__ import annotations

import codecs
import sqlite3
import unicodedata
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252, the codec browsers use)
import pytest

from vnreport.bulk.runner import BulkOptions, run
from vnreport.bulk.worker import WorkOptions, process
from vnreport.io import RawInput, iter_raw
from vnreport.records import Report
from vnreport.sinks import open_sink

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "dev"
ARTICLES = sorted(CORPUS.glob("*.txt"))[::6]  # six articles from across the corpus

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # the marks Windows-1258 keeps apart


def to_windows_1258(text: str) -> bytes:
    """`text` as a legacy Windows-1258 editor saves it, built from the decomposed (NFD) text.

    Each letter with its marks is written precomposed when the code page has it (ă, â, ê, ô,
    ơ, ư, đ and a few toned capitals), else as its base letter and tone mark apart; a character
    the code page cannot hold at all becomes "?", as Windows' converters write it.
    """
    out = bytearray()
    clusters: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    for cluster in clusters:
        whole = unicodedata.normalize("NFC", cluster)
        base = unicodedata.normalize("NFC", "".join(c for c in cluster if c not in _TONES))
        tones = "".join(c for c in cluster if c in _TONES)
        for candidate in (whole, base + tones):
            try:
                out += candidate.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += b"?"
    return bytes(out)


def _mojibake(codec: str) -> Callable[[str], bytes]:
    """UTF-8 bytes decoded as `codec` and saved again as UTF-8: what a wrong guess leaves."""
    return lambda text: text.encode("utf-8").decode(codec).encode("utf-8")


# fmt: off
ENCODINGS: list[tuple[str, Callable[[str], bytes]]] = [
    ("utf-8 with BOM",            lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    ("utf-8 with BOM, CRLF",      lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8")),
    ("utf-16 LE with BOM",        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    ("utf-16 BE with BOM",        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    ("utf-16 LE without BOM",     lambda t: t.encode("utf-16-le")),
    ("utf-16 BE without BOM",     lambda t: t.encode("utf-16-be")),
    ("windows-1258",              to_windows_1258),
    ("windows-1258, CRLF",        lambda t: to_windows_1258(t.replace("\n", "\r\n"))),
    ("decomposed (NFD) utf-8",    lambda t: unicodedata.normalize("NFD", t).encode("utf-8")),
    ("utf-8 read as windows-1252", _mojibake("sloppy-windows-1252")),
    ("utf-8 read as latin-1",     _mojibake("latin-1")),
]
# fmt: on


def _read(path: Path) -> Report:
    """The Report a bulk worker makes of one file, or a failed test."""
    (raw,) = iter_raw([path])
    assert isinstance(raw, RawInput), raw
    stored = process(raw, WorkOptions())
    assert isinstance(stored.result, Report), f"{path.name}: {stored.result}"
    return stored.result


def _records(report: Report) -> dict[str, object]:
    return report.model_dump(exclude={"source"})


@pytest.fixture(scope="module")
def clean() -> dict[str, Report]:
    """The Report of each clean UTF-8 article, by file name."""
    assert len(ARTICLES) >= 5, "corpora/dev should hold the .txt articles"
    return {path.name: _read(path) for path in ARTICLES}


def test_the_windows_1258_files_are_faithful() -> None:
    # Each article fits the code page whole, written with combining tone marks (bytes
    # 0xCC 0xEC 0xDE 0xD2 0xF2), so its legacy file can give the clean Report.
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        saved = to_windows_1258(text)
        assert unicodedata.normalize("NFC", saved.decode("cp1258")) == text
        assert any(mark in saved for mark in b"\xcc\xec\xde\xd2\xf2")


@pytest.mark.parametrize(("name", "encode"), ENCODINGS, ids=[name for name, _ in ENCODINGS])
def test_every_encoding_gives_the_clean_report(
    tmp_path: Path, clean: dict[str, Report], name: str, encode: Callable[[str], bytes]
) -> None:
    for path in ARTICLES:
        data = encode(path.read_text(encoding="utf-8"))
        assert data != path.read_bytes()
        target = tmp_path / path.name
        target.write_bytes(data)
        report = _read(target)
        expected = clean[path.name]
        assert report.id == expected.id, f"{name}: {path.name} reads as another text"
        assert _records(report) == _records(expected), f"{name}: {path.name}"


def test_characters_windows_1258_lacks_become_question_marks(tmp_path: Path) -> None:
    text = ARTICLES[0].read_text(encoding="utf-8").replace("\n", " → ★ 漢字 ≥ 5 ✓\n", 1)
    saved = to_windows_1258(text)
    assert saved.count(b"?") == text.count("?") + 6
    legacy, utf8 = tmp_path / "legacy.txt", tmp_path / "utf8.txt"
    legacy.write_bytes(saved)
    utf8.write_text(saved.decode("cp1258"), encoding="utf-8")  # what the legacy file says
    assert _records(_read(legacy)) == _records(_read(utf8))


def test_a_bulk_run_stores_each_article_once_whatever_its_encoding(
    tmp_path: Path, clean: dict[str, Report]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    articles = ARTICLES[:2]
    for path in articles:
        text = path.read_text(encoding="utf-8")
        for index, (_, encode) in enumerate(ENCODINGS):
            (folder / f"{path.stem}.{index:02d}.txt").write_bytes(encode(text))
    database = tmp_path / "out.sqlite"
    with open_sink(database) as sink:
        summary = run([folder], sink, BulkOptions(workers=0, quiet=True))
    assert (summary.extracted, summary.failed) == (len(articles) * len(ENCODINGS), 0)
    assert summary.written.new == len(articles)
    assert summary.written.unchanged == len(articles) * (len(ENCODINGS) - 1)
    with sqlite3.connect(database) as connection:
        ids = {rid for (rid,) in connection.execute("SELECT id FROM reports")}
        links = connection.execute("SELECT source, report_id FROM inputs").fetchall()
    assert ids == {clean[path.name].id for path in articles}
    for source, report_id in links:
        stem = Path(source).name.split(".")[0]
        assert report_id == clean[f"{stem}.txt"].id, source
