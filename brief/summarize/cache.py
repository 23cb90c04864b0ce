"""What the model generated for a prompt, kept in `summaries.sqlite` in the state directory.

The key hashes everything that decides the output: the model (name and a fingerprint of its files), the backend
with its weight type, the generation options and the rendered prompt (template and input sentences). The raw
generated text is stored, and the citation and number checks run again on every use, so improving the checks
never needs a new generation.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

log = logging.getLogger(__name__)

DB_NAME = "summaries.sqlite"

SCHEMA = "CREATE TABLE IF NOT EXISTS generations (key TEXT PRIMARY KEY, text TEXT NOT NULL, created TEXT NOT NULL)"


def cache_key(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()


class GenerationCache:
    """A small SQLite key -> text store; an unreadable or unwritable file disables the cache instead of failing."""

    def __init__(self, state_dir: Path):
        self.path = state_dir / DB_NAME
        try:
            state_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute(SCHEMA)
        except (OSError, sqlite3.Error) as err:
            self._db = None
            log.warning("summary cache %s is not usable (%s); summaries are generated anew", self.path, err)

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        keys = list(dict.fromkeys(keys))
        if self._db is None or not keys:
            return {}
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                rows = self._db.execute(
                    f"SELECT key, text FROM generations WHERE key IN ({','.join('?' * len(chunk))})", chunk
                )
                found.update(rows.fetchall())
        except sqlite3.Error as err:
            log.warning("summary cache %s cannot be read (%s)", self.path, err)
            return {}
        return found

    def put_many(self, items: dict[str, str]) -> None:
        if self._db is None or not items:
            return
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO generations (key, text, created) VALUES (?, ?, ?)",
                    [(key, text, now) for key, text in items.items()],
                )
        except sqlite3.Error as err:
            log.warning("summary cache %s cannot be written (%s)", self.path, err)

    def forget_before(self, cutoff: datetime) -> int:
        """Delete the generations stored before `cutoff`; their count."""
        if self._db is None:
            return 0
        try:
            with self._db:
                return self._db.execute("DELETE FROM generations WHERE created < ?",
                                        (cutoff.astimezone(timezone.utc).isoformat(timespec="seconds"),)).rowcount
        except sqlite3.Error as err:
            log.warning("summary cache %s cannot be pruned (%s)", self.path, err)
            return 0

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
