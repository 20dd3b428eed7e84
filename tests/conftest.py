"""Shared fixtures: one real pipeline per test session, the seed article, the PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy.engine import Engine

import vnreport
from tests import postgres as postgres_server

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


@pytest.fixture(scope="session")
def postgres() -> Iterator[Engine]:
    """The test PostgreSQL server; tests that need it skip only when it is unreachable."""
    engine, reason = postgres_server.connect()
    if engine is None:
        pytest.skip(reason)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_schema(postgres: Engine) -> Iterator[str]:
    """A fresh schema name, dropped with its tables after the test."""
    name = postgres_server.new_schema_name()
    yield name
    postgres_server.drop_schema(postgres, name)
