"""The `vnreport_segments` component: the page's parts and sentences, put on the Doc."""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

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
        offsets = doc.to_array(IDX)
        for index in numpy.flatnonzero(numpy.isin(offsets, sorted(starts))).tolist():
            doc[index].is_sent_start = True
        if len(doc):
            doc[0].is_sent_start = True


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
