"""What an activity was about: the object phrase after its verb, else after "về", else inside
its body's name or the headline, without place, date or the people visited."""

from __future__ import annotations

from vnreport.pipeline.inspection_article import Article, lexicon
from vnreport.pipeline.inspection_organizations import organizations
from vnreport.pipeline.inspection_statements import Statement, statement_of
from vnreport.records import Segment, Span

_PREPOSITION_REACH = 50  # a unit this close after "tại"/"ở" is what the preposition introduces


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


def topic_of(article: Article, statement: Statement, title: Statement | None) -> Span | None:
    """The topic: after the verb, else after "về", else inside the body's name or the title;
    none for a visit to people ("thăm công nhân …")."""
    found = _any_topic(article, statement, title)
    if statement.kind == "thăm" and found and lexicon().visited_people.match(found.text):
        return None
    return found


def _any_topic(article: Article, statement: Statement, title: Statement | None) -> Span | None:
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


def _said_topic(article: Article, statement: Statement) -> Span | None:
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


def visit_topic(
    article: Article, main: Statement, visits: list[tuple[Segment, Span]]
) -> Span | None:
    """The topic a site visit of the same kind names when the main statement names none
    ("… vừa tổ chức giám sát tại một số xã." then "Tại UBND xã X, đoàn giám sát việc …")."""
    if main.kind == "thăm":
        return None  # the visits of a visit are to people: "thăm gia đình thương binh …"
    for segment, sentence in visits:
        statement = statement_of(article, segment, sentence)
        if statement is not None and statement.kind == main.kind:
            found = _said_topic(article, statement)
            if found is not None:
                return found
    return None


def _introduced(article: Article, statement: Statement) -> bool:
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
