"""URL reading against a local http.server on 127.0.0.1 only; private targets refused before I/O.

No test contacts a non-loopback address: 10.0.0.1 and friends must be refused by the address
check, which runs before any connection is attempted.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lagebild.ingest import InputError, InputRefused, RawDoc, ReadOptions, read_inputs
from lagebild.ingest import urls

PAGE = "<!DOCTYPE html><html><head><title>Seite</title></head><body><p>Präsident Müller</p></body></html>"
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Lokal</title>
<item><title>Eins</title><link>/artikel/1</link><description>Erste Meldung.</description>
<pubDate>Wed, 03 Jan 2024 08:00:00 GMT</pubDate></item>
<item><title>Zwei</title><link>/artikel/2</link><description>Zweite Meldung.</description></item>
</channel></rss>"""
LATIN = "Grüße aus Köln – 5 €"


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {
        "/page.html": (200, "text/html; charset=utf-8", PAGE.encode()),
        "/feed": (200, "application/rss+xml", FEED.encode()),
        "/plain": (200, "text/plain; charset=iso-8859-1", LATIN.encode("cp1252")),
        "/sniff": (200, "text/plain", PAGE.encode()),
        "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
        "/empty": (200, "text/plain", b""),
    }

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path
        if path in self.routes:
            status, ctype, body = self.routes[path]
            self._send(status, ctype, body)
        elif path == "/redirect":
            self._redirect("/page.html")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/to-private":
            self._redirect("http://10.0.0.1/secret")
        elif path == "/big":
            self._send(200, "text/plain", b"x" * 5000)
        elif path == "/big-stream":
            # No Content-Length: the body only turns out too big while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(10):
                self.wfile.write(b"y" * 1000)
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, "text/plain", b"late")
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # The client hangs up on purpose (oversized, timed out); a broken pipe is expected.
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def read(url: str, **opts: object) -> list[RawDoc | InputError]:
    return list(read_inputs([url], ReadOptions(**opts)))  # type: ignore[arg-type]


def error_for(url: str, **opts: object) -> InputError:
    (item,) = read(url, **opts)
    assert isinstance(item, InputError), item
    return item


@pytest.fixture
def no_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything tries to open a socket connection."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"attempted a connection: {args}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://127.0.0.1/", "127.0.0.1"),
        ("http://10.0.0.1/article", "10.0.0.1"),
        ("https://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[::1]:8080/", "::1"),
        ("http://0.0.0.0/", "0.0.0.0"),
    ],
)
def test_private_addresses_refused_before_connecting(url: str, host: str, no_connect: None) -> None:
    err = error_for(url)
    assert err.origin == url
    assert err.reason == f"refused: {host} is a loopback/private address; use --allow-private to allow"


def test_name_resolving_to_loopback_refused(no_connect: None) -> None:
    err = error_for("http://localhost:8000/x")
    assert err.reason.startswith("refused: localhost resolves to a loopback/private address (")
    assert err.reason.endswith("use --allow-private to allow")


def test_address_classification() -> None:
    for addr in ("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.1.1", "224.0.0.1",
                 "240.0.0.1", "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1"):
        assert not urls.is_public_address(addr), addr
    for addr in ("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"):
        assert urls.is_public_address(addr), addr


def test_guarded_backend_checks_at_connect_time(no_connect: None) -> None:
    with pytest.raises(InputRefused, match="loopback/private"):
        urls._GuardedBackend(allow_private=False).connect_tcp("127.0.0.1", 80)


def test_unsupported_scheme() -> None:
    assert error_for("ftp://example.org/x").reason == "unsupported URL scheme 'ftp' (only http and https)"


def test_closed_port_is_a_clear_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    err = error_for(f"http://127.0.0.1:{port}/", allow_private=True, timeout=2.0)
    assert err.reason == "cannot connect: connection refused"


def test_html_page(server: str) -> None:
    (doc,) = read(f"{server}/page.html", allow_private=True)
    assert isinstance(doc, RawDoc)
    assert (doc.kind, doc.body, doc.url, doc.origin) == ("html", PAGE, f"{server}/page.html", f"{server}/page.html")


def test_redirect_followed_final_url_kept(server: str) -> None:
    (doc,) = read(f"{server}/redirect", allow_private=True)
    assert isinstance(doc, RawDoc) and doc.url == f"{server}/page.html" and doc.origin == f"{server}/redirect"


def test_feed(server: str) -> None:
    docs = read(f"{server}/feed", allow_private=True)
    assert [d.origin for d in docs] == [f"{server}/feed#item-1", f"{server}/feed#item-2"]
    first = docs[0]
    assert isinstance(first, RawDoc)
    assert (first.title, first.url, first.published, first.source_name) == (
        "Eins", f"{server}/artikel/1", "2024-01-03", "Lokal"
    )


def test_charset_from_header_and_sniffing(server: str) -> None:
    (plain,) = read(f"{server}/plain", allow_private=True)
    assert isinstance(plain, RawDoc) and plain.body == LATIN and plain.kind == "text"
    (sniffed,) = read(f"{server}/sniff", allow_private=True)
    assert isinstance(sniffed, RawDoc) and sniffed.kind == "html"


def test_http_errors(server: str) -> None:
    assert error_for(f"{server}/missing", allow_private=True).reason == "HTTP 404"
    assert error_for(f"{server}/loop", allow_private=True).reason == "too many redirects (more than 5)"
    assert error_for(f"{server}/image", allow_private=True).reason == "unsupported content type image/png, not text"
    assert error_for(f"{server}/empty", allow_private=True).reason == "empty response"


def test_oversized_responses_refused(server: str) -> None:
    err = error_for(f"{server}/big", allow_private=True, max_bytes=1000)
    assert err.reason == "response is 5 kB, over the 1 kB limit (--max-bytes)"
    err = error_for(f"{server}/big-stream", allow_private=True, max_bytes=1000)
    assert err.reason == "response is over the 1 kB limit (--max-bytes)"


def test_timeout(server: str) -> None:
    start = time.monotonic()
    assert error_for(f"{server}/slow", allow_private=True, timeout=0.3).reason == "timed out"
    assert time.monotonic() - start < 1.4


def test_redirect_to_private_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend the test server's loopback address is public, so only the redirect hop is private.
    monkeypatch.setattr(urls, "is_public_address", lambda addr: addr == "127.0.0.1")
    err = error_for(f"{server}/to-private")
    assert err.reason == "refused: 10.0.0.1 is a loopback/private address; use --allow-private to allow"


def test_url_errors_do_not_stop_other_inputs(server: str) -> None:
    items = list(read_inputs([f"{server}/missing", f"{server}/page.html"], ReadOptions(allow_private=True)))
    assert [type(i).__name__ for i in items] == ["InputError", "RawDoc"]
