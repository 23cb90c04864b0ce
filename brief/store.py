"""State kept between scheduled runs, in one SQLite file in the state directory.

Feeds (their ETag / Last-Modified), items seen (by guid or URL, with a hash of what the feed said, the publication
time and the article text once fetched, so nothing is fetched twice), the run log with the last successful run,
and the stories of past briefings so a story that continues keeps its id.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from brief.errors import UsageError

DB_NAME = "brief.sqlite3"
SUCCESS_CODES = (0, 1)  # a briefing was written (and delivered, when asked)
FORGOTTEN = "forgotten"  # items.text_source of an item whose text was dropped after state.keep_days
# An item a feed lists late (first seen inside a window, published before it) still joins that window when it was
# published at most this long before the window's start; older backlog (a newly added feed's) stays out.
LATE_LISTING_SLACK = timedelta(days=2)
# An item's place in the window [:start, :end]: its publication (else first-seen) time lies in it, or it was first
# seen after :start and published no earlier than :oldest (:start less the slack). Each item is in one run's window.
_IN_WINDOW = ("(coalesce(published, first_seen) BETWEEN :start AND :end "
              "OR (first_seen > :start AND first_seen <= :end AND published BETWEEN :oldest AND :end))")

SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY,
    url TEXT, feed TEXT, outlet TEXT, title TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '',
    content_hash TEXT, published TEXT, first_seen TEXT NOT NULL,
    text TEXT,            -- NULL until the page was fetched (or given up on)
    text_source TEXT,     -- 'page' or 'summary'
    note TEXT             -- why the page's text was not used
);
CREATE INDEX IF NOT EXISTS items_url ON items(url);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT, exit_code INTEGER,
    briefing_date TEXT, window_start TEXT, window_end TEXT, articles INTEGER, stories INTEGER, message TEXT
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT NOT NULL, briefing_date TEXT NOT NULL, words TEXT NOT NULL, keys TEXT NOT NULL,
    PRIMARY KEY (id, briefing_date)
);
"""


def default_state_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("brief", appauthor=False))


def iso(moment: datetime) -> str:
    """UTC, to the microsecond: strings that sort as the times do (also against older, to-the-second ones, since
    "+" sorts before "."). Finer than seconds so that an item first seen just after a run is never taken for one
    that run saw."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class StoredItem:
    key: str
    url: str | None
    feed: str | None
    outlet: str | None
    title: str
    summary: str
    content_hash: str | None
    published: datetime | None
    first_seen: datetime
    text: str | None
    text_source: str | None
    note: str | None


@dataclass(frozen=True)
class RunRecord:
    id: int
    started_at: datetime
    finished_at: datetime | None
    exit_code: int | None
    briefing_date: str | None
    window_start: datetime | None
    window_end: datetime | None
    articles: int | None
    stories: int | None
    message: str | None


@dataclass(frozen=True)
class PastStory:
    id: str
    briefing_date: str
    words: frozenset[str]
    keys: frozenset[str]


class Store:
    """The state database. One connection, used from the thread that opened it."""

    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=10, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise UsageError(f"cannot open the state database {path}: {err}",
                             hint="set a writable folder with --state-dir or [state] dir") from None
        self._db.row_factory = sqlite3.Row

    @classmethod
    def in_dir(cls, state_dir: Path | None) -> Store:
        return cls((state_dir or default_state_dir()) / DB_NAME)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # feeds

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        row = self._db.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def remember_feed(self, url: str, etag: str | None, last_modified: str | None, checked_at: datetime) -> None:
        self._db.execute(
            "INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO "
            "UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at",
            (url, etag, last_modified, iso(checked_at)),
        )

    # items

    def item(self, key: str) -> StoredItem | None:
        row = self._db.execute("SELECT * FROM items WHERE key = ?", (key,)).fetchone()
        return _item(row) if row else None

    def save_entry(
        self,
        *,
        key: str,
        url: str | None,
        feed: str | None,
        outlet: str | None,
        title: str,
        summary: str,
        content_hash: str | None,
        published: datetime | None,
        seen_at: datetime,
    ) -> bool:
        """Record an item a feed (or the config) lists; True when it is new or changed and needs its page.

        An item is the same as a stored one with the same key or, failing that, the same URL.
        """
        row = self._db.execute("SELECT key, content_hash FROM items WHERE key = ?", (key,)).fetchone()
        if row is None and url:
            row = self._db.execute("SELECT key, content_hash FROM items WHERE url = ? ORDER BY key LIMIT 1",
                                   (url,)).fetchone()
        if row is None:
            self._db.execute(
                "INSERT INTO items (key, url, feed, outlet, title, summary, content_hash, published, first_seen) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, url, feed, outlet, title, summary, content_hash, published and iso(published), iso(seen_at)),
            )
            return True
        if row["content_hash"] == content_hash:
            return False
        self._db.execute(
            "UPDATE items SET url = ?, outlet = ?, title = ?, summary = ?, content_hash = ?, published = ?, "
            "text = NULL, text_source = NULL, note = NULL WHERE key = ?",
            (url, outlet, title, summary, content_hash, published and iso(published), row["key"]),
        )
        return True

    def set_text(self, key: str, text: str, source: str, note: str | None = None, *, title: str | None = None,
                 published: datetime | None = None, outlet: str | None = None) -> None:
        """Store an item's article text; the page's own title, time and outlet fill in what the feed did not give."""
        self._db.execute(
            "UPDATE items SET text = ?, text_source = ?, note = ?, title = CASE WHEN title = '' THEN "
            "coalesce(?, '') ELSE title END, published = coalesce(published, ?), outlet = coalesce(outlet, ?) "
            "WHERE key = ?",
            (text, source, note, title, published and iso(published), outlet, key),
        )

    def mark_failed(self, key: str, reason: str) -> None:
        """Note why an item has no text; it stays pending, so the next run tries its page again."""
        self._db.execute("UPDATE items SET note = ? WHERE key = ?", (reason, key))

    def pending_items(self, *, since: datetime) -> list[StoredItem]:
        """Items of the window from `since` on (see items_between) whose article text is not fetched yet, in a
        stable order."""
        rows = self._db.execute(
            f"SELECT * FROM items WHERE text IS NULL AND {_IN_WINDOW} ORDER BY first_seen, key",
            _window(since, datetime.max.replace(tzinfo=timezone.utc)),
        ).fetchall()
        return [_item(row) for row in rows]

    def items_between(self, start: datetime, end: datetime) -> list[StoredItem]:
        """Items of the window [start, end], oldest first (forgotten ones not): those published in it (undated: first
        seen in it), and those first seen in it that were published at most LATE_LISTING_SLACK before `start`."""
        rows = self._db.execute(
            f"SELECT * FROM items WHERE {_IN_WINDOW} AND coalesce(text_source, '') != '{FORGOTTEN}' "
            "ORDER BY coalesce(published, first_seen), key",
            _window(start, end),
        ).fetchall()
        return [_item(row) for row in rows]

    def forget_before(self, cutoff: datetime) -> tuple[int, int]:
        """Drop the texts of items older than `cutoff` and the stories of briefings before it.

        An item's key, URL and hash stay, so a feed that still lists it does not make it new again. The run log is
        kept (it is small and holds the last successful run). Returns (items emptied, stories forgotten).
        """
        with self._db:
            self._db.execute("BEGIN")
            items = self._db.execute(
                f"UPDATE items SET text = '', summary = '', text_source = '{FORGOTTEN}', note = NULL "
                f"WHERE coalesce(published, first_seen) < ? AND first_seen < ? "
                f"AND coalesce(text_source, '') != '{FORGOTTEN}'",
                (iso(cutoff), iso(cutoff)),
            ).rowcount
            stories = self._db.execute("DELETE FROM stories WHERE briefing_date < ?",
                                       (cutoff.date().isoformat(),)).rowcount
        return items, stories

    # runs

    def start_run(self, started_at: datetime) -> int:
        return self._db.execute("INSERT INTO runs (started_at) VALUES (?)", (iso(started_at),)).lastrowid

    def finish_run(
        self,
        run_id: int,
        *,
        finished_at: datetime,
        exit_code: int,
        briefing_date: str | None = None,
        window: tuple[datetime, datetime] | None = None,
        articles: int | None = None,
        stories: int | None = None,
        message: str | None = None,
    ) -> None:
        self._db.execute(
            "UPDATE runs SET finished_at = ?, exit_code = ?, briefing_date = ?, window_start = ?, window_end = ?, "
            "articles = ?, stories = ?, message = ? WHERE id = ?",
            (iso(finished_at), int(exit_code), briefing_date, window and iso(window[0]), window and iso(window[1]),
             articles, stories, message, run_id),
        )

    def last_successful_run(self, *, before_date: str | None = None) -> RunRecord | None:
        """The latest run that wrote its briefing, optionally only among those for a date before `before_date`."""
        sql = f"SELECT * FROM runs WHERE exit_code IN {SUCCESS_CODES}"
        args: tuple = ()
        if before_date is not None:
            sql += " AND briefing_date < ?"
            args = (before_date,)
        row = self._db.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return _run(row) if row else None

    def runs(self, limit: int = 20) -> list[RunRecord]:
        rows = self._db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [_run(row) for row in rows]

    # stories

    def past_stories(self, since_date: str, before_date: str) -> list[PastStory]:
        """Stories of briefings dated in [since_date, before_date), newest first."""
        rows = self._db.execute(
            "SELECT * FROM stories WHERE briefing_date >= ? AND briefing_date < ? ORDER BY briefing_date DESC, id",
            (since_date, before_date),
        ).fetchall()
        return [PastStory(r["id"], r["briefing_date"], frozenset(json.loads(r["words"])),
                          frozenset(json.loads(r["keys"]))) for r in rows]

    def remember_stories(self, briefing_date: str, stories: list[PastStory]) -> None:
        """Replace the stories recorded for `briefing_date` (a repeated run rewrites that date's briefing)."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute("DELETE FROM stories WHERE briefing_date = ?", (briefing_date,))
            self._db.executemany(
                "INSERT INTO stories (id, briefing_date, words, keys) VALUES (?, ?, ?, ?)",
                [(s.id, briefing_date, json.dumps(sorted(s.words)), json.dumps(sorted(s.keys))) for s in stories],
            )


def _window(start: datetime, end: datetime) -> dict[str, str]:
    return {"start": iso(start), "end": iso(end), "oldest": iso(start - LATE_LISTING_SLACK)}


def _item(row: sqlite3.Row) -> StoredItem:
    return StoredItem(
        row["key"], row["url"], row["feed"], row["outlet"], row["title"], row["summary"], row["content_hash"],
        from_iso(row["published"]), from_iso(row["first_seen"]), row["text"], row["text_source"], row["note"],
    )


def _run(row: sqlite3.Row) -> RunRecord:
    return RunRecord(
        row["id"], from_iso(row["started_at"]), from_iso(row["finished_at"]), row["exit_code"],
        row["briefing_date"], from_iso(row["window_start"]), from_iso(row["window_end"]), row["articles"],
        row["stories"], row["message"],
    )
