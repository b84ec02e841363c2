"""The "places" stage: geocodes the place mentions the "entities" stage found into `doc.places`.

Ambiguous names are ranked by the document: a reading in a country the article mentions wins, then curated entries
(seas, regions) before GeoNames cities, then population. Mentions of the same place merge into one `Place`.
"""
from __future__ import annotations

from typing import Any

from lagebild.doc import Document, Place, Span
from lagebild.extract.entities import PlaceMention, load_kb
from lagebild.kb.index import KB, Candidate

_FEATURES = {"city", "sea", "region", "admin", "other", "country"}


class PlaceResolver:
    """The "places" stage of one language."""

    name = "places"

    def __init__(self, lang: str, kb: KB | None = None) -> None:
        self.lang = lang
        self.kb = kb or load_kb()

    def choose(self, cands: list[Candidate], countries: set[str]) -> Candidate | None:
        """The best reading: in a country the document mentions, else the KB's first (curated, most populous)."""
        places = [c for c in cands if c.kind == "place"]
        if not places:
            return None
        local = [c for c in places if c.country in countries]
        return (local or places)[0]

    def __call__(self, doc: Document) -> Document:
        mentions: list[PlaceMention] = doc.layers.get("place_mentions") or []
        countries = {e.country for e in doc.entities if e.country}
        by_key: dict[str, dict[str, Any]] = {}
        for pm in mentions:
            cands = pm.cands or self.kb.lookup(pm.text, self.lang)
            c = self.choose(cands, countries)
            if c is None:
                # A place the KB does not know ("Michigan", "Rhodesia"): most likely in the country the article is
                # clearly about (set by the entities stage only when one country dominates), else unknown.
                key, rec = "text:" + pm.text.lower(), {"name": pm.text, "rule": pm.rule,
                                                        "country": doc.layers.get("main_country")}
            else:
                key = c.id
                rec = {"name": c.name, "geonameid": c.geonameid, "country": c.country, "lat": c.lat, "lon": c.lon,
                       "feature": c.feature if c.feature in _FEATURES else "other", "rule": pm.rule}
            cur = by_key.setdefault(key, {**rec, "mentions": []})
            cur["mentions"].append(Span(start=pm.start, end=pm.end, text=pm.text))
        doc.places = [Place(**rec) for rec in sorted(by_key.values(), key=lambda r: r["mentions"][0].start)]
        return doc


def make_place_resolver(lang: str) -> PlaceResolver:
    """The "places" stage for `lang` (run after "entities")."""
    return PlaceResolver(lang)
