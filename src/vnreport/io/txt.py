"""Plain-text articles: encoding detection, mojibake repair and binary rejection."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from vnreport.document import Document
from vnreport.errors import DecodeError, EmptyDocumentError
from vnreport.text.safe_text import has_text, stream_safe

if TYPE_CHECKING:
    import ftfy

# UTF-32 marks first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy Vietnamese text is almost always Windows-1258; it is always among the candidates.
_LEGACY = "cp1258"
_VIETNAMESE_LETTERS = frozenset(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
_MIN_PRINTABLE = 0.95
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_MIN_WORDLIKE = 0.8  # prose in any script is mostly letters and spaces; byte soup is not
_SNIFF = 4096
# UTF-8 read as Windows-1252 or Latin-1 leaves a lead byte's letter (Ã Ä Å Æ á â) followed by
# a continuation byte's character (U+0080–U+00BF, or what Windows-1252 puts at 0x80–0x9F).
_MOJIBAKE_HINT = re.compile("[ÃÄÅÆáâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
_LINE_BREAKS = re.compile("\r\n|[\r\u0085\u2028\u2029]")
_UTF16_ZEROS = 0.3
_UTF16_STRAY = 0.02


@cache
def _fixer_config() -> ftfy.TextFixerConfig:
    import ftfy

    # Repair encodings only: keep quotes, widths, ligatures and entities as the text has them.
    return ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
        explain=False,
    )


def _vietnamese_score(text: str) -> float:
    letters = [ch for ch in unicodedata.normalize("NFC", text).casefold() if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(ch in _VIETNAMESE_LETTERS for ch in letters) / len(letters)


def _wordlike_ratio(text: str) -> float:
    """Share of letters, digits, combining marks and spaces: near 1 in any prose."""
    if not text:
        return 1.0
    return sum(ch.isalnum() or ch.isspace() or unicodedata.combining(ch) > 0 for ch in text) / len(
        text
    )


def _decode_legacy(data: bytes, source: str | None) -> str:
    from charset_normalizer import from_bytes

    candidates = [match.encoding for match in from_bytes(data)]
    if _LEGACY not in candidates:
        candidates.append(_LEGACY)
    best: tuple[float, str] | None = None
    for encoding in candidates:
        try:
            text = stream_safe(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
        score = _vietnamese_score(text)
        if best is None or score > best[0]:
            best = (score, text)
    # Bytes that are not UTF-8 and read as symbol soup in every legacy encoding are not text.
    if best is None or _wordlike_ratio(best[1]) < _MIN_WORDLIKE:
        raise DecodeError("bytes are not text in UTF-8, UTF-16 or Windows-1258", source=source)
    return best[1]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark, told by where its NUL bytes fall.

    Latin letters, digits, spaces and most Vietnamese vowels have a zero high byte, so UTF-16
    text has NULs on one side of its byte pairs and almost none on the other; binary has both.
    """
    head = data[:_SNIFF]
    if len(head) < 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= _UTF16_ZEROS * pairs and others <= _UTF16_STRAY * pairs:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _printable_ratio(text: str) -> float:
    """Share of characters that are not C0 controls (tabs and line breaks aside).

    Binary bytes decode to C0 controls whatever the encoding; C1 controls are what UTF-8 read
    as Latin-1 is full of until ftfy repairs it, and zero-width characters are text.
    """
    if not text:
        return 1.0
    return 1.0 - len(_CONTROLS.findall(text)) / len(text)


def decode_text(data: bytes, *, source: str | None = None) -> str:
    """Decode the bytes of a text file to NFC text with mojibake repaired.

    Handles UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when its NUL bytes
    show it) and UTF-32 with BOM, legacy Windows-1258 with its combining tone marks, decomposed
    (NFD) Vietnamese, and UTF-8 misread as Windows-1252 or Latin-1.

    Raises:
        DecodeError: the bytes look binary (NUL bytes, mostly unprintable characters) or read
            as symbol soup in every encoding.
    """
    import ftfy

    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                message = f"invalid {encoding} text: {error.reason}"
                raise DecodeError(message, source=source) from error
            break
    if text is None and b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise DecodeError("binary content (NUL bytes), not a text file", source=source)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, source)
    text = stream_safe(text)
    if _printable_ratio(text) < _MIN_PRINTABLE:
        raise DecodeError("binary content (mostly unprintable characters)", source=source)
    if _MOJIBAKE_HINT.search(text) is None:
        # ftfy costs ~1 ms an article; text without mojibake needs only its line-break and NFC
        # steps.
        return unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text))
    return ftfy.fix_text(text, _fixer_config())


def read_txt(data: bytes, *, source: str | None = None) -> Document:
    """The Document of a plain-text article file.

    Raises:
        DecodeError: the bytes are not text.
        EmptyDocumentError: the file holds only whitespace.
    """
    text = decode_text(data, source=source)
    if not has_text(text):
        raise EmptyDocumentError("the file holds no text", source=source)
    return Document(text=text, source=source)
