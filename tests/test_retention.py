"""Old state is forgotten after `state.keep_days`, so a daily job's state folder stops growing; nothing a run still
needs is lost."""
from __future__ import annotations

import sqlite3
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.config import Settings
from brief.embed import CACHE_FILE, EmbeddingCache
from brief.retention import forget_old_state
from brief.store import PastStory, Store
from brief.summarize.cache import GenerationCache

REPO = Path(__file__).resolve().parent.parent
NOW = datetime.now(timezone.utc)
OLD = NOW - timedelta(days=40)
RECENT = NOW - timedelta(hours=3)


def remember_item(store: Store, key: str, when: datetime, text: str) -> None:
    store.save_entry(key=key, url=f"https://news.example/{key}", feed="https://news.example/feed", outlet="Example",
                     title=f"Title {key}", summary="A feed summary.", content_hash=f"hash-{key}", published=when,
                     seen_at=when)
    store.set_text(key, text, "page")


def dated_cache_rows(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT digest, created FROM embeddings"))


@pytest.fixture
def state(tmp_path) -> Path:
    """A state folder as a month of daily runs leaves it: old and recent items, stories, embeddings, summaries."""
    folder = tmp_path / "state"
    with Store.in_dir(folder) as store:
        remember_item(store, "old", OLD, "An article from last month about the harbour bridge.")
        remember_item(store, "recent", RECENT, "An article from this morning about the ferry fares.")
        for day in (OLD, RECENT):
            store.remember_stories(day.date().isoformat(), [PastStory("s1", day.date().isoformat(),
                                                                      frozenset({"bridge"}), frozenset({"old"}))])
    cache = EmbeddingCache(folder / CACHE_FILE)
    cache.put_many("model", {"recent": np.ones(3, dtype=np.float32), "old": np.ones(3, dtype=np.float32)})
    cache.close()
    with sqlite3.connect(folder / CACHE_FILE) as db:
        db.execute("UPDATE embeddings SET created = ? WHERE digest = 'old'", (OLD.date().isoformat(),))
    generations = GenerationCache(folder)
    generations.put_many({"recent": "A summary."})
    generations._db.execute("INSERT INTO generations VALUES ('old', 'An old summary.', ?)",
                            (OLD.isoformat(timespec="seconds"),))
    generations._db.commit()
    generations.close()
    return folder


def test_state_older_than_keep_days_is_forgotten_and_the_rest_kept(state):
    forgotten = forget_old_state(Settings(state_dir=state, keep_days=30), now=NOW)
    assert (forgotten.items, forgotten.stories, forgotten.embeddings, forgotten.summaries) == (1, 1, 1, 1)
    with Store.in_dir(state) as store:
        assert store.item("old").text == "" and store.item("recent").text.startswith("An article from this morning")
        # the old item is still known: the feed listing it again does not make it new, nothing is fetched again
        assert not store.save_entry(key="old", url="https://news.example/old", feed=None, outlet=None, title="",
                                    summary="", content_hash="hash-old", published=OLD, seen_at=NOW)
        assert [item.key for item in store.items_between(OLD - timedelta(days=1), NOW)] == ["recent"]
        assert [s.briefing_date for s in store.past_stories("2000-01-01", "2999-01-01")] == [RECENT.date().isoformat()]
    assert set(dated_cache_rows(state / CACHE_FILE)) == {"recent"}
    assert GenerationCache(state).get_many(["old", "recent"]) == {"recent": "A summary."}


def test_keep_days_zero_keeps_everything(state):
    assert forget_old_state(Settings(state_dir=state, keep_days=0), now=NOW) is None
    with Store.in_dir(state) as store:
        assert store.item("old").text.startswith("An article from last month")
    assert set(dated_cache_rows(state / CACHE_FILE)) == {"old", "recent"}


def test_the_window_a_run_just_read_is_never_forgotten(state):
    forget_old_state(Settings(state_dir=state, keep_days=30), now=NOW, keep_from=OLD - timedelta(days=1))
    with Store.in_dir(state) as store:
        assert store.item("old").text.startswith("An article from last month")


def test_a_cache_written_before_entries_were_dated_is_dated_not_dropped(tmp_path):
    path = tmp_path / CACHE_FILE
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE embeddings (model TEXT NOT NULL, digest TEXT NOT NULL, vector BLOB NOT NULL, "
                   "PRIMARY KEY (model, digest))")
        db.execute("INSERT INTO embeddings VALUES ('model', 'legacy', ?)", (np.ones(3, dtype=np.float32).tobytes(),))
    forget_old_state(Settings(state_dir=tmp_path, keep_days=1), now=NOW)
    assert dated_cache_rows(path) == {"legacy": NOW.date().isoformat()}


def test_a_scheduled_run_forgets_old_state(state, tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEF_STATE_DIR", raising=False)  # the config file names the state folder
    config = tmp_path / "brief.toml"
    config.write_text(textwrap.dedent(f"""
        [inputs]
        files = ["{REPO / 'samples' / 'ledger-transit-vote.md'}"]
        [output]
        archive = "briefings"
        [state]
        dir = "{state}"
        keep_days = 30
        [summary]
        summarizer = "extractive"
    """))
    result = CliRunner().invoke(app, ["run", "--config", str(config), "--quiet"])
    assert result.exit_code == 0, result.output
    with Store.in_dir(state) as store:
        assert store.item("old").text == "" and store.item("recent").text
    assert "old" not in dated_cache_rows(state / CACHE_FILE)


def test_a_negative_keep_days_is_a_usage_error(tmp_path):
    config = tmp_path / "brief.toml"
    config.write_text("[state]\nkeep_days = -1\n")
    result = CliRunner().invoke(app, ["run", "--config", str(config), str(REPO / "samples")])
    assert result.exit_code == 2 and "keep_days" in result.output


def test_a_plain_run_forgets_old_cached_embeddings(state, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEF_STATE_DIR", str(state))
    result = CliRunner().invoke(app, ["run", str(REPO / "samples" / "ledger-transit-vote.md"),
                                      "-o", str(tmp_path / "briefing.md")])
    assert result.exit_code == 0, result.output
    assert "old" not in dated_cache_rows(state / CACHE_FILE) and "recent" in dated_cache_rows(state / CACHE_FILE)
