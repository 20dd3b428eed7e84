"""What activity a sentence states, and of whom: its verb and kind, its inspecting body ("Đoàn
kiểm tra …", "UBND xã X …", "chuyến khảo sát của Ban …"), or the official or title that acts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnreport.pipeline.inspection_article import WARD_LEVEL, Article, lexicon
from vnreport.pipeline.titles import lexicon as titles_lexicon
from vnreport.records import Segment, Span
from vnreport.text.normalize import fold

_TITLE_GAP = 4  # "X – Phó Chủ tịch …": what may stand between a name and its title
_BLOCKER_REACH = 20  # "tổ chức 2 đoàn khảo sát", "Chương trình giám sát": the longest lookbehind
_OPENERS = 2  # how many short clauses may open a sentence before its subject
_OPENER_REACH = 40  # "Sáng ngày 14/9/2024, …": how far the comma of a sentence's opener may be
_TITLED_REACH = 150  # "đồng chí Phó Chủ tịch UBND huyện cùng lãnh đạo Phòng …" and adverbs
TITLED_WORDS = 3  # "Bí thư Huyện ủy Khoái Châu", not a bare "Chủ tịch"


@dataclass(frozen=True, slots=True)
class Statement:
    """The sentence stating an activity, and where its body and verb lie in it."""

    segment: Segment
    sentence: Span
    body: Span | None
    verb_start: int
    verb_end: int
    kind: str


def activity_verbs(article: Article, start: int, end: int) -> list[re.Match[str]]:
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
            for verb in activity_verbs(article, head.end(), end)
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


def subject_starts(article: Article, sentence: Span) -> list[int]:
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


def _noun_statement(article: Article, segment: Segment, sentence: Span) -> Statement | None:
    """An activity named as the subject, its body after "của": "Ngày 11/9, chuyến khảo sát
    của Ban Dân tộc HĐND tỉnh … về … do bà X … dẫn đầu đã ghi nhận …"."""
    lex, text = lexicon(), article.text
    for start in subject_starts(article, sentence):
        noun = lex.activity_noun.match(text, start, sentence.end)
        if noun is None or lex.body_head.match(text, noun.end()) is None:
            continue
        stop = lex.noun_body_end.search(text, noun.end(), sentence.end)
        body = article.span(noun.end(), stop.start() if stop else sentence.end)
        if body is None:
            return None
        kind = lex.kinds[fold(noun.group("verb"))]
        return Statement(segment, sentence, body, noun.start("verb"), body.end, kind)
    return None


def _unit_body(article: Article, sentence: Span) -> Span | None:
    """A unit's own authority opening the sentence, its unit and then its verb: "UBND xã Tề Lỗ
    kiểm tra …", "Sáng 9/12, Công an huyện tổ chức kiểm tra …"."""
    lex, text = lexicon(), article.text
    for start in subject_starts(article, sentence):
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
        if lex.unit_body_partner.match(text, after) and activity_verbs(
            article, after, sentence.end
        ):
            return article.span(start, end)  # "Công an xã X phối hợp với … tổ chức kiểm tra …"
        return None
    return None


def statement_of(article: Article, segment: Segment, sentence: Span) -> Statement | None:
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
    verbs = activity_verbs(article, body.end if body is not None else opening, sentence.end)
    if not verbs:
        return None
    verb = verbs[0]
    acting = article.people_in(opening, verb.start())
    if body is None and not acting and segment.kind != "title":
        return None
    if body is None and acting and lex.ask.search(text, acting[-1][1], verb.start()):
        return None  # "bà X lưu ý công đoàn … kiểm tra …": the activity is asked of others
    kind, verb_end = activity_kind(text, verb, sentence.end)
    return Statement(segment, sentence, body, verb.start(), verb_end, kind)


def activity_kind(text: str, verb: re.Match[str], end: int) -> tuple[str, int]:
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


def titled_subject(
    article: Article, segment: Segment, sentence: Span, start: int
) -> Statement | None:
    """The activity of a subject named by its title only, the main delegation's leader ("Sau
    đó, đồng chí Chủ tịch UBND tỉnh đến kiểm tra …", "Ngày 20/6, Phó Chủ tịch UBND huyện đã
    làm việc với …")."""
    text = article.text
    subject = lexicon().titled_subject.match(text, start, sentence.end)
    if subject is None or titles_lexicon().head.match(text, subject.end()) is None:
        return None
    verbs = activity_verbs(article, subject.end(), min(sentence.end, start + _TITLED_REACH))
    if not verbs or lexicon().not_visit.search(text, start, verbs[0].start()):
        return None
    if lexicon().ask.search(text, start, verbs[0].start()):
        return None  # "Chủ tịch UBND xã cho biết, đoàn đã kiểm tra …": a report of it
    kind, verb_end = activity_kind(text, verbs[0], sentence.end)
    return Statement(segment, sentence, None, verbs[0].start(), verb_end, kind)


def bare_delegation(statement: Statement) -> bool:
    """Whether the statement's body is a bare "đoàn", which refers back to one named before
    and so never opens the main activity."""
    return statement.body is not None and statement.body.text.lower() == "đoàn"
