"""Placeholder: per-field evaluation against gold records (being written)."""

from __future__ import annotations

from pathlib import Path


def run(directories: list[Path], *, baseline: str | None = None) -> int:
    """Score the pipeline on the gold corpora in `directories`; print the table; return 0."""
    raise NotImplementedError
