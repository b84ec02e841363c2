"""API benchmark: load ~100,000 synthetic-but-plausible events into an SQLite store through
`Store.add`, serve it with `lagebild serve`, and measure filtered `/api/events` and the dyad
endpoint under concurrent load from a separate process on loopback (wrk when installed, else an
asyncio/httpx client in a subprocess), and first one request at a time in-process
(`--sequential`, less distorted by other load on the machine). Writes the "API" section of
bench/RESULTS.md (hand-written `### ` subsections of it are kept).

    .venv/bin/python bench/api_load.py                 # 3,000 documents × 34 events
    .venv/bin/python bench/api_load.py --docs 300 --duration 3   # a quick run

Not part of the test suite. Every request goes to 127.0.0.1; each load run is bounded in time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lagebild.doc import Document, Entity, Event, EventActor, Place, Span  # noqa: E402

GOLDSTEIN_FILE = ROOT.parent / "shared" / "data" / "cameo_codes" / "CAMEO.goldsteinscale.txt"

# Countries with capital coordinates and a German name for the text.
COUNTRIES: dict[str, tuple[str, str, float, float]] = {
    "USA": ("die USA", "Washington", 38.90, -77.04),
    "CHN": ("China", "Peking", 39.91, 116.40),
    "RUS": ("Russland", "Moskau", 55.75, 37.62),
    "UKR": ("die Ukraine", "Kiew", 50.45, 30.52),
    "DEU": ("Deutschland", "Berlin", 52.52, 13.40),
    "FRA": ("Frankreich", "Paris", 48.86, 2.35),
    "GBR": ("Großbritannien", "London", 51.51, -0.13),
    "IRN": ("Iran", "Teheran", 35.69, 51.39),
    "ISR": ("Israel", "Jerusalem", 31.77, 35.21),
    "IND": ("Indien", "Neu-Delhi", 28.61, 77.21),
    "PAK": ("Pakistan", "Islamabad", 33.68, 73.05),
    "TUR": ("die Türkei", "Ankara", 39.93, 32.86),
    "BRA": ("Brasilien", "Brasília", -15.79, -47.88),
    "ZAF": ("Südafrika", "Pretoria", -25.75, 28.19),
    "JPN": ("Japan", "Tokio", 35.68, 139.69),
    "KOR": ("Südkorea", "Seoul", 37.57, 126.98),
    "PRK": ("Nordkorea", "Pjöngjang", 39.03, 125.75),
    "POL": ("Polen", "Warschau", 52.23, 21.01),
    "SAU": ("Saudi-Arabien", "Riad", 24.71, 46.68),
    "EGY": ("Ägypten", "Kairo", 30.04, 31.24),
}
# Dyads with weights: a few busy pairs, many quiet ones (as in real news).
DYADS: list[tuple[str, str, float]] = [
    ("RUS", "UKR", 14), ("USA", "CHN", 12), ("CHN", "RUS", 8), ("ISR", "IRN", 7), ("USA", "RUS", 7),
    ("DEU", "FRA", 5), ("USA", "UKR", 5), ("IND", "PAK", 4), ("PRK", "KOR", 4), ("DEU", "UKR", 4),
    ("GBR", "USA", 3), ("TUR", "RUS", 3), ("SAU", "IRN", 3), ("JPN", "CHN", 3), ("POL", "RUS", 3),
    ("BRA", "CHN", 2), ("ZAF", "RUS", 2), ("EGY", "ISR", 2), ("IND", "CHN", 2), ("FRA", "GBR", 2),
]
CODES_DEFAULT = {"010": 0.0, "020": 3.0, "036": 4.0, "042": 1.9, "043": 2.8, "046": 7.0, "051": 3.4, "057": 8.0,
                 "061": 6.4, "070": 7.0, "111": -2.0, "112": -2.0, "130": -4.4, "138": -7.0, "163": -8.0,
                 "172": -5.0, "173": -5.0, "190": -10.0, "193": -10.0, "195": -9.5}
SECTORS = ["", "GOV", "GOVMIL", "MIL", "GOVFRM", "BUS", "CVL"]
VERBS = {"01": "äußerte sich zu", "02": "appellierte an", "03": "sagte zu", "04": "besuchte", "05": "lobte",
         "06": "kooperierte mit", "07": "half", "11": "kritisierte", "13": "drohte", "16": "sanktionierte",
         "17": "setzte unter Druck", "19": "griff an"}


def cameo_table() -> dict[str, float]:
    """Three-digit CAMEO codes with their Goldstein values (the shared table when present)."""
    if not GOLDSTEIN_FILE.exists():
        return CODES_DEFAULT
    table = {}
    for line in GOLDSTEIN_FILE.read_text().splitlines()[1:]:
        code, _, value = line.partition("\t")
        if re.fullmatch(r"\d{3}", code.strip()):
            table[code.strip()] = float(value)
    return {c: table.get(c, v) for c, v in CODES_DEFAULT.items()}


def quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def synthetic_docs(n_docs: int, events_per_doc: int, seed: int = 7) -> list[Document]:
    """Documents whose text is one sentence per event, with evidence, entities and places."""
    rng = random.Random(seed)
    codes = cameo_table()
    code_list = list(codes)
    # Cooperative codes are more frequent in news than violence.
    code_w = [6 if c[:2] in ("01", "04", "05") else 3 if int(c[:2]) <= 8 else 2 if int(c[:2]) <= 13 else 1
              for c in code_list]
    pairs = [(a, b) for a, b, _ in DYADS]
    pair_w = [w for _, _, w in DYADS]
    start = dt.date(2020, 1, 1)
    docs = []
    for i in range(n_docs):
        published = start + dt.timedelta(days=rng.randrange(5 * 365))
        parts: list[str] = []
        events: list[Event] = []
        used: dict[str, Entity] = {}
        places: dict[str, Place] = {}
        pos = 0
        for j in range(events_per_doc):
            a, b = rng.choices(pairs, pair_w)[0]
            if rng.random() < 0.5:
                a, b = b, a
            code = rng.choices(code_list, code_w)[0]
            root = code[:2]
            where = rng.choice((a, b))
            sa, sb = COUNTRIES[a][0], COUNTRIES[b][0]
            city = COUNTRIES[where][1]
            sentence = f"{sa[0].upper() + sa[1:]} {VERBS.get(root, 'traf')} {sb} in {city}."
            s0 = pos
            parts.append(sentence)
            pos += len(sentence) + 1
            for code3, name in ((a, sa), (b, sb)):
                off = s0 + sentence.find(name[0].upper() + name[1:] if code3 == a else name)
                ent = used.setdefault(code3, Entity(id=f"e{len(used) + 1}", name=COUNTRIES[code3][0].removeprefix("die "),
                                                     type="GPE", country=code3))
                ent.mentions.append(Span(start=off, end=off + len(name), text=sentence[off - s0:off - s0 + len(name)]))
            c_off = s0 + sentence.rindex(city)
            pl = places.setdefault(city, Place(name=city, country=where, lat=COUNTRIES[where][2],
                                               lon=COUNTRIES[where][3], feature="city"))
            pl.mentions.append(Span(start=c_off, end=c_off + len(city), text=city))
            day = published - dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
            sec_a, sec_b = rng.choice(SECTORS), rng.choice(SECTORS)
            events.append(Event(
                id=f"v{j + 1}",
                source=EventActor(entity=used[a].id, country=a, sectors=[sec_a[k:k + 3] for k in range(0, len(sec_a), 3)], code=a + sec_a),
                target=EventActor(entity=used[b].id, country=b, sectors=[sec_b[k:k + 3] for k in range(0, len(sec_b), 3)], code=b + sec_b),
                cameo=code, root=root, goldstein=codes[code], quad=quad(root), date=day.isoformat(), place=city,
                evidence=Span(start=s0, end=s0 + len(sentence), text=sentence), confidence=0.8, rule="bench.synthetic",
            ))
        text = " ".join(parts)
        docs.append(Document(
            doc_id=f"bench-{i:05d}", lang="de" if i % 4 else "en", published=published.isoformat(),
            title=f"Meldung {i}: {events[0].evidence.text[:60]}", text=text,
            entities=list(used.values()), places=list(places.values()), events=events,
        ))
    return docs


def load(db: Path, n_docs: int, events_per_doc: int) -> dict[str, float]:
    from lagebild.store import Store

    if db.exists():
        db.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    docs = synthetic_docs(n_docs, events_per_doc)
    t1 = time.perf_counter()
    with Store(f"sqlite:///{db}") as store:
        store.migrate()
        for d in docs:
            store.add(d, origin="bench")
        # What `lagebild run` does at its end (Store.finish_run): planner statistics for the load.
        if hasattr(store, "analyze"):
            store.analyze()
        with store.engine.connect() as conn:
            n_events = conn.exec_driver_sql("select count(*) from events").scalar_one()
    t2 = time.perf_counter()
    return {"generate_s": t1 - t0, "load_s": t2 - t1, "documents": len(docs), "events": n_events,
            "docs_per_s": len(docs) / (t2 - t1), "events_per_s": n_events / (t2 - t1)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "LAGEBILD_DB": f"sqlite:///{db}"}
    env.pop("LAGEBILD_API_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "lagebild", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start: " + proc.stderr.read().decode()[-2000:])


WRK_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"p50\\": %f, \\"p90\\": %f, \\"p99\\": %f, \\"max\\": %f, \\"requests\\": %d, \\"errors\\": %d, \\"non2xx\\": %d, \\"duration_us\\": %d}\\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status, summary.duration))
end
"""

PY_CLIENT = r"""
import asyncio, json, sys, time, httpx
url, conc, dur = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
lat, errors = [], 0
async def worker(client, stop):
    global errors
    while time.monotonic() < stop:
        t = time.perf_counter()
        r = await client.get(url)
        lat.append((time.perf_counter() - t) * 1e6)
        errors += r.status_code != 200
async def main():
    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=conc)) as c:
        t0 = time.monotonic(); stop = t0 + dur
        await asyncio.gather(*(worker(c, stop) for _ in range(conc)))
        return time.monotonic() - t0
d = asyncio.run(main())
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))]
print("JSON " + json.dumps({"p50": pct(50), "p90": pct(90), "p99": pct(99), "max": lat[-1], "requests": len(lat),
      "errors": 0, "non2xx": errors, "duration_us": d * 1e6}))
"""


def measure(url: str, connections: int, duration: float, tmp: Path) -> dict[str, float]:
    """Latency percentiles (ms) and requests/s for `url` under `connections` concurrent clients."""
    if shutil.which("wrk"):
        script = tmp / "report.lua"
        script.write_text(WRK_LUA)
        cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{int(duration)}s", "--timeout", "10s", "-s", str(script), url]
        tool = "wrk"
    else:
        cmd = [sys.executable, "-c", PY_CLIENT, url, str(connections), str(duration)]
        tool = "httpx"
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60).stdout
    line = next(line for line in out.splitlines() if line.startswith("JSON "))
    r = json.loads(line[5:])
    return {"tool": tool, "p50_ms": r["p50"] / 1000, "p90_ms": r["p90"] / 1000, "p99_ms": r["p99"] / 1000,
            "max_ms": r["max"] / 1000, "rps": r["requests"] / (r["duration_us"] / 1e6),
            "requests": r["requests"], "errors": r["errors"] + r["non2xx"]}


QUERIES: list[tuple[str, str]] = [
    ("events, actor=RUS (newest 50)", "/api/events?actor=RUS&limit=50"),
    ("events, actor=USA root=04 since 2023", "/api/events?actor=USA&root=04&since=2023-01-01&limit=50"),
    ("events, country=DEU quad=4", "/api/events?country=DEU&quad=4&limit=50"),
    ("events, source=ISR target=IRN 2022", "/api/events?source=ISR&target=IRN&since=2022&until=2022&limit=50"),
    ("events, cameo=042 place=Peking", "/api/events?cameo=042&place=Peking&limit=50"),
    ("events, unfiltered page 20", "/api/events?limit=50&offset=1000"),
    ("dyad RUS–UKR by month", "/api/dyads/RUS/UKR?interval=month"),
    ("dyad USA–CHN by week", "/api/dyads/USA/CHN?interval=week"),
]


def sequential(db: Path, n: int) -> list[tuple[str, str, dict[str, float]]]:
    """Each query `n` times in a row, in this process through FastAPI's TestClient (no network,
    no concurrency): the cost of one request, which other load on the machine distorts less
    than the concurrent numbers."""
    from fastapi.testclient import TestClient

    from lagebild.api import create_app
    from lagebild.store import Store

    out = []
    with Store(f"sqlite:///{db}") as store:
        store.migrate()
        client = TestClient(create_app(store))
        for label, path in QUERIES:
            assert client.get(path).status_code == 200  # warm the page cache and the statement cache
            lat, cpu = [], []
            for _ in range(n):
                t, c = time.perf_counter(), time.process_time()
                r = client.get(path)
                lat.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
                assert r.status_code == 200, r.text
            lat.sort()
            cpu.sort()
            # CPU time of this process (client, app and SQLite alike) is what waiting for other
            # work on the machine does not inflate.
            res = {"p50_ms": lat[len(lat) // 2], "p99_ms": lat[min(len(lat) - 1, int(0.99 * len(lat)))],
                   "mean_ms": sum(lat) / len(lat), "cpu_p50_ms": cpu[len(cpu) // 2]}
            out.append((label, path, res))
            print(f"{label:40s} in-process x{n}: p50={res['p50_ms']:6.1f} ms  p99={res['p99_ms']:6.1f} ms  "
                  f"cpu p50={res['cpu_p50_ms']:5.1f} ms", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--events-per-doc", type=int, default=34)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "api_load.db")
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--duration", type=float, default=8.0)
    ap.add_argument("--reuse", action="store_true", help="Use the database from an earlier run")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--sequential", type=int, default=200, metavar="N",
                    help="Also time each query N times in a row in-process (0: skip)")
    args = ap.parse_args()

    loaded = None
    if not (args.reuse and args.db.exists()):
        loaded = load(args.db, args.docs, args.events_per_doc)
        print(f"loaded {loaded['documents']} documents, {loaded['events']} events in {loaded['load_s']:.1f} s "
              f"({loaded['events_per_s']:.0f} events/s via Store.add)", flush=True)
    seq = sequential(args.db, args.sequential) if args.sequential else []
    load_before = os.getloadavg()[0]
    port = free_port()
    server = start_server(args.db, port)
    rows = []
    try:
        import httpx

        for label, path in QUERIES:
            body = httpx.get(f"http://127.0.0.1:{port}{path}", timeout=30).json()
            size = body.get("total", body.get("totals", {}).get("events"))
            res = measure(f"http://127.0.0.1:{port}{path}", args.connections, args.duration, Path(tempfile.gettempdir()))
            rows.append((label, path, size, res))
            print(f"{label:40s} matches={size!s:>6}  p50={res['p50_ms']:6.1f} ms  p99={res['p99_ms']:6.1f} ms  "
                  f"{res['rps']:6.0f} req/s  errors={res['errors']}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    if not args.no_write:
        write_results(args, loaded, rows, seq, load_before)


def write_results(args: argparse.Namespace, loaded: dict | None, rows: list, seq: list, load_before: float) -> None:
    tool = rows[0][3]["tool"] if rows else "?"
    lines = [
        "## API",
        "",
        f"`bench/api_load.py` ({dt.date.today().isoformat()}, {os.cpu_count()} CPUs; server and load generator share them):",
        f"SQLite file, `lagebild serve` (one uvicorn process), load from `{tool}` in a separate process on",
        f"loopback, {args.connections} connections, {args.duration:.0f} s per query; 1-minute load average "
        f"{load_before:.1f} at the start of the load test and {os.getloadavg()[0]:.1f} at its end (other work on "
        "the machine inflates these numbers).",
        "",
    ]
    if loaded:
        lines += [
            f"Load: {loaded['documents']:,} synthetic documents with {loaded['events']:,} events (20 country dyads "
            f"weighted as in the news, 20 CAMEO codes with their Goldstein values, dates over 5 years) stored by "
            f"`Store.add` in {loaded['load_s']:.0f} s ({loaded['events_per_s']:,.0f} events/s, "
            f"{loaded['docs_per_s']:,.0f} documents/s); no bulk path needed.",
            "",
        ]
    lines += ["| query | matching events | p50 ms | p99 ms | requests/s | errors |", "|---|---:|---:|---:|---:|---:|"]
    for label, path, size, r in rows:
        lines.append(f"| {label} (`{path}`) | {size} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {r['rps']:.0f} | {r['errors']} |")
    lines.append("")
    if seq:
        lines += [
            f"One request at a time, in-process (FastAPI TestClient, no network), {args.sequential} requests per query:",
            "",
            "| query | p50 ms | p99 ms | mean ms | CPU ms per request (p50) |",
            "|---|---:|---:|---:|---:|",
        ]
        for label, path, r in seq:
            lines.append(f"| {label} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {r['mean_ms']:.1f} | {r['cpu_p50_ms']:.1f} |")
        lines.append("")
    section = "\n".join(lines)
    text = args.results.read_text() if args.results.exists() else "# Benchmarks\n"
    # Replace our own section only; other sections belong to other benchmarks. Subsections
    # written by hand (### …, e.g. earlier numbers kept for comparison) stay.
    old = re.search(r"\n## API\n.*?(?=\n## |\Z)", text, flags=re.S)
    kept = ""
    if old and (m := re.search(r"\n### .*", old.group(0), flags=re.S)):
        kept = m.group(0).rstrip() + "\n"
    text = re.sub(r"\n## API\n.*?(?=\n## |\Z)", "", text, flags=re.S).rstrip() + "\n\n" + section + kept
    args.results.write_text(text)
    print(f"wrote {args.results}")


if __name__ == "__main__":
    main()
