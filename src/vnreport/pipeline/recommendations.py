"""Recommendations: the asks an official or a body makes, one item per action.

An ask starts at a verb ("đề nghị", "yêu cầu", "đề xuất", "kiến nghị", "chỉ đạo", "giao",
"lưu ý", and "cần" after a speech verb such as "nhấn mạnh") that is not a noun or a report
("theo yêu cầu", "lãnh đạo, chỉ đạo", "đã giao", "giao thông", "Ban Chỉ đạo"). Its scope is the
rest of the sentence; the bullet, numbered or "Một là …" lines after it when it ends in a colon
or lists; and the sentences right after it that open with "Đồng thời" or with a body and an
action ("UBND phường chủ trì …"). The scope is split into items at ";", at ", đồng thời", at
list markers and at bullets; a lead-in before a colon ("phường cần tập trung một số nội dung:")
is not an item, and an item keeps its addressee ("phường tiếp tục …"). Comma-joined verbs
("rà soát, kiểm tra, đánh giá và nhân rộng …") stay one item.

The issuer is the body heading the clause before the verb ("Đoàn kiểm tra", "UBND xã …"), else
the nearest named person before the verb in the sentence, else the last named person when the
sentence says only "đồng chí" or "ông", else an official whose title it repeats, else the
nearest named person of the previous sentence. Names come from the officials component's
mentions, and from honorific or surname patterns where it recorded none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.recommendation_issuers import find_issuer, person_mentions
from vnreport.pipeline.recommendation_lexicon import Ask, Sentence, load_lexicon
from vnreport.pipeline.segments import content_sentences
from vnreport.records import Official, Recommendation, Segment, Span

KIND = "recommendations"

_BULLET = re.compile(r"[-+•*–]\s|\d{1,2}[.)]\s|[a-zđ][.)]\s")
_LEAD_PUNCT = " ,:;-+•*–.\n"
_TRAIL_PUNCT = " ;.…,:/\n"  # "./." closes articles on some portals
_WORD = re.compile(r"\w+")
_NEED_WINDOW = 160  # how far before "cần" its licensing speech verb may stand
_NUMBER_NEXT = re.compile(r"[ ]?\d")
_CLAUSE_END = re.compile(r"[ ]?[;.]")
_CLOSING = (".", "!", "?", "…", ";", ":", "./.")


def _scope_start(text: str, sentence: Sentence, match: re.Match[str]) -> int | None:
    """Where the ask of a verb found in a sentence begins, or None when it does not ask.

    The scope of "cần" starts after the speech verb that licenses it, so that the item keeps
    its subject: "Thứ trưởng nhấn mạnh, | các địa phương cần chủ động …".
    """
    if _passive(text, sentence, match):
        return sentence.start
    if _not_an_ask(text, sentence, match):
        return None
    lexicon = load_lexicon()
    if match.group().casefold() not in lexicon.need:
        return match.end()
    window = max(sentence.start, match.start() - _NEED_WINDOW)
    cue = lexicon.need_cue.search(text, window, match.start())
    if cue is None or not _people_or_body(
        text, max(sentence.start, cue.start() - 200), cue.start()
    ):
        return None
    return cue.end()


def _passive(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    """A passive ask: a unit "được giao / được yêu cầu" an action, from the sentence start.

    "Các chi bộ được yêu cầu hoàn thành …", "Sở Nội vụ được giao hướng dẫn …"; not "Năm 2025
    phường được giao hỗ trợ 46 căn nhà" (no addressee opens it) nor "được giao 95%".
    """
    lexicon = load_lexicon()
    start = match.start() - len(" được ")
    if start <= sentence.start or lexicon.passive.match(text, start) is None:
        return False
    if not lexicon.addressee_head.match(text, sentence.start, start):
        return False
    subject = text[sentence.start : start]
    return (
        len(subject.split()) <= 12
        and not any(mark in subject for mark in ",;:")
        and not (_NUMBER_NEXT.match(text, match.end()))
    )


def _not_an_ask(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    """Whether the words around an ask verb make it a noun, a name or a report."""
    lexicon = load_lexicon()
    start, end = match.start(), match.end()
    if text[start].isupper() and start > sentence.start:
        before = text[sentence.start : start].rstrip()
        if before and before[-1] not in ',:;"(-–' and not _BULLET.fullmatch(before + " "):
            return True  # "Ban Chỉ đạo", "Tổ Giao Lâm"; not after "2. "
    verb = match.group().casefold()
    compound = lexicon.compounds.get(verb)
    noun = lexicon.nouns_before.get(verb)
    return bool(
        (noun is not None and noun.search(text, max(0, start - 12), start))
        or _CLAUSE_END.match(text, end)  # "các kiến nghị phường đề xuất;": nothing is asked
        or lexicon.coordinated.match(text, end)  # "đề xuất, kiến nghị của phường": nouns
        or lexicon.not_before.search(text, max(0, start - 24), start)
        or lexicon.not_after.match(text, end, min(sentence.end, end + 24))
        or (compound is not None and compound.match(text, end, min(sentence.end, end + 12)))
        or _NUMBER_NEXT.match(text, end)  # "chỉ tiêu huyện giao 95%": a figure
        # "giao chỉ tiêu cho từng thôn" reports an allotment
        or (verb in lexicon.needs_addressee and not lexicon.addressee_head.match(text, end + 1))
    )


def _people_or_body(text: str, start: int, end: int) -> bool:
    lexicon = load_lexicon()
    return any(
        pattern.search(text, start, end) is not None
        for pattern in (lexicon.honorific, lexicon.title, lexicon.body)
    )


def _is_list_line(text: str, sentence: Sentence) -> bool:
    """Whether a sentence opens a bullet or "Một là …" line."""
    lexicon = load_lexicon()
    if sentence.first_in_segment and _BULLET.match(text, sentence.start):
        return True
    return lexicon.list_start.match(text, sentence.start) is not None


def _carries_on(text: str, sentence: Sentence) -> bool:
    """Whether a sentence right after an ask carries it on: "Đồng thời, …", "UBND xã X làm Y"."""
    lexicon = load_lexicon()
    if sentence.first_in_segment:
        return False
    if any(
        _scope_start(text, sentence, m) is not None
        for m in lexicon.trigger.finditer(text, sentence.start, sentence.end)
    ):
        return False
    if lexicon.continuation.match(text, sentence.start):
        return True
    if _imperative(text, sentence) or _modal(text, sentence):
        return True
    addressee = _addressee(text, sentence.start, sentence.end)
    return addressee is not None and lexicon.finding.search(addressee) is None


def _imperative(text: str, sentence: Sentence) -> bool:
    """A sentence opening with an action, as a directive does: "Tập trung …", "Phấn đấu …"."""
    opener = load_lexicon().imperative.match(text, sentence.start, sentence.end)
    return opener is not None and text[sentence.start].isupper()


def _modal(text: str, sentence: Sentence) -> bool:
    """A subject and "cần"/"phải", as a directive goes on: "Việc thực hiện phải bảo đảm …"."""
    lexicon = load_lexicon()
    clause = lexicon.modal_clause.match(text, sentence.start, sentence.end)
    return clause is not None and lexicon.finding.search(clause.group()) is None


def _find_asks(text: str, sentences: Sequence[Sentence]) -> list[Ask]:
    lexicon = load_lexicon()
    asks: list[Ask] = []
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        at = index  # the ask's sentence: list lines merged below make pieces fewer than lines
        index += 1
        found = next(
            (
                (m, scope)
                for m in lexicon.trigger.finditer(text, sentence.start, sentence.end)
                if (scope := _scope_start(text, sentence, m)) is not None
            ),
            None,
        )
        if found is None:
            continue
        trigger, scope = found
        pieces = [(scope, sentence.end)]
        rest = text[scope : sentence.end].rstrip()
        listed = lexicon.list_start.search(text, scope, sentence.end) is not None
        if listed or not rest.strip(_LEAD_PUNCT) or rest.endswith(":"):
            while index < len(sentences) and (
                _is_list_line(text, sentences[index])
                or (  # a bullet line of several sentences is one item
                    not sentences[index].first_in_segment
                    and len(pieces) > 1
                    and sentences[index].segment is not sentence.segment
                )
            ):
                following = sentences[index]
                if following.first_in_segment or following.segment is sentence.segment:
                    pieces.append((following.start, following.end))
                else:
                    pieces[-1] = (pieces[-1][0], following.end)
                index += 1
        while index < len(sentences) and _carries_on(text, sentences[index]):
            pieces.append((sentences[index].start, sentences[index].end))
            index += 1
        passive = scope == sentence.start and trigger.start() > sentence.start
        # "Bà nhấn mạnh: Xã cần …": who asks stands before the speech verb, not before "cần"
        speaker = scope if sentence.start < scope < trigger.start() else trigger.start()
        asks.append(Ask(trigger.group(), speaker, at, tuple(pieces), passive))
    return asks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _LEAD_PUNCT:
        start += 1
    while end > start and text[end - 1] in _TRAIL_PUNCT:
        end -= 1
    return start, end


def _strip_lead(text: str, start: int, end: int, verb: str) -> tuple[int, int]:
    """Drop list markers, bullets and a repeated ask verb at the head of an item."""
    lexicon = load_lexicon()
    for _ in range(3):
        start, end = _trim(text, start, end)
        bullet = _BULLET.match(text, start, end)
        marker = lexicon.list_start.match(text, start, end) or lexicon.continuation.match(
            text, start, end
        )
        leading = lexicon.leading_verb.match(text, start, end)
        if bullet:
            start = bullet.end()
        elif marker:
            start = marker.end()
        elif leading and (
            leading.group().rstrip(",:").casefold() == verb.casefold()
            or leading.group().rstrip(",:").casefold() not in lexicon.keep_leading
        ):
            start = leading.end()
        else:
            break
    return _trim(text, start, end)


def _colon_lead(text: str, start: int, end: int) -> int:
    """Where the items begin: after a lead-in ending in a colon, when there is one."""
    semicolon = text.find(";", start, end)
    colon = text.find(":", start, semicolon if semicolon >= 0 else end)
    return colon + 1 if colon >= 0 else start


def _items(text: str, ask: Ask) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """The item spans of an ask, and the span of its lead (lead-in or first item)."""
    lexicon = load_lexicon()
    items: list[tuple[int, int]] = []
    first_start, first_end = ask.pieces[0]
    items_from = _colon_lead(text, first_start, first_end)
    lead = _trim(text, first_start, items_from if items_from > first_start else first_end)
    pieces = [(items_from, first_end), *ask.pieces[1:]]
    for piece_start, piece_end in pieces:
        cursor = piece_start
        for separator in lexicon.separator.finditer(text, piece_start, piece_end):
            items.append((cursor, separator.start()))
            cursor = separator.end()
        items.append((cursor, piece_end))
    stripped = [_strip_lead(text, start, end, ask.verb) for start, end in items]
    return [(start, end) for start, end in stripped if end > start], lead


def _addressee(text: str, start: int, end: int) -> str | None:
    """The unit or body an ask opens with: "UBND xã Yên Đĩnh | chủ động …"."""
    lexicon = load_lexicon()
    if not lexicon.addressee_head.match(text, start, end):
        return None
    action = lexicon.action.search(text, start, min(end, start + 120))
    if action is None:
        return None
    addressee = text[start : action.start()].strip(" ,")
    if not addressee or any(mark in addressee for mark in ",;:"):
        return None
    return addressee


def _sentences(doc: Doc) -> list[Sentence]:
    found: list[Sentence] = []
    previous: Segment | None = None
    for segment, sentence in content_sentences(doc):
        if segment.kind == "title":
            continue  # a headline reports; "… cần lưu ý gì" asks nothing of anyone
        found.append(Sentence(sentence.start, sentence.end, segment, segment is not previous))
        previous = segment
    return found


def _content_end(sentences: Sequence[Sentence], text: str) -> int | None:
    """Where an item would be cut off: the end of the article's last sentence, when the page
    ends inside it (no closing punctuation), else None."""
    if not sentences:
        return None
    last = sentences[-1]
    closing = text[last.start : last.end].rstrip(" \"')”»")
    return None if closing.endswith(_CLOSING) else _trim(text, last.start, last.end)[1]


class RecommendationFinder:
    """Finds the asks of the article and splits them into items."""

    def __init__(self, *, min_item_words: int) -> None:
        self.min_item_words = min_item_words

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Recommendation]:
        """The recommendation items of the article, in text order."""
        text = store.text(doc)
        sentences = _sentences(doc)
        asks = _find_asks(text, sentences)
        if not asks:
            return []
        officials = store.get(doc, "officials", Official)
        mentions = person_mentions(doc, text, officials)
        found: list[Recommendation] = []
        last_end = _content_end(sentences, text)
        previous: str | None = None
        for ask in asks:
            items, lead = _items(text, ask)
            if ask.passive:  # asked of a unit, by who asked before: "Xã được giao …"
                sentence_start = sentences[ask.sentence].start
                issuer = previous or mentions.last_name(0, sentence_start)
            else:
                issuer = find_issuer(text, officials, ask, sentences, mentions)
            previous = issuer or previous
            default_addressee = _addressee(text, *lead)
            if ask.passive:  # "Sở Nội vụ được giao …": the subject is asked
                subject_end = ask.verb_start - len(" được ")
                default_addressee = text[sentences[ask.sentence].start : subject_end]
            verb = ask.verb.casefold()
            for start, end in items:
                if len(_WORD.findall(text, start, end)) < self.min_item_words:
                    continue
                if load_lexicon().noun_item.match(text, start, end):
                    continue  # "một số kiến nghị về …" names asks, it makes none
                found.append(
                    Recommendation(
                        text=text[start:end],
                        issuer=issuer,
                        addressee=(None if ask.passive else _addressee(text, start, end))
                        or default_addressee,
                        verb=verb,
                        span=Span(start=start, end=end, text=text[start:end]),
                        truncated=last_end is not None and end >= last_end,
                    )
                )
        return found

    def set_annotations(self, doc: Doc, recommendations: list[Recommendation]) -> None:
        """Store the items and their spans, labelled with the verb."""
        store.put(
            doc,
            KIND,
            recommendations,
            ((r.span.start, r.span.end, r.verb or "") for r in recommendations),
        )


@Language.factory(
    "vnreport_recommendations",
    default_config={"min_item_words": 2},
    requires=["doc.spans"],
    assigns=["doc.spans"],
)
def make_recommendation_finder(
    nlp: Language, name: str, min_item_words: int
) -> RecommendationFinder:
    """Factory of the `vnreport_recommendations` component."""
    return RecommendationFinder(min_item_words=min_item_words)
