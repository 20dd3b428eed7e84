"""JSON Lines sink: one Report per line, plus a ledger of inputs and failures beside it."""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from vnreport._version import __version__
from vnreport.errors import SinkError
from vnreport.failure import Failure
from vnreport.records import Report
from vnreport.sinks.base import (
    FOLDER_FAILURE,
    Encoded,
    Sink,
    Stored,
    Written,
    folders_of,
    is_newer,
    replaces,
)


def json_line(report: Report) -> str:
    """The line of `report` in a JSON Lines file (the sink's encoder, run by bulk workers)."""
    return report.model_dump_json()


def ledger_path(path: Path, suffix: str) -> Path:
    """The file beside `path` named `<stem><suffix>` (`reports.jsonl` → `reports.inputs.jsonl`)."""
    stem = path.name.removesuffix(path.suffix)
    return path.with_name(f"{stem}{suffix}")


def _repair_tail(path: Path) -> None:
    """Cut a last line left half-written by a killed run."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as file:
        file.seek(-1, os.SEEK_END)
        if file.read(1) == b"\n":
            return
        file.seek(0)
        data = file.read()
        file.truncate(data.rfind(b"\n") + 1)


def _records(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as file:
        for line in file:
            if line.strip():
                record = json.loads(line)
                if isinstance(record, dict):
                    yield record


class JsonlSink(Sink):
    """Reports in a JSON Lines file (`*.jsonl`), each line `Report.model_dump_json()`.

    `<name>.inputs.jsonl` beside it has a line per input: its key, source, report id or
    `failure` (reason, message), and extractor version; a rerun skips the inputs it lists
    with a report and tries the failed ones again. A newer report of the same id is appended
    and the file is rewritten at `close()` with the latest line of each id; the ledger keeps
    the latest line of each key, and drops a failure whose source has since given another
    input (the file was fixed). Until `close()`, readers should keep the last line per id.
    """

    encoder = json_line

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.inputs_path = ledger_path(self.path, ".inputs.jsonl")
        self._latest: dict[str, tuple[int, str]] = {}  # report id → (line, extractor version)
        self._lines = 0
        self._stale = False
        self._keys: dict[str, str] = {}  # input key → extractor version of its report
        self._failed: dict[str, str] = {}  # source → key of its last failure in the ledger
        self._failed_keys: set[str] = set()
        self._failed_folders: set[str] = set()
        self._stale_ledger = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for file in (self.path, self.inputs_path):
                _repair_tail(file)
            for line, record in enumerate(_records(self.path)):
                self._stale |= record["id"] in self._latest
                self._latest[record["id"]] = (line, record["extractor_version"])
                self._lines = line + 1
            for record in _records(self.inputs_path):
                failure = record.get("failure") or {}
                self._note(
                    record["key"],
                    record["source"],
                    record["report_id"] is None,
                    failure.get("reason"),
                )
                if record["report_id"] is not None:
                    self._keys[record["key"]] = record["extractor_version"]
            self._reports: IO[str] = self.path.open("a", encoding="utf-8")
            self._inputs: IO[str] = self.inputs_path.open("a", encoding="utf-8")
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise SinkError(f"cannot open {self.path} as a vnreport JSONL file: {error}") from error

    def _note(
        self, key: str | None, source: str | None, failed: bool, reason: str | None = None
    ) -> None:
        """Track the ledger's failures; a line that supersedes another makes the ledger stale."""
        if key is None:
            return
        if key in self._keys or key in self._failed_keys:
            self._stale_ledger = True
        if source is not None and self._failed.get(source, key) != key:
            self._stale_ledger = True
        if source is not None and not self._stale_ledger and self._failed_folders:
            self._stale_ledger = not self._failed_folders.isdisjoint(folders_of([source]))
        if failed:
            self._failed_keys.add(key)
            if source is not None:
                self._failed[source] = key
                if reason == FOLDER_FAILURE:
                    self._failed_folders.add(source)

    def done(self, keys: Collection[str], *, version: str = __version__) -> set[str]:
        """The `keys` whose report was stored by extractor `version` or a later one."""
        return {key for key in keys if key in self._keys and not is_newer(version, self._keys[key])}

    def store(self, items: Sequence[Stored], *, redo: bool = False) -> Written:
        """Append the reports not stored yet (or superseded), then their ledger lines."""
        written = Written()
        ledger: list[str] = []
        for item in items:
            result = item.result
            entry: dict[str, Any] = {"key": item.key, "source": item.source}
            if isinstance(result, Failure):
                written.failures += 1
                failure = {"reason": result.reason, "message": result.message}
                entry.update(report_id=None, failure=failure)
            else:
                self._append(self.encode(result), written, redo=redo)
                entry.update(report_id=result.id, failure=None)
            entry["extractor_version"] = result.extractor_version
            ledger.append(json.dumps(entry, ensure_ascii=False))
            failed = isinstance(result, Failure)
            self._note(item.key, item.source, failed, getattr(result, "reason", None))
            if item.key is not None and not failed:
                self._keys[item.key] = result.extractor_version
            elif item.key is not None:
                self._keys.pop(item.key, None)
        try:
            self._reports.flush()  # reports first: a ledger line never names a lost report
            if ledger:
                self._inputs.write("\n".join(ledger) + "\n")
                self._inputs.flush()
        except OSError as error:
            raise SinkError(f"cannot write to {self.path}: {error}") from error
        return written

    def _append(self, report: Encoded, written: Written, *, redo: bool) -> None:
        known = self._latest.get(report.id)
        if known is not None and not replaces(report.extractor_version, known[1], redo=redo):
            written.unchanged += 1
            return
        if known is None:
            written.new += 1
        else:
            written.replaced += 1
            self._stale = True
        self._reports.write(f"{report.payload}\n")
        self._latest[report.id] = (self._lines, report.extractor_version)
        self._lines += 1

    def _compact(self) -> None:
        keep = {line for line, _ in self._latest.values()}
        partial = self.path.with_name(f".{self.path.name}.partial")
        with self.path.open(encoding="utf-8") as source, partial.open("w", encoding="utf-8") as out:
            line_number = 0
            for line in source:
                if not line.strip():
                    continue
                if line_number in keep:
                    out.write(line)
                line_number += 1
        partial.replace(self.path)

    def _compact_ledger(self) -> None:
        """Keep the last line of each key, and no failure of a source read again since."""
        records = list(_records(self.inputs_path))
        last_of_key = {record["key"]: index for index, record in enumerate(records)}
        last_of_source = {record["source"]: index for index, record in enumerate(records)}
        # The last line naming a file inside each folder: a folder failure before it is stale.
        last_in_folder: dict[str, int] = {}
        for index, record in enumerate(records):
            if isinstance(record["source"], str):
                last_in_folder.update(dict.fromkeys(folders_of([record["source"]]), index))
        partial = self.inputs_path.with_name(f".{self.inputs_path.name}.partial")
        with partial.open("w", encoding="utf-8") as out:
            for index, record in enumerate(records):
                if last_of_key.get(record["key"]) != index and record["key"] is not None:
                    continue
                superseded = last_of_source[record["source"]] != index
                if record["report_id"] is None and record["source"] is not None and superseded:
                    later = records[last_of_source[record["source"]]]
                    if later["key"] != record["key"]:
                        continue
                failure = record.get("failure") or {}
                if (
                    failure.get("reason") == FOLDER_FAILURE
                    and last_in_folder.get(record["source"], -1) > index
                ):
                    continue
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        partial.replace(self.inputs_path)

    def close(self) -> None:
        """Close the files, keeping one line per report id and per input key."""
        if self._reports.closed:
            return
        self._reports.close()
        self._inputs.close()
        try:
            if self._stale:
                self._compact()
            if self._stale_ledger:
                self._compact_ledger()
        except OSError as error:
            raise SinkError(f"cannot rewrite {self.path}: {error}") from error
