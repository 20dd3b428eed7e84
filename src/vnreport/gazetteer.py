"""The national gazetteer of administrative units, before and after the July 2025 reform.

Built from the unit mapping underthesea ships (`underthesea.address`): every ward and commune
of the 63-province, three-level system with its district and province, and the ward and
province of the 34-province, two-level system it belongs to now.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from vnreport.errors import ResourceError
from vnreport.normalize import fold
from vnreport.records import GazetteerUnit

# Type words as the gazetteer writes them, longest first, mapped to our lower-case types.
_TYPE_PREFIXES = (
    ("thành phố ", "thành phố"),
    ("thị trấn ", "thị trấn"),
    ("thị xã ", "thị xã"),
    ("phường ", "phường"),
    ("huyện ", "huyện"),
    ("quận ", "quận"),
    ("tỉnh ", "tỉnh"),
    ("đặc khu ", "đặc khu"),
    ("xã ", "xã"),
)


def split_type(full_name: str) -> tuple[str, str]:
    """("Phường Huyền Tụng") → ("phường", "Huyền Tụng"); unknown prefixes give type ""."""
    lowered = full_name.lower()
    for prefix, unit_type in _TYPE_PREFIXES:
        if lowered.startswith(prefix):
            return unit_type, full_name[len(prefix) :].strip()
    return "", full_name.strip()


class Gazetteer:
    """Look-ups of units by (type, name), with their parents and their post-2025 successors."""

    def __init__(self, records: Iterable[dict[str, str]], provinces: dict[str, dict[str, str]]):
        self._units: dict[tuple[str, str], list[GazetteerUnit]] = defaultdict(list)
        self._names: set[str] = set()
        seen: set[tuple[str, ...]] = set()
        for info in provinces.values():
            unit_type, name = split_type(info["name"])
            self._add(seen, GazetteerUnit(type=unit_type, name=name, code=info.get("code")))
        for record in records:
            self._add_record(seen, record)

    def _add(self, seen: set[tuple[str, ...]], unit: GazetteerUnit) -> None:
        identity = (unit.type, unit.name, unit.district or "", unit.province or "")
        if identity in seen:
            return
        seen.add(identity)
        self._units[(unit.type, fold(unit.name))].append(unit)
        self._names.add(fold(unit.name))

    def _add_record(self, seen: set[tuple[str, ...]], record: dict[str, str]) -> None:
        ward_type, ward = split_type(record["old_ward"])
        district_type, district = split_type(record["old_district"])
        _, province = split_type(record["old_province"])
        _, new_ward = split_type(record["new_ward"]) if record.get("new_ward") else ("", "")
        _, new_province = split_type(record["new_province"])
        if ward_type:
            self._add(
                seen,
                GazetteerUnit(
                    type=ward_type,
                    name=ward,
                    district=record["old_district"],
                    province=record["old_province"],
                    new_name=record["new_ward"] or None,
                    new_province=record["new_province"],
                    change=record.get("mapping_type"),
                ),
            )
        if district_type:
            self._add(
                seen,
                GazetteerUnit(
                    type=district_type,
                    name=district,
                    province=record["old_province"],
                    new_province=record["new_province"],
                ),
            )
        if new_ward:
            new_type, _ = split_type(record["new_ward"])
            self._add(
                seen,
                GazetteerUnit(
                    type=new_type, name=new_ward, province=record["new_province"], change="current"
                ),
            )
        del province, new_province

    def lookup(self, unit_type: str, name: str) -> list[GazetteerUnit]:
        """Every unit of this type and name, old or new."""
        return list(self._units.get((unit_type, fold(name)), ()))

    def knows(self, unit_type: str, name: str) -> bool:
        """Whether some unit of this type has this name."""
        return (unit_type, fold(name)) in self._units

    def knows_name(self, name: str) -> bool:
        """Whether some unit of any type has this name."""
        return fold(name) in self._names


def _mapping_path() -> Path:
    try:
        from underthesea import address
    except ImportError as error:  # pragma: no cover - underthesea is a hard dependency
        raise ResourceError("underthesea is required: pip install underthesea") from error
    return Path(address.__file__).parent / "data" / "mapping.json"


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first use."""
    with _mapping_path().open(encoding="utf-8") as handle:
        data = json.load(handle)
    provinces = {**data["old_province_names"], **data["province_names"]}
    return Gazetteer(data["ward_mapping"], provinces)
