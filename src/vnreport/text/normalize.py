"""Text normalization applied before anything else reads the text."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from vnreport.disk_cache import cached
from vnreport.text.safe_text import clean_text

# Dashes, quotes and spaces are mapped one character to one character; control characters go.
_CHARACTER_MAP: dict[str, str] = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "–",
    "\u2014": "–",  # em dash: articles use it interchangeably with the en dash
    "\u2015": "–",
    "\u2212": "-",
    "\u00ad": "",  # soft hyphen
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u2028": "\n",
    "\u2029": "\n",
    "\r": "\n",
    "\ufeff": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    **{chr(code): "" for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))},
    **{chr(code): "" for code in range(0x7F, 0xA0)},
}
# One scan for the few characters to map: `str.translate` would look up every character.
_MAPPED = re.compile("[" + "".join(map(re.escape, _CHARACTER_MAP)) + "]")
_SYLLABLE = re.compile(r"\w+")
_CRLF = re.compile(r"\r\n")


def _build_tone_map() -> dict[str, str]:
    # underthesea ships the table that moves tone marks to the modern position ("hoà" → "hòa").
    from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map

    table: dict[str, str] = dict(token_map)
    for wrong, right in character_map.items():
        table.setdefault(wrong, right)
    return table


@cache
def _tone_map() -> dict[str, str]:
    # Cached on disk: importing underthesea for its table costs a fresh process ~0.5 s.
    return cached(
        "tone_map", _build_tone_map, distributions=("underthesea",), files=(Path(__file__),)
    )


def _mapped(match: re.Match[str]) -> str:
    return _CHARACTER_MAP[match.group()]


def _fix_syllable(match: re.Match[str]) -> str:
    syllable = match.group()
    if len(syllable) > 7:
        return syllable
    return _tone_map().get(syllable, syllable)


def normalize_text(text: str) -> str:
    """Return `text` in vnreport's canonical form.

    Lone surrogates become U+FFFD and long runs of combining marks are bounded (so NFC stays
    linear); then Unicode NFC, one tone-mark placement ("hoà" and "hòa" become "hòa"), plain
    spaces, one kind of dash and quote, Unix newlines, and no control characters.
    """
    text = clean_text(text)
    if "\r" in text:
        text = _CRLF.sub("\n", text)
    text = _MAPPED.sub(_mapped, unicodedata.normalize("NFC", text))
    text = text.replace("ð", "đ").replace("Ð", "Đ")
    if not any(map(_tone_map().__contains__, _SYLLABLE.findall(text))):
        return text  # most text has no old-style tone marks: skip the per-syllable callback
    return _SYLLABLE.sub(_fix_syllable, text)


@lru_cache(maxsize=65_536)  # names are folded again and again: units, people, gazetteer keys
def fold(text: str) -> str:
    """Lower-case, normalized form used to compare names ("Hoà" equals "hòa")."""
    return normalize_text(text).casefold().strip()
