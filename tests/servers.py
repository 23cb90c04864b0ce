"""Real servers on 127.0.0.1 for the tests: an HTTP server with scripted routes and an SMTP server (aiosmtpd).

Nothing a test sends leaves 127.0.0.1: every URL and SMTP host the tests use points here.
"""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@pytest.fixture
def no_proxy(monkeypatch):
    """Requests to the local servers go straight to 127.0.0.1, never through a proxy the machine may name."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 when the request's If-None-Match matches
    delay: float = 0.0  # seconds before the answer starts
    trickle: float = 0.0  # seconds between chunks of the body
    chunk: int = 1024
    send_length: bool = True
    gate: threading.Event | None = None  # when set, the answer waits (up to 60 s) for the test to open it


class HttpServer:
    """A threaded HTTP server on 127.0.0.1 serving `routes` (path -> Route) and recording every request."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output clean
                pass

            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                time.sleep(route.delay)
                if route.gate is not None:
                    route.gate.wait(timeout=60)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    for start in range(0, len(route.body), route.chunk):
                        self.wfile.write(route.body[start:start + route.chunk])
                        self.wfile.flush()
                        time.sleep(route.trickle)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should on an oversized or too slow answer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths_requested(self) -> list[str]:
        return [path for path, _headers in self.requests]

    def __enter__(self) -> HttpServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def server():
    """An HttpServer running for one test."""
    with HttpServer() as running:
        yield running


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpServer:
    """aiosmtpd on 127.0.0.1. `fail_first` answers DATA with 451 that many times; `users` enables AUTH."""

    def __init__(self, *, users: dict[str, str] | None = None, tls_context=None, implicit_tls=None,
                 fail_first: int = 0):
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        self.messages: list = []  # aiosmtpd envelopes
        self.attempts = 0
        self.fail_first = fail_first
        self.port = free_port()
        server = self

        class Handler:
            async def handle_DATA(self, smtp, session, envelope):
                server.attempts += 1
                if server.attempts <= server.fail_first:
                    return "451 4.3.0 try again later"
                server.messages.append(envelope)
                return "250 OK"

        def authenticate(smtp, session, envelope, mechanism, auth_data):
            ok = users is not None and users.get(auth_data.login.decode()) == auth_data.password.decode()
            return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself

        options = dict(hostname="127.0.0.1", port=self.port, server_hostname="localhost")
        if users is not None:
            options.update(authenticator=authenticate, auth_required=True, auth_require_tls=tls_context is not None)
        if tls_context is not None:
            options.update(tls_context=tls_context, require_starttls=True)
        if implicit_tls is not None:
            options.update(ssl_context=implicit_tls)
        self._controller = Controller(Handler(), **options)

    def __enter__(self) -> SmtpServer:
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()


@dataclass
class Tls:
    """A certificate authority made in the test, a server context with its certificate, a client trusting it."""

    server: object
    client: object
    ca: object  # trustme.CA: `ca.cert_pem.write_to_path(path)` for a process that should trust it


def make_tls() -> Tls:
    import ssl

    import trustme

    ca = trustme.CA()
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(server)
    client = ssl.create_default_context()
    ca.configure_trust(client)
    return Tls(server, client, ca)
