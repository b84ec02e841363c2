"""What readers hand to the cleaner: raw documents, and per-input errors as values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

RawKind = Literal["text", "html"]


@dataclass
class RawDoc:
    """One article as read from a source, before cleaning.

    `origin` names where it came from in a way a user recognises in an error line
    (a path, ``path:line`` for JSON Lines, ``feed-url#item-3`` for feed items, a URL).
    """

    origin: str
    body: str
    kind: RawKind = "text"
    doc_id: str | None = None
    lang: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source_name: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    # A finished lagebild/1 document (a JSON Lines export read back): stored as it is, not re-extracted.
    document: dict[str, Any] | None = None


@dataclass
class InputError:
    """A failed input: one clear line naming the input and the reason; the batch goes on."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class InputRefused(Exception):
    """Raised inside a reader for one input; turned into an InputError by the caller."""
