"""Readers: text, HTML, JSONL and WARC inputs to `vnreport.Document`s, streaming.

>>> from vnreport.io import read_path
>>> for document in read_path("article.html"):
...     report = vnreport.extract_document(document)
"""

from vnreport.io.options import FORMATS, Format, JsonlFields, ReadOptions
from vnreport.io.paths import STDIN, expand, format_of, missing
from vnreport.io.raw import RawInput, Unreadable, input_key
from vnreport.io.reader import decode, iter_inputs, iter_raw, read_path

__all__ = [
    "FORMATS",
    "STDIN",
    "Format",
    "JsonlFields",
    "RawInput",
    "ReadOptions",
    "Unreadable",
    "decode",
    "expand",
    "format_of",
    "input_key",
    "iter_inputs",
    "iter_raw",
    "missing",
    "read_path",
]
