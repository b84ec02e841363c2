"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds to one RawDoc per item, via feedparser.

Feeds get the raw bytes, not our decoded text: feedparser honours the XML encoding declaration
and the HTTP charset itself, which our UTF-8/cp1252 rules cannot know about.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator, Mapping
from typing import Any

import feedparser

from lagebild.ingest.base import InputError, InputRefused, RawDoc, RawKind

_PASSED_HEADERS = frozenset({"content-type", "content-language", "content-location"})
_MARKUP = re.compile(r"<[A-Za-z!/][^>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


def read_feed(
    data: bytes, origin: str, *, url: str | None = None, headers: Mapping[str, str] | None = None
) -> Iterator[RawDoc | InputError]:
    """One RawDoc per feed item with origin ``ORIGIN#item-N`` (1-based).

    Raises InputRefused when the data is not a feed at all (feedparser's "bozo" with no items).
    `url` and `headers` let feedparser resolve relative links and use the served charset.
    """
    # Only what feedparser needs for charset, language and link resolution: the body is already
    # decompressed, so passing Content-Encoding along could make it try again.
    response_headers = {
        k.lower(): v for k, v in (headers or {}).items() if k.lower() in _PASSED_HEADERS
    }
    if url:
        response_headers.setdefault("content-location", url)
    # A file-like object: given bytes or str, feedparser would try them as a path or URL first.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=response_headers or None)
    entries = [e for e in parsed.entries if _has_substance(e)]
    if not entries:
        if parsed.bozo:
            raise InputRefused(f"not a valid RSS/Atom feed ({_bozo_reason(parsed.get('bozo_exception'))})")
        raise InputRefused("feed has no items")
    feed = parsed.feed
    source_name = _clean(feed.get("title"))
    feed_lang = _primary_lang(feed.get("language"))
    for n, entry in enumerate(entries, start=1):
        item_origin = f"{origin}#item-{n}"
        body, lang = _body(entry)
        if not body.strip():
            yield InputError(item_origin, "feed item has no text (no content or summary)")
            continue
        meta: dict[str, str] = {"feed": url or origin}
        if entry.get("id"):
            meta["guid"] = str(entry["id"])
        yield RawDoc(
            origin=item_origin,
            body=body.replace("\r\n", "\n").replace("\r", "\n"),
            kind=_kind(body),
            title=_clean(entry.get("title")),
            published=_iso_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            url=_clean(entry.get("link")),
            source_name=source_name,
            lang=lang or feed_lang,
            meta=meta,
        )


def _has_substance(entry: Mapping[str, Any]) -> bool:
    # A truncated feed makes feedparser emit an empty entry dict; that is not an item.
    return any(entry.get(k) for k in ("title", "link", "summary", "content", "id"))


def _body(entry: Mapping[str, Any]) -> tuple[str, str | None]:
    """Item text and its declared language: full content before the summary."""
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        if value.strip():
            return value, _primary_lang(c.get("language"))
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", _primary_lang(detail.get("language"))


def _kind(body: str) -> RawKind:
    # feedparser reports text/html for most RSS descriptions even when they are plain text, so
    # the markup itself decides; entities alone count, since the cleaner must unescape them.
    return "html" if _MARKUP.search(body) else "text"


def _iso_date(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


def _primary_lang(tag: Any) -> str | None:
    """``de-DE`` → ``de``: the pipeline keys languages by their primary subtag."""
    if not isinstance(tag, str) or not tag.strip():
        return None
    primary = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _bozo_reason(exc: Any) -> str:
    if exc is None:
        return "unparseable"
    get_message = getattr(exc, "getMessage", None)  # SAXParseException: without the "<unknown>:2:0:" noise
    msg = get_message() if callable(get_message) else str(exc)
    line = getattr(exc, "getLineNumber", None)
    if callable(line):
        msg = f"{msg} at line {line()}"
    return msg.strip() or type(exc).__name__
