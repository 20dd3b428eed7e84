"""The lexicon of the recommendations component, and the records its steps pass around."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vnreport.records import Segment
from vnreport.resources import load_json, load_lines
from vnreport.text.script import alternation, word_start_alternation


@cache
def upper_letters() -> str:
    """The upper-case letters of Latin script, for matching capitalized syllables."""
    return "".join(chr(c) for c in range(0x41, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())


@dataclass(frozen=True)
class Lexicon:
    trigger: re.Pattern[str]
    not_before: re.Pattern[str]
    not_after: re.Pattern[str]
    compounds: dict[str, re.Pattern[str]]
    nouns_before: dict[str, re.Pattern[str]]
    passive: re.Pattern[str]
    imperative: re.Pattern[str]
    noun_item: re.Pattern[str]
    coordinated: re.Pattern[str]
    modal_clause: re.Pattern[str]
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
def load_lexicon() -> Lexicon:
    data = load_json("recommendations_lexicon")
    # Who can ask: honorifics, event roles and titles come from the officials' lexicon.
    people = load_json("titles")
    # Openings of scanned patterns: `word_start_alternation` lets the engine skip ahead.
    honorifics = word_start_alternation([*people["honorifics"], *people["roles"]])
    heads = people["heads"]
    surnames = word_start_alternation(load_lines("surnames"))
    titles = word_start_alternation(
        [*heads, *(f"{d} {h}" for d in people["deputy"] for h in heads)]
    )
    verbs = alternation([*data["verbs"], *data["need"]])
    upper = upper_letters()
    syllable = rf"[{upper}]\w*"
    markers = alternation(data["list_markers"])
    return Lexicon(
        trigger=re.compile(rf"(?<!\w)(?:{verbs})(?!\w)", re.IGNORECASE),
        not_before=re.compile(
            rf"(?:^|[\s(])(?:{alternation(data['not_before'])}),?[ ]$", re.IGNORECASE
        ),
        not_after=re.compile(rf"[ ](?:{alternation(data['not_after'])})(?!\w)"),
        compounds={
            verb: re.compile(rf"[ ](?:{alternation(words)})(?!\w)")
            for verb, words in data["compounds"].items()
        },
        nouns_before={
            verb: re.compile(rf"(?<!\w)(?:{alternation(words)})[ ]$", re.IGNORECASE)
            for verb, words in data["nouns_before"].items()
        },
        passive=re.compile(rf"[ ]được[ ](?:{alternation(data['passive_verbs'])})(?!\w)"),
        imperative=re.compile(rf"(?:{alternation(_openers(data))})(?!\w)", re.IGNORECASE),
        need_cue=re.compile(rf"{word_start_alternation(data['need_cues'])}(?!\w)"),
        separator=re.compile(
            rf";|,[ ]?(?:[Đđ]ồng thời(?!\w),?|(?:bên cạnh đó|ngoài ra),)"
            rf"|(?<!\w)(?:{markers})(?!\w)[,:]?"
        ),
        list_start=re.compile(rf"{word_start_alternation(data['list_markers'])}(?!\w)"),
        continuation=re.compile(
            rf"(?:{alternation(data['continuations'])})(?!\w),?", re.IGNORECASE
        ),
        leading_verb=re.compile(rf"(?:{verbs})(?!\w)[,:]?", re.IGNORECASE),
        noun_item=re.compile(
            rf"(?:{alternation(data['not_before'])})[ ](?:{verbs})(?!\w)", re.IGNORECASE
        ),
        coordinated=re.compile(rf"[ ]?,[ ]?(?:{verbs})(?!\w)", re.IGNORECASE),
        modal_clause=re.compile(
            rf"[^,;:.]{{1,80}}?[ ](?:{alternation(data['modals'])})[ ]", re.IGNORECASE
        ),
        keep_leading=frozenset(data["keep_leading"]),
        honorific=re.compile(rf"{honorifics}(?!\w)"),
        title=re.compile(rf"{titles}(?!\w)"),
        honorific_name=re.compile(
            rf"{honorifics}[ ]"
            rf"(?P<name>{syllable}(?:[ ]{syllable}){{1,3}})(?!\w)"
        ),
        surname_name=re.compile(rf"(?P<name>{surnames}(?:[ ]{syllable}){{2,3}})(?!\w)"),
        name_blocker=re.compile(rf"(?<!\w)(?:{alternation(data['name_blockers'])})[ ]$"),
        body=re.compile(rf"(?:{alternation(data['bodies'])})(?!\w)"),
        addressee_head=re.compile(rf"(?:{alternation(data['addressee_heads'])})(?!\w)"),
        action=re.compile(rf"[ ](?:{alternation(data['actions'])})(?!\w)"),
        finding=re.compile(rf"{word_start_alternation(data['finding_markers'])}(?!\w)"),
        delegation=re.compile(rf"(?<!\w)Đoàn (?:{alternation(data['delegations'])})(?!\w)"),
        clause_adverbs=tuple(data["clause_adverbs"]),
        need=frozenset(data["need"]),
        needs_addressee=frozenset(data["needs_addressee"]),
    )


def _openers(data: dict[str, list[str]]) -> list[str]:
    """Verbs that open an imperative sentence: "Tập trung …", "Phấn đấu …"."""
    excluded = set(data["imperative_not"])
    return [w for w in [*data["actions"], *data["imperative_extra"]] if w not in excluded]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    segment: Segment
    first_in_segment: bool


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Ask:
    verb: str
    verb_start: int
    sentence: int
    pieces: tuple[tuple[int, int], ...]
    passive: bool = False  # "Các chi bộ được yêu cầu …": the item is the whole sentence
