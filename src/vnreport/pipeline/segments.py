"""The `vnreport_segments` component: the page's parts and sentences, put on the Doc."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from vnreport.pipeline import store
from vnreport.records import Segment, Span
from vnreport.text.page import CONTENT_KINDS, Page, read_page

KIND = "segments"
DATELINE = "dateline"


class ArticleSegmenter:
    """Marks the parts of the page and the sentences inside the article's own text."""

    def __init__(self, *, max_title_chars: int, max_byline_words: int) -> None:
        self.max_title_chars = max_title_chars
        self.max_byline_words = max_byline_words

    def __call__(self, doc: Doc) -> Doc:
        page = read_page(
            store.text(doc),
            max_title_chars=self.max_title_chars,
            max_byline_words=self.max_byline_words,
        )
        self.set_annotations(doc, page)
        return doc

    def set_annotations(self, doc: Doc, page: Page) -> None:
        """Store the segments and the dateline's date, and mark sentence starts on the tokens."""
        segments = page.segments
        store.put(doc, KIND, segments, ((s.span.start, s.span.end, s.kind) for s in segments))
        if page.published is not None and page.dateline is not None:
            line = page.dateline
            store.put(doc, DATELINE, [page.published], [(line.start, line.end, DATELINE)])
        starts = {sentence.start for segment in segments for sentence in segment.sentences}
        starts.update(segment.span.start for segment in segments)
        if not len(doc):
            return
        # One array write: setting `is_sent_start` token by token re-checks the whole Doc
        # each time, quadratic on pages of many short lines.
        flags = numpy.array([idx in starts for idx in doc.to_array(IDX).tolist()], dtype="uint64")
        flags[0] = 1
        doc.from_array([SENT_START], cast(Ints2d, flags.reshape(-1, 1)))


def content_sentences(doc: Doc) -> Iterator[tuple[Segment, Span]]:
    """Sentences of the content segments (title, lead, captions, body), in text order."""
    for segment in store.get(doc, KIND, Segment):
        if segment.kind in CONTENT_KINDS:
            for sentence in segment.sentences:
                yield segment, sentence


@Language.factory(
    "vnreport_segments",
    default_config={"max_title_chars": 250, "max_byline_words": 8},
    assigns=["doc.spans", "token.is_sent_start"],
)
def make_segmenter(
    nlp: Language, name: str, max_title_chars: int, max_byline_words: int
) -> ArticleSegmenter:
    """Factory of the `vnreport_segments` component."""
    return ArticleSegmenter(max_title_chars=max_title_chars, max_byline_words=max_byline_words)
