"""Exports of the store for other tools: GDELT 2.0 event rows, PLOVER JSON, CSV, Parquet, lagebild/1 JSONL.

`export(store, fmt, out, …)` is the one entry point (the CLI's `lagebild export`); each format
lives in its own module and works on Documents, so it can be tested without a store.
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Literal

from lagebild.export.select import select
from lagebild.store import Store

Format = Literal["gdelt", "plover", "csv", "parquet", "jsonl"]
FORMATS: tuple[str, ...] = ("gdelt", "plover", "csv", "parquet", "jsonl")


def export(
    store: Store,
    fmt: Format,
    out: IO[str] | IO[bytes],
    actor: str | None = None,
    root: str | None = None,
    since: str | None = None,
    until: str | None = None,
    added: dt.datetime | None = None,
) -> int:
    """Write the selected part of `store` to `out` in `fmt`; the number of records written.

    Filters have the meaning of `Store.events`. Event formats (gdelt, plover, csv, parquet)
    write the matching events; jsonl writes whole documents, those with a matching event when
    a filter is given, else all. parquet needs a binary `out`, the others a text one.
    ValueError for a bad date filter.
    """
    selected = select(store, actor=actor, root=root, since=since, until=until)
    if fmt == "jsonl":
        from lagebild.export.jsonl import write_jsonl

        return write_jsonl((doc for doc, _ in selected), out)  # type: ignore[arg-type]
    if fmt == "gdelt":
        from lagebild.export.gdelt import write_gdelt

        return write_gdelt(selected, out, added=added)  # type: ignore[arg-type]
    if fmt == "plover":
        from lagebild.export.plover import write_plover

        return write_plover(selected, out, coded=added)  # type: ignore[arg-type]
    if fmt == "csv":
        from lagebild.export.flat import write_csv

        return write_csv(selected, out)  # type: ignore[arg-type]
    if fmt == "parquet":
        from lagebild.export.flat import write_parquet

        return write_parquet(selected, out)  # type: ignore[arg-type]
    raise ValueError(f"unknown export format {fmt!r} (have: {', '.join(FORMATS)})")


__all__ = ["FORMATS", "Format", "export", "select"]
