"""Settings read from the environment, with the defaults a laptop user expects."""

from __future__ import annotations

import os

DEFAULT_DB = "sqlite:///lagebild.db"
DEFAULT_MAX_BYTES = 10_000_000


def db_url(explicit: str | None = None) -> str:
    """Database URL: the explicit one, else $LAGEBILD_DB, else ./lagebild.db (SQLite).

    A bare path is taken as an SQLite file, so `--db corpus.db` works as datasette users expect.
    """
    url = explicit or os.environ.get("LAGEBILD_DB") or DEFAULT_DB
    return url if "://" in url else f"sqlite:///{url}"


def max_bytes(explicit: int | None = None) -> int:
    if explicit is not None:
        return explicit
    return int(os.environ.get("LAGEBILD_MAX_BYTES", DEFAULT_MAX_BYTES))
