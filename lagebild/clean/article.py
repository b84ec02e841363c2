"""The cleaned article: what the cleaner makes of a page, before any analysis."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    """A page cleaned into its parts.

    `text` is title, lede and body blocks joined by blank lines; `headings` are (start, end)
    offsets of subheads kept in the body. `dropped` lists removed boilerplate blocks verbatim.
    `agency` lists agency tags (lower-case, in order of appearance) found and removed.
    """

    text: str
    title: str | None = None
    kicker: str | None = None
    lede: str | None = None
    headings: list[tuple[int, int]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    agency: list[str] = field(default_factory=list)
    lang: str | None = None
    published: str | None = None  # ISO date from page metadata, when known
    url: str | None = None
    site: str | None = None  # site name from page metadata
