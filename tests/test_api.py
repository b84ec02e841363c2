"""The HTTP API over a real SQLite store."""

from __future__ import annotations

from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.doc import validate
from lagebild.store import Store
from tests.test_cli import _doc_with_events


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
