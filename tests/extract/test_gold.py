"""The yardstick: the whole pipeline on ../shared/gold, scored per language by the project's scorer
(../shared/tools/score.py), must stay at or above the floors reached; and the seed article's events.
Skipped without ../shared."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
pytestmark = pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason=f"{SHARED}/gold (shared gold) is absent")

# Reached on 2026-11-27 with `lagebild extract` on gold2jsonl.py output (entities de 0.903 / 0.977, en 0.904 /
# 0.985; events de P 0.953 F1 0.796, en P 0.931 F1 0.794; quotes de 0.817, en 0.851). Runs differ by about
# one item per language, and the floors leave that margin. Raise them when a layer improves; never lower
# them silently.
FLOORS = {
    "de": {"entities": (0.89, 0.95), "events_p": 0.91, "events_f1": 0.77, "quotes_f1": 0.80},
    "en": {"entities": (0.89, 0.96), "events_p": 0.90, "events_f1": 0.77, "quotes_f1": 0.83},
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    score = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    return score


@pytest.fixture(scope="module")
def gold_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, dict], dict[str, dict]]:
    """Gold articles and our lagebild/1 output for them, by document id (the CLI's path: gold2jsonl.py
    records read as input, the full pipeline)."""
    from lagebild.ingest import ReadOptions, read_inputs
    from lagebild.process import Processor

    tmp = tmp_path_factory.mktemp("gold")
    inp = tmp / "in.jsonl"
    inp.write_text(subprocess.run([sys.executable, str(SHARED / "tools" / "gold2jsonl.py"), str(SHARED / "gold")],
                                  capture_output=True, text=True, check=True).stdout, encoding="utf-8")
    proc = Processor()
    preds = [json.loads(proc(raw).dumps()) for raw in read_inputs([str(inp)], ReadOptions())]
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((SHARED / "gold").glob("*.json"))]
    return {g["doc"]: g for g in golds}, {p["doc_id"]: p for p in preds}


def _scores(golds: dict[str, dict], preds: dict[str, dict], lang: str) -> dict[str, dict]:
    score = _scorer()
    tallies = {k: score.Tally() for k in ("entities", "events", "quotes")}
    dates = score.Tally()
    for doc, g in golds.items():
        if (g["lang"] == "en") != (lang == "en"):
            continue
        p = preds.get(doc, {})
        score.score_entities(g, p, tallies["entities"])
        score.score_events(g, p, tallies["events"], dates)
        score.score_quotes(g, p, tallies["quotes"])
    return {k: t.prf() for k, t in tallies.items()}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_gold_scores_per_language(gold_run: tuple[dict, dict], lang: str) -> None:
    r = _scores(*gold_run, lang)
    floor = FLOORS[lang]
    print(f"\n{lang} {r}")
    assert r["entities"]["f1"] >= floor["entities"][0], r["entities"]
    assert r["entities"]["attr_acc"] >= floor["entities"][1], r["entities"]
    assert r["events"]["p"] >= floor["events_p"] and r["events"]["f1"] >= floor["events_f1"], r["events"]
    assert r["quotes"]["f1"] >= floor["quotes_f1"], r["quotes"]


def _side(s: dict | None) -> str | None:
    return (s or {}).get("country") or (s or {}).get("org")


def test_seed(gold_run: tuple[dict, dict]) -> None:
    from lagebild import cameo

    golds, preds = gold_run
    seed = preds["seed-brics"]
    ev = {(_side(e["source"]), e["cameo"], _side(e["target"])): e for e in seed["events"]}
    visit = ev[("RUS", "042", "CHN")]
    assert visit["date"] == "2024-10-14" and visit["place"] == "Beijing" and visit["rule"] == "de.verb.eintreffen"
    assert ("CHN", "0312", "RUS") in ev
    drill = next(e for e in seed["events"] if e["cameo"] == "062")
    assert drill["date"] == "2023"
    assert any(c.startswith(("061", "07")) and (s, t) == ("CHN", "RUS") for s, c, t in ev)  # China's sales
    assert any(k[1].startswith("01") and k[0] == "CHN" for k in ev)  # the ministers' positive statements
    # the US House commission and Stoltenberg accuse China: what they report (sales to Russia's military,
    # dual-use goods) is blameworthy, though they use no accusing word
    assert {s for s, c, t in ev if t == "CHN" and c[:2] == "11"} >= {"USA", "NATO"}
    assert all(ev[(s, "112", "CHN")]["rule"] == "de.statement.allegation" for s in ("USA", "NATO"))
    gold_dyads = {frozenset((e["source"], e["target"])) for e in golds["seed-brics"]["events"]}
    invented = [k for k in ev if frozenset(k[::2]) not in gold_dyads]
    assert not invented, invented
    for e in seed["events"]:
        assert e["rule"] and e["evidence"]["text"] and e["goldstein"] is not None
        # PLOVER has no category for CAMEO 01/02 statements and appeals: type stays null there
        assert e["plover"]["type"] == cameo.lookup(e["cameo"]).plover_type
