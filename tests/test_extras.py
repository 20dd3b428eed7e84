"""Each optional feature, run without its optional package, says which extra to install."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.inputs import ARTICLES

pytestmark = pytest.mark.slow

# The CLI in a fresh interpreter where the named packages cannot be imported (as when the
# extra is not installed).
_WITHOUT = """
import sys
for name in sys.argv[1].split(","):
    sys.modules[name] = None
sys.argv = ["vnreport", *sys.argv[2:]]
from vnreport.cli import main
main()
"""

ARTICLE = ARTICLES / "yen_dinh.txt"

# fmt: off
CASES = [
    # packages made missing   command (OUT is a path in tmp_path)                       extra
    ("psycopg",              ["extract", ARTICLE, "--out", "postgresql://u@127.0.0.1:1/db", "--workers", "0"], "postgres"),
    ("pyarrow",              ["extract", ARTICLE, "--out", "OUT/r.parquet", "--workers", "0"],            "parquet"),
    ("dask,distributed",     ["extract", ARTICLE, "--out", "OUT/r.sqlite", "--engine", "dask"],           "dask"),
    ("datasette,uvicorn",    ["browse", "OUT/reports.sqlite"],                                            "browse"),
]
# fmt: on


@pytest.mark.parametrize(("missing", "command", "extra"), CASES)
def test_a_missing_extra_is_named(
    tmp_path: Path, missing: str, command: list[str | Path], extra: str
) -> None:
    database = tmp_path / "reports.sqlite"
    with sqlite3.connect(database) as connection:  # enough of a vnreport database for browse
        connection.execute("CREATE TABLE reports (id TEXT)")
        connection.execute("CREATE TABLE schema_version (version INTEGER)")
    args = [str(arg).replace("OUT", str(tmp_path)) for arg in command]
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT, missing, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    message = " ".join(done.stderr.split())
    assert done.returncode != 0, message
    assert f"pip install 'vnreport[{extra}]'" in message
    assert "Traceback" not in done.stderr
