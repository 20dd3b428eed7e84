"""Plain-text articles: encoding detection, mojibake repair and binary rejection."""

from __future__ import annotations

import codecs
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from vnreport.document import Document
from vnreport.errors import DecodeError, EmptyDocumentError

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


def _decode_legacy(data: bytes, source: str | None) -> str:
    from charset_normalizer import from_bytes

    candidates = [match.encoding for match in from_bytes(data)]
    if _LEGACY not in candidates:
        candidates.append(_LEGACY)
    best: tuple[float, str] | None = None
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _vietnamese_score(text)
        if best is None or score > best[0]:
            best = (score, text)
    if best is None:
        raise DecodeError("bytes are not text in UTF-8, UTF-16 or Windows-1258", source=source)
    return best[1]


def _printable_ratio(text: str) -> float:
    if not text:
        return 1.0
    return sum(ch.isprintable() or ch.isspace() for ch in text) / len(text)


def decode_text(data: bytes, *, source: str | None = None) -> str:
    """Decode the bytes of a text file to NFC text with mojibake repaired.

    Handles UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM, legacy Windows-1258 with
    its combining tone marks, decomposed (NFD) Vietnamese and UTF-8 misread as Windows-1252.

    Raises:
        DecodeError: the bytes look binary (NUL bytes, mostly unprintable characters).
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
    if text is None:
        if b"\x00" in data:
            raise DecodeError("binary content (NUL bytes), not a text file", source=source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, source)
    if _printable_ratio(text) < _MIN_PRINTABLE:
        raise DecodeError("binary content (mostly unprintable characters)", source=source)
    return ftfy.fix_text(text, _fixer_config())


def read_txt(data: bytes, *, source: str | None = None) -> Document:
    """The Document of a plain-text article file.

    Raises:
        DecodeError: the bytes are not text.
        EmptyDocumentError: the file holds only whitespace.
    """
    text = decode_text(data, source=source)
    if not text.strip():
        raise EmptyDocumentError("the file holds no text", source=source)
    return Document(text=text, source=source)
