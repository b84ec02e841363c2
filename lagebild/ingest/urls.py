"""Fetch one http(s) URL safely: public addresses only, manual redirects, a byte cap, short errors.

lagebild may run as a service that fetches URLs users submit, so a URL must not reach the
machine's own network (loopback, private ranges, cloud metadata at 169.254.169.254) unless
the operator says so. Every hop of a redirect chain is checked, and the check is repeated at
connect time on the very address the socket uses, so a DNS answer that changes between the
check and the connection (DNS rebinding) cannot slip through.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

from lagebild.ingest.base import InputRefused
from lagebild.ingest.files import over_limit
from lagebild.ingest.sniff import is_binary_media_type

MAX_REDIRECTS = 5
# The per-operation timeout bounds each connect and read; this bounds a slow trickle overall.
TOTAL_TIMEOUT_FACTOR = 5
USER_AGENT = "lagebild/0.1 (+https://github.com/lagebild/lagebild)"
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5"
)
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass
class Fetched:
    """A successful response body and what the reader needs to interpret it."""

    url: str  # after redirects
    data: bytes
    content_type: str | None
    charset: str | None
    headers: dict[str, str] = field(default_factory=dict)


def is_url(spec: str) -> bool:
    """Whether a spec is meant as a URL (any scheme, so ``ftp://`` gets a clear refusal)."""
    return bool(_URL_LIKE.match(spec))


def check_scheme(url: str) -> None:
    scheme = url.split(":", 1)[0].lower()
    if scheme not in ("http", "https"):
        raise InputRefused(f"unsupported URL scheme {scheme!r} (only http and https)")


def vetted_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """The addresses `host` resolves to, or InputRefused if any is not a public address.

    All answers must be public, not just the first: a hostile DNS server can return a public
    and a private address and let the client pick.
    """
    host = host.strip("[]")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise InputRefused(f"cannot resolve host {host}") from None
    addresses: list[str] = []
    for info in infos:
        addr = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        if addr not in addresses:
            addresses.append(addr)
    if not allow_private:
        for addr in addresses:
            if not is_public_address(addr):
                verb = "is" if addr == host else "resolves to"
                shown = "" if addr == host else f" ({addr})"
                raise InputRefused(
                    f"refused: {host} {verb} a loopback/private address{shown}; use --allow-private to allow"
                )
    return addresses


def is_public_address(addr: str) -> bool:
    """False for loopback, private, link-local, multicast, reserved, unspecified and similar."""
    ip = ipaddress.ip_address(addr)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    if (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    ):
        return False
    # is_global also excludes shared address space (100.64/10) and other special ranges.
    return ip.is_global


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to vetted addresses, resolving the host itself so the check is the connect."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for addr in vetted_addresses(host, port, self.allow_private):
            try:
                # TLS still uses the URL's host name for SNI and certificate checks (httpcore
                # passes it to start_tls separately), so connecting by address is safe.
                return super().connect_tcp(addr, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                last = e
        assert last is not None  # vetted_addresses never returns an empty list
        raise last


def _client(timeout: float, allow_private: bool) -> httpx.Client:
    # trust_env=False: an HTTP(S)_PROXY from the environment would make the proxy, not us,
    # connect to the target, bypassing the address check.
    transport = httpx.HTTPTransport(trust_env=False)
    pool = getattr(transport, "_pool", None)
    if isinstance(pool, httpcore.ConnectionPool):
        # httpx has no public hook for the network backend; without it the per-hop pre-check
        # below still applies, only the rebinding protection is lost.
        pool._network_backend = _GuardedBackend(allow_private)
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
    )


def fetch(url: str, *, max_bytes: int, timeout: float, allow_private: bool) -> Fetched:
    """GET `url` and return the body; InputRefused with a one-line reason on any failure."""
    try:
        with _client(timeout, allow_private) as client:
            return _fetch(client, url, max_bytes, timeout, allow_private)
    except InputRefused:
        raise
    except httpx.TimeoutException:
        raise InputRefused("timed out") from None
    except (httpx.ConnectError, httpcore.ConnectError) as e:
        raise InputRefused(f"cannot connect: {_short(e)}") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
        raise InputRefused(f"invalid URL ({_short(e)})") from None
    except httpx.RemoteProtocolError as e:
        raise InputRefused(f"bad response from server ({_short(e)})") from None
    except httpx.HTTPError as e:
        raise InputRefused(f"download failed ({_short(e)})") from None


def _fetch(client: httpx.Client, url: str, max_bytes: int, timeout: float, allow_private: bool) -> Fetched:
    deadline = time.monotonic() + timeout * TOTAL_TIMEOUT_FACTOR
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        check_scheme(current)
        target = httpx.URL(current)
        if not target.host:
            raise InputRefused("invalid URL (no host)")
        port = target.port or (443 if target.scheme == "https" else 80)
        # Checked here as well as at connect time, so the refusal happens before any I/O and
        # does not depend on httpx internals.
        vetted_addresses(target.host, port, allow_private)
        response = client.send(client.build_request("GET", target), stream=True)
        try:
            location = response.headers.get("location")
            if response.status_code in (301, 302, 303, 307, 308) and location:
                current = str(response.url.join(location))
                continue
            if not 200 <= response.status_code < 300:
                raise InputRefused(f"HTTP {response.status_code}")
            content_type = response.headers.get("content-type")
            if is_binary_media_type(content_type):
                mt = (content_type or "").split(";", 1)[0].strip()
                raise InputRefused(f"unsupported content type {mt}, not text")
            declared = response.headers.get("content-length", "")
            if declared.strip().isdigit() and int(declared) > max_bytes:
                raise over_limit("response", int(declared), max_bytes)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise over_limit("response", None, max_bytes)
                if time.monotonic() > deadline:
                    raise InputRefused("timed out")
            return Fetched(
                url=str(response.url),
                data=bytes(body),
                content_type=content_type,
                charset=response.charset_encoding,
                headers=dict(response.headers),
            )
        finally:
            response.close()
    raise InputRefused(f"too many redirects (more than {MAX_REDIRECTS})")


def _short(e: BaseException) -> str:
    """The gist of a network error: no errno prefixes, no nested exception reprs."""
    msg = str(e) or type(e).__name__
    if "CERTIFICATE_VERIFY_FAILED" in msg:
        return "TLS certificate verification failed"
    msg = re.sub(r"\[Errno -?\d+\]\s*", "", msg)
    msg = msg.splitlines()[0].strip()
    return msg[:1].lower() + msg[1:]
