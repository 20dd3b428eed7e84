"""Who asked: the issuer of a recommendation, from the names and bodies around its verb."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc

from vnreport.pipeline.recommendation_lexicon import Ask, Mention, Sentence, load_lexicon
from vnreport.pipeline.segments import content_sentences
from vnreport.records import Official

_OPENING = 5000  # characters read for the delegation a bare "Đoàn" refers to


class Mentions:
    """Mentions of named people in text order, with range look-ups in logarithmic time."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda mention: mention.start)
        self._starts = [mention.start for mention in self._mentions]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a mention overlaps `[start, end)`."""
        index = bisect.bisect_left(self._starts, end)
        return any(m.end > start for m in self._mentions[max(0, index - 2) : index])

    def within(self, start: int, end: int) -> list[Mention]:
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


def person_mentions(doc: Doc, text: str, officials: Sequence[Official]) -> Mentions:
    """Every mention of a named person: the officials component's, then name patterns.

    Names found by pattern count only where no official mention lies, so an official is always
    named as the officials component recorded them.
    """
    recorded = Mentions(
        Mention(span.start, span.end, official.name)
        for official in officials
        for span in official.mentions
    )
    patterned = [m for m in _pattern_mentions(doc, text) if not recorded.overlaps(m.start, m.end)]
    return Mentions([*recorded.within(0, len(text)), *patterned])


def _pattern_mentions(doc: Doc, text: str) -> list[Mention]:
    lexicon = load_lexicon()
    found: dict[int, Mention] = {}
    for _, sentence in content_sentences(doc):
        for match in lexicon.honorific_name.finditer(text, sentence.start, sentence.end):
            found[match.start("name")] = Mention(match.start(), match.end(), match.group("name"))
        for match in lexicon.surname_name.finditer(text, sentence.start, sentence.end):
            name_start = match.start("name")
            if name_start in found or lexicon.name_blocker.search(
                text, max(0, name_start - 12), name_start
            ):
                continue
            found[name_start] = Mention(name_start, match.end(), match.group("name"))
    return sorted(found.values(), key=lambda mention: mention.start)


def _body(text: str, start: int, end: int) -> str | None:
    """The body a clause opens with, when the clause before the verb names one."""
    lexicon = load_lexicon()
    clause_start = max(text.rfind(mark, start, end) for mark in ",;:") + 1
    clause_start = max(clause_start, start)
    clause = text[clause_start:end].strip()
    for adverb in lexicon.clause_adverbs:
        clause = clause.removesuffix(f" {adverb}")
    head = lexicon.body.match(clause) if clause else None
    if head is None or len(clause.split()) > 10:
        return None
    delegation = lexicon.delegation.match(clause)
    spoken = f" {clause[head.end() :]} "  # after the body's head word: "Thường trực" is no act
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
    return load_lexicon().delegation.search(text, 0, min(before, _OPENING))


def _title_match(officials: Sequence[Official], text: str, start: int, end: int) -> str | None:
    """An official whose title the clause before the verb repeats ("Phó Chủ tịch UBND tỉnh")."""
    clause = text[start:end].casefold()
    for official in officials:
        if official.title and official.title.casefold() in clause:
            return official.name
    return None


def find_issuer(
    text: str,
    officials: Sequence[Official],
    ask: Ask,
    sentences: Sequence[Sentence],
    mentions: Mentions,
) -> str | None:
    """Who asked, tried in order: a body heading the clause before the verb, the nearest named
    person before it in the sentence, the last named person when the sentence says only "đồng
    chí" or "ông", an official whose title the sentence repeats, a delegation opening the
    sentence, and the nearest named person of the previous sentence."""
    sentence = sentences[ask.sentence]
    verb = ask.verb_start
    before = mentions.within(sentence.start, verb)
    honorific = load_lexicon().honorific.search(text, sentence.start, verb)
    previous = sentences[ask.sentence - 1] if ask.sentence > 0 else sentence
    delegation = load_lexicon().delegation.match(text, sentence.start)
    candidates: tuple[Callable[[], str | None], ...] = (
        lambda: _clause_body(text, sentence.start, verb, before),
        lambda: before[-1].name if before else None,
        lambda: mentions.last_name(0, sentence.start) if honorific else None,
        lambda: _title_match(officials, text, sentence.start, verb),
        lambda: delegation.group() if delegation else None,
        lambda: mentions.last_name(previous.start, sentence.start),
    )
    return next((name for candidate in candidates if (name := candidate()) is not None), None)


def _clause_body(text: str, start: int, verb: int, before: Sequence[Mention]) -> str | None:
    """The body heading the clause right before the verb, unless a person is named there."""
    body = _body(text, start, verb)
    if body is None:
        return None
    clause_start = verb - len(body) - 2
    if any(m.start >= clause_start for m in before):
        return None
    return None if load_lexicon().honorific.search(text, clause_start, verb) else body
