"""A dirty archive: every kind of bad file mixed among good ones, through the command line.

The good inputs all land, each bad one is a failure row with its reason, the exit status says
that some failed, nothing hangs, and a rerun changes nothing.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.inputs import write_warc
from vnreport.bulk.summary import ExitCode
from vnreport.cli import app
from vnreport.io import read_path
from vnreport.pipeline.assemble import content_id
from vnreport.text.normalize import normalize_text

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "corpora" / "dev"
TEXTS = sorted(DEV.glob("*.txt"))
PAGES = sorted(DEV.glob("*.html"))
MAX_BYTES, MAX_CHARS = 1_500_000, 200_000


def _lines(*records: object) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


def _page(url: str, body: bytes) -> tuple[str, int, str, bytes]:
    return (url, 200, "text/html; charset=utf-8", body)


def _last_record(path: Path) -> tuple[int, int]:
    """Offset and length of the last record of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as file:
        records = ArchiveIterator(file)
        for _ in records:
            place = records.get_record_offset(), records.get_record_length()
    return place


@dataclass
class _Archive:
    """A dirty archive being built: the files, a clean copy of each good article, the failures."""

    root: Path
    failures: dict[str, str] = field(default_factory=dict)
    rng: random.Random = field(default_factory=lambda: random.Random(7))

    def __post_init__(self) -> None:
        self.folder, self.clean = self.root / "archive", self.root / "clean"
        self.folder.mkdir()
        self.clean.mkdir()

    def bad(self, name: str, data: bytes, reason: str) -> None:
        (self.folder / name).write_bytes(data)
        self.failures[str(self.folder / name)] = reason

    def good(self, name: str, data: bytes, clean: bytes | None = None) -> None:
        (self.folder / name).parent.mkdir(exist_ok=True)
        (self.folder / name).write_bytes(data)
        (self.clean / f"{len(list(self.clean.iterdir())):02d}.txt").write_bytes(clean or data)

    def texts(self) -> None:
        """Plain articles; one under a legacy (non-UTF-8) file name, one in UTF-16."""
        for path in TEXTS[:3]:
            self.good(path.name, path.read_bytes())
        self.good(os.fsdecode(b"legacy/B\xe0i vi\xeat.txt"), TEXTS[3].read_bytes())
        utf16 = codecs.BOM_UTF16_LE + TEXTS[4].read_text().encode("utf-16-le")
        self.good("utf16.txt", utf16, TEXTS[4].read_bytes())

    def pages(self) -> None:
        """A page, the same kind of page drowned in script, and one that is only script."""
        (self.folder / PAGES[0].name).write_bytes(PAGES[0].read_bytes())
        (self.clean / PAGES[0].name).write_bytes(PAGES[0].read_bytes())
        script = b"<script>" + b"var s = 'Doan kiem tra'; function f(x) { return x; }\n" * 6000
        (self.clean / "scripted.html").write_bytes(PAGES[1].read_bytes())
        (self.folder / "scripted.html").write_bytes(
            PAGES[1].read_bytes().replace(b"<body", script + b"</script><body", 1)
        )
        scripts = b"<html><head>" + script + b"</script></head><body><script>f(1);</script>"
        self.bad("scripts.html", scripts + b"</body></html>", "EmptyDocumentError")

    def json_lines(self) -> None:
        """Good lines among broken ones; a gzipped file cut short; not gzip; empty."""
        good = [{"id": f"j{i}", "text": TEXTS[5 + i].read_text()} for i in range(2)]
        text = TEXTS[7].read_text()
        surrogate = {"id": "j-surrogate", "text": text.replace("\n", " \ud83d\n", 1)}
        clean = {"text": text.replace("\n", " \ufffd\n", 1)}
        (self.clean / "lines.jsonl").write_bytes(_lines(*good, clean))
        mixed = self.folder / "mixed.jsonl"
        mixed.write_bytes(
            _lines(good[0])
            + b"{broken json\n"
            + b"[1, 2, 3]\n"
            + b"\n   \n"
            + _lines({"id": "no-text", "title": "Chỉ có tiêu đề"})
            + b"[" * 50_000 + b"\n"
            + json.dumps(surrogate).encode() + b"\n"
            + _lines(good[1])
            + b'{"id": "cut", "text": "B\xc3\xa0i vi\xe1\xba\xbft b\xe1\xbb\x8b c'
        )  # fmt: skip
        for line, reason in ((2, "D"), (3, "D"), (6, "E"), (7, "D"), (10, "D")):
            self.failures[f"{mixed}:{line}"] = {"D": "DecodeError", "E": "EmptyDocumentError"}[
                reason
            ]
        cut = [{"id": f"g{i}", "text": TEXTS[8 + i].read_text()} for i in range(3)]
        (self.clean / "cut.jsonl").write_bytes(_lines(*cut[:2]))
        last = gzip.compress(_lines(cut[2]))
        whole = gzip.compress(_lines(*cut[:2]))
        self.bad("cut.jsonl.gz", whole + last[: len(last) // 2], "DecodeError")
        self.bad("broken.jsonl.gz", b"not gzip at all\n" * 20, "DecodeError")
        self.bad("empty.jsonl", b"", "EmptyDocumentError")

    def web_archive(self) -> None:
        """A half-written WARC: two whole pages, the third cut off in its body."""
        pages = [_page(f"https://bao.vn/tin/{i}", p.read_bytes()) for i, p in enumerate(PAGES[2:5])]
        write_warc(self.clean / "whole.warc.gz", pages[:2])
        write_warc(self.root / "full.warc.gz", pages)
        data = (self.root / "full.warc.gz").read_bytes()
        start, length = _last_record(self.root / "full.warc.gz")
        (self.folder / "half.warc.gz").write_bytes(data[: start + length // 2])
        self.failures[pages[2][0]] = "DecodeError"

    def not_text(self) -> None:
        """Binary, byte soup, empty and blank files, and texts over the size limits."""
        self.bad("blob.txt", b"\x7fELF\x02\x01\x01\x00" + self.rng.randbytes(4000), "DecodeError")
        self.bad("gzipped.txt", gzip.compress(TEXTS[0].read_bytes()), "DecodeError")
        self.bad("soup.txt", bytes(b for b in self.rng.randbytes(6000) if b), "DecodeError")
        legacy = [b for b in range(0x80, 0x100) if bytes([b]).decode("cp1258", "ignore")]
        soup = bytes(self.rng.choice(legacy) for _ in range(6000))
        self.bad("legacy-soup.txt", soup, "DecodeError")
        self.bad("empty.txt", b"", "EmptyDocumentError")
        blank = " \t\n\r\n\u00a0\u3000\u200b\ufeff\u2060\n".encode()
        self.bad("blank.txt", codecs.BOM_UTF8 + blank * 50, "EmptyDocumentError")
        sentence = "Đoàn kiểm tra làm việc tại xã Yên Đĩnh, huyện Chợ Mới. "
        line = (sentence * (1_000_000 // len(sentence.encode()) + 1)).encode()[:1_000_000]
        line = line.decode("utf-8", "ignore").encode()  # a 1 MB single line, under MAX_BYTES
        self.bad("one-line.txt", line, "DocumentTooLargeError")
        self.bad("huge.txt", line * 2, "DocumentTooLargeError")

    def not_files(self) -> None:
        """What a folder walk finds that is not a file to read."""
        os.mkfifo(self.folder / "pipe.txt")  # reading it would wait for a writer forever
        self.failures[str(self.folder / "pipe.txt")] = "UnsupportedFormatError"
        (self.folder / "dangling.txt").symlink_to(self.root / "nowhere.txt")
        self.failures[str(self.folder / "dangling.txt")] = "InputError"

    def expected_ids(self) -> set[str]:
        """The ids of the reports the good inputs hold: hashes of their normalized texts."""
        return {
            content_id(normalize_text(doc.text))
            for path in sorted(self.clean.iterdir())
            for doc in read_path(path)
        }


def _build(root: Path) -> tuple[Path, set[str], dict[str, str]]:
    """The dirty archive: its folder, the ids of its good reports, the {source: reason} failures."""
    archive = _Archive(root)
    for part in (archive.texts, archive.pages, archive.json_lines, archive.web_archive):
        part()
    archive.not_text()
    archive.not_files()
    return archive.folder, archive.expected_ids(), archive.failures


def _rows(database: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as connection:
        return connection.execute(query).fetchall()


def _snapshot(database: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = {
        table: sorted(_rows(database, f"SELECT * FROM {table}"), key=repr)
        for table in ("reports", "inputs", "officials", "figures", "mentions")
    }
    # Failures are tried again on a rerun and their rows rewritten: compare them without ids.
    failures = "SELECT key, source, reason, message, extractor_version FROM failures"
    return {**tables, "failures": sorted(_rows(database, failures), key=repr)}


@pytest.mark.slow
def test_a_dirty_archive(tmp_path: Path) -> None:
    folder, expected, failures = _build(tmp_path)
    database = tmp_path / "out.sqlite"
    command = [
        sys.executable, "-m", "vnreport.cli", "extract", str(folder), "--out", str(database),
        "--workers", "2", "--max-bytes", str(MAX_BYTES), "--max-chars", str(MAX_CHARS), "-q",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    first = subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)
    assert first.returncode == ExitCode.SOME_FAILED, first.stderr.decode()
    stored = {rid for (rid,) in _rows(database, "SELECT id FROM reports")}
    assert stored == expected, "a good input was lost, or a bad one stored"
    # Every input has its row: a report for the good, a failure for the bad.
    assert _rows(database, "SELECT count(*) FROM inputs WHERE report_id IS NULL") == [
        (len(failures),)
    ]
    assert _rows(database, "SELECT count(*) FROM inputs WHERE report_id IS NOT NULL") == [
        (len(expected),)
    ]
    assert dict(_rows(database, "SELECT source, reason FROM failures")) == failures
    messages = dict(
        _rows(database, "SELECT reason, group_concat(message, ' | ') FROM failures GROUP BY reason")
    )
    for words in ("binary", "not text", "nested too deeply", "ends inside a record", "not JSON"):
        assert words in str(messages["DecodeError"]), words
    assert "not a regular file" in str(messages["UnsupportedFormatError"])
    assert "1,500,000" in str(messages["DocumentTooLargeError"])
    assert "200,000" in str(messages["DocumentTooLargeError"])
    legacy_name = str(folder / "legacy" / "B\\xe0i vi\\xeat.txt")  # shown, not mangled
    with sqlite3.connect(database) as connection:
        query = "SELECT count(*) FROM inputs WHERE source = ? AND report_id IS NOT NULL"
        assert connection.execute(query, (legacy_name,)).fetchone() == (1,)

    before = _snapshot(database)
    again = subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)
    # The rerun skips what is stored and tries the bad inputs again: they still fail.
    assert again.returncode == ExitCode.SOME_FAILED, again.stderr.decode()
    assert _snapshot(database) == before


def test_the_size_limit_comes_from_the_environment(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in TEXTS[:2]:
        (folder / path.name).write_bytes(path.read_bytes())
    database = tmp_path / "out.sqlite"
    result = CliRunner().invoke(
        app,
        ["extract", str(folder), "--out", str(database), "--workers", "0", "-q"],
        env={"VNREPORT_MAX_CHARS": "500"},
    )
    assert result.exit_code == ExitCode.NEARLY_ALL_FAILED, result.output
    reasons = _rows(database, "SELECT reason, message FROM failures")
    assert len(reasons) == 2
    assert all(r == "DocumentTooLargeError" and "limit of 500" in str(m) for r, m in reasons)
