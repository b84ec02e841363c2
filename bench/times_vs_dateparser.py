"""Benchmark: lagebild's TIMEX3 tagger against dateparser.search.search_dates on the gold articles.

Both run over every shared/gold/*.json article with its `published` date as the reference; the
times score is score.py's `score_times` (expression F1 by text overlap, value accuracy over
matches). dateparser returns datetimes, so each is written at the granularity of the gold value
it is compared with (a year, a month, a week, a day or a time), which favours dateparser.

usage: .venv/bin/python bench/times_vs_dateparser.py [SHARED_DIR]
"""

from __future__ import annotations

import functools
import re
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

from lagebild.extract import timex_eval
from lagebild.extract.times import make_time_tagger


def _at_granularity(dt: datetime, gold_value: str | None) -> str:
    """`dt` written like `gold_value` (YYYY, YYYY-MM, YYYY-Www, date, date+time)."""
    v = gold_value or ""
    if re.fullmatch(r"\d{4}", v):
        return f"{dt.year:04d}"
    if re.fullmatch(r"\d{4}-\d\d", v):
        return f"{dt.year:04d}-{dt.month:02d}"
    if re.fullmatch(r"\d{4}-W\d\d", v):
        y, w, _ = dt.isocalendar()
        return f"{y}-W{w:02d}"
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", v):
        return dt.strftime("%Y-%m-%dT%H:%M")
    return dt.date().isoformat()


@functools.cache
def _scorer() -> Any:
    return timex_eval.load_scorer()


def _dateparser_predict(g: dict[str, Any]) -> list[dict[str, Any]]:
    from dateparser.search import search_dates

    base = datetime.fromisoformat(g["published"]) if g.get("published") else datetime.now()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(g["text"], languages=[g["lang"]],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
    # map each hit to the granularity of the gold expression it will be compared with
    golds = g.get("times", [])
    scorer = _scorer()
    out = []
    for text, dt in found:
        gv = next((x["value"] for x in golds if scorer.overlap(x["text"], text) >= 0.5), None)
        out.append({"text": text, "value": _at_granularity(dt, gv)})
    return out


def _ours_predict(g: dict[str, Any]) -> list[dict[str, Any]]:
    return timex_eval.predict_ours(g)


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else timex_eval.SHARED
    golds = timex_eval.gold_articles(shared)
    make_time_tagger("de"), make_time_tagger("en")  # compile outside the timing
    rows = []
    for name, fn in (("lagebild", _ours_predict), ("dateparser", _dateparser_predict)):
        preds: dict[str, list[dict[str, Any]]] = {}
        t0 = time.perf_counter()
        for g in golds:
            preds[g["doc"]] = fn(g)
        secs = time.perf_counter() - t0
        res = timex_eval.score(golds, lambda g: preds[g["doc"]], shared)
        rows.append((name, res, len(golds) / secs if secs else float("inf")))
    print(f"{'system':11s} {'lang':4s} {'P':>6s} {'R':>6s} {'F1':>6s} {'value_acc':>9s} {'articles/s':>10s}")
    for name, res, rate in rows:
        for lang, r in res.items():
            va = r["value_acc"] if r["value_acc"] is not None else 0.0
            print(f"{name:11s} {lang:4s} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {va:9.3f} {rate:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
