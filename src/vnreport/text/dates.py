"""Calendar rules shared by the page reader, the Report builder and the scorer."""

from __future__ import annotations

import datetime as dt


def year_for(month: int, day: int, published: dt.date) -> int:
    """The year of a year-less date written in an article published on `published`.

    It is the publication year, unless the date lies more than a month after the publication
    date: an article does not report events that far ahead, so it belongs to the year before
    ("ngày 28/12" in an article of 3 January).
    """
    year = published.year
    if (month, day) > (published.month, published.day) and month - published.month > 1:
        year -= 1
    return year
