"""SQL is parameterized everywhere: quotes, semicolons and `'; DROP TABLE reports; --` in the
text, the file names, the JSONL ids, the failure messages and the PostgreSQL schema name are
stored verbatim, and every table is still there afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from tests import postgres as server
from tests.stored import Query, postgres_query, sqlite_query
from vnreport.bulk.runner import BulkOptions, run
from vnreport.sinks import open_sink
from vnreport.sinks.sql_schema import metadata
from vnreport.text.normalize import normalize_text

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "dev"
# fmt: off
HOSTILE = [
    "'; DROP TABLE reports; --",
    "Robert'); DROP TABLE inputs;--",
    "\"; DELETE FROM failures WHERE \"1\"=\"1",
    "' OR '1'='1",
    "1; UPDATE reports SET text = ''; SELECT '",
    "%s %(text)s :text ? $1 {0} \\' \\\" \\\\",
    "`backticks`; /* comment */ -- ;;;",
]
# fmt: on
LINE = " ".join(HOSTILE)


def _write_inputs(folder: Path) -> tuple[str, str, str]:
    """An article, a JSONL file and a broken line, all hostile; their text, source, bad source."""
    folder.mkdir()
    article = sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8")
    text = article.replace("\n", f"\n{LINE}\n", 1)
    name = folder / "it's; DROP TABLE reports; --.txt"
    name.write_text(text, encoding="utf-8")
    other = sorted(CORPUS.glob("*.txt"))[1].read_text(encoding="utf-8") + "\n" + LINE
    dump = folder / "x'; DROP TABLE failures; --.jsonl"
    lines = [
        json.dumps({"id": HOSTILE[0], "text": other}, ensure_ascii=False),
        "{'; DROP TABLE inputs; --",
    ]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return text, str(name), f"{dump}:2"


def _check(query: Query, text: str, source: str, bad_source: str) -> None:
    for table in metadata.tables:  # every table still there
        query(f"SELECT count(*) FROM {table}")
    texts = {str(source): str(body) for source, body in query("SELECT source, text FROM reports")}
    assert normalize_text(LINE) == LINE  # stored as the reader gave it, not only normalized
    assert texts[source] == normalize_text(text)
    assert texts[HOSTILE[0]].endswith(LINE)
    assert LINE in texts[source].split("\n")
    inputs = {str(source) for (source,) in query("SELECT source FROM inputs")}
    assert inputs == {source, bad_source.rsplit(":", 1)[0] + ":1", bad_source}
    ((failed, reason, message),) = query("SELECT source, reason, message FROM failures")
    assert (failed, reason) == (bad_source, "DecodeError")
    assert bad_source in str(message)


def _extract(folder: Path, target: str) -> None:
    with open_sink(target) as sink:
        summary = run([folder], sink, BulkOptions(workers=0, quiet=True))
    assert (summary.extracted, summary.failed) == (2, 1)


def test_sqlite_stores_hostile_text_verbatim(tmp_path: Path) -> None:
    text, source, bad_source = _write_inputs(tmp_path / "in")
    database = tmp_path / "x'; DROP TABLE reports; --.sqlite"
    _extract(tmp_path / "in", str(database))
    _check(sqlite_query(database), text, source, bad_source)


@pytest.fixture
def hostile_schema(postgres: Engine) -> Iterator[str]:
    name = server.new_schema_name("'\"; DROP TABLE reports; --")
    yield name
    server.drop_schema(postgres, name)


def test_postgresql_stores_hostile_text_verbatim(
    tmp_path: Path, postgres: Engine, hostile_schema: str
) -> None:
    text, source, bad_source = _write_inputs(tmp_path / "in")
    _extract(tmp_path / "in", server.schema_url(hostile_schema))
    _check(postgres_query(postgres, hostile_schema), text, source, bad_source)
