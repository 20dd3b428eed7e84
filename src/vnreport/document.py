"""`Document`: one article as a reader hands it to the pipeline."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vnreport.records import PublishedSource


class Document(BaseModel):
    """Article text with what the container (page, JSONL line, WARC record) said about it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(description="Article text; HTML readers give the main text only.")
    source: str | None = Field(default=None, description="Path, URL or id it came from.")
    published: dt.date | None = Field(default=None, description="Publication date, when known.")
    published_source: PublishedSource | None = Field(
        default=None,
        description="Where `published` came from: 'page' when a reader took it off the page "
        "itself, 'caller' (also when unset) when the caller or a container field gave it.",
    )
    title: str | None = Field(default=None, description="Title from page metadata, if any.")
    author: str | None = Field(default=None, description="Author from page metadata, if any.")

    @field_validator("published", mode="before")
    @classmethod
    def _date_only(cls, value: object) -> object:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str) and len(value) > 10 and value[10] in "T ":
            return value[:10]
        return value
