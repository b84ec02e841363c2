"""YAML front matter on plain-text articles: the metadata a page dump cannot carry itself.

A text file may start with a block between two ``---`` lines (the Jekyll/Hugo convention) with
keys ``id, lang, published, title, url, source``; the rest of the file is the page text.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from lagebild.ingest.base import InputRefused, RawDoc

_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
_FIELDS = {"id": "doc_id", "doc_id": "doc_id", "lang": "lang", "published": "published",
           "title": "title", "url": "url", "source": "source_name"}


def split_front_matter(text: str, origin: str) -> tuple[dict[str, str], str]:
    """(metadata, body); metadata is empty when the text has no front matter."""
    m = _BLOCK.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise InputRefused(f"invalid front matter{where}") from None
    if not isinstance(data, dict):
        raise InputRefused("front matter is not a mapping of keys to values")
    unknown = sorted(set(map(str, data)) - set(_FIELDS))
    if unknown:
        raise InputRefused(f"unknown front matter key(s): {', '.join(unknown)} (known: {', '.join(sorted(_FIELDS))})")
    meta = {_FIELDS[k]: (v.isoformat() if isinstance(v, dt.date) else str(v)) for k, v in data.items() if v is not None}
    return meta, text[m.end():]


def apply_front_matter(doc: RawDoc) -> RawDoc:
    """The RawDoc with its front matter moved from the body into its fields."""
    meta, body = split_front_matter(doc.body, doc.origin)
    if not meta:
        return doc
    doc.body = body
    for field, value in meta.items():
        setattr(doc, field, value)
    return doc
