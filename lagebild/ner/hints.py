"""Knowledge-base hints for NER features: which kind of KB entry a word is (or starts)."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from lagebild.ner.features import Hint


@lru_cache(maxsize=4)
def _table(lang: str, kb_path: str | None) -> dict[str, str]:
    from lagebild.kb.index import KB

    kb = KB.load(Path(kb_path) if kb_path else None)
    table: dict[str, str] = {}
    for surface, cand in kb.surfaces(lang):
        if surface.endswith("-"):
            continue
        kind = "city" if cand.feature == "city" else cand.kind
        for part in surface.split():
            table.setdefault(part, kind)
    for word, _role in kb.roles(lang):
        table.setdefault(word, "role")
    return table


def kb_hint(lang: str) -> Hint:
    table = _table(lang, os.environ.get("LAGEBILD_KB"))
    return table.get
