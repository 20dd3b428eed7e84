"""The package's layout: the top holds only its face, and imports point down, never in a circle."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "vnreport"

# The face: what a user imports or runs. Nothing below imports it.
FACE = {"__init__", "api", "cli", "distributed"}
# Records and the small shared modules every layer may use.
SHARED = {
    "_version",
    "disk_cache",
    "document",
    "errors",
    "failure",
    "records",
    "resources",
    "settings",
}
# What each concern may import besides itself and SHARED, in the order data flows.
# fmt: off
ALLOWED: dict[str, set[str]] = {
    "text":       set(),
    "lang":       {"text"},
    "pipeline":   {"lang", "text"},
    "io":         {"text"},
    "sinks":      {"text"},
    "bulk":       {"pipeline", "io", "sinks", "text"},
    "evaluation": {"pipeline", "io", "text"},
    "review":     {"pipeline", "io", "sinks", "text"},  # browse describes the SQL schema
}
# fmt: on
SHARED_ALLOWED = {"text"}  # e.g. failure labels are made safe by text.safe_text


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(path: Path) -> set[str]:
    """Every vnreport module `path` imports, at the top or lazily inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("vnreport"))
        elif (
            isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("vnreport")
        ):
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in MODULES else node.module)
    return found & MODULES.keys()


def _concern(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_top_of_the_package_holds_only_the_face_and_shared_records() -> None:
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= FACE | SHARED, sorted(top - FACE - SHARED)
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(ALLOWED) | {"resources"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    concern = _concern(module)
    if concern in FACE:
        return
    allowed = {concern} | SHARED | (SHARED_ALLOWED if concern in SHARED else ALLOWED[concern])
    wrong = {m for m in _imports(MODULES[module]) if m != "vnreport" and _concern(m) not in allowed}
    assert not wrong, f"{module} imports {sorted(wrong)} from above its layer"


def test_no_module_imports_another_that_imports_it_back() -> None:
    graph = {module: _imports(path) - {module, "vnreport"} for module, path in MODULES.items()}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        pytest.fail(f"import circle: {' -> '.join(error.args[1])}")
