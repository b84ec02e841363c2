"""The document store: put lagebild/1 Documents into SQL tables, get them back, query events.

All SQL of lagebild goes through `Store`; every statement is a SQLAlchemy Core expression, so
values are always bound parameters. A document is written in one transaction and read back from
the normalised tables (see `schema.py` for the conventions that make the round trip exact).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from pydantic import BaseModel
from sqlalchemy.engine import Connection, Engine

from lagebild.doc import Document, Entity, Event, EventActor, Place, Plover, Source, Span, Time, Quote
from lagebild.store.schema import (
    FTS_TABLE,
    documents,
    entities,
    events,
    failures,
    mentions,
    place_mentions,
    places,
    quotes,
    runs,
    times,
)

MIGRATIONS = "lagebild.store:migrations"

# The flat event row of `Store.events()`, in column order.
EVENT_ROW_FIELDS: tuple[str, ...] = (
    "doc_id",
    "event_id",
    "date",
    "source_code",
    "source_country",
    "cameo",
    "root",
    "target_code",
    "target_country",
    "goldstein",
    "quad",
    "place",
    "modality",
    "evidence",
    "rule",
)


class Store:
    """A lagebild database at `url` (e.g. ``sqlite:///lagebild.db``); call `migrate()` once first."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = sa.create_engine(url)
        if self.engine.dialect.name == "sqlite":
            in_memory = self.engine.url.database in (None, "", ":memory:")
            sa.event.listen(self.engine, "connect", _sqlite_setup(wal=not in_memory))

    # -- lifecycle -------------------------------------------------------------------------------

    def migrate(self) -> None:
        """Bring the database schema to the newest revision (a no-op when it is already there)."""
        config = Config()
        config.set_main_option("script_location", MIGRATIONS)
        with self.engine.begin() as conn:
            before = MigrationContext.configure(conn).get_current_revision()
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            after = MigrationContext.configure(conn).get_current_revision()
        if before is not None and before != after:
            # New indexes on a filled store: give the planner statistics for them now.
            self.analyze()

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after bulk loads; `finish_run` calls it).

        SQLite has none until asked, and without them it may pick a single-column index that
        visits tens of thousands of rows where a covering index visits a few hundred. SQLite:
        ``ANALYZE`` with an ``analysis_limit`` (each index sampled, well under a second on
        100,000 events), then ``PRAGMA optimize``; PostgreSQL: ``ANALYZE`` (autovacuum does the
        same eventually).
        """
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA analysis_limit=2000")
                conn.exec_driver_sql("ANALYZE")
                conn.exec_driver_sql("PRAGMA optimize")
            elif self.engine.dialect.name == "postgresql":
                conn.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- documents -------------------------------------------------------------------------------

    def add(self, doc: Document, origin: str | None = None) -> bool:
        """Store `doc` in one transaction; False (and nothing written) if its doc_id is stored already.

        Any error while writing rolls back every row of this document and propagates.
        """
        rows = _document_rows(doc, origin, dt.datetime.now(dt.UTC))
        try:
            with self.engine.begin() as conn:
                if _exists(conn, doc.doc_id):
                    return False
                for table, table_rows in rows:
                    if table_rows:
                        conn.execute(table.insert(), table_rows)
        except sa.exc.IntegrityError:
            # A concurrent writer may have stored the same document between our check and insert;
            # that is the idempotent case, anything else is a broken document.
            if self.has(doc.doc_id):
                return False
            raise
        return True

    def add_many(self, items: Sequence[tuple[Document, str | None]]) -> list[bool | Exception]:
        """Store a batch of (document, origin) pairs; per item True (stored), False (already there)
        or the exception that kept that one document out.

        The batch is one transaction, so a run killed mid-batch leaves none of it behind and a
        rerun stores it again exactly once. If the batch cannot be written as a whole (a broken
        document, or a concurrent writer storing one of the same ids first), each document is
        retried in its own transaction, so one bad document costs only itself.
        """
        if not items:
            return []
        now = dt.datetime.now(dt.UTC)
        try:
            with self.engine.begin() as conn:
                present = _existing(conn, [doc.doc_id for doc, _ in items])
                seen: set[str] = set()
                result: list[bool | Exception] = []
                grouped: dict[sa.Table, list[dict[str, Any]]] = {}
                order: list[sa.Table] = []
                for doc, origin in items:
                    if doc.doc_id in present or doc.doc_id in seen:
                        result.append(False)
                        continue
                    seen.add(doc.doc_id)
                    result.append(True)
                    for table, table_rows in _document_rows(doc, origin, now):
                        if table not in grouped:
                            grouped[table] = []
                            order.append(table)
                        grouped[table].extend(table_rows)
                # One executemany per table, parents first, instead of one per document.
                for table in order:
                    if grouped[table]:
                        conn.execute(table.insert(), grouped[table])
                return result
        except Exception:  # noqa: BLE001 - retried one by one below, where the culprit shows
            pass
        out: list[bool | Exception] = []
        for doc, origin in items:
            try:
                out.append(self.add(doc, origin=origin))
            except Exception as exc:  # noqa: BLE001 - reported per document by the caller
                out.append(exc)
        return out

    def stored_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Those of `doc_ids` that are stored already."""
        with self.engine.connect() as conn:
            return _existing(conn, list(doc_ids))

    def iter_documents(self, doc_ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Stored documents, all of them in doc_id order or those of `doc_ids` in that order.

        Reads one document at a time, so an export of a large store does not hold it in memory.
        """
        if doc_ids is None:
            last = ""
            while True:
                with self.engine.connect() as conn:
                    page = list(
                        conn.execute(
                            sa.select(documents.c.doc_id)
                            .where(documents.c.doc_id > last)
                            .order_by(documents.c.doc_id)
                            .limit(500)
                        ).scalars()
                    )
                if not page:
                    return
                for doc_id in page:
                    doc = self.get(doc_id)
                    if doc is not None:
                        yield doc
                last = page[-1]
        else:
            for doc_id in doc_ids:
                doc = self.get(doc_id)
                if doc is not None:
                    yield doc

    def get(self, doc_id: str) -> Document | None:
        """The stored document rebuilt from its rows, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.doc_id == doc_id)).mappings().first()
            if row is None:
                return None
            return Document.from_json(_rebuild(conn, row))

    def has(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return _exists(conn, doc_id)

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one())

    def documents(
        self, limit: int = 100, offset: int = 0, q: str | None = None, prefix: str | None = None
    ) -> list[dict[str, Any]]:
        """A page of document summaries (doc_id, lang, published, title, events: count).

        Newest publication first, undated last. `q`: full-text search, every word of it begins a
        word of title or text (case-insensitive; "stärk zusammen" finds "Stärkung der
        Zusammenarbeit"; punctuation separates words), or `q` is the doc_id. `prefix`: the doc_id starts with it (the CLI
        resolves abbreviated ids this way).
        """
        n_events = (
            sa.select(sa.func.count())
            .select_from(events)
            .where(events.c.doc_id == documents.c.doc_id)
            .scalar_subquery()
        )
        stmt = sa.select(
            documents.c.doc_id,
            documents.c.lang,
            documents.c.published,
            documents.c.title,
            n_events.label("events"),
        )
        if q and q.strip():
            stmt = stmt.where(sa.or_(documents.c.doc_id == q.strip(), self._text_match(q)))
        if prefix:
            stmt = stmt.where(documents.c.doc_id.startswith(prefix, autoescape=True))
        stmt = (
            stmt.order_by(documents.c.published.desc().nulls_last(), documents.c.doc_id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def _text_match(self, q: str) -> sa.ColumnElement[bool]:
        """Condition: every word of `q` is a word prefix in title or text, via the full-text index."""
        words = _query_words(q)
        if not words:
            return sa.false()
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            # FTS5 query syntax: "word"* is a prefix term; terms side by side are ANDed.
            match = " ".join('"' + w.replace('"', '""') + '"*' for w in words)
            fts = sa.table(FTS_TABLE, sa.column("doc_id"))
            hits = sa.select(fts.c.doc_id).where(sa.text(f"{FTS_TABLE} MATCH :fts_q").bindparams(fts_q=match))
            return documents.c.doc_id.in_(hits)
        if dialect == "postgresql":
            # The same expression as the GIN index of migration 0002, or the planner ignores it.
            # Words are [^\W_]+ only, so nothing in them is tsquery syntax.
            tsquery = " & ".join(f"{w}:*" for w in words)
            return sa.text(
                "to_tsvector('simple', coalesce(documents.title, '') || ' ' || documents.text)"
                " @@ to_tsquery('simple', :ts_q)"
            ).bindparams(ts_q=tsquery)
        return sa.and_(
            *(
                sa.or_(
                    documents.c.title.icontains(w, autoescape=True),
                    documents.c.text.icontains(w, autoescape=True),
                )
                for w in words
            )
        )

    # -- runs ------------------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str], engine: str, workers: int) -> int:
        """Record the start of a run; its id (for failures and `finish_run`)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                runs.insert().values(
                    started=dt.datetime.now(dt.UTC),
                    status="running",
                    engine=engine,
                    workers=workers,
                    inputs=list(inputs),
                    stored=0,
                    skipped=0,
                    failed=0,
                )
            )
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, stored: int, skipped: int, failed: int, status: str = "finished") -> None:
        with self.engine.begin() as conn:
            conn.execute(
                runs.update()
                .where(runs.c.id == run_id)
                .values(finished=dt.datetime.now(dt.UTC), status=status, stored=stored, skipped=skipped, failed=failed)
            )
        if stored:
            # A run is the bulk load of lagebild; keep the planner's statistics in step with it.
            self.analyze()

    def runs(self) -> list[dict[str, Any]]:
        """Recorded runs, oldest first; timestamps as ISO strings in UTC (finished: None while running)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(runs).order_by(runs.c.id)).mappings()
            return [
                {
                    **r,
                    "started": _utc(r["started"]).isoformat(),
                    "finished": _utc(r["finished"]).isoformat() if r["finished"] else None,
                }
                for r in rows
            ]

    # -- events ----------------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        root: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Flat event rows (keys: EVENT_ROW_FIELDS), ordered by date, then document and position.

        `actor` matches a source or target country or org code, the start of an actor code, or
        the name of the source or target entity (case-insensitive). `since`/`until` are ISO dates
        or months or years, inclusive; an event is kept when the period of its date overlaps
        (so "2024-10" is within since="2024-10-14"); events without a usable date are dropped
        whenever one of them is given.
        """
        src = entities.alias("src")
        tgt = entities.alias("tgt")
        stmt = sa.select(
            events.c.doc_id,
            events.c.event_id,
            events.c.date,
            events.c.source_code,
            events.c.source_country,
            events.c.cameo,
            events.c.root,
            events.c.target_code,
            events.c.target_country,
            events.c.goldstein,
            events.c.quad,
            events.c.place,
            events.c.modality,
            events.c.evidence_text.label("evidence"),
            events.c.rule,
        )
        # The filters are the API's (lagebild.store.queries), plus the case-insensitive entity-name
        # match a command-line user expects for --actor.
        from lagebild.store import queries  # queries imports this module

        stmt = stmt.where(*queries.where_clauses(queries.EventFilter(root=root, since=since, until=until)))
        if actor:
            name = actor.strip().lower()
            stmt = stmt.select_from(
                events.outerjoin(
                    src, sa.and_(src.c.doc_id == events.c.doc_id, src.c.entity_id == events.c.source_entity)
                ).outerjoin(
                    tgt, sa.and_(tgt.c.doc_id == events.c.doc_id, tgt.c.entity_id == events.c.target_entity)
                )
            ).where(
                sa.or_(queries.actor_clause(actor), sa.func.lower(src.c.name) == name, sa.func.lower(tgt.c.name) == name)
            )
        stmt = stmt.order_by(events.c.date_lo.nulls_last(), events.c.doc_id, events.c.idx)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    # -- failures --------------------------------------------------------------------------------

    def record_failure(self, origin: str, reason: str, doc_id: str | None = None, run_id: int | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                failures.insert().values(
                    origin=origin, doc_id=doc_id, reason=reason, at=dt.datetime.now(dt.UTC), run_id=run_id
                )
            )

    def failures(self) -> list[dict[str, Any]]:
        """Recorded failures, oldest first; `at` as an ISO timestamp in UTC."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(failures).order_by(failures.c.id)).mappings()
            return [{**r, "at": _utc(r["at"]).isoformat()} for r in rows]


# -- connection setup --------------------------------------------------------------------------


def _sqlite_setup(wal: bool) -> Any:
    def on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        # SQLite ignores foreign keys (and so ON DELETE CASCADE) unless asked, per connection.
        cur.execute("PRAGMA foreign_keys=ON")
        if wal:
            # Readers (API) and the ingest writer then do not block each other.
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()
        # SQLite's lower() folds ASCII only; PostgreSQL folds all of Unicode. Case-insensitive
        # name matching ("österreich" vs "Österreich") must behave the same on both.
        dbapi_conn.create_function("lower", 1, _py_lower, deterministic=True)

    return on_connect


def _py_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _exists(conn: Connection, doc_id: str) -> bool:
    return conn.execute(sa.select(documents.c.doc_id).where(documents.c.doc_id == doc_id)).first() is not None


def _existing(conn: Connection, doc_ids: list[str]) -> set[str]:
    found: set[str] = set()
    # Chunks keep the IN list under SQLite's bound-parameter limit.
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i : i + 500]
        found.update(conn.execute(sa.select(documents.c.doc_id).where(documents.c.doc_id.in_(chunk))).scalars())
    return found


_WORD = re.compile(r"[^\W_]+")


def _query_words(q: str) -> list[str]:
    """The search words of `q`: runs of letters and digits, lowercased (both backends fold case)."""
    return [w.lower() for w in _WORD.findall(q)]


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; everything was written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


# -- Document -> rows --------------------------------------------------------------------------


def _known(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(f.alias or name for name, f in model.model_fields.items())


_FIELDS: dict[type[BaseModel], frozenset[str]] = {
    m: _known(m) for m in (Document, Source, Entity, Span, Place, Time, Quote, Event, EventActor, Plover)
}


def _extra(data: dict[str, Any] | None, model: type[BaseModel]) -> dict[str, Any] | None:
    """The fields of `data` that `model` does not declare, or None when there are none."""
    if not data:
        return None
    known = _FIELDS[model]
    extra = {k: v for k, v in data.items() if k not in known}
    return extra or None


def _document_rows(
    doc: Document, origin: str | None, now: dt.datetime
) -> list[tuple[sa.Table, list[dict[str, Any]]]]:
    """Rows per table for `doc`, parents first. Built from `to_json()` so extras are JSON-ready."""
    data = doc.to_json()
    doc_id = data["doc_id"]
    source = data["source"]
    extra = _extra(data, Document) or {}

    doc_row = {
        "doc_id": doc_id,
        "lang": data["lang"],
        "published": data["published"],
        "published_estimated": data["published_estimated"],
        "kicker": data["kicker"],
        "title": data["title"],
        "lede": data["lede"],
        "text": data["text"],
        "source_name": source["name"],
        "source_url": source["url"],
        "agency": source["agency"],
        "source_extra": _extra(source, Source),
        "dropped": data["dropped"],
        "headings": data["headings"],
        "origin": origin,
        "extra": extra or None,
        "ingested_at": now,
    }

    entity_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    for i, e in enumerate(data["entities"]):
        entity_rows.append(
            {
                "doc_id": doc_id,
                "entity_id": e["id"],
                "idx": i,
                "name": e["name"],
                "type": e["type"],
                "kb_id": e["kb_id"],
                "country": e["country"],
                "org": e["org"],
                "sectors": e["sectors"],
                "role": e["role"],
                "rule": e["rule"],
                "extra": _extra(e, Entity),
            }
        )
        mention_rows += [
            {"doc_id": doc_id, "entity_id": e["id"], "idx": j, **_span(m)} for j, m in enumerate(e["mentions"])
        ]

    place_rows: list[dict[str, Any]] = []
    place_mention_rows: list[dict[str, Any]] = []
    for i, p in enumerate(data["places"]):
        place_rows.append(
            {
                "doc_id": doc_id,
                "idx": i,
                "name": p["name"],
                "geonameid": p["geonameid"],
                "country": p["country"],
                "lat": p["lat"],
                "lon": p["lon"],
                "feature": p["feature"],
                "rule": p["rule"],
                "extra": _extra(p, Place),
            }
        )
        place_mention_rows += [
            {"doc_id": doc_id, "place_idx": i, "idx": j, **_span(m)} for j, m in enumerate(p["mentions"])
        ]

    time_rows = [
        {
            "doc_id": doc_id,
            "idx": i,
            "start": t["start"],
            "end": t["end"],
            "text": t["text"],
            "type": t["type"],
            "value": t["value"],
            "rule": t["rule"],
            "extra": _extra(t, Time),
        }
        for i, t in enumerate(data["times"])
    ]

    quote_rows = [
        {
            "doc_id": doc_id,
            "idx": i,
            "start": q["start"],
            "end": q["end"],
            "text": q["text"],
            "kind": q["kind"],
            "speaker": q["speaker"],
            "cue": q["cue"],
            "via": q["via"],
            "rule": q["rule"],
            "extra": _extra(q, Quote),
        }
        for i, q in enumerate(data["quotes"])
    ]

    event_rows = [_event_row(doc_id, i, ev) for i, ev in enumerate(data["events"])]

    return [
        (documents, [doc_row]),
        (entities, entity_rows),
        (mentions, mention_rows),
        (places, place_rows),
        (place_mentions, place_mention_rows),
        (times, time_rows),
        (quotes, quote_rows),
        (events, event_rows),
    ]


def _span(m: dict[str, Any]) -> dict[str, Any]:
    return {"start": m["start"], "end": m["end"], "text": m["text"], "extra": _extra(m, Span)}


def _actor_cols(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    if actor is None:
        # NULL sectors is the marker for "no actor" (a present actor always has a list).
        return {f"{prefix}_{k}": None for k in ("entity", "country", "org", "sectors", "code")}
    return {f"{prefix}_{k}": actor[k] for k in ("entity", "country", "org", "sectors", "code")}


def _event_row(doc_id: str, idx: int, ev: dict[str, Any]) -> dict[str, Any]:
    plover = ev["plover"]
    evidence = ev["evidence"]
    parts = {
        "source": _extra(ev["source"], EventActor),
        "target": _extra(ev["target"], EventActor),
        "plover": _extra(plover, Plover),
        "evidence": _extra(evidence, Span),
    }
    parts_extra = {k: v for k, v in parts.items() if v}
    lo_hi = _date_range(ev["date"])
    return {
        "doc_id": doc_id,
        "event_id": ev["id"],
        "idx": idx,
        **_actor_cols("source", ev["source"]),
        **_actor_cols("target", ev["target"]),
        "cameo": ev["cameo"],
        "root": ev["root"],
        "goldstein": ev["goldstein"],
        "quad": ev["quad"],
        "plover_type": plover["type"] if plover else None,
        "plover_mode": plover["mode"] if plover else None,
        # NULL context marks "no plover object", as with actor sectors.
        "plover_context": plover["context"] if plover else None,
        "date": ev["date"],
        "date_lo": lo_hi[0] if lo_hi else None,
        "date_hi": lo_hi[1] if lo_hi else None,
        "place": ev["place"],
        "modality": ev["modality"],
        "evidence_start": evidence["start"],
        "evidence_end": evidence["end"],
        "evidence_text": evidence["text"],
        "confidence": ev["confidence"],
        "rule": ev["rule"],
        "extra": _extra(ev, Event),
        "parts_extra": parts_extra or None,
    }


# -- rows -> Document --------------------------------------------------------------------------


def _with_extra(obj: dict[str, Any], extra: dict[str, Any] | None) -> dict[str, Any]:
    # Declared fields win: an extra can never shadow one (they were split apart on the way in).
    return {**(extra or {}), **obj}


def _rows(conn: Connection, table: sa.Table, doc_id: str, *order: str) -> list[sa.RowMapping]:
    stmt = sa.select(table).where(table.c.doc_id == doc_id).order_by(*(table.c[c] for c in order))
    return list(conn.execute(stmt).mappings())


def _unspan(r: sa.RowMapping) -> dict[str, Any]:
    return _with_extra({"start": r["start"], "end": r["end"], "text": r["text"]}, r["extra"])


def _rebuild(conn: Connection, d: sa.RowMapping) -> dict[str, Any]:
    """The lagebild/1 JSON object of a stored document, from its rows."""
    doc_id: str = d["doc_id"]

    by_entity: dict[str, list[dict[str, Any]]] = {}
    for m in _rows(conn, mentions, doc_id, "entity_id", "idx"):
        by_entity.setdefault(m["entity_id"], []).append(_unspan(m))
    ents = [
        _with_extra(
            {
                "id": e["entity_id"],
                "name": e["name"],
                "type": e["type"],
                "kb_id": e["kb_id"],
                "country": e["country"],
                "org": e["org"],
                "sectors": e["sectors"],
                "role": e["role"],
                "mentions": by_entity.get(e["entity_id"], []),
                "rule": e["rule"],
            },
            e["extra"],
        )
        for e in _rows(conn, entities, doc_id, "idx")
    ]

    by_place: dict[int, list[dict[str, Any]]] = {}
    for m in _rows(conn, place_mentions, doc_id, "place_idx", "idx"):
        by_place.setdefault(m["place_idx"], []).append(_unspan(m))
    plcs = [
        _with_extra(
            {
                "name": p["name"],
                "geonameid": p["geonameid"],
                "country": p["country"],
                "lat": p["lat"],
                "lon": p["lon"],
                "feature": p["feature"],
                "mentions": by_place.get(p["idx"], []),
                "rule": p["rule"],
            },
            p["extra"],
        )
        for p in _rows(conn, places, doc_id, "idx")
    ]

    tms = [
        _with_extra(
            {
                "start": t["start"],
                "end": t["end"],
                "text": t["text"],
                "type": t["type"],
                "value": t["value"],
                "rule": t["rule"],
            },
            t["extra"],
        )
        for t in _rows(conn, times, doc_id, "idx")
    ]

    qts = [
        _with_extra(
            {
                "start": q["start"],
                "end": q["end"],
                "text": q["text"],
                "kind": q["kind"],
                "speaker": q["speaker"],
                "cue": q["cue"],
                "via": q["via"],
                "rule": q["rule"],
            },
            q["extra"],
        )
        for q in _rows(conn, quotes, doc_id, "idx")
    ]

    evs = [_unevent(e) for e in _rows(conn, events, doc_id, "idx")]

    top: dict[str, Any] = dict(d["extra"] or {})
    return _with_extra(
        {
            "schema": "lagebild/1",
            "doc_id": doc_id,
            "lang": d["lang"],
            "published": d["published"],
            "published_estimated": bool(d["published_estimated"]),
            "source": _with_extra(
                {"name": d["source_name"], "url": d["source_url"], "agency": d["agency"]},
                d["source_extra"],
            ),
            "kicker": d["kicker"],
            "title": d["title"],
            "lede": d["lede"],
            "text": d["text"],
            "dropped": d["dropped"],
            "headings": d["headings"],
            "entities": ents,
            "places": plcs,
            "times": tms,
            "quotes": qts,
            "events": evs,
        },
        top,
    )


def _unactor(r: sa.RowMapping, prefix: str, extra: dict[str, Any] | None) -> dict[str, Any] | None:
    if r[f"{prefix}_sectors"] is None:
        return None
    return _with_extra({k: r[f"{prefix}_{k}"] for k in ("entity", "country", "org", "sectors", "code")}, extra)


def _unevent(r: sa.RowMapping) -> dict[str, Any]:
    parts: dict[str, Any] = r["parts_extra"] or {}
    plover = None
    if r["plover_context"] is not None:
        plover = _with_extra(
            {"type": r["plover_type"], "mode": r["plover_mode"], "context": r["plover_context"]},
            parts.get("plover"),
        )
    return _with_extra(
        {
            "id": r["event_id"],
            "source": _unactor(r, "source", parts.get("source")),
            "target": _unactor(r, "target", parts.get("target")),
            "cameo": r["cameo"],
            "root": r["root"],
            "goldstein": r["goldstein"],
            "quad": r["quad"],
            "plover": plover,
            "date": r["date"],
            "place": r["place"],
            "modality": r["modality"],
            "evidence": _with_extra(
                {"start": r["evidence_start"], "end": r["evidence_end"], "text": r["evidence_text"]},
                parts.get("evidence"),
            ),
            "confidence": r["confidence"],
            "rule": r["rule"],
        },
        r["extra"],
    )


# -- TIMEX3 dates as day ranges ----------------------------------------------------------------

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|T)")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:$|-)")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})(?:$|-)")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def _month_range(year: int, first: int, last: int) -> tuple[str, str]:
    end = calendar.monthrange(year, last)[1]
    return dt.date(year, first, 1).isoformat(), dt.date(year, last, end).isoformat()


def _date_range(value: str | None) -> tuple[str, str] | None:
    """The first and last ISO day a TIMEX3 date value covers, or None when it names no period.

    Seasons and other year-qualified values ("2024-SU") count as their whole year; relative or
    undated values ("XXXX-06", "PRESENT_REF", durations) have no range.
    """
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            return day, day
        if m := _MONTH.match(value):
            return _month_range(int(m[1]), int(m[2]), int(m[2]))
        if m := _WEEK.match(value):
            year, week = int(m[1]), int(m[2])
            return (
                dt.date.fromisocalendar(year, week, 1).isoformat(),
                dt.date.fromisocalendar(year, week, 7).isoformat(),
            )
        if m := _QUARTER.match(value):
            q = int(m[2])
            return _month_range(int(m[1]), 3 * q - 2, 3 * q)
        if m := _HALF.match(value):
            h = int(m[2])
            return _month_range(int(m[1]), 6 * h - 5, 6 * h)
        if m := _YEAR.match(value):
            return _month_range(int(m[1]), 1, 12)
        if m := _DECADE.match(value):
            start = int(m[1]) * 10
            return f"{start:04d}-01-01", f"{start + 9:04d}-12-31"
        if m := _CENTURY.match(value):
            start = int(m[1]) * 100
            return f"{start:04d}-01-01", f"{start + 99:04d}-12-31"
    except ValueError:
        # Impossible calendar values (2024-13, week 54) name no period.
        return None
    return None


@contextmanager
def open_store(url: str, migrate: bool = True) -> Iterator[Store]:
    """A `Store` for the length of a with-block, migrated to head unless told otherwise."""
    store = Store(url)
    try:
        if migrate:
            store.migrate()
        yield store
    finally:
        store.close()
