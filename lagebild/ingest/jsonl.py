"""JSON Lines and JSON article records (``id, lang, published, title, text, url``) to RawDocs.

This is the format ``shared/tools/gold2jsonl.py`` writes. Each JSON Lines line stands alone:
a broken line is one error naming ``path:LINE`` and the good lines still go through.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lagebild.ingest.base import InputError, InputRefused, RawDoc
from lagebild.ingest.sniff import looks_like_jsonl

# Record fields that map onto RawDoc attributes; other scalar fields land in RawDoc.meta.
_STR_FIELDS = ("lang", "published", "title", "url")
_ID_FIELDS = ("id", "doc_id")
_SOURCE_FIELDS = ("source_name", "source")
_HANDLED = frozenset({"text", *_STR_FIELDS, *_ID_FIELDS, *_SOURCE_FIELDS})


def read_jsonl(text: str, origin: str) -> Iterator[RawDoc | InputError]:
    """One RawDoc per non-blank line (origin ``path:LINE``), or an InputError for a bad line."""
    found = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        found = True
        where = f"{origin}:{lineno}"
        try:
            value = json.loads(line)
        except ValueError as e:
            yield InputError(where, f"invalid JSON ({_json_reason(e)})")
            continue
        yield _record_or_error(value, where)
    if not found:
        yield InputError(origin, "no JSON lines")


def read_json(text: str, origin: str) -> Iterator[RawDoc | InputError]:
    """A JSON object with "text", or a list of them (origins ``path#item-N``).

    A ``.json`` file that is really JSON Lines is read as JSON Lines, since both are common
    under the same extension.
    """
    try:
        value = json.loads(text)
    except ValueError as e:
        if looks_like_jsonl(text):
            yield from read_jsonl(text, origin)
            return
        raise InputRefused(f"invalid JSON ({_json_reason(e)})") from None
    if isinstance(value, dict):
        yield _record_or_error(value, origin)
    elif isinstance(value, list):
        if not value:
            raise InputRefused("JSON list is empty")
        for i, item in enumerate(value, start=1):
            yield _record_or_error(item, f"{origin}#item-{i}")
    else:
        raise InputRefused(f"JSON holds a {type(value).__name__}, expected an object with \"text\" or a list of them")


def _record_or_error(value: Any, origin: str) -> RawDoc | InputError:
    try:
        return record_to_rawdoc(value, origin)
    except InputRefused as e:
        return InputError(origin, str(e))


def record_to_rawdoc(rec: Any, origin: str) -> RawDoc:
    """Map one JSON record onto a RawDoc; InputRefused when it has no usable text."""
    if not isinstance(rec, dict):
        raise InputRefused(f"not a JSON object (got {_json_type(rec)})")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        if "text" not in rec:
            raise InputRefused('no "text" field')
        raise InputRefused('"text" is empty' if isinstance(text, str) else f'"text" is {_json_type(text)}, not a string')
    doc_id = next((_scalar(rec[k]) for k in _ID_FIELDS if _scalar(rec.get(k))), None)
    source = next((_scalar(rec[k]) for k in _SOURCE_FIELDS if _scalar(rec.get(k))), None)
    fields = {k: v for k in _STR_FIELDS if isinstance(v := rec.get(k), str) and v.strip()}
    meta = {k: s for k, v in rec.items() if k not in _HANDLED and (s := _scalar(v)) is not None}
    if rec.get("schema") == "lagebild/1":
        # Already extracted (e.g. `lagebild export --format jsonl`): offsets refer to this exact
        # text, so it is neither normalised nor cleaned again.
        return RawDoc(origin=origin, body=text, doc_id=doc_id, lang=fields.get("lang"),
                      published=fields.get("published"), title=fields.get("title"), document=rec)
    return RawDoc(
        origin=origin,
        body=text.replace("\r\n", "\n").replace("\r", "\n"),
        kind="text",
        doc_id=doc_id,
        lang=fields.get("lang"),
        published=fields.get("published"),
        title=fields.get("title"),
        url=fields.get("url"),
        source_name=source,
        meta=meta,
    )


def _scalar(v: Any) -> str | None:
    # bool is an int subclass; "True" as an id or meta value would be a surprise.
    if isinstance(v, str):
        return v if v.strip() else None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    return None


def _json_type(v: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(v), "a number"
    )


def _json_reason(e: ValueError) -> str:
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg} at column {e.colno}" if e.lineno == 1 else f"{e.msg} at line {e.lineno} column {e.colno}"
    return str(e)
