"""vnreport's officials, units and groups on two public NER test sets, beside underthesea `ner`.

    python benchmarks/external_ner.py PATH_TO_VLSP PATH_TO_PHONER

PATH_TO_VLSP is the VLSP 2016 NER test file (`VLSP2016/test.txt` of github.com/MinhSpaceX/KC:
blocks opened by `IMGID:…`, one `word<TAB>label` per line, syllables of a word joined by `_`).
PATH_TO_PHONER is the PhoNER_COVID19 syllable test file (`data/syllable/test_syllable.conll` of
github.com/VinAIResearch/PhoNER_COVID19: one `syllable label` per line, blank lines between
sentences). Neither is part of this repository; fetch them and pass their paths.

Figures (each sentence is read on its own, as the body of a one-sentence article):

* VLSP 2016, PER a title introduces (a title word within 6 words before the name or 3 after):
  recall of vnreport's officials (an official whose name is the PER text) and of underthesea's
  PER spans; vnreport's precision over all PER of all sentences (an official is right when its
  name is a PER of its sentence), and underthesea's precision on the titled sentences.
* PhoNER_COVID19, LOCATION spans that begin with a unit type word ("phường Phước Hòa", "TP. HCM")
  or a residential group type word ("thôn 3", "khu phố 4"): exact recall (a vnreport unit or
  group mention whose text is the LOCATION text; underthesea: a LOC span with that text).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SOURCES = {
    "vlsp": "VLSP 2016 test: github.com/MinhSpaceX/KC, file VLSP2016/test.txt",
    "phoner": (
        "PhoNER_COVID19 test: github.com/VinAIResearch/PhoNER_COVID19, "
        "file data/syllable/test_syllable.conll"
    ),
}
# Titles of public office as news text writes them, lower-cased; the benchmark's own list, kept
# apart from vnreport's lexicon so that the measure does not follow the rules it measures. Bare
# "phó" and "chánh" are left out: alone they are as often a family or given name ("Phó Đức Huy").
TITLE_WORDS = (
    "chủ tịch", "bí thư", "giám đốc", "trưởng", "phó chủ tịch", "phó phòng", "phó ban",
    "ủy viên", "uỷ viên", "chủ nhiệm", "đại biểu", "chánh văn phòng", "chánh án",
    "chánh thanh tra", "thống đốc", "thứ trưởng", "bộ trưởng", "thủ tướng", "tổng bí thư",
    "viện trưởng",
    "cục trưởng", "hiệu trưởng", "chỉ huy", "chính ủy", "chính uỷ", "tư lệnh", "thiếu tướng",
    "trung tướng", "thượng tướng", "đại tướng", "đại tá", "thượng tá", "trung tá", "thiếu tá",
    "đại úy", "đại uý", "chủ nhiệm", "tổng thư ký", "trưởng ban", "trưởng phòng", "trưởng đoàn",
    "thường trực", "tổng giám đốc", "phát ngôn viên", "chủ tọa", "bí thư tỉnh ủy",
)  # fmt: skip
UNIT_TYPES = (
    "tỉnh", "thành phố", "tp", "tp.", "quận", "q.", "huyện", "thị xã", "tx", "tx.", "phường",
    "p.", "xã", "thị trấn", "tt.", "đặc khu",
)  # fmt: skip
GROUP_TYPES = (
    "tổ dân phố", "tdp", "tổ", "thôn", "bản", "xóm", "khu phố", "kp", "kp.", "ấp", "khóm",
    "khu dân cư", "buôn", "bon", "plei", "làng", "khối", "khu vực", "tổ nhân dân tự quản",
)  # fmt: skip
BEFORE_WORDS, AFTER_WORDS = 6, 3
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "”", "%", "…"}
_NO_SPACE_AFTER = {"(", "[", "“"}


@dataclass
class Sentence:
    """A sentence rebuilt from its tokens, with the character spans of its entities."""

    text: str = ""
    words: list[tuple[int, int]] = field(default_factory=list)
    entities: list[tuple[str, int, int]] = field(default_factory=list)

    def entity_text(self, start: int, end: int) -> str:
        """The text of a span."""
        return self.text[start:end]


def _build(tokens: list[tuple[str, str]]) -> Sentence:
    sentence = Sentence()
    parts: list[str] = []
    length = 0
    entity: tuple[str, int] | None = None  # kind and start of the entity being read
    entity_end = 0
    previous = ""
    for raw, label in tokens:
        word = raw.replace("_", " ")
        if parts and word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            parts.append(" ")
            length += 1
        start = length
        parts.append(word)
        length += len(word)
        sentence.words.append((start, length))
        previous = word
        kind = label[2:] if label[:2] in {"B-", "I-"} else None
        if label.startswith("I-") and entity is not None and entity[0] == kind:
            entity_end = length
            continue
        if entity is not None:
            sentence.entities.append((entity[0], entity[1], entity_end))
            entity = None
        if kind is not None:
            entity, entity_end = (kind, start), length
    if entity is not None:
        sentence.entities.append((entity[0], entity[1], entity_end))
    sentence.text = "".join(parts)
    return sentence


def read_vlsp(path: Path) -> Iterator[Sentence]:
    """Sentences of the VLSP 2016 file."""
    tokens: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("IMGID:") or not line.strip():
            if tokens:
                yield _build(tokens)
            tokens = []
            continue
        word, _, label = line.partition("\t")
        tokens.append((word, label.strip() or "O"))
    if tokens:
        yield _build(tokens)


def read_phoner(path: Path) -> Iterator[Sentence]:
    """Sentences of the PhoNER_COVID19 syllable file."""
    tokens: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                yield _build(tokens)
            tokens = []
            continue
        word, _, label = line.rpartition(" ")
        tokens.append((word, label))
    if tokens:
        yield _build(tokens)


def _syllables_before(sentence: Sentence, start: int, count: int) -> str:
    before = sentence.text[:start].split()
    return " ".join(before[-count:]).lower()


def _syllables_after(sentence: Sentence, end: int, count: int) -> str:
    return " ".join(sentence.text[end:].split()[:count]).lower()


_TITLE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in TITLE_WORDS) + r")(?!\w)")


def is_titled(sentence: Sentence, start: int, end: int) -> bool:
    """Whether a title word stands within 6 words before the span or 3 after it."""
    window = (
        _syllables_before(sentence, start, BEFORE_WORDS),
        _syllables_after(sentence, end, AFTER_WORDS),
    )
    return any(_TITLE.search(part) for part in window)


def _type_of(text: str) -> str | None:
    lowered = text.lower()
    for kind, words in (("group", GROUP_TYPES), ("unit", UNIT_TYPES)):
        for word in sorted(words, key=len, reverse=True):
            if lowered.startswith(word) and (
                len(lowered) > len(word) and (lowered[len(word)] == " " or word.endswith("."))
            ):
                return kind
    return None


def _underthesea_spans(text: str, label: str) -> list[str]:
    from underthesea import ner

    spans: list[str] = []
    current: list[str] = []
    for item in ner(text):
        word, tag = item[0], item[-1]
        if tag == f"B-{label}":
            if current:
                spans.append(" ".join(current))
            current = [word]
        elif tag == f"I-{label}" and current:
            current.append(word)
        else:
            if current:
                spans.append(" ".join(current))
            current = []
    if current:
        spans.append(" ".join(current))
    return [re.sub(r"\s+", " ", span.replace("_", " ")).strip() for span in spans]


_LEAD = "Tin\n\n"


def _report(nlp: object, text: str) -> object:
    import vnreport

    return vnreport.extract(_LEAD + text, nlp=nlp)  # type: ignore[arg-type]


def _as_vnreport_writes(text: str) -> str:
    """Gold text in the form vnreport's reports hold it (tone marks placed one way: "Hòa")."""
    from vnreport.text.normalize import normalize_text

    return normalize_text(text)


def _location_text(sentence: Sentence, start: int, end: int) -> str:
    """A LOCATION's text; a full stop the tokens glued to its last word ("TP.HCM.") is dropped:
    it ends the sentence, not the name."""
    text = sentence.entity_text(start, end)
    if text.endswith(".") and not text.endswith(" ."):
        text = text[:-1]
    return _as_vnreport_writes(text)


def vlsp_figures(path: Path, nlp: object, *, compare: bool) -> dict[str, float | int]:
    """Titled-PER recall (vnreport, underthesea) and precision on the VLSP 2016 sentences."""
    titled = found = ner_found = ner_predicted = ner_right = 0
    predicted = right = 0
    for sentence in read_vlsp(path):
        people = [
            _as_vnreport_writes(sentence.entity_text(s, e))
            for kind, s, e in sentence.entities
            if kind == "PER"
        ]
        report = _report(nlp, sentence.text)
        names = {official.name for official in report.officials}  # type: ignore[attr-defined]
        predicted += len(names)
        right += len(names & set(people))
        titled_here = [
            _as_vnreport_writes(sentence.entity_text(s, e))
            for kind, s, e in sentence.entities
            if kind == "PER" and is_titled(sentence, s, e)
        ]
        if not titled_here:
            continue
        titled += len(titled_here)
        found += sum(name in names for name in titled_here)
        if compare:
            spans = [_as_vnreport_writes(s) for s in _underthesea_spans(sentence.text, "PER")]
            ner_found += sum(name in spans for name in titled_here)
            ner_predicted += len(spans)
            ner_right += sum(span in people for span in spans)
    return {
        "titled_per": titled,
        "vnreport_recall": found / titled if titled else 0.0,
        "vnreport_precision_all_per": right / predicted if predicted else 0.0,
        "vnreport_predicted": predicted,
        "underthesea_recall": ner_found / titled if titled else 0.0,
        "underthesea_precision_titled_sentences": ner_right / ner_predicted
        if ner_predicted
        else 0.0,
    }


def phoner_figures(path: Path, nlp: object, *, compare: bool) -> dict[str, float | int]:
    """Exact recall of typed LOCATIONs as units and as groups, vnreport and underthesea."""
    totals = {"unit": 0, "group": 0}
    found = {"unit": 0, "group": 0}
    ner_found = {"unit": 0, "group": 0}
    missed: list[str] = []
    for sentence in read_phoner(path):
        gold = [
            (_type_of(_location_text(sentence, s, e)), _location_text(sentence, s, e))
            for kind, s, e in sentence.entities
            if kind == "LOCATION"
        ]
        gold = [(kind, text) for kind, text in gold if kind is not None]
        if not gold:
            continue
        report = _report(nlp, sentence.text)
        mentions = {
            "unit": {m.text for u in report.admin_units for m in u.mentions},  # type: ignore[attr-defined]
            "group": {m.text for g in report.groups for m in g.mentions},  # type: ignore[attr-defined]
        }
        spans = (
            [_as_vnreport_writes(s) for s in _underthesea_spans(sentence.text, "LOC")]
            if compare
            else []
        )
        for kind, text in gold:
            assert kind is not None
            totals[kind] += 1
            if text in mentions[kind]:
                found[kind] += 1
            else:
                missed.append(f"{kind}: {text}")
            ner_found[kind] += text in spans
    figures: dict[str, float | int] = {}
    for kind in ("unit", "group"):
        figures[f"{kind}_locations"] = totals[kind]
        figures[f"{kind}_vnreport_recall"] = found[kind] / totals[kind] if totals[kind] else 0.0
        figures[f"{kind}_underthesea_recall"] = (
            ner_found[kind] / totals[kind] if totals[kind] else 0.0
        )
    if missed:
        print("PhoNER typed LOCATIONs vnreport missed:", file=sys.stderr)
        for line in missed:
            print("  " + line, file=sys.stderr)
    return figures


def _existing(path: str, source: str) -> Path:
    candidate = Path(path)
    if not candidate.is_file():
        sys.exit(f"{candidate}: no such file. Get the {SOURCES[source]} and pass its path.")
    return candidate


def main(argv: list[str] | None = None) -> int:
    """Run both measures and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("vlsp", nargs="?", help=SOURCES["vlsp"])
    parser.add_argument("phoner", nargs="?", help=SOURCES["phoner"])
    parser.add_argument("--no-underthesea", action="store_true", help="skip underthesea ner")
    args = parser.parse_args(argv)
    if args.vlsp is None or args.phoner is None:
        parser.error(f"give both paths: {SOURCES['vlsp']}; {SOURCES['phoner']}")
    vlsp = _existing(args.vlsp, "vlsp")
    phoner = _existing(args.phoner, "phoner")
    import vnreport

    nlp = vnreport.load()
    compare = not args.no_underthesea
    started = time.perf_counter()
    results = {"vlsp2016": vlsp_figures(vlsp, nlp, compare=compare)}
    results["phoner_covid19"] = phoner_figures(phoner, nlp, compare=compare)
    for corpus, figures in results.items():
        print(corpus)
        for key, value in figures.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            print(f"  {key:42} {shown}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
