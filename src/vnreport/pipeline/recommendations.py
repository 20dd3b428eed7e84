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

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.segments import content_sentences
from vnreport.records import Official, Recommendation, Segment, Span
from vnreport.resources import load_json, load_lines
from vnreport.text.script import alternation

KIND = "recommendations"

_BULLET = re.compile(r"[-+•*–]\s|\d{1,2}[.)]\s|[a-zđ][.)]\s")
_LEAD_PUNCT = " ,:;-+•*–.\n"
_TRAIL_PUNCT = " ;.…,:\n"
_WORD = re.compile(r"\w+")
_OPENING = 5000  # characters read for the delegation a bare "Đoàn" refers to
_NEED_WINDOW = 160  # how far before "cần" its licensing speech verb may stand
_NUMBER_NEXT = re.compile(r"[ ]?\d")


@cache
def _upper() -> str:
    """The upper-case letters of Latin script, for matching capitalized syllables."""
    return "".join(chr(c) for c in range(0x41, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())


@dataclass(frozen=True)
class _Lexicon:
    trigger: re.Pattern[str]
    not_before: re.Pattern[str]
    not_after: re.Pattern[str]
    need_cue: re.Pattern[str]
    separator: re.Pattern[str]
    list_start: re.Pattern[str]
    continuation: re.Pattern[str]
    leading_verb: re.Pattern[str]
    keep_leading: frozenset[str]
    honorific: re.Pattern[str]
    title: re.Pattern[str]
    honorific_name: re.Pattern[str]
    surname_name: re.Pattern[str]
    name_blocker: re.Pattern[str]
    body: re.Pattern[str]
    addressee_head: re.Pattern[str]
    action: re.Pattern[str]
    finding: re.Pattern[str]
    delegation: re.Pattern[str]
    clause_adverbs: tuple[str, ...]
    need: frozenset[str]
    needs_addressee: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_json("recommendations_lexicon")
    # Who can ask: honorifics, event roles and titles come from the officials' lexicon.
    people = load_json("titles")
    honorifics = alternation([*people["honorifics"], *people["roles"]])
    heads = people["heads"]
    surnames = alternation(load_lines("surnames"))
    titles = alternation([*heads, *(f"{d} {h}" for d in people["deputy"] for h in heads)])
    verbs = alternation([*data["verbs"], *data["need"]])
    upper = _upper()
    syllable = rf"[{upper}]\w*"
    markers = alternation(data["list_markers"])
    return _Lexicon(
        trigger=re.compile(rf"(?<!\w)(?:{verbs})(?!\w)", re.IGNORECASE),
        not_before=re.compile(
            rf"(?:^|[\s(])(?:{alternation(data['not_before'])}),?[ ]$", re.IGNORECASE
        ),
        not_after=re.compile(rf"[ ](?:{alternation(data['not_after'])})(?!\w)", re.IGNORECASE),
        need_cue=re.compile(rf"(?<!\w)(?:{alternation(data['need_cues'])})(?!\w)"),
        separator=re.compile(rf";|,[ ]?[Đđ]ồng thời(?!\w),?|(?<!\w)(?:{markers})(?!\w)[,:]?"),
        list_start=re.compile(rf"(?<!\w)(?:{markers})(?!\w)"),
        continuation=re.compile(
            rf"(?:{alternation(data['continuations'])})(?!\w),?", re.IGNORECASE
        ),
        leading_verb=re.compile(rf"(?:{verbs})(?!\w)[,:]?", re.IGNORECASE),
        keep_leading=frozenset(data["keep_leading"]),
        honorific=re.compile(rf"(?<!\w)(?:{honorifics})(?!\w)"),
        title=re.compile(rf"(?<!\w)(?:{titles})(?!\w)"),
        honorific_name=re.compile(
            rf"(?<!\w)(?:{honorifics})[ ]"
            rf"(?P<name>{syllable}(?:[ ]{syllable}){{1,3}})(?!\w)"
        ),
        surname_name=re.compile(rf"(?<!\w)(?P<name>(?:{surnames})(?:[ ]{syllable}){{2,3}})(?!\w)"),
        name_blocker=re.compile(rf"(?<!\w)(?:{alternation(data['name_blockers'])})[ ]$"),
        body=re.compile(rf"(?:{alternation(data['bodies'])})(?!\w)"),
        addressee_head=re.compile(rf"(?:{alternation(data['addressee_heads'])})(?!\w)"),
        action=re.compile(rf"[ ](?:{alternation(data['actions'])})(?!\w)"),
        finding=re.compile(rf"(?<!\w)(?:{alternation(data['finding_markers'])})(?!\w)"),
        delegation=re.compile(rf"(?<!\w)Đoàn (?:{alternation(data['delegations'])})(?!\w)"),
        clause_adverbs=tuple(data["clause_adverbs"]),
        need=frozenset(data["need"]),
        needs_addressee=frozenset(data["needs_addressee"]),
    )


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    segment: Segment
    first_in_segment: bool


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _Ask:
    verb: str
    verb_start: int
    sentence: int
    pieces: tuple[tuple[int, int], ...]


def _scope_start(text: str, sentence: _Sentence, match: re.Match[str]) -> int | None:
    """Where the ask of a verb found in a sentence begins, or None when it does not ask.

    The scope of "cần" starts after the speech verb that licenses it, so that the item keeps
    its subject: "Thứ trưởng nhấn mạnh, | các địa phương cần chủ động …".
    """
    if _not_an_ask(text, sentence, match):
        return None
    lexicon = _lexicon()
    if match.group().casefold() not in lexicon.need:
        return match.end()
    window = max(sentence.start, match.start() - _NEED_WINDOW)
    cue = lexicon.need_cue.search(text, window, match.start())
    if cue is None or not _people_or_body(
        text, max(sentence.start, cue.start() - 200), cue.start()
    ):
        return None
    return cue.end()


def _not_an_ask(text: str, sentence: _Sentence, match: re.Match[str]) -> bool:
    """Whether the words around an ask verb make it a noun, a name or a report."""
    lexicon = _lexicon()
    start, end = match.start(), match.end()
    if text[start].isupper() and start > sentence.start:
        before = text[sentence.start : start].rstrip()
        if before and before[-1] not in ',:;"(-–':
            return True  # "Ban Chỉ đạo", "Tổ Giao Lâm"
    verb = match.group().casefold()
    return bool(
        lexicon.not_before.search(text, max(0, start - 24), start)
        or lexicon.not_after.match(text, end, min(sentence.end, end + 24))
        or _NUMBER_NEXT.match(text, end)  # "chỉ tiêu huyện giao 95%": a figure
        # "giao chỉ tiêu cho từng thôn" reports an allotment
        or (verb in lexicon.needs_addressee and not lexicon.addressee_head.match(text, end + 1))
    )


def _people_or_body(text: str, start: int, end: int) -> bool:
    lexicon = _lexicon()
    return any(
        pattern.search(text, start, end) is not None
        for pattern in (lexicon.honorific, lexicon.title, lexicon.body)
    )


def _is_list_line(text: str, sentence: _Sentence) -> bool:
    """Whether a sentence opens a bullet or "Một là …" line."""
    lexicon = _lexicon()
    if sentence.first_in_segment and _BULLET.match(text, sentence.start):
        return True
    return lexicon.list_start.match(text, sentence.start) is not None


def _carries_on(text: str, sentence: _Sentence) -> bool:
    """Whether a sentence right after an ask carries it on: "Đồng thời, …", "UBND xã X làm Y"."""
    lexicon = _lexicon()
    if sentence.first_in_segment:
        return False
    if any(
        _scope_start(text, sentence, m) is not None
        for m in lexicon.trigger.finditer(text, sentence.start, sentence.end)
    ):
        return False
    if lexicon.continuation.match(text, sentence.start):
        return True
    addressee = _addressee(text, sentence.start, sentence.end)
    return addressee is not None and lexicon.finding.search(addressee) is None


def _find_asks(text: str, sentences: Sequence[_Sentence]) -> list[_Ask]:
    lexicon = _lexicon()
    asks: list[_Ask] = []
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
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
        asks.append(_Ask(trigger.group(), trigger.start(), index - len(pieces), tuple(pieces)))
    return asks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _LEAD_PUNCT:
        start += 1
    while end > start and text[end - 1] in _TRAIL_PUNCT:
        end -= 1
    return start, end


def _strip_lead(text: str, start: int, end: int, verb: str) -> tuple[int, int]:
    """Drop list markers, bullets and a repeated ask verb at the head of an item."""
    lexicon = _lexicon()
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


def _items(text: str, ask: _Ask) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """The item spans of an ask, and the span of its lead (lead-in or first item)."""
    lexicon = _lexicon()
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
    lexicon = _lexicon()
    if not lexicon.addressee_head.match(text, start, end):
        return None
    action = lexicon.action.search(text, start, min(end, start + 120))
    if action is None:
        return None
    addressee = text[start : action.start()].strip(" ,")
    if not addressee or any(mark in addressee for mark in ",;:"):
        return None
    return addressee


class _Mentions:
    """Mentions of named people in text order, with range look-ups in logarithmic time."""

    def __init__(self, mentions: Iterable[_Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda mention: mention.start)
        self._starts = [mention.start for mention in self._mentions]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a mention overlaps `[start, end)`."""
        index = bisect.bisect_left(self._starts, end)
        return any(m.end > start for m in self._mentions[max(0, index - 2) : index])

    def within(self, start: int, end: int) -> list[_Mention]:
        """The mentions lying inside `[start, end)`."""
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return [m for m in self._mentions[low:high] if m.end <= end]

    def last_name(self, start: int, end: int) -> str | None:
        """The name of the last mention inside `[start, end)`."""
        high = bisect.bisect_left(self._starts, end)
        for mention in reversed(self._mentions[max(0, high - 3) : high]):
            if mention.end <= end and mention.start >= start:
                return mention.name
        return None


def _person_mentions(doc: Doc, text: str, officials: Sequence[Official]) -> _Mentions:
    """Every mention of a named person: the officials component's, then name patterns.

    Names found by pattern count only where no official mention lies, so an official is always
    named as the officials component recorded them.
    """
    recorded = _Mentions(
        _Mention(span.start, span.end, official.name)
        for official in officials
        for span in official.mentions
    )
    patterned = [m for m in _pattern_mentions(doc, text) if not recorded.overlaps(m.start, m.end)]
    return _Mentions([*recorded.within(0, len(text)), *patterned])


def _pattern_mentions(doc: Doc, text: str) -> list[_Mention]:
    lexicon = _lexicon()
    found: dict[int, _Mention] = {}
    for _, sentence in content_sentences(doc):
        for match in lexicon.honorific_name.finditer(text, sentence.start, sentence.end):
            found[match.start("name")] = _Mention(match.start(), match.end(), match.group("name"))
        for match in lexicon.surname_name.finditer(text, sentence.start, sentence.end):
            name_start = match.start("name")
            if name_start in found or lexicon.name_blocker.search(
                text, max(0, name_start - 12), name_start
            ):
                continue
            found[name_start] = _Mention(name_start, match.end(), match.group("name"))
    return sorted(found.values(), key=lambda mention: mention.start)


def _body(text: str, start: int, end: int) -> str | None:
    """The body a clause opens with, when the clause before the verb names one."""
    lexicon = _lexicon()
    clause_start = max(text.rfind(mark, start, end) for mark in ",;:") + 1
    clause_start = max(clause_start, start)
    clause = text[clause_start:end].strip()
    for adverb in lexicon.clause_adverbs:
        clause = clause.removesuffix(f" {adverb}")
    if not clause or not lexicon.body.match(clause) or len(clause.split()) > 10:
        return None
    delegation = lexicon.delegation.match(clause)
    spoken = f" {clause} "
    if lexicon.finding.search(spoken) or lexicon.action.search(spoken) or spoken.endswith(" và "):
        # "Đoàn công tác ghi nhận kết quả đạt được và lưu ý …": the body is the subject only.
        return delegation.group() if delegation else None
    if clause.casefold() == "đoàn":
        # "Đoàn đề nghị" names the delegation introduced earlier: "Đoàn giám sát của …".
        named = _first_delegation(text, start)
        if named is not None:
            return named.group()
    return clause


def _first_delegation(text: str, before: int) -> re.Match[str] | None:
    """The first "Đoàn kiểm tra"-like name in the opening of the text, before `before`.

    Articles introduce the delegation in their lead; reading only the opening keeps many
    "Đoàn đề nghị" sentences from each scanning the whole text.
    """
    return _lexicon().delegation.search(text, 0, min(before, _OPENING))


def _title_match(officials: Sequence[Official], text: str, start: int, end: int) -> str | None:
    """An official whose title the clause before the verb repeats ("Phó Chủ tịch UBND tỉnh")."""
    clause = text[start:end].casefold()
    for official in officials:
        if official.title and official.title.casefold() in clause:
            return official.name
    return None


def _issuer(
    text: str,
    officials: Sequence[Official],
    ask: _Ask,
    sentences: Sequence[_Sentence],
    mentions: _Mentions,
) -> str | None:
    """Who asked, tried in order: a body heading the clause before the verb, the nearest named
    person before it in the sentence, the last named person when the sentence says only "đồng
    chí" or "ông", an official whose title the sentence repeats, a delegation opening the
    sentence, and the nearest named person of the previous sentence."""
    sentence = sentences[ask.sentence]
    verb = ask.verb_start
    before = mentions.within(sentence.start, verb)
    honorific = _lexicon().honorific.search(text, sentence.start, verb)
    previous = sentences[ask.sentence - 1] if ask.sentence > 0 else sentence
    delegation = _lexicon().delegation.match(text, sentence.start)
    candidates: tuple[Callable[[], str | None], ...] = (
        lambda: _clause_body(text, sentence.start, verb, before),
        lambda: before[-1].name if before else None,
        lambda: mentions.last_name(0, sentence.start) if honorific else None,
        lambda: _title_match(officials, text, sentence.start, verb),
        lambda: delegation.group() if delegation else None,
        lambda: mentions.last_name(previous.start, sentence.start),
    )
    return next((name for candidate in candidates if (name := candidate()) is not None), None)


def _clause_body(text: str, start: int, verb: int, before: Sequence[_Mention]) -> str | None:
    """The body heading the clause right before the verb, unless a person is named there."""
    body = _body(text, start, verb)
    if body is None:
        return None
    clause_start = verb - len(body) - 2
    if any(m.start >= clause_start for m in before):
        return None
    return None if _lexicon().honorific.search(text, clause_start, verb) else body


def _sentences(doc: Doc) -> list[_Sentence]:
    found: list[_Sentence] = []
    previous: Segment | None = None
    for segment, sentence in content_sentences(doc):
        found.append(_Sentence(sentence.start, sentence.end, segment, segment is not previous))
        previous = segment
    return found


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
        mentions = _person_mentions(doc, text, officials)
        found: list[Recommendation] = []
        for ask in asks:
            items, lead = _items(text, ask)
            issuer = _issuer(text, officials, ask, sentences, mentions)
            default_addressee = _addressee(text, *lead)
            verb = ask.verb.casefold()
            for start, end in items:
                if len(_WORD.findall(text, start, end)) < self.min_item_words:
                    continue
                found.append(
                    Recommendation(
                        text=text[start:end],
                        issuer=issuer,
                        addressee=_addressee(text, start, end) or default_addressee,
                        verb=verb,
                        span=Span(start=start, end=end, text=text[start:end]),
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
