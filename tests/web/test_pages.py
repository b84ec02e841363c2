"""The server-rendered pages without a browser: spans marked in the text, filters, escaping."""

from __future__ import annotations

import re

from lagebild.web.highlight import highlight
from lagebild.web.pages import safe_url
from tests.web.docs import hostile_doc, seed_doc

HTML = {"accept": "text/html"}


def test_highlight_nests_crossing_spans_and_keeps_the_text():
    doc = seed_doc()
    html = str(highlight(doc))
    # Removing the markup gives back exactly the (escaped) text.
    plain = re.sub(r"<[^>]+>", "", html).replace("&#34;", '"').replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert plain == doc.text
    assert html.count('id="ev-v1-text"') == 1
    opened = re.findall(r"<(a|span|mark)\b", html)
    closed = re.findall(r"</(a|span|mark)>", html)
    assert sorted(opened) == sorted(closed)
    assert "<a" not in re.sub(r"<a\b[^>]*>[^<]*(?:<(?!/a>)[^<]*)*</a>", "", html)  # no nested links


def test_document_page_marks_everything(client):
    page = client.get("/documents/seed-brics").text
    evidence = seed_doc().events[0].evidence.text
    m = re.search(r'<mark class="ev quad1" data-ev="v1"[^>]*>(.*?)</mark>', page, re.S)
    assert m and re.sub(r"<[^>]+>", "", m.group(1)).startswith("Beloussow war")
    assert 'href="/actors/Andrej%20Beloussow"' in page and 'href="/actors/CHN"' in page
    assert 'class="place"' in page and 'class="time"' in page and 'class="quote direct"' in page
    assert 'id="ev-v1"' in page and evidence.split("„")[0] in page
    assert 'href="/dyads/RUS/CHN"' in page


def test_pages_render(client):
    for url in ("/", "/documents", "/documents?q=Peking", "/events", "/events?actor=RUS&quad=1", "/actors",
                "/actors/RUS", "/actors/Dong%20Jun", "/dyads/CHN/RUS", "/dyads/CHN/RUS?interval=week&stat=mean",
                "/network", "/map"):
        r = client.get(url, headers=HTML)
        assert r.status_code == 200, url
        assert "Content-Security-Policy" in r.headers and "script-src 'self'" in r.headers["Content-Security-Policy"]
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/events?since=garbage").status_code == 400
    events = client.get("/events", params={"actor": "FRA"}).text
    assert "Frankreich warnte" in events and "Beloussow" not in events
    assert '/api/events?actor=FRA&amp;format=csv' in events


def test_hostile_document_renders_inert(client):
    page = client.get("/documents/hostile").text
    assert "<script>alert" not in page and "<img src=x" not in page
    text = re.search(r'<div class="doc-text" id="doc-text">(.*?)</div>', page, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", text).startswith("Hallo &lt;script&gt;alert(1)&lt;/script&gt; und &lt;img")
    assert 'href="javascript:' not in page.lower()
    # The only scripts are the page's own files.
    assert re.findall(r"<script\b[^>]*>", page) == ['<script src="/static/document.js" defer>']
    events = client.get("/events", params={"actor": "XSS"}).text
    assert "<script>alert" not in events
    assert safe_url("javascript:alert(1)") is None and safe_url(" JaVaScRiPt:x") is None
    assert safe_url("https://example.org/a") == "https://example.org/a"


def test_vendor_files_only_by_name(client):
    assert client.get("/static/vendor/../../pyproject.toml").status_code == 404
    assert client.get("/static/vendor/package.json").status_code == 404
    if client.app.state.vendor.has("chart.umd.min.js"):
        assert client.get("/static/vendor/chart.umd.min.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200
