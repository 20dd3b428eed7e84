"""Runtime settings, read from `VNREPORT_*` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class Settings(BaseSettings):
    """Limits and defaults for extraction and bulk runs."""

    model_config = SettingsConfigDict(env_prefix="VNREPORT_", extra="ignore")

    max_chars: int = Field(
        default=DEFAULT_MAX_CHARS, gt=0, description="Largest document accepted, in characters."
    )
    max_bytes: int = Field(
        default=DEFAULT_MAX_BYTES,
        gt=0,
        description="Largest file, JSONL line or WARC page read, in bytes.",
    )
    workers: int | None = Field(
        default=None, ge=0, description="Bulk worker processes (0: in the calling process)."
    )
    batch_size: int = Field(default=64, ge=1, description="Records written per transaction.")
    max_seconds: float | None = Field(
        default=None,
        gt=0,
        description="Bulk runs: a document a worker spends longer on fails (None: no limit).",
    )
