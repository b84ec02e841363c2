"""Events precision check on 30 unseen Wikinews articles (15 English, 15 German).

The article ids are listed in ``ids.txt``; the text is read at run time from the shared data
(``../shared/data/wikinews_en`` and ``../shared/data/spkatt2023_news_dewikinews``) and never
copied into the repo. The script runs ``lagebild extract`` on them and prints every event with its
evidence, so that it can be judged by hand; ``--judged judgements.tsv`` adds the stored verdicts
and prints the precision (events without a verdict are listed as "?").

    python bench/events_precision/run.py                       # events of the current tree
    python bench/events_precision/run.py --rev HEAD            # the lagebild package as committed in REV
    python bench/events_precision/run.py --judged bench/events_precision/judgements.tsv --phase after
    python bench/events_precision/run.py --select              # (re)draw ids.txt (seeded)

Event key: doc id, source country/org, CAMEO code, target country/org (tab-separated).
"""

from __future__ import annotations

import argparse
import csv
import json
import lzma
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
EN = SHARED / "data" / "wikinews_en"
DE = SHARED / "data" / "spkatt2023_news_dewikinews" / "dewikinews_articles_tokenized.jsonl.xz"
sys.path.insert(0, str(ROOT))

# the pipeline before the precision work (the selection runs it)
BASE_REV = "d10dd1cc43ea50589d7751eca0b6391b2ded975f"


def _en_articles() -> dict[str, dict]:
    out = {}
    for f in sorted(EN.glob("wikinews_*.csv")):
        with f.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                slug = r["url"].rstrip("/").rsplit("/", 1)[-1]
                out[f"enwikinews-{r['date']}-{slug[:60]}"] = {"lang": "en", "published": r["date"],
                                                              "title": r["title"], "text": r["text"]}
    return out


def _de_articles() -> dict[str, dict]:
    from bench.run import detokenize

    out = {}
    with lzma.open(DE, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            body = " ".join(detokenize(s) for s in rec["sentences"])
            date = rec["date"] if rec["date"] != "0001-01-01" else None
            out[f"dewikinews-{rec['doc_id']}"] = {"lang": "de", "published": date, "title": rec["title"],
                                                  "text": f"{rec['title']}\n\n{body}\n"}
    return out


def articles() -> dict[str, dict]:
    return {**_en_articles(), **_de_articles()}


def select(n: int = 15, seed: int = 2026, rev: str = BASE_REV) -> list[str]:
    """Seeded draw of n English and n German non-gold articles on which the pipeline of `rev`
    (the state before the precision work) emits at least one event: the check is about the events
    that are emitted, so articles without any would only cost reading time."""
    gold = {json.loads(p.read_text(encoding="utf-8"))["doc"] for p in (SHARED / "gold").glob("*.json")}
    gold_titles = {json.loads(p.read_text(encoding="utf-8")).get("title") for p in (SHARED / "gold").glob("*.json")}
    rng = random.Random(seed)
    ids = []
    for pool in (_en_articles(), _de_articles()):
        keys = sorted(k for k, v in pool.items() if k not in gold and v["title"] not in gold_titles
                      and "TEST_PAGE" not in k and not any(k[:40] == g[:40] for g in gold))
        rng.shuffle(keys)
        docs = {d["doc_id"]: d for d in run(keys[:8 * n], rev)}
        ids += sorted([k for k in keys[:8 * n] if docs[k]["events"]][:n])
    return ids


def gold_scores(rev: str | None) -> dict[str, dict]:
    """Events P/R/F1 on the gold articles per language (de = dewikinews*/seed, en = enwikinews*)."""
    sys.path.insert(0, str(SHARED / "tools"))
    import score

    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((SHARED / "gold").glob("*.json"))]
    arts = {g["doc"]: {"lang": g["lang"], "published": g["published"], "title": g.get("title"), "text": g["text"]}
            for g in golds}
    preds = {d["doc_id"]: d for d in run(list(arts), rev, arts)}
    out = {}
    for lang in ("de", "en"):
        t, dates = score.Tally(), score.Tally()
        for g in golds:
            if g["lang"] == lang:
                score.score_events(g, preds.get(g["doc"], {}), t, dates)
        out[lang] = t.prf()
    return out


def run(ids: list[str], rev: str | None, arts: dict[str, dict] | None = None) -> list[dict]:
    arts = arts or articles()
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        with inp.open("w", encoding="utf-8") as fh:
            for i in ids:
                a = arts[i]
                fh.write(json.dumps({"id": i, **a}, ensure_ascii=False) + "\n")
        env = dict(os.environ)
        if rev:
            # the whole package as committed in `rev`: mixing its events files with today's other
            # modules breaks as soon as an import between them changes
            archive = subprocess.run(["git", "archive", rev, "lagebild"], cwd=ROOT, capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
            env["PYTHONPATH"] = tmp
        else:
            env["PYTHONPATH"] = str(ROOT)  # this tree, also from a git worktree without its own venv
        # run from the temporary folder: `python -m` puts the working directory first on the path, which
        # would otherwise shadow the tree on PYTHONPATH
        res = subprocess.run([sys.executable, "-m", "lagebild", "extract", str(inp), "--format", "jsonl", "-q"], env=env,
                             cwd=tmp, capture_output=True, text=True)
        if res.returncode:
            raise SystemExit(f"events_precision: the pipeline{f' as committed in {rev}' if rev else ''} "
                             f"failed (exit {res.returncode}):\n{res.stderr[-3000:]}")
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def side(s: dict | None) -> str:
    return (s or {}).get("country") or (s or {}).get("org") or "-"


def keys(doc: dict) -> list[tuple[tuple[str, str, str, str], dict]]:
    out, seen = [], set()
    for e in doc["events"]:
        k = (doc["doc_id"], side(e["source"]), e["cameo"], side(e["target"]))
        if k not in seen:
            seen.add(k)
            out.append((k, e))
    return out


def load_judged(path: Path, phase: str | None) -> dict[tuple[str, str, str, str], str]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            doc, src, code, tgt, verdict, *rest = line.rstrip("\n").split("\t")
            out[(doc, src, code, tgt)] = verdict
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rev", help="run the lagebild package as committed in this git revision")
    ap.add_argument("--judged", type=Path, help="judgements.tsv: add verdicts and print precision")
    ap.add_argument("--phase", default=None)
    ap.add_argument("--select", action="store_true", help="redraw ids.txt")
    ap.add_argument("--lang", choices=["de", "en"])
    ap.add_argument("--gold", action="store_true", help="print the gold events scores per language")
    args = ap.parse_args()
    if args.gold:
        for lang, r in gold_scores(args.rev).items():
            print(lang, r)
        return 0
    if args.select:
        (HERE / "ids.txt").write_text("\n".join(select()) + "\n", encoding="utf-8")
    ids = [x for x in (HERE / "ids.txt").read_text(encoding="utf-8").split() if x]
    if args.lang:
        ids = [i for i in ids if i.startswith(args.lang)]
    docs = run(ids, args.rev)
    judged = load_judged(args.judged, args.phase) if args.judged else {}
    tally: dict[str, int] = {}
    for doc in docs:
        ks = keys(doc)
        print(f"## {doc['doc_id']} ({len(ks)} events) {doc.get('title')}")
        for k, e in ks:
            v = judged.get(k, "?") if args.judged else ""
            tally[v] = tally.get(v, 0) + 1
            print("\t".join([*k, v, e["rule"], str(e["confidence"]), e["evidence"]["text"].replace("\n", " ")[:220]]))
    if args.judged:
        n = sum(tally.values())
        ok = tally.get("correct", 0)
        print(f"\nverdicts: {tally}; precision {ok}/{n} = {ok / n if n else 0:.2f}")
    else:
        print(f"\n{sum(tally.values())} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
