"""The command line: extract to stdout and to every target, show, schema, eval, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.inputs import ARTICLES, PAGE, article, write_corpus
from vnreport import extract_document
from vnreport._version import __version__
from vnreport.cli import app
from vnreport.io import read_path
from vnreport.records import Report

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _vnreport(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    script = Path(sys.executable).with_name("vnreport")
    return subprocess.run(
        [str(script), *map(str, args)], input=stdin, capture_output=True, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"vnreport {__version__}"


def test_help_shows_commands_and_examples() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    for text in ("extract", "show", "schema", "eval", "Examples", "Exit codes"):
        assert text in result.output
    assert "vnreport extract corpora/dev --out reports.sqlite" in result.output


def test_schema_is_the_report_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == Report.model_json_schema()


def test_one_file_without_out_prints_its_report() -> None:
    path = ARTICLES / "yen_dinh.txt"
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("{\n  ")  # indented: one report
    (document,) = read_path(path)
    assert Report.model_validate_json(result.output) == extract_document(document)


def test_a_jsonl_file_without_out_prints_one_line_per_report(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    lines = [{"id": "a", "text": article("na_phai.txt")}, {"id": "b", "text": article()}]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    sources = [Report.model_validate_json(line).source for line in result.output.splitlines()]
    assert sources == ["a", "b"]


def test_a_bad_file_without_out_fails_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 3
    assert "binary content" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "no/such/file.txt", "--out", "x.sqlite"],
        ["extract", str(ARTICLES)],  # a folder needs --out
        ["extract", str(PAGE), str(PAGE)],
        ["extract", str(PAGE), "--out", "x.sqlite", "--scheduler", "tcp://h:1"],
        ["extract", str(PAGE), "--out", "x.sqlite", "--workers", "-1"],
        ["extract"],
        ["nonsense"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "x.sqlite")])
    assert result.exit_code == 2
    assert "no inputs found" in result.stderr


def _count(target: Path) -> int:
    if target.suffix == ".jsonl":
        return len(target.read_text(encoding="utf-8").splitlines())
    if target.suffix == ".parquet":
        return pq.read_table(target).num_rows
    with sqlite3.connect(target) as connection:
        return int(connection.execute("SELECT count(*) FROM reports").fetchone()[0])


@pytest.mark.parametrize(
    "name", ["reports.sqlite", "reports.db", "reports.jsonl", "reports.parquet"]
)
def test_extract_into_each_target(tmp_path: Path, name: str) -> None:
    write_corpus(tmp_path / "in", 4)
    target = tmp_path / name
    args = ["extract", str(tmp_path / "in"), str(PAGE), "--out", str(target), "--workers", "0"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert _count(target) == 5
    assert "reports extracted" in result.stderr
    again = runner.invoke(app, [*args, "--quiet"])
    assert again.exit_code == 0
    assert again.stderr == ""
    assert _count(target) == 5


def test_some_failures_exit_1_nearly_all_exit_3(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00")
    target = str(tmp_path / "out.sqlite")
    some = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", target, "--workers", "0"])
    assert some.exit_code == 1
    assert "DecodeError" in some.stderr
    (tmp_path / "bad").mkdir()
    for index in range(3):
        (tmp_path / "bad" / f"{index}.txt").write_bytes(b"")
    worst = runner.invoke(
        app, ["extract", str(tmp_path / "bad"), "--out", target, "--workers", "0"]
    )
    assert worst.exit_code == 3


def test_jsonl_field_options(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    record = {"link": "https://bao.vn/1", "body": article(), "date": "2023-10-03"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    args = ["extract", str(path), "--text-field", "body", "--url-field", "link"]
    result = runner.invoke(app, [*args, "--published-field", "date"])
    assert result.exit_code == 0
    report = Report.model_validate_json(result.output)
    assert report.source == "https://bao.vn/1"
    assert str(report.published) == "2023-10-03"


def test_show_prints_records_and_writes_a_review_page(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["show", str(ARTICLES / "yen_dinh.txt"), "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert "Đoàn kiểm tra huyện Chợ Mới làm việc tại xã Yên Đĩnh" in result.stdout
    assert "Officials" in result.stdout
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "Yên Đĩnh" in html
    assert "vnreport-records" in html


def test_eval_runs_the_evaluation(tmp_path: Path) -> None:
    corpus = REPO / "corpora" / "dev"
    pairs = sorted(corpus.glob("*.gold.json"))[:2] if corpus.is_dir() else []
    if not pairs:
        pytest.skip("corpora/dev is not in this checkout")
    for gold in pairs:
        stem = gold.name.removesuffix(".gold.json")
        shutil.copy(gold, tmp_path)
        for article_file in corpus.glob(f"{stem}.*"):
            shutil.copy(article_file, tmp_path)
    result = runner.invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert str(tmp_path) in json.loads(result.output)


@pytest.mark.slow
def test_console_script_reads_stdin_and_reports_errors_plainly(tmp_path: Path) -> None:
    result = _vnreport("extract", "-", stdin=PAGE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    report = Report.model_validate_json(result.stdout)
    assert report.source == "<stdin>"
    assert report.title == "Kiểm tra phòng chống thiên tai tại xã Quảng Khê"
    wrong = _vnreport("extract", PAGE, "--out", tmp_path / "reports.csv")
    assert wrong.returncode == 2
    assert wrong.stderr.decode().startswith("error: cannot tell what kind of output")
    assert b"Traceback" not in wrong.stderr
