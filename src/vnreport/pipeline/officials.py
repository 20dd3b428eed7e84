"""The `vnreport_officials` component: named people with a public title, and all their mentions.

Shapes it reads, wherever the title sits:
    đồng chí Nguyễn Thị Huế – Phó Chủ tịch UBND thành phố
    ông Phạm Văn Nồng, Phó Bí thư Thường trực Đảng ủy phường
    bà Lò Thị Mai (Chủ tịch Hội LHPN tỉnh)
    Phó Trưởng Ban Dân vận Tỉnh ủy Hà Văn Tùng cho biết
    Trưởng đoàn Đinh Văn Lê
Later bare mentions ("đồng chí Huế", "ông Nồng") join the person already found.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.admin_units import KIND as UNITS_KIND
from vnreport.pipeline.foreign_names import CAMEL_WORD, foreign_run
from vnreport.pipeline.groups import KIND as GROUPS_KIND
from vnreport.pipeline.segments import content_sentences
from vnreport.pipeline.title_places import place_of
from vnreport.pipeline.titles import (
    SYLLABLE,
    TitleScanner,
    expand,
    is_name_start,
    lexicon,
)
from vnreport.pipeline.typed_names import looks_like_person
from vnreport.records import AdminUnit, Official, ResidentialGroup

KIND = "officials"
_NAME_WORD = f"(?:{CAMEL_WORD}|{SYLLABLE})"
_NAME_RUN = re.compile(f"{_NAME_WORD}(?: {_NAME_WORD}){{0,5}}")
# "đại úy lục quân Mỹ McKlein": a rank, a service and a country before a foreign name.
_COUNTRY = re.compile(f"{SYLLABLE}(?: {SYLLABLE})? (?={_NAME_WORD})")
# "ông Nguyễn Văn A (SN 1986), Trưởng phòng …": a short bracket between a name and its title.
_BRACKET = re.compile(r" ?\([^()]{1,40}\)")
# 'ông X, "trưởng khu phố" Y': a title may stand in quotes (the reader makes them straight).
_TITLE_SEPARATOR = re.compile(r' ?(?:[–-]|,|\(|:) ?"?')
_SEPARATORS = frozenset("–-,(:")
# Only a name a separator follows can take a title after it ("Nguyễn Văn A – Chủ tịch …").
_NAME_BEFORE_SEPARATOR = re.compile(f"{_NAME_RUN.pattern}(?= ?[–\\-,(:])")
# What may stand between a title and the honorific of its person: "Chủ tịch UBND phường, ông …".
_BEFORE_HONORIFIC = (", ", " – ", " - ", ": ", " ")


@dataclass
class _Person:
    name: str
    honorific: str | None = None
    rank: str | None = None
    title: str | None = None
    title_end: int = -1
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _person_at(
    text: str,
    start: int,
    end: int,
    places: dict[int, int] | None = None,
    *,
    after_honorific: bool = False,
    single: bool = False,
) -> tuple[int, int] | None:
    """A personal name of 2–4 syllables at `start` (1 syllable when `single`).

    It must open with a family name ("Nguyễn", "Lò") or a Highlands name ("H'Yim"), unless an
    honorific stands before it: then any capitalised run that is no title counts ("Y Jôn Mlô").
    """
    if places and start in places:
        return None
    match = _NAME_RUN.match(text, start, end)
    if match is None:
        return None
    syllables = match.group().split(" ")
    lex = lexicon()
    alone = single and len(syllables) == 1
    # "đồng chí Phó Chủ tịch UBND huyện": a title where a name would stand, no "Phó"
    here = lex.head.match(text, start, end)
    titled = lex.head.match(match.group()) is not None or (here is not None and " " in here.group())
    if titled and not alone:
        return None
    if not (after_honorific or alone) and not is_name_start(syllables[0]):
        # "Hikosuke Tamasu - chủ tịch …": a foreign name of two words or more, wholly foreign.
        foreign = foreign_run(syllables)
        if foreign < 2:
            return None
        syllables = syllables[:foreign]
    # Stop a name where a title begins ("Hà Văn Tùng Phó Chủ tịch"); a last syllable that is
    # also a one-word head is the name's own ("Nguyễn Thế Chánh, phó chủ tịch xã").
    position = start
    for index in range(1, min(len(syllables), 5)):
        position += len(syllables[index - 1]) + 1
        head = lex.head.match(text, position, end)
        own = head is not None and index == len(syllables) - 1 and head.end() <= match.end()
        if (head and not own) or syllables[index].lower() in lex.deputy:
            syllables = syllables[:index]
            break
    syllables = syllables[:4]
    if len(syllables) < 2 and not single:
        return None
    return start, start + len(" ".join(syllables))


def _role_after(text: str, position: int, end: int) -> str | None:
    lex = lexicon()
    lead = lex.role_lead.match(text, position, end)
    if lead is None:
        return None
    role = lex.role.match(text, lead.end(), end)
    return lex.roles[role.group()] if role else None


class _Matches:
    """Matches of one pattern over the whole text, found once and handed out per sentence."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.found = list(pattern.finditer(text))
        self.starts = [match.start() for match in self.found]

    def between(self, start: int, end: int) -> list[re.Match[str]]:
        """The matches that lie within `start`–`end`."""
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end, first)
        return [match for match in self.found[first:last] if match.end() <= end]


class _Collector:
    """Gathers people across sentences, merging repeated and bare mentions."""

    def __init__(self, text: str, places: dict[int, int]) -> None:
        self.text = text
        self.places = places
        self.scanner = TitleScanner(text, places)
        self.people: dict[str, _Person] = {}
        lex = lexicon()
        self.heads = _Matches(lex.head, text)
        self.honorifics = _Matches(lex.honorific, text)
        self.names = _Matches(_NAME_BEFORE_SEPARATOR, text)
        self._endings: dict[str, list[_Person]] | None = None

    def add(
        self,
        name_span: tuple[int, int],
        *,
        mention_start: int,
        honorific: str | None,
        title_span: tuple[int, int] | None,
        role: str | None,
        rank: str | None = None,
    ) -> None:
        name = self.text[name_span[0] : name_span[1]]
        person = self.people.setdefault(name, _Person(name=name))
        person.mentions.append((mention_start, name_span[1]))
        if honorific and person.honorific is None:
            person.honorific = honorific.lower()
        if rank and person.rank is None:
            person.rank = rank[0].upper() + rank[1:]
        if title_span and person.title is None:
            person.title = self.text[title_span[0] : title_span[1]]
            person.title_end = title_span[1]
        if role and person.role is None:
            person.role = role

    def bare(self, start: int, end: int, honorific_start: int) -> bool:
        """Attach "đồng chí Huế" to the one known person whose name ends that way."""
        matches = self._by_ending().get(self.text[start:end], [])
        if len(matches) != 1:
            return False
        matches[0].mentions.append((honorific_start, end))
        return True

    def _by_ending(self) -> dict[str, list[_Person]]:
        """The people by the last one and two syllables of their names, built once they are all
        known: a bare mention then costs one look-up, however many people the article names."""
        if self._endings is None:
            self._endings = {}
            for person in self.people.values():
                syllables = person.name.split(" ")
                for size in range(1, min(3, len(syllables))):
                    ending = " ".join(syllables[-size:])
                    self._endings.setdefault(ending, []).append(person)
        return self._endings

    def name_hits(self) -> list[tuple[int, int]]:
        """Where the text writes a known full name, in order, none overlapping; of names that
        start together the longer wins. Found with str.find, so no regex is compiled per text."""
        hits: list[tuple[int, int]] = []
        for name in self.people:
            found = self.text.find(name)
            while found != -1:
                hits.append((found, -len(name)))
                found = self.text.find(name, found + 1)
        chosen: list[tuple[int, int]] = []
        cursor = 0
        for start, negative_length in sorted(hits):
            if start >= cursor:
                cursor = start - negative_length
                chosen.append((start, cursor))
        return chosen


def _title_after(
    collector: _Collector, name_end: int, end: int, *, governed: bool
) -> tuple[int, int] | None:
    """The title written after a name: after a separator, after a short bracket and a separator,
    or, for a name an honorific or rank governs, after a verb ("ông X từng làm trưởng bộ môn …")."""
    text, scanner = collector.text, collector.scanner
    bracket = _BRACKET.match(text, name_end, end)
    for position in (name_end, bracket.end() if bracket else -1):
        separator = _TITLE_SEPARATOR.match(text, position, end) if position >= 0 else None
        if separator and separator.end() > position:
            title_end = scanner.title_at(separator.end(), end)
            if title_end > separator.end():
                return separator.end(), title_end
    if not governed:
        return None
    # "Đồng chí Phạm Thị Phượng ủy viên ban thường vụ …": a governed name may run into its title.
    if text[name_end : name_end + 1] == " " and lexicon().head.match(text, name_end + 1, end):
        title_end = scanner.title_at(name_end + 1, end)
        if title_end > name_end + 1:
            return name_end + 1, title_end
    verb = lexicon().title_verb.match(text, name_end, end)
    if verb is None:
        return None
    title_end = scanner.title_at(verb.end(), end)
    title = text[verb.end() : title_end]
    lex = lexicon()
    # "là Chủ tịch ." says too little; "làm Trưởng đoàn" is a role, read elsewhere.
    bare = lex.head.fullmatch(title) and text[title_end : title_end + 2].strip()[:1] in {"", "."}
    if not title or bare or lex.role.fullmatch(title):
        return None
    return verb.end(), title_end


def _opening_title(
    collector: _Collector, sentence_start: int, honorific_start: int
) -> tuple[int, int] | None:
    """ "Vốn là tổ trưởng tổ Đảng trong đội, ông X …": the clause before the comma gives the
    title of the person after it."""
    text = collector.text
    if text[honorific_start - 2 : honorific_start] != ", ":
        return None
    opener = lexicon().appositive_opener.match(text, sentence_start, honorific_start)
    if opener is None or "," in text[opener.end() : honorific_start - 2]:
        return None
    title_end = collector.scanner.title_at(opener.end(), honorific_start - 2)
    return (opener.end(), title_end) if title_end > opener.end() else None


def _officer_abroad(text: str, position: int, end: int) -> tuple[int, int] | None:
    """The foreign name after a rank's service and country ("lục quân Mỹ McKlein")."""
    service = lexicon().rank_service.match(text, position, end)
    country = _COUNTRY.match(text, service.end() if service else position, end)
    if service is None and country is None:
        return None
    start = country.end() if country else position
    run = _NAME_RUN.match(text, start, end)
    if run is None:
        return None
    foreign = foreign_run(run.group().split(" "))
    if not foreign:
        return None
    return start, start + len(" ".join(run.group().split(" ")[:foreign]))


def _after_capitalised_word(text: str, position: int) -> bool:
    """ "Lê Anh Tuấn": a capitalised "Anh" inside a name is no honorific."""
    if position < 2 or text[position - 1] != " " or not text[position].isupper():
        return False
    previous = text[max(0, position - 12) : position - 1].rsplit(" ", 1)[-1]
    return previous.isalpha() and previous[0].isupper() and not previous.isupper()


def _titles_in(collector: _Collector, start: int, end: int) -> list[tuple[int, int]]:
    """Every title chain of the sentence, as (start, end), in order."""
    found: list[tuple[int, int]] = []
    cursor = start
    for match in collector.heads.between(start, end):
        if match.start() < cursor:
            continue
        title_end = collector.scanner.title_at(match.start(), end)
        if title_end > match.start():
            found.append((match.start(), title_end))
            cursor = title_end
    return found


def _scan_honorifics(
    collector: _Collector,
    start: int,
    end: int,
    taken: set[int],
    titles_by_end: dict[int, int],
) -> None:
    """ "ông Nguyễn Văn A, Chủ tịch …", "Chủ tịch …, ông Nguyễn Văn A", "Thượng tá X, …"."""
    text, places = collector.text, collector.places
    for match in collector.honorifics.between(start, end):
        if _after_capitalised_word(text, match.start()):
            continue
        rank = match.group("rank") or match.group("rank_only")
        head = lexicon().head.match(text, match.end(), end)
        if head is not None and " " in head.group():
            continue  # "đ/c Trạm trưởng Trạm Y tế": a title after the honorific, no name
        person = _person_at(text, match.end(), end, places, after_honorific=True, single=True)
        if person is None and rank:
            person = _officer_abroad(text, match.end(), end)
        if person is None:
            continue
        title_span = _title_after(collector, person[1], end, governed=True)
        if title_span is None:
            title_span = _opening_title(collector, start, match.start())
        if title_span is None:
            for gap in _BEFORE_HONORIFIC:
                if text.startswith(gap, match.start() - len(gap)):
                    title_start = titles_by_end.get(match.start() - len(gap))
                    if title_start is not None and title_start not in taken:
                        title_span = (title_start, match.start() - len(gap))
                        break
        if title_span is None and not (rank and person[1] - person[0] > 1):
            continue
        honorific = match.group("honorific")
        collector.add(
            person,
            mention_start=match.start() if honorific else person[0],
            honorific=honorific,
            title_span=title_span,
            role=_role_after(text, max(title_span[1] if title_span else 0, person[1]), end),
            rank=rank,
        )
        first, last = title_span or person
        taken.update(range(min(match.start(), first), max(last, person[1])))


def _scan_sentence(collector: _Collector, start: int, end: int, taken: set[int]) -> None:
    text = collector.text
    places = collector.places
    titles = _titles_in(collector, start, end)
    if not titles:
        # Without a title only a rank makes an official ("Trung tá Lô Văn Máy dẫn đoàn").
        if any(
            m.group("rank") or m.group("rank_only")
            for m in collector.honorifics.between(start, end)
        ):
            _scan_honorifics(collector, start, end, taken, {})
        return
    _scan_honorifics(collector, start, end, taken, {e: s for s, e in titles})
    _scan_titles_before_names(collector, titles, start, end, taken)
    for title_start, title_end in titles:
        if text[title_end : title_end + 2] == ": " and text.endswith("các ", start, title_start):
            _scan_listed(collector, (title_start, title_end), title_end + 2, end, taken)
    # Name + separator + title ("Nguyễn Văn A – Chủ tịch UBND xã").
    for match in collector.names.between(start, end):
        if (
            match.start() in taken
            or text[match.end() : match.end() + 2].lstrip()[:1] not in _SEPARATORS
        ):
            continue
        person = _person_at(text, match.start(), end, places)
        if person is None:
            continue
        title_span = _title_after(collector, person[1], end, governed=False)
        if title_span is not None:
            collector.add(
                person,
                mention_start=person[0],
                honorific=None,
                title_span=title_span,
                role=_role_after(text, title_span[1], end),
            )
            taken.update(range(person[0], title_span[1]))


def _scan_titles_before_names(
    collector: _Collector, titles: list[tuple[int, int]], start: int, end: int, taken: set[int]
) -> None:
    """Title + name ("Phó Trưởng Ban Dân vận Tỉnh ủy Hà Văn Tùng"), and the names listed after
    a plural one ("các đại biểu HĐND thành phố A và B")."""
    text, places, lex = collector.text, collector.places, lexicon()
    for title_start, title_end in titles:
        if title_start in taken:
            continue
        gap = text[title_end : title_end + 1]
        last_words = text[title_start:title_end].split(" ")
        if last_words[-1] in lex.institutions or " ".join(last_words[-2:]) in lex.institutions:
            continue
        # "phó chủ tịch Chánh": a lower-case head may take a one-syllable name.
        single = text[title_start].islower() and lex.head.fullmatch(text[title_start:title_end])
        person = (
            _person_at(text, title_end + 1, end, places, single=bool(single))
            if gap == " "
            else None
        )
        if person is None or (single and not _ends_name(text, person[1], end)):
            continue
        role_word = lex.roles.get(text[title_start:title_end])
        collector.add(
            person,
            mention_start=person[0],
            honorific=None,
            title_span=(title_start, title_end),
            role=role_word or _role_after(text, person[1], end),
        )
        taken.update(range(title_start, person[1]))
        if text.endswith("các ", start, title_start):
            # "các đại biểu HĐND thành phố A và B": the plural title is each one's
            join = _LIST_JOIN.match(text, person[1], end)
            if join is not None:
                _scan_listed(collector, (title_start, title_end), join.end(), end, taken)


_LIST_JOIN = re.compile(r", (?:và )?| và ")


def _scan_listed(
    collector: _Collector, title_span: tuple[int, int], position: int, end: int, taken: set[int]
) -> None:
    """ "các Đại biểu Quốc hội: Nguyễn Thành Trung, Khang Thị Mào và Triệu Thị Huyền": each
    name of the list from `position` after a plural title holds the title."""
    text = collector.text
    while position not in taken:
        person = _person_at(text, position, end, collector.places)
        if person is None:
            return
        collector.add(
            person, mention_start=person[0], honorific=None, title_span=title_span, role=None
        )
        taken.update(range(person[0], person[1]))
        join = _LIST_JOIN.match(text, person[1], end)
        if join is None:
            return
        position = join.end()


def _ends_name(text: str, position: int, end: int) -> bool:
    """A one-syllable name ends at punctuation or before a lower-case word that is no title."""
    if position >= end or text[position] in ',.;:!?)”"':
        return True
    following = text[position + 1 : position + 2]
    return text[position] == " " and following.islower()


def _scan_repeats(
    collector: _Collector, hits: list[tuple[int, int]], start: int, end: int, taken: set[int]
) -> None:
    """Later mentions: full names repeated (`hits`, from one pass), and honorific + given name."""
    text = collector.text
    for hit_start, hit_end in hits[bisect_left(hits, (start, 0)) :]:
        if hit_start >= end:
            break
        if hit_end <= end and hit_start not in taken:
            collector.people[text[hit_start:hit_end]].mentions.append((hit_start, hit_end))
            taken.update(range(hit_start, hit_end))
    for match in collector.honorifics.between(start, end):
        if match.end() in taken:
            continue
        bare = _BARE.match(text, match.end(), end)
        if bare and collector.bare(bare.start(), bare.end(), match.start()):
            taken.update(range(match.start(), bare.end()))


_BARE = re.compile(f"{SYLLABLE}(?: {SYLLABLE})?")


def _places(units: list[AdminUnit], groups: list[ResidentialGroup]) -> dict[int, int]:
    """Where each unit or group mention and its name start, to where it ends: titles take them
    whole ("trưởng thôn Đồng Vàng" names no person Đồng Vàng)."""
    places: dict[int, int] = {}
    # A group "named" like a person is the person a title governs ("Trưởng thôn Ma Văn Thước"),
    # unless the article names it as a group again ("đường nội thôn La Chữ Đông").
    named = [
        group
        for group in groups
        if len(group.mentions) > 1 or not looks_like_person(group.name.split(" "))
    ]
    places_named: list[AdminUnit | ResidentialGroup] = [*units, *named]
    for place in places_named:
        for mention in place.mentions:
            places[mention.start] = mention.end
            if mention.text.endswith(place.name):
                places[mention.end - len(place.name)] = mention.end
    return places


class OfficialFinder:
    """Finds officials, their titles, places and roles, and merges their mentions."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Official]:
        """The officials of the article, in order of first mention."""
        text = store.text(doc)
        units = store.get(doc, UNITS_KIND, AdminUnit)
        groups = store.get(doc, GROUPS_KIND, ResidentialGroup)
        collector = _Collector(text, _places(units, groups))
        taken: set[int] = set()
        # captions included: real pages often name the leader only under the photo
        sentences = [sentence for _, sentence in content_sentences(doc)]
        for sentence in sentences:
            _scan_sentence(collector, sentence.start, sentence.end, taken)
        if collector.people:
            hits = collector.name_hits()
            for sentence in sentences:
                _scan_repeats(collector, hits, sentence.start, sentence.end, taken)
        officials: list[Official] = []
        for person in collector.people.values():
            if person.title is None and person.rank is None:
                continue  # a name with neither title nor rank is no official
            organization, place = (
                place_of(person.title, person.title_end, units, groups, text)
                if person.title
                else (None, None)
            )
            mentions = sorted(set(person.mentions))
            officials.append(
                Official(
                    name=person.name,
                    honorific=person.honorific,
                    rank=person.rank,
                    title=person.title,
                    title_expanded=expand(person.title) if person.title else None,
                    organization=organization,
                    place=place,
                    role=person.role,
                    mentions=[store.grounded(text, s, e) for s, e in mentions],
                )
            )
        officials.sort(key=lambda official: official.mentions[0].start)
        return officials

    def set_annotations(self, doc: Doc, officials: list[Official]) -> None:
        """Store the officials; each mention is a span labelled OFFICIAL."""
        spans = [(m.start, m.end, "OFFICIAL") for o in officials for m in o.mentions]
        store.put(doc, KIND, officials, sorted(spans))


@Language.factory("vnreport_officials", requires=["doc.spans"], assigns=["doc.spans"])
def make_official_finder(nlp: Language, name: str) -> OfficialFinder:
    """Factory of the `vnreport_officials` component."""
    return OfficialFinder()
