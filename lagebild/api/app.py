"""The FastAPI app: the JSON API over the store (documents, events, actors, dyads, quotes, stats),
the token-protected ingest endpoint, and the server-rendered web pages of `lagebild.web`.

The layer is thin on purpose (datasette is the model): every read is one call into
`lagebild.store` (`Store` or `lagebild.store.queries`), every write is `Store.add`.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from lagebild import SCHEMA, __version__, config
from lagebild.store import queries
from lagebild.store.queries import EVENT_COLUMNS, EventFilter

ROOT_PATTERN = r"^\d{2}$"
CAMEO_PATTERN = r"^\d{2,4}$"
CODE_PATTERN = r"^[A-Za-z0-9]{2,24}$"
# /api/events counts matching events exactly up to this many; beyond it `total` is this number
# and `total_exact` is false (an exact count of 100,000 matches costs more than the page).
COUNT_CAP = 10_000


def event_filter(
    actor: str | None = Query(None, pattern=CODE_PATTERN, description="Country, org or actor-code prefix, as source or target"),
    source: str | None = Query(None, pattern=CODE_PATTERN, description="The same, as source only"),
    target: str | None = Query(None, pattern=CODE_PATTERN, description="The same, as target only"),
    country: str | None = Query(None, pattern=CODE_PATTERN, description="ISO 3166-1 alpha-3 of either side"),
    org: str | None = Query(None, pattern=CODE_PATTERN, description="Organisation code of either side (NATO, EU …)"),
    entity: str | None = Query(None, max_length=200, description="Exact name of the source or target entity"),
    cameo: str | None = Query(None, pattern=CAMEO_PATTERN, description="CAMEO code or code prefix (042, 04)"),
    root: str | None = Query(None, pattern=ROOT_PATTERN, description="CAMEO root (two digits)"),
    quad: int | None = Query(None, ge=1, le=4, description="Quad class 1-4"),
    since: str | None = Query(None, max_length=32, description="Earliest date (ISO date, month or year)"),
    until: str | None = Query(None, max_length=32, description="Latest date (ISO date, month or year)"),
    place: str | None = Query(None, max_length=200, description="Exact place name"),
    lang: str | None = Query(None, pattern=r"^[a-z]{2}$", description="Document language"),
    doc_id: str | None = Query(None, max_length=200, description="One document"),
) -> EventFilter:
    """The event filters shared by the API and the pages, validated as query parameters."""
    return EventFilter(actor=actor, source=source, target=target, country=country, org=org, entity=entity,
                       cameo=cameo, root=root, quad=quad, since=since, until=until, place=place, lang=lang,
                       doc_id=doc_id)


def create_app(
    store: Any,
    token: str | None = None,
    allow_private: bool = False,
    max_body: int | None = None,
    vendor_dir: Path | None = None,
) -> FastAPI:
    """Build the app around an open, migrated Store.

    token: Bearer token that write requests must carry (default: $LAGEBILD_API_TOKEN; without
    one, writes are refused). allow_private: let ingested URLs reach loopback/private addresses.
    max_body: largest request body accepted (default: the ingest size cap). vendor_dir: where
    the front-end libraries were installed (default: see `lagebild.web.assets`).
    """
    from fastapi import Depends

    from lagebild.api.write import WriteSettings, add_write_routes
    from lagebild.web import assets
    from lagebild.web.pages import add_pages

    app = FastAPI(
        title="lagebild",
        version=__version__,
        description="News → auditable event data (lagebild/1). Web pages at `/documents`, `/events`, "
        "`/actors`, `/network`, `/map`.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    engine = store.engine
    vendor = assets.Vendor(vendor_dir)
    app.state.vendor = vendor

    @app.get("/", summary="Index of the store and the API (an HTML page for browsers)", response_model=None)
    def index(request: Request) -> Any:
        if _wants_html(request):
            return app.state.render_home(request)
        base = str(request.base_url).rstrip("/")
        return {
            "name": "lagebild",
            "version": __version__,
            "schema": SCHEMA,
            "documents": store.count(),
            "links": {
                "documents": f"{base}/api/documents",
                "events": f"{base}/api/events",
                "actors": f"{base}/api/actors",
                "stats": f"{base}/api/stats",
                "docs": f"{base}/docs",
            },
            "recent": store.documents(limit=20),
        }

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI from the npm install when present, so the docs work offline too.
        if vendor.has("swagger-ui-bundle.js") and vendor.has("swagger-ui.css"):
            return get_swagger_ui_html(
                openapi_url="/openapi.json",
                title="lagebild API",
                swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                swagger_css_url="/static/vendor/swagger-ui.css",
                swagger_favicon_url="/static/favicon.svg",
            )
        return get_swagger_ui_html(openapi_url="/openapi.json", title="lagebild API")

    @app.get("/api/documents", summary="List documents (newest first), optionally searching the text")
    def documents(
        q: str | None = Query(None, max_length=500, description="Words that must occur in title or text"),
        limit: int = Query(50, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> JSONResponse:
        docs = store.documents(limit=limit, offset=offset, q=q)
        return JSONResponse({"documents": docs, "limit": limit, "offset": offset})

    @app.get("/api/documents/{doc_id}", summary="One document as lagebild/1 JSON")
    def document(doc_id: str) -> JSONResponse:
        doc = store.get(doc_id)
        if doc is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id}")
        return JSONResponse(doc.to_json())

    @app.get(
        "/api/events",
        summary="Events, filtered and paged; JSON or CSV (format=csv or Accept: text/csv)",
        description="JSON: `total` counts the matching events exactly up to 10,000 (or up to the end "
        "of the requested page, if that lies further); when more match, `total` is that bound and "
        "`total_exact` is false.",
        response_model=None,
    )
    def events(
        request: Request,
        f: EventFilter = Depends(event_filter),
        limit: int = Query(100, ge=1, le=1_000_000, description="At most 10000 for JSON; any for CSV"),
        offset: int = Query(0, ge=0),
        order: Literal["newest", "oldest"] = "newest",
        format: Literal["json", "csv"] | None = Query(None, description="Default: JSON unless Accept asks for text/csv"),
    ) -> Response:
        as_csv = format == "csv" or (format is None and "text/csv" in request.headers.get("accept", ""))
        try:
            if as_csv:
                rows = queries.iter_events(engine, f, limit=limit, offset=offset, newest_first=order == "newest")
                return StreamingResponse(
                    _csv_lines(rows),
                    media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="lagebild-events.csv"'},
                )
            if limit > 10_000:
                raise HTTPException(status_code=422, detail="limit: at most 10000 for JSON (use format=csv)")
            # Counting stops past COUNT_CAP (or past this page, if it lies further): `total` is
            # exact up to there, and `total_exact` is false when more events match.
            cap = max(COUNT_CAP, offset + limit)
            rows, total = queries.events_page(
                engine, f, limit=limit, offset=offset, newest_first=order == "newest", count_cap=cap
            )
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None
        return JSONResponse(
            {"events": rows, "count": len(rows), "total": min(total, cap), "total_exact": total <= cap,
             "limit": limit, "offset": offset, "filters": f.params()}
        )

    @app.get("/api/actors", summary="Actors (country or org codes) with event counts, busiest first")
    def actors(
        q: str | None = Query(None, max_length=24, description="Code prefix"),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> JSONResponse:
        rows, total = queries.actors(engine, limit=limit, offset=offset, q=q)
        for r in rows:
            r["name"] = queries.country_name(r["code"])
        return JSONResponse({"actors": rows, "total": total, "limit": limit, "offset": offset})

    @app.get("/api/actors/{key:path}", summary="One actor (a code such as RUS, or an exact entity name)")
    def actor(key: str, limit: int = Query(50, ge=1, le=1000)) -> JSONResponse:
        summary = queries.actor_summary(engine, key, limit=limit)
        if not summary["counts"]["as_source"] and not summary["counts"]["as_target"] and not summary["quotes"]:
            raise HTTPException(status_code=404, detail=f"no events or quotes for actor {key}")
        return JSONResponse(summary)

    @app.get("/api/dyads/{a}/{b}", summary="Events between two actors per week or month, with Goldstein sums and means")
    def dyad(
        a: str,
        b: str,
        interval: Literal["week", "month"] = "month",
        directed: bool = Query(False, description="Only events from a to b"),
        since: str | None = Query(None, max_length=32),
        until: str | None = Query(None, max_length=32),
    ) -> JSONResponse:
        for code in (a, b):
            if not queries.is_code(code.upper()):
                raise HTTPException(status_code=422, detail=f"not an actor code: {code!r}")
        try:
            return JSONResponse(queries.dyad(engine, a, b, interval=interval, directed=directed, since=since, until=until))
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None

    @app.get("/api/quotes", summary="Quotes with their speakers, newest first")
    def quotes(
        speaker: str | None = Query(None, max_length=200, description="Exact speaker name, or a country/org code"),
        q: str | None = Query(None, max_length=500, description="Words in the quote"),
        limit: int = Query(50, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> JSONResponse:
        rows, total = queries.quotes_by(engine, speaker=speaker, q=q, limit=limit, offset=offset)
        return JSONResponse({"quotes": rows, "total": total, "limit": limit, "offset": offset})

    @app.get("/api/network", summary="Actor network: edges per (source, target, quad class) with event counts")
    def network(f: EventFilter = Depends(event_filter), max_edges: int = Query(300, ge=1, le=5000)) -> JSONResponse:
        try:
            return JSONResponse(queries.network(engine, f, max_edges=max_edges))
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None

    @app.get("/api/places", summary="Event places with coordinates and event counts")
    def event_places(f: EventFilter = Depends(event_filter), limit: int = Query(500, ge=1, le=5000)) -> JSONResponse:
        try:
            return JSONResponse({"places": queries.event_places(engine, f, limit=limit)})
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None

    @app.get("/api/stats", summary="Counts of the store")
    def stats() -> JSONResponse:
        return JSONResponse(queries.stats(engine))

    settings = WriteSettings(
        token=token if token is not None else (os.environ.get("LAGEBILD_API_TOKEN") or None),
        allow_private=allow_private,
        max_body=max_body if max_body is not None else config.max_bytes(),
    )
    add_write_routes(app, store, settings)
    add_pages(app, store, vendor)
    return app


def _wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split(",")[0]


def _csv_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=EVENT_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        # Flush in chunks: one write per row would make streaming slower than building it whole.
        if buf.tell() > 64_000:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()
