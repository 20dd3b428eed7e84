#!/usr/bin/env python3
"""Consistency check for the vnreport evaluation corpus (stdlib only).

For every NNN-slug.gold.json beside an NNN-slug.txt / .html article it checks that

* the JSON parses and has exactly the contract keys, with the right value types;
* article and gold are Unicode NFC;
* the title, the author, every official's name and title, every admin unit and group
  name, every recommendation text and every issuer occur verbatim in the article body
  (the part before the web debris: for .txt the text before the first debris line,
  for .html the <h1> and the post content, before the share buttons);
* every figure value can be found in the body written the Vietnamese way
  (1.619 / 2,5 / 06 / 50%) next to its unit; numbers written in words are reported
  as notes, not errors.

Usage:  python3 corpora/check_gold.py [corpora-dir]
Exit status is 1 when an error is found.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

KEYS = ["title", "event_date", "author", "officials", "admin_units", "groups", "figures",
        "recommendations"]
# Keys a gold record may add after KEYS, in this order: the page's own dateline and the
# inspection records (see "Optional gold keys" in README.md).
OPTIONAL_KEYS = ["published", "inspections"]
INSPECTION_KEYS = {"kind", "body", "leader", "members", "topic", "targets", "organizations", "date"}
INSPECTION_KINDS = {"kiểm tra", "giám sát", "làm việc", "khảo sát", "thăm", "tiếp xúc cử tri",
                    "đối thoại", "họp"}
UNIT_TYPES = {"tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn",
              "đặc khu"}
GROUP_TYPES = {"tổ", "tổ dân phố", "thôn", "bản", "xóm", "khu phố", "ấp", "khóm", "khu dân cư",
               "buôn", "bon", "plei", "làng", "khối", "khu vực", "tổ nhân dân tự quản"}
DEBRIS_LINES = {"Trả lời ý kiến", "Please enter your comment!", "Xin hãy nhập tên", "Chia sẻ",
                "In bài viết", "Tin cùng chuyên mục", "Bình luận"}
DATE_RE = re.compile(r"^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def body_of(path: Path, raw: str) -> str:
    if path.suffix == ".html":
        # the <h1>, the post content, caption and byline; the share buttons, the
        # "Tin cùng chuyên mục" list and the comment form come after and are debris
        start = raw.find("<h1")
        ends = [i for i in (raw.find(">Chia sẻ<", start), raw.find("Tin cùng chuyên mục", start))
                if i != -1]
        return raw[start:min(ends)] if ends else raw[start:]
    lines = raw.split("\n")
    for i, line in enumerate(lines[1:], 1):
        if line.strip() in DEBRIS_LINES or line.strip().startswith("Lượt xem:"):
            return "\n".join(lines[:i])
    return raw


def renderings(value: float) -> list[str]:
    out = []
    if isinstance(value, int) or float(value).is_integer():
        v = int(value)
        out.append(str(v))
        if v >= 1000:
            out.append(f"{v:,}".replace(",", "."))
        if v < 10:
            out.append(f"0{v}")
    else:
        s = repr(float(value))
        ip, fp = s.split(".")
        ipn = int(ip)
        out.append(f"{ipn},{fp}")
        if ipn >= 1000:
            out.append(f"{ipn:,}".replace(",", ".") + "," + fp)
    return out


def figure_found(body: str, fig: dict) -> bool:
    unit = fig["unit"]
    alts = [re.escape(unit)]
    if unit == "%":
        alts.append(r"phần trăm")
    for r in renderings(fig["value"]):
        pat = (r"(?<![\d.,])" + re.escape(r) + r"(?![\d]|[.,]\d)\s*[“\"]?(?:"
               + "|".join(alts) + ")")
        if re.search(pat, body, re.IGNORECASE):
            return True
        if "value_max" in fig:
            # "từ 3 đến 5 mô hình", "3-5 mô hình": the unit follows the upper bound
            for rm in renderings(fig["value_max"]):
                pat = (r"(?<![\d.,])" + re.escape(r) + r"\s*(?:%\s*)?(?:đến|-|–|tới)\s*"
                       + re.escape(rm) + r"\s*(?:" + "|".join(alts) + ")")
                if re.search(pat, body, re.IGNORECASE):
                    return True
    return False


def check(root: Path) -> int:
    errors, notes = [], []
    totals = dict.fromkeys(["officials", "admin_units", "groups", "figures", "recommendations"], 0)
    per_split: dict[str, int] = {}
    for gpath in sorted(root.glob("*/*.gold.json")):
        stem = gpath.name[: -len(".gold.json")]
        art = next((gpath.with_name(stem + ext) for ext in (".txt", ".html")
                    if gpath.with_name(stem + ext).exists()), None)
        tag = f"{gpath.parent.name}/{stem}"
        if art is None:
            errors.append(f"{tag}: no article beside gold")
            continue
        per_split[gpath.parent.name] = per_split.get(gpath.parent.name, 0) + 1
        raw = art.read_text(encoding="utf-8")
        graw = gpath.read_text(encoding="utf-8")
        for what, s in (("article", raw), ("gold", graw)):
            if unicodedata.normalize("NFC", s) != s:
                errors.append(f"{tag}: {what} is not NFC")
        try:
            gold = json.loads(graw)
        except json.JSONDecodeError as exc:
            errors.append(f"{tag}: gold does not parse: {exc}")
            continue
        extra_keys = list(gold)[len(KEYS):]
        if list(gold)[: len(KEYS)] != KEYS or extra_keys != [
            k for k in OPTIONAL_KEYS if k in extra_keys
        ]:
            errors.append(f"{tag}: keys {list(gold)}")
            continue
        body = body_of(art, raw)

        def need(s: str, what: str, tag: str = tag) -> None:
            if not s or s not in body:
                errors.append(f"{tag}: {what} not found verbatim: {s!r}")

        need(gold["title"], "title")
        ed = gold["event_date"]
        if ed is not None and not DATE_RE.match(ed):
            errors.append(f"{tag}: bad event_date {ed!r}")
        if gold["author"] is not None:
            need(gold["author"], "author")
        names = set()
        for o in gold["officials"]:
            if set(o) != {"name", "title", "org_place"}:
                errors.append(f"{tag}: official keys {sorted(o)}")
                continue
            need(o["name"], "official name")
            need(o["title"], "official title")
            if o["name"] in names:
                errors.append(f"{tag}: official listed twice {o['name']!r}")
            names.add(o["name"])
            op = o["org_place"]
            if op is not None and not any(op.startswith(t + " ") for t in UNIT_TYPES):
                errors.append(f"{tag}: bad org_place {op!r}")
        for key, types in (("admin_units", UNIT_TYPES), ("groups", GROUP_TYPES)):
            seen = set()
            for u in gold[key]:
                if set(u) != {"type", "name"} or u["type"] not in types:
                    errors.append(f"{tag}: bad {key} entry {u}")
                    continue
                need(u["name"], f"{key} name")
                k = (u["type"], u["name"])
                if k in seen:
                    errors.append(f"{tag}: {key} duplicate {k}")
                seen.add(k)
        for f in gold["figures"]:
            extra = set(f) - {"value", "unit", "subject", "value_max", "approximate"}
            if extra or not {"value", "unit", "subject"} <= set(f):
                errors.append(f"{tag}: bad figure keys {sorted(f)}")
                continue
            if not isinstance(f["value"], (int, float)) or isinstance(f["value"], bool):
                errors.append(f"{tag}: figure value not a number {f}")
                continue
            if f.get("approximate") not in (None, True):
                errors.append(f"{tag}: approximate must be true or absent {f}")
            if not figure_found(body, f):
                notes.append(f"{tag}: figure not found in digits (words?): {f['value']} {f['unit']}")
        for r in gold["recommendations"]:
            if set(r) != {"issuer", "text"}:
                errors.append(f"{tag}: recommendation keys {sorted(r)}")
                continue
            need(r["text"], "recommendation text")
            if r["issuer"] not in names:
                need(r["issuer"], "issuer")
        published = gold.get("published")
        if published is not None and not (DATE_RE.match(published) and published[0] != "-"):
            errors.append(f"{tag}: bad published {published!r}")
        for ins in gold.get("inspections", []):
            if set(ins) != INSPECTION_KEYS or ins["kind"] not in INSPECTION_KINDS:
                errors.append(f"{tag}: bad inspection {ins}")
                continue
            for key in ("body", "topic"):
                if ins[key] is not None:
                    need(ins[key], f"inspection {key}")
            for person in [ins["leader"], *ins["members"]]:
                if person is not None and person not in names:
                    errors.append(f"{tag}: inspection person not an official {person!r}")
            units = {(u["type"], u["name"]) for u in gold["admin_units"] + gold["groups"]}
            for t in ins["targets"]:
                if (t.get("type"), t.get("name")) not in units:
                    errors.append(f"{tag}: inspection target not a unit or group {t}")
            for org in ins["organizations"]:
                need(org, "inspection organization")
            if ins["date"] is not None and not DATE_RE.match(ins["date"]):
                errors.append(f"{tag}: bad inspection date {ins['date']!r}")
        for k in totals:
            totals[k] += len(gold[k])
    for n in notes:
        print("note:", n)
    for e in errors:
        print("ERROR:", e)
    print("articles per split:", ", ".join(f"{k}={v}" for k, v in sorted(per_split.items())))
    print("totals:", ", ".join(f"{k}={v}" for k, v in totals.items()))
    print(f"{len(errors)} error(s), {len(notes)} note(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    here = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    sys.exit(check(here))
