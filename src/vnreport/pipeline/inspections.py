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

Only sentences where one compiled alternation finds a trigger get any further work. What a
sentence states is read in `inspection_statements`, what about in `inspection_topics`, who led
and went along in `inspection_leaders`; this module places the activities and assembles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.dates import find_dates
from vnreport.pipeline.inspection_article import WARD_LEVEL, Article, Place, lexicon
from vnreport.pipeline.inspection_leaders import (
    body_head,
    leader_of,
    members_of,
    named_leader,
    opening_leader,
    subject_title,
    titled_leader,
)
from vnreport.pipeline.inspection_organizations import organizations
from vnreport.pipeline.inspection_statements import (
    TITLED_WORDS,
    Statement,
    activity_kind,
    bare_delegation,
    statement_of,
    subject_starts,
    titled_subject,
)
from vnreport.pipeline.inspection_topics import topic_of, visit_topic
from vnreport.pipeline.titles import lexicon as titles_lexicon
from vnreport.records import EventDate, Inspection, InspectionTarget, Official, Segment, Span
from vnreport.text.normalize import fold

__all__ = ["KIND", "InspectionFinder", "lexicon", "make_inspection_finder"]

KIND = "inspections"
_ADDRESS_GAP = re.compile(r" ?[,(–-] ?| ")
_ASIDE_REACH = 60  # "(thứ hai từ trái)" between a subject and its verb
# the sentences after the main one that may name its leader: "Đoàn gồm các đồng chí: …. Đồng
# chí X … làm trưởng đoàn."
_LEADER_SENTENCES = 2
_CLAUSE = re.compile("; ")


def _own_units(article: Article, statement: Statement, leader: Official | None) -> set[str]:
    """The inspecting side's units: in its body, its leader's title, before the verb."""
    own = {
        f"{p.type} {fold(p.name)}"
        for p in article.places_in(article.opening(statement.sentence), statement.verb_start)
        if not _partner(article, p) and not _venue(article, p, statement)
    }
    if leader is not None and leader.place:
        own.add(fold(leader.place))
    return own


def _venue(article: Article, place: Place, statement: Statement) -> bool:
    """Whether a unit before the inspecting body, or before the official acting alone, is where
    the activity took place ("ngày 9/10, tại xã Mai Châu, Đoàn giám sát …", "Chiều 5/5, tại xã
    Phúc Ninh, bà X, Đại biểu Quốc hội … tiếp xúc cử tri")."""
    if statement.body is not None:
        actor = statement.body.start
    else:
        acting = article.people_in(article.opening(statement.sentence), statement.verb_start)
        if not acting:
            return False
        actor = acting[0][0]
    lex, text = lexicon(), article.text
    if place.start >= actor:
        # "X … đã về xã Tam Dị kiểm tra …": where the actor goes to inspect
        return lex.arrival.search(text, max(actor, place.start - 12), place.start) is not None
    return lex.venue.search(text, max(0, place.start - 8), place.start) is not None


def _partner(article: Article, place: Place) -> bool:
    """Whether a unit before the verb joins the inspection ("phối hợp với UBND phường X")."""
    if place.level < WARD_LEVEL:
        return False  # "phối hợp với UBND huyện X": the higher level inspects with it
    return lexicon().partner.search(article.text, max(0, place.start - 40), place.start) is not None


def _targets(
    article: Article,
    start: int,
    end: int,
    own: set[str],
    found: dict[tuple[str, str], None],
    *,
    bodies: list[Span] | None = None,
) -> None:
    """Add the places of `text[start:end]` to `found`, skipping own units, addresses and the
    scope of a party or mass organization ("làm việc với Đảng ủy phường 4"); `bodies` are the
    range's organizations when the caller has them."""
    scope = lexicon().scope_head
    if bodies is None:
        bodies = organizations(article, start, end)
    scoped = [b for b in bodies if scope.match(b.text)]
    text = article.text
    # "… theo Kế hoạch số 229/KH-UBND của UBND tỉnh X": the plan's author, not a place visited
    cited = [m.span() for m in lexicon().plan_citation.finditer(text, start, end)]
    for place, address in _places_as_addresses(article, start, end):
        if address or f"{place.type} {fold(place.name)}" in own:
            continue
        if any(a <= place.start < b for a, b in cited):
            continue
        if any(b.start <= place.start < b.end for b in scoped):
            continue
        behind = any(text[b.end : place.start] in (" (", "(") for b in bodies)
        if behind and place.level > WARD_LEVEL:
            continue  # "Nhà nghỉ Minh Châu (thôn Đồng Bùa)": the body's address
        found.setdefault((place.type, place.name), None)


def _places_as_addresses(article: Article, start: int, end: int) -> list[tuple[Place, bool]]:
    """The places of `text[start:end]`, each with whether it is the address of the one before
    ("phường Xương Giang, thành phố Bắc Giang")."""
    found: list[tuple[Place, bool]] = []
    previous: Place | None = None
    for place in article.places_in(start, end):
        address = (
            previous is not None
            and place.level < previous.level
            and _ADDRESS_GAP.fullmatch(article.text, previous.end, place.start) is not None
        )
        found.append((place, address))
        previous = place
    return found


def _addresses(article: Article, sentence: Span) -> set[tuple[str, str]]:
    """The units a sentence names only as addresses."""
    return {
        (place.type, place.name)
        for place, address in _places_as_addresses(article, sentence.start, sentence.end)
        if address
    }


def _organization_units(
    article: Article, bodies: list[Span], own: set[str], found: dict[tuple[str, str], None]
) -> None:
    """Add the unit an inspected body's name ends with ("Công an xã Yên Lư") to `found`; a
    party or mass organization's unit is its scope, not a place visited ("Chi bộ thôn X")."""
    scope = lexicon().scope_head
    for body in bodies:
        if scope.match(body.text):
            continue
        name = fold(body.text)
        for written, unit in article.unit_names.items():
            if name.endswith(written) and written.strip() not in own:
                found.setdefault(unit, None)


def _visits(
    article: Article,
    leader: Official | None,
    body: Span | None = None,
    titled: str | None = None,
) -> list[int]:
    """Sentences where the delegation, its body or its leader visits a place: one scan of the
    text ("Trước buổi làm việc, Thường trực HĐND huyện đã đi kiểm tra thực tế …")."""
    lex, text = lexicon(), article.text
    subjects = [
        (m.start(), m.end())
        for m in lex.site_subject.finditer(text)
        if not lex.passive.search(text, max(0, m.start() - 8), m.start())
    ]
    if leader is not None:
        subjects += [
            (start, _past_title(text, end, leader))
            for start, end, person in article.people
            if person is leader
        ]
        subjects += _titled_mentions(article, leader)
        # "Tại xã X, đồng chí kiểm tra vườn xoài …": the leader by honorific alone
        subjects += [
            (m.start(), m.end())
            for m in lex.bare_honorific.finditer(text)
            if article.person_at(m.end() + 1) is None
        ]
    elif titled is not None:  # a leader named by title only: "Phó Chủ tịch UBND tỉnh kiểm tra …"
        subjects += _title_mentions(article, [titled])
    head = lex.body_head.match(body.text) if body is not None else None
    if head is not None and head.group()[:1].isupper():  # a named body, not a bare "đoàn"
        for found_head in re.finditer(re.escape(head.group()), text):
            # "Thường trực HĐND| huyện Thanh Hà", "…| huyện": the subject ends after its unit
            unit = article.places_in(found_head.end() + 1, found_head.end() + 2)
            bare = lex.unit_word.match(text, found_head.end())
            end = unit[0].end if unit else bare.end() if bare else found_head.end()
            subjects.append((found_head.start(), end))
    found: dict[int, None] = {}
    for start, subject_end in sorted(subjects):
        index = article.sentence_at(start)
        if index is None or index in found:
            continue
        if _visits_here(text, subject_end, article.sentences[index][1].end):
            found[index] = None
    return list(found)


def _past_title(text: str, end: int, person: Official) -> int:
    """Past the title written right after a name ("Ông X – Chủ tịch UBND phường Y (giữa)
    kiểm tra …"), else `end`."""
    title = person.title
    if title:
        for joint in (" – ", " - ", ", ", "-", "–", " "):
            if text.startswith(joint + title, end):
                return end + len(joint) + len(title)
    return end


def _titled_mentions(article: Article, leader: Official) -> list[tuple[int, int]]:
    """Where the leader is named by a title alone ("Trước cuộc họp, Phó Chủ tịch UBND tỉnh đã
    đi kiểm tra thực tế …" after "ông X, Phó Chủ tịch UBND tỉnh Quảng Trị")."""
    return _title_mentions(article, (leader.title or "").split(", "))


def _title_mentions(article: Article, titles: list[str]) -> list[tuple[int, int]]:
    """Where a title of `titles`, up to its last unit word, names someone without a name."""
    lex, text = lexicon(), article.text
    stems: set[str] = set()
    for part in titles:
        units = list(lex.unit_word.finditer(part))
        stem = part[: units[-1].end()] if units else part
        if len(stem.split()) >= TITLED_WORDS and titles_lexicon().head.match(stem):
            stems.add(stem)
    found = []
    for stem in stems:
        for match in re.finditer(re.escape(stem) + r"(?!\w)", text):
            if article.person_at(match.end() + 1) is None:  # "… tỉnh Hoàng Văn Lộc" names him
                found.append((match.start(), match.end()))
    return found


def _visits_here(text: str, subject_end: int, sentence_end: int) -> bool:
    """Whether what follows a subject is a visit: "đoàn đã kiểm tra thực tế tại …"."""
    lex = lexicon()
    named = lex.site_subject_name.match(text, subject_end, sentence_end)
    position = named_end = named.end() if named is not None else subject_end
    if text.startswith(" (", position):  # "Ông X (thứ hai từ trái) kiểm tra …"
        closing = text.find(")", position, min(sentence_end, position + _ASIDE_REACH))
        position = closing + 1 if closing != -1 else position
    adverbs = lex.site_adverbs.match(text, position, sentence_end)
    position = adverbs.end() if adverbs is not None else position
    if lex.not_visit.match(text, position, sentence_end):
        return False
    if lex.site_verb.match(text, position, sentence_end):
        return True
    # "Đoàn kiểm tra van ngăn triều …": the name part was the verb (adverbs alone are not:
    # "ông X đã trực tiếp giải đáp …")
    return named_end > subject_end and text[position : position + 2].strip()[:1].isalnum()


@dataclass(frozen=True, slots=True)
class _Further:
    """A further activity: its statement, whether the main delegation does it ("Cùng ngày,
    đoàn …"), whether it is dated with the main one, and the date its opener names."""

    statement: Statement
    delegation: bool
    same_day: bool
    date: EventDate | None = None
    alone: bool = False  # the leader named by title acts alone: no body, no members


def _further(article: Article, segment: Segment, sentence: Span) -> _Further | None:
    """The activity a sentence opened by "Cùng ngày, …", "Sau đó, …" states, if any."""
    lex, text = lexicon(), article.text
    marker = lex.secondary_marker.match(text, sentence.start, sentence.end)
    if marker is None:
        return None
    # "Trước đó, sáng cùng ngày, đoàn …" is the main one's day too
    opener = marker.group("word") or marker.group("clause") or marker.group("day") or ""
    same_day = opener.casefold() in lex.same_day
    date = _opener_date(article, marker.start(), marker.end())
    # "Chiều cùng ngày, tại xã X, đoàn …": the aside's places are the activity's
    aside = lex.secondary_aside.match(text, marker.end(), sentence.end)
    opened = aside.end() if aside is not None else marker.end()
    subject = lex.secondary_subject.match(text, opened, sentence.end)
    if subject is not None:
        named = lex.site_subject_name.match(text, subject.end(), sentence.end)
        # "Đoàn giám sát tiếp tục làm việc …" before "Đoàn kiểm tra tại …"
        for position in dict.fromkeys((named.end() if named else subject.end(), subject.end())):
            adverbs = lex.secondary_adverbs.match(text, position, sentence.end)
            verb = lex.verb.match(text, adverbs.end()) if adverbs is not None else None
            if verb is not None and verb.end() <= sentence.end:
                kind, verb_end = activity_kind(text, verb, sentence.end)
                verb_start = marker.end() if aside is not None else verb.start()
                delegated = Statement(segment, sentence, None, verb_start, verb_end, kind)
                return _Further(delegated, True, same_day, date)
        if lex.body_head.match(text, subject.start()) is None:
            return None
        # "Sáng cùng ngày, đoàn công tác số 2 của huyện kiểm tra …": a body of its own
    statement = statement_of(article, segment, sentence)
    if statement is None:
        titled = titled_subject(article, segment, sentence, opened)
        return _Further(titled, True, same_day, date, alone=True) if titled is not None else None
    if lex.not_visit.search(text, marker.end() - 1, statement.verb_start):
        return None  # "Sau đó, ông X kiến nghị huyện sớm kiểm tra …" asks for one
    return _Further(statement, False, same_day, date)


def _opener_date(article: Article, start: int, end: int) -> EventDate | None:
    """The date an opener names ("Trước đó, ngày 12/3, …"), its year when written."""
    for found_start, found_end, year, month, day in find_dates(article.text, start, end):
        span = article.span(found_start, found_end)
        if span is not None:
            return EventDate(year=year, month=month, day=day, span=span)
    return None


def _new_places(article: Article, statement: Statement, main: Inspection) -> bool:
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
    if _new_places(article, statement, main) or _another_day(further, main):
        return True
    if statement.kind != main.kind and not site_visit:
        # "Cùng ngày, đoàn làm việc với UBND xã …", "… với Công an xã …"; a household visited in
        # a thôn ("Sau đó, đoàn đến thăm gia đình ông X ở thôn Y") is a site visit
        if statement.kind != "thăm" and topic_of(article, statement, None) is not None:
            return True  # "Chiều cùng ngày, đoàn kiểm tra tiến độ … ở ấp X": its own topic
        return any(
            place.level <= WARD_LEVEL
            for place in article.places_in(statement.verb_start, statement.sentence.end)
        ) or bool(organizations(article, statement.verb_end, statement.sentence.end))
    if not further.delegation:
        acting = article.people_in(statement.sentence.start, statement.verb_start)
        return statement.body is not None or any(p.name != main.leader for _, _, p in acting)
    return False


def _another_day(further: _Further, main: Inspection) -> bool:
    """Whether the opener dates the activity on a day the main one is not ("Ngày 15-5, đoàn …",
    "Trước đó, ngày 12/3, …")."""
    if further.date is None or further.same_day:
        return False
    day = (further.date.month, further.date.day)
    return main.date is None or (main.date.month, main.date.day) != day


def _in_year_of(date: EventDate | None, main: EventDate | None) -> EventDate | None:
    """A further activity's date, in the main one's year when it writes none."""
    if date is None or date.year is not None or main is None or main.year is None:
        return date
    return date.model_copy(update={"year": main.year})


def _same_body(body: Span | None, main: Span | None) -> bool:
    """Whether a further activity's body is the main one's, maybe shortened."""
    return body is not None and main is not None and fold(main.text).startswith(fold(body.text))


def _unique(spans: list[Span]) -> list[Span]:
    """Spans with distinct folded texts, in order, less those opening or ending a longer one
    ("Đảng ủy phường 4" in the title, "Ban Thường vụ Đảng ủy phường 4" in the lead; "Trung tâm
    X" before "tại phường Y", "Trung tâm X phường Y" in a caption)."""
    seen: dict[str, Span] = {}
    for span in spans:
        seen.setdefault(fold(span.text), span)
    return [
        span
        for name, span in seen.items()
        if not any(
            other != name and (other.endswith(" " + name) or other.startswith(name + " "))
            for other in seen
        )
    ]


def _parallel(
    article: Article, main: Statement, first: Inspection, main_index: int
) -> list[Inspection]:
    """The delegations one body sent in parallel, each in a sentence of its own ("Đoàn thứ
    nhất do ông X … làm trưởng đoàn đã khảo sát tại …", "Đoàn thứ hai do bà Y …"): the main
    record's body, kind, topic and date, each its own leader and places. None unless two."""
    lex, text = lexicon(), article.text
    delegations: list[tuple[Span, Official]] = []
    for segment, sentence in article.sentences[main_index + 1 :]:
        if segment.kind not in ("lead", "body"):
            continue
        # "Đoàn thứ nhất do A … kiểm tra tại …; đoàn thứ hai do B …": a clause each
        starts = [
            sentence.start,
            *(m.end() for m in _CLAUSE.finditer(text, sentence.start, sentence.end)),
        ]
        for start, end in zip(starts, [*(s - 2 for s in starts[1:]), sentence.end], strict=True):
            clause = article.span(start, end)
            if clause is None or lex.parallel_delegation.match(text, start) is None:
                continue
            leader = named_leader(article, clause)
            if leader is not None and all(leader.name != o.name for _, o in delegations):
                delegations.append((clause, leader))
    if len(delegations) < 2:
        return []
    records = []
    for index, (sentence, leader) in enumerate(delegations):
        own = _own_units(article, main, leader)
        if first.body is not None:
            own.update(
                f"{p.type} {fold(p.name)}"
                for p in article.places_in(first.body.start, first.body.end)
            )
        found: dict[tuple[str, str], None] = {}
        bodies = organizations(article, sentence.start, sentence.end)
        _targets(article, sentence.start, sentence.end, own, found, bodies=bodies)
        leaders = {o.name for _, o in delegations}
        records.append(
            first.model_copy(
                update={
                    "leader": leader.name,
                    "members": [m for m in first.members if m not in leaders] if index == 0 else [],
                    "targets": [InspectionTarget(type=t, name=n) for t, n in found],
                    "organizations": _unique(bodies),
                    "span": first.span if index == 0 else sentence,
                }
            )
        )
    return records


class InspectionFinder:
    """Finds the article's activities: the main one first, then those it reports after it."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Inspection]:
        """The inspections of the article, the main one first."""
        article = Article(doc)
        title: Statement | None = None
        main: Statement | None = None
        main_index = title_index = len(article.sentences)
        for index, (segment, sentence) in enumerate(article.sentences):
            if segment.kind not in ("title", "lead", "body"):
                continue
            statement = statement_of(article, segment, sentence)
            if statement is None and segment.kind != "title":
                # "Sáng 8/11, Chủ tịch UBND phường X đã đi kiểm tra …", the name in a caption
                statement = next(
                    filter(
                        None,
                        (
                            titled_subject(article, segment, sentence, start)
                            for start in subject_starts(article, sentence)
                        ),
                    ),
                    None,
                )
            if statement is None or bare_delegation(statement):
                continue
            if segment.kind == "title":
                if title is None:
                    title, title_index = statement, index
                continue
            main, main_index = statement, index
            break
        if main is None and title is not None:
            # only the headline states it: the lead after it dates and names it
            main, main_index = title, title_index
        if main is None:
            return []
        # the sentences after it may name the leader ("Đoàn do ông X … làm Trưởng đoàn")
        following = tuple(
            s for seg, s in article.sentences[main_index + 1 :] if seg.kind in ("lead", "body")
        )[:_LEADER_SENTENCES]
        candidates = [
            further
            for segment, sentence in article.sentences[main_index + 1 :]
            if segment.kind in ("lead", "body")
            and (further := _further(article, segment, sentence)) is not None
        ]
        # the title's places are weighed only once the further activities are known: "… tại
        # phường A và phường B" names the main one's ward and a further one's
        first = self._inspection(
            article, main, None, following, {c.statement.sentence.start for c in candidates}
        )
        found = [c for c in candidates if _is_further(article, c, first)]
        others = [self._further_inspection(article, f, first) for f in found]
        claimed = {(t.type, t.name) for other in others for t in other.targets}
        starts = {c.statement.sentence.start for c in found}
        first = self._inspection(article, main, title, following, starts, claimed=claimed)
        parallel = _parallel(article, main, first, main_index)
        if parallel:
            return [*parallel, *others]
        return [first, *others]

    def _inspection(
        self,
        article: Article,
        main: Statement,
        title: Statement | None,
        following: tuple[Span, ...],
        further: set[int],
        *,
        claimed: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
    ) -> Inspection:
        """The main activity; `further` holds the starts of the sentences of the others, and
        `claimed` their targets, which the title's places then are."""
        leader = (
            leader_of(article, main, following)
            or opening_leader(article, main, further)
            or next((o for o in article.officials if o.role == "Trưởng đoàn"), None)
            or titled_leader(article, main)
            or (titled_leader(article, title) if title is not None else None)
            or body_head(article, main.body)
        )  # "… Trưởng đoàn Ka Hòa cho biết" far from the statement; a headline's title
        own = _own_units(article, main, leader)
        if main.body is not None:
            own.update(
                f"{p.type} {fold(p.name)}"
                for p in article.places_in(main.body.start, main.body.end)
            )
        found: dict[tuple[str, str], None] = {
            (p.type, p.name): None
            for p in article.places_in(article.opening(main.sentence), main.verb_start)
            if _partner(article, p) or _venue(article, p, main)
        }
        # from the verb: "làm việc với Ban Thường vụ Đảng ủy phường 4 để kiểm tra …"
        found_bodies = organizations(article, main.verb_start, main.sentence.end)
        _targets(article, main.verb_start, main.sentence.end, own, found, bodies=found_bodies)
        if title is not None and title is not main:
            # the title's places, less the further ones' and the main sentence's addresses
            # ("… tại huyện Chợ Đồn" over "tại xã Ngọc Phái, huyện Chợ Đồn")
            skipped = own | {f"{t} {fold(n)}" for t, n in claimed}
            skipped |= {f"{t} {fold(n)}" for t, n in _addresses(article, main.sentence)}
            _targets(article, title.verb_start, title.sentence.end, skipped, found)
            found_bodies += organizations(article, title.verb_end, title.sentence.end)
        titled = subject_title(article, main) if leader is None and main.body is None else None
        visits: list[tuple[Segment, Span]] = []
        for index in _visits(article, leader, main.body, titled):
            segment, sentence = article.sentences[index]
            if sentence.start in further or sentence is main.sentence:
                continue
            if title is None or sentence is not title.sentence:
                visits.append((segment, sentence))
                visited = organizations(article, sentence.start, sentence.end)
                _targets(article, sentence.start, sentence.end, own, found, bodies=visited)
                found_bodies += visited
        _organization_units(article, found_bodies, own, found)
        dated = main.segment
        if dated.kind == "title":
            dated = next(
                (seg for seg, _ in article.sentences if seg.kind in ("lead", "body")), dated
            )
        date = next(
            (d for d in article.dates if dated.span.start <= d.span.start < dated.span.end),
            None,
        )
        return Inspection(
            kind=main.kind,
            body=main.body,
            leader=leader.name if leader is not None else None,
            members=members_of(article, leader),
            topic=topic_of(article, main, title) or visit_topic(article, main, visits),
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
        # "Cùng ngày, Thường trực HĐND xã làm việc với …" after "Thường trực HĐND xã X …": the
        # same delegation, its body as written
        if further.delegation or _same_body(statement.body, main.body):
            body, leader_name, members = statement.body or main.body, main.leader, main.members
            if further.alone:
                body, members = None, []
            leader = next((o for o in article.officials if o.name == leader_name), None)
        else:
            # "…, đoàn công tác số 2 … kiểm tra …. Trưởng đoàn số 2 là bà X": the next sentence
            index = article.sentence_at(statement.sentence.start)
            after = article.sentences[index + 1 : index + 2] if index is not None else []
            following = tuple(s for _, s in after)
            leader = leader_of(article, statement, following)
            body, leader_name, members = statement.body, leader.name if leader else None, []
        own = _own_units(article, statement, leader)
        if body is not None:
            own.update(f"{p.type} {fold(p.name)}" for p in article.places_in(body.start, body.end))
        found: dict[tuple[str, str], None] = {}
        _targets(article, statement.verb_start, statement.sentence.end, own, found)
        bodies = organizations(article, statement.verb_end, statement.sentence.end)
        _organization_units(article, bodies, own, found)
        topic = topic_of(article, statement, None)
        if topic is not None and lexicon().organization.match(article.text, topic.start):
            topic = None  # "đến kiểm tra Trường THCS X": what was inspected is a body
        same = lexicon().same_topic.search(
            article.text, statement.sentence.start, statement.sentence.end
        )
        if topic is None and statement.kind == main.kind and (further.delegation or same):
            # "Cùng ngày, đoàn cũng khảo sát tại xã X", "… kiểm tra với cùng nội dung tại …"
            topic = main.topic
        return Inspection(
            kind=statement.kind,
            body=body,
            leader=leader_name,
            members=members,
            topic=topic,
            targets=[InspectionTarget(type=t, name=n) for t, n in found],
            organizations=_unique(bodies),
            date=main.date if further.same_day else _in_year_of(further.date, main.date),
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
