"""One article from raw input to a finished Document: clean, then the language's pipeline.

Engines (inline now, process pools and Ray later) call `Processor` and differ only in where it
runs; a Processor builds each language's pipeline once and reuses it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from lagebild import lang as langdata
from lagebild.clean import clean_html, clean_page
from lagebild.clean.article import Article
from lagebild.doc import Document, Heading, Source
from lagebild.extract.times import estimate_published
from lagebild.ingest.base import RawDoc
from lagebild.pipeline import Pipeline, build


def doc_id_for(text: str) -> str:
    """The default document id: sha256 hex of the cleaned text (stable across runs)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Processor:
    """Turns RawDocs into Documents; raises ValueError with a clear reason for an unusable one."""

    def __init__(self, languages: Iterable[str] | None = None, stages: list[str] | None = None) -> None:
        self.languages = list(languages or langdata.languages())
        self._stages = stages
        self._pipelines: dict[str, Pipeline] = {}

    def pipeline(self, lang: str) -> Pipeline:
        if lang not in self._pipelines:
            self._pipelines[lang] = build(lang, self._stages)
        return self._pipelines[lang]

    def clean(self, raw: RawDoc) -> Article:
        if raw.lang is not None and raw.lang not in self.languages:
            raise ValueError(f"language {raw.lang!r} is not supported (have: {', '.join(self.languages)})")
        if raw.kind == "html":
            return clean_html(raw.body, url=raw.url, lang=raw.lang, languages=self.languages)
        return clean_page(raw.body, title=raw.title, lang=raw.lang, languages=self.languages)

    def document(self, raw: RawDoc) -> Document:
        """The cleaned Document before any analysis stage (a finished one when `raw` carries it)."""
        if raw.document is not None:
            return _finished(raw)
        art = self.clean(raw)
        if not art.text.strip():
            raise ValueError("no article text left after cleaning")
        published = raw.published or art.published
        estimated = False
        lang = art.lang or raw.lang or self.languages[0]
        if published is None:
            published = estimate_published(art.text, lang)
            estimated = published is not None
        url = raw.url or art.url
        name = raw.source_name or art.site or _agency_name(art.agency)
        return Document(
            doc_id=raw.doc_id or doc_id_for(art.text),
            lang=lang,
            published=published,
            published_estimated=estimated,
            source=Source(name=name, url=url, agency=list(art.agency)),
            kicker=art.kicker,
            title=art.title,
            lede=art.lede,
            text=art.text,
            dropped=list(art.dropped),
            headings=[Heading(start=s, end=e, text=art.text[s:e]) for s, e in art.headings],
        )

    def __call__(self, raw: RawDoc) -> Document:
        doc = self.document(raw)
        return doc if raw.document is not None else self.pipeline(doc.lang)(doc)


def _finished(raw: RawDoc) -> Document:
    """A lagebild/1 document read back from JSON Lines, checked but not extracted again."""
    from pydantic import ValidationError

    try:
        doc = Document.from_json(raw.document or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ValueError(f"not a valid lagebild/1 document: {where}: {first['msg']}") from None
    problems = doc.span_problems()
    if problems:
        raise ValueError(f"not a valid lagebild/1 document: {problems[0]}")
    return doc


def _agency_name(agency: list[str]) -> str | None:
    """Display name of the first wire agency credited, e.g. afp → AFP; None when none is known."""
    from lagebild.clean import agency_display_name

    for tag in agency:
        name = agency_display_name(tag)
        if name:
            return name
    return None
