"""Cleaning the gold articles must keep every line of their text that is not boilerplate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lagebild.clean import clean_page, normalise

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = sorted((SHARED / "gold").glob("*.json")) if (SHARED / "gold").is_dir() else []

pytestmark = pytest.mark.skipif(not GOLD, reason=f"gold articles not found under {SHARED / 'gold'}")

# An agency end tag removed from the last paragraph: "(afp/red)"
_TAG = re.compile(r"\s*\([^()]{1,40}\)$")


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_text_kept(path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    art = clean_page(gold["text"], title=gold["title"])
    assert art.lang == gold["lang"]
    assert art.title == gold["title"]
    assert art.lede
    kept = {art.kicker, *art.dropped}
    # every line survives verbatim: in the text, as the kicker, or listed in dropped; only an
    # agency tag may be cut from a line, and then it must be recorded
    for line in normalise(gold["text"]).split("\n"):
        if not line or line in kept or line in art.text:
            continue
        m = _TAG.search(line)
        assert m and art.agency and line[: m.start()] in art.text, f"lost: {line[:100]}"
    # the annotated strings are still where a later stage can find them
    for ent in gold["entities"]:
        for alias in ent.get("aliases", []):
            if alias in gold["text"]:
                assert alias in art.text or any(alias in d for d in kept if d), alias
    for t in gold["times"]:
        if t["text"] in gold["text"]:
            assert t["text"] in art.text or t["text"] == art.kicker, t["text"]
    # Wikinews articles have no page furniture: nothing may be dropped from them
    if gold["doc"].startswith(("dewikinews", "enwikinews")):
        assert art.dropped == []
