"""The `vnreport_inspections` component: who inspected what, where, led by whom.

It reads what the other components left on the Doc (sentences, officials, units, groups, the
event date) and states the article's main activity: the first lead or body sentence with an
activity verb ("kiểm tra", "giám sát", "làm việc" …) said of an inspecting body ("Đoàn kiểm tra
…", "Thường trực HĐND …", "Ban Chỉ đạo …") or of a named official. Its kind is that verb, its
topic the phrase after it, its targets the units and groups after it, less the inspecting side's
own units and the parents named only as an address. Site visits elsewhere ("Trước đó, Đoàn công
tác đã đi kiểm tra … tại tổ Giao Lâm", a caption "Đoàn kiểm tra … tại thôn X") add targets.

Only sentences where one compiled alternation finds a trigger get any further work.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.admin_units import KIND as UNITS_KIND
from vnreport.pipeline.dates import KIND as DATES_KIND
from vnreport.pipeline.groups import KIND as GROUPS_KIND
from vnreport.pipeline.officials import KIND as OFFICIALS_KIND
from vnreport.pipeline.segments import content_sentences
from vnreport.records import (
    AdminUnit,
    EventDate,
    Inspection,
    InspectionTarget,
    Official,
    ResidentialGroup,
    Segment,
    Span,
)
from vnreport.resources import load_json
from vnreport.text.normalize import fold
from vnreport.text.script import alternation

KIND = "inspections"
# Level of a target: a unit after another one and a comma is its address when it is higher.
_LEVELS = {"tỉnh": 0, "thành phố": 1, "quận": 1, "huyện": 1, "thị xã": 1}
_WARD_LEVEL, _GROUP_LEVEL = 2, 3
_ADDRESS_GAP = re.compile(r" ?[,(–-] ?| ")
_TRIM = " ,.;:–-\n"
_PREPOSITION_REACH = 50  # a unit this close after "tại"/"ở" is what the preposition introduces
_ORGANIZATION_REACH = 80
_ASIDE_REACH = 60  # "(thứ hai từ trái)" between a subject and its verb
_ORGANIZATION_END = re.compile(r"[,;]| tại | và ")


def _words(words: list[str]) -> str:
    """An alternation of whole words: a word edge is required only where the entry has one."""
    bounded = [w for w in words if w[:1].isalnum() and w[-1:].isalnum()]
    parts = [rf"(?<!\w)(?:{alternation(bounded)})(?!\w)"] if bounded else []
    for word in sorted(set(words) - set(bounded), key=len, reverse=True):
        before = r"(?<!\w)" if word[:1].isalnum() else ""
        after = r"(?!\w)" if word[-1:].isalnum() else ""
        parts.append(before + re.escape(word) + after)
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Lexicon:
    """The compiled patterns of `resources/inspections.json`."""

    kinds: dict[str, str]
    verb: re.Pattern[str]
    body_head: re.Pattern[str]
    body_end: re.Pattern[str]
    leader_after: re.Pattern[str]
    leader_before: re.Pattern[str]
    member: re.Pattern[str]
    preposition: re.Pattern[str]
    purpose: re.Pattern[str]
    joined_verb: re.Pattern[str]
    topic_lead: re.Pattern[str]
    topic_end: re.Pattern[str]
    body_topic_skip: re.Pattern[str]
    site_subject: re.Pattern[str]
    site_subject_name: re.Pattern[str]
    site_adverbs: re.Pattern[str]
    site_verb: re.Pattern[str]
    not_visit: re.Pattern[str]
    verb_blocker: re.Pattern[str]
    organization: re.Pattern[str]
    topic_head: re.Pattern[str]
    topic_leads_after: frozenset[str]
    body_lead_in: re.Pattern[str]
    passive: re.Pattern[str]


@cache
def lexicon() -> Lexicon:
    """The lexicon, compiled once."""
    data = load_json("inspections")
    verbs = _words(list(data["kinds"]))
    return Lexicon(
        kinds={fold(word): kind for word, kind in data["kinds"].items()},
        verb=re.compile(verbs, re.IGNORECASE),
        body_head=re.compile(_words(data["body_heads"])),
        body_end=re.compile(alternation(data["body_ends"])),
        leader_after=re.compile(_words(data["leader_after"])),
        leader_before=re.compile(_words(data["leader_before"]) + " "),
        member=re.compile(_words(data["member_markers"])),
        preposition=re.compile(" " + _words(data["target_prepositions"]) + " "),
        purpose=re.compile(" " + _words(data["purpose_links"]) + " (" + verbs + ")"),
        joined_verb=re.compile("(?: và|,)? (" + verbs + ")"),
        topic_lead=re.compile(_words(data["topic_leads"])),
        topic_end=re.compile(alternation(data["topic_ends"])),
        body_topic_skip=re.compile("(?:" + _words(data["body_topic_skip"]) + " )+"),
        site_subject=re.compile(_words(data["site_subjects"])),
        site_subject_name=re.compile("(?: (?:" + alternation(data["site_subject_names"]) + "))*"),
        site_adverbs=re.compile("(?: (?:" + alternation(data["site_adverbs"]) + ")(?!\\w))*"),
        site_verb=re.compile(" " + _words(data["site_verbs"])),
        not_visit=re.compile(" " + _words(data["not_visit"])),
        verb_blocker=re.compile("(?:^|\\W)(?:" + alternation(data["verb_blockers"]) + ") $"),
        organization=re.compile(_words(data["organization_heads"])),
        topic_head=re.compile(_words(data["topic_heads"])),
        topic_leads_after=frozenset(data["topic_leads_after"]),
        body_lead_in=re.compile("(?:^|\\W)(?:" + alternation(data["body_lead_ins"]) + ") $"),
        passive=re.compile("(?:^|\\W)(?:" + alternation(data["passive_markers"]) + ") $"),
    )


@dataclass(frozen=True, slots=True)
class _Place:
    """One mention of a unit or group, with what it refers to."""

    start: int
    end: int
    type: str
    name: str
    level: int

    @property
    def key(self) -> tuple[str, str]:
        return self.type, fold(self.name)


class _Article:
    """The Doc's text and the records the other components put on it, indexed by offset."""

    def __init__(self, doc: Doc) -> None:
        self.text = store.text(doc)
        self.sentences = list(content_sentences(doc))
        self._sentence_starts = [sentence.start for _, sentence in self.sentences]
        self.officials = store.get(doc, OFFICIALS_KIND, Official)
        self.dates = store.get(doc, DATES_KIND, EventDate)
        places = [
            _Place(m.start, m.end, u.type, u.name, _LEVELS.get(u.type, _WARD_LEVEL))
            for u in store.get(doc, UNITS_KIND, AdminUnit)
            for m in u.mentions
        ] + [
            _Place(m.start, m.end, g.type, g.name, _GROUP_LEVEL)
            for g in store.get(doc, GROUPS_KIND, ResidentialGroup)
            for m in g.mentions
        ]
        self.places = sorted(places, key=lambda p: p.start)
        self._place_starts = [p.start for p in self.places]
        people = [(m.start, m.end, o) for o in self.officials for m in o.mentions]
        self.people = sorted(people, key=lambda item: item[0])
        self._people_starts = [item[0] for item in self.people]

    def places_in(self, start: int, end: int) -> list[_Place]:
        """Unit and group mentions that start inside `[start, end)`."""
        low = bisect.bisect_left(self._place_starts, start)
        high = bisect.bisect_left(self._place_starts, end)
        return self.places[low:high]

    def person_before(self, start: int, end: int) -> Official | None:
        """The official whose mention starts last inside `[start, end)`."""
        index = bisect.bisect_left(self._people_starts, end) - 1
        if index >= 0 and self.people[index][0] >= start:
            return self.people[index][2]
        return None

    def person_at(self, start: int) -> Official | None:
        """The official whose mention starts at `start`."""
        index = bisect.bisect_left(self._people_starts, start)
        if index < len(self.people) and self.people[index][0] == start:
            return self.people[index][2]
        return None

    def people_in(self, start: int, end: int) -> list[tuple[int, int, Official]]:
        """Official mentions that start inside `[start, end)`."""
        low = bisect.bisect_left(self._people_starts, start)
        high = bisect.bisect_left(self._people_starts, end)
        return self.people[low:high]

    def sentence_at(self, offset: int) -> int | None:
        """The index of the content sentence holding `offset`, if any."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index][1].end:
            return index
        return None

    def span(self, start: int, end: int) -> Span | None:
        """The span of `text[start:end]` without surrounding spaces and punctuation."""
        while start < end and self.text[start] in _TRIM:
            start += 1
        while end > start and self.text[end - 1] in _TRIM:
            end -= 1
        return store.grounded(self.text, start, end) if end > start else None


@dataclass(frozen=True, slots=True)
class _Statement:
    """The sentence stating an activity, and where its body and verb lie in it."""

    segment: Segment
    sentence: Span
    body: Span | None
    verb_start: int
    verb_end: int
    kind: str


def _verbs(article: _Article, start: int, end: int) -> list[re.Match[str]]:
    """Activity verbs in `text[start:end]` that are not part of a name ("Ban Kiểm tra")."""
    lex, text = lexicon(), article.text
    found = []
    for match in lex.verb.finditer(text, start, end):
        before = text[max(0, match.start() - 8) : match.start()]
        if lex.verb_blocker.search(before):
            continue
        if match.group()[0].isupper() and match.start() != start:
            continue  # "Kiểm tra" mid-sentence belongs to a name
        found.append(match)
    return found


def _body(article: _Article, sentence: Span) -> Span | None:
    """The inspecting body named in the sentence, before any official unless they lead it."""
    lex, text = lexicon(), article.text
    first_person = next(iter(article.people_in(sentence.start, sentence.end)), None)
    for head in lex.body_head.finditer(text, sentence.start, sentence.end):
        led = lex.body_lead_in.search(text, max(sentence.start, head.start() - 9), head.start())
        if first_person is not None and head.start() > first_person[0] and led is None:
            break
        end = sentence.end
        stop = lex.body_end.search(text, head.end(), sentence.end)
        if stop is not None:
            end = stop.start()
        verbs = _verbs(article, head.end(), end)
        if verbs:
            end = verbs[0].start()
        body = article.span(head.start(), end)
        if body is not None and body.text.endswith(")") and " (" in body.text:
            # "đoàn … của UBND Quận 3 (TP HCM)": the parenthesis is an address
            body = article.span(body.start, body.start + body.text.rindex(" ("))
        return body
    return None


def _statement(article: _Article, segment: Segment, sentence: Span) -> _Statement | None:
    """The activity a sentence states, when it says one of a body or of an official."""
    lex, text = lexicon(), article.text
    if lex.verb.search(text, sentence.start, sentence.end) is None:
        return None
    body = _body(article, sentence)
    after = body.end if body is not None else sentence.start
    verbs = _verbs(article, after, sentence.end)
    if not verbs:
        return None
    verb = verbs[0]
    acting = article.people_in(sentence.start, verb.start())
    if body is None and not acting and segment.kind != "title":
        return None
    kind = lex.kinds[fold(verb.group())]
    verb_end = verb.end()
    purpose = lex.purpose.search(text, verb_end, sentence.end)
    if kind == "làm việc" and purpose is not None:
        kind, verb_end = lex.kinds[fold(purpose.group(1))], purpose.end()
    joined = lex.joined_verb.match(text, verb_end, sentence.end)
    if joined is not None:  # "thăm và làm việc": the first verb names it, the topic follows both
        verb_end = joined.end()
    return _Statement(segment, sentence, body, verb.start(), verb_end, kind)


def _topic_end(article: _Article, start: int, end: int) -> int:
    """Where the object phrase from `start` ends: at its place, a linking word or a unit."""
    lex, text = lexicon(), article.text
    stops = [end]
    places = article.places_in(start, end)
    if places:
        # a preposition shortly before the first place introduces it
        # ("tại các hẻm nhỏ và nhà trọ trên địa bàn P.10"): the first "tại"/"ở" close enough wins;
        # "với" only when nothing else is ("gắn với du lịch … tại xã X" is no place)
        near = [
            preposition
            for preposition in lex.preposition.finditer(text, start, places[0].start)
            if places[0].start - preposition.end() <= _PREPOSITION_REACH
        ]
        placing = [p.start() for p in near if p.group().strip() != "với"]
        stops.extend(placing[:1] or [p.start() for p in near[-1:]])
    link = lex.topic_end.search(text, start, end)
    if link is not None:
        stops.append(link.start())
    if places:
        stops.append(places[0].start)
    return min(stops)


def _object(article: _Article, start: int, end: int) -> Span | None:
    """The object phrase after a verb: what was inspected, without place or date."""
    text = article.text
    if text.startswith(" thực tế", start):
        start += len(" thực tế")
    return article.span(start, _topic_end(article, start, end))


def _topic(article: _Article, statement: _Statement, title: _Statement | None) -> Span | None:
    """The topic: after the verb, else after "về", else inside the body's name or the title."""
    lex, text = lexicon(), article.text
    sentence_end = statement.sentence.end
    found = None
    if lex.preposition.match(text, statement.verb_end, sentence_end) is None:
        found = _object(article, statement.verb_end, sentence_end)
    if found is not None:
        return found
    lead = lex.topic_lead.search(text, statement.verb_end, sentence_end)
    if lead is not None:
        start = lead.end() if lead.group() in lex.topic_leads_after else lead.start()
        found = _object(article, start, sentence_end)
        if found is not None:
            return found
    body = statement.body
    head = lex.topic_head.match(text, body.start) if body is not None else None
    if body is not None and head is not None and not text.startswith(" của", head.end()):
        found = _body_topic(article, body, head.end())
        if found is not None:
            return found
    if title is not None and title is not statement:
        found = _object(article, title.verb_end, title.sentence.end)
        if found is not None:
            return found
    return _body_topic(article, body, body.start) if body is not None and head else None


def _body_topic(article: _Article, body: Span, start: int) -> Span | None:
    """The topic inside a body's name: "Đoàn kiểm tra <topic> thành phố X"."""
    skip = lexicon().body_topic_skip.match(article.text, start, body.end)
    if skip is not None:
        start = skip.end()
    places = article.places_in(start, body.end)
    return article.span(start, places[0].start if places else body.end)


def _own_units(article: _Article, statement: _Statement, leader: Official | None) -> set[str]:
    """The inspecting side's units: in its body, its leader's title, before the verb."""
    own = {
        f"{p.type} {fold(p.name)}"
        for p in article.places_in(statement.sentence.start, statement.verb_start)
    }
    if leader is not None and leader.place:
        own.add(fold(leader.place))
    return own


def _targets(
    article: _Article, start: int, end: int, own: set[str], found: dict[tuple[str, str], None]
) -> None:
    """Add the places of `text[start:end]` to `found`, skipping own units and addresses."""
    previous: _Place | None = None
    for place in article.places_in(start, end):
        address = (
            previous is not None
            and place.level < previous.level
            and _ADDRESS_GAP.fullmatch(article.text, previous.end, place.start) is not None
        )
        previous = place
        if address or f"{place.type} {fold(place.name)}" in own:
            continue
        found.setdefault((place.type, place.name), None)


def _visits(article: _Article, leader: Official | None) -> list[int]:
    """Sentences where the delegation or its leader visits a place: one scan of the text."""
    lex, text = lexicon(), article.text
    subjects = [
        (m.start(), m.end())
        for m in lex.site_subject.finditer(text)
        if not lex.passive.search(text, max(0, m.start() - 8), m.start())
    ]
    if leader is not None:
        subjects += [(start, end) for start, end, person in article.people if person is leader]
    found: dict[int, None] = {}
    for start, subject_end in sorted(subjects):
        index = article.sentence_at(start)
        if index is None or index in found:
            continue
        if _visits_here(text, subject_end, article.sentences[index][1].end):
            found[index] = None
    return list(found)


def _visits_here(text: str, subject_end: int, sentence_end: int) -> bool:
    """Whether what follows a subject is a visit: "đoàn đã kiểm tra thực tế tại …"."""
    lex = lexicon()
    named = lex.site_subject_name.match(text, subject_end, sentence_end)
    position = named.end() if named is not None else subject_end
    if text.startswith(" (", position):  # "Ông X (thứ hai từ trái) kiểm tra …"
        closing = text.find(")", position, min(sentence_end, position + _ASIDE_REACH))
        position = closing + 1 if closing != -1 else position
    adverbs = lex.site_adverbs.match(text, position, sentence_end)
    position = adverbs.end() if adverbs is not None else position
    if lex.not_visit.match(text, position, sentence_end):
        return False
    if lex.site_verb.match(text, position, sentence_end):
        return True
    # "Đoàn kiểm tra van ngăn triều …": the name part was the verb
    return position > subject_end and text[position : position + 2].strip()[:1].isalnum()


def _leader(article: _Article, statement: _Statement, following: Span | None) -> Official | None:
    """The official who leads: "do X … làm Trưởng đoàn", "Trưởng đoàn X", else who acts."""
    lex, text = lexicon(), article.text
    for sentence in (statement.sentence, following):
        if sentence is None:
            continue
        for marker in lex.leader_after.finditer(text, sentence.start, sentence.end):
            before = article.person_before(sentence.start, marker.start())
            if before is not None:
                return before
        for marker in lex.leader_before.finditer(text, sentence.start, sentence.end):
            after = article.person_at(marker.end())
            if after is not None:
                return after
    acting = article.people_in(statement.sentence.start, statement.verb_start)
    if acting and (statement.body is None or acting[0][0] < statement.body.start):
        return acting[0][2]
    if statement.body is None:
        return next((o for o in article.officials if o.role == "Trưởng đoàn"), None)
    return None


def _members(article: _Article, leader: Official | None) -> list[str]:
    """Officials named after "Tham gia đoàn có", "Cùng đi có", "Thành viên đoàn" …"""
    names: dict[str, None] = {}
    seen: set[int] = set()
    for marker in lexicon().member.finditer(article.text):
        index = article.sentence_at(marker.start())
        if index is None or index in seen:
            continue
        seen.add(index)
        for _, _, person in article.people_in(marker.end(), article.sentences[index][1].end):
            if leader is None or person.name != leader.name:
                names.setdefault(person.name, None)
    return list(names)


def _organizations(article: _Article, start: int, end: int) -> list[Span]:
    """Inspected bodies that are not units: "Trung tâm Phục vụ hành chính công phường X"."""
    lex, text = lexicon(), article.text
    found: list[Span] = []
    for head in lex.organization.finditer(text, start, end):
        limit = min(end, head.end() + _ORGANIZATION_REACH)
        stop = _ORGANIZATION_END.search(text, head.end(), limit)
        finish = stop.start() if stop is not None else limit
        places = article.places_in(head.end(), finish)
        span = article.span(head.start(), places[0].end if places else finish)
        if span is not None and (not found or span.start >= found[-1].end):
            found.append(span)
    return found


class InspectionFinder:
    """Finds the article's main activity: its kind, body, leader, topic and targets."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Inspection]:
        """The inspections of the article, the main one first (at most one for now)."""
        article = _Article(doc)
        title: _Statement | None = None
        main: _Statement | None = None
        following: Span | None = None
        for index, (segment, sentence) in enumerate(article.sentences):
            if segment.kind not in ("title", "lead", "body"):
                continue
            statement = _statement(article, segment, sentence)
            if statement is None:
                continue
            if segment.kind == "title":
                title = title or statement
                continue
            main = statement
            # the sentence after it may name the leader ("Đoàn do ông X … làm Trưởng đoàn")
            following = next(
                (s for seg, s in article.sentences[index + 1 :] if seg.kind in ("lead", "body")),
                None,
            )
            break
        main = main or title
        if main is None:
            return []
        return [self._inspection(article, main, title, following)]

    def _inspection(
        self,
        article: _Article,
        main: _Statement,
        title: _Statement | None,
        following: Span | None,
    ) -> Inspection:
        leader = _leader(article, main, following)
        own = _own_units(article, main, leader)
        if main.body is not None:
            own.update(
                f"{p.type} {fold(p.name)}"
                for p in article.places_in(main.body.start, main.body.end)
            )
        found: dict[tuple[str, str], None] = {}
        _targets(article, main.verb_start, main.sentence.end, own, found)
        if title is not None and title is not main:
            _targets(article, title.verb_start, title.sentence.end, own, found)
        organizations = _organizations(article, main.verb_end, main.sentence.end)
        for index in _visits(article, leader):
            sentence = article.sentences[index][1]
            if sentence is not main.sentence and (title is None or sentence is not title.sentence):
                _targets(article, sentence.start, sentence.end, own, found)
        date = next(
            (
                d
                for d in article.dates
                if main.segment.span.start <= d.span.start < main.segment.span.end
            ),
            None,
        )
        return Inspection(
            kind=main.kind,
            body=main.body,
            leader=leader.name if leader is not None else None,
            members=_members(article, leader),
            topic=_topic(article, main, title),
            targets=[InspectionTarget(type=t, name=n) for t, n in found],
            organizations=organizations,
            date=date,
            span=main.sentence,
        )

    def set_annotations(self, doc: Doc, inspections: list[Inspection]) -> None:
        """Store the inspections; spans for the statement, its body and its topic."""
        spans = []
        for item in inspections:
            spans.append((item.span.start, item.span.end, "inspection"))
            if item.body is not None:
                spans.append((item.body.start, item.body.end, "inspection_body"))
            if item.topic is not None:
                spans.append((item.topic.start, item.topic.end, "inspection_topic"))
        store.put(doc, KIND, inspections, sorted(spans))


@Language.factory(
    "vnreport_inspections",
    requires=["doc.spans"],
    assigns=["doc.spans"],
)
def make_inspection_finder(nlp: Language, name: str) -> InspectionFinder:
    """Factory of the `vnreport_inspections` component."""
    return InspectionFinder()
