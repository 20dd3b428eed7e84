"""Throughput of vnreport against the underthesea calls it competes with, on the same texts.

In one run, over one generated corpus (see `corpus.py`), each article split into the same units
(non-empty lines by default: what vnreport's tokenizer hands to `word_tokenize`):

  1. underthesea `word_tokenize` over every unit: the floor, since vnreport segments with it;
  2. underthesea `ner` over every unit of the first `--ner-articles` articles, scaled by
     syllables to the whole corpus: what a user would run instead;
  3. `vnreport.extract` in this process, and the bulk CLI `vnreport extract DIR --workers 1`
     and `--workers 2` (each `--out X.sqlite --quiet`) over the same texts as .txt files;

then the ratios 3/1 and 3/2, our tokenizer (`nlp.make_doc`) against 1, the scaling from 1 to 2
workers, the cold start (import vnreport, `vnreport.load()`, first extract) in fresh processes,
and peak RSS. In-process passes are
interleaved over `--rounds` and the best round is kept, which damps noise from other work on the
machine; CPU seconds are shown beside wall seconds for the same reason.

    python benchmarks/throughput.py                  # 300 articles
    python benchmarks/throughput.py --articles 50    # a quick run
    python benchmarks/throughput.py --profile        # plus where vnreport.extract spends its time
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import re
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from corpus import DEFAULT_SEED, count_syllables, generate, write_corpus
from memory import bulk_cli_unavailable, run_measured, sqlite_counts, vnreport_command

# Issue 16's targets.
TARGET_VS_WORD_TOKENIZE = 0.85
TARGET_VS_NER = 12.0
TARGET_TOKENIZER = 1.0
TARGET_SCALING = 1.8
TARGET_LOAD_SECONDS = 1.5

_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")


def split_units(text: str, unit: str) -> list[str]:
    """Non-empty lines of `text`, or their sentences (split after . ! ? … and a space)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if unit == "line":
        return lines
    return [part for line in lines for part in _SENTENCE_BREAK.split(line) if part]


@dataclass
class Timing:
    """One method over (part of) the corpus."""

    name: str
    articles: int
    syllables: int
    seconds: float
    cpu_seconds: float | None = None
    note: str = ""

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds

    @property
    def syllables_per_second(self) -> float:
        return self.syllables / self.seconds


@dataclass
class Results:
    """Everything one run measured; printed as a table or as JSON."""

    machine: dict[str, Any]
    corpus: dict[str, Any]
    timings: dict[str, Timing] = field(default_factory=dict)
    ratios: dict[str, float | None] = field(default_factory=dict)
    cold_start: dict[str, Any] = field(default_factory=dict)
    rss_mib: dict[str, float] = field(default_factory=dict)
    bulk: dict[str, Any] = field(default_factory=dict)
    profile: dict[str, Any] = field(default_factory=dict)


def machine_info() -> dict[str, Any]:
    """Date, cores, CPU model, Python and library versions: the context of the figures."""
    model = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    from importlib.metadata import version

    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "underthesea": version("underthesea"),
        "spacy": version("spacy"),
        "vnreport": version("vnreport"),
        "load_average": os.getloadavg(),
    }


def _clock(function: Callable[[str], object], items: Iterable[str]) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    for item in items:
        function(item)
    return time.perf_counter() - started, time.process_time() - cpu


def _chunks(count: int, size: int) -> list[range]:
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def best_of_chunks(
    passes: dict[str, tuple[Callable[[str], object], list[list[str]]]], rounds: int
) -> dict[str, tuple[float, float]]:
    """(wall, cpu) seconds of each pass: per chunk, the best of `rounds`; summed over chunks.

    `passes[key]` is a function and, per chunk, the items to call it on. Each chunk is timed
    for every pass in turn, `rounds` times, before the next chunk: the passes compared meet the
    same conditions within a fraction of a second, and a burst of load elsewhere on the machine
    (common on a shared one) spoils one repetition, which the minimum then drops.
    """
    totals = {key: [0.0, 0.0] for key in passes}
    chunk_count = max(len(chunks) for _, chunks in passes.values())
    for index in range(chunk_count):
        best: dict[str, tuple[float, float]] = {}
        for _ in range(rounds):
            for key, (function, chunks) in passes.items():
                if index >= len(chunks) or not chunks[index]:
                    continue
                wall, cpu = _clock(function, chunks[index])
                if key not in best or wall < best[key][0]:
                    best[key] = (wall, cpu)
        for key, (wall, cpu) in best.items():
            totals[key][0] += wall
            totals[key][1] += cpu
    return {key: (wall, cpu) for key, (wall, cpu) in totals.items()}


def measure_in_process(texts: list[str], args: argparse.Namespace, results: Results) -> None:
    """Passes 1, 2 and 3 (in-process): word_tokenize, ner, vnreport.extract, make_doc."""
    from underthesea import ner, word_tokenize

    import vnreport

    nlp = vnreport.load()
    units = [split_units(text, args.unit) for text in texts]
    syllables = sum(count_syllables(text) for text in texts)

    def segment(unit: str) -> object:
        # The call vnreport's tokenizer makes.
        return word_tokenize(unit, use_token_normalize=False)

    def extract(text: str) -> object:
        return vnreport.extract(text, nlp=nlp)

    # Warm every model and lazy resource before timing anything.
    segment(units[0][0])
    ner(units[0][0])
    extract(texts[0])

    chunks = _chunks(len(texts), args.chunk)
    ner_count = max(1, min(args.ner_articles, len(texts)))
    ner_chunks = [[unit for i in chunk if i < ner_count for unit in units[i]] for chunk in chunks]
    scale = syllables / sum(count_syllables(text) for text in texts[:ner_count])
    ner_note = ""
    if ner_count < len(texts):
        ner_note = (
            f"measured on {ner_count} of {len(texts)} articles "
            f"({sum(map(len, ner_chunks))} units), times scaled ×{scale:.2f} by syllables"
        )
    passes: dict[str, tuple[Callable[[str], object], list[list[str]]]] = {
        "word_tokenize": (segment, [[u for i in chunk for u in units[i]] for chunk in chunks]),
        "ner": (ner, ner_chunks),
        "extract": (extract, [[texts[i] for i in chunk] for chunk in chunks]),
        "make_doc": (nlp.make_doc, [[texts[i] for i in chunk] for chunk in chunks]),
    }
    labels = {
        "word_tokenize": ("underthesea word_tokenize", 1.0, ""),
        "ner": ("underthesea ner", scale, ner_note),
        "extract": ("vnreport.extract (1 process)", 1.0, ""),
        "make_doc": ("  of which: tokenizer (nlp.make_doc)", 1.0, ""),
    }
    for key, (wall, cpu) in best_of_chunks(passes, args.rounds).items():
        label, factor, note = labels[key]
        results.timings[key] = Timing(
            label, len(texts), syllables, wall * factor, cpu * factor, note
        )
    results.corpus["units"] = sum(map(len, units))
    results.rss_mib["this process (all models loaded)"] = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )


# --- cold start: a fresh interpreter imports, loads and extracts ------------------------------


def child_main() -> None:
    """Run in a fresh process: time import, load() and the first extract, then the rest."""
    texts: list[str] = json.loads(sys.stdin.read())
    started = time.perf_counter()
    import vnreport

    imported = time.perf_counter()
    nlp = vnreport.load()
    loaded = time.perf_counter()
    vnreport.extract(texts[0], nlp=nlp)
    first = time.perf_counter()
    report: dict[str, Any] = {
        "import_seconds": imported - started,
        "load_seconds": loaded - imported,
        "first_extract_seconds": first - loaded,
        "rss_after_first_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    if len(texts) > 1:
        cpu = time.process_time()
        for text in texts[1:]:
            vnreport.extract(text, nlp=nlp)
        report["rest_articles"] = len(texts) - 1
        report["rest_seconds"] = time.perf_counter() - first
        report["rest_cpu_seconds"] = time.process_time() - cpu
    report["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(report))


def _run_child(texts: list[str]) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child"]
    measured = run_measured(command, stdin=json.dumps(texts), timeout=3_600)
    if measured.returncode != 0:
        raise RuntimeError(f"cold-start child failed:\n{measured.stderr}")
    report: dict[str, Any] = json.loads(measured.stdout.strip().splitlines()[-1])
    report["process_seconds"] = measured.seconds
    return report


def measure_cold_start(texts: list[str], args: argparse.Namespace, results: Results) -> None:
    """Cold start `--cold-runs` times (best kept), then the whole corpus in a clean process."""
    runs = [_run_child(texts[:1]) for _ in range(args.cold_runs)]
    best = min(runs, key=lambda r: r["import_seconds"] + r["load_seconds"])
    best["import_plus_load_all_runs"] = [
        round(r["import_seconds"] + r["load_seconds"], 3) for r in runs
    ]
    results.cold_start = best
    # The first process after an install (or an upgrade) builds vnreport's on-disk cache.
    previous = os.environ.get("VNREPORT_CACHE_DIR")
    with tempfile.TemporaryDirectory() as empty:
        os.environ["VNREPORT_CACHE_DIR"] = empty
        try:
            results.cold_start["empty_cache"] = _run_child(texts[:1])
        finally:
            if previous is None:
                del os.environ["VNREPORT_CACHE_DIR"]
            else:
                os.environ["VNREPORT_CACHE_DIR"] = previous
    clean = _run_child(texts)
    results.rss_mib["vnreport.extract over the corpus, fresh process"] = clean["peak_rss_mib"]
    results.rss_mib["vnreport after load() + first extract"] = best["rss_after_first_mib"]
    if "rest_seconds" in clean:
        syllables = sum(count_syllables(text) for text in texts[1:])
        results.timings["extract_fresh"] = Timing(
            "  same, in a fresh process",
            clean["rest_articles"],
            syllables,
            clean["rest_seconds"],
            clean["rest_cpu_seconds"],
            "articles 2..N after the cold start; one pass, not best-of: noisy",
        )


# --- the bulk CLI --------------------------------------------------------------------------


def measure_bulk(texts: list[str], args: argparse.Namespace, results: Results) -> None:
    """`vnreport extract DIR --workers 1` and `--workers N` into SQLite, or why it was skipped."""
    reason = bulk_cli_unavailable()
    if reason:
        results.bulk = {"skipped": reason}
        return
    command = vnreport_command()
    assert command is not None
    syllables = sum(count_syllables(text) for text in texts)
    with tempfile.TemporaryDirectory(prefix="vnreport-throughput-") as tmp:
        work = Path(tmp)
        corpus_dir = work / "corpus"
        write_corpus(corpus_dir, len(texts), args.seed)
        for workers in (1, args.workers):
            out = work / f"workers{workers}.sqlite"
            run = [*command, "extract", str(corpus_dir), "--workers", str(workers)]
            run += ["--out", str(out), "--quiet"]
            measured = run_measured(run, timeout=3_600)
            key = f"workers_{workers}"
            if measured.returncode != 0:
                tail = " | ".join(measured.stderr.strip().splitlines()[-3:])
                results.bulk[key] = {"skipped": f"exited {measured.returncode}: {tail}"}
                continue
            results.timings[key] = Timing(
                f"vnreport extract --workers {workers}",
                len(texts),
                syllables,
                measured.seconds,
                sum(measured.cpu_by_role.values()) or None,  # sampled: rusage misses workers
                "CLI wall time, process start to exit, SQLite output; CPU of all its processes",
            )
            results.bulk[key] = {
                "command": " ".join(run),
                "rows": sqlite_counts(out),
                "kernel_max_rss_mib": measured.max_rss_mib,
                "tree_rss_mib": measured.tree_rss_mib,
                "largest_process_rss_mib": measured.largest_process_rss_mib,
                "tree_pss_mib": measured.tree_pss_mib,
                "cpu_seconds_by_role": measured.cpu_by_role,
            }
            if measured.tree_pss_mib:
                results.rss_mib[f"bulk CLI --workers {workers}: all processes, PSS"] = (
                    measured.tree_pss_mib
                )
            if measured.tree_rss_mib is not None:
                results.rss_mib[f"bulk CLI --workers {workers}: all processes, RSS sum"] = (
                    measured.tree_rss_mib
                )
            if measured.largest_process_rss_mib is not None:
                results.rss_mib[f"bulk CLI --workers {workers}: largest process"] = (
                    measured.largest_process_rss_mib
                )


# --- profile -------------------------------------------------------------------------------


def _bucket(filename: str) -> str:
    for package in ("underthesea", "spacy", "thinc", "pydantic", "srsly", "vnreport"):
        # Cython modules report paths relative to site-packages ("spacy/tokens/doc.pyx").
        if f"/{package}/" in filename or f"/{package}_" in filename or filename.startswith(package):
            return package
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    return "other (stdlib)"


def _by_package(stats: pstats.Stats) -> dict[str, float]:
    """Own time per package; builtins (regex, str methods) are charged to their callers."""
    totals: dict[str, float] = defaultdict(float)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, _, own, _, callers) in raw.items():
        bucket = _bucket(filename)
        if bucket != "builtins" or not callers:
            totals[bucket] += own
            continue
        caller_time = {caller: value[2] for caller, value in callers.items()}
        whole = sum(caller_time.values()) or 1.0
        for caller, share in caller_time.items():
            caller_bucket = _bucket(caller[0])
            if caller_bucket == "builtins":
                caller_bucket = "other (stdlib)"
            totals[caller_bucket] += own * share / whole
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


class _Replay:
    """`vnreport.extract` step by step, with a clock around each step and inside the tokenizer."""

    def __init__(self) -> None:
        import vnreport
        import vnreport.lang.tokenizer as tokenizer_module
        from vnreport.pipeline.assemble import doc_to_report

        self.vnreport = vnreport
        self.tokenizer_module = tokenizer_module
        self.doc_to_report = doc_to_report
        self.nlp = vnreport.load()
        vnreport.extract("Kiểm tra.\n\nSáng 14/9, đoàn kiểm tra xã Nam Mẫu.", nlp=self.nlp)
        self.stages: dict[str, float] = defaultdict(float)

    def _timed(self, name: str, function: Callable[[str], Any]) -> Callable[[str], Any]:
        def wrapper(value: str) -> Any:
            started = time.perf_counter()
            try:
                return function(value)
            finally:
                self.stages[name] += time.perf_counter() - started

        return wrapper

    @contextmanager
    def clocks_in_tokenizer(self) -> Iterator[None]:
        """Wrap the segmenter's `words` (underthesea's CRF) and the module's `normalize_text`."""
        module = self.tokenizer_module
        segmenter = module._segmenter()
        normalize = module.normalize_text
        segmenter.words = self._timed("underthesea CRF (segmenter.words)", segmenter.words)
        module.normalize_text = self._timed("normalize_text", normalize)
        try:
            yield
        finally:
            del segmenter.words  # the instance attribute; the method shows through again
            module.normalize_text = normalize

    def run(self, texts: list[str]) -> dict[str, float]:
        """Seconds per step over `texts`."""
        self.stages.clear()
        stages = self.stages
        for text in texts:
            started = time.perf_counter()
            self.vnreport.Document(text=text)  # what extract() builds before the pipeline
            stages["extract() wrapper (Document model)"] += time.perf_counter() - started
            started = time.perf_counter()
            doc = self.nlp.make_doc(text)
            stages["tokenizer (all)"] += time.perf_counter() - started
            for name, component in self.nlp.pipeline:
                started = time.perf_counter()
                doc = component(doc)
                stages[name] += time.perf_counter() - started
            started = time.perf_counter()
            self.doc_to_report(doc)
            stages["doc_to_report (Report model)"] += time.perf_counter() - started
        inside = stages["underthesea CRF (segmenter.words)"] + stages["normalize_text"]
        stages["tokenizer: spans + Doc construction"] = stages.pop("tokenizer (all)") - inside
        return dict(stages)

    def extract(self, text: str) -> object:
        """The real call, with no clocks inside."""
        return self.vnreport.extract(text, nlp=self.nlp)


def _stage_times(texts: list[str], rounds: int, chunk: int) -> dict[str, Any]:
    """ms/article of each step of `vnreport.extract`; per chunk the best of `rounds` per step."""
    replay = _Replay()
    totals: dict[str, float] = defaultdict(float)
    extract_total = 0.0
    for indices in _chunks(len(texts), chunk):
        items = [texts[i] for i in indices]
        best: dict[str, float] = {}
        best_extract = float("inf")
        for _ in range(rounds):
            with replay.clocks_in_tokenizer():
                stages = replay.run(items)
            for name, seconds in stages.items():
                best[name] = min(best.get(name, float("inf")), seconds)
            best_extract = min(best_extract, _clock(replay.extract, items)[0])
        for name, seconds in best.items():
            totals[name] += seconds
        extract_total += best_extract
    per_article = {name: 1000 * seconds / len(texts) for name, seconds in totals.items()}
    return {
        "stages_ms_per_article": dict(sorted(per_article.items(), key=lambda item: -item[1])),
        "stages_sum_ms_per_article": sum(per_article.values()),
        "extract_ms_per_article": 1000 * extract_total / len(texts),
    }


def _spacy_costs(texts: list[str]) -> dict[str, float]:
    """µs per call of the Doc accesses the components repeat, on a typical processed article."""
    from spacy.attrs import IDX
    from spacy.tokens import Doc

    import vnreport

    nlp = vnreport.load()
    typical = sorted(texts, key=len)[len(texts) // 2]
    doc = nlp(typical)
    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    probes: dict[str, Callable[[], object]] = {
        "doc.text (joins every token)": lambda: doc.text,
        "{token.idx for token in doc}": lambda: {token.idx for token in doc},
        "doc.to_array(IDX)": lambda: doc.to_array(IDX),
        "Doc(vocab, words=…, spaces=…)": lambda: Doc(nlp.vocab, words=words, spaces=spaces),
    }
    costs = {"tokens in the typical article": float(len(doc))}
    for name, probe in probes.items():
        repeats = 200
        started = time.perf_counter()
        for _ in range(repeats):
            probe()
        costs[name] = 1e6 * (time.perf_counter() - started) / repeats
    return costs


def profile_extract(texts: list[str], args: argparse.Namespace, results: Results) -> None:
    """Per-stage times of vnreport.extract, spaCy access costs, and a cProfile run."""
    import vnreport

    results.profile.update(_stage_times(texts, args.rounds, args.chunk))
    results.profile["spacy_costs_us"] = _spacy_costs(texts)
    nlp = vnreport.load()
    vnreport.extract(texts[0], nlp=nlp)
    sample = texts[: args.profile_articles]
    profiler = cProfile.Profile()
    profiler.enable()
    for text in sample:
        vnreport.extract(text, nlp=nlp)
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(value[2] for value in raw.values())
    results.profile["cprofile_articles"] = len(sample)
    results.profile["own_time_share_by_package"] = {
        name: round(seconds / total, 3) for name, seconds in _by_package(stats).items()
    }
    top = sorted(raw.items(), key=lambda item: -item[1][2])[: args.profile_top]
    results.profile["top_functions_by_own_time"] = [
        {
            "function": f"{_short(filename)}:{line}({name})",
            "calls": value[1],
            "own_ms_per_article": round(1000 * value[2] / len(sample), 3),
            "cumulative_ms_per_article": round(1000 * value[3] / len(sample), 3),
        }
        for (filename, line, name), value in top
    ]


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/src/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


# --- report ----------------------------------------------------------------------------------


def compute_ratios(results: Results) -> None:
    """3/1, 3/2 and the worker scaling, by wall time and by CPU time."""
    t = results.timings
    extract = t["extract"]
    results.ratios["extract_vs_word_tokenize"] = (
        extract.articles_per_second / t["word_tokenize"].articles_per_second
    )
    results.ratios["extract_vs_ner"] = extract.articles_per_second / t["ner"].articles_per_second
    results.ratios["tokenizer_vs_word_tokenize"] = (
        t["make_doc"].articles_per_second / t["word_tokenize"].articles_per_second
    )
    for name, other in (("word_tokenize", t["word_tokenize"]), ("ner", t["ner"])):
        if extract.cpu_seconds and other.cpu_seconds:
            results.ratios[f"extract_vs_{name}_cpu"] = other.cpu_seconds / extract.cpu_seconds
    one, many = t.get("workers_1"), t.get(f"workers_{results.corpus['workers']}")
    if one and many:
        results.ratios["workers_scaling"] = many.articles_per_second / one.articles_per_second
        # The CLI's wall time includes its own cold start; the steady-state scaling excludes it.
        start = results.cold_start.get("process_seconds", 0.0)
        if one.seconds > start and many.seconds > start:
            results.ratios["workers_scaling_without_startup"] = (one.seconds - start) / (
                many.seconds - start
            )


def _verdict(value: float | None, target: float, *, at_most: bool = False) -> str:
    if value is None:
        return ""
    ok = value <= target if at_most else value >= target
    sign = "≤" if at_most else "≥"
    return f"(target {sign} {target:g}: {'meets' if ok else 'MISSES'})"


def _print_timings(results: Results) -> None:
    m, c = results.machine, results.corpus
    print(f"vnreport throughput — {m['date']}")
    print(f"machine: {m['nproc']} cores, {m['cpu']}, Python {m['python']}, {m['platform']}")
    print(f"versions: underthesea {m['underthesea']}, spaCy {m['spacy']}, vnreport {m['vnreport']}")
    print(f"load average at start: {', '.join(f'{x:.2f}' for x in m['load_average'])}")
    print(
        f"corpus: {c['articles']:,} generated articles (seed {c['seed']}), {c['syllables']:,} "
        f"syllables, {c.get('units', 0):,} units ({c['unit']}s); per chunk of {c['chunk']} "
        f"articles the best of {c['rounds']} rounds"
    )
    print()
    print(f"{'':40} {'seconds':>8} {'cpu s':>8} {'articles/s':>11} {'syllables/s':>12}")
    order = ["word_tokenize", "ner", "extract", "make_doc", "extract_fresh"]
    keys = [k for k in order if k in results.timings]
    keys += [k for k in results.timings if k not in order]
    for timing in (results.timings[key] for key in keys):
        cpu = f"{timing.cpu_seconds:8.2f}" if timing.cpu_seconds is not None else f"{'':8}"
        print(
            f"{timing.name:40} {timing.seconds:8.2f} {cpu} {timing.articles_per_second:11.1f} "
            f"{timing.syllables_per_second:12,.0f}"
        )
        if timing.note:
            print(f"{'':42}({timing.note})")
    for key, value in results.bulk.items():
        if key == "skipped":
            print(f"{'vnreport extract --workers 1 / 2':40} skipped: {value}")
        elif "skipped" in value:
            print(f"{'vnreport extract ' + key:40} skipped: {value['skipped']}")
        else:
            cpu = ", ".join(f"{r} {t:.1f}" for r, t in value["cpu_seconds_by_role"].items())
            print(f"{'':42}({key} CPU seconds: {cpu})")
            rows = ", ".join(f"{table}={count:,}" for table, count in value["rows"].items())
            print(f"{'':42}({key} wrote {rows})")


def _print_ratios(results: Results) -> None:
    r, c = results.ratios, results.corpus
    print()
    print("ratios")
    wt, wt_cpu = r.get("extract_vs_word_tokenize"), r.get("extract_vs_word_tokenize_cpu")
    print(
        f"  3/1 extract ÷ word_tokenize throughput  {wt:6.2f} "
        f"{_verdict(wt, TARGET_VS_WORD_TOKENIZE)}  by CPU time {wt_cpu or float('nan'):.2f}"
    )
    ner, ner_cpu = r.get("extract_vs_ner"), r.get("extract_vs_ner_cpu")
    print(
        f"  3/2 extract ÷ ner throughput            {ner:6.2f} "
        f"{_verdict(ner, TARGET_VS_NER)}  by CPU time {ner_cpu or float('nan'):.2f}"
    )
    tokenizer = r.get("tokenizer_vs_word_tokenize")
    print(
        f"  tokenizer ÷ word_tokenize throughput    {tokenizer:6.2f} "
        f"{_verdict(tokenizer, TARGET_TOKENIZER)}"
    )
    scaling = r.get("workers_scaling")
    if scaling is None:
        reason = results.bulk.get("skipped") or "a bulk run failed (see above)"
        print(f"  workers {c['workers']} ÷ workers 1                   skipped: {reason}")
    else:
        steady = r.get("workers_scaling_without_startup")
        print(
            f"  workers {c['workers']} ÷ workers 1                   {scaling:6.2f} "
            f"{_verdict(scaling, TARGET_SCALING)}  without the cold start "
            + (f"{steady:.2f}" if steady else "n/a (corpus too small)")
        )


def _print_cold_start_and_rss(results: Results) -> None:
    cold = results.cold_start
    load = cold["import_seconds"] + cold["load_seconds"]
    print()
    print(f"cold start (fresh process, best of {len(cold['import_plus_load_all_runs'])})")
    print(
        f"  import vnreport {cold['import_seconds']:.2f} s + load() {cold['load_seconds']:.2f} s "
        f"= {load:.2f} s"
    )
    print(
        f"  first extract {cold['first_extract_seconds']:.2f} s (lazy models and lexicons); "
        f"interpreter start to first Report {cold['process_seconds']:.2f} s"
    )
    first = load + cold["first_extract_seconds"]
    print(
        f"  first Report (import + load + first extract) {first:.2f} s "
        f"{_verdict(first, TARGET_LOAD_SECONDS, at_most=True)}"
    )
    print(f"  import + load of every run: {cold['import_plus_load_all_runs']}")
    empty = cold.get("empty_cache")
    if empty:
        total = empty["import_seconds"] + empty["load_seconds"] + empty["first_extract_seconds"]
        print(
            f"  with an empty vnreport cache (first run after install): first Report {total:.2f} s"
            f" (import + load {empty['import_seconds'] + empty['load_seconds']:.2f} s)"
        )
    print()
    print("peak RSS")
    for name, mib in results.rss_mib.items():
        print(f"  {name:52} {mib:8.1f} MiB")


def _print_profile(profile: dict[str, Any]) -> None:
    total = profile["extract_ms_per_article"]
    print()
    print(
        f"profile: vnreport.extract {total:.2f} ms/article; its steps replayed one by one "
        f"(sum {profile['stages_sum_ms_per_article']:.2f}):"
    )
    for name, ms in profile["stages_ms_per_article"].items():
        print(f"  {name:44} {ms:7.2f} ms  {100 * ms / total:5.1f}%")
    print("spaCy Doc accesses on a typical article (µs per call)")
    for name, value in profile["spacy_costs_us"].items():
        print(f"  {name:44} {value:9.1f}")
    articles = profile["cprofile_articles"]
    print(f"own time by package (cProfile over {articles} articles; builtins charged to callers)")
    for name, share in profile["own_time_share_by_package"].items():
        print(f"  {name:44} {100 * share:5.1f}%")
    print("top functions by own time (ms/article, inflated by cProfile's tracing)")
    for row in profile["top_functions_by_own_time"]:
        print(
            f"  {row['own_ms_per_article']:7.3f} own {row['cumulative_ms_per_article']:7.3f} "
            f"cum {row['calls']:>8} calls  {row['function']}"
        )


def print_results(results: Results) -> None:
    """The human-readable report."""
    _print_timings(results)
    _print_ratios(results)
    _print_cold_start_and_rss(results)
    if results.profile:
        _print_profile(results.profile)


def to_json(results: Results) -> str:
    """The results as JSON, with each timing's derived rates."""
    data = asdict(results)
    for key, timing in results.timings.items():
        data["timings"][key]["articles_per_second"] = timing.articles_per_second
        data["timings"][key]["syllables_per_second"] = timing.syllables_per_second
    return json.dumps(data, indent=2, ensure_ascii=False)


def main() -> None:
    """Generate the corpus, run every measurement, print the report."""
    if "--child" in sys.argv[1:]:
        child_main()
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--unit", choices=["line", "sentence"], default="line")
    parser.add_argument("--rounds", type=int, default=3, help="repetitions of each chunk")
    parser.add_argument("--chunk", type=int, default=10, help="articles per timed chunk")
    parser.add_argument("--ner-articles", type=int, default=50, help="ner runs on this many")
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="compared with --workers 1")
    parser.add_argument("--skip-bulk", action="store_true", help="leave out the CLI runs")
    parser.add_argument("--profile", action="store_true", help="add per-stage times and cProfile")
    parser.add_argument("--profile-articles", type=int, default=100)
    parser.add_argument("--profile-top", type=int, default=25)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    texts = list(generate(args.articles, args.seed))
    results = Results(
        machine=machine_info(),
        corpus={
            "articles": len(texts),
            "seed": args.seed,
            "syllables": sum(count_syllables(text) for text in texts),
            "unit": args.unit,
            "rounds": args.rounds,
            "chunk": args.chunk,
            "workers": args.workers,
        },
    )
    steps: list[tuple[str, Callable[[list[str], argparse.Namespace, Results], None]]] = [
        ("cold start", measure_cold_start),
        ("in-process passes", measure_in_process),
    ]
    if args.skip_bulk:
        results.bulk = {"skipped": "--skip-bulk"}
    else:
        steps.append(("bulk CLI", measure_bulk))
    if args.profile:
        steps.append(("profile", profile_extract))
    for label, step in steps:
        print(f"… {label}", file=sys.stderr, flush=True)
        step(texts, args, results)
    compute_ratios(results)
    if args.json:
        print(to_json(results))
    else:
        print_results(results)


if __name__ == "__main__":
    main()
