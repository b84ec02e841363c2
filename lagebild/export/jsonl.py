"""lagebild/1 JSON Lines: whole documents out.

They come back in unchanged with `lagebild ingest FILE` (or `run`): the JSON Lines reader
recognises lagebild/1 records and stores them without extracting again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from lagebild.doc import Document


def write_jsonl(docs: Iterable[Document], out: IO[str]) -> int:
    """One lagebild/1 object per line; the number of documents written."""
    n = 0
    for doc in docs:
        out.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        n += 1
    return n
