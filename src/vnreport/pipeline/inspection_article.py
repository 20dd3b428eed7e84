"""What the inspection component reads: its lexicon, and the Doc's text and records indexed by
offset (sentences, officials, units and groups, the event date)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.admin_units import KIND as UNITS_KIND
from vnreport.pipeline.dates import KIND as DATES_KIND
from vnreport.pipeline.groups import KIND as GROUPS_KIND
from vnreport.pipeline.officials import KIND as OFFICIALS_KIND
from vnreport.pipeline.segments import content_sentences
from vnreport.records import AdminUnit, EventDate, Official, ResidentialGroup, Span
from vnreport.resources import load_json
from vnreport.text.normalize import fold
from vnreport.text.script import alternation, word_start_alternation

# Level of a target: a unit after another one and a comma is its address when it is higher.
LEVELS = {"tỉnh": 0, "thành phố": 1, "quận": 1, "huyện": 1, "thị xã": 1}
WARD_LEVEL, GROUP_LEVEL = 2, 3
_TRIM = " ,.;:–-\n"
_DAY = r"\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?(?!\d)"  # "12/6", "3-11-2024"


# a plan clause ends at a comma before a time, a place or a capitalised subject
_CLAUSE_END = (
    r"(?=(?i:sáng|chiều|tối|trưa|ngày|vừa qua|mới đây|tại|hôm nay|từ ngày)(?!\w)|[A-ZĐ0-9])"
)


def _words(words: list[str], *, cased: bool = True) -> str:
    """An alternation of whole words: a word edge is required only where the entry has one.
    A `cased` pattern opens with the words' first letters, so a search skips ahead fast."""
    bounded = [w for w in words if w[:1].isalnum() and w[-1:].isalnum()]
    whole = word_start_alternation(bounded) if cased else rf"(?<!\w)(?:{alternation(bounded)})"
    parts = [whole + r"(?!\w)"] if bounded else []
    for word in sorted(set(words) - set(bounded), key=len, reverse=True):
        before = r"(?<!\w)" if word[:1].isalnum() else ""
        after = r"(?!\w)" if word[-1:].isalnum() else ""
        parts.append(before + re.escape(word) + after)
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Lexicon:
    """The compiled patterns of `resources/inspections.json`."""

    kinds: dict[str, str]
    verb: re.Pattern[str]
    body_head: re.Pattern[str]
    body_end: re.Pattern[str]
    leader_after: re.Pattern[str]
    leader_before: re.Pattern[str]
    leader_list: re.Pattern[str]
    member: re.Pattern[str]
    preposition: re.Pattern[str]
    purpose: re.Pattern[str]
    joined_verb: re.Pattern[str]
    topic_lead: re.Pattern[str]
    topic_end: re.Pattern[str]
    body_topic_skip: re.Pattern[str]
    site_subject: re.Pattern[str]
    site_subject_name: re.Pattern[str]
    site_adverbs: re.Pattern[str]
    site_verb: re.Pattern[str]
    not_visit: re.Pattern[str]
    verb_blocker: re.Pattern[str]
    ask: re.Pattern[str]
    organization: re.Pattern[str]
    establishments: frozenset[str]
    topic_head: re.Pattern[str]
    topic_leads_after: frozenset[str]
    body_lead_in: re.Pattern[str]
    passive: re.Pattern[str]
    organization_end: re.Pattern[str]
    scope_head: re.Pattern[str]
    voters: re.Pattern[str]
    topic_dangling: re.Pattern[str]
    preposition_compounds: tuple[str, ...]
    plan_clause: re.Pattern[str]
    plan_citation: re.Pattern[str]
    plan_more: re.Pattern[str]
    venue: re.Pattern[str]
    arrival: re.Pattern[str]
    organization_blocker: re.Pattern[str]
    owner: re.Pattern[str]
    secondary_marker: re.Pattern[str]
    same_day: frozenset[str]
    titled_subject: re.Pattern[str]
    co_leader_join: re.Pattern[str]
    unit_word: re.Pattern[str]
    leader_gap: re.Pattern[str]
    secondary_adverbs: re.Pattern[str]
    secondary_aside: re.Pattern[str]
    secondary_subject: re.Pattern[str]
    partner: re.Pattern[str]
    object_lead_skip: re.Pattern[str]
    period_topic: re.Pattern[str]
    trailing_period: re.Pattern[str]
    plural_units: re.Pattern[str]
    timing_topic: re.Pattern[str]
    host: re.Pattern[str]
    co_leaders: re.Pattern[str]
    verb_heads: frozenset[str]
    parallel_delegation: re.Pattern[str]
    led_by: re.Pattern[str]
    unit_body_partner: re.Pattern[str]
    same_topic: re.Pattern[str]
    role_first: re.Pattern[str]
    bare_honorific: re.Pattern[str]
    visited_people: re.Pattern[str]
    organized_delegations: re.Pattern[str]
    activity_noun: re.Pattern[str]
    noun_body_end: re.Pattern[str]
    verb_object: re.Pattern[str]
    leading_clause: re.Pattern[str]
    unit_body_head: re.Pattern[str]
    unit_body_gap: re.Pattern[str]
    subject_gap: re.Pattern[str]


@cache
def lexicon() -> Lexicon:
    """The lexicon, compiled once."""
    data = load_json("inspections")
    verbs = _words(list(data["kinds"]), cased=False)
    return Lexicon(
        kinds={fold(word): kind for word, kind in data["kinds"].items()},
        verb=re.compile(verbs, re.IGNORECASE),
        body_head=re.compile(_words(data["body_heads"])),
        body_end=re.compile(alternation(data["body_ends"])),
        leader_after=re.compile(_words(data["leader_after"])),
        leader_before=re.compile(_words(data["leader_before"]) + " "),
        leader_list=re.compile(" (?:" + alternation(data["leader_lists"]) + ") "),
        member=re.compile(_words(data["member_markers"])),
        preposition=re.compile(" " + _words(data["target_prepositions"]) + " "),
        purpose=re.compile(" " + _words(data["purpose_links"]) + " (" + verbs + ")"),
        joined_verb=re.compile(
            "(?: và|,)? (" + verbs + "|" + _words(data["verb_companions"], cased=False) + ")"
        ),
        topic_lead=re.compile(_words(data["topic_leads"])),
        topic_end=re.compile(alternation(data["topic_ends"])),
        body_topic_skip=re.compile("(?:" + _words(data["body_topic_skip"]) + " )+"),
        site_subject=re.compile(_words(data["site_subjects"])),
        site_subject_name=re.compile("(?: (?:" + alternation(data["site_subject_names"]) + "))*"),
        site_adverbs=re.compile("(?: (?:" + alternation(data["site_adverbs"]) + ")(?!\\w))*"),
        site_verb=re.compile(" " + _words(data["site_verbs"])),
        not_visit=re.compile(" " + _words(data["not_visit"])),
        verb_blocker=re.compile(
            "(?:^|\\W)(?:" + alternation([*data["verb_blockers"], *data["noun_compounds"]]) + ") $"
        ),
        ask=re.compile(" " + _words(data["asks"]) + " "),
        organization=re.compile(
            _words([*data["organization_heads"], *data["establishment_heads"]])
        ),
        establishments=frozenset(data["establishment_heads"]),
        topic_head=re.compile(_words(data["topic_heads"])),
        topic_leads_after=frozenset(data["topic_leads_after"]),
        body_lead_in=re.compile("(?:^|\\W)(?:" + alternation(data["body_lead_ins"]) + ") $"),
        passive=re.compile("(?:^|\\W)(?:" + alternation(data["passive_markers"]) + ") $"),
        organization_end=re.compile(alternation([*data["organization_ends"], " và "])),
        scope_head=re.compile(_words(data["scope_heads"])),
        voters=re.compile(
            "(?: (?:" + alternation(data["voter_quantifiers"]) + r"|[\d.]+)(?!\w))* cử tri(?!\w)"
        ),
        topic_dangling=re.compile(
            r"(?:[\s,;]+(?:" + alternation(data["topic_dangling"]) + r"))+[\s,;.]*\Z"
        ),
        preposition_compounds=tuple(data["preposition_compounds"]),
        plan_clause=re.compile(
            r"\s*(?:"
            + alternation(data["plan_openers"])
            + ") (?:"
            + alternation(data["plan_documents"])
            + r")(?!\w)[^\n]{0,300}?, "
            + _CLAUSE_END
        ),
        plan_citation=re.compile(
            "(?: theo (?:"
            + alternation(data["plan_documents"])
            + ")| (?:"
            + alternation(data["report_markers"])
            + r"))(?!\w)[^,;.]*"
        ),
        # "…, Kế hoạch số 08/KH-HĐND, ngày 27/4/2018 của …, vừa qua …": the clause goes on
        plan_more=re.compile(
            r"(?:(?:" + alternation(data["plan_documents"]) + r")(?!\w)"
            rf"|ngày ?{_DAY} (?:của|về)(?!\w))[^\n]{{0,300}}?, " + _CLAUSE_END
        ),
        venue=re.compile("(?:^|\\W)(?:" + alternation(data["venue_markers"]) + ") $"),
        arrival=re.compile(" (?:" + alternation(data["arrival_verbs"]) + ") $"),
        owner=re.compile(" (?:" + alternation(data["owner_markers"]) + r")(?!\w)"),
        organization_blocker=re.compile(
            "(?:^|\\W)(?:" + alternation(data["organization_blockers"]) + ") $"
        ),
        secondary_marker=re.compile(
            r"\s*(?:(?:" + alternation(data["dated_openers"]) + r"), "
            r"(?:(?i:(?P<day>" + alternation(data["secondary_markers"]) + r"))(?!\w)"
            r"|(?i:" + alternation(data["secondary_day_parts"]) + rf") {_DAY})"
            r"|(?P<word>" + alternation(data["secondary_markers"]) + rf")(?!\w)(?: {_DAY})?"
            r"|(?:" + alternation(data["secondary_day_parts"]) + rf") {_DAY}"
            r"|(?P<clause>" + alternation(data["secondary_clause_markers"]) + r")(?!\w)"
            r"[^,.;:\n]{0,80}),? "
        ),
        same_day=frozenset(word.casefold() for word in data["same_day_markers"]),
        co_leader_join=re.compile(" và (?:(?:" + alternation(data["subject_honorifics"]) + ") )?$"),
        titled_subject=re.compile("(?:(?:" + alternation(data["subject_honorifics"]) + ") )?"),
        unit_word=re.compile(
            " (?:" + alternation(list(load_json("admin_types")["types"])) + ")(?!\\w)"
        ),
        # "Trưởng đoàn là đồng chí X": the mention starts where group 1 starts or ends
        leader_gap=re.compile(
            "(?:(?:"
            + alternation(data["leader_gap_words"])
            + r"|số \d+) ?)?(?:(?:là|có):?|:) ((?:(?:"
            + alternation(data["subject_honorifics"])
            + "):? )?)"
        ),
        partner=re.compile(" (?:" + alternation(data["partner_markers"]) + ") $"),
        secondary_aside=re.compile(
            r"(?:" + alternation(data["secondary_asides"]) + r")(?!\w)[^,.;:\n]{1,60}, "
        ),
        secondary_subject=re.compile(_words([*data["site_subjects"], *data["secondary_subjects"]])),
        secondary_adverbs=re.compile(
            "(?: (?:" + alternation(data["secondary_adverbs"]) + r")(?!\w))* "
        ),
        object_lead_skip=re.compile(
            "(?: (?:"
            + alternation(data["object_lead_skips"])
            + r")(?!\w)(?: (?:\d+|[IVXL]+)(?!\w))?)+"
        ),
        unit_body_head=re.compile(_words(data["unit_body_heads"])),
        subject_gap=re.compile(" (?:" + alternation(data["unit_body_gap"]) + r")(?!\w) ?$"),
        unit_body_gap=re.compile("(?: (?:" + alternation(data["unit_body_gap"]) + r")(?!\w))* "),
        leading_clause=re.compile(
            "(?<!\\w)(?:" + alternation(data["leading_clauses"]) + ")(?!\\w)", re.IGNORECASE
        ),
        verb_heads=frozenset(data["verb_heads"]),
        organized_delegations=re.compile(
            "(?:^|\\W)(?:" + alternation(data["organized_delegations"]) + ") $"
        ),
        # "… do bà X …": group 1 ends before the honorific, the match after it
        visited_people=re.compile(_words(data["visited_people"])),
        role_first=re.compile(
            "(?<!\\w)(?:"
            + alternation(data["role_first"])
            + ")(?: (?:"
            + alternation(data["leader_gap_words"])
            + r"|liên ngành|số \d+))*, ((?:(?:"
            + alternation(data["subject_honorifics"])
            + ") )?)"
        ),
        bare_honorific=re.compile(_words(data["bare_honorifics"]) + "(?= )"),
        same_topic=re.compile(alternation(data["same_topic_markers"])),
        unit_body_partner=re.compile(" (?:" + alternation(data["unit_body_partner"]) + ") "),
        led_by=re.compile(
            " do ()(?:(?:" + alternation(data["subject_honorifics"]) + ") )?", re.IGNORECASE
        ),
        parallel_delegation=re.compile(_words(data["parallel_delegations"])),
        activity_noun=re.compile(
            _words(data["activity_nouns"]) + " (?P<verb>" + verbs + ") của ", re.IGNORECASE
        ),
        noun_body_end=re.compile(alternation(data["noun_body_ends"])),
        verb_object=re.compile(" " + _words(data["verb_objects"])),
        co_leaders=re.compile(_words(data["co_leader_lists"]) + ":? "),
        host=re.compile(_words(data["host_markers"])),
        timing_topic=re.compile(alternation(data["timing_topics"]) + r"(?!\w)"),
        # "… bếp ăn tập thể trong trường học năm 2025": the year closes the topic, no part of it
        trailing_period=re.compile(
            r"[ ,]+(?:trong |của )?(?:"
            + alternation(data["closing_periods"])
            + r") \d{4}(?: ?[-–] ?\d{4})?\Z"
        ),
        # "Ủy ban MTTQ Việt Nam các xã A, B và C": one body of each unit, none named
        plural_units=re.compile(
            " (?:"
            + alternation(load_json("group_types")["plural_markers"])
            + ") (?:"
            + alternation([*load_json("admin_types")["types"], *load_json("group_types")["types"]])
            + ")(?!\\w)"
        ),
        period_topic=re.compile(
            r"(?:\d+ )?(?:{heads})(?:[ ,/\-–]+(?:\d+|[IVX]+|và|đến|{heads}))*".format(
                heads=alternation(data["period_topic_heads"])
            )
        ),
    )


@dataclass(frozen=True, slots=True)
class Place:
    """One mention of a unit or group, with what it refers to."""

    start: int
    end: int
    type: str
    name: str
    level: int

    @property
    def key(self) -> tuple[str, str]:
        return self.type, fold(self.name)


class Article:
    """The Doc's text and the records the other components put on it, indexed by offset."""

    def __init__(self, doc: Doc) -> None:
        self.text = store.text(doc)
        self.sentences = list(content_sentences(doc))
        self._sentence_starts = [sentence.start for _, sentence in self.sentences]
        self.officials = store.get(doc, OFFICIALS_KIND, Official)
        self.dates = store.get(doc, DATES_KIND, EventDate)
        units = store.get(doc, UNITS_KIND, AdminUnit)
        # "phường Thục Phán" closing "Trung tâm Phục vụ hành chính công phường Thục Phán"
        self.unit_names = {fold(f" {u.type} {u.name}"): (u.type, u.name) for u in units}
        places = [
            Place(m.start, m.end, u.type, u.name, LEVELS.get(u.type, WARD_LEVEL))
            for u in units
            for m in u.mentions
            if not self._organization_misread(m.start, m.end)
        ] + [
            Place(m.start, m.end, g.type, g.name, GROUP_LEVEL)
            for g in store.get(doc, GROUPS_KIND, ResidentialGroup)
            for m in g.mentions
        ]
        self.places = sorted(places, key=lambda p: p.start)
        self._place_starts = [p.start for p in self.places]
        people = [(m.start, m.end, o) for o in self.officials for m in o.mentions]
        self.people = sorted(people, key=lambda item: item[0])
        self._people_starts = [item[0] for item in self.people]

    def _organization_misread(self, start: int, end: int) -> bool:
        """Whether a unit's bare name listed after "và" is the start of an organization's name
        that goes on ("xã Đồng Tâm và Trường Mầm non …" gives no "xã Trường Mầm")."""
        lex, text = lexicon(), self.text
        listed = text.endswith((" và ", ", "), 0, start)
        goes_on = text[end : end + 1] == " " and text[end + 1 : end + 2].isalnum()
        named = lex.organization.match(text, start) is not None
        return listed and goes_on and named and lex.organization_end.match(text, end) is None

    def places_in(self, start: int, end: int) -> list[Place]:
        """Unit and group mentions that start inside `[start, end)`."""
        low = bisect.bisect_left(self._place_starts, start)
        high = bisect.bisect_left(self._place_starts, end)
        return self.places[low:high]

    def person_before(self, start: int, end: int) -> Official | None:
        """The official whose mention starts last inside `[start, end)`."""
        index = bisect.bisect_left(self._people_starts, end) - 1
        if index >= 0 and self.people[index][0] >= start:
            return self.people[index][2]
        return None

    def person_at(self, start: int) -> Official | None:
        """The official whose mention starts at `start`."""
        index = bisect.bisect_left(self._people_starts, start)
        if index < len(self.people) and self.people[index][0] == start:
            return self.people[index][2]
        return None

    def people_in(self, start: int, end: int) -> list[tuple[int, int, Official]]:
        """Official mentions that start inside `[start, end)`."""
        low = bisect.bisect_left(self._people_starts, start)
        high = bisect.bisect_left(self._people_starts, end)
        return self.people[low:high]

    def sentence_at(self, offset: int) -> int | None:
        """The index of the content sentence holding `offset`, if any."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index][1].end:
            return index
        return None

    def opening(self, sentence: Span) -> int:
        """Where a sentence's own words begin: after a leading plan clause ("Thực hiện Kế
        hoạch số … của Thường trực HĐND huyện về …, sáng 14/3, Đoàn …"), else its start."""
        lex = lexicon()
        opening = sentence.start
        clause = lex.plan_clause.match(self.text, opening, sentence.end)
        while clause is not None:
            opening = clause.end()
            clause = lex.plan_more.match(self.text, opening, sentence.end)
        return opening

    def span(self, start: int, end: int) -> Span | None:
        """The span of `text[start:end]` without surrounding spaces and punctuation."""
        while start < end and self.text[start] in _TRIM:
            start += 1
        while end > start and self.text[end - 1] in _TRIM:
            end -= 1
        return store.grounded(self.text, start, end) if end > start else None
