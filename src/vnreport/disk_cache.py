"""An on-disk cache of what vnreport derives from its installed packages at start-up.

Building the gazetteer index from underthesea's unit mapping, or importing underthesea only to
read its word model's syllable pattern and dictionary, costs a fresh process most of a second.
Each such value is built once, pickled into the user's cache folder and read back by later
processes. An entry's file name carries a key hashed from everything the value depends on:
the versions of the packages it is read from, vnreport's version, and the bytes of the source
and resource files that build it, so a change to any of them builds a new entry.

The folder is `$VNREPORT_CACHE_DIR`, else `$XDG_CACHE_HOME/vnreport`, else `~/.cache/vnreport`;
`VNREPORT_CACHE=0` turns the cache off. Entries are written atomically (a temporary file, then
a rename); an unreadable or corrupt entry is rebuilt, and a folder that cannot be written only
means the value is built in memory each time. Nothing here is downloaded or shipped: the cache
holds only what this machine's own packages produce.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")

CACHE_DIR_ENV = "VNREPORT_CACHE_DIR"
CACHE_SWITCH_ENV = "VNREPORT_CACHE"
# Bumped when the layout of every entry changes at once.
_FORMAT = 1
_OFF = {"0", "false", "no", "off"}
# Entries kept per name. Two checkouts or installed versions sharing the folder (each keying its
# own files) would otherwise delete each other's entry on every start and rebuild it, importing
# underthesea each time (measured: the first extract 0.6 -> 2.6 s, peak RSS 140 -> 209 MiB).
_KEEP = 4


def cache_dir() -> Path | None:
    """The folder entries go to, or None when the cache is turned off."""
    if os.environ.get(CACHE_SWITCH_ENV, "").strip().lower() in _OFF:
        return None
    configured = os.environ.get(CACHE_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "vnreport"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_key(distributions: Iterable[str], files: Iterable[Path]) -> str:
    """A hash of the package versions and file contents an entry is built from."""
    digest = hashlib.sha256()
    parts: dict[str, Any] = {
        "format": _FORMAT,
        "python": sys.version_info[:2],
        "vnreport": _version("vnreport"),
        "packages": {name: _version(name) for name in sorted(distributions)},
    }
    digest.update(json.dumps(parts, sort_keys=True).encode())
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


@contextmanager
def _no_gc() -> Iterator[None]:
    # Unpickling or building a large index allocates many dicts; collections meanwhile
    # only rescan them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cached(
    name: str,
    build: Callable[[], T],
    *,
    distributions: Iterable[str] = (),
    files: Iterable[Path] = (),
) -> T:
    """The value `build()` returns, read from the cache when an entry with the same key exists.

    Args:
        name: The entry's name, the start of its file name.
        build: Makes the value (picklable) when there is no usable entry.
        distributions: Installed packages the value is read from; their versions join the key.
        files: Source and data files that determine the value; their bytes join the key.
    """
    folder = cache_dir()
    if folder is None:
        with _no_gc():
            return build()
    path = folder / f"{name}-{cache_key(distributions, files)}.pickle"
    try:
        with _no_gc(), path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except FileNotFoundError:
        pass
    except Exception:  # corrupt, truncated or from an incompatible build: make it again
        LOGGER.debug("cache entry %s is unreadable; rebuilding it", path, exc_info=True)
    with _no_gc():
        value = build()
    _write(path, value)
    return value


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _write(path: Path, value: object) -> None:
    """Write an entry atomically; of the same name's entries, keep the `_KEEP` newest."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        name = path.stem.rsplit("-", 1)[0]
        others = [entry for entry in path.parent.glob(f"{name}-*.pickle") if entry != path]
        others.sort(key=_modified, reverse=True)
        for stale in others[_KEEP - 1 :]:
            stale.unlink(missing_ok=True)
    except OSError:
        LOGGER.debug("cannot write cache entry %s; continuing without it", path, exc_info=True)
