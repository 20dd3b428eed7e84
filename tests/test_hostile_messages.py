"""What the command says when things go wrong, through the real command in a subprocess.

Missing optional packages are made unimportable for the subprocess only, by a `sitecustomize`
module put first on its path that refuses to import them, as a machine without them would.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.inputs import ARTICLES, write_corpus, write_warc

REPO = Path(__file__).resolve().parents[1]

_BLOCKER = """
import importlib.abc
import sys

BLOCKED = {blocked!r}


class _Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None


sys.meta_path.insert(0, _Blocker())
"""


def vnreport(
    *args: str | Path, without: tuple[str, ...] = (), cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`vnreport ARGS` in a subprocess where the packages `without` cannot be imported."""
    paths = [str(REPO)]
    if without:
        assert cwd is not None, "the blocking sitecustomize is written into cwd"
        site = cwd / ".blocked-site"
        site.mkdir(exist_ok=True)
        site.joinpath("sitecustomize.py").write_text(_BLOCKER.format(blocked=set(without)))
        paths.insert(0, str(site))
    script = Path(sys.executable).with_name("vnreport")
    return subprocess.run(
        [str(script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths), "COLUMNS": "200"},
        timeout=600,
    )


@pytest.mark.parametrize(
    ("target", "package", "hint"),
    [
        ("out.parquet", "pyarrow", "pip install 'vnreport[parquet]'"),
        ("postgresql://u@127.0.0.1:9/db", "psycopg", "pip install 'vnreport[postgres]'"),
    ],
)
def test_install_hints_keep_their_brackets(
    tmp_path: Path, target: str, package: str, hint: str
) -> None:
    write_corpus(tmp_path / "in", 1)
    result = vnreport("extract", "in", "--out", target, without=(package,), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert hint in result.stderr
    assert "Traceback" not in result.stderr


def test_the_dask_engine_without_dask_names_the_extra(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 1)
    result = vnreport(
        "extract", "in", "--out", "out.sqlite", "--engine", "dask",
        without=("dask", "distributed"), cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "pip install 'vnreport[dask]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.sqlite").exists()


def test_file_names_with_brackets_print_as_they_are(tmp_path: Path) -> None:
    name = "[bold]bài [red]mới [link=x].txt"
    (tmp_path / name).write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    alone = vnreport("extract", name, cwd=tmp_path)
    assert alone.returncode == 3
    assert name in alone.stderr
    bulk = vnreport("extract", ".", "--out", "o.sqlite", "--workers", "0", cwd=tmp_path)
    assert bulk.returncode == 3
    assert name in bulk.stderr  # the failure's message, in the summary


def test_show_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    page = tmp_path / "missing" / "page.html"
    result = vnreport("show", ARTICLES / "yen_dinh.txt", "--html", page)
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr
    assert not page.parent.exists()


def test_a_broken_warc_is_a_typed_failure(tmp_path: Path) -> None:
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"
    # A response record without its target URI makes warcio fail on None.
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
        + b"\r\n\r\n"
    )
    (tmp_path / "broken.warc").write_bytes(record)
    result = vnreport("extract", "broken.warc", "--out", "o.sqlite", "--workers", "0", cwd=tmp_path)
    assert result.returncode == 3
    with sqlite3.connect(tmp_path / "o.sqlite") as connection:
        ((reason, message),) = connection.execute("SELECT reason, message FROM failures")
    assert reason == "DecodeError"
    assert "malformed" in message
    for leak in ("NoneType", "startswith"):
        assert leak not in message
        assert leak not in result.stderr


def test_trafilatura_notes_stay_out_of_the_terminal(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc", [("http://a.vn/", 200, "text/html", b"<html></html>")])
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "bare.html").write_bytes(b"<html><body></body></html>")
    for args in (
        ("extract", ".", "--out", "o.sqlite", "--workers", "1"),
        ("extract", "bare.html"),
        ("extract", "crawl.warc"),
    ):
        result = vnreport(*args, cwd=tmp_path)
        for note in ("discarding data", "empty HTML tree", "parsed tree length"):
            assert note not in result.stderr, args
    assert "no article text found" in result.stderr


def test_eval_on_a_folder_without_gold_says_so(tmp_path: Path) -> None:
    write_corpus(tmp_path / "articles", 2)
    result = vnreport("eval", tmp_path / "articles")
    assert result.returncode == 2
    assert "holds no gold records" in result.stderr
    assert "1.000" not in result.stdout


def test_max_chars_above_a_million_is_the_only_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(
        "Tiêu đề\n\n" + "\n" * 1_000_000 + "Đoàn kiểm tra làm việc tại xã Yên Đĩnh.\n",
        encoding="utf-8",
    )
    alone = vnreport("extract", big, "--max-chars", "2000000")
    assert alone.returncode == 0, alone.stderr
    assert "E088" not in alone.stderr
    bulk = vnreport(
        "extract", big, "--out", tmp_path / "o.sqlite", "--max-chars", "2000000",
        "--workers", "1",
    )  # fmt: skip
    assert bulk.returncode == 0, bulk.stderr
