"""Fixtures for the API and web tests: a store with the documents of `tests.web.docs`, a test
client, and (for the browser tests) the real server on a free loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.store import Store
from tests.web.docs import hostile_doc, older_doc, seed_doc

TOKEN = "test-token-123"


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'web.db'}") as s:
        s.migrate()
        for doc in (seed_doc(), older_doc(), hostile_doc()):
            s.add(doc, origin="test")
        yield s


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store, token=TOKEN, max_body=20_000))


@pytest.fixture(scope="module")
def live_server(tmp_path_factory) -> Iterator[str]:
    """The real app under uvicorn in a thread on 127.0.0.1; yields its base URL."""
    import uvicorn

    path = tmp_path_factory.mktemp("live") / "live.db"
    store = Store(f"sqlite:///{path}")
    store.migrate()
    for doc in (seed_doc(), older_doc(), hostile_doc()):
        store.add(doc, origin="test")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()
