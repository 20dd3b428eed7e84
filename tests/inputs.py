"""Test inputs built from the articles in tests/data: encodings, corpora, WARC archives."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

from vnreport._version import __version__
from vnreport.pipeline.assemble import content_id
from vnreport.records import (
    AdminUnit,
    EventDate,
    Figure,
    GazetteerUnit,
    Inspection,
    InspectionTarget,
    Official,
    Recommendation,
    Report,
    ResidentialGroup,
    Segment,
    Span,
)
from vnreport.text.normalize import normalize_text

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
TEXT_ARTICLES = sorted(ARTICLES.glob("*.txt"))
PAGE = ARTICLES / "page.html"

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_FIRST_DATE = re.compile(r"\b\d{1,2}/\d{1,2}\b")


def article(name: str = "yen_dinh.txt") -> str:
    """The text of one test article."""
    return (ARTICLES / name).read_text(encoding="utf-8")


def to_cp1258(text: str) -> bytes:
    """`text` as Windows-1258 writes Vietnamese: base letters precomposed, tone marks combining."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
            tones = "".join(c for c in parts if c in _TONE_MARKS)
            out += (base + tones).encode("cp1258")
    return bytes(out)


def variant(index: int, base: str | None = None) -> str:
    """Article `index` of a synthetic corpus: a test article with its first date changed."""
    if base is None:
        base = TEXT_ARTICLES[(index // 336) % len(TEXT_ARTICLES)].read_text(encoding="utf-8")
    day, month = 1 + index % 28, 1 + (index // 28) % 12
    return _FIRST_DATE.sub(f"{day}/{month}", base, count=1)


def write_corpus(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    """`count` distinct articles as .txt files under `folder` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        path = folder / f"{index:05d}.txt"
        path.write_text(variant(index), encoding="utf-8")
        paths.append(path)
    return paths


def write_warc(path: Path, records: list[tuple[str, int, str, bytes]]) -> None:
    """A WARC (gzipped for .gz) of HTTP responses (url, status, type, body), each after a request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as file:
        writer = WARCWriter(file, gzip=path.suffix == ".gz")
        for url, status, content_type, body in records:
            asked = b"GET / HTTP/1.1\r\n\r\n"
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(asked), length=len(asked)
            )
            writer.write_record(request)
            headers = StatusAndHeaders(
                f"{status} {'OK' if status == 200 else 'Not Found'}",
                [("Content-Type", content_type)],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)


def _span(text: str, needle: str, start: int = 0) -> Span:
    begin = text.index(needle, start)
    return Span(start=begin, end=begin + len(needle), text=needle)


def sample_report(variant_index: int = 0, *, version: str = __version__) -> Report:
    """A Report with an item of every kind, grounded in a synthetic article's text."""
    text = normalize_text(variant(variant_index, article("yen_dinh.txt")))
    first_line = text.split("\n", 1)[0]
    return Report(
        id=content_id(text),
        source=f"sample-{variant_index}.txt",
        text=text,
        title=first_line,
        author="Minh Trang",
        published=dt.date(2023, 10, 4),
        event_date=EventDate(year=2023, month=10, day=3, span=_span(text, "ngày")),
        segments=[Segment(kind="title", span=_span(text, first_line))],
        officials=[
            Official(
                name="Lý Văn Thắng",
                honorific="đồng chí",
                title="Phó Chủ tịch UBND huyện",
                title_expanded="Phó Chủ tịch Ủy ban nhân dân huyện",
                place="huyện Chợ Mới",
                role="Trưởng đoàn",
                mentions=[_span(text, "Lý Văn Thắng"), _span(text, "Lý Văn Thắng", 300)],
            )
        ],
        admin_units=[
            AdminUnit(
                type="xã",
                name="Yên Đĩnh",
                mentions=[_span(text, "xã Yên Đĩnh")],
                resolved=GazetteerUnit(
                    type="xã",
                    name="Yên Đĩnh",
                    code="02002",
                    district="huyện Chợ Mới",
                    province="tỉnh Bắc Kạn",
                ),
            ),
            AdminUnit(
                type="huyện",
                name="Chợ Mới",
                mentions=[_span(text, "huyện Chợ Mới")],
                candidates=[
                    GazetteerUnit(type="huyện", name="Chợ Mới", province="tỉnh Bắc Kạn"),
                    GazetteerUnit(type="huyện", name="Chợ Mới", province="tỉnh An Giang"),
                ],
            ),
        ],
        groups=[
            ResidentialGroup(
                type="thôn",
                name="Bản Pá",
                parent="xã Yên Đĩnh",
                mentions=[_span(text, "thôn Bản Pá")],
            )
        ],
        figures=[
            Figure(value=7.2, unit="%", subject="tỷ lệ hộ nghèo", span=_span(text, "7,2%")),
            Figure(
                value=1.5,
                unit="tỷ đồng",
                approximate=True,
                bound="lower",
                amount_vnd=1.5e9,
                span=_span(text, "1,5 tỷ đồng"),
            ),
        ],
        recommendations=[
            Recommendation(
                text="rà soát các tiêu chí còn thiếu",
                issuer="Lý Văn Thắng",
                addressee="xã",
                verb="đề nghị",
                span=_span(text, "rà soát các tiêu chí còn thiếu"),
            )
        ],
        inspections=[
            Inspection(
                kind="làm việc",
                body=_span(text, "Đoàn kiểm tra của UBND huyện Chợ Mới"),
                leader="Lý Văn Thắng",
                members=[],
                topic=_span(text, "tiến độ xây dựng nông thôn mới"),
                targets=[
                    InspectionTarget(type="xã", name="Yên Đĩnh"),
                    InspectionTarget(type="thôn", name="Bản Pá"),
                ],
                organizations=[_span(text, "UBND huyện Chợ Mới")],
                date=EventDate(year=2023, month=10, day=3, span=_span(text, "ngày")),
                span=_span(text, "Sáng ngày"),
            )
        ],
        extractor_version=version,
    )
