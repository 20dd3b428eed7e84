"""Helpers the readers share: title and body, loose publication dates, hostile text made safe."""

from __future__ import annotations

import datetime as dt
import os
import re

_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def compose_text(title: str | None, body: str) -> str:
    """`title + "\\n\\n" + body`, so the segmenter sees the title as the first line.

    A body that already opens with the title keeps it once.
    """
    body = body.strip("\n")
    if not title or not title.strip():
        return body
    title = title.strip()
    first, _, rest = body.partition("\n")
    if first.strip() == title:
        body = rest.lstrip("\n")
    return f"{title}\n\n{body}" if body else title


def _parse_string(value: str) -> dt.date:
    match = _ISO.match(value)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    match = _DMY.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    raise ValueError(value)


def parse_published(value: object) -> dt.date | None:
    """A publication date from metadata: ISO dates and datetimes, `dd/mm/yyyy`, epoch seconds.

    Anything else gives None: a bad date must not cost the article.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        if isinstance(value, str):
            return _parse_string(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        pass
    return None


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text for sources and messages; bytes the file system's encoding cannot
    decode (legacy file names) are shown as `\\xNN`, so the source stays valid Unicode."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")
