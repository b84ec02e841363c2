"""Scoring helper for the time tagger: runs it over the gold articles and scores like score.py.

Used by tests/extract/test_times.py and bench/times_vs_dateparser.py. The scoring itself is
``score_times`` of ``shared/tools/score.py`` (imported from its path), so numbers match the
project's scorer exactly.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from lagebild.doc import Document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def load_scorer(shared: Path = SHARED) -> ModuleType:
    """shared/tools/score.py as a module."""
    spec = importlib.util.spec_from_file_location("lagebild_shared_score", shared / "tools" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_articles(shared: Path = SHARED) -> list[dict[str, Any]]:
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted((shared / "gold").glob("*.json"))]


def lang_of(doc_id: str) -> str:
    """Language group of a gold file as the project splits them (file name prefix)."""
    return "en" if doc_id.startswith("enwikinews") else "de"


def document(g: dict[str, Any]) -> Document:
    return Document(doc_id=g["doc"], lang=g["lang"], published=g["published"], text=g["text"])


def score(golds: Iterable[dict[str, Any]], predict: Callable[[dict[str, Any]], list[dict[str, Any]]],
          shared: Path = SHARED) -> dict[str, dict[str, Any]]:
    """Per-language times score {lang: {p, r, f1, tp, fp, fn, value_acc}} of `predict(gold) -> times`."""
    scorer = load_scorer(shared)
    tallies: dict[str, Any] = {}
    for g in golds:
        t = tallies.setdefault(lang_of(g["doc"]), scorer.Tally())
        scorer.score_times(g, {"doc_id": g["doc"], "times": predict(g)}, t)
    out = {}
    for lang, t in sorted(tallies.items()):
        r = t.prf()
        r["value_acc"] = r.pop("attr_acc")
        out[lang] = r
    return out


def predict_ours(g: dict[str, Any]) -> list[dict[str, Any]]:
    from lagebild.extract.times import make_time_tagger

    doc = make_time_tagger(g["lang"])(document(g))
    return [t.model_dump(mode="json") for t in doc.times]
