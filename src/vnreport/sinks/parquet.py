"""Parquet sink: one row per report with nested columns, the file replaced whole at close."""

from __future__ import annotations

import datetime as dt
import tempfile
import types
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from vnreport._version import __version__
from vnreport.errors import ResourceError, SinkError
from vnreport.failure import Failure
from vnreport.records import Report
from vnreport.sinks.base import (
    FOLDER_FAILURE,
    Sink,
    Stored,
    Written,
    folders_of,
    is_newer,
    replaces,
)
from vnreport.sinks.jsonl import ledger_path

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

_INSTALL = "Parquet output needs pyarrow: run `pip install 'vnreport[parquet]'`"


def _arrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ResourceError(_INSTALL) from error
    return pyarrow, pyarrow.parquet


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a record field's annotation (models become structs, lists lists)."""
    pa, _ = _arrow()
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        if set(options) == {int, float}:
            return pa.float64()
        (single,) = options
        return arrow_type(single)
    if origin is list:
        return pa.list_(arrow_type(args[0]))
    if origin is Literal:
        return pa.string()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(
            [
                pa.field(name, arrow_type(info.annotation))
                for name, info in annotation.model_fields.items()
            ]
        )
    simple = {
        str: pa.string(),
        int: pa.int64(),
        float: pa.float64(),
        bool: pa.bool_(),
        dt.date: pa.date32(),
    }
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Arrow type for {annotation!r}")


def report_schema() -> pa.Schema:
    """The Arrow schema of a Report row, derived from the record models."""
    pa, _ = _arrow()
    return pa.schema(
        [pa.field(name, arrow_type(info.annotation)) for name, info in Report.model_fields.items()]
    )


def _inputs_schema() -> pa.Schema:
    pa, _ = _arrow()
    return pa.schema(
        [
            ("key", pa.string()),
            ("source", pa.string()),
            ("report_id", pa.string()),
            ("reason", pa.string()),
            ("message", pa.string()),
            ("extractor_version", pa.string()),
        ]
    )


class _Table:
    """One Parquet file written beside the old one, merged with it and swapped in at close."""

    def __init__(self, path: Path, schema: pa.Schema, key: str) -> None:
        self.path, self.schema, self.key = path, schema, key
        self.partial = path.with_name(f".{path.name}.partial")
        self.partial.unlink(missing_ok=True)  # left by a killed run
        self.rewritten: set[str] = set()
        self._writer: pq.ParquetWriter | None = None

    def existing(self, columns: list[str]) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        _, parquet = _arrow()
        rows: list[dict[str, Any]] = parquet.read_table(self.path, columns=columns).to_pylist()
        return rows

    def write(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        pa, parquet = _arrow()
        if self._writer is None:
            self._writer = parquet.ParquetWriter(self.partial, self.schema)
        self._writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))
        self.rewritten.update(row[self.key] for row in rows if row[self.key] is not None)

    def close(self, stale: Callable[[dict[str, Any]], bool] | None = None) -> None:
        """Swap the new file in, with the old rows this run did not replace (nor `stale`)."""
        if self._writer is None:
            return
        pa, parquet = _arrow()
        if self.path.exists():  # carry over the old rows this run did not replace
            for batch in parquet.ParquetFile(self.path).iter_batches():
                rows = [
                    r
                    for r in batch.to_pylist()
                    if r[self.key] not in self.rewritten and not (stale and stale(r))
                ]
                if rows:
                    self._writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))
        self._writer.close()
        self._writer = None
        self.partial.replace(self.path)


def _check_writable(folder: Path) -> None:
    """Fail now, not after the extraction, when the folder of the target cannot be written."""
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".vnreport-", suffix=".probe"):
        pass


def parquet_row(report: Report) -> dict[str, Any]:
    """The Parquet row of `report` (the sink's encoder, run by bulk workers)."""
    return report.model_dump()


class ParquetSink(Sink):
    """Reports in a Parquet file (`*.parquet`): scalar fields as columns, items as nested lists.

    `<name>.inputs.parquet` beside it lists the inputs and failures. Rows are streamed to a
    hidden partial file and swapped in at `close()`, merged with the rows already there, so
    a killed run leaves the previous file intact (and loses its own work: use SQLite for
    runs you may interrupt).
    """

    encoder = parquet_row

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._sources: set[str] = set()  # sources written by this run
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _check_writable(self.path.parent)
            self._reports = _Table(self.path, report_schema(), "id")
            self._inputs = _Table(
                ledger_path(self.path, ".inputs.parquet"), _inputs_schema(), "key"
            )
            self._versions = {
                row["id"]: row["extractor_version"]
                for row in self._reports.existing(["id", "extractor_version"])
            }
            self._keys = {
                row["key"]: row["extractor_version"]
                for row in self._inputs.existing(["key", "report_id", "extractor_version"])
                if row["key"] is not None and row["report_id"] is not None
            }
        except (OSError, ValueError) as error:
            raise SinkError(
                f"cannot open {self.path} as a vnreport Parquet file: {error}"
            ) from error

    def done(self, keys: Collection[str], *, version: str = __version__) -> set[str]:
        """The `keys` whose report was stored by extractor `version` or a later one."""
        return {key for key in keys if key in self._keys and not is_newer(version, self._keys[key])}

    def store(self, items: Sequence[Stored], *, redo: bool = False) -> Written:
        """Stream the reports not stored yet (or superseded) and the inputs to the partial files."""
        written = Written()
        reports: dict[str, dict[str, Any]] = {}
        inputs: list[dict[str, Any]] = []
        for item in items:
            result = item.result
            row: dict[str, Any] = {"key": item.key, "source": item.source, "report_id": None}
            row.update(reason=None, message=None, extractor_version=result.extractor_version)
            if isinstance(result, Failure):
                written.failures += 1
                row.update(reason=result.reason, message=result.message)
            else:
                encoded = self.encode(result)
                row["report_id"] = encoded.id
                old = self._versions.get(encoded.id)
                fresh = encoded.id not in self._reports.rewritten and encoded.id not in reports
                if old is None or (fresh and replaces(encoded.extractor_version, old, redo=redo)):
                    written.new += old is None
                    written.replaced += old is not None
                    reports[encoded.id] = encoded.payload
                    self._versions[encoded.id] = encoded.extractor_version
                else:
                    written.unchanged += 1
            inputs.append(row)
            if item.source is not None:
                self._sources.add(item.source)
            if item.key is not None and row["report_id"] is not None:
                self._keys[item.key] = result.extractor_version
            elif item.key is not None:
                self._keys.pop(item.key, None)
        try:
            self._reports.write(list(reports.values()))
            self._inputs.write(inputs)
        except (OSError, ValueError) as error:
            raise SinkError(f"cannot write to {self.path}: {error}") from error
        return written

    def close(self) -> None:
        """Merge with the previous file and swap the new one in."""
        try:
            self._reports.close()
            # A failure of a source this run read again (a file fixed since) is stale.
            folders = folders_of(self._sources)
            self._inputs.close(
                lambda row: (
                    row["reason"] is not None
                    and (
                        row["source"] in self._sources
                        or (row["reason"] == FOLDER_FAILURE and row["source"] in folders)
                    )
                )
            )
        except (OSError, ValueError) as error:
            raise SinkError(f"cannot finish {self.path}: {error}") from error
