"""Shared fixtures: one real pipeline per test session, and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import vnreport

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed"
CORPORA = REPO / "corpora"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full vnreport pipeline, loaded once."""
    return vnreport.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The article the project was created from (kept outside the repository, in shared/)."""
    path = SEED / "article.txt"
    if not path.exists():
        pytest.skip("shared/seed is not beside this checkout")
    return path.read_text(encoding="utf-8")
