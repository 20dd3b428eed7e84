"""Views of one article for people: the terminal report and the review page (`html(report)`)."""

from vnreport.review.page import html

__all__ = ["html"]
