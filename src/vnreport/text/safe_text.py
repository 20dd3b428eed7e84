"""Text that is safe to normalize, encode and store, whatever an archive hands over."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from vnreport.disk_cache import cached

# Hostile text: lone surrogates (broken JSON escapes, undecodable file names) cannot be encoded
# as UTF-8 at all; control characters break PostgreSQL (NUL) and one-line labels; long runs of
# combining marks make Unicode normalization quadratic.
_SURROGATES = re.compile("[\ud800-\udfff]")
_LABEL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]+")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_VISIBLE = re.compile(f"[^\\s{_INVISIBLE}\x00-\x1f\x7f-\x9f]")
_STREAM_SAFE_RUN = 30
_CGJ = "\u034f"


# Every non-starter Unicode has assigned lies in U+0300..U+1E94A: scanning those planes only
# builds the classes in a tenth of the time of all 1.1 million code points.
_MARK_PLANES = (0x0300, 0x20000)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _char_class(codes: list[int]) -> str:
    """A regex character class body of `codes` (sorted), as ranges."""
    spans: list[list[int]] = []
    for code in codes:
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return "".join(
        re.escape(chr(low)) + (f"-{re.escape(chr(high))}" if high > low else "")
        for low, high in spans
    )


@cache
def _long_mark_runs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of more than `_STREAM_SAFE_RUN` non-starters: in the BMP, and anywhere.

    The BMP-only class compiles to a bitmap the regex engine tests in constant time; with
    astral code points it becomes a list of ranges, ten times slower, so it is kept for the
    texts that hold astral characters.
    """
    # The classes come from the on-disk cache: scanning the code points costs a fresh process
    # ~50 ms (the key holds Python's version, hence its Unicode database's).
    bmp, every = cached("mark_classes", _mark_classes, files=(Path(__file__),))
    template = "([{0}]{{{1}}})(?=[{0}])"
    return (
        re.compile(template.format(bmp, _STREAM_SAFE_RUN)),
        re.compile(template.format(every, _STREAM_SAFE_RUN)),
    )


def _mark_classes() -> tuple[str, str]:
    """Class bodies of the non-starters: in the BMP, and anywhere."""
    codes = [code for code in range(*_MARK_PLANES) if unicodedata.combining(chr(code))]
    return _char_class([code for code in codes if code <= 0xFFFF]), _char_class(codes)


def stream_safe(text: str) -> str:
    """`text` with a CGJ after every 30 combining marks in a row (Unicode's Stream-Safe Format).

    Normalizing a run of combining marks of mixed classes takes time quadratic in its length;
    real text has runs of two or three, "zalgo" debris thousands. Bounded runs keep NFC linear.
    """
    if text.isascii():
        return text
    bmp, every = _long_mark_runs()
    pattern = every if _ASTRAL.search(text) else bmp
    return pattern.sub(lambda match: match.group(1) + _CGJ, text)


def clean_text(text: str) -> str:
    """Article text safe to normalize and encode: lone surrogates → U+FFFD, stream-safe."""
    return stream_safe(_SURROGATES.sub("\ufffd", text))


def clean_label(value: str) -> str:
    """A source, title or author fit for every sink: one line, no NUL, no lone surrogates."""
    return _LABEL_CONTROLS.sub(" ", _SURROGATES.sub("\ufffd", value)).strip()


def has_text(text: str) -> bool:
    """Whether `text` holds a visible character (not only spaces, controls, zero widths)."""
    return _VISIBLE.search(text) is not None
