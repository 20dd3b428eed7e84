"""`Failure`: an input that produced no Report, kept with its source and reason."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vnreport._version import __version__


class Failure(BaseModel):
    """One input that could not be read or extracted; sinks store it next to the reports."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str | None = Field(default=None, description="Path, URL or locator of the input.")
    reason: str = Field(description="Error class name, e.g. DecodeError or WorkerCrashed.")
    message: str = Field(description="What went wrong, in words.")
    key: str | None = Field(default=None, description="Input key used to resume bulk runs.")
    extractor_version: str = Field(default=__version__, description="vnreport version that failed.")

    @field_validator("source", "message")
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        # Messages quote what went wrong: NUL bytes and lone surrogates would stop every sink.
        from vnreport.text.safe_text import clean_label

        return clean_label(value) if value is not None else None

    @classmethod
    def from_error(
        cls, error: BaseException, *, source: str | None = None, key: str | None = None
    ) -> Failure:
        """The Failure of an exception raised while reading or extracting one input."""
        return cls(source=source, reason=type(error).__name__, message=str(error), key=key)
