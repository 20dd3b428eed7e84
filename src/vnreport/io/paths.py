"""Command-line paths (files, folders, globs, `-`) to the files to read, in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from vnreport.io.options import Format

STDIN = "-"
"""The path that means standard input."""

_SUFFIXES: tuple[tuple[str, Format], ...] = (
    (".jsonl.gz", "jsonl"),
    (".warc.gz", "warc"),
    (".jsonl", "jsonl"),
    (".warc", "warc"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "txt"),
)
_GLOB_CHARS = frozenset("*?[")


def _glob(pattern: str) -> Iterator[str]:
    # Path.glob takes no absolute patterns; the glob module takes both.
    return glob.iglob(pattern, recursive=True)  # noqa: PTH207


def format_of(path: str | Path) -> Format | None:
    """The format a file name announces, or None for names vnreport does not read."""
    name = str(path).lower()
    return next((fmt for suffix, fmt in _SUFFIXES if name.endswith(suffix)), None)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and format_of(name) is not None:
                yield Path(root, name)


def is_glob(path: str) -> bool:
    """Whether `path` is a pattern rather than a name."""
    return any(char in _GLOB_CHARS for char in path)


def missing(paths: Iterable[str | Path]) -> list[str]:
    """The paths that name nothing: neither `-`, an existing file or folder, nor a matching glob."""
    absent: list[str] = []
    for path in paths:
        text = str(path)
        if text == STDIN or Path(text).exists():
            continue
        if is_glob(text) and next(_glob(text), None) is not None:
            continue
        absent.append(text)
    return absent


def expand(paths: Iterable[str | Path]) -> Iterator[tuple[str | Path, bool]]:
    """Each file to read, with whether it was named explicitly; `-` stays `-`.

    Folders are walked recursively in name order, keeping the files of a known format and
    skipping hidden ones; globs (`**` included) expand the same way. Names that match nothing
    are yielded as they are, for the reader to report.
    """
    for path in paths:
        text = str(path)
        if text == STDIN:
            yield STDIN, True
        elif Path(text).is_dir():
            yield from ((found, False) for found in _walk(Path(text)))
        elif Path(text).exists() or not is_glob(text):
            yield Path(text), True
        else:
            for match in sorted(_glob(text)):
                found = Path(match)
                if found.is_dir():
                    yield from ((inner, False) for inner in _walk(found))
                elif format_of(found) is not None:
                    yield found, False
