"""Events against shared data: generated tables rebuild identically, the seed article, the gold
scores per language (skipped without ../shared; the PETRARCH2 validation is in tests/eval)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason=f"{SHARED} (shared data and gold) is absent")

_STAGES = ["lagebild.analyze:make_analyzer", "lagebild.extract.times:make_time_tagger"]
if importlib.util.find_spec("lagebild.extract.entities") and importlib.util.find_spec("lagebild.extract.places"):
    _STAGES += ["lagebild.extract.entities:make_entity_recognizer", "lagebild.extract.places:make_place_resolver"]
_STAGES += ["lagebild.extract.coref:make_coref_resolver", "lagebild.extract.events:make_event_coder"]

# Reached with the stages above (de P 0.805 F1 0.41, en P 0.567 F1 0.315 after the precision work of
# bench/events_precision: political-actor requirement, PETRARCH defaults only with an actor object,
# off-topic domains; en gave up two TPs that rested on sector-less persons); then de P 0.82 F1 0.48,
# en P 0.61 F1 0.42 with targets left unsaid taken from the context, subjects outside the clause
# (appositions, coordinated predicates, pronouns, infinitives) and English lowercase role nouns; then
# de P 0.85 F1 0.52, en P 0.67 F1 0.47 with sources of nominal triggers from the governing verb, implicit
# domestic targets of intents (03) and English capitalised proper nouns no noun triggers; raise when the
# coder improves, never lower silently.
FLOOR = {"de": {"p": 0.82, "f1": 0.50}, "en": {"p": 0.63, "f1": 0.45}}


@needs_shared
def test_generated_tables_rebuild_identically() -> None:
    from lagebild.cameo import build

    tables, verbs = build.build(SHARED / "data")
    assert build.dumps(tables) == build.TABLES.read_text(encoding="utf-8")
    assert build.dumps(verbs) == build.EN_VERBS.read_text(encoding="utf-8")


def _run(golds: list[dict]) -> list[dict]:
    from lagebild.doc import Document
    from lagebild.pipeline import build

    pipes: dict = {}
    out = []
    for g in golds:
        pipe = pipes.get(g["lang"]) or pipes.setdefault(g["lang"], build(g["lang"], _STAGES))
        doc = pipe(Document(doc_id=g["doc"], lang=g["lang"], published=g["published"], title=g.get("title"),
                            text=g["text"]))
        out.append(doc.to_json())
    return out


@pytest.fixture(scope="module")
def gold_run() -> tuple[list[dict], list[dict]]:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((SHARED / "gold").glob("*.json"))]
    return golds, _run(golds)


def _score(golds: list[dict], preds: list[dict]) -> dict:
    sys.path.insert(0, str(SHARED / "tools"))
    try:
        import score  # the project's scorer, standard library only
    finally:
        sys.path.pop(0)
    t, dates = score.Tally(), score.Tally()
    by_id = {p["doc_id"]: p for p in preds}
    for g in golds:
        score.score_events(g, by_id.get(g["doc"], {}), t, dates)
    r = t.prf()
    r["date_acc"] = round(dates.hits / dates.checked, 3) if dates.checked else None
    return r


@needs_shared
@pytest.mark.parametrize("lang", ["de", "en"])
def test_gold_scores_per_language(gold_run, lang: str) -> None:
    golds, preds = gold_run
    r = _score([g for g in golds if g["lang"] == lang], [p for p in preds if p["lang"] == lang])
    print(f"\n{lang} events {r}")
    assert r["p"] >= FLOOR[lang]["p"] and r["f1"] >= FLOOR[lang]["f1"], r


@needs_shared
def test_seed(gold_run) -> None:
    golds, preds = gold_run
    seed = next(p for p in preds if p["doc_id"] == "seed-brics")
    ev = {((e["source"] or {}).get("country"), e["cameo"], (e["target"] or {}).get("country")): e for e in seed["events"]}
    visit = ev[("RUS", "042", "CHN")]
    assert visit["date"] == "2024-10-14" and visit["place"] == "Beijing" and visit["rule"] == "de.verb.eintreffen"
    assert ("CHN", "0312", "RUS") in ev
    drill = next(e for e in seed["events"] if e["cameo"] == "062")
    assert drill["date"] == "2023"
    assert any(k[1].startswith("01") and k[0] == "CHN" for k in ev)  # the ministers' positive statements
    gold = next(g for g in golds if g["doc"] == "seed-brics")
    gold_dyads = {frozenset((e["source"], e["target"])) for e in gold["events"]}
    invented = [k for k in ev if frozenset(k[::2]) not in gold_dyads]
    assert not invented, invented
    from lagebild import cameo

    for e in seed["events"]:
        assert e["rule"] and e["evidence"]["text"] and e["goldstein"] is not None
        # PLOVER has no category for CAMEO 01/02 statements and appeals: type stays null there
        assert e["plover"]["type"] == cameo.lookup(e["cameo"]).plover_type
