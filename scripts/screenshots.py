"""Screenshots of the main web pages for the README, into docs/screenshots/.

Builds a throw-away store (the seed-like test article plus synthetic documents from
bench/api_load.py, so charts have something to show), serves it on a free loopback port and
photographs the pages with Debian's Chromium through playwright:

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import importlib.util
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES: list[tuple[str, str, int]] = [
    ("document", "/documents/seed-brics#ev-v1", 900),
    ("events", "/events?actor=RUS", 800),
    ("actor", "/actors/RUS", 900),
    ("dyad", "/dyads/CHN/RUS?since=2023-01", 760),
    ("network", "/network?max_edges=60", 800),
    ("map", "/map", 700),
]


def _bench_module():
    spec = importlib.util.spec_from_file_location("api_load", ROOT / "bench" / "api_load.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from lagebild.api import create_app
    from lagebild.store import Store
    from tests.web.docs import older_doc, seed_doc

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'shots.db'}")
        store.migrate()
        for doc in (seed_doc(), older_doc(), *_bench_module().synthetic_docs(400, 12, seed=3)):
            store.add(doc, origin="screenshots")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=args.chromium, headless=True,
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
                )
                page = browser.new_page(viewport={"width": 1280, "height": 800}, base_url=f"http://127.0.0.1:{port}")
                for name, url, height in PAGES:
                    page.set_viewport_size({"width": 1280, "height": height})
                    page.goto(url)
                    page.wait_for_load_state("networkidle")
                    if name == "document":
                        page.locator('#doc-text mark.ev[data-ev="v1"]').first.click(position={"x": 150, "y": 5})
                    time.sleep(0.3)
                    path = args.out / f"{name}.png"
                    page.screenshot(path=str(path))
                    print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            store.close()


if __name__ == "__main__":
    main()
