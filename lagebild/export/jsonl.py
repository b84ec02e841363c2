"""lagebild/1 JSON Lines: whole documents out, and back in without running the pipeline again."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from lagebild.doc import Document
from lagebild.store import Store


def write_jsonl(docs: Iterable[Document], out: IO[str]) -> int:
    """One lagebild/1 object per line; the number of documents written."""
    n = 0
    for doc in docs:
        out.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        n += 1
    return n


def read_jsonl(lines: Iterable[str]) -> Iterator[Document]:
    """Documents from lagebild/1 JSON Lines (blank lines skipped); ValueError naming the bad line."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if data.get("schema") != "lagebild/1":
                raise ValueError(f"not a lagebild/1 document (schema: {data.get('schema')!r})")
            yield Document.from_json(data)
        except ValueError as exc:
            raise ValueError(f"line {lineno}: {str(exc).splitlines()[0]}") from None


def load_jsonl(store: Store, lines: Iterable[str], batch_size: int = 100) -> tuple[int, int]:
    """Store the documents of a lagebild/1 JSONL export as they are; (stored, already there).

    Unlike `lagebild ingest`, which treats JSON Lines as articles to extract from, this keeps
    every entity, event and evidence span of the export exactly.
    """
    stored = skipped = 0
    batch: list[tuple[Document, str | None]] = []

    def flush() -> None:
        nonlocal stored, skipped
        for res in store.add_many(batch):
            if isinstance(res, Exception):
                raise res
            stored += res
            skipped += not res
        batch.clear()

    for doc in read_jsonl(lines):
        batch.append((doc, "lagebild/1 import"))
        if len(batch) >= batch_size:
            flush()
    flush()
    return stored, skipped
