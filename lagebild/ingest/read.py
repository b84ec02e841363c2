"""The ingest entry point: input specs (files, directories, globs, URLs, ``-``) to RawDocs.

`read_inputs` never raises for a bad input. Each failure becomes one `InputError` line naming
the input and the reason, and the batch goes on, so one broken file in a directory of a
thousand does not cost the other 999.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from lagebild.ingest.base import InputError, InputRefused, RawDoc
from lagebild.ingest.decode import decode_bytes, decode_with_charset, declared_charset, peek_text, refuse_binary
from lagebild.ingest.feeds import read_feed
from lagebild.ingest.frontmatter import apply_front_matter
from lagebild.ingest.files import expand_spec, read_file, read_stream
from lagebild.ingest.jsonl import read_json, read_jsonl
from lagebild.ingest.sniff import KNOWN_EXTENSIONS, detect_before_decoding, detect_from_text, media_type_extension
from lagebild.ingest.urls import check_scheme, fetch, is_url

Item = RawDoc | InputError


@dataclass
class ReadOptions:
    """How inputs are read.

    max_bytes: largest input accepted, per file or per HTTP response.
    allow_private: let URLs reach loopback/private/link-local addresses (off: SSRF guard).
    timeout: seconds per network operation; a whole download may take 5× that.
    lang, published, doc_id: override these on every RawDoc. `doc_id` is meant for a single
        document; when several documents come out, the first gets `doc_id` and later ones
        ``doc_id-2``, ``doc_id-3``, … in the order they are yielded, so ids stay unique.
    """

    max_bytes: int = 10_000_000
    allow_private: bool = False
    timeout: float = 10.0
    lang: str | None = None
    published: str | None = None
    doc_id: str | None = None

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ValueError("max_bytes must be at least 1")
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")


def read_inputs(specs: Sequence[str], opts: ReadOptions | None = None) -> Iterator[Item]:
    """One RawDoc per article found in `specs`, or an InputError per input (or line) that failed.

    Specs are read in the order given; a file reached twice (say via a directory and a glob)
    is read once.
    """
    opts = opts or ReadOptions()
    seen: set[str] = set()
    count = 0
    for spec in specs:
        for item in _read_spec(spec, opts, seen):
            if isinstance(item, RawDoc):
                count += 1
                item = _override(item, opts, count)
            yield item


def read_bytes(
    data: bytes,
    origin: str,
    ext: str = "",
    *,
    url: str | None = None,
    charset: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Iterator[Item]:
    """Documents in one input's bytes; `ext` (``.html``…) is a hint that content sniffing may overrule.

    Raises InputRefused when the input as a whole is unusable (binary, undecodable, not a feed).
    """
    refuse_binary(data, origin)
    fmt = detect_before_decoding(peek_text(data), ext)
    if fmt == "feed":
        yield from read_feed(data, origin, url=url, headers=headers)
        return
    text = _decode(data, origin, charset)
    if fmt is None:
        fmt = detect_from_text(text)
    if fmt == "jsonl":
        yield from read_jsonl(text, origin)
    elif fmt == "json":
        yield from read_json(text, origin)
    else:
        doc = RawDoc(origin=origin, body=text, kind="html" if fmt == "html" else "text", url=url)
        yield apply_front_matter(doc) if doc.kind == "text" else doc


def _read_spec(spec: str, opts: ReadOptions, seen: set[str]) -> Iterator[Item]:
    if is_url(spec):
        yield from _guard(spec, lambda: _read_url(spec, opts))
        return
    if spec == "-":
        yield from _guard("<stdin>", lambda: read_bytes(read_stream(sys.stdin.buffer, opts.max_bytes), "<stdin>"))
        return
    for path in expand_spec(spec):
        if isinstance(path, InputError):
            yield path
            continue
        key = os.path.realpath(path)
        if key in seen:
            continue
        seen.add(key)
        yield from _guard(str(path), lambda p=path: _read_path(p, opts))


def _read_path(path: Path, opts: ReadOptions) -> Iterator[Item]:
    data = read_file(path, opts.max_bytes)
    yield from read_bytes(data, str(path), path.suffix)


def _read_url(url: str, opts: ReadOptions) -> Iterator[Item]:
    check_scheme(url)
    got = fetch(url, max_bytes=opts.max_bytes, timeout=opts.timeout, allow_private=opts.allow_private)
    ext = media_type_extension(got.content_type)
    if ext in (None, ".txt"):
        # No or generic type: the URL's extension is the better hint (sniffing still decides).
        url_ext = os.path.splitext(urlsplit(got.url).path)[1].lower()
        if url_ext in KNOWN_EXTENSIONS:
            ext = url_ext
    yield from read_bytes(got.data, url, ext or "", url=got.url, charset=got.charset, headers=got.headers)


def _decode(data: bytes, origin: str, charset: str | None) -> str:
    # A served charset beats one the document declares (as in browsers); a declared one beats
    # the cp1252 guess, so a <meta charset=koi8-r> page is not read as Western text.
    charset = charset or declared_charset(data)
    if charset:
        return decode_with_charset(data, charset, origin)
    return decode_bytes(data, origin)


def _guard(origin: str, make: Callable[[], Iterable[Item]]) -> Iterator[Item]:
    """Run one input's reader, turning any failure into a single InputError line."""
    try:
        yield from make()
    except InputRefused as e:
        yield InputError(origin, str(e) or "refused")
    except MemoryError:
        yield InputError(origin, "out of memory")
    except Exception as e:  # noqa: BLE001 - a reader bug must not end the batch
        detail = " ".join(str(e).split())[:200]
        yield InputError(origin, f"internal error ({type(e).__name__}{': ' + detail if detail else ''})")


def _override(doc: RawDoc, opts: ReadOptions, n: int) -> RawDoc:
    changes: dict[str, str] = {}
    if opts.lang is not None:
        changes["lang"] = opts.lang
    if opts.published is not None:
        changes["published"] = opts.published
    if opts.doc_id is not None:
        changes["doc_id"] = opts.doc_id if n == 1 else f"{opts.doc_id}-{n}"
    return replace(doc, **changes) if changes else doc
