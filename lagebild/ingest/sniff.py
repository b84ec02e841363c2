"""Which reader handles an input: extension or content type first, content sniffing to correct it.

Content wins over a misleading name where the content is unambiguous (an RSS feed saved as
``.txt``, an HTML page served as ``text/plain``); the name decides for JSON Lines, whose
per-line errors are only useful if we commit to the format.
"""

from __future__ import annotations

import json
import re
from typing import Literal

Format = Literal["html", "feed", "jsonl", "json", "text"]

# Extensions a directory walk picks up; anything else in a directory is ignored silently.
KNOWN_EXTENSIONS: frozenset[str] = frozenset(
    {".txt", ".text", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl", ".ndjson"}
)

_BY_EXTENSION: dict[str, Format] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
    ".text": "text",
}

# Media types map onto the extension a file of that type would have.
_BY_MEDIA_TYPE: dict[str, str] = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/rss+xml": ".rss",
    "application/atom+xml": ".atom",
    "application/rdf+xml": ".rdf",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/json": ".json",
    "text/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/x-jsonlines": ".jsonl",
    "application/jsonlines": ".jsonl",
    "text/plain": ".txt",
}

# Media types that cannot be articles; refused up front instead of downloading an image.
_BINARY_MEDIA = re.compile(
    r"^(image|audio|video|font)/|^application/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.|msword|wasm)"
)

# Skip an XML prolog: declaration, processing instructions, comments, doctype.
_PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL | re.IGNORECASE)
_FIRST_ELEMENT = re.compile(r"<([A-Za-z][\w.:-]*)")
_FEED_MARKER = re.compile(r"<(?:rss|feed|[\w]+:RDF)[\s>]", re.IGNORECASE)
_HTML_MARKER = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|a|span|h[1-6]|ul|ol|li|table|tr|td|th|article|section|header|footer|nav|main|body|head|"
    r"title|meta|link|script|style|strong|em|b|i|img|figure|figcaption|blockquote|time|aside)\b[^<>]*>",
    re.IGNORECASE,
)
# Enough known tags to call a fragment HTML; a news text quoting one "<b>" stays text.
_MANY_TAGS = 5


def media_type_extension(content_type: str | None) -> str | None:
    """The extension that stands for a Content-Type, or None when it says nothing useful."""
    if not content_type:
        return None
    mt = content_type.split(";", 1)[0].strip().lower()
    return _BY_MEDIA_TYPE.get(mt)


def is_binary_media_type(content_type: str | None) -> bool:
    """Whether a Content-Type names something that cannot be a text article."""
    if not content_type:
        return False
    return bool(_BINARY_MEDIA.match(content_type.split(";", 1)[0].strip().lower()))


def sniff_markup(head: str) -> Format | None:
    """"feed" or "html" when the start of the content says so unambiguously, else None."""
    start = _PROLOG.match(head).end()  # type: ignore[union-attr]
    if not head.startswith("<", start):
        # Prose that merely mentions "<html>" or "<rss>" is not markup.
        return None
    m = _FIRST_ELEMENT.match(head, start)
    if m:
        name = m.group(1).lower()
        if name in ("rss", "feed") or name.endswith(":rdf"):
            return "feed"
        if name == "html":
            return "html"
    window = head[:1024]
    if _HTML_MARKER.search(window):
        return "html"
    if _FEED_MARKER.search(window):
        return "feed"
    return None


def detect_before_decoding(head: str, ext: str) -> Format | None:
    """The format when it is known without the full text: always for feeds (they decode themselves)."""
    ext = ext.lower()
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    markup = sniff_markup(head)
    if markup is not None:
        return markup
    by_ext = _BY_EXTENSION.get(ext)
    if by_ext in ("feed", "html", "json"):
        return by_ext
    return None


def detect_from_text(text: str) -> Format:
    """For content the name did not settle: JSON, JSON Lines, an HTML fragment or plain text."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if isinstance(value, dict) or (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)):
            return "json"
    if looks_like_jsonl(text):
        return "jsonl"
    tags = _HTML_TAG.findall(text[:200_000])
    if len(tags) >= _MANY_TAGS or (len(tags) >= 2 and _HTML_TAG.match(stripped)):
        return "html"
    return "text"


def looks_like_jsonl(text: str) -> bool:
    """Every non-blank line starts like a JSON object and the first one parses as one."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines or not all(ln.startswith("{") for ln in lines):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        return False
