"""Lexicons and patterns shipped as data files, loaded once and cached."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from vnreport.errors import ResourceError


@cache
def load_json(name: str) -> Any:
    """Load `resources/<name>.json` from the installed package."""
    try:
        raw = resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ResourceError(
            f"bundled resource {name}.json is missing; reinstall vnreport (pip install -e .)"
        ) from error
    return json.loads(raw)


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Load `resources/<name>.txt`: one entry a line, `#` starts a comment."""
    try:
        raw = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ResourceError(
            f"bundled resource {name}.txt is missing; reinstall vnreport (pip install -e .)"
        ) from error
    entries = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return tuple(entry for entry in entries if entry)


def resource_paths(*names: str) -> tuple[Path, ...]:
    """Paths of bundled resource files (`"admin_types.json"`), e.g. to hash what they hold."""
    return tuple(Path(str(resources.files(__package__).joinpath(name))) for name in names)
