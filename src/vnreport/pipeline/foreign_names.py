"""Names romanised from other languages ("Hikosuke Tamasu", "McKlein"): words no Vietnamese
syllable spells.

A Vietnamese syllable is an optional onset, one to three vowels and an optional final consonant;
a capitalised word that cannot be read so ("Tamasu", "Weigang", "Ito") is foreign. Such a word is
a person's name only where a title, rank or honorific governs it; on its own it may be a brand.
"""

from __future__ import annotations

import re
from functools import cache

from vnreport.text.script import LOWER_LETTERS

_VOWELS = "".join(letter for letter in LOWER_LETTERS if letter not in "bcdđfghjklmnpqrstvwxz")
_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_SYLLABLE = re.compile(f"(?:{_ONSETS})?[{_VOWELS}]{{1,3}}(?:ng|nh|ch|c|m|n|p|t)?")
# "McKlein", "DeGeorge": a capital inside a foreign name, which no Vietnamese syllable has.
CAMEL_WORD = "[A-Z][a-z]+[A-Z][a-z]+(?![\\w'’])"
_WORD = re.compile(r"[A-ZĐ][A-Za-z]*[a-z][A-Za-z]*")


@cache
def is_foreign_word(word: str) -> bool:
    """A capitalised word of Latin letters that no Vietnamese syllable spells ("Tamasu")."""
    return _WORD.fullmatch(word) is not None and _SYLLABLE.fullmatch(word.lower()) is None


def foreign_run(syllables: list[str]) -> int:
    """How many of the leading words are foreign (0 when the first is not)."""
    count = 0
    for syllable in syllables:
        if not is_foreign_word(syllable):
            break
        count += 1
    return count
