"""The HTML pages: each route reads through `lagebild.store` and renders one Jinja2 template.

Templates autoescape everything; URLs from documents are shown as links only when they are
http(s); data for the charts travels as JSON in ``<script type="application/json">`` (escaped by
`tojson`) and the scripts are files under /static, so a strict Content-Security-Policy holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lagebild import __version__
from lagebild.api.app import event_filter
from lagebild.store import queries
from lagebild.store.queries import QUAD_NAMES, EventFilter
from lagebild.web.assets import Vendor
from lagebild.web.highlight import actor_key, actor_url, highlight

HERE = Path(__file__).resolve().parent

# Scripts and styles only from this server; no inline script (chart data is JSON, not code).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def safe_url(url: str | None) -> str | None:
    """`url` when it is an http(s) URL, else None (so a `javascript:` source never becomes a link)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "xml"], default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["actor_url"] = actor_url
    env.filters["country_name"] = queries.country_name
    env.filters["quad_name"] = lambda q: QUAD_NAMES.get(q or 0, "")
    env.filters["signed"] = lambda x: "" if x is None else f"{x:+.1f}"
    env.globals["version"] = __version__
    return env


class _DropEmptyParams:
    """Drop empty query parameters (``?actor=&quad=``, as an HTML form sends unfilled fields),
    so that "not given" and "left empty" mean the same to every route and its validation."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


class _SecurityHeaders:
    """Security headers on every response; the strict CSP on HTML pages. Pure ASGI, because
    BaseHTTPMiddleware costs a task and a stream per request on the hot API paths."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Swagger UI at /docs runs an inline script; every other page gets the strict policy.
        strict = scope.get("path") != "/docs"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "same-origin")
                if strict and headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", CSP)
                    headers.setdefault("X-Frame-Options", "DENY")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def add_pages(app: FastAPI, store: Any, vendor: Vendor) -> None:
    """Register the pages, /static and /static/vendor on `app`."""
    env = _env()
    engine = store.engine
    app.add_middleware(_SecurityHeaders)
    app.add_middleware(_DropEmptyParams)

    def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        ctx.update(request=request, path=request.url.path, vendor_ok=vendor.has)
        return HTMLResponse(env.get_template(name).render(**ctx), status_code=status)

    def pager(request: Request, offset: int, limit: int, total: int) -> dict[str, Any]:
        params = dict(request.query_params)

        def link(off: int) -> str:
            params["offset"] = str(max(off, 0))
            return "?" + urlencode(params)

        return {
            "first": offset + 1 if total else 0,
            "last": min(offset + limit, total),
            "total": total,
            "prev": link(offset - limit) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None,
        }

    @app.get("/static/vendor/{name}", include_in_schema=False)
    def vendor_file(name: str) -> FileResponse:
        path = vendor.path(name)
        if path is None:
            raise HTTPException(status_code=404, detail=f"{name}: not installed (run make install)")
        return FileResponse(path, headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def home(request: Request) -> HTMLResponse:
        return render(request, "home.html", stats=queries.stats(engine), recent=store.documents(limit=15),
                      actors=queries.actors(engine, limit=15)[0])

    app.state.render_home = home

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(
        request: Request,
        q: str | None = Query(None, max_length=500),
        offset: int = Query(0, ge=0),
        limit: int = Query(50, ge=1, le=500),
    ) -> HTMLResponse:
        docs = store.documents(limit=limit + 1, offset=offset, q=q)
        more = len(docs) > limit
        page = {"prev": None, "next": None}
        params = dict(request.query_params)
        if offset:
            page["prev"] = "?" + urlencode({**params, "offset": max(offset - limit, 0)})
        if more:
            page["next"] = "?" + urlencode({**params, "offset": offset + limit})
        return render(request, "documents.html", docs=docs[:limit], q=q or "", page=page, offset=offset)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        doc = store.get(doc_id)
        if doc is None:
            return render(request, "error.html", status=404, message=f"No document {doc_id}.")
        ents = {e.id: e for e in doc.entities}
        return render(
            request, "document.html", doc=doc, text=highlight(doc), entities=ents,
            actor_keys={e.id: actor_key(e) for e in doc.entities},
            place_ids={p.name: i for i, p in enumerate(doc.places)},
        )

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request,
        f: EventFilter = Depends(event_filter),
        offset: int = Query(0, ge=0),
        limit: int = Query(50, ge=1, le=500),
    ) -> HTMLResponse:
        try:
            rows, total = queries.events_page(engine, f, limit=limit, offset=offset)
            facets = queries.facets(engine, f)
        except ValueError as exc:
            return render(request, "error.html", status=400, message=str(exc))
        params = f.params()
        return render(
            request, "events.html", rows=rows, f=f, params=params, facets=facets,
            page=pager(request, offset, limit, total),
            csv_url="/api/events?" + urlencode({**params, "format": "csv", "limit": 1_000_000}),
            json_url="/api/events?" + urlencode(params), quads=QUAD_NAMES,
            facet_link=lambda k, v: "/events?" + urlencode({**params, _facet_param(k): v}),
        )

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(
        request: Request, q: str | None = Query(None, max_length=24), offset: int = Query(0, ge=0)
    ) -> HTMLResponse:
        rows, total = queries.actors(engine, limit=100, offset=offset, q=q)
        return render(request, "actors.html", rows=rows, q=q or "", page=pager(request, offset, 100, total))

    @app.get("/actors/{key:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, key: str) -> HTMLResponse:
        s = queries.actor_summary(engine, key, limit=50)
        if not (s["counts"]["as_source"] or s["counts"]["as_target"] or s["quotes"] or s["entities"]):
            return render(request, "error.html", status=404, message=f"No events or quotes for {key}.")
        return render(request, "actor.html", s=s, key=key, is_code=queries.is_code(key))

    @app.get("/dyads/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request, a: str, b: str,
        interval: str = Query("month", pattern="^(week|month)$"),
        stat: str = Query("sum", pattern="^(sum|mean)$"),
        since: str | None = Query(None, max_length=32),
        until: str | None = Query(None, max_length=32),
    ) -> HTMLResponse:
        if not (queries.is_code(a.upper()) and queries.is_code(b.upper())):
            return render(request, "error.html", status=422, message="Dyads are between actor codes such as RUS and CHN.")
        try:
            d = queries.dyad(engine, a, b, interval=interval, since=since, until=until)  # type: ignore[arg-type]
        except ValueError as exc:
            return render(request, "error.html", status=400, message=str(exc))
        return render(request, "dyad.html", d=d, interval=interval, stat=stat, quads=QUAD_NAMES,
                      since=since or "", until=until or "")

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(
        request: Request, f: EventFilter = Depends(event_filter), max_edges: int = Query(150, ge=1, le=2000)
    ) -> HTMLResponse:
        try:
            net = queries.network(engine, f, max_edges=max_edges)
        except ValueError as exc:
            return render(request, "error.html", status=400, message=str(exc))
        return render(request, "network.html", net=net, f=f, max_edges=max_edges, quads=QUAD_NAMES)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, f: EventFilter = Depends(event_filter)) -> HTMLResponse:
        try:
            pts = queries.event_places(engine, f, limit=1000)
        except ValueError as exc:
            return render(request, "error.html", status=400, message=str(exc))
        return render(request, "map.html", places=pts, f=f, params=f.params())


def _facet_param(column: str) -> str:
    return {"source_country": "source", "target_country": "target"}.get(column, column)
