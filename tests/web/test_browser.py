"""The pages in a real browser (Debian's Chromium through playwright) against the real server:
the visit and its evidence highlighted and cross-linked, the event table filtered by actor, the
dyad chart drawn, the network and the map drawn, and a hostile document inert."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("LAGEBILD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not os.path.exists(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    # Nothing may be fetched from outside the test server (no CDN at page load).
    outside: list[str] = []
    pg.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
             if not route.request.url.startswith(live_server) else route.continue_())
    yield pg
    context.close()
    assert not errors, errors
    assert not outside, outside


def _vendor_ok(page, name: str) -> bool:
    return page.request.get(f"/static/vendor/{name}").status == 200


def test_document_shows_the_visit_and_its_evidence(page):
    page.goto("/documents/seed-brics")
    mark = page.locator('#doc-text mark.ev[data-ev="v1"]').first
    assert mark.is_visible()
    assert mark.inner_text().startswith("Beloussow war nach russischen Angaben")
    card = page.locator("#ev-v1")
    assert "042" in card.inner_text() and "RUSGOVMIL" in card.inner_text()
    mark.click(position={"x": 200, "y": 5})
    # Locator waits, not wait_for_function: the page's CSP forbids the eval that needs.
    page.locator("#ev-v1.selected").wait_for()
    assert "selected" in (mark.get_attribute("class") or "")
    # The source entity's mentions light up with the event.
    assert page.locator('#doc-text [data-ent="e2"].selected').count() >= 1
    # The evidence's background differs from plain text (it is really highlighted).
    bg = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    # Entity mentions link to the actor page.
    page.locator('#doc-text a[data-ent="e2"]').first.click()
    page.wait_for_url("**/actors/Andrej%20Beloussow")
    assert "042" in page.locator("main").inner_text()


def test_event_table_filters_by_actor(page):
    page.goto("/events")
    assert page.locator("table.events tbody tr").count() == 5
    page.fill('input[name="actor"]', "FRA")
    page.click("form.filters button")
    page.wait_for_url("**/events?*actor=FRA*")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1 and "130" in rows.first.inner_text()
    csv_href = page.locator("#csv-link").get_attribute("href")
    assert "format=csv" in csv_href and "actor=FRA" in csv_href
    assert "FRA" in page.request.get(csv_href).text()


def test_dyad_chart_renders(page):
    page.goto("/dyads/CHN/RUS")
    assert "2024-09" in page.locator("table.dyad").inner_text()
    if not _vendor_ok(page, "chart.umd.min.js"):
        pytest.skip("front-end libraries not installed (make install)")
    canvas = page.locator("#dyad-chart")
    page.locator('#dyad-chart[data-rendered="true"]').wait_for()
    # Some pixels drawn: the canvas is not blank.
    painted = canvas.evaluate(
        "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }"
    )
    assert painted > 500


def test_network_and_map_render(page):
    if not _vendor_ok(page, "cytoscape.min.js"):
        pytest.skip("front-end libraries not installed (make install)")
    page.goto("/network")
    page.locator("#network[data-rendered]").wait_for()
    assert int(page.locator("#network").get_attribute("data-rendered")) >= 4
    assert page.locator("#network canvas").count() >= 1
    page.goto("/map")
    page.locator('#map[data-rendered="2"]').wait_for()
    assert page.locator("#map svg path.land").count() > 100
    assert page.locator("#map svg circle").count() == 2


def test_hostile_document_is_inert(page):
    page.goto("/documents/hostile")
    assert "<script>alert(1)</script>" in page.locator("#doc-text").inner_text()
    assert page.locator("#doc-text script, #doc-text img").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    # The page fixture fails the test on any dialog (alert) or page error.
