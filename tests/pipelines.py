"""Pipelines for fault-isolation tests: the real pipeline plus a component that fails on cue.

Bulk runs load them in their workers by name (`--pipeline tests.pipelines:sabotaged`).
"""

from __future__ import annotations

import os
import re

from spacy.language import Language
from spacy.tokens import Doc

import vnreport

CRASH = "SẬP NGUỒN"
"""A worker process dies at once (as on a segfault) on a text containing this."""

BUG = "LỖI THÀNH PHẦN"
"""A component raises on a text containing this."""

STALL = "TREO MÁY"
"""A component spends hours inside the regex engine (C code no signal interrupts) on this."""


@Language.component("vnreport_test_saboteur")
def saboteur(doc: Doc) -> Doc:
    """Fail as the text asks."""
    if CRASH in doc.text:
        os._exit(70)
    if BUG in doc.text:
        raise RuntimeError("a component bug, on purpose")
    if STALL in doc.text:
        re.match(r"(a+)+$", "a" * 64 + "b")  # catastrophic backtracking: 2**64 steps
    return doc


@Language.component("vnreport_test_killer")
def killer(doc: Doc) -> Doc:
    """Die on every text."""
    os._exit(71)


def sabotaged() -> Language:
    """The vnreport pipeline with the saboteur first."""
    nlp = vnreport.load()
    nlp.add_pipe("vnreport_test_saboteur", first=True)
    return nlp


def deadly() -> Language:
    """A pipeline whose worker dies on every input."""
    nlp = vnreport.load()
    nlp.add_pipe("vnreport_test_killer", first=True)
    return nlp
