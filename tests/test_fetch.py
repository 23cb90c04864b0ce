"""HTTP fetching against a real server on 127.0.0.1: limits, redirects, conditional GET, politeness."""
from __future__ import annotations

import threading
import time

import pytest

from brief.config import FetchSettings
from brief.ingest.fetch import Fetcher, FetchError, fetch_all
from servers import Route, free_port, no_proxy, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("no_proxy")

LIMITS = FetchSettings(timeout=0.3, deadline=0.6, max_bytes=10_000, max_redirects=2, user_agent="brief-test/1")


@pytest.fixture
def fetcher():
    with Fetcher(LIMITS) as client:
        yield client


def test_a_normal_answer_with_validators_and_our_user_agent(server, fetcher):
    server.routes["/feed"] = Route(b"<rss/>", etag='"v1"', headers={"Last-Modified": "Sun, 22 Nov 2026 05:00:00 GMT"})
    response = fetcher.get(server.url("/feed"))
    assert (response.status, response.content, response.content_type) == (200, b"<rss/>", "application/rss+xml")
    assert response.etag == '"v1"' and response.last_modified == "Sun, 22 Nov 2026 05:00:00 GMT"
    assert server.requests[0][1]["User-Agent"] == "brief-test/1"


def test_conditional_get_gets_304(server, fetcher):
    server.routes["/feed"] = Route(b"<rss/>", etag='"v1"')
    response = fetcher.get(server.url("/feed"), etag='"v1"', last_modified="Sun, 22 Nov 2026 05:00:00 GMT")
    assert response.not_modified and response.content == b""
    headers = server.requests[0][1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Sun, 22 Nov 2026 05:00:00 GMT"


def test_http_errors_give_the_status(server, fetcher):
    with pytest.raises(FetchError, match="HTTP 404 Not Found"):
        fetcher.get(server.url("/missing"))


def test_a_slow_server_times_out_quickly(server, fetcher):
    server.routes["/slow"] = Route(b"late", delay=2)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 0.3 s"):
        fetcher.get(server.url("/slow"))
    assert time.monotonic() - started < 1.5


def test_a_body_trickling_in_past_the_deadline_is_cut_off(server, fetcher):
    server.routes["/trickle"] = Route(b"x" * 2000, chunk=100, trickle=0.1)  # each read is quick, the whole is not
    with pytest.raises(FetchError, match="took longer than 0.6 s"):
        fetcher.get(server.url("/trickle"))


def test_the_deadline_covers_the_redirects_too(server, fetcher):
    # each hop answers within the read time-out and the last body alone within the deadline; together they do not
    server.routes["/r1"] = Route(status=302, headers={"Location": "/r2"}, delay=0.25)
    server.routes["/r2"] = Route(status=302, headers={"Location": "/body"}, delay=0.25)
    server.routes["/body"] = Route(b"x" * 500, chunk=100, trickle=0.05, delay=0.15)
    with pytest.raises(FetchError, match="took longer than 0.6 s"):
        fetcher.get(server.url("/r1"))


@pytest.mark.parametrize("send_length", [True, False])
def test_an_oversized_answer_is_refused(server, fetcher, send_length):
    server.routes["/big"] = Route(b"x" * 50_000, send_length=send_length)
    with pytest.raises(FetchError, match="larger than the 10,000 byte limit"):
        fetcher.get(server.url("/big"))


def test_redirects_are_followed_up_to_the_limit(server, fetcher):
    server.routes["/a"] = Route(status=301, headers={"Location": "/b"})
    server.routes["/b"] = Route(status=302, headers={"Location": server.url("/c")})
    server.routes["/c"] = Route(b"<rss/>")
    response = fetcher.get(server.url("/a"))
    assert response.url == server.url("/c") and response.content == b"<rss/>"
    server.routes["/loop"] = Route(status=307, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.get(server.url("/loop"))
    assert server.paths_requested().count("/loop") == 3  # the first request and two redirects


def test_only_http_and_https(server, fetcher):
    server.routes["/elsewhere"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="only http and https URLs are fetched, not file"):
        fetcher.get(server.url("/elsewhere"))
    with pytest.raises(FetchError, match="not ftp"):
        fetcher.get("ftp://127.0.0.1/feed")


def test_an_unexpected_content_type_is_refused_before_its_body(server, fetcher):
    server.routes["/doc"] = Route(b"%PDF-1.4", content_type="application/pdf")
    with pytest.raises(FetchError, match="unexpected content type application/pdf"):
        fetcher.get(server.url("/doc"), expect_types=("text/html",))


def test_nothing_listening_is_a_clear_reason(fetcher):
    with pytest.raises(FetchError, match="cannot fetch"):
        fetcher.get(f"http://127.0.0.1:{free_port()}/feed")


def test_fetch_all_keeps_order_bounds_concurrency_and_spaces_requests_to_one_host():
    active, most, starts = 0, 0, {}
    lock = threading.Lock()

    def fake_fetch(url: str) -> str:
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
            starts.setdefault(url.split("/")[2], []).append(time.monotonic())
        time.sleep(0.05)
        with lock:
            active -= 1
        if url.endswith("bad"):
            raise FetchError("HTTP 500")
        return url.upper()

    urls = [f"http://host{h}.test/{i}" for i in range(3) for h in range(4)] + ["http://host0.test/bad"]
    results = fetch_all(urls, fake_fetch, concurrency=2, per_host_delay=0.1)
    assert list(results) == urls
    assert results[urls[0]] == urls[0].upper()
    assert isinstance(results["http://host0.test/bad"], FetchError)
    assert most == 2
    for times in starts.values():  # one host: never two at once, and a pause between requests
        assert all(later - earlier >= 0.14 for earlier, later in zip(times, times[1:]))
