"""The FastAPI app: a JSON index of the store, documents as lagebild/1, events as rows."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request

from lagebild import SCHEMA, __version__


def create_app(store: Any) -> FastAPI:
    """Build the app around an open, migrated Store."""
    app = FastAPI(title="lagebild", version=__version__, description="News → auditable event data (lagebild/1).")
    app.state.store = store

    @app.get("/", summary="Index of the store and the API")
    def index(request: Request) -> dict[str, Any]:
        base = str(request.base_url).rstrip("/")
        return {
            "name": "lagebild",
            "version": __version__,
            "schema": SCHEMA,
            "documents": store.count(),
            "links": {
                "documents": f"{base}/api/documents",
                "events": f"{base}/api/events",
                "docs": f"{base}/docs",
            },
            "recent": store.documents(limit=20),
        }

    @app.get("/api/documents", summary="List documents (newest first), optionally searching the text")
    def documents(
        q: str | None = Query(None, description="Words that must occur in title or text"),
        limit: int = Query(50, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        return {"documents": store.documents(limit=limit, offset=offset, q=q), "limit": limit, "offset": offset}

    @app.get("/api/documents/{doc_id}", summary="One document as lagebild/1 JSON")
    def document(doc_id: str) -> dict[str, Any]:
        doc = store.get(doc_id)
        if doc is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id}")
        return doc.to_json()

    @app.get("/api/events", summary="Events, filtered by actor, CAMEO root and date range")
    def events(
        actor: str | None = None,
        root: str | None = Query(None, pattern=r"^\d{2}$"),
        since: str | None = None,
        until: str | None = None,
        limit: int = Query(100, ge=1, le=10000),
    ) -> dict[str, Any]:
        try:
            rows = store.events(actor=actor, root=root, since=since, until=until, limit=limit)
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None
        return {"events": rows, "count": len(rows)}

    return app
