"""The SQLite state kept between scheduled runs."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from brief.errors import UsageError
from brief.store import DB_NAME, PastStory, Store, default_state_dir

NOW = datetime(2026, 11, 22, 6, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / DB_NAME) as opened:
        yield opened


def entry(key="k1", url="https://news.example/a", content_hash="h1", published=NOW - timedelta(hours=2), **changes):
    fields = dict(key=key, url=url, feed="https://news.example/rss", outlet="Gazette", title="Title", summary="Sum",
                  content_hash=content_hash, published=published, seen_at=NOW)
    fields.update(changes)
    return fields


def test_feed_validators_are_remembered_across_connections(tmp_path):
    with Store(tmp_path / DB_NAME) as store:
        assert store.feed_validators("https://news.example/rss") == (None, None)
        store.remember_feed("https://news.example/rss", '"e1"', "Sun, 22 Nov 2026 05:00:00 GMT", NOW)
    with Store(tmp_path / DB_NAME) as again:
        assert again.feed_validators("https://news.example/rss") == ('"e1"', "Sun, 22 Nov 2026 05:00:00 GMT")


def test_items_are_seen_once_by_key_or_url_and_again_when_they_change(store):
    assert store.save_entry(**entry()) is True
    assert store.save_entry(**entry()) is False  # same entry again: nothing to fetch
    assert store.save_entry(**entry(key="other-guid")) is False  # same URL under another guid
    store.set_text("k1", "Article text.", "page")
    assert store.pending_items(since=NOW - timedelta(days=1)) == []
    assert store.save_entry(**entry(content_hash="h2", title="New title")) is True  # the feed changed it
    (pending,) = store.pending_items(since=NOW - timedelta(days=1))
    assert pending.title == "New title" and pending.text is None


def test_pages_fill_in_what_the_feed_left_out(store):
    store.save_entry(**entry(title="", published=None, outlet=None))
    store.set_text("k1", "Text.", "page", title="Page title", published=NOW - timedelta(hours=5), outlet="Site")
    item = store.item("k1")
    assert (item.title, item.published, item.outlet, item.text_source) == (
        "Page title", NOW - timedelta(hours=5), "Site", "page")
    store.save_entry(**entry(key="k2", url="u2"))
    store.set_text("k2", "Text.", "page", title="Page title", outlet="Site")
    assert (store.item("k2").title, store.item("k2").outlet) == ("Title", "Gazette")  # the feed's own stay


def test_window_uses_publication_else_first_seen_time(store):
    store.save_entry(**entry(key="old", url="u1", published=NOW - timedelta(days=3), seen_at=NOW - timedelta(days=3)))
    store.save_entry(**entry(key="new", url="u2", published=NOW - timedelta(hours=1)))
    store.save_entry(**entry(key="undated", url="u3", published=None))
    keys = [item.key for item in store.items_between(NOW - timedelta(days=1), NOW)]
    assert keys == ["new", "undated"]
    assert [i.key for i in store.pending_items(since=NOW - timedelta(days=1))] == ["new", "undated"]


def test_an_item_a_feed_lists_late_joins_the_window_it_was_first_seen_in(store):
    start = NOW - timedelta(days=1)  # the previous run ended here
    store.save_entry(**entry(key="seen-before", url="u1", published=start - timedelta(hours=1), seen_at=start))
    store.save_entry(**entry(key="late", url="u2", published=start - timedelta(hours=1)))  # first seen at NOW
    store.save_entry(**entry(key="backlog", url="u3", published=start - timedelta(days=2, seconds=1)))
    assert [i.key for i in store.items_between(start, NOW)] == ["late"]
    assert [i.key for i in store.pending_items(since=start)] == ["late"]
    assert store.items_between(NOW, NOW + timedelta(days=1)) == []  # in one window only


def test_a_failed_page_stays_pending_with_its_reason(store):
    store.save_entry(**entry())
    store.mark_failed("k1", "HTTP 503")
    (item,) = store.pending_items(since=NOW - timedelta(days=1))
    assert item.note == "HTTP 503"


def test_run_log_and_last_successful_run(store):
    first = store.start_run(NOW - timedelta(days=1))
    store.finish_run(first, finished_at=NOW - timedelta(days=1), exit_code=0, briefing_date="2026-11-21",
                     window=(NOW - timedelta(days=2), NOW - timedelta(days=1)), articles=10, stories=3)
    failed = store.start_run(NOW)
    store.finish_run(failed, finished_at=NOW, exit_code=5, briefing_date="2026-11-22", message="SMTP down")
    again = store.start_run(NOW + timedelta(minutes=5))
    store.finish_run(again, finished_at=NOW + timedelta(minutes=6), exit_code=1, briefing_date="2026-11-22")
    assert store.last_successful_run().id == again
    previous = store.last_successful_run(before_date="2026-11-22")
    assert previous.id == first and previous.window_end == NOW - timedelta(days=1) and previous.stories == 3
    assert [run.exit_code for run in store.runs()] == [1, 5, 0]


def test_stories_of_a_date_are_replaced_by_a_repeated_run(store):
    store.remember_stories("2026-11-21", [PastStory("s1", "2026-11-21", frozenset({"bridge"}), frozenset({"k1"}))])
    store.remember_stories("2026-11-22", [PastStory("s2", "2026-11-22", frozenset({"ferry"}), frozenset({"k2"}))])
    store.remember_stories("2026-11-22", [PastStory("s3", "2026-11-22", frozenset({"ferry"}), frozenset({"k3"}))])
    assert [s.id for s in store.past_stories("2026-11-01", "2026-11-23")] == ["s3", "s1"]
    assert [s.id for s in store.past_stories("2026-11-01", "2026-11-22")] == ["s1"]


def test_default_state_dir_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_state_dir() == tmp_path / "brief"


def test_an_unusable_state_path_is_a_usage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UsageError, match="cannot open the state database"):
        Store(blocker / DB_NAME)
