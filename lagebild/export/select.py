"""Which documents and events an export covers: the `Store.events` filters, applied to whole Documents."""

from __future__ import annotations

from collections.abc import Iterator

from lagebild.doc import Document, Event
from lagebild.store import Store

Selected = Iterator[tuple[Document, list[Event]]]


def select(
    store: Store,
    actor: str | None = None,
    root: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Selected:
    """(document, its matching events) in doc_id order, events in document order.

    Without filters: every stored document with all its events (also documents without
    events). With filters: only documents with at least one matching event. The filters are
    evaluated by the store itself, so they mean exactly what they mean for `lagebild events`.
    Raises ValueError for a bad date before anything is yielded.
    """
    if not any((actor, root, since, until)):
        return ((doc, list(doc.events)) for doc in store.iter_documents())
    keys: dict[str, set[str]] = {}
    for row in store.events(actor=actor, root=root, since=since, until=until):
        keys.setdefault(row["doc_id"], set()).add(row["event_id"])
    return _matching(store, keys)


def _matching(store: Store, keys: dict[str, set[str]]) -> Selected:
    for doc in store.iter_documents(sorted(keys)):
        wanted = keys[doc.doc_id]
        yield doc, [ev for ev in doc.events if ev.id in wanted]
