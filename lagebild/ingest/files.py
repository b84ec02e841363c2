"""Local inputs: expand directory and glob specs to files, and read a file within the size cap.

The cap is checked from ``os.stat`` before opening, so a 2 GB log passed by mistake costs a
stat call, not a read; the read itself never takes more than cap + 1 bytes either, because
the size can change between stat and read (and pipes or /proc files report size 0).
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from lagebild.ingest.base import InputError, InputRefused
from lagebild.ingest.sniff import KNOWN_EXTENSIONS

_GLOB_CHARS = frozenset("*?[")


def has_glob_chars(spec: str) -> bool:
    return any(c in _GLOB_CHARS for c in spec)


def human_size(n: int) -> str:
    """Decimal units, as file managers show them: ``12.3 MB``, ``10 MB``, ``512 bytes``."""
    if n < 1000:
        return f"{n} bytes"
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            value = f"{n / scale:.1f}".removesuffix(".0")
            return f"{value} {unit}"
    raise AssertionError("unreachable")


def over_limit(what: str, size: int | None, max_bytes: int) -> InputRefused:
    """The refusal for input over the cap; `size` None when only "more than the cap" is known."""
    if size is None:
        return InputRefused(f"{what} is over the {human_size(max_bytes)} limit (--max-bytes)")
    shown = human_size(size)
    if shown == human_size(max_bytes):
        # 10_000_001 bytes would read "10 MB, over the 10 MB limit"; show the exact count.
        shown = f"{size} bytes"
    return InputRefused(f"{what} is {shown}, over the {human_size(max_bytes)} limit (--max-bytes)")


def expand_spec(spec: str) -> Iterator[Path | InputError]:
    """Files named by one local spec, in a stable order; InputError when it names nothing.

    A directory yields its files with known extensions, recursively and sorted, skipping hidden
    files and directories. A glob (``*``, ``?``, ``[...]``, ``**``) yields every file it matches
    whatever the extension, because the user chose them; directories it matches are skipped.
    A path that exists is never treated as a glob, so odd file names still work.
    """
    path = Path(spec)
    if os.path.isdir(spec):
        found = False
        for f in walk_directory(path):
            found = True
            yield f
        if not found:
            exts = ", ".join(sorted(KNOWN_EXTENSIONS))
            yield InputError(spec, f"directory has no input files ({exts})")
        return
    if os.path.lexists(spec):
        yield path
        return
    if has_glob_chars(spec):
        matches = [m for m in sorted(glob.glob(os.path.expanduser(spec), recursive=True)) if not os.path.isdir(m)]
        if not matches:
            yield InputError(spec, "glob matched no files")
        for m in matches:
            yield Path(m)
        return
    yield InputError(spec, "no such file or directory")


def walk_directory(root: Path) -> Iterator[Path]:
    """Files under `root` with a known extension, depth-first in sorted order, hidden ones skipped."""
    # followlinks=False: a symlink loop must not make a directory walk endless.
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if os.path.splitext(name)[1].lower() in KNOWN_EXTENSIONS:
                yield Path(dirpath) / name


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or InputRefused: missing, unreadable, not a regular file, or over the cap."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        # Also a dangling symlink: lexists said yes, stat says no.
        raise InputRefused("no such file or directory") from None
    except OSError as e:
        raise InputRefused(_os_reason(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputRefused("is a directory")
    if not stat.S_ISREG(st.st_mode):
        # FIFOs and devices could block forever or never end.
        raise InputRefused("not a regular file")
    if st.st_size > max_bytes:
        raise over_limit("file", st.st_size, max_bytes)
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise InputRefused(_os_reason(e)) from None
    if len(data) > max_bytes:
        raise over_limit("file", None, max_bytes)
    return data


def read_stream(stream: BinaryIO, max_bytes: int) -> bytes:
    """Read at most the cap from a binary stream (stdin); InputRefused when there is more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise over_limit("input", None, max_bytes)
    return data


def _os_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "permission denied"
    return (e.strerror or type(e).__name__).lower()
