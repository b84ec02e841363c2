"""What every engine runs per document: `DocWorker` turns a RawDoc into an `Outcome` value.

A worker never raises for a bad document: a crash in cleaning or in any stage becomes `Failed`
with the origin, the document id when it was known, and a one-line reason, and the run goes on.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass

from lagebild.doc import Document
from lagebild.ingest.base import RawDoc

# Test hooks, read once per worker. They exist so tests can kill a run in the middle
# (slow it down) and make one document's extraction crash, through the real CLI.
SLOW_ENV = "LAGEBILD_TEST_SLOW_MS"
FAIL_ENV = "LAGEBILD_TEST_FAIL_MATCH"


@dataclass
class Done:
    origin: str
    doc: Document


@dataclass
class Skipped:
    """Already in the store (found by id after cleaning), so the stages were not run again."""

    origin: str
    doc_id: str


@dataclass
class Failed:
    origin: str
    reason: str
    doc_id: str | None = None


Outcome = Done | Skipped | Failed


class DocWorker:
    """One worker's Processor plus, optionally, a read-only look at the store to skip stored ids.

    `skip_url`: database to ask "is this doc_id stored already?" after cleaning, so a resumed
    run does not pay for the stages of documents it stored before it was killed. Writing stays
    with the single writer in the runner; this only saves work, correctness does not depend on it.
    """

    def __init__(self, stages: list[str] | None = None, skip_url: str | None = None) -> None:
        from lagebild.process import Processor

        self.processor = Processor(stages=stages)
        self._store = None
        if skip_url:
            from lagebild.store import Store

            self._store = Store(skip_url)
        slow = os.environ.get(SLOW_ENV)
        self._slow = float(slow) / 1000 if slow else 0.0
        fail = os.environ.get(FAIL_ENV)
        self._fail = re.compile(fail) if fail else None

    def __call__(self, raw: RawDoc) -> Outcome:
        doc_id: str | None = raw.doc_id
        try:
            doc = self.processor.document(raw)
            doc_id = doc.doc_id
            if self._store is not None and self._store.has(doc_id):
                return Skipped(raw.origin, doc_id)
            if self._slow:
                time.sleep(self._slow)
            if self._fail is not None and self._fail.search(raw.origin):
                raise RuntimeError(f"test hook {FAIL_ENV} matched")
            if raw.document is None:  # a lagebild/1 record read back is stored as it is
                doc = self.processor.pipeline(doc.lang)(doc)
            # Analysis layers (tokens, sentences) are not stored; do not ship them between processes.
            doc.layers.clear()
            return Done(raw.origin, doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            return Failed(raw.origin, reason(exc), doc_id)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def reason(exc: BaseException) -> str:
    """One line for the failures table: the message's first line, with the exception type unless
    it is a ValueError (the Processor's way of saying "unusable document, here is why")."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    if not first:
        return type(exc).__name__
    return first if type(exc) is ValueError else f"{type(exc).__name__}: {first}"
