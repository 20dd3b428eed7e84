"""The `vnreport_dates` component: the date of the reported event.

"Sáng ngày 14/9", "Chiều 16-10", "Ngày 3/11/2024", "sáng nay (5/6)", "ngày 5 tháng 6 năm 2024".
The first such date in the lead (else the title, else the body) is the event date; its year stays
null unless the text gives one (the Report builder may take it from the publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from vnreport.pipeline import store
from vnreport.pipeline.segments import content_sentences
from vnreport.records import EventDate
from vnreport.resources import load_json
from vnreport.text.script import alternation

KIND = "dates"
_SEGMENT_PRIORITY = {"lead": 0, "title": 1, "body": 2, "caption": 3}


@cache
def _pattern() -> re.Pattern[str]:
    cues = sorted(load_json("dates")["cues"], key=len, reverse=True)
    cue = "|".join(re.escape(word) for word in cues)
    # "24 và 25/7", "từ ngày 24 đến ngày 26/7/2024": the first day
    other_day = r"(?:(?: và | đến | - | – |-|–|, ?)(?:ngày )?\d{1,2})?"
    numeric = (
        rf"(?P<d>\d{{1,2}}){other_day}\s?[/.-]\s?(?P<m>\d{{1,2}})"
        r"(?:\s?[/.-]\s?(?P<y>\d{4}))?(?![\d/])"
    )
    spelled = r"(?P<d2>\d{1,2}) tháng (?P<m2>\d{1,2})(?: năm (?P<y2>\d{4}))?(?!\d)"
    return re.compile(
        f"(?<!\\w)(?:{cue})(?: (?:{cue}))?[ ,]*\\(?(?:ngày )?(?:{numeric}|{spelled})",
        re.IGNORECASE,
    )


@cache
def _excluded_before() -> re.Pattern[str]:
    """What, right before a cued date, makes it a deadline or a document's date."""
    words = alternation(load_json("dates")["not_after"])
    # after its slash a number holds more than digits: "12/3/2024, chiều 9/4" ends a date
    document = r"(?:số[ ]?)?\d+[ ]?/(?![\d/]+[ ,]*\Z)[\w.-]*(?:/[\w.-]+)?|số[ ]\d+[\w./-]*"
    # \Z, not $: a dateline on the line before ("28/09/2023\n") is no document number
    return re.compile(rf"(?:(?<!\w)(?:{words})|{document})[ ,]*\Z", re.IGNORECASE)


def _excluded(text: str, start: int) -> bool:
    return _excluded_before().search(text, max(0, start - 40), start) is not None


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29/2 stays valid
    except ValueError:
        return False
    return year is None or 1945 <= year <= 2100


def find_dates(text: str, start: int, end: int) -> Iterator[tuple[int, int, int | None, int, int]]:
    """(start, end, year, month, day) of cued dates in `text[start:end]`."""
    for match in _pattern().finditer(text, start, end):
        day = match.group("d") or match.group("d2")
        month = match.group("m") or match.group("m2")
        year = match.group("y") or match.group("y2")
        year_value = int(year) if year else None
        if _valid(year_value, int(month), int(day)) and not _excluded(text, match.start()):
            yield match.start(), match.end(), year_value, int(month), int(day)


class EventDateFinder:
    """Picks the event date: the first cued date of the lead, else of the title, body, captions."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[EventDate]:
        """The event date, as a list of at most one."""
        text = store.text(doc)
        best: tuple[int, int, EventDate] | None = None
        for segment, sentence in content_sentences(doc):
            priority = _SEGMENT_PRIORITY.get(segment.kind, 9)
            if best is not None and priority >= best[0]:
                continue
            for start, end, year, month, day in find_dates(text, sentence.start, sentence.end):
                span = store.grounded(text, start, end)
                best = (priority, start, EventDate(year=year, month=month, day=day, span=span))
                break
        return [best[2]] if best else []

    def set_annotations(self, doc: Doc, dates: list[EventDate]) -> None:
        """Store the event date and its span."""
        store.put(doc, KIND, dates, ((d.span.start, d.span.end, "event_date") for d in dates))


@Language.factory("vnreport_dates", requires=["doc.spans"], assigns=["doc.spans"])
def make_event_date_finder(nlp: Language, name: str) -> EventDateFinder:
    """Factory of the `vnreport_dates` component."""
    return EventDateFinder()
