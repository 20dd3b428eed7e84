"""A per-document time budget for bulk workers: which worker has spent too long on which input.

Each local worker process claims a slot in arrays shared with the run's process and writes there
the key of the input it is extracting and when it started. The run's process reads the slots
while it waits for results; a worker over the budget is killed (its pipeline may be stuck in C
code that no signal interrupts), the input becomes a `TimedOut` failure and the pool is renewed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import Any

LOGGER = logging.getLogger(__name__)

TIMED_OUT = "TimedOut"
"""The failure reason of an input that took longer than the budget."""

_KEY_BYTES = 32  # vnreport.io.raw.input_key: 32 hex digits


@dataclass(frozen=True)
class Overdue:
    """A worker over the budget: its process and the input it is working on."""

    pid: int
    key: str
    seconds: float


class DocumentClock:
    """Shared slots, one per worker process: pid, input key, start time (0 when idle)."""

    def __init__(self, context: BaseContext, slots: int) -> None:
        self._lock: Any = context.Lock()
        self._pids: Any = context.RawArray("q", slots)
        self._starts: Any = context.RawArray("d", slots)
        self._keys: Any = context.RawArray("c", slots * _KEY_BYTES)
        self._slot: int | None = None  # in a worker: the slot it claimed

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_slot"] = None
        return state

    # In a worker process

    def claim(self) -> None:
        """Take a free slot for this process (a slot whose process is gone is free)."""
        with self._lock:
            for slot, pid in enumerate(self._pids):
                if pid == 0 or not _alive(pid):
                    self._pids[slot] = os.getpid()
                    self._starts[slot] = 0.0
                    self._slot = slot
                    return
        LOGGER.debug("no free slot: this worker runs without a time budget")

    def started(self, key: str) -> None:
        """This process starts on the input `key`."""
        if self._slot is None:
            return
        self._starts[self._slot] = 0.0
        raw = key.encode("ascii", "replace")[:_KEY_BYTES].ljust(_KEY_BYTES, b"\0")
        offset = self._slot * _KEY_BYTES
        self._keys[offset : offset + _KEY_BYTES] = raw
        self._starts[self._slot] = time.monotonic()

    def finished(self) -> None:
        """This process is done with its input."""
        if self._slot is not None:
            self._starts[self._slot] = 0.0

    # In the run's process

    def overdue(self, budget: float) -> list[Overdue]:
        """The workers that have been on one input for longer than `budget` seconds."""
        now = time.monotonic()
        found: list[Overdue] = []
        for slot, started in enumerate(self._starts):
            if not started or now - started <= budget:
                continue
            offset = slot * _KEY_BYTES
            key = bytes(self._keys[offset : offset + _KEY_BYTES]).rstrip(b"\0").decode("ascii")
            if self._starts[slot] == started:  # not moved on while we read the key
                found.append(Overdue(int(self._pids[slot]), key, now - started))
        return found

    def stop(self, overdue: Overdue) -> None:
        """Kill the worker process that is over the budget and free its slot."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(overdue.pid, signal.SIGKILL)
        with self._lock:
            for slot, pid in enumerate(self._pids):
                if pid == overdue.pid:
                    self._pids[slot] = 0
                    self._starts[slot] = 0.0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
