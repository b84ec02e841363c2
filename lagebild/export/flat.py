"""Flat event tables: one row per event with the fields of `FLAT_FIELDS`, as CSV or Parquet.

Lists (sectors, PLOVER context) are ``;``-joined in CSV and list<string> columns in Parquet;
everything else is a scalar, so the table loads straight into pandas, DuckDB or a spreadsheet.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, Any

from lagebild.doc import Document, Event, EventActor
from lagebild.export.common import entity, numeric_id, place

FLAT_FIELDS: tuple[str, ...] = (
    "id",
    "doc_id",
    "event_id",
    "date",
    "published",
    "lang",
    "source_entity",
    "source_name",
    "source_country",
    "source_org",
    "source_sectors",
    "source_code",
    "target_entity",
    "target_name",
    "target_country",
    "target_org",
    "target_sectors",
    "target_code",
    "cameo",
    "root",
    "goldstein",
    "quad",
    "plover_type",
    "plover_mode",
    "plover_context",
    "place",
    "place_geonameid",
    "place_country",
    "place_lat",
    "place_lon",
    "modality",
    "confidence",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "rule",
    "doc_title",
    "doc_source",
    "doc_url",
)
_LISTS = frozenset({"source_sectors", "target_sectors", "plover_context"})


def flat_row(doc: Document, ev: Event) -> dict[str, Any]:
    """One event as a flat dict (keys: FLAT_FIELDS; list fields as lists)."""
    p = place(doc, ev)
    return {
        "id": numeric_id(doc.doc_id, ev.id),
        "doc_id": doc.doc_id,
        "event_id": ev.id,
        "date": ev.date,
        "published": doc.published,
        "lang": doc.lang,
        **_actor(doc, "source", ev.source),
        **_actor(doc, "target", ev.target),
        "cameo": ev.cameo,
        "root": ev.root,
        "goldstein": ev.goldstein,
        "quad": ev.quad,
        "plover_type": ev.plover.type if ev.plover else None,
        "plover_mode": ev.plover.mode if ev.plover else None,
        "plover_context": list(ev.plover.context) if ev.plover else [],
        "place": ev.place,
        "place_geonameid": p.geonameid if p else None,
        "place_country": p.country if p else None,
        "place_lat": p.lat if p else None,
        "place_lon": p.lon if p else None,
        "modality": ev.modality,
        "confidence": ev.confidence,
        "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end,
        "evidence_text": ev.evidence.text,
        "rule": ev.rule,
        "doc_title": doc.title,
        "doc_source": doc.source.name,
        "doc_url": doc.source.url,
    }


def flat_rows(selected: Iterable[tuple[Document, list[Event]]]) -> Iterator[dict[str, Any]]:
    for doc, evs in selected:
        for ev in evs:
            yield flat_row(doc, ev)


def write_csv(selected: Iterable[tuple[Document, list[Event]]], out: IO[str]) -> int:
    """CSV with a header row; the number of event rows."""
    writer = csv.DictWriter(out, fieldnames=list(FLAT_FIELDS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in flat_rows(selected):
        writer.writerow({k: ";".join(v) if k in _LISTS else v for k, v in row.items()})
        n += 1
    return n


def parquet_schema() -> Any:
    """The Arrow schema of the Parquet export (typed, so an empty export has the same columns)."""
    import pyarrow as pa

    types = {
        "id": pa.int64(),
        "goldstein": pa.float64(),
        "quad": pa.int8(),
        "place_geonameid": pa.int64(),
        "place_lat": pa.float64(),
        "place_lon": pa.float64(),
        "confidence": pa.float64(),
        "evidence_start": pa.int32(),
        "evidence_end": pa.int32(),
    }
    return pa.schema(
        [(f, pa.list_(pa.string()) if f in _LISTS else types.get(f, pa.string())) for f in FLAT_FIELDS]
    )


def write_parquet(
    selected: Iterable[tuple[Document, list[Event]]], out: IO[bytes] | str, chunk: int = 10_000
) -> int:
    """Parquet, written in row groups of `chunk` events so memory stays bounded; the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        buf: list[dict[str, Any]] = []
        for row in flat_rows(selected):
            buf.append(row)
            if len(buf) >= chunk:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf.clear()
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n


def _actor(doc: Document, prefix: str, actor: EventActor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_{k}": None for k in ("entity", "name", "country", "org", "code")} | {f"{prefix}_sectors": []}
    ent = entity(doc, actor)
    return {
        f"{prefix}_entity": actor.entity,
        f"{prefix}_name": ent.name if ent else None,
        f"{prefix}_country": actor.country,
        f"{prefix}_org": actor.org,
        f"{prefix}_sectors": list(actor.sectors),
        f"{prefix}_code": actor.code,
    }
