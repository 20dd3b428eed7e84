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
from vnreport.pipeline.dates import find_dates
from vnreport.pipeline.inspection_article import WARD_LEVEL, Article, Place, lexicon
from vnreport.pipeline.inspection_organizations import organizations
from vnreport.pipeline.titles import lexicon as titles_lexicon
from vnreport.records import EventDate, Inspection, InspectionTarget, Official, Segment, Span
from vnreport.text.normalize import fold

__all__ = ["KIND", "InspectionFinder", "lexicon", "make_inspection_finder"]

KIND = "inspections"
_ADDRESS_GAP = re.compile(r" ?[,(–-] ?| ")
_TITLE_GAP = 4  # "X – Phó Chủ tịch …": what may stand between a name and its title
_BLOCKER_REACH = 20  # "tổ chức 2 đoàn khảo sát", "Chương trình giám sát": the longest lookbehind
_OPENERS = 2  # how many short clauses may open a sentence before its subject
_OPENER_REACH = 40  # "Sáng ngày 14/9/2024, …": how far the comma of a sentence's opener may be
_PREPOSITION_REACH = 50  # a unit this close after "tại"/"ở" is what the preposition introduces
_ASIDE_REACH = 60  # "(thứ hai từ trái)" between a subject and its verb
# the sentences after the main one that may name its leader: "Đoàn gồm các đồng chí: …. Đồng
# chí X … làm trưởng đoàn."
_LEADER_SENTENCES = 2
_CLAUSE = re.compile("; ")
_TITLED_REACH = 150  # "đồng chí Phó Chủ tịch UBND huyện cùng lãnh đạo Phòng …" and adverbs
_TITLED_WORDS = 3  # "Bí thư Huyện ủy Khoái Châu", not a bare "Chủ tịch"


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
        before = text[max(0, match.start() - _BLOCKER_REACH) : match.start()]
        right_after = match.start() == start + 1  # after the body found: "đoàn| giám sát việc …"
        if (
            not right_after
            and lex.verb_blocker.search(before)
            and not lex.organized_delegations.search(before)
        ):
            continue  # "Ban Kiểm tra", not "tổ chức 2 đoàn khảo sát tại …"
        if match.group()[0].isupper() and match.start() != start:
            continue  # "Kiểm tra" mid-sentence belongs to a name
        found.append(match)
    return found


def _body(article: Article, sentence: Span) -> Span | None:
    """The inspecting body named in the sentence, before any official unless they lead it."""
    lex, text = lexicon(), article.text
    opening = article.opening(sentence)
    first_person = next(iter(article.people_in(opening, sentence.end)), None)
    search_from = opening
    if first_person is not None and lex.leading_clause.search(text, opening, first_person[0]):
        # "Dưới sự chủ trì của X, Ủy viên Ban Thường vụ …, Tổ công tác … họp": X leads the
        # body named after X's title
        _, mention_end, chair = first_person
        title = chair.title or ""
        written = text.find(title, mention_end, mention_end + len(title) + _TITLE_GAP)
        search_from = written + len(title) if title and written != -1 else mention_end
        first_person = None
    for head in lex.body_head.finditer(text, search_from, sentence.end):
        led = lex.body_lead_in.search(text, max(opening, head.start() - 9), head.start())
        if first_person is not None and head.start() > first_person[0] and led is None:
            continue  # after an official only a body they lead: "X, Ủy viên Ban Thường vụ …"
        if head.group() in lex.verb_heads and lex.verb_object.match(text, head.end()):
            # "Chiều cùng ngày, đoàn kiểm tra tiến độ …": the delegation, then its verb
            return article.span(head.start(), text.index(" ", head.start()))
        end = sentence.end
        stop = lex.body_end.search(text, head.end(), sentence.end)
        if stop is not None:
            end = stop.start()
        verbs = [
            verb
            for verb in _verbs(article, head.end(), end)
            # "Đoàn liên ngành kiểm tra An toàn VSTP huyện X đã …": the name goes on
            if stop is None or not text[verb.end() + 1 : verb.end() + 2].isupper()
        ]
        if verbs:
            end = verbs[0].start()
        joined = text.find(" và ", head.end(), end)
        if joined != -1 and lex.body_head.match(text, joined + 4):
            end = joined  # "Đoàn ĐBQH tỉnh X và Tổ đại biểu HĐND tỉnh …": the first named leads
        body = article.span(head.start(), end)
        if body is not None and body.text.endswith(")") and " (" in body.text:
            # "đoàn … của UBND Quận 3 (TP HCM)": the parenthesis is an address
            body = article.span(body.start, body.start + body.text.rindex(" ("))
        return body
    return None


def _subject_starts(article: Article, sentence: Span) -> list[int]:
    """Where a sentence's subject may start: its opening, or after a short opener ("Sáng 9/12,
    …", "Vừa qua, …") that names no one."""
    text, opening = article.text, article.opening(sentence)
    starts = [opening]
    for _ in range(_OPENERS):  # "Vừa qua, tại xã Vượng Lộc, đồng chí X …"
        start = starts[-1]
        comma = text.find(", ", start, min(sentence.end, start + _OPENER_REACH))
        if comma == -1 or article.people_in(start, comma):
            break
        starts.append(comma + 2)
    return starts


def _noun_statement(article: Article, segment: Segment, sentence: Span) -> _Statement | None:
    """An activity named as the subject, its body after "của": "Ngày 11/9, chuyến khảo sát
    của Ban Dân tộc HĐND tỉnh … về … do bà X … dẫn đầu đã ghi nhận …"."""
    lex, text = lexicon(), article.text
    for start in _subject_starts(article, sentence):
        noun = lex.activity_noun.match(text, start, sentence.end)
        if noun is None or lex.body_head.match(text, noun.end()) is None:
            continue
        stop = lex.noun_body_end.search(text, noun.end(), sentence.end)
        body = article.span(noun.end(), stop.start() if stop else sentence.end)
        if body is None:
            return None
        kind = lex.kinds[fold(noun.group("verb"))]
        return _Statement(segment, sentence, body, noun.start("verb"), body.end, kind)
    return None


def _unit_body(article: Article, sentence: Span) -> Span | None:
    """A unit's own authority opening the sentence, its unit and then its verb: "UBND xã Tề Lỗ
    kiểm tra …", "Sáng 9/12, Công an huyện tổ chức kiểm tra …"."""
    lex, text = lexicon(), article.text
    for start in _subject_starts(article, sentence):
        head = lex.unit_body_head.match(text, start)
        if head is not None:
            places = article.places_in(head.end() + 1, head.end() + 2)
            bare = lex.unit_word.match(text, head.end())
            end = places[0].end if places else bare.end() if bare else None
        else:  # the unit alone, for its authority: "phường Bồ Đề đã kiểm tra …"
            alone = [p for p in article.places_in(start, start + 1) if p.level <= WARD_LEVEL]
            end = alone[0].end if alone else None
        if end is None:
            continue
        after = end
        address = article.places_in(end + 2, end + 3) if text.startswith(", ", end) else []
        if address:  # "UBND xã Bưng Riềng, huyện Xuyên Mộc tổ chức …": the parent is an address
            after = address[0].end
        gap = lex.unit_body_gap.match(text, after)
        if gap is not None and lex.verb.match(text, gap.end()) is not None:
            return article.span(start, end)
        if lex.unit_body_partner.match(text, after) and _verbs(article, after, sentence.end):
            return article.span(start, end)  # "Công an xã X phối hợp với … tổ chức kiểm tra …"
        return None
    return None


def _statement(article: Article, segment: Segment, sentence: Span) -> _Statement | None:
    """The activity a sentence states, when it says one of a body or of an official."""
    lex, text = lexicon(), article.text
    if lex.verb.search(text, sentence.start, sentence.end) is None:
        return None
    named = _noun_statement(article, segment, sentence)
    if named is not None:
        return named
    body = _body(article, sentence)
    if body is None or body.text == "đoàn":
        # "Hội liên hiệp phụ nữ huyện thành lập đoàn kiểm tra …": the authority is the subject
        body = _unit_body(article, sentence) or body
    opening = article.opening(sentence)
    verbs = _verbs(article, body.end if body is not None else opening, sentence.end)
    if not verbs:
        return None
    verb = verbs[0]
    acting = article.people_in(opening, verb.start())
    if body is None and not acting and segment.kind != "title":
        return None
    if body is None and acting and lex.ask.search(text, acting[-1][1], verb.start()):
        return None  # "bà X lưu ý công đoàn … kiểm tra …": the activity is asked of others
    kind, verb_end = _kind(text, verb, sentence.end)
    return _Statement(segment, sentence, body, verb.start(), verb_end, kind)


def _kind(text: str, verb: re.Match[str], end: int) -> tuple[str, int]:
    """The kind a verb states, and where the verb phrase ends ("làm việc … để kiểm tra")."""
    lex = lexicon()
    kind = lex.kinds[fold(verb.group())]
    verb_end = verb.end()
    named = lex.verb.match(text, verb_end + 1, end) if kind == "họp" else None
    if named is not None:  # "chủ trì hội nghị đối thoại …": the meeting's own kind
        kind, verb_end = lex.kinds[fold(named.group())], named.end()
    purpose = lex.purpose.search(text, verb_end, end)
    if kind == "làm việc" and purpose is not None:
        kind, verb_end = lex.kinds[fold(purpose.group(1))], purpose.end()
    voters = lex.voters.match(text, verb_end, end) if kind == "tiếp xúc cử tri" else None
    if voters is not None:  # "tiếp xúc hơn 100 cử tri": the voters are no topic
        verb_end = voters.end()
    # "thăm và làm việc", "kiểm tra, đôn đốc": the first verb names it, the topic follows all
    while (joined := lex.joined_verb.match(text, verb_end, end)) is not None:
        verb_end = joined.end()
    return kind, verb_end


def _topic_end(article: Article, start: int, end: int) -> int:
    """Where the object phrase from `start` ends: at its place, a linking word or a unit."""
    lex, text = lexicon(), article.text
    stops = [end]
    places = article.places_in(start, end)
    if places:
        # "tại các hẻm nhỏ và nhà trọ trên địa bàn P.10": the preposition introduces the place
        introduced = _introducing(text, start, places[0].start)
        stops.append(places[0].start if introduced is None else introduced)
    link = lex.topic_end.search(text, start, end)
    if link is not None:
        stops.append(link.start())
    bodies = organizations(article, start + 1, min(stops))
    if bodies:
        # "việc bảo đảm an toàn thực phẩm tại bếp ăn của Trường X": the body is where, not what;
        # "hoạt động của Trung tâm X" keeps it
        body = bodies[0].start
        owner = text.rfind(" của ", start, body)
        introduced = _introducing(text, start, body)
        if introduced is not None:
            stops.append(introduced)
        elif owner == -1 or body - owner > _PREPOSITION_REACH:
            stops.append(body)
    return min(stops)


def _introducing(text: str, start: int, position: int) -> int | None:
    """Where the preposition introducing what is at `position` starts: the first "tại"/"ở" close
    enough before it, else a close "với" ("gắn với du lịch … tại xã X" is no place)."""
    lex = lexicon()
    near = [
        preposition
        for preposition in lex.preposition.finditer(text, start, position)
        if position - preposition.end() <= _PREPOSITION_REACH
        and not text.endswith(lex.preposition_compounds, 0, preposition.end() - 1)
    ]
    placing = [p.start() for p in near if p.group().strip() != "với"]
    if placing:
        return placing[0]
    return near[-1].start() if near else None


def _object(article: Article, start: int, end: int) -> Span | None:
    """The object phrase after a verb: what was inspected, without place or date."""
    lex, text = lexicon(), article.text
    # "kiểm tra thực tế tại …", "khảo sát về tình hình …"
    skipped = lex.object_lead_skip.match(text, start, end)
    if skipped is not None:
        start = skipped.end()
        if lex.preposition.match(text, start, end):
            return None  # "kiểm tra thực tế tại một số xã … về …": the topic comes after "về"
    finish = _topic_end(article, start, end)
    # "tình hình các công trình xây dựng của [xã Đắk Ha]": the place went, its "của" too
    dangling = lex.topic_dangling.search(text, start, finish)
    found = article.span(start, dangling.start() if dangling else finish)
    if (
        found is None
        or lex.period_topic.fullmatch(found.text)
        or lex.timing_topic.match(found.text)
    ):
        return None  # "giám sát năm 2019", "tiếp xúc cử tri trước kỳ họp": when, not what
    period = lex.trailing_period.search(text, found.start, found.end)
    return article.span(found.start, period.start()) if period else found


def _topic(article: Article, statement: _Statement, title: _Statement | None) -> Span | None:
    """The topic: after the verb, else after "về", else inside the body's name or the title;
    none for a visit to people ("thăm công nhân …")."""
    found = _any_topic(article, statement, title)
    if statement.kind == "thăm" and found and lexicon().visited_people.match(found.text):
        return None
    return found


def _any_topic(article: Article, statement: _Statement, title: _Statement | None) -> Span | None:
    """The topic as the statement, the body's name or the title gives it."""
    lex, text = lexicon(), article.text
    found = _said_topic(article, statement)
    if found is not None:
        return found
    body = statement.body
    head = lex.topic_head.match(text, body.start) if body is not None else None
    if body is not None and head is not None and not text.startswith(" của", head.end()):
        found = _body_topic(article, body, head.end())
        if found is not None:
            return found
    if title is not None and title is not statement:
        found = _said_topic(article, title)
        if found is not None:
            return found
    return _body_topic(article, body, body.start) if body is not None and head else None


def _said_topic(article: Article, statement: _Statement) -> Span | None:
    """The topic after a statement's verb, else after "việc", "về" … ("làm việc với UBND xã
    về …"; "đối thoại với Nhân dân" alone has none)."""
    lex, text = lexicon(), article.text
    sentence_end = statement.sentence.end
    if not _introduced(article, statement):
        found = _object(article, statement.verb_end, sentence_end)
        if found is not None:
            return found
    lead = next(
        (
            lead
            for lead in lex.topic_lead.finditer(text, statement.verb_end, sentence_end)
            if not text.endswith("làm ", 0, lead.start())  # "làm việc với …" is no topic
        ),
        None,
    )
    if lead is None:
        return None
    start = lead.end() if lead.group() in lex.topic_leads_after else lead.start()
    return _object(article, start, sentence_end)


def _bare_delegation(statement: _Statement) -> bool:
    """Whether the statement's body is a bare "đoàn", which refers back to one named before
    and so never opens the main activity."""
    return statement.body is not None and statement.body.text.lower() == "đoàn"


def _visit_topic(
    article: Article, main: _Statement, visits: list[tuple[Segment, Span]]
) -> Span | None:
    """The topic a site visit of the same kind names when the main statement names none
    ("… vừa tổ chức giám sát tại một số xã." then "Tại UBND xã X, đoàn giám sát việc …")."""
    if main.kind == "thăm":
        return None  # the visits of a visit are to people: "thăm gia đình thương binh …"
    for segment, sentence in visits:
        statement = _statement(article, segment, sentence)
        if statement is not None and statement.kind == main.kind:
            found = _said_topic(article, statement)
            if found is not None:
                return found
    return None


def _introduced(article: Article, statement: _Statement) -> bool:
    """Whether a preposition follows the verb ("làm việc với …", "giám sát tại …"): what
    follows is where or whom, not the topic."""
    return bool(
        lexicon().preposition.match(article.text, statement.verb_end, statement.sentence.end)
    )


def _body_topic(article: Article, body: Span, start: int) -> Span | None:
    """The topic inside a body's name: "Đoàn kiểm tra <topic> thành phố X"."""
    skip = lexicon().body_topic_skip.match(article.text, start, body.end)
    if skip is not None:
        start = skip.end()
    places = article.places_in(start, body.end)
    end = places[0].start if places else body.end
    owner = article.text.rfind(" của ", start, end)
    if owner != -1 and article.text[owner + 5 : owner + 6].isupper():
        end = owner  # "Đoàn giám sát <topic> của HĐND tỉnh X": whose, not what
    lex, first = lexicon(), start + (article.text[start : start + 1] == " ")
    if lex.organization.match(article.text, first) or lex.unit_body_head.match(article.text, first):
        return None  # "Đoàn kiểm tra Chi cục An toàn vệ sinh thực phẩm": whose delegation
    return article.span(start, end)


def _own_units(article: Article, statement: _Statement, leader: Official | None) -> set[str]:
    """The inspecting side's units: in its body, its leader's title, before the verb."""
    own = {
        f"{p.type} {fold(p.name)}"
        for p in article.places_in(article.opening(statement.sentence), statement.verb_start)
        if not _partner(article, p) and not _venue(article, p, statement)
    }
    if leader is not None and leader.place:
        own.add(fold(leader.place))
    return own


def _venue(article: Article, place: Place, statement: _Statement) -> bool:
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
        if len(stem.split()) >= _TITLED_WORDS and titles_lexicon().head.match(stem):
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


def _leader(
    article: Article, statement: _Statement, following: tuple[Span, ...] = ()
) -> Official | None:
    """The official who leads: "do X … làm Trưởng đoàn", "Trưởng đoàn X", else who acts."""
    lex, text = lexicon(), article.text
    for sentence in (statement.sentence, *following):
        named = _named_leader(article, sentence)
        if named is not None:
            return named
    acting = article.people_in(article.opening(statement.sentence), statement.verb_start)
    if acting and (statement.body is None or acting[0][0] < statement.body.start):
        return acting[0][2]
    body = statement.body
    led = lex.led_by.match(text, body.end) if body is not None else None
    if led is not None:  # "Đoàn công tác … do bà X – Phó Chủ tịch … đã tiến hành kiểm tra"
        found = _person_at_any(article, (led.end(), led.end(1)))
        if found is not None:
            return found
    listed = lex.leader_list.match(text, body.end) if body is not None else None
    if listed is not None:  # "Đoàn giám sát … gồm các đồng chí: X, Bí thư Huyện ủy; Y, …"
        return article.person_at(listed.end())
    if statement.body is not None:
        return None
    return next((o for o in article.officials if o.role == "Trưởng đoàn"), None)


def _named_leader(article: Article, sentence: Span) -> Official | None:
    """The official a sentence names as the leader: "do X … làm Trưởng đoàn", "do A … và B …
    đồng trưởng đoàn" (the first), "Trưởng đoàn (giám sát) là (đồng chí) X"."""
    lex, text = lexicon(), article.text
    for marker in lex.leader_after.finditer(text, sentence.start, sentence.end):
        if marker.group().startswith("đồng"):
            led_by = text.rfind(" do ", sentence.start, marker.start())
            people = article.people_in(max(led_by, sentence.start), marker.start())
            if people:
                return people[0][2]
        chairs = lex.co_leaders.search(text, sentence.start, marker.start())
        people = article.people_in(chairs.end(), marker.start()) if chairs else []
        if people:  # "Các đồng chí: A, …; B, … chủ trì": the first
            return people[0][2]
        first = _first_of_joined(article, sentence, marker.start())
        if first is not None:
            return first
        before = article.person_before(sentence.start, marker.start())
        if before is not None:
            return before
    for marker in lex.leader_before.finditer(text, sentence.start, sentence.end):
        after = _named_after(article, marker.end())
        if after is not None:
            return after
    return None


def _first_of_joined(article: Article, sentence: Span, end: int) -> Official | None:
    """The subject named first of officials joined by "và" before the lead role: "Đồng chí A,
    …, và đồng chí B, … chủ trì buổi làm việc" is led by A."""
    lex, text = lexicon(), article.text
    people = article.people_in(sentence.start, end)
    if len(people) < 2 or not lex.co_leader_join.search(text, sentence.start, people[-1][0]):
        return None
    for start in _subject_starts(article, sentence):
        subject = lex.titled_subject.match(text, start)
        if subject is not None and people[0][0] in (start, subject.end()):
            return people[0][2]
    return None


def _named_after(article: Article, position: int) -> Official | None:
    """The official right after a lead role, past "là", "có" or ":" and an honorific
    ("Trưởng đoàn là đồng chí X", "Chủ trì hội nghị: bà X")."""
    gap = lexicon().leader_gap.match(article.text, position)
    return _person_at_any(article, (position, *(gap.span(1) if gap else ())))


def _person_at_any(article: Article, positions: tuple[int, ...]) -> Official | None:
    """The official whose mention starts at the first of `positions` that starts one (with
    or without the honorific before the name)."""
    return next(filter(None, map(article.person_at, positions)), None)


def _opening_leader(article: Article, main: _Statement, further: set[int]) -> Official | None:
    """The official named by a sentence that opens with the lead role, anywhere before the
    further activities: "Chủ trì buổi giám sát là bà X, …" three paragraphs down."""
    lex, text = lexicon(), article.text
    for segment, sentence in article.sentences:
        if sentence.start <= main.sentence.start or segment.kind not in ("lead", "body"):
            continue
        if sentence.start in further:
            break
        for role in lex.role_first.finditer(text, sentence.start, sentence.end):
            # "Trưởng đoàn kiểm tra, đồng chí X, …"
            named = _person_at_any(article, (role.end(), role.start(1)))
            if named is not None:
                return named
        marker = lex.leader_before.match(text, sentence.start)
        found = _named_after(article, marker.end()) if marker is not None else None
        if found is not None:
            return found
    return None


def _titled_leader(article: Article, statement: _Statement) -> Official | None:
    """The official a statement names by title only, when the article gives that title to one
    person ("Bí thư Huyện ủy Khoái Châu thăm …" and "Đồng chí X, …, Bí thư Huyện ủy Khoái
    Châu")."""
    written = _subject_title(article, statement)
    if written is None:
        return None
    folded = fold(written)
    holders = [o for o in article.officials if _holds(o, folded)]
    return holders[0] if len(holders) == 1 else None


def _holds(official: Official, title: str) -> bool:
    """Whether one of the official's chained titles is `title` (folded), or `title` with its
    unit's name written out: "Chủ tịch UBND xã Kiến Hải" for "Chủ tịch UBND xã" of xã Kiến Hải;
    "Phó Trưởng ban X" holds no "Trưởng ban X"."""
    place = fold(official.place or "")
    for part in fold(official.title or "").split(", "):
        if part.startswith(title):
            return True
        named = title[len(part) :].strip()
        if title.startswith(part + " ") and place.endswith(" " + named):
            return True
    return False


def _subject_title(article: Article, statement: _Statement) -> str | None:
    """The title a statement's subject is named by, without honorific, companions or adverbs
    ("Sáng 11/9, Phó Chủ tịch UBND tỉnh X cùng lãnh đạo các sở đã đi kiểm tra …")."""
    lex, text = lexicon(), article.text
    for opening in _subject_starts(article, statement.sentence):
        subject = lex.titled_subject.match(text, opening, statement.verb_start)
        start = subject.end() if subject is not None else opening
        end = statement.verb_start
        companion = text.find(" cùng ", start, end)
        if companion != -1:
            end = companion
        while (gap := lex.subject_gap.search(text, start, end)) is not None:
            end = gap.start()  # "… đã đi kiểm tra": the adverbs are no part of the title
        written = text[start:end].strip(" ,")
        if len(written.split()) >= _TITLED_WORDS and titles_lexicon().head.match(fold(written)):
            return written
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
        end = article.sentences[index][1].end
        host = lexicon().host.search(article.text, marker.end(), end)
        for _, _, person in article.people_in(marker.end(), host.start() if host else end):
            if leader is None or person.name != leader.name:
                names.setdefault(person.name, None)
    for listed in lexicon().leader_list.finditer(article.text):
        # "Đoàn … gồm các đồng chí: X, …; Y, … đã làm việc với …": the list ends at the verb
        index = article.sentence_at(listed.start())
        if index is None:
            continue
        end = article.sentences[index][1].end
        verbs = _verbs(article, listed.end(), end)
        for _, _, person in article.people_in(listed.end(), verbs[0].start() if verbs else end):
            if leader is None or person.name != leader.name:
                names.setdefault(person.name, None)
    if leader is not None:
        for person in _co_leaders(article, leader):
            names.setdefault(person.name, None)
    hosts = _hosts(article)
    return [name for name in names if name not in hosts]


def _co_leaders(article: Article, leader: Official) -> list[Official]:
    """Who leads beside the leader, named with them before or after the lead role ("Các đồng
    chí: A, …; B, … chủ trì", "A và B đồng chủ trì", "Đồng chủ trì hội nghị có A và B")."""
    lex, text = lexicon(), article.text
    found: list[Official] = []
    for _, sentence in article.sentences:
        if not any(
            p.name == leader.name for _, _, p in article.people_in(sentence.start, sentence.end)
        ):
            continue
        groups = [
            _leading_group(article, sentence, marker.start())
            for marker in lex.leader_after.finditer(text, sentence.start, sentence.end)
        ]
        for marker in lex.leader_before.finditer(text, sentence.start, sentence.end):
            if marker.group().lower().startswith("đồng"):
                groups.append([p for _, _, p in article.people_in(marker.end(), sentence.end)])
        for group in groups:
            if group and group[0].name == leader.name:
                found.extend(group[1:])
    return found


def _leading_group(article: Article, sentence: Span, marker: int) -> list[Official]:
    """The officials named together before a lead role at `marker`, the leader first; none
    when one official alone is named there."""
    lex, text = lexicon(), article.text
    start: int | None = None
    if text.startswith("đồng", marker):
        start = max(text.rfind(" do ", sentence.start, marker), sentence.start)
    elif (chairs := lex.co_leaders.search(text, sentence.start, marker)) is not None:
        start = chairs.end()
    elif _first_of_joined(article, sentence, marker) is not None:
        start = sentence.start
    if start is None:
        return []
    return [p for _, _, p in article.people_in(start, marker)]


def _hosts(article: Article) -> set[str]:
    """Officials named as receiving the delegation ("Làm việc với đoàn có ông X, …")."""
    lex, found = lexicon(), set[str]()
    for marker in lex.host.finditer(article.text):
        index = article.sentence_at(marker.start())
        if index is not None:
            end = article.sentences[index][1].end
            found.update(person.name for _, _, person in article.people_in(marker.end(), end))
    return found


@dataclass(frozen=True, slots=True)
class _Further:
    """A further activity: its statement, whether the main delegation does it ("Cùng ngày,
    đoàn …"), whether it is dated with the main one, and the date its opener names."""

    statement: _Statement
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
                kind, verb_end = _kind(text, verb, sentence.end)
                verb_start = marker.end() if aside is not None else verb.start()
                delegated = _Statement(segment, sentence, None, verb_start, verb_end, kind)
                return _Further(delegated, True, same_day, date)
        if lex.body_head.match(text, subject.start()) is None:
            return None
        # "Sáng cùng ngày, đoàn công tác số 2 của huyện kiểm tra …": a body of its own
    statement = _statement(article, segment, sentence)
    if statement is None:
        titled = _titled_subject(article, segment, sentence, opened)
        return _Further(titled, True, same_day, date, alone=True) if titled is not None else None
    if lex.not_visit.search(text, marker.end() - 1, statement.verb_start):
        return None  # "Sau đó, ông X kiến nghị huyện sớm kiểm tra …" asks for one
    return _Further(statement, False, same_day, date)


def _titled_subject(
    article: Article, segment: Segment, sentence: Span, start: int
) -> _Statement | None:
    """The activity of a subject named by its title only, the main delegation's leader ("Sau
    đó, đồng chí Chủ tịch UBND tỉnh đến kiểm tra …", "Ngày 20/6, Phó Chủ tịch UBND huyện đã
    làm việc với …")."""
    text = article.text
    subject = lexicon().titled_subject.match(text, start, sentence.end)
    if subject is None or titles_lexicon().head.match(text, subject.end()) is None:
        return None
    verbs = _verbs(article, subject.end(), min(sentence.end, start + _TITLED_REACH))
    if not verbs or lexicon().not_visit.search(text, start, verbs[0].start()):
        return None
    if lexicon().ask.search(text, start, verbs[0].start()):
        return None  # "Chủ tịch UBND xã cho biết, đoàn đã kiểm tra …": a report of it
    kind, verb_end = _kind(text, verbs[0], sentence.end)
    return _Statement(segment, sentence, None, verbs[0].start(), verb_end, kind)


def _opener_date(article: Article, start: int, end: int) -> EventDate | None:
    """The date an opener names ("Trước đó, ngày 12/3, …"), its year when written."""
    for found_start, found_end, year, month, day in find_dates(article.text, start, end):
        span = article.span(found_start, found_end)
        if span is not None:
            return EventDate(year=year, month=month, day=day, span=span)
    return None


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
    if _new_places(article, statement, main) or _another_day(further, main):
        return True
    if statement.kind != main.kind and not site_visit:
        # "Cùng ngày, đoàn làm việc với UBND xã …", "… với Công an xã …"; a household visited in
        # a thôn ("Sau đó, đoàn đến thăm gia đình ông X ở thôn Y") is a site visit
        if statement.kind != "thăm" and _topic(article, statement, None) is not None:
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
    article: Article, main: _Statement, first: Inspection, main_index: int
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
            leader = _named_leader(article, clause)
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
        title: _Statement | None = None
        main: _Statement | None = None
        main_index = title_index = len(article.sentences)
        for index, (segment, sentence) in enumerate(article.sentences):
            if segment.kind not in ("title", "lead", "body"):
                continue
            statement = _statement(article, segment, sentence)
            if statement is None and segment.kind != "title":
                # "Sáng 8/11, Chủ tịch UBND phường X đã đi kiểm tra …", the name in a caption
                statement = next(
                    filter(
                        None,
                        (
                            _titled_subject(article, segment, sentence, start)
                            for start in _subject_starts(article, sentence)
                        ),
                    ),
                    None,
                )
            if statement is None or _bare_delegation(statement):
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
        main: _Statement,
        title: _Statement | None,
        following: tuple[Span, ...],
        further: set[int],
        *,
        claimed: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
    ) -> Inspection:
        """The main activity; `further` holds the starts of the sentences of the others, and
        `claimed` their targets, which the title's places then are."""
        leader = (
            _leader(article, main, following)
            or _opening_leader(article, main, further)
            or next((o for o in article.officials if o.role == "Trưởng đoàn"), None)
            or _titled_leader(article, main)
            or (_titled_leader(article, title) if title is not None else None)
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
        titled = _subject_title(article, main) if leader is None and main.body is None else None
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
            members=_members(article, leader),
            topic=_topic(article, main, title) or _visit_topic(article, main, visits),
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
            leader = _leader(article, statement, following)
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
