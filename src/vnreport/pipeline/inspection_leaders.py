"""Who led an activity and who went with them: the lead roles ("do X … làm Trưởng đoàn",
"Trưởng đoàn là X", "Dưới sự chủ trì của X"), the official who acts, a title held by one
official, co-chairs, and the members listed ("Tham gia đoàn có …"), hosts left out."""

from __future__ import annotations

from vnreport.pipeline.inspection_article import Article, lexicon
from vnreport.pipeline.inspection_statements import (
    TITLED_WORDS,
    Statement,
    activity_verbs,
    subject_starts,
)
from vnreport.pipeline.titles import lexicon as titles_lexicon
from vnreport.records import Official, Span
from vnreport.text.normalize import fold


def leader_of(
    article: Article, statement: Statement, following: tuple[Span, ...] = ()
) -> Official | None:
    """The official who leads: "do X … làm Trưởng đoàn", "Trưởng đoàn X", else who acts."""
    lex, text = lexicon(), article.text
    for sentence in (statement.sentence, *following):
        named = named_leader(article, sentence)
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


def named_leader(article: Article, sentence: Span) -> Official | None:
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
    for start in subject_starts(article, sentence):
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


def opening_leader(article: Article, main: Statement, further: set[int]) -> Official | None:
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


def titled_leader(article: Article, statement: Statement) -> Official | None:
    """The official a statement names by title only, when the article gives that title to one
    person ("Bí thư Huyện ủy Khoái Châu thăm …" and "Đồng chí X, …, Bí thư Huyện ủy Khoái
    Châu")."""
    written = subject_title(article, statement)
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


def subject_title(article: Article, statement: Statement) -> str | None:
    """The title a statement's subject is named by, without honorific, companions or adverbs
    ("Sáng 11/9, Phó Chủ tịch UBND tỉnh X cùng lãnh đạo các sở đã đi kiểm tra …")."""
    lex, text = lexicon(), article.text
    for opening in subject_starts(article, statement.sentence):
        subject = lex.titled_subject.match(text, opening, statement.verb_start)
        start = subject.end() if subject is not None else opening
        end = statement.verb_start
        companion = text.find(" cùng ", start, end)
        if companion != -1:
            end = companion
        while (gap := lex.subject_gap.search(text, start, end)) is not None:
            end = gap.start()  # "… đã đi kiểm tra": the adverbs are no part of the title
        written = text[start:end].strip(" ,")
        if len(written.split()) >= TITLED_WORDS and titles_lexicon().head.match(fold(written)):
            return written
    return None


def members_of(article: Article, leader: Official | None) -> list[str]:
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
        verbs = activity_verbs(article, listed.end(), end)
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


def body_head(article: Article, body: Span | None) -> Official | None:
    """The one official who heads the inspecting body by title, when nothing else names the
    leader: "Ban Văn hóa - Xã hội HĐND tỉnh" and "bà X, Trưởng Ban Văn hóa - Xã hội HĐND tỉnh"."""
    if body is None or not body.text[:1].isupper():
        return None
    name = _dashes(fold(body.text))
    heads = [
        official
        for official in article.officials
        for part in fold(official.title or "").split(", ")
        if part.startswith("trưởng ") and _same_body(_dashes(part[len("trưởng ") :]), name)
    ]
    return heads[0] if len({o.name for o in heads}) == 1 else None


def _same_body(titled: str, body: str) -> bool:
    """Whether a title's body is the body, or the body with its unit's name written out ("ban
    văn hóa - xã hội hđnd tỉnh" and "… tỉnh quảng nam")."""
    units = list(lexicon().unit_word.finditer(titled))
    return body == titled or (
        body.startswith(titled + " ") and bool(units) and units[-1].end() == len(titled)
    )


def _dashes(text: str) -> str:
    return text.replace("–", "-")
