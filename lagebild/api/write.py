"""`POST /api/documents`: ingest one article over HTTP, behind a Bearer token and a body size cap.

The body is a lagebild/1 document (JSON with ``"schema": "lagebild/1"``), a JSON object with
``text`` (plus optional ``title``, ``lang``, ``published``, ``id``, ``url``, ``html``) or with
``url`` alone (fetched; loopback/private addresses refused unless the server allows them), or
raw ``text/plain`` / ``text/html``. Raw input goes through `lagebild.process.Processor`, every
document through `Store.add`.
"""

from __future__ import annotations

import hmac
import json
import threading
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from lagebild.doc import Document
from lagebild.ingest.base import InputError, RawDoc


@dataclass
class WriteSettings:
    """token: the Bearer token writes need (None: writes refused); max_body: bytes accepted."""

    token: str | None
    allow_private: bool = False
    max_body: int = 10_000_000


class _Ingester:
    """Turns request bodies into stored documents; one Processor, built on first use, shared."""

    def __init__(self, store: Any, settings: WriteSettings) -> None:
        self.store = store
        self.settings = settings
        self._processor: Any = None
        # Pipelines are built lazily and hold per-language state; one document at a time is
        # plenty for an ingest endpoint and keeps them safe to share between worker threads.
        self._lock = threading.Lock()

    def process(self, raw: RawDoc) -> Document:
        with self._lock:
            if self._processor is None:
                from lagebild.process import Processor

                self._processor = Processor()
            try:
                return self._processor(raw)
            except ValueError as exc:
                raise HTTPException(status_code=422, detail=f"cannot process: {exc}") from None

    def fetch(self, url: str, lang: str | None, published: str | None, doc_id: str | None) -> RawDoc:
        from lagebild.ingest import ReadOptions, read_inputs
        from lagebild.ingest.urls import is_url

        # Only http(s) URLs: read_inputs would read a local path or stdin for anything else.
        if not is_url(url) or url.split(":", 1)[0].lower() not in ("http", "https"):
            raise HTTPException(status_code=422, detail="url: only http(s) URLs are accepted")
        opts = ReadOptions(
            max_bytes=self.settings.max_body, allow_private=self.settings.allow_private,
            lang=lang, published=published, doc_id=doc_id,
        )
        for item in read_inputs([url], opts):
            if isinstance(item, InputError):
                raise HTTPException(status_code=422, detail=f"{item.origin}: {item.reason}")
            return item
        raise HTTPException(status_code=422, detail=f"{url}: no article found")

    def ingest(self, body: bytes, content_type: str, params: dict[str, str | None]) -> tuple[Document, bool]:
        if content_type in ("application/json", "application/ld+json") or content_type.endswith("+json"):
            doc = self._from_json(body, params)
        elif content_type in ("text/plain", "text/html", ""):
            text = _utf8(body)
            kind = "html" if content_type == "text/html" else "text"
            doc = self.process(RawDoc(origin="api", body=text, kind=kind, lang=params["lang"],
                                      published=params["published"], doc_id=params["id"]))
        else:
            raise HTTPException(status_code=415, detail=f"unsupported content type {content_type!r}")
        added = self.store.add(doc, origin="api")
        return doc, added

    def _from_json(self, body: bytes, params: dict[str, str | None]) -> Document:
        try:
            data = json.loads(_utf8(body))
        except json.JSONDecodeError as exc:
            raise HTTPException(status_code=400, detail=f"invalid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise HTTPException(status_code=422, detail="expected a JSON object")
        if data.get("schema") == "lagebild/1":
            try:
                doc = Document.from_json(data)
            except ValidationError as exc:
                raise HTTPException(status_code=422, detail=f"not a valid lagebild/1 document: {exc.errors()[:3]}") from None
            problems = doc.span_problems()
            if problems:
                raise HTTPException(status_code=422, detail=problems[0])
            return doc
        opts = {k: _str_or_none(data.get(k)) or params.get(k) for k in ("lang", "published", "id")}
        if isinstance(data.get("text"), str):
            raw = RawDoc(origin="api", body=data["text"], kind="html" if data.get("html") else "text",
                         doc_id=opts["id"], lang=opts["lang"], published=opts["published"],
                         title=_str_or_none(data.get("title")), url=_str_or_none(data.get("url")))
            return self.process(raw)
        if isinstance(data.get("url"), str):
            return self.process(self.fetch(data["url"], opts["lang"], opts["published"], opts["id"]))
        raise HTTPException(status_code=422, detail='expected a lagebild/1 document, {"text": …} or {"url": …}')


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(status_code=400, detail="body is not UTF-8") from None


def _str_or_none(v: Any) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


def check_token(request: Request, expected: str | None) -> None:
    """401 without credentials, 403 with wrong ones or when the server has no token set."""
    if expected is None:
        raise HTTPException(status_code=403, detail="writes are disabled: start the server with --token or LAGEBILD_API_TOKEN")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(status_code=401, detail="Bearer token required", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(status_code=403, detail="wrong token")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it is known to exceed `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise HTTPException(status_code=413, detail=f"body larger than {limit} bytes")
        except ValueError:
            raise HTTPException(status_code=400, detail="bad Content-Length") from None
    chunks: list[bytes] = []
    size = 0
    # Chunked uploads have no Content-Length; count as they arrive and stop early.
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(status_code=413, detail=f"body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def add_write_routes(app: FastAPI, store: Any, settings: WriteSettings) -> None:
    """Register `POST /api/documents` on `app`."""
    ingester = _Ingester(store, settings)

    @app.post(
        "/api/documents",
        summary="Ingest one document (lagebild/1 JSON, {text}, {url} or raw text); Bearer token required",
        status_code=201,
        responses={200: {"description": "Already stored"}, 401: {}, 403: {}, 413: {}, 415: {}, 422: {}},
    )
    async def post_document(
        request: Request,
        lang: str | None = Query(None, pattern=r"^[a-z]{2}$"),
        published: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
        id: str | None = Query(None, max_length=200, description="Document id (default: sha256 of the text)"),
    ) -> JSONResponse:
        check_token(request, settings.token)
        body = await read_body(request, settings.max_body)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        doc, added = await run_in_threadpool(
            ingester.ingest, body, ctype, {"lang": lang, "published": published, "id": id}
        )
        return JSONResponse(
            {"doc_id": doc.doc_id, "stored": added, "events": len(doc.events), "url": f"/api/documents/{doc.doc_id}"},
            status_code=201 if added else 200,
        )
