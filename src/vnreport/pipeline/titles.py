"""The grammar of officials' titles, and where a title ends and a personal name begins.

A title is a head ("Chủ tịch", "phó bí thư", "PCT"), then organisation words, abbreviations, unit
types and unit names ("UBND huyện Lạng Giang", "Ban Dân vận Tỉnh ủy"), in any case: only names
need capitals. Titles chain ("Tỉnh ủy viên, Bí thư Huyện ủy", "PBT Huyện ủy – CT HĐND huyện").
A capitalised run after title words is split where a person's name begins: "Chủ tịch UBND Hà Nội
Nguyễn Văn Bình" has the title "Chủ tịch UBND Hà Nội" and the name "Nguyễn Văn Bình".

Every scan moves forward over the text once; titles found at a start are memoised per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import product

from vnreport.pipeline.foreign_names import foreign_run
from vnreport.pipeline.gazetteer import gazetteer
from vnreport.pipeline.typed_names import middle_names, surnames
from vnreport.resources import load_json
from vnreport.text.script import LOWER, UPPER, alternation, trie_pattern

# "H'Bia", "K'Lang", "H’Lan": Highlands names join a capital and a syllable with an apostrophe.
SYLLABLE = f"{UPPER}(?:['’]{UPPER})?[{LOWER[1:-1]}ŭĕŏĭ]*(?!{UPPER})"
CAPITALISED_RUN = re.compile(f"{SYLLABLE}(?: {SYLLABLE}){{0,7}}(?![\\w'’])")
_WORD = re.compile(r"[^\s,;:()\"“”–]+")
_MAX_NAME = 4
# The longest title chain read (chains run to ~130 characters): a run of "Chủ tịch Chủ tịch …"
# then costs linear time.
_MAX_TITLE_CHARS = 240
_UNIT_TYPES = frozenset(
    {"tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn", "đặc khu"}
)


@dataclass(frozen=True)
class TitleLexicon:
    """The title grammar's word lists and patterns, loaded once from `titles.json`."""

    deputy: frozenset[str]
    title_words: frozenset[str]
    abbreviations: dict[str, str]
    after_head: dict[str, str]
    place_words: dict[str, str]
    roles: dict[str, str]
    institutions: frozenset[str]
    numbered_words: frozenset[str]
    stop_words: frozenset[str]
    not_single_names: frozenset[str]
    organisations: re.Pattern[str]
    joins: re.Pattern[str]
    role_lead: re.Pattern[str]
    honorific: re.Pattern[str]
    head: re.Pattern[str]
    role: re.Pattern[str]
    title_verb: re.Pattern[str]
    appositive_opener: re.Pattern[str]
    rank_service: re.Pattern[str]
    body_after_and: re.Pattern[str]
    committee_continuation: re.Pattern[str]


def _cased(words: Iterable[str]) -> set[str]:
    """Each phrase as written and with each of its words in lower case or capitalised
    ("phó trưởng Ty", "Phó Chủ tịch"): the case variants (?i) would allow, spelt out."""
    variants: set[str] = set()
    for phrase in words:
        variants.add(phrase)
        options = [
            (part,)  # an abbreviation keeps its capitals: "đại biểu HĐND"
            if len(part) > 1 and part.isupper()
            else (part.lower(), part[:1].upper() + part[1:].lower())
            for part in phrase.split(" ")
        ]
        for combination in product(*options):
            variants.add(" ".join(combination))
    return variants


@cache
def lexicon() -> TitleLexicon:
    """The shared title lexicon."""
    data = load_json("titles")
    deputy = trie_pattern(_cased(data["deputy"]))
    capitalised_only = set(data["heads_capitalised"])
    # Heads in any case; some only with a capital ("Trưởng"); short forms only in upper case.
    # The cased variants spelt out make one trie, which matches faster than (?i).
    heads = trie_pattern(
        _cased(h for h in data["heads"] if h not in capitalised_only) | capitalised_only
    )
    abbreviated = trie_pattern(data["abbreviated_heads"])
    former = alternation(data["former"])
    head = (
        f"(?<![\\w/])(?:(?:{former}) )?(?:{deputy} )?(?:{heads}|{abbreviated}(?![\\w.]))(?![\\w'’])"
    )
    ranks = trie_pattern(_cased(data["ranks"]))
    rank_words = {rank.lower() for rank in data["ranks"]}
    honorifics = trie_pattern(_cased(h for h in data["honorifics"] if h.lower() not in rank_words))
    honorific = (
        f"(?<![\\w/])(?:(?P<honorific>{honorifics}) (?:(?P<rank>{ranks}) )?"
        f"|(?P<rank_only>{ranks}) )"
    )
    return TitleLexicon(
        deputy=frozenset(word.lower() for word in data["deputy"]),
        title_words=frozenset(data["title_words"]),
        abbreviations=dict(data["abbreviations"]),
        after_head=dict(data["after_head"]),
        place_words=dict(data["place_words"]),
        roles=dict(data["roles"]),
        institutions=frozenset(data["institutions"]),
        numbered_words=frozenset(data["numbered_words"]),
        stop_words=frozenset(data["stop_words"]),
        not_single_names=frozenset(data["not_single_names"]),
        organisations=re.compile(f"(?i:{alternation(data['organisations'])})(?![\\w])"),
        joins=re.compile(alternation(data["joins"])),
        # "…, làm Trưởng đoàn", "… làm Trưởng đoàn", "… – Trưởng đoàn kiểm tra"
        role_lead=re.compile(
            f" ?(?:(?:[–-] |, )(?:(?:{alternation(data['role_leads'])}) )?"
            f"|(?:{alternation(data['role_leads'])}) )"
        ),
        honorific=re.compile(honorific),
        head=re.compile(head),
        role=re.compile(
            f"(?:{alternation(list(data['roles']))})(?! (?:{alternation(data['role_not_before'])}))"
        ),
        # " từng làm trưởng bộ môn …", " là Chủ tịch …": a verb between a name and its title.
        title_verb=re.compile(
            f",? (?:(?:{alternation(data['title_verb_adverbs'])}) )?"
            f"(?:{alternation(data['title_verbs'])}) (?:chức )?"
        ),
        appositive_opener=re.compile(f"(?:{alternation(data['appositive_openers'])}) "),
        rank_service=re.compile(f"(?:{alternation(data['rank_services'])}) "),
        committee_continuation=re.compile(
            f"(?:{alternation([*data['committee_continuations'], *_UNIT_TYPES])})(?![\\w])"
        ),
        body_after_and=re.compile(f"và (?:{alternation(data['bodies_after_and'])})(?![\\w])"),
    )


def is_name_start(syllable: str) -> bool:
    """A family name, or a Highlands name with an apostrophe ("H'Yim")."""
    return syllable in surnames() or "'" in syllable or "’" in syllable


def _is_place(syllables: list[str]) -> bool:
    return len(syllables) >= 2 and gazetteer().knows_name(" ".join(syllables))


def name_start_in(syllables: list[str], *, after_title: bool) -> int | None:
    """Index where a person's name begins in a capitalised run, or None when none does.

    The name runs to the end of the run and has 2–4 syllables. What stands before it belongs to
    the title: a place ("Hà Nội Nguyễn Văn Bình") or an institution's name. Of several starts,
    one after a known place wins, then one whose second syllable is a middle name ("Văn", "Thị"),
    then the longest name.
    """
    size = len(syllables)
    starts = [i for i in range(max(0, size - _MAX_NAME), size - 1) if is_name_start(syllables[i])]
    if not starts:
        # "Đại sứ Nhật Bản Ito Naoki": a foreign name ends the run, wholly foreign.
        for index in range(max(0, size - _MAX_NAME), size - 1):
            if foreign_run(syllables[index:]) == size - index:
                return index
        return None
    # "Tỉnh ủy Hà Giang": after title words a run that names a place is the place.
    if after_title and _is_place(syllables) and not (size > 2 and syllables[1] in middle_names()):
        return None
    if after_title:
        for index in starts:
            if index and _is_place(syllables[:index]):
                return index
    if size > 2 and (size > _MAX_NAME or after_title):
        for index in starts:
            if syllables[index + 1] in middle_names():
                return index
    return starts[0]


@dataclass
class TitleScanner:
    """Finds titles in one text; results at each start are memoised (linear over a sentence)."""

    text: str
    places: dict[int, int]

    def __post_init__(self) -> None:
        self._memo: dict[tuple[int, int], int] = {}
        self.lexicon = lexicon()

    def title_at(self, start: int, end: int) -> int:
        """End of the title chain at `start` (== start when no title begins there)."""
        end = min(end, start + _MAX_TITLE_CHARS)
        title_end = self.one_title_at(start, end)
        while title_end > start:
            join = self.lexicon.joins.match(self.text, title_end, end)
            if join is None:
                break
            if self.lexicon.role.match(self.text, join.end(), end):
                break  # "…, Phó Giám đốc Công an tỉnh – Trưởng đoàn": the role is no title
            following = self.one_title_at(join.end(), end)
            if following <= join.end():
                break
            title_end = following
        return title_end

    def one_title_at(self, start: int, end: int) -> int:
        """End of one title at `start`: head, then the words a title may hold."""
        key = (start, end)
        if key not in self._memo:
            self._memo[key] = self._scan(start, end)
        return self._memo[key]

    def _scan(self, start: int, end: int) -> int:  # noqa: PLR0912 - one word kind a branch
        text, lex = self.text, self.lexicon
        head = lex.head.match(text, start, end)
        if head is None:
            return start
        title_end = position = head.end()
        after_place = False
        while position < end and text[position] == " ":
            position += 1
            if position in self.places:
                title_end = position = self.places[position]
                after_place = True
                continue
            if self._sentence_goes_on(position, title_end, end, after_place=after_place):
                break
            organisation_end = self._organisation_end(position, end)
            if organisation_end is not None:
                title_end = position = organisation_end
                continue
            if lex.honorific.match(text, position, end) or lex.body_after_and.match(text, position):
                break
            word = _WORD.match(text, position, end)
            if word is None:
                break
            token = word.group()
            if token.endswith(".") and token not in lex.abbreviations:
                token = token[:-1]
            if not token:
                break  # "Chủ tịch ." ends the title at the stop
            token_end = position + len(token)
            lowered = token.lower()
            if token.isdigit() and self._ends_numbered(start, title_end):
                title_end = position = token_end
                continue
            pair = _pair_end(text, token, token_end, end, lex.title_words)
            if pair is not None:
                after_place = text[position:pair].lower() in _UNIT_TYPES
                title_end = position = pair
                continue
            if token[0] in UPPER[1:-1] and not token.isupper():
                step = self._capitalised_run(start, head.end(), title_end, position, end)
                if step is not None:
                    title_end, position, stop = step
                    if stop:
                        break
                    continue
            if lowered in lex.title_words or token in lex.abbreviations or token.isupper():
                title_end = position = token_end
                # "… rừng huyện kiểm tra": after a unit type without a name, a lower-case word
                # is the sentence's verb.
                after_place = lowered in _UNIT_TYPES
                continue
            break
        return self.trim(start, title_end)

    def _sentence_goes_on(
        self, position: int, title_end: int, end: int, *, after_place: bool
    ) -> bool:
        """Whether the lower-case word at `position` is the sentence going on, not the title."""
        if not self.text[position].islower():
            return False
        # "UBND tỉnh Sóc Trăng tổ chức đoàn …": after a unit's name.
        if after_place:
            return True
        # "Trưởng ban Tổ chức Tỉnh ủy kiểm tra …": after a committee's name.
        return (
            self.text[title_end - 2 : title_end] in {"ủy", "uỷ"}
            and self.lexicon.committee_continuation.match(self.text, position, end) is None
        )

    def _organisation_end(self, position: int, end: int) -> int | None:
        """End of an organisation's name at `position`, or after the first words of the
        capitalised run there ("Ban Kinh tế - Ngân sách", which the run alone cuts at the dash)."""
        organisation = self.lexicon.organisations.match(self.text, position, end)
        if organisation is not None:
            return organisation.end()
        run = CAPITALISED_RUN.match(self.text, position, end)
        if run is None or self.lexicon.honorific.match(self.text, position, end):
            return None
        for space in re.finditer(" ", run.group()):
            organisation = self.lexicon.organisations.match(self.text, position + space.end(), end)
            if organisation is not None and organisation.end() > run.end():
                return organisation.end()
        return None

    def _capitalised_run(
        self, start: int, head_end: int, title_end: int, position: int, end: int
    ) -> tuple[int, int, bool] | None:
        """(title end, position, whether the title stops) after the capitalised run at
        `position`: the title takes the run, or what stands before a name in it."""
        text = self.text
        run = CAPITALISED_RUN.match(text, position, end)
        if run is None:
            return None
        cut = self._person_in_run(run.group(), run.end(), end, has_words=title_end > head_end)
        if cut is None and title_end == head_end and text[start].islower():
            cut = self._single_name(run.group(), run.end(), end)
        if cut is not None:
            # The title keeps what stands before the name (a place, an institution).
            if cut > 0:
                title_end = position + len(" ".join(run.group().split(" ")[:cut]))
            return title_end, position, True
        title_end = position = run.end()
        # "Sở Y tế", "Ban Tuyên giáo": the last capital starts a lower-case pair.
        last = run.group().rsplit(" ", 1)[-1]
        pair = _pair_end(text, last, position, end, self.lexicon.title_words)
        if pair is not None:
            title_end = position = pair
        return title_end, position, False

    def _single_name(self, run: str, run_end: int, end: int) -> int | None:
        """ "phó chủ tịch Chánh vẫn …": a lower-case head may take a one-syllable name."""
        if " " in run or run.lower() in self.lexicon.title_words:
            return None
        if run in self.lexicon.not_single_names:
            return None
        after = self.text[run_end : run_end + 2]
        if after[:1] in {",", ".", ";", ":", ")", ""} or (after[:1] == " " and after[1:].islower()):
            following = _WORD.match(self.text, run_end + 1, end)
            pair = f"{run} {following.group()}".lower() if following else ""
            return None if pair in self.lexicon.title_words else 0
        return None

    def _person_in_run(self, run: str, run_end: int, end: int, *, has_words: bool) -> int | None:
        """Where a name begins in a capitalised run that follows title words (None: no name)."""
        syllables = run.split(" ")
        # "Đoàn Thanh niên", "Hội Nông dân": the run goes on in lower case, so it names a body.
        following = _WORD.match(self.text, run_end + 1, end)
        if following is not None and self.text[run_end : run_end + 1] == " ":
            pair = f"{syllables[-1]} {following.group().rstrip('.')}".lower()
            if pair in self.lexicon.title_words:
                return None
        if len(syllables) == 1:
            return None
        return name_start_in(syllables, after_title=has_words)

    def _ends_numbered(self, start: int, end: int) -> bool:
        """Whether the title so far ends with a word a number may follow ("khu phố", "tổ")."""
        tail = self.text[max(start, end - 12) : end].lower()
        return any(tail.endswith(word) for word in self.lexicon.numbered_words)

    def trim(self, start: int, end: int) -> int:
        """Drop trailing connective words ("của", "và") a title cannot end with."""
        words = self.text[start:end].split(" ")
        while len(words) > 1 and words[-1].lower() in self.lexicon.stop_words:
            words.pop()
        return start + len(" ".join(words))


def _pair_end(
    text: str, word: str, word_end: int, end: int, title_words: frozenset[str]
) -> int | None:
    """End of the next word when `word` and it make a title pair ("y tế"), or of the word
    after it when the three make one ("hành chính công"), else None."""
    if text[word_end : word_end + 1] != " ":
        return None
    following = _WORD.match(text, word_end + 1, end)
    if following is None:
        return None
    second = following.group().rstrip(".")
    pair = f"{word} {second}".lower()
    if pair not in title_words:
        return None
    pair_end = following.start() + len(second)
    third = _WORD.match(text, pair_end + 1, end) if text[pair_end : pair_end + 1] == " " else None
    if third is not None and f"{pair} {third.group().rstrip('.')}".lower() in title_words:
        return third.start() + len(third.group().rstrip("."))
    return pair_end


def expand(title: str) -> str:
    """The title with its short forms written out ("PCT TT HĐND huyện" → "Phó Chủ tịch …")."""
    lex = lexicon()
    words = title.split(" ")
    expanded: list[str] = []
    for index, word in enumerate(words):
        core = word.rstrip(",;")
        tail = word[len(core) :]
        before = [w.rstrip(",;") for w in words[max(0, index - 3) : index]]
        after_head = core in lex.after_head and any(
            lex.head.fullmatch(" ".join(before[j:])) is not None for j in range(len(before))
        )
        if after_head and core in lex.after_head:
            expanded.append(lex.after_head[core] + tail)
        else:
            expanded.append(lex.abbreviations.get(core, core) + tail)
    return " ".join(expanded)
