"""Recommendations: the asks an official or a body makes, one item per action.

An ask starts at a verb ("đề nghị", "yêu cầu", "đề xuất", "kiến nghị", "chỉ đạo", "giao",
"lưu ý", and "cần" after "nhấn mạnh"-like speech verbs) that is not a noun or a finding ("theo
yêu cầu", "lãnh đạo, chỉ đạo", "đã giao", "giao thông"). Its scope is the rest of the sentence,
plus the bullet or "Một là …" lines after a sentence that ends in a colon, plus a following
sentence that opens with "Đồng thời". The scope is split into items at ";", at "đồng thời", at
list markers and at bullets; a lead-in before a colon ("phường cần tập trung một số nội dung:")
is not an item. Comma-joined verbs ("rà soát, kiểm tra, đánh giá và nhân rộng …") stay one item.

The issuer is the nearest official mention before the verb in the same sentence (a bare "đồng
chí" or "ông" means the last named official), else the body the clause opens with ("Đoàn kiểm
tra", "UBND xã …"), else the nearest official in the previous sentence. Officials come from the
officials component; when it stored none, names after an honorific or a known surname are used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.segments import content_sentences
from vnreport.records import Official, Recommendation, Segment, Span
from vnreport.resources import load_json

KIND = "recommendations"

_BULLET = re.compile(r"[-+•*–]\s|\d{1,2}[.)]\s|[a-zđ][.)]\s")
_LEAD_PUNCT = " ,:;-+•*–.\n"
_TRAIL_PUNCT = " ;.…,:\n"
_WORD = re.compile(r"\w+")
_NUMBER_NEXT = re.compile(r"[ ]?\d")
_DELEGATION = re.compile(
    r"(?<!\w)Đoàn (?:kiểm tra|giám sát|công tác|khảo sát|thanh tra|liên ngành)(?!\w)"
)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first so the longest one wins."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


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
    honorific_name: re.Pattern[str]
    surname_name: re.Pattern[str]
    name_blocker: re.Pattern[str]
    body: re.Pattern[str]
    addressee_head: re.Pattern[str]
    action: re.Pattern[str]
    finding: re.Pattern[str]
    need: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_json("recommendations_lexicon")
    verbs = _alternation([*data["verbs"], *data["need"]])
    upper = _upper()
    syllable = rf"[{upper}]\w*"
    markers = _alternation(data["list_markers"])
    return _Lexicon(
        trigger=re.compile(rf"(?<!\w)(?:{verbs})(?!\w)", re.IGNORECASE),
        not_before=re.compile(
            rf"(?:^|[\s(])(?:{_alternation(data['not_before'])}),?[ ]$", re.IGNORECASE
        ),
        not_after=re.compile(rf"[ ](?:{_alternation(data['not_after'])})(?!\w)", re.IGNORECASE),
        need_cue=re.compile(rf"(?<!\w)(?:{_alternation(data['need_cues'])})(?!\w)"),
        separator=re.compile(rf";|,[ ]?[Đđ]ồng thời(?!\w),?|(?<!\w)(?:{markers})(?!\w)[,:]?"),
        list_start=re.compile(rf"(?:{markers})(?!\w)"),
        continuation=re.compile(rf"(?:{_alternation(data['continuations'])})(?!\w),?"),
        leading_verb=re.compile(rf"(?:{verbs})(?!\w)[,:]?", re.IGNORECASE),
        keep_leading=frozenset(data["keep_leading"]),
        honorific=re.compile(rf"(?<!\w)(?:{_alternation(data['honorifics'])})(?!\w)"),
        honorific_name=re.compile(
            rf"(?<!\w)(?:{_alternation(data['honorifics'])})[ ]"
            rf"(?P<name>{syllable}(?:[ ]{syllable}){{1,3}})(?!\w)"
        ),
        surname_name=re.compile(
            rf"(?<!\w)(?P<name>(?:{_alternation(data['surnames'])})(?:[ ]{syllable}){{2,3}})(?!\w)"
        ),
        name_blocker=re.compile(rf"(?<!\w)(?:{_alternation(data['name_blockers'])})[ ]$"),
        body=re.compile(rf"(?:{_alternation(data['bodies'])})(?!\w)"),
        addressee_head=re.compile(rf"(?:{_alternation(data['addressee_heads'])})(?!\w)"),
        action=re.compile(rf"[ ](?:{_alternation(data['actions'])})(?!\w)"),
        finding=re.compile(rf"(?<!\w)(?:{_alternation(data['finding_markers'])})(?!\w)"),
        need=frozenset(data["need"]),
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


def _is_trigger(text: str, sentence: _Sentence, match: re.Match[str]) -> bool:
    """Whether an ask verb found in a sentence really asks, rather than names or reports."""
    lexicon = _lexicon()
    start, end = match.start(), match.end()
    if text[start].isupper() and start > sentence.start:
        before = text[sentence.start : start].rstrip()
        if before and before[-1] not in ',:;"(-–':
            return False  # "Ban Chỉ đạo", "Tổ Giao Lâm"
    if lexicon.not_before.search(text, max(0, start - 24), start):
        return False
    if lexicon.not_after.match(text, end, min(sentence.end, end + 24)):
        return False
    if _NUMBER_NEXT.match(text, end):
        return False  # "chỉ tiêu huyện giao 95%": a figure, not an ask
    if match.group().casefold() in lexicon.need:
        cue = lexicon.need_cue.search(text, sentence.start, start)
        return cue is not None and _people_or_body(text, sentence.start, cue.start())
    return True


def _people_or_body(text: str, start: int, end: int) -> bool:
    lexicon = _lexicon()
    return bool(lexicon.honorific.search(text, start, end) or lexicon.body.search(text, start, end))


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
        _is_trigger(text, sentence, m)
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
        trigger = next(
            (
                m
                for m in lexicon.trigger.finditer(text, sentence.start, sentence.end)
                if _is_trigger(text, sentence, m)
            ),
            None,
        )
        if trigger is None:
            continue
        pieces = [(trigger.end(), sentence.end)]
        rest = text[trigger.end() : sentence.end].rstrip()
        if not rest.strip(_LEAD_PUNCT) or rest.endswith(":"):
            while index < len(sentences) and (
                _is_list_line(text, sentences[index])
                or (
                    not sentences[index].first_in_segment
                    and len(pieces) > 1
                    and sentences[index].segment is sentences[index - 1].segment
                )
            ):
                pieces.append((sentences[index].start, sentences[index].end))
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


def _person_mentions(doc: Doc, text: str, officials: Sequence[Official]) -> list[_Mention]:
    """Every mention of a named person: the officials component's, then name patterns.

    Names found by pattern count only where no official mention lies, so an official is always
    named as the officials component recorded them.
    """
    found = [
        _Mention(span.start, span.end, official.name)
        for official in officials
        for span in official.mentions
    ]
    for mention in _pattern_mentions(doc, text):
        if not any(m.start < mention.end and mention.start < m.end for m in found):
            found.append(mention)
    return sorted(found, key=lambda mention: mention.start)


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
    for adverb in (" cũng", " đã", " tiếp tục", " đồng thời", " thì"):
        clause = clause.removesuffix(adverb)
    if not clause or not lexicon.body.match(clause) or len(clause.split()) > 10:
        return None
    if clause.casefold() == "đoàn":
        # "Đoàn đề nghị" names the delegation introduced earlier: "Đoàn giám sát của …".
        named = _DELEGATION.search(text, 0, start)
        if named is not None:
            return named.group()
    return clause


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
    mentions: Sequence[_Mention],
) -> str | None:
    sentence = sentences[ask.sentence]
    before = [m for m in mentions if sentence.start <= m.start and m.end <= ask.verb_start]
    body = _body(text, sentence.start, ask.verb_start)
    if body is not None and not any(m.start >= ask.verb_start - len(body) - 2 for m in before):
        clause_has_person = _lexicon().honorific.search(
            text, ask.verb_start - len(body) - 2, ask.verb_start
        )
        if clause_has_person is None:
            return body
    if before:
        return before[-1].name
    if _lexicon().honorific.search(text, sentence.start, ask.verb_start):
        earlier = [m for m in mentions if m.end <= sentence.start]
        if earlier:
            return earlier[-1].name
    titled = _title_match(officials, text, sentence.start, ask.verb_start)
    if titled is not None:
        return titled
    if ask.sentence > 0:
        previous = sentences[ask.sentence - 1]
        earlier = [m for m in mentions if previous.start <= m.start and m.end <= sentence.start]
        if earlier:
            return earlier[-1].name
    return None


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
        text = doc.text
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
