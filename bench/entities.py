"""Throughput of the entities + places stages (articles/s, one core) on the gold articles or given JSONL.

usage: python bench/entities.py [IN.jsonl] [--repeat N]
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from lagebild.analyze import make_analyzer
from lagebild.extract.entities import make_entity_recognizer
from lagebild.extract.places import make_place_resolver
from lagebild.ingest import ReadOptions, read_inputs
from lagebild.process import Processor

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    args = [a for a in argv if not a.startswith("--") and not a.isdigit()]
    if args:
        path = Path(args[0])
    else:
        path = Path("/tmp/lagebild-bench-gold.jsonl")
        path.write_text(subprocess.run([sys.executable, str(SHARED / "tools" / "gold2jsonl.py"), str(SHARED / "gold")],
                                       capture_output=True, text=True, check=True).stdout, encoding="utf-8")
    proc = Processor(stages=[])
    docs = [proc.document(raw) for raw in read_inputs([str(path)], ReadOptions())]
    stages: dict[str, list] = {}
    t0 = time.perf_counter()
    for lang in {d.lang for d in docs}:
        stages[lang] = [make_entity_recognizer(lang), make_place_resolver(lang)]
    build = time.perf_counter() - t0
    analyzers = {lang: make_analyzer(lang) for lang in stages}
    docs = [analyzers[d.lang](d) for d in docs]
    t0 = time.perf_counter()
    for _ in range(repeat):
        for d in docs:
            for s in stages[d.lang]:
                s(d)
    secs = time.perf_counter() - t0
    n = len(docs) * repeat
    print(f"stage build {build:.2f}s; entities+places: {n} articles in {secs:.2f}s = {n / secs:.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
