"""On-disk pickle cache for objects derived from the KB index (the loaded `KB`, gazetteer automata, NER hint tables).

Building them takes seconds in every fresh worker process; unpickling takes a fraction of that. Entries live in
`$LAGEBILD_CACHE` (default `~/.cache/lagebild`; "off" disables the cache) and are keyed by the index file's digest and
by the code that builds them (this package's sources, the Python and pyahocorasick builds), so a changed index or
changed code never reads a stale entry. Writes are atomic (temp file + `os.replace`), so racing workers are safe.
Any problem reading or writing falls back silently to building.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_FORMAT = 1
_ROOT = Path(__file__).resolve().parents[1]
# Sources whose changes change what is cached.
_SOURCES = ("kb/cache.py", "kb/index.py", "kb/build.py", "extract/ent_gazetteer.py", "ner/hints.py")


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is switched off."""
    env = os.environ.get("LAGEBILD_CACHE")
    if env is not None and env.strip().lower() in ("", "0", "off", "no", "false"):
        return None
    return Path(env) if env else Path.home() / ".cache" / "lagebild"


@cache
def code_version() -> str:
    h = hashlib.sha256(f"{_FORMAT}|{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode())
    for rel in _SOURCES:
        try:
            h.update((_ROOT / rel).read_bytes())
        except OSError:
            h.update(b"?")
    try:
        import ahocorasick

        st = os.stat(ahocorasick.__file__)
        h.update(f"{ahocorasick.__file__}|{st.st_size}|{st.st_mtime_ns}".encode())
    except Exception:  # noqa: BLE001 - no module or no file: the version just is unknown
        h.update(b"ahocorasick?")
    return h.hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@contextmanager
def paused_gc():
    """Pause the cyclic GC: creating a few hundred thousand objects otherwise triggers many useless collections."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def cached(kind: str, key: str | None, build: Callable[[], T]) -> T:
    """The object `build()` returns, read from the cache entry for (`kind`, `key`) when there is a valid one.

    `key` must identify everything the object depends on besides the code (e.g. the index file's digest); None means
    "do not cache".
    """
    root = cache_dir() if key is not None else None
    if root is None:
        with paused_gc():
            return build()
    full = f"{kind}|{key}|{code_version()}"
    path = root / f"{kind}-{hashlib.sha256(full.encode()).hexdigest()[:32]}.pkl"
    with paused_gc():
        try:
            with open(path, "rb") as f:
                stored, obj = pickle.load(f)
            if stored == full:
                return obj
        except Exception:  # noqa: BLE001 - missing, truncated, foreign or unreadable entry: build instead
            pass
        obj = build()
    _write(path, (full, obj))
    _prune(root, kind, keep=path)
    return obj


def _prune(root: Path, kind: str, keep: Path) -> None:
    """Remove this kind's entries for other indexes or code versions, so the cache does not grow."""
    for old in root.glob(f"{kind}-*.pkl"):
        if old != keep:
            try:
                old.unlink()
            except OSError:
                pass


def _write(path: Path, payload: Any) -> None:
    tmp = None
    try:
        # Unpickling runs code: the directory is the user's own.
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # noqa: BLE001 - read-only home, full disk, unpicklable object: just don't cache
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
