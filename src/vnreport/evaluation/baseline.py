"""underthesea's own `ner`, mapped onto our fields, to compare against in `vnreport eval`.

PER entities count as officials (underthesea gives no titles), LOC entities that begin with an
administrative or residential type word count as units or groups. Figures, recommendations and
dates have no counterpart and stay empty.
"""

from __future__ import annotations

from functools import cache

from vnreport.evaluation.scoring import Prediction
from vnreport.resources import load_json
from vnreport.text.normalize import fold, normalize_text
from vnreport.text.page import classify, sentence_spans

COVERED_FIELDS = frozenset({"officials", "admin_units", "groups"})


@cache
def _type_words() -> tuple[tuple[str, str, str], ...]:
    admin = load_json("admin_types")["types"]
    groups = load_json("group_types")["types"]
    words = [(w.lower(), t, "admin") for w, t in admin.items()]
    words += [(w.lower(), t, "group") for w, t in groups.items()]
    return tuple(sorted(set(words), key=lambda item: len(item[0]), reverse=True))


def _entities(sentence: str) -> list[tuple[str, str]]:
    from underthesea import ner

    entities: list[tuple[str, str]] = []
    for word, _pos, _chunk, tag in ner(sentence):
        if tag.startswith("B-"):
            entities.append((tag[2:], word))
        elif tag.startswith("I-") and entities and entities[-1][0] == tag[2:]:
            entities[-1] = (tag[2:], f"{entities[-1][1]} {word}")
    return entities


def predict(text: str) -> Prediction:
    """underthesea `ner` over every sentence of the article's content."""
    text = normalize_text(text)
    segments = classify(text, max_title_chars=250, max_byline_words=8)
    prediction = Prediction()
    for segment in segments:
        if segment.kind in {"boilerplate", "byline"}:
            continue
        for start, end in sentence_spans(text, segment.span.start, segment.span.end):
            for label, entity in _entities(text[start:end]):
                _add(prediction, label, entity)
    return prediction


def _add(prediction: Prediction, label: str, entity: str) -> None:
    if label == "PER":
        prediction.officials.setdefault(fold(entity), None)
        return
    if label != "LOC":
        return
    lowered = entity.lower()
    for word, unit_type, family in _type_words():
        if lowered.startswith(word + " ") or (word.endswith(".") and lowered.startswith(word)):
            name = entity[len(word) :].strip()
            target = prediction.admin_units if family == "admin" else prediction.groups
            target.append((unit_type, fold(name)))
            return
