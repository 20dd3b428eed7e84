"""The `vnreport_inspections` component: who inspected what, where, led by whom.

It reads what the other components left on the Doc (sentences, officials, units, groups, the
event date) and states the article's main activity: the first lead or body sentence with an
activity verb ("kiểm tra", "giám sát", "làm việc" …) said of an inspecting body ("Đoàn kiểm tra
…", "Thường trực HĐND …", "Ban Chỉ đạo …") or of a named official. Its kind is that verb, its
topic the phrase after it, its targets the units and groups after it, less the inspecting side's
own units and the parents named only as an address. Site visits elsewhere ("Trước đó, Đoàn công
tác đã đi kiểm tra … tại tổ Giao Lâm", a caption "Đoàn kiểm tra … tại thôn X") add targets.
Then the further activities: a later sentence opened by "Cùng ngày, …", "Sau đó, …" that states
another kind, actor or place ("Cùng ngày, đoàn cũng làm việc với UBND xã Y …") is a record of
its own, done by the main delegation when its subject is "đoàn".

Only sentences where one compiled alternation finds a trigger get any further work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.inspection_article import WARD_LEVEL, Article, Place, lexicon
from vnreport.pipeline.inspection_organizations import organizations
from vnreport.records import Inspection, InspectionTarget, Official, Segment, Span
from vnreport.text.normalize import fold

__all__ = ["KIND", "InspectionFinder", "lexicon", "make_inspection_finder"]

KIND = "inspections"
_ADDRESS_GAP = re.compile(r" ?[,(–-] ?| ")
_PREPOSITION_REACH = 50  # a unit this close after "tại"/"ở" is what the preposition introduces
_ASIDE_REACH = 60  # "(thứ hai từ trái)" between a subject and its verb


@dataclass(frozen=True, slots=True)
class _Statement:
    """The sentence stating an activity, and where its body and verb lie in it."""

    segment: Segment
    sentence: Span
    body: Span | None
    verb_start: int
    verb_end: int
    kind: str


def _verbs(article: Article, start: int, end: int) -> list[re.Match[str]]:
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


def _body(article: Article, sentence: Span) -> Span | None:
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


def _statement(article: Article, segment: Segment, sentence: Span) -> _Statement | None:
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
    kind, verb_end = _kind(text, verb, sentence.end)
    return _Statement(segment, sentence, body, verb.start(), verb_end, kind)


def _kind(text: str, verb: re.Match[str], end: int) -> tuple[str, int]:
    """The kind a verb states, and where the verb phrase ends ("làm việc … để kiểm tra")."""
    lex = lexicon()
    kind = lex.kinds[fold(verb.group())]
    verb_end = verb.end()
    purpose = lex.purpose.search(text, verb_end, end)
    if kind == "làm việc" and purpose is not None:
        kind, verb_end = lex.kinds[fold(purpose.group(1))], purpose.end()
    joined = lex.joined_verb.match(text, verb_end, end)
    if joined is not None:  # "thăm và làm việc": the first verb names it, the topic follows both
        verb_end = joined.end()
    return kind, verb_end


def _topic_end(article: Article, start: int, end: int) -> int:
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


def _object(article: Article, start: int, end: int) -> Span | None:
    """The object phrase after a verb: what was inspected, without place or date."""
    text = article.text
    if text.startswith(" thực tế", start):
        start += len(" thực tế")
    return article.span(start, _topic_end(article, start, end))


def _topic(article: Article, statement: _Statement, title: _Statement | None) -> Span | None:
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


def _body_topic(article: Article, body: Span, start: int) -> Span | None:
    """The topic inside a body's name: "Đoàn kiểm tra <topic> thành phố X"."""
    skip = lexicon().body_topic_skip.match(article.text, start, body.end)
    if skip is not None:
        start = skip.end()
    places = article.places_in(start, body.end)
    return article.span(start, places[0].start if places else body.end)


def _own_units(article: Article, statement: _Statement, leader: Official | None) -> set[str]:
    """The inspecting side's units: in its body, its leader's title, before the verb."""
    own = {
        f"{p.type} {fold(p.name)}"
        for p in article.places_in(statement.sentence.start, statement.verb_start)
        if not _partner(article, p)
    }
    if leader is not None and leader.place:
        own.add(fold(leader.place))
    return own


def _partner(article: Article, place: Place) -> bool:
    """Whether a unit before the verb joins the inspection ("phối hợp với UBND phường X")."""
    if place.level < WARD_LEVEL:
        return False  # "phối hợp với UBND huyện X": the higher level inspects with it
    return lexicon().partner.search(article.text, max(0, place.start - 40), place.start) is not None


def _targets(
    article: Article, start: int, end: int, own: set[str], found: dict[tuple[str, str], None]
) -> None:
    """Add the places of `text[start:end]` to `found`, skipping own units and addresses."""
    previous: Place | None = None
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


def _organization_units(
    article: Article, bodies: list[Span], own: set[str], found: dict[tuple[str, str], None]
) -> None:
    """Add the unit an inspected body's name ends with ("Công an xã Yên Lư") to `found`."""
    for body in bodies:
        name = fold(body.text)
        for written, unit in article.unit_names.items():
            if name.endswith(written) and written.strip() not in own:
                found.setdefault(unit, None)


def _visits(article: Article, leader: Official | None) -> list[int]:
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


def _leader(article: Article, statement: _Statement, following: Span | None) -> Official | None:
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


def _members(article: Article, leader: Official | None) -> list[str]:
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


@dataclass(frozen=True, slots=True)
class _Further:
    """A further activity: its statement, whether the main delegation does it ("Cùng ngày,
    đoàn …"), and whether it is dated with the main one."""

    statement: _Statement
    delegation: bool
    same_day: bool


def _further(article: Article, segment: Segment, sentence: Span) -> _Further | None:
    """The activity a sentence opened by "Cùng ngày, …", "Sau đó, …" states, if any."""
    lex, text = lexicon(), article.text
    marker = lex.secondary_marker.match(text, sentence.start, sentence.end)
    if marker is None:
        return None
    same_day = marker.group(1) in lex.same_day
    subject = lex.site_subject.match(text, marker.end(), sentence.end)
    if subject is not None:
        named = lex.site_subject_name.match(text, subject.end(), sentence.end)
        # "Đoàn giám sát tiếp tục làm việc …" before "Đoàn kiểm tra tại …"
        for position in dict.fromkeys((named.end() if named else subject.end(), subject.end())):
            adverbs = lex.secondary_adverbs.match(text, position, sentence.end)
            verb = lex.verb.match(text, adverbs.end()) if adverbs is not None else None
            if verb is not None and verb.end() <= sentence.end:
                kind, verb_end = _kind(text, verb, sentence.end)
                delegated = _Statement(segment, sentence, None, verb.start(), verb_end, kind)
                return _Further(delegated, True, same_day)
        return None
    statement = _statement(article, segment, sentence)
    if statement is None or lex.not_visit.search(text, marker.end() - 1, statement.verb_start):
        return None  # "Sau đó, ông X kiến nghị huyện sớm kiểm tra …" asks for one
    return _Further(statement, False, same_day)


def _new_places(article: Article, statement: _Statement, main: Inspection) -> bool:
    """Whether an activity names a commune or a higher unit the main one did not inspect."""
    known = {(t.type, fold(t.name)) for t in main.targets}
    return any(
        place.level <= WARD_LEVEL and place.key not in known
        for place in article.places_in(statement.verb_start, statement.sentence.end)
    )


def _is_further(article: Article, further: _Further, main: Inspection) -> bool:
    """A different activity (another kind, actor or place), not a site visit of the main one."""
    statement, text = further.statement, article.text
    site_visit = text.startswith(" thực tế", statement.verb_end)
    if _new_places(article, statement, main):
        return True
    if statement.kind != main.kind and not site_visit:
        # "Cùng ngày, đoàn làm việc với UBND xã …", "… với Công an xã …"; a household visited in
        # a thôn ("Sau đó, đoàn đến thăm gia đình ông X ở thôn Y") is a site visit
        return any(
            place.level <= WARD_LEVEL
            for place in article.places_in(statement.verb_start, statement.sentence.end)
        ) or bool(organizations(article, statement.verb_end, statement.sentence.end))
    if not further.delegation:
        acting = article.people_in(statement.sentence.start, statement.verb_start)
        return statement.body is not None or any(p.name != main.leader for _, _, p in acting)
    return False


def _unique(spans: list[Span]) -> list[Span]:
    """Spans with distinct folded texts, in order."""
    seen: dict[str, Span] = {}
    for span in spans:
        seen.setdefault(fold(span.text), span)
    return list(seen.values())


class InspectionFinder:
    """Finds the article's activities: the main one first, then those it reports after it."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Inspection]:
        """The inspections of the article, the main one first."""
        article = Article(doc)
        title: _Statement | None = None
        main: _Statement | None = None
        main_index = len(article.sentences)
        for index, (segment, sentence) in enumerate(article.sentences):
            if segment.kind not in ("title", "lead", "body"):
                continue
            statement = _statement(article, segment, sentence)
            if statement is None:
                continue
            if segment.kind == "title":
                title = title or statement
                continue
            main, main_index = statement, index
            break
        main = main or title
        if main is None:
            return []
        # the sentence after it may name the leader ("Đoàn do ông X … làm Trưởng đoàn")
        following = next(
            (s for seg, s in article.sentences[main_index + 1 :] if seg.kind in ("lead", "body")),
            None,
        )
        candidates = [
            further
            for segment, sentence in article.sentences[main_index + 1 :]
            if segment.kind in ("lead", "body")
            and (further := _further(article, segment, sentence)) is not None
        ]
        first = self._inspection(
            article, main, title, following, {c.statement.sentence.start for c in candidates}
        )
        found = [c for c in candidates if _is_further(article, c, first)]
        if len(found) < len(candidates):  # the others were site visits of the main activity
            first = self._inspection(
                article, main, title, following, {c.statement.sentence.start for c in found}
            )
        return [first, *(self._further_inspection(article, f, first) for f in found)]

    def _inspection(
        self,
        article: Article,
        main: _Statement,
        title: _Statement | None,
        following: Span | None,
        further: set[int],
    ) -> Inspection:
        """The main activity; `further` holds the starts of the sentences of the others."""
        leader = _leader(article, main, following)
        own = _own_units(article, main, leader)
        if main.body is not None:
            own.update(
                f"{p.type} {fold(p.name)}"
                for p in article.places_in(main.body.start, main.body.end)
            )
        found: dict[tuple[str, str], None] = {
            (p.type, p.name): None
            for p in article.places_in(main.sentence.start, main.verb_start)
            if _partner(article, p)
        }
        _targets(article, main.verb_start, main.sentence.end, own, found)
        found_bodies = organizations(article, main.verb_end, main.sentence.end)
        if title is not None and title is not main:
            _targets(article, title.verb_start, title.sentence.end, own, found)
            found_bodies += organizations(article, title.verb_end, title.sentence.end)
        for index in _visits(article, leader):
            sentence = article.sentences[index][1]
            if sentence.start in further or sentence is main.sentence:
                continue
            if title is None or sentence is not title.sentence:
                _targets(article, sentence.start, sentence.end, own, found)
                found_bodies += organizations(article, sentence.start, sentence.end)
        _organization_units(article, found_bodies, own, found)
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
            organizations=_unique(found_bodies),
            date=date,
            span=main.sentence,
        )

    def _further_inspection(
        self, article: Article, further: _Further, main: Inspection
    ) -> Inspection:
        """A further activity: the main delegation's ("đoàn"), or its own body's or official's."""
        statement = further.statement
        if further.delegation:
            body, leader_name, members = main.body, main.leader, main.members
            leader = next((o for o in article.officials if o.name == leader_name), None)
        else:
            leader = _leader(article, statement, None)
            body, leader_name, members = statement.body, leader.name if leader else None, []
        own = _own_units(article, statement, leader)
        if body is not None:
            own.update(f"{p.type} {fold(p.name)}" for p in article.places_in(body.start, body.end))
        found: dict[tuple[str, str], None] = {}
        _targets(article, statement.verb_start, statement.sentence.end, own, found)
        bodies = organizations(article, statement.verb_end, statement.sentence.end)
        _organization_units(article, bodies, own, found)
        topic = _topic(article, statement, None)
        if topic is not None and lexicon().organization.match(article.text, topic.start):
            topic = None  # "đến kiểm tra Trường THCS X": what was inspected is a body
        if topic is None and further.delegation and statement.kind == main.kind:
            topic = main.topic  # "Cùng ngày, đoàn cũng khảo sát tại xã X": the same programme
        return Inspection(
            kind=statement.kind,
            body=body,
            leader=leader_name,
            members=members,
            topic=topic,
            targets=[InspectionTarget(type=t, name=n) for t, n in found],
            organizations=_unique(bodies),
            date=main.date if further.same_day else None,
            span=statement.sentence,
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
