"""The analytic queries of `lagebild.store.queries` against a plain-Python reference.

Counts, pages and dyads split actor filters into disjoint branches, one per actor column, and
pick a page strategy by the number of matches; whatever the path, the answers must equal a
straightforward evaluation of the filter over every event. Runs on SQLite and, when
LAGEBILD_TEST_PG_URL is set, on PostgreSQL (the `store` fixture).
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from lagebild.doc import Document, Event, EventActor, Span
from lagebild.store import Store, queries
from lagebild.store.queries import EventFilter
from lagebild.store.repo import _date_range

COUNTRIES = ["RUS", "UKR", "USA", "CHN", None]
ORGS = ["NATO", "EU", None, None]
DATES = ["2024-10-14", "2024-10", "2023", "2024-W42", "2022-02-24", None, "XXXX-06", "2024-10-14"]


def _actor(rng: random.Random) -> EventActor | None:
    if rng.random() < 0.1:
        return None
    country = rng.choice(COUNTRIES)
    org = rng.choice(ORGS) if country is None else (rng.choice(ORGS) if rng.random() < 0.2 else None)
    # Codes usually begin with the country, but not always: a branch per column is needed.
    code = rng.choice([None, (country or org or "IGO") + rng.choice(["", "GOV", "MIL"]), "RUSREB", "UKRMIL"])
    return EventActor(country=country, org=org, code=code)


def _docs(n: int = 24, per_doc: int = 7, seed: int = 3) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        text = "x" * 100
        events = []
        for j in range(per_doc):
            root = rng.choice(["01", "04", "11", "19"])
            events.append(Event(
                id=f"v{j}", source=_actor(rng), target=_actor(rng), cameo=root + rng.choice(["0", "2"]), root=root,
                goldstein=rng.choice([None, -10.0, 1.9, 3.4]), quad=rng.choice([None, 1, 3, 4]),
                date=rng.choice(DATES), place=rng.choice(["Kiew", "Peking", None]),
                evidence=Span(start=0, end=5, text="xxxxx"), rule="test",
            ))
        docs.append(Document(doc_id=f"d{i:03d}", lang="de", text=text, events=events))
    return docs


def _rows(docs: list[Document]) -> list[dict[str, Any]]:
    rows = []
    for d in docs:
        for idx, e in enumerate(d.events):
            lo_hi = _date_range(e.date)
            row = {"doc_id": d.doc_id, "event_id": e.id, "idx": idx, "root": e.root, "cameo": e.cameo, "quad": e.quad,
                   "place": e.place, "goldstein": e.goldstein, "date_lo": lo_hi[0] if lo_hi else None,
                   "date_hi": lo_hi[1] if lo_hi else None}
            for side in ("source", "target"):
                a = getattr(e, side)
                for k in ("country", "org", "code"):
                    row[f"{side}_{k}"] = getattr(a, k) if a else None
            rows.append(row)
    return rows


def _side(r: dict[str, Any], side: str, code: str) -> bool:
    return r[f"{side}_country"] == code or r[f"{side}_org"] == code or (r[f"{side}_code"] or "").startswith(code)


def _match(r: dict[str, Any], f: EventFilter) -> bool:
    if f.actor and not (_side(r, "source", f.actor) or _side(r, "target", f.actor)):
        return False
    if f.source and not _side(r, "source", f.source):
        return False
    if f.target and not _side(r, "target", f.target):
        return False
    if f.country and f.country not in (r["source_country"], r["target_country"]):
        return False
    if f.org and f.org not in (r["source_org"], r["target_org"]):
        return False
    if f.root and r["root"] != f.root:
        return False
    if f.quad is not None and r["quad"] != f.quad:
        return False
    if f.place and r["place"] != f.place:
        return False
    if f.since and not (r["date_hi"] and r["date_hi"] >= _date_range(f.since)[0]):
        return False
    if f.until and not (r["date_lo"] and r["date_lo"] <= _date_range(f.until)[1]):
        return False
    return True


def _ordered(rows: list[dict[str, Any]], newest_first: bool) -> list[tuple[str, str]]:
    out = sorted(rows, key=lambda r: (r["doc_id"], r["idx"]))
    if newest_first:
        out.sort(key=lambda r: r["date_lo"] or "", reverse=True)  # stable; undated ("") last
    else:
        out.sort(key=lambda r: (r["date_lo"] is None, r["date_lo"] or ""))
    return [(r["doc_id"], r["event_id"]) for r in out]


FILTERS = [
    EventFilter(),
    EventFilter(actor="RUS"),
    EventFilter(actor="NATO"),
    EventFilter(actor="UKR", root="04"),
    EventFilter(actor="USA", since="2024-10-01"),
    EventFilter(source="RUS", target="UKR"),
    EventFilter(source="UKR", until="2023-12-31"),
    EventFilter(target="RUS", quad=4),
    EventFilter(country="CHN"),
    EventFilter(country="RUS", actor="UKR"),
    EventFilter(org="EU", place="Kiew"),
    EventFilter(place="Peking", root="19"),
    EventFilter(actor="RUS", source="UKR", target="RUS", since="2023"),
    EventFilter(actor="ZZZ"),
]


@pytest.fixture
def filled(store: Store) -> tuple[Store, list[dict[str, Any]]]:
    docs = _docs()
    for d in docs:
        store.add(d)
    store.analyze()
    return store, _rows(docs)


@pytest.mark.parametrize(
    "sparse,walk_rows", [(5_000, 0), (3, 0), (5_000, 2_000)], ids=["branches", "date-walk", "by-estimate"]
)
def test_event_pages_and_counts_match_reference(filled, monkeypatch, sparse: int, walk_rows: int) -> None:
    store, rows = filled
    # The strategy for a page depends on the number of matches; these thresholds force each.
    # With SPARSE_MATCHES 3 every filter with more than 3 matches walks the date index.
    monkeypatch.setattr(queries, "SPARSE_MATCHES", sparse)
    monkeypatch.setattr(queries, "WALK_ROWS", walk_rows)
    for f in FILTERS:
        matching = [r for r in rows if _match(r, f)]
        for newest in (True, False):
            expected = _ordered(matching, newest)
            for offset, limit in ((0, 5), (3, 7), (0, 1000), (len(expected), 5)):
                page, total = queries.events_page(store.engine, f, limit=limit, offset=offset, newest_first=newest)
                assert total == len(expected), f
                assert [(r["doc_id"], r["event_id"]) for r in page] == expected[offset:offset + limit], (f, newest, offset)
        with store.engine.connect() as conn:
            assert queries.count_events(conn, f) == len(matching)
            capped = queries.count_events(conn, f, cap=4)
        assert capped == min(len(matching), 5), f


def test_bounded_total_still_pages_past_the_cap(filled) -> None:
    store, rows = filled
    expected = _ordered(rows, True)
    page, total = queries.events_page(store.engine, EventFilter(), limit=5, offset=0, count_cap=10)
    assert total == 11 and [(r["doc_id"], r["event_id"]) for r in page] == expected[:5]
    # A page beyond the cap is still served: counting goes at least to its end.
    page, total = queries.events_page(store.engine, EventFilter(), limit=5, offset=20, count_cap=10)
    assert total == 26 and [(r["doc_id"], r["event_id"]) for r in page] == expected[20:25]


@pytest.mark.parametrize("a,b", [("RUS", "UKR"), ("UKR", "RUS"), ("NATO", "RUS"), ("RUS", "RUS"), ("USA", "ZZZ")])
@pytest.mark.parametrize("directed", [False, True])
def test_dyad_matches_reference(filled, a: str, b: str, directed: bool) -> None:
    store, rows = filled

    def between(r: dict[str, Any]) -> bool:
        ab = _side(r, "source", a) and _side(r, "target", b)
        ba = _side(r, "source", b) and _side(r, "target", a)
        return r["date_lo"] is not None and (ab or (not directed and ba))

    for interval in ("month", "week"):
        got = queries.dyad(store.engine, a, b, interval=interval, directed=directed)
        matching = [r for r in rows if between(r)]
        assert got["totals"]["events"] == len(matching)
        assert got["totals"]["goldstein_sum"] == round(sum(r["goldstein"] or 0.0 for r in matching), 3)
        by_period: dict[str, int] = {}
        for r in matching:
            key = queries._period(r["date_lo"], interval)
            by_period[key] = by_period.get(key, 0) + 1
        assert {p["period"]: p["events"] for p in got["periods"]} == by_period
        for p in got["periods"]:
            assert sum(q["events"] for q in p["quads"].values()) <= p["events"]
