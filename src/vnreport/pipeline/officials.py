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
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.admin_units import KIND as UNITS_KIND
from vnreport.pipeline.segments import content_sentences
from vnreport.pipeline.typed_names import surnames
from vnreport.records import AdminUnit, Official
from vnreport.resources import load_json
from vnreport.text.script import LOWER, UPPER, alternation

KIND = "officials"
# "H'Bia", "K'Lang": Central Highlands names join a capital and a syllable with an apostrophe.
_SYLLABLE = f"{UPPER}(?:'{UPPER})?{LOWER}*(?!{UPPER})"
_NAME_RUN = re.compile(f"{_SYLLABLE}(?: {_SYLLABLE}){{1,5}}")
_WORD = re.compile(r"[^\s,;:()\"–]+")
_TITLE_SEPARATOR = re.compile(r" ?(?:[–-]|,|\() ?")
# The longest title read (two joined titles run to ~100 characters): the scan from each title
# word stops there, so a run of "Chủ tịch Chủ tịch …" costs linear time.
_MAX_TITLE_CHARS = 240


@dataclass(frozen=True)
class _Lexicon:
    deputy: tuple[str, ...]
    title_words: frozenset[str]
    abbreviations: dict[str, str]
    place_words: dict[str, str]
    roles: dict[str, str]
    title_phrases: tuple[str, ...]
    institutions: frozenset[str]
    numbered_words: frozenset[str]
    stop_words: frozenset[str]
    role_lead: re.Pattern[str]
    honorific_pattern: re.Pattern[str]
    head_pattern: re.Pattern[str]
    role_pattern: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_json("titles")
    heads = tuple(data["heads"])
    deputy = tuple(data["deputy"])
    head = f"(?:(?:{alternation(deputy)}) )?(?:{alternation(heads)})(?![{LOWER[1:-1]}])"
    return _Lexicon(
        deputy=deputy,
        title_words=frozenset(data["title_words"]),
        abbreviations=dict(data["abbreviations"]),
        place_words=dict(data["place_words"]),
        roles=dict(data["roles"]),
        title_phrases=tuple(data["title_phrases"]),
        institutions=frozenset(data["institutions"]),
        numbered_words=frozenset(data["numbered_words"]),
        stop_words=frozenset(data["stop_words"]),
        role_lead=re.compile(f" ?(?:[–-] |, )?(?:{alternation(data['role_leads'])}) "),
        honorific_pattern=re.compile(f"(?<!\\w)(?:{alternation(data['honorifics'])}) "),
        head_pattern=re.compile(f"(?<!\\w){head}"),
        role_pattern=re.compile(alternation(list(data["roles"]))),
    )


@dataclass
class _Person:
    name: str
    honorific: str | None = None
    title: str | None = None
    title_end: int = -1
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _word_at(text: str, position: int, end: int) -> tuple[str, int, bool] | None:
    """(word, end, ends the sentence) at `position`; a final full stop is not part of the word."""
    word = _WORD.match(text, position, end)
    if word is None:
        return None
    token = word.group()
    if token.strip(".") == "":
        return None  # a full stop standing alone ends the title; it is no word
    if token.endswith(".") and token not in _lexicon().abbreviations:
        return token[:-1], word.end() - 1, True
    return token, word.end(), False


def _title_at(text: str, start: int, end: int, places: dict[int, int]) -> int:
    """End of the title at `start`, with a second title joined by a comma ("…, Trưởng Ban …")."""
    end = min(end, start + _MAX_TITLE_CHARS)
    title_end = _one_title_at(text, start, end, places)
    while title_end > start and text.startswith(", ", title_end):
        following = _one_title_at(text, title_end + 2, end, places)
        if following <= title_end + 2:
            break
        title_end = following
    return title_end


def _one_title_at(  # noqa: PLR0912 - one loop over the word kinds a title can hold
    text: str, start: int, end: int, places: dict[int, int]
) -> int:
    """End of one title: capitalised words, abbreviations, title words and unit names."""
    lexicon = _lexicon()
    head = lexicon.head_pattern.match(text, start, end)
    if head is None:
        return start
    title_end = head.end()
    if title_end >= end or text[title_end] != " ":
        return _trim_title(text, start, title_end)
    position = title_end + 1
    while position < end:
        if position in places:
            title_end = position = places[position]
            if position < end and text[position] == " ":
                position += 1
                continue
            break
        phrase = next((p for p in lexicon.title_phrases if text.startswith(p, position)), None)
        if phrase is not None:
            title_end = position = position + len(phrase)
            if position < end and text[position] == " ":
                position += 1
                continue
            break
        word = _word_at(text, position, end)
        if word is None:
            break
        token, word_end, final = word
        previous = text[start:title_end].rsplit(" ", 1)[-1].lower()
        if token.isdigit() and previous in lexicon.numbered_words:
            title_end = position = word_end
            if final or position >= end or text[position] != " ":
                break
            position += 1
            continue
        following = None if final else _word_at(text, word_end + 1, end)
        pair = f"{token} {following[0]}".lower() if following else ""
        if following is not None and pair in lexicon.title_words:
            title_end = position = following[1]
            final = following[2]
        elif token[0] in UPPER[1:-1] or token.lower() in lexicon.title_words:
            if (
                token in surnames()
                and title_end > start
                and _person_at(text, position, end, places)
            ):
                break
            title_end = position = word_end
        else:
            break
        if final or position >= end or text[position] != " ":
            break
        position += 1
    return _trim_title(text, start, title_end)


def _trim_title(text: str, start: int, end: int) -> int:
    """Drop trailing connective words ("của", "và") a title cannot end with."""
    words = text[start:end].split(" ")
    while len(words) > 1 and words[-1].lower() in _lexicon().stop_words:
        words.pop()
    return start + len(" ".join(words))


def _person_at(
    text: str,
    start: int,
    end: int,
    places: dict[int, int] | None = None,
    *,
    after_honorific: bool = False,
) -> tuple[int, int] | None:
    """A 2–4 syllable personal name at `start`.

    It must open with a family name ("Nguyễn", "Lò"), unless an honorific stands before it: then
    any capitalised run that is no title counts, which admits names such as "Y Jôn Mlô".
    """
    if places and start in places:
        return None
    match = _NAME_RUN.match(text, start, end)
    if match is None:
        return None
    syllables = match.group().split(" ")
    lexicon = _lexicon()
    if syllables[0] not in surnames() and (
        not after_honorific or lexicon.head_pattern.match(match.group()) is not None
    ):
        return None
    syllables = syllables[:4]
    # Stop a name where a title or place word begins ("Hà Văn Tùng Phó Chủ tịch").
    for index in range(2, len(syllables)):
        rest = " ".join(syllables[index:])
        if lexicon.head_pattern.match(rest) or syllables[index] in lexicon.deputy:
            syllables = syllables[:index]
            break
    if len(syllables) < 2:
        return None
    return start, start + len(" ".join(syllables))


def _role_after(text: str, position: int, end: int) -> str | None:
    lead = _lexicon().role_lead.match(text, position, end)
    if lead is None:
        return None
    role = _lexicon().role_pattern.match(text, lead.end(), end)
    return _lexicon().roles[role.group()] if role else None


class _Collector:
    """Gathers people across sentences, merging repeated and bare mentions."""

    def __init__(self, text: str, places: dict[int, int]) -> None:
        self.text = text
        self.places = places
        self.people: dict[str, _Person] = {}

    def add(
        self,
        name_span: tuple[int, int],
        *,
        mention_start: int,
        honorific: str | None,
        title_span: tuple[int, int] | None,
        role: str | None,
    ) -> None:
        name = self.text[name_span[0] : name_span[1]]
        person = self.people.setdefault(name, _Person(name=name))
        person.mentions.append((mention_start, name_span[1]))
        if honorific and person.honorific is None:
            person.honorific = honorific.lower()
        if title_span and person.title is None:
            person.title = self.text[title_span[0] : title_span[1]]
            person.title_end = title_span[1]
        if role and person.role is None:
            person.role = role

    def bare(self, start: int, end: int, honorific_start: int) -> bool:
        """Attach "đồng chí Huế" to the one known person whose name ends that way."""
        short = self.text[start:end]
        matches = [p for p in self.people.values() if p.name.endswith(" " + short)]
        if len(matches) != 1:
            return False
        matches[0].mentions.append((honorific_start, end))
        return True


def _scan_sentence(  # noqa: PLR0912 - the three shapes of a titled mention, in order
    collector: _Collector, start: int, end: int, taken: set[int]
) -> None:
    text = collector.text
    places = collector.places
    lexicon = _lexicon()
    # 1. Honorific + name [separator title]
    for match in lexicon.honorific_pattern.finditer(text, start, end):
        person = _person_at(text, match.end(), end, places, after_honorific=True)
        if person is None:
            continue
        after = person[1]
        title_span = None
        separator = _TITLE_SEPARATOR.match(text, after, end)
        if separator and separator.end() > after:
            title_end = _title_at(text, separator.end(), end, places)
            if title_end > separator.end():
                title_span = (separator.end(), title_end)
        if title_span is None:
            continue
        role = _role_after(text, title_span[1], end)
        collector.add(
            person,
            mention_start=match.start(),
            honorific=match.group().strip(),
            title_span=title_span,
            role=role,
        )
        taken.update(range(match.start(), title_span[1]))
    # 2. Title + name ("Phó Trưởng Ban Dân vận Tỉnh ủy Hà Văn Tùng"), or name + separator + title.
    for match in lexicon.head_pattern.finditer(text, start, end):
        if match.start() in taken:
            continue
        title_end = _title_at(text, match.start(), end, places)
        if title_end <= match.start():
            continue
        gap = text[title_end : title_end + 1]
        last_words = text[match.start() : title_end].split(" ")
        if (
            last_words[-1] in lexicon.institutions
            or " ".join(last_words[-2:]) in lexicon.institutions
        ):
            continue
        person = _person_at(text, title_end + 1, end, places) if gap == " " else None
        if person is None:
            continue
        role_word = _lexicon().roles.get(text[match.start() : title_end])
        collector.add(
            person,
            mention_start=person[0],
            honorific=None,
            title_span=(match.start(), title_end),
            role=role_word or _role_after(text, person[1], end),
        )
        taken.update(range(match.start(), person[1]))
    for match in _NAME_RUN.finditer(text, start, end):
        if match.start() in taken:
            continue
        person = _person_at(text, match.start(), end, places)
        if person is None:
            continue
        separator = _TITLE_SEPARATOR.match(text, person[1], end)
        if separator is None or separator.end() == person[1]:
            continue
        title_end = _title_at(text, separator.end(), end, places)
        if title_end > separator.end():
            collector.add(
                person,
                mention_start=person[0],
                honorific=None,
                title_span=(separator.end(), title_end),
                role=_role_after(text, title_end, end),
            )
            taken.update(range(person[0], title_end))


def _scan_repeats(collector: _Collector, start: int, end: int, taken: set[int]) -> None:
    """Later mentions: full names repeated, and honorific + given name."""
    text = collector.text
    for name, person in collector.people.items():
        position = text.find(name, start, end)
        while position >= 0:
            if position not in taken:
                person.mentions.append((position, position + len(name)))
                taken.update(range(position, position + len(name)))
            position = text.find(name, position + len(name), end)
    for match in _lexicon().honorific_pattern.finditer(text, start, end):
        if match.end() in taken:
            continue
        bare = re.compile(f"{_SYLLABLE}(?: {_SYLLABLE})?").match(text, match.end(), end)
        if bare and collector.bare(bare.start(), bare.end(), match.start()):
            taken.update(range(match.start(), bare.end()))


def _expand(title: str) -> str:
    abbreviations = _lexicon().abbreviations
    words = [abbreviations.get(word, word) for word in title.split(" ")]
    return " ".join(words)


def _has_type(unit: AdminUnit, unit_type: str) -> bool:
    """Whether `unit` is of `unit_type`; "province" means a tỉnh or a centrally run city."""
    if unit_type != "province":
        return unit.type == unit_type
    if unit.type == "tỉnh":
        return True
    entries = [unit.resolved, *unit.candidates] if unit.resolved else unit.candidates
    return unit.type == "thành phố" and any(e.code and e.district is None for e in entries if e)


def _place_of(title: str, position: int, units: list[AdminUnit]) -> tuple[str | None, str | None]:
    """(organization, place) of a title at `position`, the place taken from the article's units.

    A title naming its unit ("UBND tỉnh Lạng Sơn") gives it; otherwise the unit of the title's type
    mentioned last before the title (or first after it) is the one meant.
    """
    lexicon = _lexicon()
    organization = None
    head = lexicon.head_pattern.match(title)
    if head and head.end() < len(title):
        organization = title[head.end() :].strip() or None
    best: tuple[int, int, int, str] | None = None
    for word, unit_type in lexicon.place_words.items():
        index = title.rfind(word)
        if index < 0:
            continue
        # The type word standing last wins; of two ending together ("thị xã", "xã") the longer.
        candidate = (index + len(word), len(word), index, unit_type)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        return organization, None
    _, _, index, unit_type = best
    fitting = [unit for unit in units if _has_type(unit, unit_type)]
    tail = title[index:]
    for unit in fitting:
        if unit.name in tail:
            return organization, f"{unit.type} {unit.name}"
    mentions = [(m.start, u) for u in fitting for m in u.mentions]
    before = [pair for pair in mentions if pair[0] < position]
    chosen = max(before, key=lambda pair: pair[0]) if before else min(mentions, default=None)
    if chosen is None:
        return organization, None
    return organization, f"{chosen[1].type} {chosen[1].name}"


class OfficialFinder:
    """Finds officials, their titles, places and roles, and merges their mentions."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Official]:
        """The officials of the article, in order of first mention."""
        text = store.text(doc)
        units = store.get(doc, UNITS_KIND, AdminUnit)
        # Where each unit's name starts and ends, so titles take them whole and never as people.
        places = {
            mention.end - len(unit.name): mention.end for unit in units for mention in unit.mentions
        }
        collector = _Collector(text, places)
        taken: set[int] = set()
        sentences = [(segment.kind, sentence) for segment, sentence in content_sentences(doc)]
        for kind, sentence in sentences:
            if kind != "caption":
                _scan_sentence(collector, sentence.start, sentence.end, taken)
        for _, sentence in sentences:
            _scan_repeats(collector, sentence.start, sentence.end, taken)
        officials: list[Official] = []
        for person in collector.people.values():
            if person.title is None:
                continue
            organization, place = _place_of(person.title, person.title_end, units)
            mentions = sorted(set(person.mentions))
            officials.append(
                Official(
                    name=person.name,
                    honorific=person.honorific,
                    title=person.title,
                    title_expanded=_expand(person.title),
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
