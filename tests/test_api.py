"""The HTTP API over a real SQLite store: reads, filters, CSV, dyads, actors, and the
token-protected, size-limited ingest endpoint."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.doc import validate
from lagebild.store import Store
from tests.test_cli import _doc_with_events
from tests.web.conftest import TOKEN, client, store  # noqa: F401 - fixtures
from tests.web.docs import seed_doc


def test_index_documents_and_events(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'api.db'}") as store:
        store.migrate()
        store.add(_doc_with_events(), origin="test")
        client = TestClient(create_app(store))
        index = client.get("/").json()
        assert index["documents"] == 1 and index["links"]["events"].endswith("/api/events")
        listed = client.get("/api/documents").json()["documents"]
        assert [d["doc_id"] for d in listed] == ["ev-doc"]
        doc = client.get("/api/documents/ev-doc").json()
        validate(doc)
        assert doc["events"][0]["evidence"]["text"].startswith("Beloussow")
        assert client.get("/api/documents/nope").status_code == 404
        rows = client.get("/api/events", params={"actor": "FRA"}).json()["events"]
        assert [r["cameo"] for r in rows] == ["111"]
        assert client.get("/api/events", params={"root": "x' or 1=1 --"}).status_code == 422


def test_bad_date_filter_is_a_client_error(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'api.db'}") as store:
        store.migrate()
        client = TestClient(create_app(store))
        r = client.get("/api/events", params={"since": "last tuesday"})
        assert r.status_code == 400 and ("since" in r.text.lower() or "date" in r.text.lower())


def test_document_search_and_html_index(client):
    assert [d["doc_id"] for d in client.get("/api/documents", params={"q": "Beloussow Peking"}).json()["documents"]] == ["seed-brics"]
    assert client.get("/api/documents", params={"q": "nirgendwo"}).json()["documents"] == []
    page = client.get("/", headers={"accept": "text/html,application/xhtml+xml"})
    assert page.headers["content-type"].startswith("text/html") and "Overview" in page.text


def test_event_filters_paging_and_total(client):
    def ids(**params):
        body = client.get("/api/events", params=params).json()
        return [(r["doc_id"], r["event_id"]) for r in body["events"]], body["total"]

    assert ids(actor="RUS") == ([("seed-brics", "v1"), ("seed-brics", "v2"), ("older", "v1")], 3)
    assert ids(source="RUS")[0] == [("seed-brics", "v1"), ("older", "v1")]
    assert ids(target="RUS")[0] == [("seed-brics", "v2")]
    assert ids(country="DEU")[0] == [("older", "v2")]
    assert ids(cameo="04")[0] == [("seed-brics", "v1")] == ids(cameo="042")[0] == ids(root="04")[0]
    assert ids(quad=3)[1] == 2
    assert ids(since="2024-10", until="2024-10-31")[1] == 2
    assert ids(place="Beijing")[1] == 2
    assert ids(entity="Andrej Beloussow")[0] == [("seed-brics", "v1"), ("seed-brics", "v2")]
    assert ids(lang="en")[1] == 0
    page = client.get("/api/events", params={"limit": 2, "offset": 2, "order": "oldest"}).json()
    assert page["total"] == 5 and page["count"] == 2 and page["offset"] == 2
    row = client.get("/api/events", params={"actor": "RUS", "cameo": "042"}).json()["events"][0]
    assert row["source_name"] == "Andrej Beloussow" and row["evidence"].startswith("Beloussow war")
    # Values go to the database as bound parameters: an injection attempt is just no match.
    assert ids(place="x' OR '1'='1")[1] == 0
    assert client.get("/api/events", params={"actor": "RUS' --"}).status_code == 422
    assert client.get("/api/events", params={"quad": 7}).status_code == 422


def test_events_as_csv(client):
    for r in (client.get("/api/events", params={"actor": "RUS", "format": "csv"}),
              client.get("/api/events", params={"actor": "RUS"}, headers={"accept": "text/csv"})):
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert [x["cameo"] for x in rows] == ["042", "057", "111"]
        assert rows[0]["evidence"].startswith("Beloussow war")
    assert client.get("/api/events", params={"format": "csv", "since": "nonsense"}).status_code == 400


def test_actors_actor_and_quotes(client):
    actors = client.get("/api/actors").json()
    by_code = {a["code"]: a for a in actors["actors"]}
    assert by_code["RUS"]["as_source"] == 2 and by_code["RUS"]["as_target"] == 1
    assert by_code["CHN"]["name"] == "China" or by_code["CHN"]["name"] is None
    rus = client.get("/api/actors/RUS").json()
    assert rus["counts"] == {"as_source": 2, "as_target": 1}
    assert [e["cameo"] for e in rus["as_source"]] == ["042", "111"]
    assert {t["period"] for t in rus["timeline"]} == {"2024-09", "2024-10"}
    assert rus["partners"][0]["code"] == "CHN"
    dong = client.get("/api/actors/Dong Jun").json()
    assert dong["kind"] == "entity" and [q["text"] for q in dong["quotes"]] == ["„strategische Zusammenarbeit“"]
    assert client.get("/api/actors/NOBODY").status_code == 404
    quotes = client.get("/api/quotes", params={"speaker": "CHN"}).json()
    assert quotes["total"] == 1 and quotes["quotes"][0]["speaker"] == "Dong Jun"


def test_dyad_by_month_and_week(client):
    d = client.get("/api/dyads/CHN/RUS").json()
    assert [p["period"] for p in d["periods"]] == ["2024-09", "2024-10"]
    sep, octo = d["periods"]
    assert sep["events"] == 1 and sep["goldstein_sum"] == -2.0 and sep["quads"]["3"]["events"] == 1
    assert octo["events"] == 2 and octo["goldstein_sum"] == 9.9 and octo["goldstein_mean"] == 4.95
    assert client.get("/api/dyads/rus/chn").json()["totals"] == d["totals"]
    week = client.get("/api/dyads/CHN/RUS", params={"interval": "week"}).json()
    assert [p["period"] for p in week["periods"]] == ["2024-W36", "2024-W42"]
    directed = client.get("/api/dyads/RUS/CHN", params={"directed": True}).json()
    assert directed["totals"]["events"] == 2
    assert client.get("/api/dyads/CHN/RUS", params={"interval": "day"}).status_code == 422


def test_stats_network_places(client):
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 3 and stats["events"] == 5 and stats["events_by_root"]["04"] == 1
    net = client.get("/api/network").json()
    assert {n["id"] for n in net["nodes"]} >= {"RUS", "CHN", "FRA", "DEU"}
    assert any(e["source"] == "RUS" and e["target"] == "CHN" and e["quad"] == 1 for e in net["edges"])
    places = {p["name"]: p for p in client.get("/api/places").json()["places"]}
    assert places["Beijing"]["events"] == 2 and places["Beijing"]["lat"] == 39.91


def test_post_needs_a_token(client, store):
    body = seed_doc().model_copy(update={"doc_id": "posted"}).to_json()
    assert client.post("/api/documents", json=body).status_code == 401
    assert client.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert not store.has("posted")
    r = client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and r.json() == {"doc_id": "posted", "stored": True, "events": 2, "url": "/api/documents/posted"}
    assert store.get("posted").events[0].cameo == "042"
    again = client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 200 and again.json()["stored"] is False


def test_post_without_configured_token_is_forbidden(store, monkeypatch):
    monkeypatch.delenv("LAGEBILD_API_TOKEN", raising=False)
    r = TestClient(create_app(store)).post("/api/documents", content=b"Text", headers={"Authorization": "Bearer x"})
    assert r.status_code == 403


def test_post_body_limit_and_bad_bodies(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = b"x" * 20_001
    assert client.post("/api/documents", content=big, headers={**auth, "content-type": "text/plain"}).status_code == 413

    def chunks():
        for _ in range(30):
            yield b"y" * 1000

    # Chunked upload without Content-Length: counted as it arrives.
    assert client.post("/api/documents", content=chunks(), headers={**auth, "content-type": "text/plain"}).status_code == 413
    assert client.post("/api/documents", content=b"{nope", headers={**auth, "content-type": "application/json"}).status_code == 400
    bad = seed_doc().to_json()
    bad["doc_id"] = "bad-spans"
    bad["events"][0]["evidence"]["end"] = 10**6
    assert client.post("/api/documents", json=bad, headers=auth).status_code == 422
    assert client.post("/api/documents", content=b"a,b", headers={**auth, "content-type": "text/csv"}).status_code == 415
    assert client.post("/api/documents", json={"something": 1}, headers=auth).status_code == 422


def test_post_url_refuses_private_addresses_and_local_paths(client, store):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for url in ("http://127.0.0.1:9/x.html", "http://localhost/", "http://169.254.169.254/latest/meta-data/"):
        r = client.post("/api/documents", json={"url": url}, headers=auth)
        assert r.status_code == 422 and ("private" in r.text or "loopback" in r.text), r.text
    for spec in ("/etc/passwd", "-", "file:///etc/passwd"):
        r = client.post("/api/documents", json={"url": spec}, headers=auth)
        assert r.status_code == 422 and "http" in r.text
    assert store.count() == 3


def test_post_raw_text_runs_the_processor(client, store):
    auth = {"Authorization": f"Bearer {TOKEN}", "content-type": "text/plain; charset=utf-8"}
    text = "Russland und China vertiefen Zusammenarbeit\n\nDer russische Verteidigungsminister reiste am Montag nach Peking."
    r = client.post("/api/documents", params={"lang": "de", "published": "2024-10-14", "id": "raw-1"},
                    content=text.encode(), headers=auth)
    assert r.status_code == 201, r.text
    doc = store.get("raw-1")
    assert doc.lang == "de" and doc.published == "2024-10-14" and "Peking" in doc.text
    r = client.post("/api/documents", json={"text": text + " Mehr.", "lang": "de", "id": "raw-2", "title": "T"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and store.has("raw-2")


def test_docs_are_served_offline(client):
    r = client.get("/docs")
    assert r.status_code == 200
    if client.app.state.vendor.has("swagger-ui-bundle.js"):
        assert "/static/vendor/swagger-ui-bundle.js" in r.text and "cdn" not in r.text
    assert client.get("/openapi.json").json()["paths"]["/api/dyads/{a}/{b}"]
