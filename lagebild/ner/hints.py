"""Knowledge-base hints for NER features: which kinds of KB entry a word is part of, and where in the name."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild.ner.features import Hint

if TYPE_CHECKING:
    from lagebild.kb.index import KB


@lru_cache(maxsize=4)
def _table(lang: str, kb_path: str | None) -> dict[str, str]:
    from lagebild.kb.cache import cached
    from lagebild.kb.index import KB

    kb = KB.load(Path(kb_path) if kb_path else None)
    digest = getattr(kb, "file_digest", None)
    key = f"{lang}|{digest}" if digest else None
    return cached("hints", key, lambda: _build(lang, kb))


def _build(lang: str, kb: KB) -> dict[str, str]:
    tags: dict[str, set[str]] = {}
    for surface, cand in kb.surfaces(lang):
        if surface.endswith("-"):
            continue
        kind = "city" if cand.feature == "city" else cand.kind
        parts = surface.split()
        for k, part in enumerate(parts):
            tags.setdefault(part, set()).add(kind)
            if len(parts) > 1 and kind in ("person", "org"):
                # First and last words of multi-word names: given names and surnames, "Bank" in "Deutsche Bank".
                pos = "B" if k == 0 else "E" if k == len(parts) - 1 else "I"
                tags[part].add(f"{kind}.{pos}")
    for word, _role in kb.roles(lang):
        tags.setdefault(word, set()).add("role")
    return {w: "|".join(sorted(t)) for w, t in tags.items()}


def kb_hint(lang: str) -> Hint:
    table = _table(lang, os.environ.get("LAGEBILD_KB"))
    return table.get
