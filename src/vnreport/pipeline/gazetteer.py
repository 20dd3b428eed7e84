"""The national gazetteer of administrative units, before and after the July 2025 reform.

Built from the unit mapping underthesea ships (`underthesea.address`): every ward and commune
of the 63-province, three-level system with its district and province, and the ward and
province of the 34-province, two-level system it belongs to now. Official codes of the current
wards come from `vietnam-provinces`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from vnreport.disk_cache import cached
from vnreport.errors import ResourceError
from vnreport.records import GazetteerUnit
from vnreport.resources import load_json, resource_paths
from vnreport.text import normalize
from vnreport.text.normalize import fold


@cache
def _type_prefixes() -> tuple[tuple[str, str], ...]:
    """Full lower-case type words ("thành phố ", "xã "), longest first, with their types."""
    types: dict[str, str] = load_json("admin_types")["types"]
    full = {word for word in types if word.islower() and "." not in word}
    return tuple((f"{word} ", types[word]) for word in sorted(full, key=len, reverse=True))


@cache
def split_type(full_name: str) -> tuple[str, str]:
    """("Phường Huyền Tụng") → ("phường", "Huyền Tụng"); unknown prefixes give type ""."""
    lowered = full_name.lower()
    for prefix, unit_type in _type_prefixes():
        if lowered.startswith(prefix):
            return unit_type, full_name[len(prefix) :].strip()
    return "", full_name.strip()


WardCodes = dict[tuple[str, str], str]


_key = fold  # cached: names repeat thousands of times in the mapping


def _code_key(province: str, ward: str) -> tuple[str, str]:
    return _key(split_type(province)[1]), _key(ward)


def current_ward_codes() -> WardCodes:
    """Codes of the current wards and communes, by (province name, full ward name)."""
    from vietnam_provinces import Province, Ward

    provinces = {province.code: province.name for province in Province.iter_all()}
    return {
        _code_key(provinces[ward.province_code], ward.name): f"{ward.code.value:05d}"
        for ward in Ward.iter_all()
    }


class Gazetteer:
    """Look-ups of units by (type, name), with their parents and their post-2025 successors.

    Entries are kept as plain dicts and become `GazetteerUnit` records only when looked up, so
    building the index over every unit of the country stays cheap.
    """

    def __init__(
        self,
        records: Iterable[dict[str, str]],
        provinces: dict[str, dict[str, str]],
        ward_codes: WardCodes | None = None,
    ):
        self._ward_codes = ward_codes or {}
        self._names: frozenset[str] | None = None
        self._units: dict[tuple[str, str], dict[tuple[str, str], dict[str, str | None]]] = (
            defaultdict(dict)
        )
        for info in provinces.values():
            unit_type, name = split_type(info["name"])
            self._add(unit_type, name, {"code": info.get("code")})
        for record in records:
            self._add_record(record)

    def _add(self, unit_type: str, name: str, fields: dict[str, str | None]) -> None:
        same_name = self._units[(unit_type, _key(name))]
        same_name.setdefault((fields.get("district") or "", fields.get("province") or ""), fields)
        fields.update(type=unit_type, name=name)

    def _add_record(self, record: dict[str, str]) -> None:
        ward_type, ward = split_type(record["old_ward"])
        district_type, district = split_type(record["old_district"])
        new_ward = record.get("new_ward") or None
        new_code = self._ward_codes.get(_code_key(record["new_province"], new_ward or ""))
        if ward_type:
            self._add(
                ward_type,
                ward,
                {
                    "district": record["old_district"],
                    "province": record["old_province"],
                    "new_name": new_ward,
                    "new_province": record["new_province"],
                    "new_code": new_code,
                    "change": record.get("mapping_type"),
                },
            )
        if district_type:
            self._add(
                district_type,
                district,
                {"province": record["old_province"], "new_province": record["new_province"]},
            )
        if new_ward:
            new_type, new_name = split_type(new_ward)
            self._add(
                new_type,
                new_name,
                {"code": new_code, "province": record["new_province"], "change": "current"},
            )

    def lookup(self, unit_type: str, name: str) -> list[GazetteerUnit]:
        """Every unit of this type and name, old or new."""
        entries = self._units.get((unit_type, fold(name)), {})
        return [GazetteerUnit.model_validate(fields) for fields in entries.values()]

    def knows_name(self, name: str) -> bool:
        """Whether some unit of any type has this name ("Hà Nội", "Nghệ An")."""
        if self._names is None:
            self._names = frozenset(folded for _, folded in self._units)
        return fold(name) in self._names

    def knows(self, unit_type: str, name: str) -> bool:
        """Whether some unit of this type has this name."""
        return (unit_type, fold(name)) in self._units


def _mapping_path() -> Path:
    try:
        from underthesea import address
    except ImportError as error:  # pragma: no cover - underthesea is a hard dependency
        raise ResourceError("underthesea is required: pip install underthesea") from error
    return Path(address.__file__).parent / "data" / "mapping.json"


def build_gazetteer() -> Gazetteer:
    """The gazetteer built from underthesea's mapping and vietnam-provinces' codes."""
    with _mapping_path().open(encoding="utf-8") as handle:
        data = json.load(handle)
    provinces = {**data["old_province_names"], **data["province_names"]}
    return Gazetteer(data["ward_mapping"], provinces, current_ward_codes())


def load_gazetteer() -> Gazetteer:
    """The gazetteer from the on-disk cache, built and cached when missing or out of date."""
    return cached(
        "gazetteer",
        build_gazetteer,
        distributions=("underthesea", "vietnam-provinces"),
        files=(Path(__file__), Path(normalize.__file__), *resource_paths("admin_types.json")),
    )


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first use."""
    return load_gazetteer()
