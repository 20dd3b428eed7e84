"""Peak memory of a bulk run: does it stay flat as the corpus grows?

For each size, writes that many generated articles (see `corpus.py`) as .txt files and runs

    vnreport extract DIR --out DIR.sqlite --workers 1 --quiet

in a child process and samples, every 50 ms with psutil, the memory of all its processes (the
CLI's parent, its forkserver, resource tracker and workers): RSS summed, which the target is
judged on (the largest size within 10% of the smallest), PSS summed, and the largest single
process; plus the kernel's ru_maxrss of the processes the CLI itself waited for (`os.wait4`).
`VNREPORT_BENCH_CLI="…"` replaces the `vnreport` command (another install, `python -m …`).

`--modes library` runs the same measurement on `vnreport.extract` in a plain loop writing each
Report's JSON to SQLite with the standard library: it needs no CLI and separates the pipeline's
own growth (e.g. spaCy's vocabulary) from the sink's.

    python benchmarks/memory.py                       # sizes 1000 and 20000, both modes
    python benchmarks/memory.py --sizes 100 500       # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from corpus import DEFAULT_SEED, write_corpus

TARGET_GROWTH = 1.10


@dataclass
class Measured:
    """What one child process cost: wall time, exit code, peak RSS (MiB) and its output."""

    command: list[str]
    seconds: float
    returncode: int
    # The kernel's high-water mark of the command's process and of the descendants it waited
    # for; a worker reaped by someone else (a forkserver) escapes it.
    max_rss_mib: float
    tree_rss_mib: float | None  # sampled peak of the tree's summed RSS; None without psutil
    largest_process_rss_mib: float | None  # sampled peak of any one process of the tree
    tree_pss_mib: float | None  # sampled peak of the tree's summed PSS
    cpu_by_role: dict[str, float]  # sampled CPU seconds: command, forkserver, workers …
    cpu_seconds: float  # user + system time of the child and its waited-for descendants
    stdout: str = ""
    stderr: str = ""
    notes: list[str] = field(default_factory=list)


class TreeSampler(threading.Thread):
    """Samples the processes under `pid` (the launcher, excluded) every 50 ms with psutil.

    Keeps the peaks, in MiB, of the summed RSS (which counts pages a forked worker shares with
    its parent twice), of the largest single RSS, and of the summed PSS (shared pages split
    between sharers; read from smaps every fourth sample since it costs more); and the last CPU
    seconds seen of each process, by role: the command itself, its forkserver, resource
    tracker, and the workers.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.stop = threading.Event()
        self.available = True
        self.rss_sum = self.largest = self.pss_sum = 0.0
        self._cpu: dict[int, tuple[str, float]] = {}

    def cpu_by_role(self) -> dict[str, float]:
        """CPU seconds of every process seen, summed by role."""
        roles: dict[str, float] = {}
        for role, seconds in self._cpu.values():
            roles[role] = roles.get(role, 0.0) + seconds
        return roles

    def _role(self, process: Any, main: int) -> str:
        if process.pid == main:
            return "command"
        command = " ".join(process.cmdline())
        if "resource_tracker" in command:
            return "resource tracker"
        if "forkserver" in command and process.ppid() == main:
            return "forkserver"
        return "workers"

    def run(self) -> None:
        try:
            import psutil
        except ImportError:
            self.available = False
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        tick = 0
        main = -1
        while not self.stop.is_set():
            rss_total = pss_total = 0
            try:
                processes = root.children(recursive=True)
            except psutil.Error:
                break
            for process in processes:
                try:
                    if main < 0 and process.ppid() == self.pid:
                        main = process.pid
                    rss = process.memory_info().rss
                    if tick % 4 == 0:
                        pss_total += process.memory_full_info().pss
                    times = process.cpu_times()
                    role = self._cpu[process.pid][0] if process.pid in self._cpu else None
                    role = role or self._role(process, main)
                except psutil.Error:
                    continue
                self._cpu[process.pid] = (role, times.user + times.system)
                rss_total += rss
                self.largest = max(self.largest, rss / 2**20)
            self.rss_sum = max(self.rss_sum, rss_total / 2**20)
            self.pss_sum = max(self.pss_sum, pss_total / 2**20)
            tick += 1
            self.stop.wait(0.05)


# Runs the measured command and reports its rusage. Linux starts a child's ru_maxrss at its
# parent's RSS (fork copies it, exec keeps the high-water mark), so a child of this benchmark,
# which holds the models, would report at least this benchmark's size: the small launcher in
# between gives the command a parent whose RSS is negligible.
_LAUNCHER = """
import json, os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as handle:
    json.dump({"status": status, "maxrss_kib": usage.ru_maxrss,
               "cpu": usage.ru_utime + usage.ru_stime}, handle)
sys.exit(os.waitstatus_to_exitcode(status) % 256)
"""


def run_measured(
    command: list[str], *, timeout: float | None = None, stdin: str | None = None
) -> Measured:
    """Run `command` to completion; measure its wall time, CPU time and peak RSS."""
    with (
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
        tempfile.TemporaryDirectory() as tmp,
    ):
        usage_file = Path(tmp) / "usage.json"
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(usage_file), *command],
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            text=True,
            start_new_session=True,  # a timeout ends the launcher's whole group, nothing else
        )
        sampler = TreeSampler(proc.pid)
        sampler.start()
        if stdin is not None and proc.stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        notes: list[str] = []
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            notes.append(f"killed after {timeout} s")
        seconds = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        usage = json.loads(usage_file.read_text()) if usage_file.exists() else {}
        return Measured(
            command=command,
            seconds=seconds,
            returncode=proc.returncode,
            max_rss_mib=usage.get("maxrss_kib", 0) / 1024,  # Linux reports KiB
            tree_rss_mib=sampler.rss_sum if sampler.available else None,
            largest_process_rss_mib=sampler.largest if sampler.available else None,
            tree_pss_mib=sampler.pss_sum if sampler.available else None,
            cpu_by_role=sampler.cpu_by_role(),
            cpu_seconds=usage.get("cpu", 0.0),
            stdout=out.read(),
            stderr=err.read(),
            notes=notes,
        )


def vnreport_command() -> list[str] | None:
    """The bulk CLI: `$VNREPORT_BENCH_CLI` if set, else this environment's `vnreport` script."""
    override = os.environ.get("VNREPORT_BENCH_CLI")
    if override:
        return shlex.split(override)
    beside = Path(sys.executable).with_name("vnreport")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("vnreport")
    return [found] if found else None


def bulk_cli_unavailable() -> str | None:
    """Why `vnreport extract DIR --workers N --out X.sqlite` cannot run here, or None if it can."""
    command = vnreport_command()
    if command is None:
        return "no `vnreport` console script in this environment (pip install -e .)"
    try:
        result = subprocess.run(
            [*command, "extract", "--help"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"`vnreport extract --help` failed: {error}"
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        return f"`vnreport extract --help` exited {result.returncode}: {lines[-1] if lines else ''}"
    missing = [flag for flag in ("--workers", "--out", "--quiet") if flag not in result.stdout]
    if missing:
        return f"`vnreport extract` has no {', '.join(missing)} option yet"
    return None


def sqlite_counts(path: Path) -> dict[str, int]:
    """Rows per table of an SQLite file (a sanity check that the run wrote its records)."""
    import sqlite3

    if not path.exists():
        return {}
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }
    finally:
        connection.close()


# The library mode's child: vnreport.extract over every file, each Report as JSON into SQLite.
_LIBRARY_CHILD = """
import sqlite3, sys
from pathlib import Path
import vnreport
nlp = vnreport.load()
db = sqlite3.connect(sys.argv[2])
db.execute("CREATE TABLE reports (source TEXT, report TEXT)")
for n, path in enumerate(sorted(Path(sys.argv[1]).glob("*.txt")), 1):
    report = vnreport.extract(path.read_text(encoding="utf-8"), source=path.name, nlp=nlp)
    db.execute("INSERT INTO reports VALUES (?, ?)", (path.name, report.model_dump_json()))
    if n % 500 == 0:
        db.commit()
db.commit()
print(len(nlp.vocab), len(nlp.vocab.strings))
"""


@dataclass
class SizeResult:
    """One mode at one corpus size."""

    mode: str
    articles: int
    seconds: float | None = None
    articles_per_second: float | None = None
    max_rss_mib: float | None = None
    tree_rss_mib: float | None = None
    largest_process_rss_mib: float | None = None
    tree_pss_mib: float | None = None
    rows: dict[str, int] = field(default_factory=dict)
    extra: dict[str, int] = field(default_factory=dict)
    skipped: str | None = None


def measure_size(mode: str, corpus_dir: Path, articles: int, work: Path) -> SizeResult:
    """Run one mode over the first `articles` files of `corpus_dir`."""
    result = SizeResult(mode=mode, articles=articles)
    database = work / f"{mode}-{articles}.sqlite"
    database.unlink(missing_ok=True)
    if mode == "cli":
        command = vnreport_command()
        assert command is not None
        command = [*command, "extract", str(corpus_dir), "--out", str(database)]
        command += ["--workers", "1", "--quiet"]
    else:
        command = [sys.executable, "-c", _LIBRARY_CHILD, str(corpus_dir), str(database)]
    measured = run_measured(command)
    if measured.returncode != 0:
        tail = measured.stderr.strip().splitlines()[-3:]
        result.skipped = f"exited {measured.returncode}: {' | '.join(tail)}"
        return result
    result.seconds = measured.seconds
    result.articles_per_second = articles / measured.seconds
    result.max_rss_mib = measured.max_rss_mib
    result.tree_rss_mib = measured.tree_rss_mib
    result.largest_process_rss_mib = measured.largest_process_rss_mib
    result.tree_pss_mib = measured.tree_pss_mib
    result.rows = sqlite_counts(database)
    if mode == "library":
        vocab, strings = (int(x) for x in measured.stdout.split())
        result.extra = {"vocab_lexemes": vocab, "string_store": strings}
    database.unlink(missing_ok=True)
    return result


def _corpus_of(size: int, full: Path, work: Path) -> Path:
    """A directory holding exactly the first `size` articles (hard links into the full corpus)."""
    directory = work / f"corpus-{size}"
    if directory.exists():
        return directory
    directory.mkdir()
    for index in range(size):
        name = f"{index:06d}.txt"
        try:
            os.link(full / name, directory / name)
        except OSError:
            shutil.copyfile(full / name, directory / name)
    return directory


def _mib(value: float | None) -> str:
    return f"{value:9.1f}" if value is not None else f"{'n/a':>9}"


def peak_of(result: SizeResult) -> float | None:
    """The figure the target is judged on: the tree's summed RSS, else the kernel's."""
    return result.tree_rss_mib or result.max_rss_mib


def _print_results(results: list[SizeResult]) -> None:
    print("peak memory in MiB over all processes of the run, sampled: PSS summed (shared pages")
    print("split between sharers; other programs on the machine move it), RSS summed (counts a")
    print("forked worker's shared pages twice, but steady: the target is judged on it), the")
    print("largest single process's RSS, and the kernel's ru_maxrss (via wait4)")
    print(
        f"{'mode':8} {'articles':>8} {'seconds':>8} {'art/s':>6} {'PSS':>9} {'RSS sum':>9} "
        f"{'largest':>9} {'kernel':>9}"
    )
    for r in results:
        if r.skipped:
            print(f"{r.mode:8} {r.articles:8d}  skipped: {r.skipped}")
            continue
        print(
            f"{r.mode:8} {r.articles:8d} {r.seconds or 0:8.1f} {r.articles_per_second or 0:6.1f} "
            f"{_mib(r.tree_pss_mib)} {_mib(r.tree_rss_mib)} {_mib(r.largest_process_rss_mib)} "
            f"{_mib(r.max_rss_mib)}"
        )
        if r.extra:
            print(f"{'':18}" + ", ".join(f"{k}={v:,}" for k, v in r.extra.items()))
        if r.rows:
            print(f"{'':18}rows: " + ", ".join(f"{k}={v:,}" for k, v in r.rows.items()))
    for mode in dict.fromkeys(r.mode for r in results):
        done = [r for r in results if r.mode == mode and not r.skipped]
        if len(done) < 2:
            continue
        small, large = peak_of(done[0]), peak_of(done[-1])
        if not small or not large:
            continue
        ratio = large / small
        verdict = "meets" if ratio <= TARGET_GROWTH else "MISSES"
        print(
            f"{mode}: peak RSS sum at {done[-1].articles:,} ÷ at {done[0].articles:,} articles = "
            f"{ratio:.3f} ({verdict} the ≤ {TARGET_GROWTH:.2f} target)"
        )


def main() -> None:
    """Measure peak RSS of bulk runs at each size and print the growth ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 20_000])
    parser.add_argument(
        "--modes", nargs="+", choices=["cli", "library"], default=["cli", "library"]
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes))

    cli_reason = bulk_cli_unavailable() if "cli" in args.modes else None
    results: list[SizeResult] = []
    with tempfile.TemporaryDirectory(prefix="vnreport-memory-") as tmp:
        work = Path(tmp)
        full = work / "corpus"
        write_corpus(full, sizes[-1], args.seed)
        for size in sizes:
            corpus_dir = _corpus_of(size, full, work)
            for mode in args.modes:
                if mode == "cli" and cli_reason:
                    results.append(SizeResult(mode=mode, articles=size, skipped=cli_reason))
                    continue
                if not args.json:
                    print(f"… {mode} over {size:,} articles", file=sys.stderr, flush=True)
                results.append(measure_size(mode, corpus_dir, size, work))
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False))
    else:
        _print_results(results)


if __name__ == "__main__":
    main()
