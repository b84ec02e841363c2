"""Pipeline benchmark on the 1,000 German Wikinews articles of SpkAtt-2023: throughput per core,
per stage, peak memory per worker, speed-up from 1 to 2 workers, and a profile of the slowest stage.

The corpus is read from ``../shared/data/spkatt2023_news_dewikinews`` (never copied into the
repo). Its text is tokenised (tokens joined by spaces), so it is detokenised first; the stages
measured are "clean" (Processor.document) plus whatever `lagebild.pipeline.STAGES` lists today.
Results go to stdout and to the "Pipeline" section of bench/RESULTS.md (other sections of that
file are left alone).

    python bench/run.py [--limit N] [--no-write]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import lzma
import os
import platform
import pstats
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lagebild.ingest.base import RawDoc  # noqa: E402
from lagebild.pipeline import STAGES  # noqa: E402
from lagebild.process import Processor  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "spkatt2023_news_dewikinews" / "dewikinews_articles_tokenized.jsonl.xz"
RESULTS = ROOT / "bench" / "RESULTS.md"

_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}“”»])")
_NO_SPACE_AFTER = re.compile(r"([(\[{„»]) ")
_STRAIGHT_QUOTES = re.compile(r'" ([^"]*?) "')


def detokenize(sentence: str) -> str:
    """Undo the corpus's token spacing: no space before closing punctuation, none after opening.

    German quotes „…“ open with „ and close with “; straight "…" pairs are closed up pairwise.
    """
    s = _NO_SPACE_BEFORE.sub(r"\1", sentence)
    s = _NO_SPACE_AFTER.sub(r"\1", s)
    s = _STRAIGHT_QUOTES.sub(r'"\1"', s)
    return s.replace(" ' s ", "'s ")


def load(limit: int | None = None) -> list[RawDoc]:
    """The corpus as RawDocs: title, blank line, the detokenised sentences as one paragraph."""
    docs: list[RawDoc] = []
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            body = " ".join(detokenize(s) for s in rec["sentences"])
            date = rec["date"] if rec["date"] != "0001-01-01" else None
            docs.append(
                RawDoc(
                    origin=f"dewikinews:{rec['doc_id']}", body=f"{rec['title']}\n\n{body}\n", lang="de",
                    published=date, doc_id=f"dewikinews-{rec['doc_id']}",
                )
            )
            if limit and len(docs) >= limit:
                break
    return docs


def per_stage(raws: list[RawDoc]) -> tuple[dict[str, float], float]:
    """Seconds spent in each stage over `raws` in this process, and the pipeline build time."""
    t0 = time.perf_counter()
    proc = Processor()
    pipe = proc.pipeline("de")
    build = time.perf_counter() - t0
    names = ["clean"] + [s.rsplit(":", 1)[0].rsplit(".", 1)[-1] for s in STAGES]
    spent = dict.fromkeys(names, 0.0)
    for raw in raws:
        t = time.perf_counter()
        doc = proc.document(raw)
        spent["clean"] += time.perf_counter() - t
        for name, stage in zip(names[1:], pipe.stages):
            t = time.perf_counter()
            doc = stage(doc)
            spent[name] += time.perf_counter() - t
    return spent, build


def tokenise_only(raws: list[RawDoc]) -> float:
    """Seconds to tokenise the cleaned texts with the analyze stage's tokenizer (SoMaJo), alone."""
    proc = Processor(stages=[])
    texts = [proc.document(r).text for r in raws]
    try:
        from lagebild.analyze.stage import make_analyzer

        tokenizer = make_analyzer("de")._tokenizer
    except (ImportError, AttributeError):  # the analyze stage changed shape: plain SoMaJo
        from somajo import SoMaJo

        tokenizer = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True)
    t = time.perf_counter()
    for text in texts:
        for _ in tokenizer.tokenize_text(text.split("\n\n")):
            pass
    return time.perf_counter() - t


def _cpu() -> tuple[float, float]:
    """(user+system CPU seconds of this process, of its finished and reaped children)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def pooled(
    raws: list[RawDoc], workers: int, batch_size: int = 8, store_url: str | None = None
) -> tuple[float, float, float, float]:
    """(wall seconds including worker start-up, seconds after the first result, parent CPU seconds,
    workers' CPU seconds) for a pool run. With `store_url`, the parent also writes the documents
    the way `lagebild run` does (Store.add_many per batch of `batch_size` done documents)."""
    from lagebild.engine.base import Done
    from lagebild.engine.local import run_pool

    store = None
    if store_url:
        from lagebild.store import Store

        store = Store(store_url)
        store.migrate()
    pending: list[Done] = []
    cpu0 = _cpu()
    t = time.perf_counter()
    first = None
    n = 0
    for out in run_pool(raws, workers=workers, batch_size=batch_size):
        if first is None:
            first = time.perf_counter()
        if isinstance(out, Done):
            n += 1
            if store is not None:
                pending.append(out)
                if len(pending) >= batch_size:
                    store.add_many([(d.doc, d.origin) for d in pending])
                    pending.clear()
    if store is not None:
        store.add_many([(d.doc, d.origin) for d in pending])
    end = time.perf_counter()
    cpu1 = _cpu()  # run_pool has shut its pool down (workers joined), so their CPU is counted
    if store is not None:
        # The corpus repeats a few ids; the store keeps each id once.
        assert store.count() == len({r.doc_id for r in raws}), "not every document was stored"
        store.close()
    assert n == len(raws), f"only {n} of {len(raws)} processed"
    return end - t, end - (first or t), cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]


def child_peak_rss_mb() -> float:
    """Largest peak RSS among the finished child processes (the pool workers), in MiB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def profile_stage(raws: list[RawDoc], stage_name: str, top: int = 12) -> str:
    proc = Processor()
    pipe = proc.pipeline("de")
    names = [s.rsplit(":", 1)[0].rsplit(".", 1)[-1] for s in STAGES]
    docs = [proc.document(r) for r in raws]
    prof = cProfile.Profile()
    if stage_name == "clean":
        prof.enable()
        for r in raws:
            proc.document(r)
        prof.disable()
    else:
        idx = names.index(stage_name)
        for i, doc in enumerate(docs):
            for stage in pipe.stages[:idx]:
                doc = stage(doc)
            docs[i] = doc
        prof.enable()
        for doc in docs:
            pipe.stages[idx](doc)
        prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
    lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls"))
    return "\n".join(ln.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "") for ln in lines[start:])


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"nproc {os.cpu_count()}, {cpu}, {ram:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def write_section(text: str) -> None:
    """Replace the "## Pipeline" section of RESULTS.md (up to the next "## "), keeping the rest."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(r"^## Pipeline\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(old):
        new = pattern.sub(lambda _: text.rstrip("\n") + "\n\n", old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    RESULTS.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--no-write", action="store_true", help="print, do not update bench/RESULTS.md")
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    load_before = os.getloadavg()[0]
    raws = load(args.limit)
    n = len(raws)
    chars = sum(len(r.body) for r in raws)

    spent, build = per_stage(raws)
    whole = sum(spent.values())
    tok = tokenise_only(raws)
    slowest = max(spent, key=spent.__getitem__)
    prof = profile_stage(raws[: min(n, 200)], slowest)

    wall1, steady1, parent1, kids1 = pooled(raws, 1)
    wall2, steady2, parent2, kids2 = pooled(raws, 2)
    rss = child_peak_rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        wall2s, steady2s, parent2s, kids2s = pooled(raws, 2, store_url=f"sqlite:///{tmp}/bench.db")
    load_after = os.getloadavg()[0]

    rows = "\n".join(
        f"| {name} | {secs:.2f} | {n / secs if secs else float('inf'):,.0f} | {100 * secs / whole:.0f} % |"
        for name, secs in spent.items()
    )
    text = f"""## Pipeline

`make bench` (bench/run.py), {time.strftime('%Y-%m-%d')}: {n} German Wikinews articles (SpkAtt-2023,
detokenised; {chars / n:,.0f} characters per article on average), language given as de.
Machine: {machine()}. Load average (1 min) {load_before:.1f} at the start, {load_after:.1f} at the
end: on a shared machine, a load above nproc means other work competed for the cores and the
multi-worker figures understate what the pool does on idle cores.

Stages measured: clean + `lagebild.pipeline.STAGES` = {', '.join(f'`{s}`' for s in STAGES)}.

One process, stage by stage (articles/second per core; pipeline build time {build:.1f} s not included):

| stage | seconds | articles/s | share |
|---|---:|---:|---:|
{rows}
| **whole pipeline** | {whole:.2f} | **{n / whole:,.0f}** | 100 % |
| tokenisation only (SoMaJo) | {tok:.2f} | {n / tok:,.0f} | |

Whole-pipeline throughput / tokenisation-only throughput: **{tok / whole:.2f}**
(the pipeline runs at {100 * tok / whole:.0f} % of the speed of tokenising alone).

Process pool (`lagebild run --workers N`, engine local, batch size 8), wall time including
worker start-up, and from the first result on (start-up excluded):

| workers | wall s | articles/s | steady s | steady articles/s |
|---:|---:|---:|---:|---:|
| 1 | {wall1:.2f} | {n / wall1:,.0f} | {steady1:.2f} | {n / steady1:,.0f} |
| 2 | {wall2:.2f} | {n / wall2:,.0f} | {steady2:.2f} | {n / steady2:,.0f} |
| 2, parent also writes to SQLite | {wall2s:.2f} | {n / wall2s:,.0f} | {steady2s:.2f} | {n / steady2s:,.0f} |

Speed-up 1 → 2 workers: **{wall1 / wall2:.2f}×** wall, {steady1 / steady2:.2f}× steady.
Worker start-up (wall − steady) is a fixed cost of {wall1 - steady1:.1f} s / {wall2 - steady2:.1f} s that two workers
cannot halve, so on {n} articles the wall speed-up stays below the steady one.

CPU of the parent process (`getrusage(RUSAGE_SELF)`: feeding batches, unpickling outcomes, and in the
last row `Store.add_many`) against the workers' CPU (`RUSAGE_CHILDREN`, start-up included):
1 worker {parent1:.2f} s vs {kids1:.2f} s (**{100 * parent1 / kids1:.1f} %**), 2 workers {parent2:.2f} s vs {kids2:.2f} s
(**{100 * parent2 / kids2:.1f} %**), 2 workers writing to SQLite {parent2s:.2f} s vs {kids2s:.2f} s (**{100 * parent2s / kids2s:.1f} %**).
Peak RSS of a worker process: **{rss:,.0f} MiB** (largest `ru_maxrss` among the pool's workers).

Slowest stage: **{slowest}** ({100 * spent[slowest] / whole:.0f} % of the time). Profile over
{min(n, 200)} articles, by cumulative time:

```
{prof}
```
"""
    print(text)
    if not args.no_write:
        write_section(text)


if __name__ == "__main__":
    main()
