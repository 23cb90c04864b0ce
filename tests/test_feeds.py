"""Feeds and their pages, served by a real HTTP server on 127.0.0.1, into the state store and out as Articles."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest

from brief.config import FetchSettings
from brief.ingest.errors import UnusableInput
from brief.ingest.feeds import html_to_text, parse_feed, read_feed, refresh, window_articles
from brief.ingest.fetch import Fetcher
from brief.store import Store
from servers import HttpServer, Route, no_proxy, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("no_proxy")

DATA = Path(__file__).parent / "data"
NOW = datetime(2026, 11, 22, 6, 0, tzinfo=timezone.utc)
SINCE = NOW - timedelta(hours=24)
LIMITS = FetchSettings(timeout=0.3, deadline=1.0, max_bytes=300_000, max_redirects=3, concurrency=2,
                       per_host_delay=0.01)


def rss(items: list[dict], title: str = "Harbour Gazette") -> bytes:
    """An RSS document; each item: guid, title, link, summary, hours (before NOW)."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
             "<link>http://news.invalid/</link><description>Local news</description>"]
    for item in items:
        published = format_datetime(NOW - timedelta(hours=item.get("hours", 1)))
        parts.append(f"<item><guid>{item['guid']}</guid><title>{item.get('title', item['guid'])}</title>"
                     f"<link>{item.get('link', '')}</link><pubDate>{published}</pubDate>"
                     f"<description>{item.get('summary', '')}</description></item>")
    return ("".join(parts) + "</channel></rss>").encode()


@pytest.fixture
def fetcher():
    with Fetcher(LIMITS) as client:
        yield client


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "state.sqlite3") as opened:
        yield opened


def page(name: str) -> Route:
    return Route((DATA / "pages" / name).read_bytes(), content_type="text/html; charset=utf-8")


def test_shared_feeds_read_over_http_match_the_files(shared_dir, server, fetcher):
    feeds = sorted((shared_dir / "eval" / "feeds").iterdir())
    assert feeds
    for path in feeds:
        server.routes[f"/{path.name}"] = Route(path.read_bytes(), content_type="application/xml")
        fetched = read_feed(server.url(f"/{path.name}"), fetcher)
        from_file = parse_feed(path.read_bytes(), source=server.url(f"/{path.name}"))
        assert [e.key for e in fetched.entries] == [e.key for e in from_file.entries], path.name
        assert fetched.entries, path.name
        assert len({e.key for e in fetched.entries}) == len(fetched.entries)
        for entry in fetched.entries:
            assert entry.title or entry.summary
            assert entry.url is None or entry.url.startswith(("http://", "https://")), entry.url
            assert not re.search(r"<(p|div|a|img|br)\b", entry.summary, re.IGNORECASE), entry.summary  # plain text


def test_relative_entry_links_resolve_against_the_feeds_site(shared_dir):
    path = shared_dir / "eval" / "feeds" / "tpm_2017-11-08.atom"
    entries = parse_feed(path.read_bytes(), source=str(path)).entries
    assert entries[0].url.startswith("http://talkingpointsmemo.com/livewire/")
    assert entries[0].published == datetime(2017, 11, 8, 23, 15, 58, tzinfo=timezone.utc)


def test_a_malformed_feed_keeps_its_good_entries_with_a_warning():
    result = parse_feed((DATA / "feeds" / "malformed.rss").read_bytes(), source="malformed.rss")
    assert [e.title for e in result.entries] == ["Harbour bridge to close for repairs", "Ferry fares rise by 4%"]
    assert result.entries[1].summary == "Fares on the harbour ferry rise by 4% in January."
    (warning,) = result.warnings
    assert "malformed feed" in warning and "kept its 2 readable entries" in warning


def test_a_web_page_served_at_a_feed_url_is_not_a_feed(server, fetcher):
    server.routes["/feed"] = page("bridge.html")
    with pytest.raises(UnusableInput, match=r"not a feed \(served as text/html\)"):
        read_feed(server.url("/feed"), fetcher)


def test_garbage_is_not_a_feed():
    with pytest.raises(UnusableInput):
        parse_feed(b"\x00\x01 binary \xff", source="x")


def test_html_to_text_keeps_paragraphs_and_unescapes():
    assert html_to_text("<p>One &amp; two.</p><p>Three<br>four</p>") == "One & two.\n\nThree\n\nfour"
    assert html_to_text("Plain &lt;b&gt; text") == "Plain <b> text"


def feed_with_pages(server: HttpServer) -> None:
    server.routes["/feed"] = Route(rss([
        {"guid": "bridge", "title": "Bridge to close", "link": server.url("/bridge"), "summary": "Bridge summary.",
         "hours": 3},
        {"guid": "ferry", "title": "Ferry fares rise", "link": server.url("/ferry"), "summary": "Ferry summary.",
         "hours": 2},
        {"guid": "gone", "title": "Gone story", "link": server.url("/gone"), "summary": "The feed's own words."},
        {"guid": "paywall", "title": "Paywalled", "link": server.url("/paywall"), "summary": ""},
        {"guid": "old", "title": "Last week", "link": server.url("/old"), "summary": "Old.", "hours": 24 * 7},
    ]), etag='"v1"')
    server.routes["/bridge"] = page("bridge.html")
    server.routes["/ferry"] = page("ferry.html")
    server.routes["/paywall"] = page("no-article.html")


def test_refresh_fetches_pages_falls_back_to_summaries_and_skips_what_has_no_text(server, fetcher, store):
    feed_with_pages(server)
    result = refresh(store, fetcher, feeds=[server.url("/feed")], pages=[], since=SINCE, now=NOW)
    assert result.skipped == () and result.pages_fetched == 3
    assert "/old" not in server.paths_requested()  # outside the window: its page is not fetched
    articles, skipped, notices = window_articles(store, SINCE, NOW)
    by_title = {a.title: a for a in articles}
    assert list(by_title) == ["Bridge to close", "Ferry fares rise", "Gone story"]  # oldest first
    assert "About 18,000 vehicles cross the bridge every day." in by_title["Bridge to close"].text
    assert by_title["Bridge to close"].outlet == "Harbour Gazette"
    assert by_title["Bridge to close"].url == server.url("/bridge")
    assert by_title["Gone story"].text == "The feed's own words."
    assert [s.input for s in skipped] == [server.url("/paywall")]
    assert "no article text" in skipped[0].reason
    assert notices and "use their feed's summary" in notices[0] and server.url("/gone") in notices[0]


def test_a_second_refresh_fetches_nothing_twice_and_gives_the_same_articles(server, fetcher, store):
    feed_with_pages(server)
    refresh(store, fetcher, feeds=[server.url("/feed")], pages=[], since=SINCE, now=NOW)
    first = window_articles(store, SINCE, NOW)
    requests_before = len(server.requests)
    result = refresh(store, fetcher, feeds=[server.url("/feed")], pages=[], since=SINCE, now=NOW + timedelta(hours=1))
    new_requests = server.requests[requests_before:]
    assert result.feeds_unchanged == 1
    assert new_requests[0][0] == "/feed" and new_requests[0][1]["If-None-Match"] == '"v1"'
    # only the page with neither text nor summary is tried again
    assert [path for path, _ in new_requests[1:]] == ["/paywall"]
    assert window_articles(store, SINCE, NOW) == first


def test_a_changed_entry_is_fetched_again(server, fetcher, store):
    server.routes["/feed"] = Route(rss([{"guid": "ferry", "link": server.url("/ferry"), "summary": "v1"}]))
    server.routes["/ferry"] = page("ferry.html")
    refresh(store, fetcher, feeds=[server.url("/feed")], pages=[], since=SINCE, now=NOW)
    server.routes["/feed"] = Route(rss([{"guid": "ferry", "link": server.url("/ferry"), "summary": "v2"}]))
    refresh(store, fetcher, feeds=[server.url("/feed")], pages=[], since=SINCE, now=NOW)
    assert server.paths_requested().count("/ferry") == 2


def test_feeds_that_fail_are_skipped_with_their_reason(server, fetcher, store):
    server.routes["/slow"] = Route(rss([{"guid": "a"}]), delay=1)
    server.routes["/huge"] = Route(rss([{"guid": f"g{i}", "summary": "x" * 1000} for i in range(400)]))
    server.routes["/bad"] = Route((DATA / "feeds" / "malformed.rss").read_bytes())
    feeds = [server.url(p) for p in ("/missing", "/slow", "/huge", "/bad")]
    result = refresh(store, fetcher, feeds=feeds, pages=[], since=datetime(2026, 1, 1, tzinfo=timezone.utc), now=NOW)
    reasons = {s.input.rsplit("/", 1)[1]: s.reason for s in result.skipped}
    assert reasons == {"missing": "HTTP 404 Not Found", "slow": "timed out after 0.3 s",
                       "huge": "larger than the 300,000 byte limit"}
    assert any("malformed feed" in w for w in result.warnings)
    assert {a.title for a in window_articles(store, SINCE, NOW)[0]} == {"Harbour bridge to close for repairs",
                                                                       "Ferry fares rise by 4%"}


def test_a_redirected_feed_resolves_links_against_where_it_ended(server, fetcher, store):
    server.routes["/old-feed"] = Route(status=301, headers={"Location": "/news/feed"})
    server.routes["/news/feed"] = Route(rss([{"guid": "bridge", "link": "bridge"}]))
    server.routes["/news/bridge"] = page("bridge.html")
    refresh(store, fetcher, feeds=[server.url("/old-feed")], pages=[], since=SINCE, now=NOW)
    (article,) = window_articles(store, SINCE, NOW)[0]
    assert article.url == server.url("/news/bridge") and "18,000 vehicles" in article.text


def test_configured_pages_and_local_feed_files(server, fetcher, store, tmp_path):
    server.routes["/ferry"] = page("ferry.html")
    local = tmp_path / "saved.rss"
    local.write_bytes(rss([{"guid": "local-1", "title": "From a file", "summary": "Saved entry text."}]))
    result = refresh(store, fetcher, feeds=[str(local)], pages=[server.url("/ferry"), "ftp://127.0.0.1/x"],
                     since=SINCE, now=NOW)
    assert [(s.input, s.reason) for s in result.skipped] == [("ftp://127.0.0.1/x", "not an http or https URL")]
    articles = window_articles(store, SINCE, NOW)[0]
    assert {a.title for a in articles} == {"From a file", "Harbour ferry fares to rise by 4% in January"}


def test_an_entry_listed_late_is_fetched_and_joins_the_next_window(server, fetcher, store):
    server.routes["/feed"] = Route(rss([{"guid": "bridge", "link": server.url("/bridge"), "hours": 3}]))
    server.routes["/ferry"] = page("ferry.html")
    refresh(store, fetcher, feeds=[server.url("/feed")], pages=[], since=SINCE, now=NOW)
    server.routes["/feed"] = Route(rss([{"guid": "bridge", "link": server.url("/bridge"), "hours": 3},
                                        {"guid": "ferry", "link": server.url("/ferry"), "hours": 1}]))
    later = NOW + timedelta(hours=24)  # the next run's window starts where the first one ended
    refresh(store, fetcher, feeds=[server.url("/feed")], pages=[], since=NOW, now=later)
    assert "/ferry" in server.paths_requested()
    (article,) = window_articles(store, NOW, later)[0]
    assert article.url == server.url("/ferry") and "January" in article.text


def test_a_pages_outlet_names_the_source_when_the_feed_does_not(server, fetcher, store):
    server.routes["/feed"] = Route(rss([{"guid": "ferry", "link": server.url("/ferry")}], title=""))
    server.routes["/ferry"] = page("ferry.html")
    server.routes["/bridge"] = page("bridge.html")
    refresh(store, fetcher, feeds=[server.url("/feed")], pages=[server.url("/bridge")], since=SINCE, now=NOW)
    articles = window_articles(store, SINCE, NOW)[0]
    assert [(a.url, a.outlet) for a in articles] == [(server.url("/bridge"), "Harbour Gazette"),
                                                     (server.url("/ferry"), "Harbour Gazette")]


def test_feed_urls_of_other_schemes_are_refused_not_read_as_files(fetcher, store, tmp_path):
    saved = tmp_path / "saved.rss"
    saved.write_bytes(rss([{"guid": "local-1", "summary": "Saved entry text."}]))
    feeds = ["ftp://127.0.0.1/feed.rss", saved.as_uri(), str(tmp_path / "missing.rss")]
    result = refresh(store, fetcher, feeds=feeds, pages=[], since=SINCE, now=NOW)
    assert [(s.input, s.reason) for s in result.skipped] == [
        ("ftp://127.0.0.1/feed.rss", "only http and https URLs are fetched, not ftp"),
        (saved.as_uri(), "only http and https URLs are fetched, not file"),
        (str(tmp_path / "missing.rss"), "cannot read: No such file or directory"),  # a plain path is a file
    ]
