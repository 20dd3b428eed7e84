"""Vietnamese letters as regular-expression classes, and helpers to build patterns of words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

_BASE_LETTERS = "abcdđefghijklmnopqrstuvwxyzăâêôơư"
_VOWELS = "aăâeêioôơuưy"
_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_WORD_CHAR = re.compile(r"\w")


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


def word_start_alternation(words: Iterable[str]) -> str:
    r"""`(?<!\w)(?:{alternation(words)})`, written so a case-sensitive search skips ahead fast.

    A pattern opening with a look-behind makes Python's regex engine try it at every
    character; opening with the words' first letters lets it jump between the characters
    that can start one (measured ten times faster for the surname alternation). Each word's
    first letter therefore comes before the look-behind, which then tests two characters
    back: after a letter, "not two word characters" means "no word character before it".
    The words are grouped by first character, longest first within a group, and words with
    different first characters never match at the same place, so the same alternative wins.
    Case-insensitive patterns gain nothing (the engine keeps no prefix for cased letters).
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[:1], []).append(word[1:])
    if not groups:
        return r"(?<!\w)(?:)"
    branches = []
    for first, rests in groups.items():
        tail = "|".join(map(re.escape, rests))
        if _WORD_CHAR.fullmatch(first):
            branches.append(rf"{re.escape(first)}(?<!\w\w)(?:{tail})")
        else:
            branches.append(rf"(?<!\w){re.escape(first)}(?:{tail})")
    return f"(?:{'|'.join(branches)})"


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
