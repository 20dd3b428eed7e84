"""Finding "type word + name" phrases and their coordinated lists, shared by units and groups.

"các xã Tân Hòa, Tân Lập và Tân Tiến" gives three names of type xã; "tổ Giao Lâm và Tổng Nẻng"
gives two tổ. Names are runs of capitalised syllables or numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from vnreport.resources import load_lines
from vnreport.text.script import LETTER, LOWER, UPPER, trie_pattern

# A syllable never runs into an upper-case letter ("UBND" is no name) nor is an initial ("P.N.Q.").
# Highlands names add letters with a breve ("Pŭ") and an apostrophe before a capital ("R'Moan").
_LOWER = f"[{LOWER[1:-1]}ŭĕŏĭ]"
_SYLLABLE = f"{UPPER}(?:['’]{UPPER})?(?:{_LOWER}|['’])*(?!{UPPER}|\\d|\\.\\w)"
# Post-2025 names may join two names with a dash ("Xuân Hương - Đà Lạt"), or end in a number.
_RUN = (
    f"{_SYLLABLE}(?: {_SYLLABLE}){{0,5}}(?: [-–] {_SYLLABLE}(?: {_SYLLABLE}){{0,3}})?"
    "(?: \\d{1,2}(?![\\d/]|[.,]\\d))?"
)
_NUMBER = r"\d{1,3}[A-Z]?(?![\d/]|[.,]\d)"
_JOIN = re.compile(r"(?:, ?| và | cùng | với |, và )")
_SURNAMES_FILE = "surnames"


@cache
def surnames() -> frozenset[str]:
    """Vietnamese family names from the bundled list."""
    return frozenset(load_lines(_SURNAMES_FILE))


@cache
def middle_names() -> frozenset[str]:
    """Common middle names ("Văn", "Thị") from the bundled list."""
    return frozenset(load_lines("middle_names"))


def looks_like_person(syllables: list[str]) -> bool:
    """ "Lý Thị Mai" and "Hà Văn Tùng" look like people; "Tân Lập" does not."""
    highlands = syllables[0][1:2] in {"'", "’"}  # "H'Yim Kđoh"
    if not 2 <= len(syllables) <= 4 or not (syllables[0] in surnames() or highlands):
        return False
    if any(syllable[:1].isdigit() for syllable in syllables):
        return False  # "Cù Lao Trung 2": a person's name holds no number
    if highlands or any(syllable[1:2] in {"'", "’"} for syllable in syllables[1:]):
        return True  # "H'Yim Kđoh", "Ksor H'Nhi"
    return len(syllables) >= 3 or syllables[1] in middle_names()


@dataclass(frozen=True)
class TypedName:
    """A name found after a type word: its canonical type, text and character span."""

    type: str
    name: str
    start: int
    end: int
    mention_start: int


def compile_types(type_words: Mapping[str, str], whole_forms: str = "") -> re.Pattern[str]:
    """Pattern of the type words, longest first, each a whole word; `whole_forms` ("TP.HCM")
    are type and name in one, matched first."""
    alternatives = trie_pattern(type_words)
    whole = f"(?P<whole>{whole_forms or '(?!)'})(?!\\w)|"
    return re.compile(
        f"(?<!{LETTER[:-1]}0-9])(?:{whole}(?P<type>{alternatives})(?:(?<=\\.) ?| |: (?=\\w)))"
    )


class TypedNameFinder:
    """Finds typed names in a text, with the rules of one family of types."""

    def __init__(
        self,
        *,
        type_words: Mapping[str, str],
        numbered_types: frozenset[str],
        plural_markers: frozenset[str],
        not_a_name: frozenset[str],
        number_prefixes: tuple[str, ...] = (),
        capitalised_type_starts_sentence: bool = False,
        known: Callable[[str, str], bool] | None = None,
        known_name: Callable[[str], bool] | None = None,
        unknown_names_are_people: bool = False,
        whole_forms: Mapping[str, tuple[str, str]] | None = None,
        name_tails: frozenset[str] = frozenset(),
        numbered_lists: bool = False,
        number_only_types: frozenset[str] = frozenset(),
        glued_after_not: frozenset[str] | None = None,
        glued_after: frozenset[str] = frozenset(),
        lead_words: frozenset[str] = frozenset(),
        inner_words: frozenset[str] = frozenset(),
    ) -> None:
        self.type_words = dict(type_words)
        self.numbered_types = numbered_types
        self.plural_markers = plural_markers
        self.not_a_name = not_a_name
        self.capitalised_type_starts_sentence = capitalised_type_starts_sentence
        self.known = known
        self.known_name = known_name
        self.unknown_names_are_people = unknown_names_are_people
        self.whole_forms = dict(whole_forms or {})
        self.name_tails = name_tails
        self.numbered_lists = numbered_lists
        self.number_only_types = number_only_types
        self.glued_after_not = glued_after_not
        self.glued_after = glued_after
        self.lead_words = lead_words
        # Lower-case words inside known names ("trường" of "Nông trường Mộc Châu").
        self.inner_words = inner_words
        self._whole_pattern = re.compile(
            trie_pattern(self.whole_forms) if self.whole_forms else "(?!)"
        )
        self._type_last_words = frozenset(word.split()[-1] for word in type_words)
        self._type_pattern = compile_types(
            type_words, self._whole_pattern.pattern if self.whole_forms else ""
        )
        prefix = "|".join(re.escape(p) for p in number_prefixes)
        number_prefix = f"(?:(?:{prefix}) )?" if prefix else ""
        self._name = re.compile(f"(?P<run>{_RUN})|{number_prefix}(?P<number>{_NUMBER})")

    def find(
        self, text: str, start: int, end: int, token_starts: frozenset[int] | set[int]
    ) -> Iterator[TypedName]:
        """Typed names in `text[start:end]`; type words must begin a token."""
        cursor = start
        for match in self._type_pattern.finditer(text, start, end):
            if match.start() < cursor:
                continue
            if match.group("whole") is not None:
                unit_type, name = self.whole_forms[match.group("whole")]
                yield TypedName(unit_type, name, match.start(), match.end(), match.start())
                cursor = match.end()
                continue
            previous = text[max(start, match.start() - 12) : match.start()].split(" ")[-2:]
            before = previous[0].lower() if len(previous) == 2 and not previous[1] else ""
            if (
                match.start() not in token_starts
                and before not in self.glued_after
                and not (
                    # "trú thôn Hà Thanh": the tokenizer glued the type word to the word before.
                    self.glued_after_not is not None
                    and before
                    and before not in self.glued_after_not
                )
            ):
                continue
            type_word = match.group("type")
            if text[match.end() - 2 : match.end()] == ": " and not self._plural_before(
                text, match.start()
            ):
                continue  # "các xã: A, B" is a list; "HĐND tỉnh: Khảo sát …" names nothing
            if (
                self.capitalised_type_starts_sentence
                and type_word[0].isupper()
                and type_word[1:2].islower()
                and match.start() != start
                and text[match.start() - 2 : match.start()] not in {" (", ": "}
                and before not in self.lead_words
                and not text[match.end() : match.end() + 1].isdigit()
            ):
                continue  # "thác Bản Giốc": a capitalised type word inside a name
            unit_type = self.type_words[type_word]
            found = self._name_at(text, match.end(), end, unit_type)
            if found is None:
                continue
            name_start, name_end = found
            yield TypedName(
                unit_type, text[name_start:name_end], name_start, name_end, match.start()
            )
            cursor = name_end
            plural = self._plural_before(text, match.start())
            for item in self._list_items(text, name_end, end, unit_type, plural=plural):
                yield item
                cursor = item.end

    def _name_at(
        self, text: str, position: int, end: int, unit_type: str
    ) -> tuple[int, int] | None:
        match = self._name.match(text, position, end)
        if match is None:
            return None
        if match.group("number") is not None:
            numbered = unit_type in self.numbered_types
            return (match.start("number"), match.end("number")) if numbered else None
        syllables = self._before_lower_pair(text, match.end(), match.group("run").split(" "))
        if not syllables or unit_type in self.number_only_types:
            return None
        extended = self._known_extension(text, match.end(), end, unit_type, syllables)
        if extended:
            return position, extended
        keep = self._known_prefix(unit_type, syllables) or self._plausible_name(syllables)
        return (position, position + len(" ".join(syllables[:keep]))) if keep else None

    def _before_lower_pair(self, text: str, run_end: int, syllables: list[str]) -> list[str]:
        """ "huyện Thượng tá Nguyễn …": a capital opening a lower-case pair ("Thượng tá") is no
        name, so the run stops before it."""
        after = text[run_end : run_end + 12].split(" ")
        if len(after) > 1 and not after[0] and f"{syllables[-1]} {after[1]}" in self.not_a_name:
            return syllables[:-1]
        return syllables

    def _plausible_name(self, syllables: list[str]) -> int:
        """How many syllables of an unknown run name the unit or group (0: none do)."""
        # "Xuân Hương - Đà Lạt" is one name only when the gazetteer says so.
        if "-" in syllables or "–" in syllables:
            syllables = syllables[: next(i for i, s in enumerate(syllables) if s in "-–")]
        # "Hội Nông dân", "Đảng ủy": stop where a word that never starts a name begins.
        for index in range(len(syllables)):
            prefix = " ".join(syllables[: index + 1])
            if prefix in self.not_a_name or syllables[index] in self.not_a_name:
                syllables = syllables[:index]
                break
        if not syllables:
            return 0
        if self.unknown_names_are_people:
            if syllables[-1].isdigit():
                syllables = syllables[:-1]  # an unknown unit carries no number
            if looks_like_person(syllables):
                return 0  # "Chủ tịch UBND phường Trần Văn Nam": the person, not a ward
        return _cut_before_person(syllables)

    def _known_extension(
        self, text: str, run_end: int, end: int, unit_type: str, syllables: list[str]
    ) -> int | None:
        """End of a known name that goes on in lower case ("thị trấn Nông trường Mộc Châu")."""
        if self.known is None or text[run_end : run_end + 1] != " ":
            return None
        words = text[run_end + 1 : min(end, run_end + 40)].split(" ")[:3]
        if not words or words[0] not in self.inner_words:
            return None
        for size in range(len(words), 0, -1):
            tail = " ".join(words[:size]).rstrip(".,;:)")
            if self.known(unit_type, " ".join(syllables) + " " + tail):
                return run_end + 1 + len(tail)
        return None

    def _known_prefix(self, unit_type: str, syllables: list[str]) -> int:
        """Syllables of the longest prefix the name chooser knows for certain (0 if none).

        A name known for this type wins; a longer one known for another type wins over it
        ("huyện Phú Quốc", now "đặc khu Phú Quốc"), as do direction and number words that
        extend it ("phường An Hải Đông", "phường Hải Châu 1").
        """
        if self.known is None:
            return 0
        known = 0
        for size in range(len(syllables), 0, -1):
            if self.known(unit_type, " ".join(syllables[:size])):
                known = size
                break
        person = known == 0 and self.unknown_names_are_people and looks_like_person(syllables)
        if self.known_name is not None and not person:
            # Unit names run to four syllables ("Nông trường Mộc Châu" aside, a known extra);
            # "UBND tỉnh Lê Hồng Sơn" names a person, though some xã is called Lê Hồng.
            for size in range(min(len(syllables), 4), max(known, 1), -1):
                if self.known_name(" ".join(syllables[:size])):
                    known = size
                    break
        while known and known < len(syllables) and syllables[known] in self.name_tails:
            known += 1
        return known

    def _starts_another_type(self, text: str, position: int, end: int) -> bool:
        """Whether a type word starts the next list item, which ends the list; a capitalised
        one is a name ("các tổ dân phố Cam Phúc và Làng Nhớn")."""
        if self._type_pattern.match(text, position, end) is None:
            return False
        return not (self.capitalised_type_starts_sentence and text[position].isupper())

    def _bare_number_before(self, text: str, position: int) -> bool:
        """Whether the item ending at `position` is a bare number: "tổ 2", "2, 3"."""
        words = text[max(0, position - 40) : position].split(" ")
        if len(words) < 2 or not words[-1].isdigit():
            return False
        before = words[-2]
        return before.endswith(",") or before in self._type_last_words or before == "và"

    def _plural_before(self, text: str, type_start: int) -> bool:
        before = text[max(0, type_start - 12) : type_start].split()
        last = before[-1] if before else ""
        return last in self.plural_markers or last.isdigit()

    def _list_items(
        self, text: str, position: int, end: int, unit_type: str, *, plural: bool
    ) -> Iterator[TypedName]:
        while True:
            join = _JOIN.match(text, position, end)
            if join is None:
                return
            is_and = "và" in join.group()
            # "tổ 2, 3, 4": numbers after a numbered type make a list without "các"; a name
            # that ends with a number ("Phú Hải 1, Phú Hải 2") is no number.
            numbers = (
                self.numbered_lists
                and self._bare_number_before(text, position)
                and ("," in join.group() or is_and)
            )
            found = None
            if (plural or is_and or numbers) and not self._starts_another_type(
                text, join.end(), end
            ):
                found = self._name_at(text, join.end(), end, unit_type)
            name = text[found[0] : found[1]] if found else ""
            # A list ends at a person's name, and a list of numbers at anything else.
            if (
                not found
                or looks_like_person(name.split(" "))
                or (numbers and not name[:1].isdigit())
            ):
                return
            # "xã Hải Sơn và Chi bộ …": after a lone "và", a unit the gazetteer doesn't know
            # begins another body's name.
            if (
                is_and
                and not plural
                and self.known is not None
                and not name[:1].isdigit()
                and not self._known_prefix(unit_type, name.split(" "))
            ):
                return
            name_start, name_end = found
            yield TypedName(unit_type, name, name_start, name_end, name_start)
            position = name_end
            if is_and and not plural:
                return


def _cut_before_person(syllables: list[str]) -> int:
    """Syllables that name the place when a person's name follows ("Lạng Sơn Hồ Tiến Thiệu")."""
    for index in range(1, len(syllables) - 1):
        if looks_like_person(syllables[index:]):
            return index
    return min(len(syllables), 4)
