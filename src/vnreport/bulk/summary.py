"""What a bulk run did, and the exit status it deserves.

Exit codes (`Summary.exit_code`), shared with the CLI:

    0    every input gave a report (or was already stored)
    1    some inputs failed; they are in the sink's failures
    2    usage error: bad arguments, no inputs found, unknown output kind
    3    nearly all inputs failed (90 % or more, counting those stored by an earlier run as
         done)
    130  interrupted by Ctrl-C after flushing; rerun to resume
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import IntEnum

from vnreport.sinks.base import Written

NEARLY_ALL = 0.9
"""Share of failed inputs from which a run counts as failed as a whole (exit code 3)."""


class ExitCode(IntEnum):
    """Exit status of `vnreport extract`."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    NEARLY_ALL_FAILED = 3
    INTERRUPTED = 130


@dataclass
class Summary:
    """What a bulk run did."""

    inputs: int = 0
    skipped: int = 0
    extracted: int = 0
    failed: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)  # reason → its first message
    written: Written = field(default_factory=Written)
    elapsed: float = 0.0
    interrupted: bool = False
    redo: bool = False  # reports of the same extractor version were replaced on purpose

    def exit_code(self) -> ExitCode:
        """The process exit status this run deserves (see the module docstring)."""
        if self.interrupted:
            return ExitCode.INTERRUPTED
        # Inputs stored by an earlier run count as done: a rerun that retries only the few
        # failures left is not a run where nearly everything failed.
        accounted = self.extracted + self.failed + self.skipped
        if self.failed and self.failed >= NEARLY_ALL * accounted:
            return ExitCode.NEARLY_ALL_FAILED
        return ExitCode.SOME_FAILED if self.failed else ExitCode.OK
