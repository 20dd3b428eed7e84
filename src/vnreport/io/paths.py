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


def _walk(folder: Path) -> Iterator[tuple[Path, bool]]:
    """The readable files under `folder`, and each folder that cannot be listed (flagged True),
    for the reader to report: a folder skipped in silence would lose its files unnoticed."""
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        yield from ((Path(error.filename), True) for error in unreadable)
        unreadable.clear()
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and format_of(name) is not None:
                yield Path(root, name), False
    yield from ((Path(error.filename), True) for error in unreadable)


def _exists(path: str) -> bool:
    """Whether `path` names something, even something this process may not read."""
    try:
        Path(path).stat()
    except PermissionError:
        return True  # there, but behind a folder we may not enter: the reader says so
    except (OSError, ValueError):
        return False
    return True


def _is_dir(path: str) -> bool:
    try:
        return Path(path).is_dir()
    except OSError:
        return False


def is_glob(path: str) -> bool:
    """Whether `path` is a pattern rather than a name."""
    return any(char in _GLOB_CHARS for char in path)


def missing(paths: Iterable[str | Path]) -> list[str]:
    """The paths that name nothing: neither `-`, an existing file or folder, nor a matching glob."""
    absent: list[str] = []
    for path in paths:
        text = str(path)
        if text == STDIN or _exists(text):
            continue
        if is_glob(text) and next(_glob(text), None) is not None:
            continue
        absent.append(text)
    return absent


def expand(paths: Iterable[str | Path]) -> Iterator[tuple[str | Path, bool]]:
    """Each file to read, with whether it was named explicitly; `-` stays `-`.

    Folders are walked recursively in name order, keeping the files of a known format and
    skipping hidden ones; globs (`**` included) expand the same way. Names that match nothing,
    and folders that cannot be listed, are yielded as explicit names for the reader to report.
    """
    for path in paths:
        text = str(path)
        if text == STDIN:
            yield STDIN, True
        elif _is_dir(text):
            yield from _walk(Path(text))
        elif _exists(text) or not is_glob(text):
            yield Path(text), True
        else:
            for match in sorted(_glob(text)):
                found = Path(match)
                if _is_dir(match):
                    yield from _walk(found)
                elif format_of(found) is not None:
                    yield found, False
