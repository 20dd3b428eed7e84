"""The on-disk cache of start-up data: written, reused, rebuilt when its key changes or it breaks."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vnreport.disk_cache import CACHE_DIR_ENV, CACHE_SWITCH_ENV, cache_dir, cache_key, cached
from vnreport.lang.tokenizer import _WordSegmenter
from vnreport.pipeline.gazetteer import build_gazetteer, load_gazetteer

# fmt: off
LOOKUPS = [
    ("xã", "Nam Mẫu"),
    ("phường", "Huyền Tụng"),
    ("huyện", "Ba Bể"),
    ("tỉnh", "Bắc Kạn"),
    ("phường", "Bến Nghé"),
    ("xã", "Không Có Xã Này"),
]
# fmt: on


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(where))
    monkeypatch.delenv(CACHE_SWITCH_ENV, raising=False)
    return where


def _entries(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}-*.pickle"))


def test_the_folder_follows_the_setting_then_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "vnreport"
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.setenv(CACHE_SWITCH_ENV, "off")
    assert cache_dir() is None


def test_an_entry_is_written_once_then_reused(folder: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    assert cached("sample", build) == {"built": 1}
    assert cached("sample", build) == {"built": 1}
    assert calls == [1]
    assert len(_entries(folder, "sample")) == 1
    assert not list(folder.glob(".*")), "no temporary file is left behind"


def test_a_changed_source_file_rebuilds_and_replaces_the_entry(
    folder: Path, tmp_path: Path
) -> None:
    source = tmp_path / "table.json"
    source.write_text(json.dumps({"a": 1}), encoding="utf-8")

    def build() -> dict[str, int]:
        loaded: dict[str, int] = json.loads(source.read_text(encoding="utf-8"))
        return loaded

    assert cached("table", build, files=[source]) == {"a": 1}
    first = _entries(folder, "table")
    source.write_text(json.dumps({"a": 2}), encoding="utf-8")
    assert cached("table", build, files=[source]) == {"a": 2}
    second = _entries(folder, "table")
    assert len(second) == 2, "the other key's entry stays: another checkout may still use it"
    assert set(first) < set(second)


def test_a_few_entries_are_kept_per_name_the_newest(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.json"
    written: list[Path] = []
    for version in range(6):
        source.write_text(json.dumps({"v": version}), encoding="utf-8")
        assert cached("table", lambda v=version: {"v": v}, files=[source]) == {"v": version}
        (entry,) = set(_entries(folder, "table")) - set(written)
        os.utime(entry, (1_000_000 + version, 1_000_000 + version))  # distinct, in order
        written.append(entry)
    kept = _entries(folder, "table")
    assert len(kept) == 4
    assert set(kept) == set(written[-4:])


def test_the_key_changes_with_a_package_version_or_a_file(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("one", encoding="utf-8")
    base = cache_key(["underthesea"], [source])
    assert cache_key(["underthesea"], [source]) == base
    assert cache_key(["underthesea", "vietnam-provinces"], [source]) != base
    source.write_text("two", encoding="utf-8")
    assert cache_key(["underthesea"], [source]) != base


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95garbage"])
def test_a_corrupt_entry_is_rebuilt_silently(
    folder: Path, damage: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    cached("sample", lambda: [1, 2, 3])
    (entry,) = _entries(folder, "sample")
    entry.write_bytes(damage)
    with caplog.at_level(logging.DEBUG, logger="vnreport.disk_cache"):
        assert cached("sample", lambda: [1, 2, 3]) == [1, 2, 3]
    assert all(record.levelno <= logging.DEBUG for record in caplog.records)
    assert cached("sample", lambda: [9]) == [1, 2, 3], "the rebuilt entry was written"


def test_an_unwritable_folder_still_gives_the_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))
    assert cached("sample", lambda: "value") == "value"


def test_the_cached_gazetteer_answers_as_the_built_one(folder: Path) -> None:
    built = build_gazetteer()
    written = load_gazetteer()
    assert len(_entries(folder, "gazetteer")) == 1
    reread = load_gazetteer()
    for unit_type, name in LOOKUPS:
        expected = built.lookup(unit_type, name)
        assert written.lookup(unit_type, name) == expected
        assert reread.lookup(unit_type, name) == expected
        assert reread.knows(unit_type, name) == bool(expected)
    assert built.lookup("xã", "Nam Mẫu"), "the table names a real commune"


def test_a_corrupt_gazetteer_entry_is_rebuilt_with_the_same_answers(folder: Path) -> None:
    load_gazetteer()
    (entry,) = _entries(folder, "gazetteer")
    entry.write_bytes(entry.read_bytes()[:1000])
    rebuilt = load_gazetteer()
    built = build_gazetteer()
    for unit_type, name in LOOKUPS:
        assert rebuilt.lookup(unit_type, name) == built.lookup(unit_type, name)


def test_the_word_model_read_from_the_cache_segments_as_underthesea(folder: Path) -> None:
    from underthesea import word_tokenize

    line = "Đoàn kiểm tra của UBND huyện Ba Bể làm việc tại xã Nam Mẫu về công tác y tế"
    expected = word_tokenize(line, use_token_normalize=False)
    for _ in range(2):  # written, then read back
        spans = _WordSegmenter().words([line])[0]
        assert [line[start:end] for start, end in spans] == expected
    assert len(_entries(folder, "word_model")) == 1


def test_a_fresh_process_with_a_warm_cache_does_not_import_underthesea(folder: Path) -> None:
    script = (
        "import sys, vnreport\n"
        "vnreport.extract('Sáng 14/9, đoàn kiểm tra của UBND huyện Ba Bể làm việc tại xã Nam Mẫu.')\n"
        "print('underthesea' in sys.modules)\n"
    )
    env = {**os.environ, CACHE_DIR_ENV: str(folder)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]
