"""Vietnamese letters as regular-expression classes, and helpers to build patterns of words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

_BASE_LETTERS = "abcdđefghijklmnopqrstuvwxyzăâêôơư"
_VOWELS = "aăâeêioôơuưy"
_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _letters() -> str:
    toned = (unicodedata.normalize("NFC", vowel + tone) for vowel in _VOWELS for tone in _TONES)
    return _BASE_LETTERS + "".join(toned)


LOWER_LETTERS = _letters()
UPPER_LETTERS = LOWER_LETTERS.upper()

LOWER = f"[{LOWER_LETTERS}]"
UPPER = f"[{UPPER_LETTERS}]"
LETTER = f"[{LOWER_LETTERS}{UPPER_LETTERS}]"

# A capitalised syllable ("Huế", "Nẻng") and a run of them separated by single spaces.
CAPITALISED = f"{UPPER}{LOWER}*"
CAPITALISED_RUN = f"{CAPITALISED}(?: {CAPITALISED})*"


def is_capitalised(word: str) -> bool:
    """True for "Huế" and "UBND"; false for "huế" and "14/9"."""
    return bool(word) and word[0] in UPPER_LETTERS


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of literal words as a trie, so matching tries each letter once.

    Longer words win over their prefixes ("Phó Chủ tịch" over "Phó"), as in `alternation`.
    """
    root: dict[str, Any] = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in node.items() if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if optional:
            return f"(?:{body})?"
        return body

    return build(root)
